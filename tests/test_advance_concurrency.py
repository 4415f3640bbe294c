"""Two `govproj advance` processes at once on one repository: the second is refused, nothing it could touch changes."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from gitfixture import example_project, git, git_env, make_repo, snapshot

PROJECT = "projects/hotline"

SLOW_HOOK = """#!/bin/sh
# signals that the commit is under way, then waits for the test to let it finish
touch "{ready}"
while [ ! -e "{go}" ]; do sleep 0.05; done
exit 0
"""


def install_slow_hook(repo: Path, tmp: Path) -> tuple[Path, Path]:
    ready, go = tmp / "hook-ready", tmp / "hook-go"
    hook = repo / ".git" / "hooks" / "pre-commit"
    hook.write_text(SLOW_HOOK.format(ready=ready, go=go), encoding="utf-8")
    hook.chmod(0o755)
    return ready, go


def start_advance(repo: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "govproj", "advance", PROJECT, "--today", "2026-11-25"],
                            cwd=str(repo), env=git_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def wait_for(path: Path, proc: subprocess.Popen, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():
        if proc.poll() is not None:
            raise AssertionError(f"advance ended before its hook ran: {proc.communicate()}")
        assert time.monotonic() < deadline, "the commit hook never started"
        time.sleep(0.05)


def test_a_second_concurrent_advance_is_refused_and_changes_nothing(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo")
    example_project(repo, PROJECT, "bj", "new")
    tags_before = set(git(repo, "tag", "-l").split())
    base = git(repo, "rev-parse", "HEAD").strip()
    ready, go = install_slow_hook(repo, tmp_path)
    first = start_advance(repo)
    try:
        wait_for(ready, first)
        during = snapshot(repo)  # the first run is inside `git commit`: project.yaml already carries the new stage
        second = subprocess.run([sys.executable, "-m", "govproj", "advance", PROJECT, "--today", "2026-11-25"],
                                cwd=str(repo), env=git_env(), capture_output=True, timeout=120)
        err = second.stderr.decode("utf-8")
        assert second.returncode == 2, err
        assert "另一个 govproj advance 正在这个仓库里推进" in err and "没有修改任何文件" in err
        assert "Traceback" not in err
        assert snapshot(repo) == during, "the refused run must not touch the tree, the index or HEAD"
    finally:
        go.touch()
        out, err = first.communicate(timeout=120)
    assert first.returncode == 0, err.decode("utf-8")
    commits = git(repo, "rev-list", f"{base}..HEAD").split()
    assert len(commits) == 1, "exactly one advance commit"
    assert len(set(git(repo, "tag", "-l").split()) - tags_before) <= 1, "at most one new baseline tag"
    assert git(repo, "status", "--porcelain") == ""
    # the lock is gone with the first process: a later run is not refused for it
    os.remove(ready)
    later = subprocess.run([sys.executable, "-m", "govproj", "advance", PROJECT, "--today", "2026-11-25", "--dry-run"],
                           cwd=str(repo), env=git_env(), capture_output=True, timeout=120)
    assert "另一个 govproj advance" not in later.stderr.decode("utf-8")
    assert (repo / ".git" / "govproj-advance.lock").exists()
