"""The typer CLI: Chinese help with aligned columns on every verb, completion, one meaning per flag, lazy imports,
rich only on a terminal. Every test drives the real `govproj` (in-process through `main`, or as a process)."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from govproj.cli import COMMANDS

BIN = Path(sys.executable).parent
ENGLISH = ("Usage:", "Options", "Arguments", "Commands", "Show this message", "[default:", "Error", "Try '")


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def _section(text: str, title: str) -> list[str]:
    lines = text.splitlines()
    if title not in lines:
        return []
    start = lines.index(title) + 1
    end = next((i for i in range(start, len(lines)) if not lines[i].strip()), len(lines))
    return lines[start:end]


def _help_column(rows: list[str]) -> set[int]:
    """The display column where each row's help text starts (continuation lines of a wrapped help are skipped)."""
    columns = set()
    for row in rows:
        if not row.startswith("  ") or row.startswith("    "):
            continue
        parts = re.split(r"\s{2,}", row.strip(), maxsplit=1)
        if len(parts) == 2:
            columns.add(width(row[: row.rindex(parts[1])]))
    return columns


def test_bare_govproj_lists_the_verbs(run):
    code, out, err = run()
    assert code == 0
    assert out.startswith("用法：govproj")
    for verb, (_, short) in COMMANDS.items():
        assert f"  {verb}" in out and short in out
    assert not any(word in out for word in ENGLISH)


@pytest.mark.parametrize("verb", list(COMMANDS))
def test_every_verb_has_chinese_help_with_examples_and_aligned_columns(run, verb):
    code, out, err = run(verb, "--help")
    assert code == 0, err
    assert out.startswith(f"用法：govproj {verb}")
    assert "示例" in out or "示例：" in out or ".pre-commit-config.yaml 示例" in out
    assert "选项：" in out
    assert not any(word in out for word in ENGLISH), out
    assert all(line == line.rstrip() for line in out.splitlines())
    options = _section(out, "选项：")
    assert any(row.lstrip().startswith("-h, --help") for row in options)
    assert len(_help_column(options)) == 1, options  # help texts start in one column, Chinese or not
    arguments = _section(out, "参数：")
    if arguments:
        assert len(_help_column(arguments)) == 1, arguments
    for row in options + arguments:
        assert width(row) <= 120


def test_usage_errors_are_chinese_with_exit_2(run, tmp_path):
    cases = [
        (("check", "--no-such-option"), "没有选项"),
        (("check", "--format", "xml"), "无效"),
        (("explain",), "缺少必需的参数"),
        (("new", "p"), "缺少必需的选项"),
        (("advance", "--outcome", "maybe"), "无效"),
        (("status", "--jobs", "many"), "不是有效的整数"),
        (("chek",), "是不是要用 `govproj check`"),
    ]
    for args, words in cases:
        code, out, err = run(*args)
        assert code == 2, (args, err)
        assert words in err and "错误" in err and "--help" in err, (args, err)
        assert not any(word in err for word in ENGLISH[:3]), (args, err)


def test_one_meaning_per_short_flag_across_all_verbs():
    import typer

    from govproj.cli import LazyGroup, build

    group = build()
    assert isinstance(group, LazyGroup)
    meaning: dict[str, set[str]] = {}
    import click

    ctx = click.Context(group, info_name="govproj")
    for verb in COMMANDS:
        command = group.get_command(ctx, verb)
        assert command is not None
        for param in command.params:
            if not isinstance(param, click.Option):
                continue
            longs = [o for o in param.opts if o.startswith("--")]
            for short in (o for o in param.opts if not o.startswith("--")):
                meaning.setdefault(short, set()).update(longs)
    assert {short: longs for short, longs in meaning.items() if len(longs) != 1} == {}
    assert meaning["-j"] == {"--jurisdiction"} and meaning["-o"] == {"--output"}
    assert typer  # typer builds every verb (imported above through the verb modules)


def test_bash_completion_completes_verbs_and_choices(tmp_path):
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
    script = subprocess.run([str(BIN / "govproj"), "--show-completion", "bash"], capture_output=True, text=True,
                            env=env, check=True).stdout
    assert "complete" in script and "_GOVPROJ_COMPLETE" in script
    (tmp_path / "completion.bash").write_text(script, encoding="utf-8")
    probe = r"""
source "$1"
ask() { COMP_WORDS=("$@"); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); _govproj_completion govproj;
        printf '%s\n' "${COMPREPLY[@]}"; echo ---; }
ask govproj ch
ask govproj check --for
ask govproj check --format ""
ask govproj new p -j
"""
    result = subprocess.run(["bash", "-c", probe, "probe", str(tmp_path / "completion.bash")], capture_output=True,
                            text=True, env=env, timeout=60)
    blocks = [b.split() for b in result.stdout.split("---")]
    assert blocks[0] == ["check"], result.stderr
    assert blocks[1] == ["--format"]
    assert blocks[2] == ["auto", "text", "json", "sarif", "github"]


def test_install_completion_for_bash_and_zsh(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "HOME": str(home), "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
    for shell, rc in (("bash", ".bashrc"), ("zsh", ".zshrc")):
        done = subprocess.run([str(BIN / "govproj"), "--install-completion", shell], capture_output=True,
                              text=True, env=env, timeout=60)
        assert done.returncode == 0, done.stderr
        assert (home / rc).is_file() and "govproj" in (home / rc).read_text(encoding="utf-8").lower() \
            or any("govproj" in p.name.lower() or "govproj" in p.read_text(encoding="utf-8", errors="replace")
                   for p in home.rglob("*") if p.is_file())
    zsh = subprocess.run([str(BIN / "govproj"), "--show-completion", "zsh"], capture_output=True, text=True, env=env)
    assert "compdef" in zsh.stdout


def _modules_after(args: list[str], cwd: Path, **env: str) -> tuple[set[str], str]:
    script = ("import sys, json\nfrom govproj.cli import main\ncode = main(sys.argv[1:])\n"
              "sys.stderr.write('MODULES=' + json.dumps(sorted(sys.modules)) + '\\n')\n")
    environment = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "CI", "NO_COLOR")}
    environment.update(env)
    done = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, cwd=cwd,
                          env=environment, timeout=120)
    modules = json.loads(done.stderr.rsplit("MODULES=", 1)[1])
    return set(modules), done.stdout


def test_help_imports_no_verb_and_a_verb_imports_only_itself(example, tmp_path):
    folder = example()
    modules, out = _modules_after(["--help"], tmp_path)
    verbs = {m for m in modules if m.startswith("govproj.commands.")} - {"govproj.commands.options",
                                                                          "govproj.commands.zh"}
    assert verbs == set() and "check" in out
    modules, _ = _modules_after(["check", str(folder), "--format", "json"], tmp_path)
    verbs = {m for m in modules if m.startswith("govproj.commands.")} - {"govproj.commands.options",
                                                                          "govproj.commands.zh"}
    assert verbs == {"govproj.commands.check"}


@pytest.mark.parametrize("args,env", [
    (["check", "{p}"], {}),  # a pipe
    (["check", "{p}", "--format", "json"], {"FORCE_COLOR": "1"}),
    (["check", "{p}", "--format", "sarif"], {}),
    (["check", "{p}", "--format", "github"], {}),
    (["check", "{p}"], {"FORCE_COLOR": "1", "NO_COLOR": "1"}),
    (["check", "{p}"], {"FORCE_COLOR": "1", "CI": "true"}),
    (["status", "{p}"], {}),
    (["deadlines", "{p}", "--format", "json"], {}),
    (["stages", "-j", "bj"], {"CI": "true"}),
])
def test_rich_is_not_imported_on_plain_paths(example, tmp_path, args, env):
    folder = example()
    modules, out = _modules_after([a.replace("{p}", str(folder)) for a in args], tmp_path, **env)
    assert not any(m == "rich" or m.startswith("rich.") for m in modules)
    assert "\033[" not in out


def test_rich_draws_the_terminal_output(example, tmp_path):
    folder = example()
    modules, out = _modules_after(["status", str(folder)], tmp_path, FORCE_COLOR="1", COLUMNS="140")
    assert "rich" in modules and "\033[" in out and "项目" in out
    _, plain = _modules_after(["status", str(folder)], tmp_path)
    assert plain.splitlines()[0].split() == ["项目", "辖区", "阶段", "错误", "警告", "下一个期限"]
    code_json = subprocess.run([str(BIN / "govproj"), "status", str(folder), "--format", "json"],
                               capture_output=True, text=True, cwd=tmp_path)
    assert json.loads(code_json.stdout)["summary"]["projects"] == 1
