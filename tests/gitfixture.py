"""Real git repositories in temp folders for the tests: a cleaned GIT_* environment and a fixed identity.

Nothing is mocked: the tests run the `git` program as govproj does. `clean_git_env` also makes the in-process CLI
see no outer repository settings (hooks from a surrounding checkout, a user's commit.gpgsign, GIT_DIR …).
"""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

IDENTITY = {
    "GIT_AUTHOR_NAME": "张三",
    "GIT_AUTHOR_EMAIL": "zhangsan@example.gov.cn",
    "GIT_COMMITTER_NAME": "张三",
    "GIT_COMMITTER_EMAIL": "zhangsan@example.gov.cn",
}


def git_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """os.environ without any GIT_* variable, with no system or global config and the fixed identity."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_") and k != ADVANCE}
    env.update({"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_TERMINAL_PROMPT": "0", **IDENTITY})
    env.update(extra or {})
    return env


ADVANCE = "GOVPROJ_ADVANCE"


def clean_git_env(monkeypatch) -> None:
    """Apply `git_env()` to this process (for tests that call `govproj.cli.main` in-process)."""
    for key in list(os.environ):
        if key.startswith("GIT_") or key == ADVANCE:
            monkeypatch.delenv(key, raising=False)
    for key, value in git_env().items():
        if key.startswith("GIT_"):
            monkeypatch.setenv(key, value)


def git(cwd: Path, *args: str, check: bool = True, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(["git", *args], cwd=str(cwd), capture_output=True, env=git_env(env))
    if check and done.returncode != 0:
        raise AssertionError(f"git {' '.join(args)} failed: {done.stderr.decode('utf-8', 'replace')}")
    return done.stdout.decode("utf-8", "replace")


def make_repo(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    git(path, "init", "-q", "-b", "main")
    git(path, "config", "commit.gpgsign", "false")
    git(path, "config", "tag.gpgsign", "false")
    return path


def commit_all(repo: Path, message: str, *paths: str) -> str:
    git(repo, "add", "-A", "--", *(paths or (".",)))
    git(repo, "commit", "-q", "-m", message)
    return git(repo, "rev-parse", "HEAD").strip()


def commit_baseline(folder: Path) -> str:
    """Make `folder` a repository whose only commit is the project as approved, tagged as its first baseline."""
    from govproj.yamlio import load_doc

    make_repo(folder)
    commit_all(folder, "批复基线")
    project_id = load_doc(folder / "project.yaml", "project.yaml").data["id"]
    tag = f"govproj/{project_id}/baseline-1"
    git(folder, "tag", "-a", "-m", f"批复基线\n\nGovproj-Project: {project_id}\nGovproj-Path: .\n", tag)
    return tag
