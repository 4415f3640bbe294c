"""`verify` judges each advance as it was: with the repository configuration (.govproj/config.yaml) and calendar of
that commit, not today's; and every advance names the rule set it was judged by (Govproj-Rules), as json and sarif
results do, so that a changed rule set is named. Real repositories, the real CLI."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from gitfixture import clean_git_env, commit_all, example_project, git, make_repo
from govproj.cli import main
from govproj.packs import get_pack

PROJECT = "projects/elderly"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch) -> Path:
    """The 西城 example at 审查意见函, the repository config setting XC103's 网络安全 share at 5%, then advanced."""
    clean_git_env(monkeypatch)
    repo = make_repo(tmp_path / "repo")
    monkeypatch.chdir(repo)
    (repo / ".govproj").mkdir()
    (repo / ".govproj" / "config.yaml").write_text("rules:\n  XC103: {min_share: 5}\n", encoding="utf-8")
    example_project(repo, PROJECT, "xc", "new", stage="opinion")
    return repo


def cli(capsys, *args: str) -> tuple[int, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_a_later_config_does_not_turn_an_old_advance_into_a_break(capsys, repo: Path) -> None:
    code, out = cli(capsys, "advance", PROJECT)
    assert code == 0, out
    # later the unit's config demands far more than the budget gives: today's check fails, the old advance does not
    (repo / ".govproj" / "config.yaml").write_text("rules:\n  XC103: {min_share: 90}\n", encoding="utf-8")
    commit_all(repo, "提高网络安全预算比例要求")
    code, out = cli(capsys, "check", PROJECT)
    assert code == 1 and "XC103" in out
    code, out = cli(capsys, "verify", PROJECT)
    assert code == 0, out
    assert "门槛条件不满足" not in out


def test_an_advance_against_its_own_config_is_still_judged(capsys, repo: Path) -> None:
    """The other way round: the config in the advance commit's tree is what counts. Rewrite the advance so that its
    tree holds a config under which its gate fails: verify reports the gate, though today's config is lenient."""
    assert cli(capsys, "advance", PROJECT)[0] == 0
    (repo / ".govproj" / "config.yaml").write_text("rules:\n  XC103: {min_share: 90}\n", encoding="utf-8")
    git(repo, "add", ".govproj/config.yaml")
    git(repo, "commit", "-q", "--amend", "--no-edit")
    (repo / ".govproj" / "config.yaml").write_text("rules:\n  XC103: {min_share: 5}\n", encoding="utf-8")
    code, out = cli(capsys, "verify", PROJECT)
    assert code == 1
    assert "门槛条件不满足" in out and "XC103" in out


def test_the_rule_set_is_recorded_and_named_when_it_changed(capsys, repo: Path) -> None:
    pack = get_pack("xc")
    assert cli(capsys, "advance", PROJECT)[0] == 0
    message = git(repo, "log", "-1", "--format=%B")
    assert f"Govproj-Rules: sha256:{pack.rules_hash}" in message
    code, out = cli(capsys, "check", PROJECT, "--format", "json")
    assert json.loads(out)["projects"][0]["rule_set"] == \
        {"pack": "xc", "version": pack.version, "sha256": pack.rules_hash}
    code, out = cli(capsys, "check", PROJECT, "--format", "sarif")
    assert json.loads(out)["runs"][0]["properties"]["ruleSets"] == [pack.rule_set]
    # an advance judged by another rule set (as after an upgrade of govproj): verify names the change once
    old = "0" * 64
    git(repo, "commit", "-q", "--amend", "-m", message.replace(pack.rules_hash, old))
    for name in git(repo, "tag", "-l", "govproj/*").split():
        git(repo, "tag", "-f", "-a", "-m", git(repo, "tag", "-l", "--format=%(contents)", name), name, "HEAD")
    code, out = cli(capsys, "verify", PROJECT)
    assert out.count("规则或数据自那以后有变化") == 1 and "sha256:000000000000" in out, out
