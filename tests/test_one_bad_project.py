"""One unreadable project never stops the others: `verify`, `log`, `check`, `status` and `deadlines` over a folder name
the broken file and line and still report every other project. A real repository, the real CLI."""
from __future__ import annotations

from pathlib import Path

import pytest

from gitfixture import clean_git_env, commit_all, example_project, make_repo
from govproj.cli import main


@pytest.fixture
def repo(tmp_path: Path, monkeypatch) -> Path:
    clean_git_env(monkeypatch)
    monkeypatch.setenv("NO_COLOR", "1")
    repo = make_repo(tmp_path / "repo")
    monkeypatch.chdir(repo)
    example_project(repo, "projects/good", "bj", "new", stage="approval")
    example_project(repo, "projects/bad", "xc", "new")
    assert main(["advance", "projects/good"]) == 0
    (repo / "projects/bad/budget.yaml").write_text("total: [\n", encoding="utf-8")
    commit_all(repo, "坏了的预算文件")
    return repo


# status lists and exits 0 whatever the projects hold (its table shows the unreadable one); the others exit 2
@pytest.mark.parametrize("verb, expected", [("verify", 2), ("log", 2), ("check", 2), ("status", 0), ("deadlines", 2)])
def test_the_others_are_still_reported(capsys, repo: Path, verb: str, expected: int) -> None:
    code = main([verb, "projects"])
    out, err = capsys.readouterr()
    assert code == expected, (out, err)
    assert "Traceback" not in out + err and "内部错误" not in out + err
    assert "projects/bad/budget.yaml:2" in out + err  # the broken file and line, with what to do
    # what to do: in full, or (status's table) the count of unreadable projects that `check` explains
    assert ("无法读取 1" in out) if verb == "status" else ("处理办法" in out + err)
    assert "projects/good" in out or "bj-2026-hotline-kb" in out  # the good project is still there
