"""`govproj report`: one self-contained Chinese HTML page whose sections and numbers match the projects; loaded and
photographed by a real headless Chromium where the distribution's package is installed."""
from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from gitfixture import clean_git_env
from govproj.cli import main
from portfolio import TODAY, WAIVED_RULE, build_portfolio


class Page(HTMLParser):
    """Sections by id: their heading, the text of each table row's cells, and the `data-key` numbers."""

    def __init__(self) -> None:
        super().__init__()
        self.sections: dict[str, dict] = {}
        self.section: str | None = None
        self.cell: list[str] | None = None
        self.row: list[str] | None = None
        self.key: str | None = None
        self.tags: list[str] = []
        self.heading = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append(tag)
        if tag == "section":
            self.section = attrs["id"]
            self.sections[self.section] = {"title": "", "rows": [], "keys": {}, "svg": 0, "circles": 0}
        elif self.section is None:
            return
        elif tag == "h2":
            self.heading = True
        elif tag == "tr":
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.cell = []
        elif tag == "b" and "data-key" in attrs:
            self.key = attrs["data-key"]
        elif tag == "svg":
            self.sections[self.section]["svg"] += 1
        elif tag == "circle":
            self.sections[self.section]["circles"] += 1

    def handle_endtag(self, tag):
        if tag == "h2":
            self.heading = False
        elif tag in ("td", "th") and self.cell is not None and self.row is not None:
            self.row.append("".join(self.cell).strip())
            self.cell = None
        elif tag == "tr" and self.row is not None and self.section:
            self.sections[self.section]["rows"].append(self.row)
            self.row = None
        elif tag == "section":
            self.section = None

    def handle_data(self, data):
        if self.section is None:
            return
        s = self.sections[self.section]
        if self.heading:
            s["title"] += data
        if self.cell is not None:
            self.cell.append(data)
        if self.key:
            s["keys"][self.key] = int(data)
            self.key = None


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> tuple[Path, str]:
    work = tmp_path_factory.mktemp("report")
    with pytest.MonkeyPatch.context() as monkeypatch:
        clean_git_env(monkeypatch)
        repo = build_portfolio(work / "unit", "某区大数据局")
        monkeypatch.chdir(repo)
        assert main(["report", "projects", "-o", str(work / "report.html"), "--today", TODAY]) == 0
        assert main(["export", "projects", "--to", str(work / "s.jsonl"), "--today", TODAY]) == 0
    return work / "report.html", (work / "s.jsonl").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def page(report) -> dict[str, dict]:
    parser = Page()
    parser.feed(report[0].read_text(encoding="utf-8"))
    return parser.sections


def test_self_contained_chinese_page(report) -> None:
    html = report[0].read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and '<html lang="zh-CN">' in html
    for absent in ("http://", "https://", "<script", "<link", "@import", "src="):
        assert absent not in html, absent
    assert "@media print" in html and "<svg" in html


def test_sections_and_numbers_match_the_projects(page, report) -> None:
    import json

    records = [json.loads(line) for line in report[1].splitlines()]
    projects = [r for r in records if r["table"] == "projects"]
    assert [page[s]["title"].strip() for s in page] == [
        "概况", "按辖区", "按辖区和阶段", "已逾期和 30 天内到期的事项", "期限时间线", "问题按规则", "无法读取的项目"]
    keys = page["summary"]["keys"]
    assert keys == {"projects": 4, "with_errors": 1, "overdue": 1, "soon": 0, "findings": 2, "unreadable": 1}
    assert page["by-jurisdiction"]["rows"][1:] == [["北京市", "2"], ["重庆市渝北区", "1"]]
    assert page["by-stage"]["rows"][1:] == [["北京市", "前置评审（prereview）", "1", "486.50"],
                                            ["北京市", "细化建设内容（refine）", "1", "168.00"],
                                            ["重庆市渝北区", "组织采购（procure）", "1", "344.40"]]
    due = page["due"]["rows"][1:]
    assert len(due) == 1 and due[0][0].startswith("bj-2026-late") and due[0][1] == "某区大数据局"
    assert due[0][3:6] == ["2026-10-22", "已逾期", "逾期 34 天"] and "第11条" in due[0][6]
    findings = {r[0].split()[0]: r for r in page["findings"]["rows"][1:]}
    waived_or_not = [r for r in records if r["table"] == "findings"]
    assert set(findings) == {r["rule"] for r in waived_or_not if not r["waived"]} and WAIVED_RULE not in findings
    assert all(r[1] in ("错误", "警告", "提示") and "第" in r[2] for r in findings.values())
    assert page["timeline"]["svg"] == 1 and page["timeline"]["circles"] == sum(
        1 for r in records if r["table"] == "deadlines" and r["status"] != "done" and r["bound"] == "by")
    assert page["unreadable"]["rows"][1][0] == "projects/d-broken" and [p["path"] for p in projects
                                                                       if p["load_error"]] == ["projects/d-broken"]


def test_bad_output_is_exit_2(tmp_path, capsys) -> None:
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    example = str(Path(__file__).resolve().parents[1] / "examples" / "bj-gis-upgrade")
    assert main(["report", example, "-o", str(tmp_path)]) == 2
    assert main(["report", example, "-o", str(tmp_path / "afile" / "r.html")]) == 2
    assert main(["report", example, "-o", "/proc/1/r.html"]) == 2
    err = capsys.readouterr().err
    assert "是一个文件夹" in err and "不是文件夹" in err and "无法写入" in err and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["afile"]


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(chromium() is None, reason="Chromium（发行版的 chromium 包）没有安装")
def test_headless_chromium_loads_the_page_and_takes_a_screenshot(report, tmp_path) -> None:
    shot = tmp_path / "report.png"
    done = subprocess.run([chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                           f"--screenshot={shot}", "--window-size=1100,1400", report[0].resolve().as_uri()],
                          capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000
