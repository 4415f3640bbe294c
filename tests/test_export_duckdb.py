"""Parquet snapshots of several real repositories, read together by DuckDB with the very queries of docs/export.md,
give the numbers counted snapshot by snapshot from their JSON Lines twins."""
from __future__ import annotations

import json
import re
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from gitfixture import clean_git_env
from govproj.cli import main
from govproj.edges.snapshot import TABLES
from portfolio import TODAY, build_portfolio

duckdb = pytest.importorskip("duckdb")  # in the `test` extra; skipped only where it cannot be installed

ROOT = Path(__file__).resolve().parents[1]
UNITS = {"区政务服务局": dict(advances=3, late=True), "区大数据局": dict(advances=1, late=True),
         "区民政局": dict(advances=0, late=False)}


def doc_queries() -> dict[str, str]:
    """Every SQL block that follows a `<!-- query: NAME -->` marker in docs/export.md."""
    text = (ROOT / "docs" / "export.md").read_text(encoding="utf-8")
    found = dict(re.findall(r"<!-- query: (\w+) -->\s*```sql\n(.*?)```", text, re.S))
    assert {"setup", "overdue_by_unit", "projects_by_stage", "findings_by_article"} <= set(found)
    return found


@pytest.fixture(scope="module")
def snapshots(tmp_path_factory) -> tuple[Path, dict[str, dict[str, list[dict]]]]:
    """(folder holding snapshots/, {unit: tables read from its JSON Lines export})."""
    work = tmp_path_factory.mktemp("portfolio")
    tables: dict[str, dict[str, list[dict]]] = {}
    with pytest.MonkeyPatch.context() as monkeypatch:
        clean_git_env(monkeypatch)
        monkeypatch.setenv("NO_COLOR", "1")
        for index, (unit, shape) in enumerate(UNITS.items()):
            repo = build_portfolio(work / f"repo{index}", unit, **shape)
            monkeypatch.chdir(repo)  # as CI runs it: at the repository's root
            for target in (work / "snapshots" / f"{unit}.parquet", work / "jsonl" / f"{unit}.jsonl"):
                assert main(["export", "projects", "--to", str(target), "--today", TODAY]) == 0
            tables[unit] = {t: [] for t in TABLES}
            for line in (work / "jsonl" / f"{unit}.jsonl").read_text(encoding="utf-8").splitlines():
                record = json.loads(line)
                tables[unit][record.pop("table")].append(record)
    return work, tables


@pytest.fixture
def db(snapshots, monkeypatch):
    work, _ = snapshots
    monkeypatch.chdir(work)
    con = duckdb.connect()
    con.execute(doc_queries()["setup"])
    yield con
    con.close()


def run(con, name: str) -> list[tuple]:
    return con.execute(doc_queries()[name]).fetchall()


def test_a_dataset_is_one_parquet_file_per_table(snapshots) -> None:
    work, tables = snapshots
    for unit in UNITS:
        folder = work / "snapshots" / f"{unit}.parquet"
        assert sorted(p.name for p in folder.iterdir()) == sorted(f"{t}.parquet" for t in TABLES)
        con = duckdb.connect()
        for table, columns in TABLES.items():
            rows = con.execute(f"SELECT * FROM read_parquet('{folder / (table + '.parquet')}')")
            assert [d[0] for d in rows.description] == [c.name for c in columns]
            assert len(rows.fetchall()) == len(tables[unit][table])


def test_overdue_by_unit(db, snapshots) -> None:
    _, tables = snapshots
    expected = []
    for unit, t in tables.items():
        late = [d for d in t["deadlines"] if d["status"] == "overdue"]
        if late:
            days = [d["overdue_days"] for d in late]
            expected.append((unit, len(late), sum(days), max(days)))
    expected.sort(key=lambda r: (-r[1], r[0]))
    assert run(db, "overdue_by_unit") == expected
    assert [r[0] for r in expected] == ["区大数据局", "区政务服务局"]  # the 民政局's upgrade is not late


def test_projects_by_stage(db, snapshots) -> None:
    _, tables = snapshots
    counts: Counter = Counter()
    budgets: dict[tuple, Decimal] = {}
    for t in tables.values():
        for p in t["projects"]:
            if p["load_error"] is None:
                key = (p["jurisdiction_name"], p["stage"], p["stage_name"])
                counts[key] += 1
                budgets[key] = budgets.get(key, Decimal(0)) + Decimal(p["budget_wan"])
    expected = sorted((k + (n, budgets[k]) for k, n in counts.items()), key=lambda r: (r[0], r[1]))
    got = run(db, "projects_by_stage")
    assert [(j, s, n, c, Decimal(b)) for j, s, n, c, b in got] == expected
    yb_stages = {s for j, s, *_ in got if j == "重庆市渝北区"}
    assert yb_stages == {"procure", "budget", "deliberation"}  # 3, 1 and 0 advances


def test_findings_by_article(db, snapshots) -> None:
    _, tables = snapshots
    counts: Counter = Counter()
    projects: dict[tuple, set] = {}
    for unit, t in tables.items():
        for f in t["findings"]:
            if not f["waived"]:
                key = (f["article"], f["rule"], f["severity"])
                counts[key] += 1
                projects.setdefault(key, set()).add((unit, f["project_path"]))
    expected = sorted((k + (n, len(projects[k])) for k, n in counts.items()), key=lambda r: (-r[3], r[0], r[1]))
    assert run(db, "findings_by_article") == expected and expected


def test_parquet_needs_duckdb_said_in_chinese(monkeypatch, capsys, tmp_path) -> None:
    import builtins

    real = builtins.__import__

    def without_duckdb(name, *args, **kwargs):
        if name == "duckdb":
            raise ImportError("No module named 'duckdb'")
        return real(name, *args, **kwargs)

    (tmp_path / "p").mkdir()
    monkeypatch.setattr(builtins, "__import__", without_duckdb)
    code = main(["export", str(tmp_path), "--to", str(tmp_path / "x.parquet")])
    err = capsys.readouterr().err
    assert code == 2 and "DuckDB" in err and "govproj[export]" in err and not (tmp_path / "x.parquet").exists()


def test_a_folder_that_is_not_a_snapshot_is_not_replaced(capsys, tmp_path) -> None:
    target = tmp_path / "mine.parquet"
    target.mkdir()
    (target / "notes.txt").write_text("我的文件", encoding="utf-8")
    code = main(["export", str(ROOT / "examples" / "bj-gis-upgrade"), "--to", str(target)])
    assert code == 2 and "不会覆盖" in capsys.readouterr().err
    assert [p.name for p in target.iterdir()] == ["notes.txt"]
