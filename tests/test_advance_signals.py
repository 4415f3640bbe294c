"""An advance is all or nothing under signals: real Ctrl-C (SIGINT to the process group, as a terminal sends it) and
SIGTERM sent to a real `govproj advance` while git runs the user's commit hook, or while the baseline tag is being
written, leave either the whole step (commit, stage, tag) or nothing; never a modified project.yaml or a commit
without its tag."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gitfixture import clean_git_env, example_project, git, git_env, make_repo, snapshot

PROJECT = "projects/hotline"

SLOW_COMMIT_HOOK = """#!/bin/sh
touch "$MARK"
sleep 2
"""

# git runs reference-transaction for every ref update; this one is slow only when the baseline tag is prepared
SLOW_TAG_HOOK = """#!/bin/sh
if [ "$1" = prepared ] && grep -q refs/tags/ ; then
  touch "$MARK"
  sleep 2
fi
exit 0
"""


def _repo(tmp_path: Path, monkeypatch, stage: str | None) -> Path:
    clean_git_env(monkeypatch)
    repo = make_repo(tmp_path / "repo")
    monkeypatch.chdir(repo)
    example_project(repo, PROJECT, "bj", "new", stage=stage)
    return repo


def _hook(repo: Path, name: str, body: str) -> None:
    hook = repo / ".git" / "hooks" / name
    hook.write_text(body, encoding="utf-8")
    hook.chmod(0o755)


def _start(repo: Path, mark: Path) -> subprocess.Popen:
    env = git_env({"MARK": str(mark), "NO_COLOR": "1", "GOVPROJ_NO_CACHE": "1"})
    return subprocess.Popen([sys.executable, "-m", "govproj", "advance", PROJECT, "--today", "2026-11-25"], cwd=repo,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)


def _wait_for(mark: Path, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not mark.exists():
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the hook never ran"
        time.sleep(0.02)


def _stage_in(text: str) -> str:
    return next(line.split(":", 1)[1].split("#")[0].strip() for line in text.splitlines() if line.startswith("stage:"))


def _assert_whole(repo: Path, before_head: str, target: str, tagged: bool) -> None:
    assert git(repo, "status", "--porcelain") == "", "the tree must be clean: the step is whole"
    head = git(repo, "rev-parse", "HEAD").strip()
    assert head != before_head
    assert git(repo, "rev-parse", "HEAD~1").strip() == before_head, "exactly one commit"
    message = git(repo, "log", "-1", "--format=%B")
    assert f"Govproj-To: {target}" in message
    assert _stage_in(git(repo, "show", f"HEAD:{PROJECT}/project.yaml")) == target
    assert _stage_in((repo / PROJECT / "project.yaml").read_text(encoding="utf-8")) == target
    tags = git(repo, "tag", "--points-at", "HEAD").split()
    assert bool(tags) == tagged, tags


def _interrupt(process: subprocess.Popen, how: str) -> int:
    """Send the signal as a user would; the exit code the whole step then ends with."""
    if how == "ctrl-c":
        os.killpg(process.pid, signal.SIGINT)  # the terminal sends it to the whole foreground group, git included
        return 128 + signal.SIGINT
    process.send_signal(signal.SIGTERM)
    return 128 + signal.SIGTERM


# (while what, the stage the example starts at, the slow hook, the stage reached, whether a baseline tag is taken)
PHASES = [("commit-hook", None, "pre-commit", SLOW_COMMIT_HOOK, "contract", False),  # 细化建设内容 → 确定承建单位
          ("baseline-tag", "approval", "reference-transaction", SLOW_TAG_HOOK, "refine", True)]  # takes the tag


@pytest.mark.parametrize("how", ["ctrl-c", "sigterm"])
@pytest.mark.parametrize("phase, stage, hook, body, target, tagged", PHASES, ids=[p[0] for p in PHASES])
def test_a_signal_during_the_step_leaves_the_whole_step(tmp_path, monkeypatch, how, phase, stage, hook, body, target,
                                                        tagged):
    repo = _repo(tmp_path, monkeypatch, stage)
    mark = tmp_path / "hook-running"
    _hook(repo, hook, body)
    before = git(repo, "rev-parse", "HEAD").strip()
    process = _start(repo, mark)
    _wait_for(mark, process)
    expected = _interrupt(process, how)
    out, err = process.communicate(timeout=60)
    assert process.returncode == expected, (out, err)
    assert "Traceback" not in err
    assert "已推进并提交" in out and "这一步已经完整记录" in err
    assert ("已打基线标签" in out) == tagged
    _assert_whole(repo, before, target, tagged=tagged)


def test_a_signal_before_the_step_changes_nothing(tmp_path, monkeypatch):
    repo = _repo(tmp_path, monkeypatch, None)
    before = snapshot(repo)
    process = _start(repo, tmp_path / "unused")
    time.sleep(0.05)  # still starting or judging: nothing has been written yet
    process.send_signal(signal.SIGTERM)
    process.communicate(timeout=60)
    assert process.returncode != 0
    assert snapshot(repo) == before
