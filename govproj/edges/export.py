"""Write a snapshot (govproj.edges.snapshot) as SQLite, JSON Lines or a Parquet dataset: all or nothing.

The format follows the target's name: `.sqlite` (also `.db`, `.sqlite3`; the standard library's sqlite3), `.jsonl`
(one JSON object a line, each with its `table`), `.parquet` (a folder of that name with one Parquet file per table,
written by DuckDB, an optional dependency: `pip install 'govproj[export]'`). Every format is first written beside
the target under a temporary name and then renamed over it, so a reader never sees half a snapshot.
"""
from __future__ import annotations

import datetime as _dt
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from govproj.edges.snapshot import TABLES, Snapshot
from govproj.errors import UsageError

FORMATS = {".sqlite": "sqlite", ".sqlite3": "sqlite", ".db": "sqlite", ".jsonl": "jsonl", ".parquet": "parquet"}
INSTALL_HINT = "安装可选依赖：pip install 'govproj[export]'（即 DuckDB），或改用 .sqlite、.jsonl"


def format_of(target: Path) -> str:
    kind = FORMATS.get(target.suffix.lower())
    if kind is None:
        raise UsageError(f"不知道按什么格式写“{target}”：文件扩展名应为 .sqlite、.parquet 或 .jsonl",
                         hint="例如 --to portfolio.sqlite（SQLite）、--to portfolio.parquet（Parquet 数据集文件夹）、"
                              "--to portfolio.jsonl（JSON Lines）")
    return kind


def check_target(target: Path) -> str:
    """The format, after refusing what cannot be written (before any project is analysed)."""
    kind = format_of(target)
    if kind == "parquet":
        duckdb_module()
        if target.exists() and not (target.is_dir() and _is_dataset(target)):
            raise UsageError(f"“{target}”已存在，且不是 govproj 导出的 Parquet 数据集，不会覆盖它",
                             hint="换一个名字，或先删除它")
    elif target.is_dir():
        raise UsageError(f"“{target}”是一个文件夹，不能写成 {kind} 文件", hint="给出文件名，例如 snapshot.sqlite")
    parent = target.parent if str(target.parent) else Path(".")
    if parent.exists() and not parent.is_dir():
        raise UsageError(f"“{parent}”不是文件夹，无法在其中写入 {target.name}")
    return kind


def duckdb_module() -> Any:
    try:
        import duckdb
    except ImportError:
        raise UsageError("写 Parquet 需要 DuckDB，但没有安装", hint=INSTALL_HINT) from None
    return duckdb


def _is_dataset(folder: Path) -> bool:
    names = {p.name for p in folder.iterdir()}
    return not names or "meta.parquet" in names


def write(snapshot: Snapshot, target: Path) -> None:
    """Write the snapshot to `target` in the format its name says; an OSError becomes a UsageError (exit 2)."""
    kind = check_target(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        {"sqlite": write_sqlite, "jsonl": write_jsonl, "parquet": write_parquet}[kind](snapshot, target)
    except OSError as exc:
        raise UsageError(f"无法写入“{target}”：{why(exc)}",
                         hint="检查路径是否存在、是否有写权限、磁盘是否已满；没有写出任何不完整的文件") from None


def why(exc: OSError) -> str:
    """An OSError's cause in Chinese."""
    import errno

    words = {errno.EACCES: "没有写权限", errno.EPERM: "不允许写入", errno.ENOENT: "路径不存在",
             errno.ENOSPC: "磁盘空间不足", errno.EROFS: "文件系统是只读的", errno.EDQUOT: "超出磁盘配额",
             errno.ENOTDIR: "路径中有一段不是文件夹", errno.EISDIR: "目标是文件夹"}
    return words.get(exc.errno or 0, exc.strerror or str(exc))


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, _dt.date) else value


# ---- SQLite ------------------------------------------------------------------------------------------------------

SQLITE_TYPES = {"text": "TEXT", "int": "INTEGER", "bool": "INTEGER", "date": "TEXT", "decimal": "TEXT"}


def write_sqlite(snapshot: Snapshot, target: Path) -> None:
    import sqlite3

    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=str(target.parent))
    os.close(fd)
    try:
        db = sqlite3.connect(tmp)
        try:
            for table, columns in TABLES.items():
                cols = ", ".join(f'"{c.name}" {SQLITE_TYPES[c.type]}' for c in columns)
                db.execute(f'CREATE TABLE "{table}" ({cols})')
                marks = ", ".join("?" * len(columns))
                db.executemany(f'INSERT INTO "{table}" VALUES ({marks})',
                               ([_sqlite_value(v) for v in row] for row in snapshot.tables[table]))
            db.commit()
        finally:
            db.close()
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        _remove(Path(tmp))
        raise


def _sqlite_value(value: Any) -> Any:
    if isinstance(value, bool):
        return int(value)
    return _plain(value)


# ---- JSON Lines --------------------------------------------------------------------------------------------------

def jsonl_lines(snapshot: Snapshot) -> list[str]:
    lines = []
    for table in TABLES:
        for record in snapshot.records(table):
            lines.append(json.dumps({"table": table, **{k: _plain(v) for k, v in record.items()}},
                                    ensure_ascii=False, separators=(",", ":")))
    return lines


def write_jsonl(snapshot: Snapshot, target: Path) -> None:
    from govproj.edges.yamlio import atomic_write

    atomic_write(target, "".join(line + "\n" for line in jsonl_lines(snapshot)))


# ---- Parquet (DuckDB) --------------------------------------------------------------------------------------------

DUCKDB_TYPES = {"text": "VARCHAR", "int": "BIGINT", "bool": "BOOLEAN", "date": "DATE", "decimal": "DECIMAL(20,6)"}


def write_parquet(snapshot: Snapshot, target: Path) -> None:
    """One Parquet file per table in a folder named `target`. The rows go to DuckDB as newline-delimited JSON
    (read with the declared column types), which is much faster than inserting them one by one."""
    duckdb = duckdb_module()
    work = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=str(target.parent)))
    old: Path | None = None
    try:
        db = duckdb.connect(":memory:")
        try:
            db.execute("SET threads = 1")  # one writer: row groups in the snapshot's order, the same bytes each run
            for table, columns in TABLES.items():
                source = work / f".{table}.json"
                with open(source, "w", encoding="utf-8") as handle:
                    for record in snapshot.records(table):
                        handle.write(json.dumps({k: _plain(v) for k, v in record.items()}, ensure_ascii=False) + "\n")
                types = "{" + ", ".join(f"'{c.name}': '{DUCKDB_TYPES[c.type]}'" for c in columns) + "}"
                names = ", ".join(f'"{c.name}"' for c in columns)
                db.execute(f"COPY (SELECT {names} FROM read_json(?, format = 'newline_delimited', columns = {types})) "
                           f"TO '{_sql_path(work / (table + '.parquet'))}' (FORMAT parquet)", [str(source)])
                source.unlink()
        finally:
            db.close()
        if target.exists():  # an earlier snapshot of ours: moved aside, then removed once the new one is in place
            old = target.with_name(f".{target.name}.old-{os.getpid()}")
            os.replace(target, old)
        os.replace(work, target)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        if old is not None and not target.exists():
            os.replace(old, target)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass
