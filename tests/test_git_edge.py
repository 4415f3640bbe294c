"""The git edge on GitPython: check's fast path without git, trailers as git reads them, one walk for many projects.

Real repositories in temp folders (cleaned GIT_* environment, fixed identity); git's own trace (GIT_TRACE) and a
`git` on PATH that records its calls show which git processes ran.
"""
from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from gitfixture import clean_git_env, commit_all, example_project, git, git_env, make_repo
from govproj.cli import main
from govproj.edges import ledger

REPO = Path(__file__).resolve().parents[1]
ID = "bj-2026-hotline-kb"


def run(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = main(list(args))
    return code, out.getvalue()


# ---- check: no git at all while the project has no baseline tag -------------------------------------------------

PROBE = """
import sys
from govproj.cli import main
code = main(sys.argv[1:])
print("GITPYTHON" if "git" in sys.modules else "NO-GITPYTHON", code)
"""


def _check_in_subprocess(repo: Path, tmp_path: Path) -> tuple[str, list[str]]:
    """`govproj check` in a fresh interpreter with a recording `git` first on PATH: (its output, git's calls)."""
    fake = tmp_path / "fakebin"
    fake.mkdir(exist_ok=True)
    calls = tmp_path / "git-calls.txt"
    real = shutil.which("git")
    (fake / "git").write_text(f'#!/bin/sh\necho "$*" >> "{calls}"\nexec "{real}" "$@"\n', encoding="utf-8")
    (fake / "git").chmod(0o755)
    env = git_env({"PATH": f"{fake}{os.pathsep}{os.environ['PATH']}", "PYTHONPATH": str(REPO),
                   "GOVPROJ_CACHE_DIR": str(tmp_path / "cache")})
    env.pop("GOVPROJ_NO_CACHE", None)
    done = subprocess.run([sys.executable, "-c", PROBE, "check", "projects/hotline", "--today", "2026-11-25"],
                          cwd=repo, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout, calls.read_text(encoding="utf-8").splitlines() if calls.exists() else []


def test_check_without_a_baseline_tag_starts_no_git_and_imports_no_gitpython(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo")
    # 确定承建单位 comes after the baseline stage: change control applies, so the rules ask for the baseline
    example_project(repo, "projects/hotline", "bj", "new", stage="contract")
    out, calls = _check_in_subprocess(repo, tmp_path)
    assert "NO-GITPYTHON" in out and calls == []

    # the probe does see git when there is a baseline to read
    git(repo, "tag", "-a", "-m", f"批复基线\n\nGovproj-Project: {ID}\nGovproj-Path: projects/hotline\n",
        f"govproj/{ID}/baseline-1")
    out, calls = _check_in_subprocess(repo, tmp_path)
    assert "GITPYTHON" in out.replace("NO-GITPYTHON", "") and calls


# ---- the trailers, as git and GitPython read them -----------------------------------------------------------------

@pytest.fixture
def repo(tmp_path: Path, monkeypatch) -> Path:
    clean_git_env(monkeypatch)
    repo = make_repo(tmp_path / "repo")
    monkeypatch.chdir(repo)
    return repo


def test_advance_trailers_read_the_same_in_gitpython_and_in_govproj(repo: Path) -> None:
    import git as gitpython

    example_project(repo, "projects/hotline", "bj", "new", stage="approval")
    assert run("advance", "projects/hotline", "--today", "2026-11-25")[0] == 0
    commit = gitpython.Repo(repo).head.commit
    theirs = [(k, v) for k, v in commit.trailers_list]  # `git interpret-trailers --parse`
    ours = [(f"Govproj-{k}", v) for k, v in ledger.trailer_lines(commit.message)]
    assert ours == theirs and ("Govproj-Baseline", f"govproj/{ID}/baseline-1") in theirs
    trail, problems = ledger.parse_trail(commit.message)
    assert problems == [] and trail is not None and trail.target == "refine"
    assert ledger.format_trailers(trail) in commit.message  # what advance writes is what it reads back
    assert commit.trailers_dict["Govproj-Previous"] == [ledger.last_advance(gitpython.Repo(repo), ID, "HEAD~1")
                                                        or "none"]


# ---- one walk for many projects -----------------------------------------------------------------------------------

def _trace(tmp_path: Path, monkeypatch, *args: str) -> tuple[int, str, list[str]]:
    """Run the CLI with git's trace on: (exit code, output, the git commands that ran)."""
    trace = tmp_path / f"trace-{len(list(tmp_path.glob('trace-*')))}.txt"
    monkeypatch.setenv("GIT_TRACE", str(trace))
    try:
        code, out = run(*args)
    finally:
        monkeypatch.delenv("GIT_TRACE")
    lines = trace.read_text(encoding="utf-8", errors="replace").splitlines() if trace.exists() else []
    return code, out, [line.split("trace: built-in: ", 1)[1] for line in lines if "trace: built-in: " in line]


def test_verify_walks_the_history_once_for_all_projects(repo: Path, tmp_path: Path, monkeypatch) -> None:
    for name in ("a", "b", "c", "d"):
        example_project(repo, f"projects/{name}", "bj", "new", stage="approval",
                        edits={"project.yaml": {"id": f"{ID}-{name}"}})
    for name in ("a", "b", "c", "d"):
        assert run("advance", f"projects/{name}", "--today", "2026-11-25")[0] == 0
    assert run("advance", "projects/b", "--today", "2026-11-25")[0] == 0
    code, out, commands = _trace(tmp_path, monkeypatch, "verify", "projects", "--format", "json")
    assert code == 0, out
    reports = json.loads(out)["projects"]
    assert [(r["project_id"], r["advances"], r["tags"], r["breaks"]) for r in reports] == [
        (f"{ID}-a", 1, 1, []), (f"{ID}-b", 2, 1, []), (f"{ID}-c", 1, 1, []), (f"{ID}-d", 1, 1, [])]
    walks = [c for c in commands if c.startswith("git log") and "--topo-order" in c]
    assert len(walks) == 1  # not one per project
    assert not [c for c in commands if c.startswith(("git archive", "git diff-tree", "git for-each-ref"))]
    # the same reports as verifying each project on its own
    for report in reports:
        alone = json.loads(run("verify", report["project"], "--format", "json")[1])["projects"][0]
        assert alone == report


def test_advance_does_not_replay_the_history(repo: Path, tmp_path: Path, monkeypatch) -> None:
    folder, _ = example_project(repo, "projects/hotline", "bj", "new", stage="needs")
    for n in range(5):  # ordinary work in the project folder between the steps
        (folder / "记录.txt").write_text(f"第 {n} 次会议纪要\n", encoding="utf-8")
        commit_all(repo, f"会议纪要 {n}")
    assert run("advance", "projects/hotline", "--today", "2026-11-25")[0] == 0
    first = git(repo, "rev-parse", "HEAD").strip()
    code, out, commands = _trace(tmp_path, monkeypatch, "advance", "projects/hotline", "--today", "2026-11-25")
    assert code == 0, out
    assert not [c for c in commands if "--topo-order" in c or c.startswith(("git log", "git cat-file --batch "))]
    walks = [c for c in commands if c.startswith("git rev-list")]
    assert walks and all("--grep=Govproj-Project: " in c for c in walks)  # back to the last step only
    assert f"Govproj-Previous: {first}" in git(repo, "log", "-1", "--format=%B")


def test_a_step_advanced_on_a_branch_and_merged_is_no_manual_change(repo: Path) -> None:
    example_project(repo, "projects/hotline", "bj", "new", stage="approval")
    git(repo, "switch", "-q", "-c", "feature")
    assert run("advance", "projects/hotline", "--today", "2026-11-25")[0] == 0
    git(repo, "switch", "-q", "main")
    (repo / "说明.txt").write_text("与项目无关的修改\n", encoding="utf-8")
    commit_all(repo, "无关修改")
    git(repo, "merge", "-q", "--no-ff", "-m", "合并 feature", "feature")
    code, out = run("verify", "projects/hotline", "--format", "json")
    report = json.loads(out)["projects"][0]
    assert code == 0 and report["breaks"] == [] and report["advances"] == 1 and report["tags"] == 1
    code, out = run("log", "projects/hotline", "--format", "json")
    kinds = [e["kind"] for e in json.loads(out)["projects"][0]["entries"]]
    assert kinds == ["created", "advance"]  # the merge commit is not a second change of the stage
