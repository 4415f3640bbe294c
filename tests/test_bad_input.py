"""Bad input: one clear Chinese message with file and line, exit 2 (or a finding for content), never a traceback."""
from __future__ import annotations

import json
import subprocess
import sys
import re
from pathlib import Path

import pytest


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(needle)


def test_malformed_yaml_names_file_and_line(run, example):
    p = example()
    _replace(p / "budget.yaml", "total: 486.50", "total: [486.50")
    code, out, err = run("check", "p")
    assert code == 2
    assert "p/budget.yaml:" in out
    assert "YAML 格式错误" in out
    assert "Traceback" not in out + err


def test_duplicate_key_is_refused_with_both_lines(run, example):
    p = example()
    first = _line_of(p / "project.yaml", "name: 市规划")
    text = (p / "project.yaml").read_text(encoding="utf-8")
    (p / "project.yaml").write_text(text + "name: 重复的名称\n", encoding="utf-8")
    code, out, err = run("check", "p")
    assert code == 2
    assert "键“name”重复出现" in out
    assert f"第一次在第 {first} 行" in out


def test_empty_file(run, example):
    p = example()
    (p / "needs.yaml").write_text("", encoding="utf-8")
    code, out, err = run("check", "p")
    assert code == 2
    assert "p/needs.yaml:1" in out and "文件是空的" in out


def test_missing_project_file_is_not_a_project(run, tmp_path):
    (tmp_path / "empty").mkdir()
    code, out, err = run("check", "empty")
    assert code == 2
    assert "没有找到项目" in err


def test_missing_path(run):
    code, out, err = run("check", "nowhere")
    assert code == 2
    assert "路径不存在" in err and "nowhere" in err


def test_non_utf8_file(run, example):
    p = example()
    (p / "needs.yaml").write_bytes("description: 需求描述\n".encode("gbk"))
    code, out, err = run("check", "p")
    assert code == 2
    assert "p/needs.yaml:1" in out and "不是 UTF-8 编码" in out


def test_alias_bomb_is_refused_quickly(run, example):
    p = example()
    bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        prev = chr(ord("a") + i - 1)
        cur = chr(ord("a") + i)
        bomb.append(f"{cur}: &{cur} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]")
    (p / "contract.yaml").write_text("\n".join(bomb) + "\n", encoding="utf-8")
    code, out, err = run("check", "p")
    assert code == 2
    assert "p/contract.yaml:2" in out and "锚点和别名" in out


def test_tab_indentation(run, example):
    p = example()
    (p / "contract.yaml").write_text("parties:\n\t- role: 承建\n", encoding="utf-8")
    code, out, err = run("check", "p")
    assert code == 2
    assert "p/contract.yaml:2" in out and "制表符" in out


def test_top_level_list(run, example):
    p = example()
    (p / "contract.yaml").write_text("- role: 承建\n", encoding="utf-8")
    code, out, err = run("check", "p")
    assert code == 2 and "顶层应当是" in out


def test_unknown_key_suggests_the_right_one(run, example):
    p = example()
    _replace(p / "needs.yaml", "signoffs:", "signofs:")
    line = _line_of(p / "needs.yaml", "signofs:")
    code, out, err = run("check", "p", "--format", "json")
    assert code == 1
    found = [d for d in json.loads(out)["diagnostics"] if d["code"] == "GP002"]
    assert found and found[0]["line"] == line and found[0]["column"] == 1
    assert "signoffs" in found[0]["hint"]


def test_wrong_type_and_bad_date(run, example):
    p = example()
    _replace(p / "project.yaml", "budget_year: 2027", "budget_year: 明年")
    _replace(p / "project.yaml", "date: 2026-07-15", "date: 2026/7/15")
    code, out, err = run("check", "p", "--format", "json")
    assert code == 1
    diags = json.loads(out)["diagnostics"]
    messages = {d["message"] for d in diags if d["code"] == "GP001"}
    assert any("预算年度" in m and "整数" in m for m in messages)
    assert any("2026/7/15" in m for m in messages)
    hints = {d["hint"] for d in diags if d["code"] == "GP001"}
    assert any("YYYY-MM-DD" in h for h in hints)


def test_fullwidth_digits_in_money(run, example):
    p = example()
    _replace(p / "budget.yaml", "amount: 210.00", "amount: ２１０.００")
    code, out, err = run("check", "p", "--format", "json")
    assert code == 1
    found = [d for d in json.loads(out)["diagnostics"] if d["code"] == "GP004"]
    assert found and "全角" in found[0]["message"] and "210.00" in found[0]["hint"]


def test_money_is_exact_not_float(run, example):
    """0.1 + 0.2 == 0.3 in decimal; a float sum would report a false mismatch."""
    p = example()
    text = (p / "budget.yaml").read_text(encoding="utf-8")
    start = text.index("lines:")
    end = text.index("sources:")
    text = text[:start] + ("lines:\n  - name: 甲\n    amount: 0.1\n  - name: 乙\n    amount: 0.2\n") + text[end:]
    text = text.replace("total: 486.50", "total: 0.3").replace("amount: 486.50", "amount: 0.3")
    (p / "budget.yaml").write_text(text, encoding="utf-8")
    code, out, err = run("check", "p", "--format", "json")
    assert [d for d in json.loads(out)["diagnostics"] if d["code"] == "GP020"] == []


def test_evidence_outside_project(run, example):
    p = example()
    _replace(p / "security.yaml", "evidence/网络安全方案.pdf", "../../etc/passwd")
    code, out, err = run("check", "p", "--format", "json")
    assert code == 1
    found = [d for d in json.loads(out)["diagnostics"] if d["code"] == "GP011"]
    assert found and "项目文件夹之外" in found[0]["message"] and found[0]["file"] == "p/security.yaml"


def test_unknown_jurisdiction(run, example):
    p = example()
    _replace(p / "project.yaml", "jurisdiction: bj", "jurisdiction: sh")
    code, out, err = run("check", "p")
    assert code == 2 and "不认识的辖区“sh”" in out


def test_bad_stage_option(run, example):
    example()
    code, out, err = run("check", "p", "--stage", "aproval")
    assert code == 2 and "approval" in err


def test_no_traceback_from_a_subprocess_on_garbage(tmp_path):
    project = tmp_path / "p"
    project.mkdir()
    (project / "project.yaml").write_bytes(b"\xff\xfe\x00garbage: [")
    result = subprocess.run([sys.executable, "-m", "govproj", "check", str(project)], capture_output=True, text=True)
    assert result.returncode == 2
    assert "Traceback" not in result.stdout + result.stderr
    assert "UTF-8" in result.stdout


@pytest.mark.parametrize("text", ["jurisdiction: bj\n: broken\n", "jurisdiction: bj\nname: \"unterminated\n"])
def test_syntax_errors_are_messages(run, tmp_path, text):
    (tmp_path / "q").mkdir()
    (tmp_path / "q" / "project.yaml").write_text(text, encoding="utf-8")
    code, out, err = run("check", "q")
    assert code == 2 and "q/project.yaml:" in out and "YAML 格式错误" in out


def test_shape_hints_point_to_what_the_installed_tool_shows(run, example):
    """An installed govproj has no docs/ folder: a wrong shape points to `govproj schema` and `govproj new --example`."""
    example()
    budget = Path("p") / "budget.yaml"
    text = budget.read_text(encoding="utf-8")
    budget.write_text(text + "sources: {省级: 1}\n" if "\nsources:" not in text else
                      re.sub(r"(?m)^sources:.*(\n[ -].*)*", "sources: {省级: 1}", text), encoding="utf-8")
    code, out, err = run("check", "p")
    assert code in (1, 2), out + err
    hints = [line for line in (out + err).splitlines() if "处理办法" in line]
    assert hints and all("govproj schema --file" in h and "docs/format.md" not in h for h in hints), out + err
