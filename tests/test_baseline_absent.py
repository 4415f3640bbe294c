"""A baseline that is not at hand is said, not skipped: in a shallow or tag-less clone, or after the baseline tag was
deleted, `check` reports GP051 (an error unless --allow-missing-baseline) where it used to skip change control, and
`verify` tells "not fetched" from "deleted". Real repositories and real `git clone`."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from gitfixture import clean_git_env, commit_all, example_project, git, make_repo
from govproj.cli import main

PROJECT = "projects/hotline"


@pytest.fixture(scope="module")
def origin(tmp_path_factory) -> Path:
    """Two Beijing projects advanced into 细化建设内容 (each with its baseline tag), then a budget change without a
    change record in one of them: a full clone rejects it (BJ211)."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        clean_git_env(monkeypatch)
        repo = make_repo(tmp_path_factory.mktemp("origin") / "repo")
        monkeypatch.chdir(repo)
        example_project(repo, PROJECT, "bj", "new", stage="approval")
        example_project(repo, "projects/other", "bj", "new", stage="approval",
                        edits={"project.yaml": {"id": "bj-2026-other"}})
        assert main(["advance", PROJECT]) == 0
        assert main(["advance", "projects/other"]) == 0
        budget = repo / PROJECT / "budget.yaml"
        text = budget.read_text(encoding="utf-8")
        budget.write_text(text.replace("amount: 112.00", "amount: 100.00").replace("amount: 28.00", "amount: 40.00"),
                          encoding="utf-8")
        commit_all(repo, "调整预算明细")
    return repo


def _clone(origin: Path, target: Path, *options: str) -> Path:
    git(target.parent, "clone", "-q", *options, f"file://{origin}", target.name)
    return target


def _check(capsys, monkeypatch, repo: Path, *args: str) -> tuple[int, list[dict]]:
    clean_git_env(monkeypatch)
    monkeypatch.chdir(repo)
    code = main(["check", PROJECT, "--format", "json", *args])
    return code, json.loads(capsys.readouterr().out)["diagnostics"]


def test_a_full_clone_applies_change_control(capsys, monkeypatch, origin, tmp_path) -> None:
    code, found = _check(capsys, monkeypatch, _clone(origin, tmp_path / "full"))
    assert code == 1 and "BJ211" in {d["code"] for d in found} and "GP051" not in {d["code"] for d in found}


def test_a_shallow_clone_says_the_baseline_is_not_here(capsys, monkeypatch, origin, tmp_path) -> None:
    shallow = _clone(origin, tmp_path / "shallow", "--depth", "1")
    code, found = _check(capsys, monkeypatch, shallow)
    gp060 = [d for d in found if d["code"] == "GP051"]
    assert code == 1 and gp060 and gp060[0]["severity"] == "error"
    assert "浅克隆" in gp060[0]["message"] and "git fetch --unshallow --tags" in gp060[0]["hint"]
    assert gp060[0]["file"] == f"{PROJECT}/project.yaml" and gp060[0]["line"] > 0
    code, found = _check(capsys, monkeypatch, shallow, "--allow-missing-baseline")
    assert [d["severity"] for d in found if d["code"] == "GP051"] == ["warning"]
    assert code == 0
    clean_git_env(monkeypatch)
    code = main(["advance", PROJECT, "--dry-run"])  # advance cannot judge change control here either
    out = capsys.readouterr().out
    assert code == 1 and "GP051" in out


def test_a_clone_without_tags_says_they_were_not_fetched(capsys, monkeypatch, origin, tmp_path) -> None:
    bare = _clone(origin, tmp_path / "notags", "--no-tags")
    assert git(bare, "tag", "-l").strip() == ""
    code, found = _check(capsys, monkeypatch, bare)
    gp060 = [d for d in found if d["code"] == "GP051"]
    assert code == 1 and gp060 and "标签没有取回" in gp060[0]["message"] and "git fetch --tags" in gp060[0]["hint"]
    clean_git_env(monkeypatch)
    assert main(["verify", PROJECT]) == 1
    out = capsys.readouterr().out
    assert "没有取回标签（不是被删除）" in out


def test_a_deleted_tag_is_told_from_one_not_fetched(capsys, monkeypatch, origin, tmp_path) -> None:
    clone = _clone(origin, tmp_path / "deleted")
    git(clone, "tag", "-d", "govproj/bj-2026-hotline-kb/baseline-1")
    code, found = _check(capsys, monkeypatch, clone)
    gp060 = [d for d in found if d["code"] == "GP051"]
    assert code == 1 and gp060 and "被删除" in gp060[0]["message"]
    clean_git_env(monkeypatch)
    assert main(["verify", PROJECT]) == 1
    out = capsys.readouterr().out
    assert "缺少基线标签 govproj/bj-2026-hotline-kb/baseline-1（被删除）" in out
