"""A project cannot switch off its own gates: settings may add strictness, never silence an error; only a recorded
waiver sets a rule aside, and a rule whose article is mandatory (不得、必须 …) cannot be waived at all.

Real git repositories, the real CLI; the refusals leave HEAD, index and files as they were.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from gitfixture import clean_git_env, commit_all, example_project, git, make_repo, snapshot
from govproj.cli import main
from govproj.packs import get_pack

PROJECT = "projects/hotline"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch) -> Path:
    """The Beijing 12345 example at 细化建设内容 with one evidence file gone: GP011 gates the next step."""
    clean_git_env(monkeypatch)
    repo = make_repo(tmp_path / "repo")
    monkeypatch.chdir(repo)
    folder, _ = example_project(repo, PROJECT, "bj", "new")
    evidence = sorted((folder / "evidence").iterdir())[0]
    evidence.unlink()
    commit_all(repo, "删除一个证据文件")
    return repo


def cli(capsys, *args: str) -> tuple[int, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def _append(path: Path, text: str) -> None:
    """Replace the scaffold's empty `settings: {}` / `waivers: []` by the block in `text`."""
    key = text.split(":", 1)[0]
    body = path.read_text(encoding="utf-8")
    lines = body.splitlines(keepends=True)
    index = next(i for i, line in enumerate(lines) if line.startswith(f"{key}:"))
    lines[index] = text
    path.write_text("".join(lines), encoding="utf-8")


def _line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


@pytest.mark.parametrize("severity", ["off", "warning", "info"])
def test_settings_cannot_lower_a_gate(capsys, repo: Path, severity: str) -> None:
    project = repo / PROJECT / "project.yaml"
    _append(project, f"settings:\n  GP011:\n    severity: {severity}\n")
    commit_all(repo, "想用设置关掉 GP011")
    code, out = cli(capsys, "check", PROJECT, "--today", "2026-11-25")
    assert code == 1
    assert "错误  GP011" in out  # the gate still holds
    line = _line_of(project, "  GP011:") + 1
    assert f"\n    {line}:" in out and f"不能把它降为“{severity}”" in out and "waivers" in out
    before = snapshot(repo)
    code, out = cli(capsys, "advance", PROJECT, "--today", "2026-11-25")
    assert code == 1 and "GP011" in out and "GP030" in out
    assert snapshot(repo) == before


def test_settings_may_raise_strictness(capsys, repo: Path) -> None:
    warning = next(r for r in get_pack("bj").rules if r.severity == "warning")
    project = repo / PROJECT / "project.yaml"
    _append(project, f"settings:\n  {warning.code}: error\n  GP011: error\n")
    code, out = cli(capsys, "check", PROJECT, "--today", "2026-11-25")
    assert code == 1 and "GP030" not in out and "错误  GP011" in out


def test_repository_config_cannot_lower_a_gate_either(capsys, repo: Path) -> None:
    (repo / ".govproj").mkdir()
    (repo / ".govproj" / "config.yaml").write_text("rules:\n  GP011: off\n", encoding="utf-8")
    code, out = cli(capsys, "check", PROJECT, "--today", "2026-11-25")
    assert code == 2 and ".govproj/config.yaml" in out and "不能把它降为“off”" in out
    assert "Traceback" not in out


def test_a_waiver_is_the_one_way_and_is_recorded(capsys, repo: Path) -> None:
    project = repo / PROJECT / "project.yaml"
    _append(project, "waivers:\n  - {rule: GP011, reason: 原件在档案室调阅中, approved_by: 王五, expires: 2099-12-31}\n")
    commit_all(repo, "豁免 GP011")
    code, out = cli(capsys, "advance", PROJECT, "--today", "2026-11-25")
    assert code == 0, out
    assert "Govproj-Waived: 1" in git(repo, "log", "-1", "--format=%B") or "waived=1" in git(repo, "log", "-1", "--format=%B")


def test_a_mandatory_rule_cannot_be_waived(capsys, tmp_path: Path, monkeypatch) -> None:
    """BJ062 (第6条 “不得升级改造”) is mandatory: a complete waiver of it is refused, the finding stays."""
    clean_git_env(monkeypatch)
    monkeypatch.chdir(tmp_path)
    assert main(["new", "p", "--jurisdiction", "bj", "--kind", "upgrade", "--example"]) == 0
    project = tmp_path / "p" / "project.yaml"
    capsys.readouterr()
    code, out = cli(capsys, "check", "p", "--today", "2026-11-25")
    assert "BJ062" not in out
    text = project.read_text(encoding="utf-8").replace("operation_since: 2024-07-01", "operation_since: 2025-12-01")
    project.write_text(text, encoding="utf-8")
    code, out = cli(capsys, "check", "p", "--today", "2026-11-25")
    assert code == 1 and "BJ062" in out and "不得升级改造" in out
    code, out = cli(capsys, "explain", "BJ062", "--format", "json")
    payload = json.loads(out)
    assert payload["waivable"] is False and payload["mandatory_word"] == "不得"
    code, out = cli(capsys, "explain", "BJ062")
    assert "不可豁免：原文“不得”" in out
    _append(project, "waivers:\n  - {rule: BJ062, reason: 急需, approved_by: 王五, expires: 2099-12-31}\n")
    code, out = cli(capsys, "check", "p", "--today", "2026-11-25")
    line = _line_of(project, "rule: BJ062")
    assert f"\n    {line}:" in out and "GP040" in out and "不能豁免" in out
    assert "错误  BJ062" in out and "GP042" not in out  # the finding stays; the waiver is refused, not "unused"


def test_every_pack_marks_its_mandatory_rules_from_the_words_of_the_text() -> None:
    from govproj.core.rules import MANDATORY_WORDS

    seen = 0
    for pack_id in ("bj", "xc", "yb", "jl", "gs"):
        for rule in get_pack(pack_id).all_rules:
            quote = rule.citation.quote
            if rule.mandatory:
                seen += 1
                assert rule.mandatory in quote and "原则上" not in quote, rule.code
            elif "原则上" not in quote and "除" not in quote:
                assert not any(word in quote for word in MANDATORY_WORDS), rule.code
    assert seen >= 20
