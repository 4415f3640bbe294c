"""Every refusal of `govproj advance` (exit 2, or 1 for unmet gates) leaves HEAD, index and working tree as they were."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from gitfixture import clean_git_env, commit_all, example_project, git, make_repo, snapshot
from govproj.cli import main

PROJECT = "projects/hotline"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch) -> Path:
    """The Beijing 12345 example at 细化建设内容, committed: ready to advance to 确定承建单位."""
    clean_git_env(monkeypatch)
    repo = make_repo(tmp_path / "repo")
    monkeypatch.chdir(repo)
    example_project(repo, PROJECT, "bj", "new")
    (repo / "README.txt").write_text("项目仓库\n", encoding="utf-8")
    commit_all(repo, "说明")
    return repo


def advance(capsys, *args: str) -> tuple[int, str]:
    code = main(["advance", PROJECT, "--today", "2026-11-25", *args])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def refused(capsys, repo: Path, *args: str, code: int = 2) -> str:
    before = snapshot(repo)
    rc, out = advance(capsys, *args)
    assert rc == code, out
    assert snapshot(repo) == before, "a refusal must leave HEAD, index and files exactly as they were"
    return out


def test_not_a_git_repository(tmp_path: Path, monkeypatch, capsys) -> None:
    clean_git_env(monkeypatch)
    monkeypatch.chdir(tmp_path)
    assert main(["new", "p", "-j", "bj", "-k", "new", "--example"]) == 0
    capsys.readouterr()
    before = (tmp_path / "p" / "project.yaml").read_bytes()
    assert main(["advance", "p"]) == 2
    assert "不在 git 仓库中" in capsys.readouterr().err
    assert (tmp_path / "p" / "project.yaml").read_bytes() == before


@pytest.mark.parametrize("how", ["modified", "staged", "untracked"])
def test_uncommitted_changes_in_the_project(repo: Path, capsys, how: str) -> None:
    budget = repo / PROJECT / "budget.yaml"
    if how == "untracked":
        (repo / PROJECT / "evidence" / "新证据.pdf").write_text("x", encoding="utf-8")
    else:
        budget.write_text(budget.read_text(encoding="utf-8").replace("total: 168.00", "total: 170.00"), encoding="utf-8")
        if how == "staged":
            git(repo, "add", str(budget))
    out = refused(capsys, repo)
    assert "项目文件夹有未提交的修改" in out
    assert ("新证据.pdf" if how == "untracked" else "budget.yaml") in out


def test_staged_changes_elsewhere_are_neither_swept_in_nor_lost(repo: Path, capsys) -> None:
    (repo / "README.txt").write_text("项目仓库（修改中）\n", encoding="utf-8")
    git(repo, "add", "README.txt")
    rc, out = advance(capsys)
    assert rc == 0, out
    assert git(repo, "show", "--format=", "--name-only", "HEAD").split() == [f"{PROJECT}/project.yaml"]
    assert git(repo, "status", "--porcelain").splitlines() == ["M  README.txt"]


def diverge(repo: Path) -> None:
    """Two branches that change README.txt differently: merging or rebasing one onto the other stops in a conflict."""
    git(repo, "switch", "-q", "-c", "other")
    (repo / "README.txt").write_text("分支甲\n", encoding="utf-8")
    commit_all(repo, "甲")
    git(repo, "switch", "-q", "main")
    (repo / "README.txt").write_text("分支乙\n", encoding="utf-8")
    commit_all(repo, "乙")


def test_merge_in_progress(repo: Path, capsys) -> None:
    diverge(repo)
    git(repo, "merge", "other", check=False)
    assert (repo / ".git" / "MERGE_HEAD").exists()
    assert "正在进行合并" in refused(capsys, repo)


def test_rebase_in_progress(repo: Path, capsys) -> None:
    diverge(repo)
    git(repo, "switch", "-q", "other")
    git(repo, "rebase", "main", check=False)
    assert (repo / ".git" / "rebase-merge").exists() or (repo / ".git" / "rebase-apply").exists()
    assert "变基" in refused(capsys, repo)


def test_detached_head(repo: Path, capsys) -> None:
    git(repo, "switch", "-q", "--detach", "HEAD")
    assert "分离状态" in refused(capsys, repo)


def test_a_hook_refuses_the_commit(repo: Path, capsys) -> None:
    hook = repo / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\necho '本仓库禁止今天提交' >&2\nexit 1\n", encoding="utf-8")
    hook.chmod(0o755)
    out = refused(capsys, repo)
    assert "git 提交失败，推进已撤销" in out and "本仓库禁止今天提交" in out


def test_signing_without_a_key(repo: Path, capsys, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("GNUPGHOME", str(tmp_path / "empty-gnupg"))
    (tmp_path / "empty-gnupg").mkdir(mode=0o700)
    git(repo, "config", "user.signingkey", "NOSUCHKEY0000000")
    assert "git 提交失败" in refused(capsys, repo, "--sign")


def test_a_failed_tag_takes_the_commit_back(tmp_path: Path, monkeypatch, capsys) -> None:
    clean_git_env(monkeypatch)
    repo = make_repo(tmp_path / "repo")
    monkeypatch.chdir(repo)
    example_project(repo, PROJECT, "bj", "new", stage="approval")
    # a ref in the way of the tag name (a folder where the tag would be a file): `git tag` fails after the commit
    git(repo, "update-ref", "refs/tags/govproj/bj-2026-hotline-kb/baseline-1/x", "HEAD")
    out = refused(capsys, repo)
    assert "基线标签 govproj/bj-2026-hotline-kb/baseline-1 创建失败，推进提交已撤销" in out
    assert git(repo, "log", "--format=%s").splitlines() == ["新建项目 bj-2026-hotline-kb"]


def test_unmet_gates_block_with_the_findings(repo: Path, capsys) -> None:
    git(repo, "rm", "-q", f"{PROJECT}/construction.yaml")
    commit_all(repo, "删除建设内容确认表")
    out = refused(capsys, repo, code=1)
    assert "不能推进：有" in out and "BJ171" in out and "BJ181" in out
    assert "govproj check projects/hotline --stage contract" in out


@pytest.mark.parametrize("args,message", [
    (("--to", "acceptance"), "不能跳过必经阶段：确定承建单位（contract）"),
    (("--to", "plan"), "不能从细化建设内容（refine）退回制定规划（plan）"),
    (("--outcome", "fail"), "没有规定细化建设内容（refine）“未通过”后去哪里"),
    (("--to", "终极阶段"), "北京市没有阶段“终极阶段”"),
])
def test_moves_the_text_does_not_allow(repo: Path, capsys, args: tuple[str, ...], message: str) -> None:
    out = refused(capsys, repo, *args)
    assert message in out
    if args[0] != "--to" or args[1] != "终极阶段":
        assert "govproj advance --to contract" in out  # what is possible instead


def test_dry_run_changes_nothing(repo: Path, capsys) -> None:
    out = refused(capsys, repo, "--dry-run", code=0)
    assert "门槛条件全部满足，可以推进（--dry-run：没有修改任何文件）" in out
    assert "Govproj-To: contract" in out


def test_evidence_outside_the_project(repo: Path, capsys) -> None:
    out = refused(capsys, repo, "--evidence", "README.txt")
    assert "不在项目文件夹" in out


def test_evidence_that_does_not_exist(repo: Path, capsys) -> None:
    out = refused(capsys, repo, "--evidence", f"{PROJECT}/evidence/没有这个文件.pdf")
    assert "证据文件" in out and "不存在" in out


def test_evidence_named_on_the_command_line_is_recorded(repo: Path, capsys) -> None:
    extra = repo / PROJECT / "evidence" / "建设内容确认会议纪要.pdf"
    extra.write_bytes(b"%PDF-1.4 minutes")
    commit_all(repo, "会议纪要")
    rc, out = advance(capsys, "--evidence", str(extra.relative_to(repo)))
    assert rc == 0, out
    message = git(repo, "log", "-1", "--format=%B")
    assert f"Govproj-Evidence: sha256:{hashlib.sha256(extra.read_bytes()).hexdigest()} evidence/建设内容确认会议纪要.pdf" \
        in message


def test_dry_run_on_a_dirty_tree_previews_and_says_a_clean_tree_is_needed(repo: Path, capsys) -> None:
    budget = repo / PROJECT / "budget.yaml"
    budget.write_text(budget.read_text(encoding="utf-8") + "# 修改中\n", encoding="utf-8")
    out = refused(capsys, repo, "--dry-run", code=0)
    assert "门槛条件全部满足，可以推进（--dry-run：没有修改任何文件）" in out
    assert "真正推进前须先提交或撤销它们" in out and "budget.yaml" in out
    out = refused(capsys, repo)  # the real advance still refuses
    assert "项目文件夹有未提交的修改" in out


def test_ignored_evidence_is_refused_before_its_hash_goes_into_the_trailers(repo: Path, capsys) -> None:
    (repo / ".gitignore").write_text("*.secret.pdf\n", encoding="utf-8")
    commit_all(repo, "忽略规则")
    hidden = repo / PROJECT / "evidence" / "合同.secret.pdf"
    hidden.write_text("不在提交里的证据", encoding="utf-8")
    assert git(repo, "status", "--porcelain") == ""  # git ignores it: the tree looks clean
    out = refused(capsys, repo, "--evidence", str(Path(PROJECT) / "evidence" / "合同.secret.pdf"))
    assert f"{PROJECT}/evidence/合同.secret.pdf" in out and "没有提交到 git" in out
    assert "git add -f" in out
    out = refused(capsys, repo, "--evidence", str(Path(PROJECT) / "evidence" / "合同.secret.pdf"), "--dry-run", code=0)
    assert "真正推进会拒绝" in out
    git(repo, "add", "-f", str(hidden))
    git(repo, "commit", "-q", "-m", "提交证据")
    rc, out = advance(capsys, "--evidence", str(Path(PROJECT) / "evidence" / "合同.secret.pdf"))
    assert rc == 0, out
    message = git(repo, "log", "-1", "--format=%B")
    assert hashlib.sha256(hidden.read_bytes()).hexdigest() in message


def test_verify_and_log_say_what_is_in_the_file(repo: Path, capsys) -> None:
    """A stage line removed by hand is named as missing (not "（无）"); an empty name is not printed as "（）"."""
    assert advance(capsys)[0] == 0
    project_yaml = repo / PROJECT / "project.yaml"
    text = project_yaml.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    project_yaml.write_text("".join(line for line in lines if not line.startswith("stage:")), encoding="utf-8")
    assert main(["verify", PROJECT]) == 1
    out = capsys.readouterr()
    assert "工作区里的阶段是（project.yaml 里没有写 stage）" in out.out + out.err
    assert "（无）" not in out.out + out.err
    project_yaml.write_text(text.replace(text.split("name:", 1)[1].split("\n", 1)[0], ' ""', 1), encoding="utf-8")
    main(["log", PROJECT])
    out = capsys.readouterr().out
    assert "（未填写项目名称）" in out and "（）" not in out
