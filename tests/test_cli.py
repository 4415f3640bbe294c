"""The CLI end to end: new, check (every format, exit codes), rules, explain, schema, stages, help."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from govproj import __version__
from govproj.edges.yamlio import parse_doc


def test_version_and_help(run):
    code, out, _ = run("--version")
    assert (code, out.strip()) == (0, f"govproj {__version__}")
    result = subprocess.run([sys.executable, "-m", "govproj", "--version"], capture_output=True, text=True)
    assert result.stdout.strip() == f"govproj {__version__}"
    result = subprocess.run([sys.executable, "-m", "govproj", "--help"], capture_output=True, text=True)
    assert result.returncode == 0
    assert "政务信息化项目全流程管理" in result.stdout and "示例" in result.stdout and "check" in result.stdout


def test_check_help_is_chinese_with_examples(run):
    code, out, err = run("check", "--help")
    assert code == 0
    assert "用法" in out and "退出码" in out and "govproj check projects/" in out


def test_unknown_command_suggests(run):
    code, out, err = run("chek")
    assert code == 2 and "govproj check" in err


def test_new_example_is_clean_and_can_advance(run, example):
    example("bj", "upgrade")
    code, out, err = run("check", "p")
    assert code == 0, out
    assert "没有发现问题" in out
    project = parse_doc(Path("p/project.yaml").read_text(encoding="utf-8"), "p").data
    code, out, err = run("check", "p", "--stage", "approval", "--format", "json")
    assert code == 0 and json.loads(out)["summary"]["errors"] == 0
    assert project["stage"] == "prereview"


def test_new_example_new_kind(run, example):
    example("bj", "new", name="n")
    code, out, err = run("check", "n", "--stage", "contract")
    assert code == 0, out


def test_new_blank_scaffold_reports_unfilled_required_fields(run, tmp_path):
    code, out, err = run("new", "blank", "--jurisdiction", "bj", "--kind", "new")
    assert code == 0
    text = (tmp_path / "blank" / "project.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=.schema/project.schema.json")
    assert "# 项目名称：与申报书一致的项目全称" in text
    code, out, err = run("check", "blank", "--format", "json")
    assert code == 1
    diags = json.loads(out)["diagnostics"]
    required = {d["message"] for d in diags if d["code"] == "GP010"}
    assert any("项目名称" in m for m in required) and any("项目单位" in m for m in required)


def test_new_never_overwrites(run, tmp_path):
    (tmp_path / "p").mkdir()
    (tmp_path / "p" / "needs.yaml").write_text("# 我的草稿\n", encoding="utf-8")
    code, out, err = run("new", "p", "--jurisdiction", "bj", "--kind", "new")
    assert code == 2
    assert "p/needs.yaml" in err and "不会覆盖" in err
    assert (tmp_path / "p" / "needs.yaml").read_text(encoding="utf-8") == "# 我的草稿\n"
    assert not (tmp_path / "p" / "project.yaml").exists(), "nothing is written when anything exists"


def test_new_rejects_unknown_kind(run):
    code, out, err = run("new", "p", "--jurisdiction", "bj", "--kind", "renovate")
    assert code == 2 and "upgrade" in err


def test_scaffold_schema_validates_the_example(run, example):
    p = example()
    import yaml

    for name in ("project.yaml", "budget.yaml", "needs.yaml", "sharing.yaml"):
        schema = json.loads((p / ".schema" / name.replace(".yaml", ".schema.json")).read_text(encoding="utf-8"))
        data = yaml.safe_load((p / name).read_text(encoding="utf-8"))
        data = json.loads(json.dumps(data, default=str))
        jsonschema.validate(data, schema)
    bad = {"total": "abc"}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**bad, "unknown": 1}, json.loads(
            (p / ".schema" / "budget.schema.json").read_text(encoding="utf-8")))


def _findings_project(example) -> Path:
    p = example()
    text = (p / "project.yaml").read_text(encoding="utf-8")
    text = text.replace("platforms: [市级政务云, 市政务信息资源共享交换平台, 市政务地理空间信息共享服务平台]", "platforms: []")
    (p / "project.yaml").write_text(text, encoding="utf-8")
    budget = (p / "budget.yaml").read_text(encoding="utf-8").replace("amount: 210.00", "amount: 210.10")
    (p / "budget.yaml").write_text(budget, encoding="utf-8")
    return p


def test_check_text_output_exact(run, example):
    _findings_project(example)
    code, out, err = run("check", "p")
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == "p（bj · 阶段 prereview）"
    assert "  p/budget.yaml" in lines
    assert any(l.strip().startswith(("13:", "14:", "15:")) is False for l in lines)
    assert "错误  GP020  预算明细合计 486.60 万元，总投资 486.50 万元，相差 0.10 万元" in out
    assert "警告  BJ071  项目没有声明使用任何市级共性平台（附件2）" in out
    assert "依据：京经信委发〔2016〕1号 第7条" in out
    assert lines[-1] == "共检查 1 个项目：错误 1，警告 1，提示 0"


def test_warnings_alone_exit_zero_unless_strict(run, example):
    p = example()
    text = (p / "project.yaml").read_text(encoding="utf-8")
    text = text.replace("platforms: [市级政务云, 市政务信息资源共享交换平台, 市政务地理空间信息共享服务平台]", "platforms: []")
    (p / "project.yaml").write_text(text, encoding="utf-8")
    assert run("check", "p")[0] == 0
    assert run("check", "p", "--strict")[0] == 1


def test_check_json_is_stable(run, example):
    _findings_project(example)
    code, out, err = run("check", "p", "--format", "json")
    payload = json.loads(out)
    assert payload["version"] == 1
    assert payload["summary"] == {"projects": 1, "errors": 1, "warnings": 1, "infos": 0, "waived": 0, "unreadable": 0}
    d = payload["diagnostics"][0]
    for key in ("code", "severity", "message", "file", "line", "column", "citation", "hint", "rule", "project"):
        assert key in d
    by_code = {d["code"]: d for d in payload["diagnostics"]}
    assert by_code["GP020"]["file"] == "p/budget.yaml"
    budget_lines = Path("p/budget.yaml").read_text(encoding="utf-8").splitlines()
    assert budget_lines[by_code["GP020"]["line"] - 1].startswith("lines:")
    assert by_code["BJ071"]["citation"] == "京经信委发〔2016〕1号 第7条"


def test_check_sarif(run, example):
    _findings_project(example)
    code, out, err = run("check", "p", "--format", "sarif")
    sarif = json.loads(out)
    assert sarif["version"] == "2.1.0"
    run_ = sarif["runs"][0]
    ids = [r["id"] for r in run_["tool"]["driver"]["rules"]]
    assert ids == sorted(ids) and "BJ071" in ids
    result = next(r for r in run_["results"] if r["ruleId"] == "GP020")
    region = result["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] >= 1 and region["startColumn"] >= 1
    assert result["level"] == "error" and run_["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == "GP020"


def test_check_github_and_auto(run, example, monkeypatch):
    _findings_project(example)
    code, out, err = run("check", "p", "--format", "github")
    assert "::error file=p/budget.yaml,line=" in out
    assert "::warning file=p/project.yaml" in out
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    code, auto, err = run("check", "p")
    assert auto == out


def test_check_a_folder_of_projects(run, tmp_path):
    for name, kind in (("projects/a", "upgrade"), ("projects/sub/b", "new")):
        assert run("new", name, "--jurisdiction", "bj", "--kind", kind, "--example")[0] == 0
    (tmp_path / "projects" / "notes").mkdir()
    code, out, err = run("check", "projects", "--format", "json")
    payload = json.loads(out)
    assert [p["path"] for p in payload["projects"]] == ["projects/a", "projects/sub/b"]
    assert code == 0


def test_one_unreadable_project_does_not_hide_the_others(run, tmp_path):
    assert run("new", "projects/a", "--jurisdiction", "bj", "--kind", "upgrade", "--example")[0] == 0
    (tmp_path / "projects" / "b").mkdir()
    (tmp_path / "projects" / "b" / "project.yaml").write_text("jurisdiction: [", encoding="utf-8")
    code, out, err = run("check", "projects", "--format", "json")
    payload = json.loads(out)
    assert code == 2
    assert payload["summary"]["unreadable"] == 1 and payload["summary"]["projects"] == 2


def test_check_output_file_is_written(run, example, tmp_path):
    _findings_project(example)
    code, out, err = run("check", "p", "--format", "json", "-o", "report.json")
    assert code == 1 and out == ""
    assert json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))["summary"]["errors"] == 1


def test_waiver_suppresses_and_is_counted(run, example):
    p = example()
    text = (p / "project.yaml").read_text(encoding="utf-8")
    text = text.replace("platforms: [市级政务云, 市政务信息资源共享交换平台, 市政务地理空间信息共享服务平台]", "platforms: []")
    text = text.replace("waivers:\n", "waivers:\n  - rule: BJ071\n    reason: 涉密系统，不上政务云\n"
                        "    approved_by: 孙卫东\n    expires: 2099-12-31\n")
    (p / "project.yaml").write_text(text, encoding="utf-8")
    code, out, err = run("check", "p", "--format", "json", "--strict")
    payload = json.loads(out)
    assert code == 0 and payload["summary"]["waived"] == 1 and payload["diagnostics"] == []


def test_rules_lists_every_rule(run):
    code, out, err = run("rules", "--jurisdiction", "bj", "--format", "json")
    payload = json.loads(out)
    codes = [r["code"] for r in payload["rules"]]
    assert "BJ062" in codes and "GP020" in codes
    bj062 = next(r for r in payload["rules"] if r["code"] == "BJ062")
    assert bj062["severity"] == "error" and bj062["citation"]["article"] == "第6条" and bj062["kinds"] == ["upgrade"]
    code, text, err = run("rules", "--jurisdiction", "bj")
    assert "BJ062  错误  前期项目正式运行未满1年 [升级改造]" in text


def test_explain_quotes_the_article(run):
    code, out, err = run("explain", "bj062")
    assert code == 0
    assert "原文：\n  “前期项目正式运行未满1年的项目不得升级改造。”" in out
    assert "\n通过示例：\n" in out and "\n不通过示例：\n" in out and "处理办法" in out
    assert "**" not in out and "```" not in out and "###" not in out  # text is text, not Markdown
    assert "适用阶段：编制申报书、前置评审" in out and "项目类型：升级改造" in out  # Chinese names, as `rules`
    code, md, err = run("explain", "bj062", "--format", "markdown")
    assert "> 前期项目正式运行未满1年的项目不得升级改造。" in md
    assert "**通过示例**" in md and "- 适用阶段：编制申报书、前置评审" in md
    code, js, err = run("explain", "bj062", "--format", "json")
    assert json.loads(js)["stage_names"][:2] == ["编制申报书", "前置评审"]
    code, out, err = run("explain", "BJ99")
    assert code == 2 and "没有规则" in err


def test_schema_command(run):
    code, out, err = run("schema", "--jurisdiction", "bj")
    schema = json.loads(out)
    assert schema["$defs"]["project.yaml"]["properties"]["kind"]["enum"][:2] == ["new", "upgrade"]
    code, out, err = run("schema", "--file", "budget.yaml")
    assert json.loads(out)["type"] == "object"


def test_stages_command(run):
    code, out, err = run("stages", "--jurisdiction", "bj")
    lines = out.splitlines()
    assert lines[0] == "北京市：9 个阶段"
    assert lines[1] == " 1. plan        制定规划  依据：一"
    assert len(lines) == 10 and "（批复基线）" in out
    code, out, err = run("stages", "-j", "yb", "--kind", "om")
    assert code == 0 and "运维采购" in out and "专家评审" not in out
    code, out, err = run("stages", "-j", "yb", "--kind", "nope")
    assert code == 2 and "没有项目类型" in err


def test_check_stage_by_chinese_name(run, example):
    example()
    code, out, err = run("check", "p", "--stage", "项目立项")
    assert code == 0 and "检查 approval" in out


def test_an_internal_error_is_a_message_not_a_traceback(run, monkeypatch):
    import govproj.commands.stages as stages

    def broken(args):
        raise ValueError("boom")

    monkeypatch.setattr(stages, "run", broken)
    code, out, err = run("stages")
    assert code == 3
    assert "内部错误" in err and "GOVPROJ_DEBUG" in err and "Traceback" not in err
