"""The YAML edge (ruamel.yaml) through the real CLI: Chinese parser messages with their line, every refusal of a file
we cannot read safely (size, encoding, depth, aliases, duplicates, huge numbers), and round-trip writes that keep the
user's bytes. Real files on disk, a real git repository for `advance`; nothing is mocked."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from gitfixture import clean_git_env, commit_all, example_project, git, make_repo
from govproj.cli import main
from govproj.edges import yamlio


def refused(run, folder: Path, file: str, line: int | None) -> str:
    """`check` on the project: exit 2, no traceback, the file (and line) named, a hint; returns stdout+stderr."""
    code, out, err = run("check", folder.name)
    text = out + err
    assert code == 2, text
    assert "Traceback" not in text
    where = f"{folder.name}/{file}" + (f":{line}:" if line else ":")
    assert where in text, text
    assert "处理办法：" in text, text
    return text


# ---- parser problems, in Chinese, at their line ----------------------------------------------------------------

PARSE_ERRORS = [
    # (contract.yaml text, line reported, words of the Chinese message)
    ("parties:\n  - role: 承建\n    name: [甲, 乙\nsigned: 2026-01-01\n", 4, "方括号“[”没有闭合"),
    ("parties:\n  - {role: 承建, name: 甲\nsigned: 2026-01-01\n", 3, "花括号“{”没有闭合"),
    ("parties:\n  - role: 承建\n   name: 甲\n", 3, "缩进"),
    ("parties:\n\t- role: 承建\n", 2, "制表符"),
    ("parties:\n  - role: 承建\n    name: \"甲公司\nsigned: 2026-01-01\n", 3, "引号没有闭合"),
    ("parties:\n  - role: 承建\n    name: 甲: 乙\n", 3, "这里不能出现“键: 值”"),
    ("parties:\n  - role: 承建\nsigned\nprice: 1\n", 4, "缺少冒号"),
    ("parties:\n  - role: @承建\n", 2, "不能作为开头的字符"),
    ("parties:\n  - role: \"C:\\承建\"\n", 2, "无法识别的转义"),
    ("parties:\n  - role: 承建\x07\n", 2, "控制字符"),
    ("parties: []\n---\nparties: []\n", 2, "只能有一个 YAML 文档"),
    ("parties:\n  - role: 承建\n  name: 甲\n", 3, "列表项“- ”"),
    ("parties: ]\n", 1, "缺少值"),
]


@pytest.mark.parametrize("text, line, words", PARSE_ERRORS)
def test_parser_messages_are_chinese_with_the_line(run, example, text, line, words):
    p = example()
    (p / "contract.yaml").write_text(text, encoding="utf-8")
    out = refused(run, p, "contract.yaml", line)
    assert words in out, out
    assert "did not find" not in out and "could not find" not in out and "while " not in out  # no libyaml English


def test_an_unknown_parser_problem_is_a_chinese_sentence_with_the_original(run, example):
    p = example()
    (p / "contract.yaml").write_text("%YAML 1.1\n%YAML 1.1\n---\nparties: []\n", encoding="utf-8")
    out = refused(run, p, "contract.yaml", 2)
    assert "YAML 格式错误：无法解析这一处（原文：found duplicate %YAML directive" in out, out


# ---- refusals: what YAML allows but a form must not, and what would exhaust the machine ---------------------------

def test_duplicate_key_in_a_nested_mapping(run, example):
    p = example()
    (p / "contract.yaml").write_text("parties:\n  - role: 承建\n    name: 甲\n    role: 监理\n", encoding="utf-8")
    out = refused(run, p, "contract.yaml", 4)
    assert "键“role”重复出现（第一次在第 2 行）" in out


def test_alias_bomb_points_at_the_first_alias(run, example):
    p = example()
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    (p / "contract.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = refused(run, p, "contract.yaml", 2)
    assert "contract.yaml:2:8:" in out and "锚点和别名" in out  # the first *a


@pytest.mark.parametrize("style", ["block", "flow"])
def test_600_levels_of_nesting_is_a_load_error(run, example, style):
    p = example()
    depth = 600
    if style == "flow":
        text = "parties: " + "[" * depth + "]" * depth + "\n"
    else:
        text = "".join("  " * i + f"k{i}:\n" for i in range(depth)) + "  " * depth + "x: 1\n"
    (p / "contract.yaml").write_text(text, encoding="utf-8")
    out = refused(run, p, "contract.yaml", 1 if style == "flow" else yamlio.MAX_DEPTH + 1)
    assert f"嵌套太深：超过 {yamlio.MAX_DEPTH} 层" in out


@pytest.mark.parametrize("number", ["1.0e+99999999", "1e-99999999", "1e400"])
def test_huge_numbers_are_findings_at_their_line(run, example, number):
    p = example()
    text = (p / "budget.yaml").read_text(encoding="utf-8")
    assert "total: 486.50" in text
    (p / "budget.yaml").write_text(text.replace("total: 486.50", f"total: {number}"), encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row.startswith("total:"))
    code, out, err = run("check", "p", "--format", "json")
    assert code == 1, out + err
    found = [d for d in json.loads(out)["diagnostics"] if d["code"] == "GP004"]
    assert found and found[0]["file"] == "p/budget.yaml" and found[0]["line"] == line
    assert "科学计数法" in found[0]["message"] and "普通的数字" in found[0]["hint"]


def test_a_5000_digit_integer_is_no_crash(run, example):
    """int() refuses more than 4,300 digits; the reader keeps such text, and money refuses it as too large: past 28
    significant digits Decimal sums would no longer be exact."""
    p = example()
    text = (p / "budget.yaml").read_text(encoding="utf-8")
    (p / "budget.yaml").write_text(text.replace("total: 486.50", "total: " + "9" * 5000), encoding="utf-8")
    code, out, err = run("check", "p", "--format", "json")
    assert code == 1 and "Traceback" not in out + err
    found = [d for d in json.loads(out)["diagnostics"] if d["file"] == "p/budget.yaml"]
    assert [d["code"] for d in found] == ["GP004"] and "太大" in found[0]["message"]


def test_oversized_file_is_refused_before_parsing(run, example):
    p = example()
    size = 60 * 1024 * 1024
    with open(p / "contract.yaml", "wb") as handle:  # sparse: made at once, never read
        handle.truncate(size)
    out = refused(run, p, "contract.yaml", None)
    assert "文件太大（60.0 MB），超过 YAML 文件的上限 2.0 MB" in out
    assert "evidence/" in out  # says what to do
    assert yamlio.MAX_FILE_BYTES == 2 * 1024 * 1024


# ---- encodings -----------------------------------------------------------------------------------------------

def test_gbk_file_names_gbk_and_how_to_convert(run, example):
    p = example()
    (p / "needs.yaml").write_bytes("# 需求\ndescription: 需求描述\n".encode("gbk"))
    out = refused(run, p, "needs.yaml", 1)
    assert "不是 UTF-8 编码：看起来是 GBK" in out
    assert "iconv -f GBK -t UTF-8" in out


@pytest.mark.parametrize("codec, name", [("utf-16-le", "UTF-16"), ("utf-16-be", "UTF-16"), ("utf-32", "UTF-32")])
def test_utf16_and_utf32_boms_are_named(run, example, codec, name):
    p = example()
    bom = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff", "utf-32": b""}[codec]
    (p / "needs.yaml").write_bytes(bom + "description: 需求描述\n".encode(codec))
    out = refused(run, p, "needs.yaml", 1)
    assert f"文件是 {name} 编码" in out and f"iconv -f {name} -t UTF-8" in out


def test_utf8_bom_and_crlf_are_read(run, example):
    p = example()
    code, clean, _ = run("check", "p", "--format", "json")
    for file in ("project.yaml", "budget.yaml"):
        text = (p / file).read_text(encoding="utf-8")
        (p / file).write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    code2, out, err = run("check", "p", "--format", "json")
    assert (code2, json.loads(out)["diagnostics"]) == (code, json.loads(clean)["diagnostics"]), err


def test_calendar_file_has_the_same_protections(run, example):
    p = example()
    (p / "calendar.yaml").write_text("years:\n  2027: &y\n    source: x\n    holidays: [2027-01-01]\n  2028: *y\n",
                                     encoding="utf-8")
    code, out, err = run("check", "p")
    assert code == 2 and "Traceback" not in out + err
    assert "calendar.yaml:5:9: 不支持 YAML 锚点和别名" in out + err, out + err


# ---- one YAML library -------------------------------------------------------------------------------------------

def test_check_does_not_import_pyyaml(tmp_path):
    project = tmp_path / "p"
    assert main(["new", str(project), "--jurisdiction", "bj", "--kind", "upgrade", "--example"]) == 0
    probe = textwrap.dedent(f"""
        import sys
        from govproj.cli import main
        code = main(["check", {str(project)!r}, "--no-cache", "--format", "json"])
        print(code, "yaml" in sys.modules, "ruamel.yaml" in sys.modules)
    """)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    code, pyyaml, ruamel = done.stdout.split()[-3:]
    assert code in ("0", "1") and pyyaml == "False" and ruamel == "True", done.stdout


def test_pyyaml_is_not_a_dependency():
    text = (Path(__file__).resolve().parent.parent / "pyproject.toml").read_text(encoding="utf-8")
    deps = text.split("dependencies = [", 1)[1].split("]", 1)[0]
    assert "PyYAML" not in deps and "ruamel.yaml>=" in deps


TRICKY = ["yes", "No", "on", "off", "y", "true", "null", "~", "", "1", "1.5", "1e3", "0x1F", "010", "1_000",
          "2026-01-01", "12:30", "a: b", "#x", "a #b", "- x", "[x]", "{x}", "@x", "`x", "!x", "&x", "*x", "%x",
          "'q'", '"q"', "  lead", "trail  ", "a\\b", "多行\n文本", "中文：冒号", "http://x.y/z?a=1#f", "50%", "<<",
          ".inf", "-", "?", ":", "a, b", "国办发明电〔2026〕1号"]


@pytest.mark.parametrize("value", TRICKY)
def test_scaffold_scalars_read_back_as_written(value):
    from govproj.core.scaffold import scalar

    written = scalar(value)
    assert "\n" not in written
    assert yamlio.parse_doc(f"k: {written}\n", "t.yaml").data["k"] == value


# ---- round-trip writes through a real `advance` -----------------------------------------------------------------

def test_advance_changes_only_the_stage_line_keeping_bom_crlf_comments_and_quotes(tmp_path, monkeypatch, capsys):
    clean_git_env(monkeypatch)
    repo = make_repo(tmp_path / "repo")
    monkeypatch.chdir(repo)
    folder, files = example_project(repo, "projects/hotline", "bj", "new")
    text = (folder / "project.yaml").read_text(encoding="utf-8")
    stage = files["project.yaml"]["stage"]
    lines = text.splitlines()
    at = next(i for i, row in enumerate(lines) if row.startswith("stage:"))
    lines[at] = f"stage: '{stage}'     # 由 govproj advance 修改，请勿手改"
    lines.insert(0, "# 项目基本信息（手写的注释要留下）")
    lines = [row.replace("name: ", 'name: "', 1) + '"' if row.startswith("name: ") else row for row in lines]
    lines.append("# 文件末尾的注释")
    before = ("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8")
    (folder / "project.yaml").write_bytes(before)
    commit_all(repo, "手工整理 project.yaml")

    code = main(["advance", "projects/hotline", "--today", "2026-11-25"])
    captured = capsys.readouterr()
    assert code == 0, captured.out + captured.err
    after = (folder / "project.yaml").read_bytes()
    assert after.startswith(b"\xef\xbb\xbf")
    old_rows, new_rows = before.split(b"\r\n"), after.split(b"\r\n")
    assert len(old_rows) == len(new_rows) and b"\n" not in after.replace(b"\r\n", b"")
    changed = [i for i, (a, b) in enumerate(zip(old_rows, new_rows)) if a != b]
    assert changed == [at + 1]  # one line: the stage, shifted by the inserted comment
    new_stage = yamlio.parse_doc(after.decode("utf-8"), "project.yaml").data["stage"]
    assert new_stage != stage
    assert new_rows[at + 1].decode("utf-8") == f"stage: '{new_stage}'" + " " * max(1, 5 + len(stage) - len(
        new_stage)) + "# 由 govproj advance 修改，请勿手改"
    assert git(repo, "status", "--porcelain") == ""

    code = main(["verify", "projects/hotline"])  # verify recomputes the edit: the round trip is deterministic
    captured = capsys.readouterr()
    assert code == 0, captured.out + captured.err


def test_the_pure_python_parser_reads_the_examples_alike(monkeypatch):
    """Where ruamel.yaml.clib has no wheel, ruamel's own pure-Python parser is used: same values, keys and text (only
    an empty value's column may differ: the pure parser marks it at the next token)."""
    examples = sorted((Path(__file__).resolve().parent.parent / "examples").rglob("*.yaml"))
    texts = [(path.read_text(encoding="utf-8"), path.name) for path in examples]
    fast = [yamlio.parse_doc(text, name) for text, name in texts]
    monkeypatch.setattr(yamlio, "_C_PARSER", False)
    slow = [yamlio.parse_doc(text, name) for text, name in texts]
    assert len(texts) > 50
    for a, b in zip(fast, slow):
        assert (a.data, a.keys, a.raw, a.tags) == (b.data, b.keys, b.raw, b.tags), a.file
    with pytest.raises(yamlio.LoadError, match="方括号“\\[”没有闭合") as caught:
        yamlio.parse_doc("a: [1\n", "f.yaml")
    assert caught.value.line == 2
