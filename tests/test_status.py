"""`govproj status`: the overview agrees with `check` (counts) and `deadlines` (next deadline); JSON; progress bar."""
from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from casebuild import build_project
from govproj.edges.batch import Progress
from govproj.cli import main

D = __import__("datetime").date
REPO = Path(__file__).resolve().parents[1]


pytestmark = pytest.mark.usefixtures("isolated")  # a fresh folder, no user calendar, no colour, no cache


def cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def portfolio() -> Path:
    """Four projects: two clean examples, one with an overdue pre-review and an error, one unreadable."""
    root = Path("projects")
    build_project({"base": "bj/upgrade"}, root / "a-upgrade")
    build_project({"base": "bj/new"}, root / "b-new")
    build_project({"base": "bj/upgrade",
                   "set": {"project.yaml": {"id": "bj-2026-late", "events.prereview_accepted.date": D(2026, 9, 18),
                                            "platforms": []}},
                   "delete": {"project.yaml": ["events.prereview_opinion", "documents.application"]}},
                  root / "c-late")
    (root / "d-broken").mkdir(parents=True)
    (root / "d-broken" / "project.yaml").write_text("id: x\njurisdiction: bj\nname: [未闭合\n", encoding="utf-8")
    return root


def test_status_text_agrees_with_check_and_deadlines(capsys, portfolio: Path) -> None:
    code, out, err = cli(capsys, "status", str(portfolio), "--today", "2026-11-25")
    assert code == 0 and "\r" not in err  # no progress bar when stderr is not a terminal
    # a-upgrade's next deadline (BJ131, 2026-08-14 + 1 year → Sat 2027-08-14 → Mon 08-16) rests on the 2027 estimate
    assert err.startswith("警告：2027 年的放假安排没有官方数据")
    lines = out.splitlines()
    assert lines[0].split() == ["项目", "辖区", "阶段", "错误", "警告", "下一个期限"]
    rows = {line.split()[0]: line for line in lines[1:-1]}
    assert set(rows) == {"projects/a-upgrade", "projects/b-new", "projects/c-late", "projects/d-broken"}
    assert "北京市  prereview 前置评审" in rows["projects/a-upgrade"]
    assert "2027-08-16（估算） 立项（前置评审意见函有效期内）" in rows["projects/a-upgrade"]
    assert "refine 细化建设内容" in rows["projects/b-new"]
    assert "2026-10-22 市经信委完成前置评审（出具意见函）  已逾期 24 个工作日（34 天）" in rows["projects/c-late"]
    assert "无法读取" in rows["projects/d-broken"]

    _, check_out, _ = cli(capsys, "check", str(portfolio), "--format", "json", "--today", "2026-11-25")
    counts = {p["path"]: (p["errors"], p["warnings"]) for p in json.loads(check_out)["projects"]}
    for path, line in rows.items():
        if path != "projects/d-broken":
            cells = line.split()
            assert (int(cells[4]), int(cells[5])) == counts[path], line
    assert lines[-1] == "共 4 个项目：1 个有错误（错误 1，警告 2），逾期期限 1，无法读取 1"


def test_status_json_next_deadline_is_the_first_open_one(capsys, portfolio: Path) -> None:
    code, out, _ = cli(capsys, "status", str(portfolio), "--format", "json", "--today", "2026-11-25")
    assert code == 0
    payload = json.loads(out)
    assert payload["version"] == 1 and payload["today"] == "2026-11-25"
    assert payload["summary"] == {"projects": 4, "with_errors": 1, "errors": 1, "warnings": 2, "overdue": 1,
                                  "unreadable": 1}
    by_path = {p["path"]: p for p in payload["projects"]}
    late = by_path["projects/c-late"]
    assert (late["jurisdiction"], late["jurisdiction_name"], late["stage"], late["stage_name"]) == \
        ("bj", "北京市", "prereview", "前置评审")
    assert late["next_deadline"]["code"] == "BJ111" and late["next_deadline"]["status"] == "overdue"
    assert by_path["projects/b-new"]["next_deadline"] is None  # every deadline of the example is done
    assert by_path["projects/d-broken"]["load_error"]

    _, listed, _ = cli(capsys, "deadlines", str(portfolio), "--format", "json", "--today", "2026-11-25")
    for project in json.loads(listed)["projects"]:
        open_ = [d for d in project["deadlines"] if d["status"] != "done" and d["bound"] == "by"]
        first = min(open_, key=lambda d: d["due"]) if open_ else None
        assert by_path[project["path"]]["next_deadline"] == first


def test_status_colours_only_on_request(capsys, portfolio: Path, monkeypatch) -> None:
    _, plain, _ = cli(capsys, "status", str(portfolio), "--today", "2026-11-25")
    assert "\033[" not in plain
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "160")
    monkeypatch.delenv("CI", raising=False)
    _, coloured, _ = cli(capsys, "status", str(portfolio), "--today", "2026-11-25")
    assert "\033[31m2026-10-22" in coloured  # a rich table on a terminal, the late deadline in red
    assert "市经信委完成前置评审" in coloured


def test_status_of_many_projects_in_parallel_is_the_same(capsys) -> None:
    """Enough projects to use the process pool: the result equals the in-process one, in the same order."""
    build_project({"base": "bj/upgrade"}, Path("seed/a"))
    build_project({"base": "bj/new"}, Path("seed/b"))
    for i in range(30):
        shutil.copytree(Path("seed/a" if i % 2 else "seed/b"), Path(f"many/p{i:02d}"))
    _, serial, _ = cli(capsys, "status", "many", "--format", "json", "--today", "2026-11-25", "--jobs", "1")
    _, parallel, _ = cli(capsys, "status", "many", "--format", "json", "--today", "2026-11-25", "--jobs", "2")
    assert json.loads(serial)["summary"]["projects"] == 30
    assert serial == parallel


def test_status_usage_errors(capsys) -> None:
    Path("empty").mkdir()
    code, _, err = cli(capsys, "status", "empty")
    assert code == 2 and "没有找到项目" in err
    code, _, err = cli(capsys, "status", "empty", "--jobs", "-1")
    assert code == 2


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal_and_only_when_slow(monkeypatch) -> None:
    monkeypatch.delenv("TERM", raising=False)
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    tty, pipe = _Terminal(), io.StringIO()
    monkeypatch.setattr(Progress, "DELAY", 0.0)
    for stream in (tty, pipe):
        bar = Progress(50, "汇总", stream=stream)
        for _ in range(50):
            bar.step()
        bar.done()
    assert pipe.getvalue() == ""
    text = tty.getvalue()
    assert "汇总" in text and "50/50" in text  # rich's bar, on stderr of a terminal only

    monkeypatch.setattr(Progress, "DELAY", 60.0)  # a run shorter than the delay shows nothing at all
    quick = _Terminal()
    bar = Progress(50, "汇总", stream=quick)
    for _ in range(50):
        bar.step()
    bar.done()
    assert quick.getvalue() == ""


def test_status_sorts_project_folders_naturally(capsys):
    root = Path("many")
    for name in ("p100", "p2", "p10", "p1"):
        build_project({"base": "bj/upgrade"}, root / name)
    code, out, _ = cli(capsys, "status", str(root), "--format", "json")
    assert code in (0, 1)
    shown = [Path(p["path"]).name for p in json.loads(out)["projects"]]
    assert shown == ["p1", "p2", "p10", "p100"]


def test_check_of_a_file_outside_any_project_is_refused(capsys, portfolio):
    notes = portfolio / "notes.txt"
    notes.write_text("会议纪要\n", encoding="utf-8")
    code, out, err = cli(capsys, "check", str(notes))
    assert code == 2
    assert "notes.txt" in err and "不在任何项目里" in err and "project.yaml" in err
    assert "a-upgrade" not in out + err  # its neighbours are not checked


def test_check_of_a_file_inside_a_project_checks_that_project_only(capsys, portfolio):
    code, out, err = cli(capsys, "check", str(portfolio / "a-upgrade" / "budget.yaml"))
    assert code in (0, 1)
    assert "a-upgrade" in out and "b-new" not in out and "d-broken" not in out


def test_duplicate_project_ids_are_reported_on_every_copy(capsys):
    root = Path("copies")
    build_project({"base": "bj/upgrade"}, root / "a")
    shutil.copytree(root / "a", root / "b")  # the usual way to start a new project: copy a folder
    build_project({"base": "bj/new"}, root / "c")
    for _ in range(2):  # the second run answers from the cache: the finding must still be there
        code, out, err = cli(capsys, "check", str(root))
        assert code == 1, out + err
        lines = [line for line in out.splitlines() if "GP050" in line]
        assert len(lines) == 2, out
        assert "与 copies/b 相同" in out and "与 copies/a 相同" in out
        assert "copies/c" not in "\n".join(lines)
    payload = json.loads(cli(capsys, "check", str(root), "--format", "json")[1])
    hits = [d for d in payload["diagnostics"] if d["code"] == "GP050"]
    assert {d["file"] for d in hits} == {"copies/a/project.yaml", "copies/b/project.yaml"}
    assert all(d["line"] >= 1 and d["severity"] == "error" for d in hits)


def test_estimated_year_warning_is_short_and_once(capsys, portfolio):
    code, out, err = cli(capsys, "status", str(portfolio), "--today", "2026-12-20")
    notes = [line for line in err.splitlines() if "放假安排没有官方数据" in line]
    assert len(notes) == 1, err
    block = err[err.index(notes[0]):].splitlines()[:3]
    assert block[1].startswith("  处理办法：") and "govproj workdays 2027-01-01 +1" in block[1]
    assert len([line for line in err.splitlines() if line.strip()]) <= 4, err  # no 10-line example on every run
    # the command it names prints the whole notice with a calendar.yaml example that loads
    code, out, err = cli(capsys, "workdays", "2027-01-01", "+1")
    assert code == 0 and "source:" in err and "workdays:" in err and "2027 年" in err


def test_check_stage_over_a_mixed_folder_reports_the_project_without_it_and_goes_on(capsys):
    root = Path("mixed")
    shutil.copytree(REPO / "examples" / "bj-gis-upgrade", root / "a-bj")
    shutil.copytree(REPO / "examples" / "yb-zwfw-om", root / "b-yb")
    code, out, err = cli(capsys, "check", str(root), "--stage", "refine")
    assert code == 2, out + err  # one project could not be checked at that stage
    assert "mixed/a-bj（bj · 阶段 prereview → 检查 refine）" in out and "BJ161" in out  # the other one was checked
    assert "mixed/b-yb" in out and "重庆市渝北区没有阶段“refine”" in out
    assert "Traceback" not in err
