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


def test_record_adds_list_items_keeping_the_scaffold_example(tmp_path, capsys):
    folder = _new(tmp_path, capsys)
    before = (folder / "budget.yaml").read_text(encoding="utf-8")
    assert main(["record", str(folder), "budget.yaml", "--set", "total=168", "--set", "unit=万元"]) == 0
    assert main(["record", str(folder), "lines", "--item", "--set", "name=应用系统开发", "--set", "category=软件开发",
                 "--amount", "120.5"]) == 0
    out = capsys.readouterr().out
    assert "已记录预算明细（lines）的第 1 项到" in out and "+   - name: 应用系统开发" in out
    assert main(["record", str(folder), "预算明细", "--item", "--set", "name=等保测评", "--set", "category=测评",
                 "--amount", "47.5"]) == 0
    assert main(["record", str(folder), "资金来源", "--item", "--set", "source=市级财政资金", "--amount", "168"]) == 0
    out = capsys.readouterr().out
    assert "这次记录解决的问题" in out  # the sources now add up to the total
    after = (folder / "budget.yaml").read_text(encoding="utf-8")
    assert _comments(after) == _comments(before)
    lines = after.splitlines()
    # the items come first, the commented example stays after them (still usable as a model)
    assert lines.index("  - name: 等保测评") < next(i for i, x in enumerate(lines) if "# 示例" in x)
    assert main(["check", str(folder), "--format", "json"]) in (0, 1)
    out = capsys.readouterr().out
    assert '"GP020"' not in out and '"GP00' not in out


def test_record_item_nested_keys_duplicates_and_refusals(tmp_path, capsys):
    folder = _new(tmp_path, capsys)
    (folder / "evidence" / "变更批复.pdf").write_bytes(b"%PDF")
    assert main(["record", str(folder), "changes", "--item", "--set", "id=C1", "--date", "2027-03-01",
                 "--set", "what=增加接口", "--set", "approval.date=2027-03-05", "--set", "approval.doc_no=京发改〔2027〕3号",
                 "--set", "approval.evidence=evidence/变更批复.pdf", "--amount", "5", "--set", "goals_affected=false"]) == 0
    text = (folder / "changes.yaml").read_text(encoding="utf-8")
    assert "  - id: C1\n    date: 2027-03-01\n    what: 增加接口\n    amount: 5\n    goals_affected: false\n" \
           "    approval:\n      date: 2027-03-05\n" in text
    capsys.readouterr()
    assert main(["record", str(folder), "changes", "--item", "--set", "id=C1"]) == 2
    assert "编号相同" in capsys.readouterr().err
    assert main(["record", str(folder), "lines", "--item", "--set", "colour=red"]) == 2
    assert "没有字段“colour”" in capsys.readouterr().err
    assert main(["record", str(folder), "lines", "--item", "--amount", "-5"]) == 2
    assert "负数" in capsys.readouterr().err
    assert main(["record", str(folder), "lines", "--item", "--set", "category=软件"]) == 2
    assert "不在可选范围内" in capsys.readouterr().err
    assert main(["record", str(folder), "project.yaml", "--set", "stage=needs"]) == 2
    assert "govproj advance" in capsys.readouterr().err
    assert main(["record", str(folder), "items", "--item", "--set", "name=x"]) == 2
    assert "不止一个列表" in capsys.readouterr().err  # sharing.items or opening.items: the user is asked which
    assert main(["record", str(folder), "资源清单", "--item", "--set", "name=x"]) == 2
    assert "sharing.items" in capsys.readouterr().err
    assert main(["record", str(folder), "lines", "--set", "name=x"]) == 2
    assert "--item" in capsys.readouterr().err
    assert (folder / "changes.yaml").read_text(encoding="utf-8") == text
    assert main(["record", str(folder), "--list"]) == 0
    out = capsys.readouterr().out
    assert "changes" in out and "已有 1 项" in out and "parties" in out


def test_record_parties_with_shortcuts(tmp_path, capsys):
    folder = _new(tmp_path, capsys)
    (folder / "evidence" / "合同.pdf").write_bytes(b"%PDF")
    assert main(["record", str(folder), "parties", "--item", "--set", "role=承建", "--by", "北京某某科技有限公司",
                 "--number", "HT-2026-01", "--date", "2026-09-01", "--amount", "150", "--evidence",
                 "evidence/合同.pdf", "--set", "clauses=知识产权归属,保密"]) == 0
    text = (folder / "contract.yaml").read_text(encoding="utf-8")
    assert "  - role: 承建\n    name: 北京某某科技有限公司\n    contract_no: HT-2026-01\n    signed_on: 2026-09-01\n" \
           "    amount: 150\n" in text and "      - 知识产权归属" in text
