"""`govproj export`: the snapshot agrees with `check`, `deadlines` and `log`; SQLite and JSON Lines hold the same rows;
the same inputs give the same snapshot (with or without the cache); bad targets are exit 2 and leave nothing."""
from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest

from gitfixture import clean_git_env, git
from govproj.cli import main
from govproj.edges.snapshot import SCHEMA_VERSION, TABLES
from portfolio import TODAY, WAIVED_RULE, build_portfolio

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    with pytest.MonkeyPatch.context() as monkeypatch:
        clean_git_env(monkeypatch)
        return build_portfolio(tmp_path_factory.mktemp("export") / "unit", "某区政务服务和数据管理局")


@pytest.fixture
def at_repo(repo: Path, monkeypatch) -> Path:
    clean_git_env(monkeypatch)
    monkeypatch.chdir(repo)
    monkeypatch.setenv("NO_COLOR", "1")
    return repo


def cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def sqlite_tables(path: Path) -> dict[str, list[dict]]:
    db = sqlite3.connect(path)
    db.row_factory = sqlite3.Row
    try:
        return {t: [dict(r) for r in db.execute(f'SELECT * FROM "{t}"')] for t in TABLES}
    finally:
        db.close()


def jsonl_tables(path: Path) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {t: [] for t in TABLES}
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        out[record.pop("table")].append(record)
    return out


@pytest.fixture
def exported(at_repo: Path, capsys, tmp_path: Path) -> dict[str, list[dict]]:
    code, _, err = cli(capsys, "export", "projects", "--to", str(tmp_path / "s.sqlite"), "--today", TODAY)
    assert code == 0, err
    assert "已写出" in err and "1 个无法读取" in err
    return sqlite_tables(tmp_path / "s.sqlite")


def test_columns_are_the_declared_schema(exported, tmp_path) -> None:
    db = sqlite3.connect(tmp_path / "s.sqlite")
    for table, columns in TABLES.items():
        assert [r[1] for r in db.execute(f'PRAGMA table_info("{table}")')] == [c.name for c in columns]
    meta = exported["meta"]
    assert meta == [{"schema_version": SCHEMA_VERSION, "govproj_version": __import__("govproj").__version__,
                     "today": TODAY, "projects": 4}]


def test_projects_agree_with_check_and_git(exported, at_repo, capsys) -> None:
    from govproj.packs import get_pack

    rows = {p["path"]: p for p in exported["projects"]}
    assert list(rows) == ["projects/a-yb", "projects/b-late", "projects/c-new", "projects/d-broken"]
    _, out, _ = cli(capsys, "check", "projects", "--format", "json", "--today", TODAY)
    for p in json.loads(out)["projects"]:
        row = rows[p["path"]]
        if p.get("error"):
            continue
        assert (row["errors"], row["warnings"], row["infos"], row["waived"]) == \
            (p["errors"], p["warnings"], p["infos"], p["waived"])
    head = git(at_repo, "rev-parse", "HEAD").strip()
    yb = rows["projects/a-yb"]
    assert yb["id"] == "yb-2026-smart-city-admin" and yb["unit"] == "某区政务服务和数据管理局"
    assert (yb["jurisdiction"], yb["jurisdiction_name"], yb["kind"], yb["stage"]) == ("yb", "重庆市渝北区", "build",
                                                                                     "procure")
    assert yb["baseline_tag"] == "govproj/yb-2026-smart-city-admin/baseline-1"
    assert yb["last_advance_commit"] == head and yb["last_advance_to"] == "procure"
    assert yb["last_advance"] == git(at_repo, "log", "-1", "--format=%aI").strip()
    assert (yb["pack"], yb["pack_version"]) == ("yb", get_pack("yb").version)
    assert re.fullmatch(r"[0-9a-f]{64}", yb["pack_hash"]) and yb["pack_hash"] != rows["projects/b-late"]["pack_hash"]
    assert {r["commit"] for r in rows.values()} == {head}
    late = rows["projects/b-late"]
    assert (late["budget_total"], late["budget_unit"], late["budget_wan"]) == ("486.50", "万元", "486.50")
    assert late["baseline_tag"] is None and late["last_advance"] is None and late["overdue"] == 1
    broken = rows["projects/d-broken"]
    assert broken["id"] == "d-broken" and broken["jurisdiction"] is None
    assert broken["load_error"].startswith("projects/d-broken/project.yaml:")


def test_findings_list_the_check_and_the_waived_ones(exported, capsys) -> None:
    _, out, _ = cli(capsys, "check", "projects", "--format", "json", "--today", TODAY)
    reported = sorted((d["project"], d["code"], d["file"], d["line"], d["message"], d["citation"])
                      for d in json.loads(out)["diagnostics"])
    rows = exported["findings"]
    assert sorted((f["project_path"], f["rule"], f["file"], f["line"], f["message"], f["article"])
                  for f in rows if not f["waived"]) == reported
    waived = [f for f in rows if f["waived"]]
    assert [(f["project_id"], f["rule"]) for f in waived] == [("bj-2026-late", WAIVED_RULE)]
    assert waived[0]["article"] and waived[0]["severity"] in ("error", "warning", "info")


def test_deadlines_agree_with_the_deadlines_command(exported, capsys) -> None:
    _, out, _ = cli(capsys, "deadlines", "projects", "--format", "json", "--today", TODAY)
    payload = json.loads(out)
    listed = sorted((d["project_id"], d["code"], d["due"], d["status"]) for p in payload["projects"]
                    for d in p["deadlines"])
    rows = exported["deadlines"]
    assert sorted((d["project_id"], d["rule"], d["due"], d["status"]) for d in rows) == listed
    late = [d for d in rows if d["status"] == "overdue"]
    assert [(d["project_id"], d["rule"], d["due"], d["overdue_days"]) for d in late] == \
        [("bj-2026-late", "BJ111", "2026-10-22", 34)]  # as `status` says: 已逾期 24 个工作日（34 天）
    assert all(d["overdue_days"] == 0 for d in rows if d["status"] != "overdue")
    assert {d["estimated_calendar"] for d in rows} <= {0, 1} and any(d["estimated_calendar"] for d in rows)


def test_advances_agree_with_log(exported, capsys) -> None:
    _, out, _ = cli(capsys, "log", "projects/a-yb", "--format", "json")
    entries = json.loads(out)["projects"][0]["entries"]
    rows = [a for a in exported["advances"] if a["project_path"] == "projects/a-yb"]
    assert [(a["seq"], a["commit"], a["kind"], a["from_stage"], a["to_stage"], a["date"], a["author"], a["tag"])
            for a in rows] == [(i, e["commit"], e["kind"], e["from"], e["to"], e["date"], e["author"], e["tag"])
                               for i, e in enumerate(entries, 1)]
    assert [a["kind"] for a in rows] == ["created", "advance", "advance", "advance"]
    assert all(a["outcome"] == "pass" for a in rows[1:])


def test_jsonl_holds_the_same_rows_and_is_deterministic(at_repo, exported, capsys, tmp_path, monkeypatch) -> None:
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    assert cli(capsys, "export", "projects", "--to", str(first), "--today", TODAY)[0] == 0
    monkeypatch.delenv("GOVPROJ_NO_CACHE")  # the second run writes the cache, a third reads it: same bytes
    monkeypatch.setenv("GOVPROJ_CACHE_DIR", str(tmp_path / "cache"))
    assert cli(capsys, "export", "projects", "--to", str(second), "--today", TODAY)[0] == 0
    assert first.read_bytes() == second.read_bytes()
    assert cli(capsys, "export", "projects", "--to", str(second), "--today", TODAY)[0] == 0
    assert first.read_bytes() == second.read_bytes()
    assert jsonl_tables(first) == exported
    assert cli(capsys, "export", "projects", "--to", str(tmp_path / "again.sqlite"), "--today", TODAY)[0] == 0
    assert sqlite_tables(tmp_path / "again.sqlite") == exported  # from the cache: the same rows


@pytest.mark.parametrize("target, message", [
    ("out.csv", "扩展名应为 .sqlite、.parquet 或 .jsonl"),
    ("folder.sqlite", "是一个文件夹"),
    ("afile/out.sqlite", "不是文件夹"),
    ("/proc/1/out.sqlite", "无法写入"),  # the folder exists and cannot be written to (even by root)
])
def test_bad_targets_are_usage_errors_and_leave_nothing(at_repo, capsys, tmp_path, monkeypatch, target,
                                                        message) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "folder.sqlite").mkdir()
    (tmp_path / "afile").write_text("不是文件夹", encoding="utf-8")
    before = sorted(p.name for p in tmp_path.rglob("*"))
    code, out, err = cli(capsys, "export", str(at_repo / "projects"), "--to", target, "--today", TODAY)
    assert code == 2 and message in err and "Traceback" not in err, err
    assert sorted(p.name for p in tmp_path.rglob("*")) == before


def test_missing_path_is_exit_2(at_repo, capsys, tmp_path) -> None:
    code, _, err = cli(capsys, "export", "nowhere", "--to", str(tmp_path / "x.sqlite"))
    assert code == 2 and "路径不存在" in err and not (tmp_path / "x.sqlite").exists()


def test_an_existing_snapshot_is_replaced_whole(at_repo, capsys, tmp_path) -> None:
    target = tmp_path / "s.jsonl"
    target.write_text("旧的内容\n", encoding="utf-8")
    assert cli(capsys, "export", "projects/c-new", "--to", str(target), "--today", TODAY)[0] == 0
    tables = jsonl_tables(target)
    assert [p["path"] for p in tables["projects"]] == ["projects/c-new"]
    assert [p.name for p in tmp_path.iterdir()] == ["s.jsonl"]  # no temporary file left beside it


def test_docs_describe_every_column() -> None:
    """docs/export.md has one table per snapshot table, listing exactly the declared columns with their types."""
    text = (ROOT / "docs" / "export.md").read_text(encoding="utf-8")
    for table, columns in TABLES.items():
        section = text.split(f"### `{table}`", 1)
        assert len(section) == 2, f"docs/export.md has no section ### `{table}`"
        body = section[1].split("\n### ", 1)[0]
        documented = re.findall(r"^\| `([a-z_]+)` \| (\w+) \|", body, re.M)
        assert documented == [(c.name, c.type) for c in columns], table
