"""`govproj record` through the real CLI: writes the entry with comments kept, validates, refuses, previews."""
from __future__ import annotations

from pathlib import Path

import pytest

from govproj.cli import main


def _new(tmp_path: Path, capsys) -> Path:
    folder = tmp_path / "p1"
    assert main(["new", str(folder), "-j", "bj", "--kind", "new"]) == 0
    capsys.readouterr()
    return folder


def _comments(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.lstrip().startswith("#")]


def test_record_event_keeps_comments_and_layout(tmp_path, capsys):
    folder = _new(tmp_path, capsys)
    before = (folder / "project.yaml").read_text(encoding="utf-8")
    (folder / "evidence" / "回执.pdf").write_bytes(b"%PDF")
    assert main(["record", str(folder), "提交申报", "--date", "2026-03-02", "--number", "京经信〔2026〕1号",
                 "--evidence", str(folder / "evidence" / "回执.pdf")]) == 0
    out = capsys.readouterr().out
    assert "已记录事件“提交申报”（declared）" in out and "+     date: 2026-03-02" in out
    after = (folder / "project.yaml").read_text(encoding="utf-8")
    assert _comments(after) == _comments(before)
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines()) if a != b]
    assert len(after.splitlines()) == len(before.splitlines()) + 1  # evidence: [] became a one-item block list
    assert ("    date:", "    date: 2026-03-02") in changed
    assert "      - evidence/回执.pdf" in after.splitlines()
    assert main(["check", str(folder), "--format", "json"]) in (0, 1)
    assert '"declared"' not in capsys.readouterr().err


def test_record_refuses_overwrite_without_force(tmp_path, capsys):
    folder = _new(tmp_path, capsys)
    assert main(["record", str(folder), "declared", "--date", "2026-03-02"]) == 0
    capsys.readouterr()
    text = (folder / "project.yaml").read_text(encoding="utf-8")
    assert main(["record", str(folder), "declared", "--date", "2026-03-03"]) == 2
    err = capsys.readouterr().err
    assert "已经记录过" in err and "--force" in err
    assert (folder / "project.yaml").read_text(encoding="utf-8") == text
    assert main(["record", str(folder), "declared", "--date", "2026-03-03", "--force"]) == 0
    assert "date: 2026-03-03" in (folder / "project.yaml").read_text(encoding="utf-8")


def test_unknown_event_suggests_and_bad_date_is_named(tmp_path, capsys):
    folder = _new(tmp_path, capsys)
    text = (folder / "project.yaml").read_text(encoding="utf-8")
    assert main(["record", str(folder), "declard", "--date", "2026-03-02"]) == 2
    assert "是不是“declared”" in capsys.readouterr().err
    assert main(["record", str(folder), "application", "--date", "2026-03-02"]) == 2
    assert "--document" in capsys.readouterr().err
    assert main(["record", str(folder), "declared", "--date", "2026-11-31"]) == 2
    assert "不是存在的日期" in capsys.readouterr().err
    assert main(["record", str(folder), "declared", "--result", "maybe"]) == 2
    assert "不在可选范围内" in capsys.readouterr().err
    assert main(["record", str(folder), "declared", "--set", "colour=red"]) == 2
    assert "没有字段" in capsys.readouterr().err
    assert main(["record", str(folder), "declared", "--evidence", "nowhere.pdf"]) == 2
    assert "不存在" in capsys.readouterr().err
    outside = tmp_path / "x.pdf"
    outside.write_bytes(b"x")
    assert main(["record", str(folder), "declared", "--evidence", str(outside)]) == 2
    assert "不在项目文件夹" in capsys.readouterr().err
    assert (folder / "project.yaml").read_text(encoding="utf-8") == text


def test_document_signoff_dry_run_and_findings(tmp_path, capsys):
    folder = _new(tmp_path, capsys)
    needs = (folder / "needs.yaml").read_text(encoding="utf-8")
    assert main(["record", str(folder), "业务部门负责人意见", "--signoff", "--by", "张三", "--date", "2026-02-10",
                 "--opinion", "同意", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "预演" in out and "+     name: 张三" in out
    assert (folder / "needs.yaml").read_text(encoding="utf-8") == needs
    assert main(["record", str(folder), "business_head", "--signoff", "--by", "张三", "--date", "2026-02-10",
                 "--opinion", "同意"]) == 0
    capsys.readouterr()
    assert "name: 张三" in (folder / "needs.yaml").read_text(encoding="utf-8")
    assert main(["record", str(folder), "application", "--document", "--date", "2026-03-01", "--signed",
                 "--sealed", "--title", "某系统项目申报书"]) == 0
    text = (folder / "project.yaml").read_text(encoding="utf-8")
    assert "signed: true" in text and "title: 某系统项目申报书" in text
    assert main(["record", str(folder), "plan_reported", "--date", "2026-01-05"]) == 0
    out = capsys.readouterr().out
    assert "这次记录解决的问题" in out and "BJ011" in out  # entering 确认业务需求 needs the report's date
    assert main(["record", str(folder), "--list"]) == 0
    assert "application" in capsys.readouterr().out


def test_help_lists_events_and_documents_in_chinese(capsys):
    assert main(["record", "--help"]) == 0
    out = capsys.readouterr().out
    assert "北京市（bj）事件" in out and "prereview_opinion 前置评审意见函" in out
    assert "材料（--document）" in out and "签字（--signoff）" in out


def test_not_a_project(tmp_path, capsys):
    assert main(["record", str(tmp_path), "declared", "--date", "2026-03-02"]) == 2
    assert "不是项目文件夹" in capsys.readouterr().err


@pytest.mark.parametrize("value", ["yes", "2026-01-01", "123"])
def test_strings_that_would_read_as_something_else_are_quoted(tmp_path, capsys, value):
    folder = _new(tmp_path, capsys)
    assert main(["record", str(folder), "declared", "--number", value]) == 0
    capsys.readouterr()
    assert main(["check", str(folder), "--format", "json"]) in (0, 1)
    assert f"doc_no: '{value}'" in (folder / "project.yaml").read_text(encoding="utf-8")


def test_check_names_a_date_that_does_not_exist(tmp_path, capsys):
    folder = _new(tmp_path, capsys)
    assert main(["record", str(folder), "declared", "--date", "2026-11-30"]) == 0
    path = folder / "project.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("date: 2026-11-30", "date: 2026-11-31"), encoding="utf-8")
    capsys.readouterr()
    assert main(["check", str(folder), "--no-cache"]) == 1
    out = capsys.readouterr().out
    assert "“2026-11-31”不是存在的日期" in out and "格式不对" not in out
