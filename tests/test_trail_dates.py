"""The day an advance is judged on is the day it happened: `advance` judges on the day its commit records (Beijing
time), `--today` only previews with `--dry-run`, and `verify` reports an advance whose recorded day differs from its
commit's day, or that is dated before the advance it follows. Real repositories, real commits."""
from __future__ import annotations

from pathlib import Path

import pytest

from gitfixture import clean_git_env, example_project, git, make_repo, on_day, snapshot
from govproj.cli import main

PROJECT = "projects/hotline"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch) -> Path:
    clean_git_env(monkeypatch)
    repo = make_repo(tmp_path / "repo")
    monkeypatch.chdir(repo)
    example_project(repo, PROJECT, "bj", "new", stage="approval")
    return repo


def cli(capsys, *args: str) -> tuple[int, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def _on(monkeypatch, day: str) -> None:
    for key, value in on_day(day).items():
        monkeypatch.setenv(key, value)


def test_advance_refuses_another_day_and_changes_nothing(capsys, repo: Path) -> None:
    before = snapshot(repo)
    code, out = cli(capsys, "advance", PROJECT, "--today", "2026-11-01")
    assert code == 2 and "今天是 2026-11-25（北京时间）" in out and "--dry-run" in out
    assert snapshot(repo) == before
    code, out = cli(capsys, "advance", PROJECT, "--today", "2026-11-01", "--dry-run")
    assert code == 0 and "Govproj-Today: 2026-11-01" in out
    assert snapshot(repo) == before


def test_the_day_is_beijing_time_and_the_commit_carries_it(capsys, repo: Path, monkeypatch) -> None:
    # 2026-11-25 20:30 UTC is already 2026-11-26 in Beijing
    monkeypatch.setenv("GIT_COMMITTER_DATE", "2026-11-25T20:30:00+00:00")
    code, out = cli(capsys, "advance", PROJECT)
    assert code == 0, out
    message = git(repo, "log", "-1", "--format=%B")
    assert "Govproj-Today: 2026-11-26" in message
    assert git(repo, "log", "-1", "--format=%cI").strip() == "2026-11-25T20:30:00+00:00"
    code, out = cli(capsys, "verify", PROJECT)
    assert code == 0, out


def test_verify_reports_a_trail_judged_on_another_day(capsys, repo: Path) -> None:
    assert cli(capsys, "advance", PROJECT)[0] == 0
    message = git(repo, "log", "-1", "--format=%B")
    assert "Govproj-Today: 2026-11-25" in message
    # the same step as if it had been run with a backdated --today: the commit says 11-25, the trail 11-20
    git(repo, "commit", "--amend", "-q", "-m", message.replace("Govproj-Today: 2026-11-25", "Govproj-Today: 2026-11-20"))
    tag = git(repo, "tag", "-l", "govproj/*").split()
    for name in tag:
        git(repo, "tag", "-f", "-a", "-m", git(repo, "tag", "-l", "--format=%(contents)", name), name, "HEAD")
    code, out = cli(capsys, "verify", PROJECT)
    assert code == 1
    assert "推进按 2026-11-20 判断，提交却是 2026-11-25（北京时间）做出的" in out


def test_verify_reports_an_advance_dated_before_the_previous_one(capsys, repo: Path, monkeypatch) -> None:
    assert cli(capsys, "advance", PROJECT)[0] == 0  # 项目立项 → 细化建设内容 on 2026-11-25
    _on(monkeypatch, "2026-11-20")  # the next step's commit dated back
    code, out = cli(capsys, "advance", PROJECT)
    assert code == 0, out
    code, out = cli(capsys, "verify", PROJECT)
    assert code == 1
    assert "早于上一次推进" in out and "日期倒退" in out
