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
# The day the tests' commits are made (advance judges on the day its commit records, Beijing time): fixed, so that
# the suite gives the same answers whatever the real date. `on_day` moves it for one step.
TEST_DAY = "2026-11-25"
DATES = {"GIT_COMMITTER_DATE": f"{TEST_DAY}T10:00:00+08:00", "GIT_AUTHOR_DATE": f"{TEST_DAY}T10:00:00+08:00"}


def on_day(day: str) -> dict[str, str]:
    """The git environment of a commit made on `day` (10:00 Beijing time)."""
    return {"GIT_COMMITTER_DATE": f"{day}T10:00:00+08:00", "GIT_AUTHOR_DATE": f"{day}T10:00:00+08:00"}


def git_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """os.environ without any GIT_* variable, with no system or global config and the fixed identity."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_") and k != ADVANCE}
    env.update({"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_TERMINAL_PROMPT": "0", **IDENTITY,
                **DATES})
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
    from govproj.edges.yamlio import load_doc

    make_repo(folder)
    commit_all(folder, "批复基线")
    project_id = load_doc(folder / "project.yaml", "project.yaml").data["id"]
    tag = f"govproj/{project_id}/baseline-1"
    git(folder, "tag", "-a", "-m", f"批复基线\n\nGovproj-Project: {project_id}\nGovproj-Path: .\n", tag)
    return tag


def render(folder: Path, file: str, data: dict, pack_id: str) -> None:
    """Write one project file from data, the way `govproj new` does (comments included)."""
    from govproj.core.format import FILE_TITLES, file_specs
    from govproj.packs import get_pack
    from govproj.core.scaffold import render_file

    spec = file_specs(get_pack(pack_id))[file]
    (folder / file).write_text(render_file(spec, data, title=FILE_TITLES[file], schema_ref=None), encoding="utf-8")


def example_project(repo: Path, rel: str, pack_id: str, example: str, *, stage: str | None = None,
                    edits: dict[str, dict] | None = None) -> tuple[Path, dict]:
    """A pack's example project written into the repository at `rel` (optionally at another stage), committed.

    Returns the folder and the files' data, to edit and re-render later in the test.
    """
    import copy

    from govproj.packs import get_pack

    built = get_pack(pack_id).examples[example]()
    files = copy.deepcopy(built["files"])
    if stage:
        files["project.yaml"]["stage"] = stage
    for file, values in (edits or {}).items():
        files.setdefault(file, {}).update(values)
    folder = repo / rel
    folder.mkdir(parents=True, exist_ok=True)
    for file, data in files.items():
        render(folder, file, data, pack_id)
    for name, text in built.get("evidence", {}).items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    commit_all(repo, f"新建项目 {files['project.yaml']['id']}")
    return folder, files


def snapshot(repo: Path) -> tuple[str, str, str, dict[str, bytes]]:
    """HEAD, the index, `git status` and every file's bytes: what a refusal must leave exactly as it was."""
    files = {}
    for path in sorted(repo.rglob("*")):
        if ".git" not in path.relative_to(repo).parts and path.is_file():
            files[path.relative_to(repo).as_posix()] = path.read_bytes()
    return (git(repo, "rev-parse", "-q", "--verify", "HEAD", check=False), git(repo, "ls-files", "-s"),
            git(repo, "status", "--porcelain"), files)
