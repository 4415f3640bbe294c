"""`govproj verify` catches every kind of tampering with the audit trail, naming the commit."""
from __future__ import annotations

import datetime as _dt
import json
from pathlib import Path

import pytest

from gitfixture import clean_git_env, commit_all, example_project, git, make_repo
from govproj.edges import ledger
from govproj.cli import main

PROJECT = "projects/hotline"
ID = "bj-2026-hotline-kb"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch, capsys) -> Path:
    """The Beijing 12345 example advanced 项目立项 → 细化建设内容 (baseline tag) → 确定承建单位."""
    clean_git_env(monkeypatch)
    repo = make_repo(tmp_path / "repo")
    monkeypatch.chdir(repo)
    example_project(repo, PROJECT, "bj", "new", stage="approval")
    for _ in range(2):
        assert main(["advance", PROJECT, "--today", "2026-11-25"]) == 0
    capsys.readouterr()
    return repo


def verify(capsys, path: str = PROJECT) -> tuple[int, str, dict]:
    code = main(["verify", path])
    text = capsys.readouterr().out
    main(["verify", path, "--format", "json"])
    payload = json.loads(capsys.readouterr().out)
    return code, text, payload["projects"][0]


def short(repo: Path, rev: str = "HEAD") -> str:
    return git(repo, "rev-parse", "--short=7", rev).strip()


def broken_at(capsys, repo: Path, rev: str = "HEAD") -> str:
    """verify's text, which must report a break at commit `rev`."""
    code, text, _ = verify(capsys)
    assert code == 1, text
    assert f"✗ 提交 {short(repo, rev)}" in text
    return text


def edit(repo: Path, file: str, old: str, new: str) -> None:
    path = repo / PROJECT / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def forge(repo: Path, source: str, target: str, *, previous: str | None = None) -> None:
    """A hand-made commit that imitates an advance: the stage edited, trailers written by hand."""
    edit(repo, "project.yaml", f"\nstage: {source}\n", f"\nstage: {target}\n")
    trail = ledger.Trail(ID, PROJECT, source, target, "pass", "bj", "2016.1", "govproj 0.1.0", _dt.date(2026, 11, 25),
                         {"errors": 0, "warnings": 0, "infos": 0, "waived": 0},
                         previous or git(repo, "rev-parse", "HEAD").strip(), ())
    git(repo, "commit", "-q", "-a", "-m", f"推进阶段（伪造）\n\n{ledger.format_trailers(trail)}")


def test_the_untouched_trail_verifies(repo: Path, capsys) -> None:
    code, text, report = verify(capsys)
    assert code == 0, text
    assert report["advances"] == 2 and report["tags"] == 1 and report["breaks"] == []
    assert report["notes"] == [f"项目在提交 {short(repo, 'HEAD~2')} 以项目立项（approval）加入仓库，此前的阶段没有留痕"]


def test_a_project_brought_in_after_its_baseline_stage(tmp_path: Path, monkeypatch, capsys) -> None:
    clean_git_env(monkeypatch)
    repo = make_repo(tmp_path / "late")
    monkeypatch.chdir(repo)
    example_project(repo, PROJECT, "bj", "new", stage="contract")
    code, text, report = verify(capsys)
    assert code == 0, text
    assert "· 项目加入仓库时已过细化建设内容（refine），没有批复基线标签，变更控制无从比较" in text


def test_stage_edited_by_hand_and_committed(repo: Path, capsys) -> None:
    edit(repo, "project.yaml", "\nstage: contract\n", "\nstage: acceptance\n")
    commit_all(repo, "直接改成验收阶段")
    text = broken_at(capsys, repo)
    assert "阶段被手工从确定承建单位（contract）改为项目验收（acceptance），不是 govproj advance 做出的提交" in text
    _, _, report = verify(capsys)
    assert report["breaks"][0]["commit"] == git(repo, "rev-parse", "HEAD").strip()


def test_stage_edited_in_the_working_tree(repo: Path, capsys) -> None:
    edit(repo, "project.yaml", "\nstage: contract\n", "\nstage: acceptance\n")
    code, text, _ = verify(capsys)
    assert code == 1 and "✗ 工作区：工作区里的阶段是项目验收（acceptance），最近一次提交是确定承建单位（contract）" in text


@pytest.mark.parametrize("how", ["replaced", "deleted"])
def test_evidence_file_replaced_or_deleted(repo: Path, capsys, how: str) -> None:
    evidence = repo / PROJECT / "evidence" / "立项批复.pdf"
    if how == "replaced":
        evidence.write_text("另一份批复", encoding="utf-8")
    else:
        evidence.unlink()
    commit_all(repo, "更新证据")
    code, text, report = verify(capsys)
    assert code == 1
    word = "已被替换" if how == "replaced" else "已不存在"
    assert f"证据文件 evidence/立项批复.pdf {word}" in text
    advances = git(repo, "log", "--reverse", "--format=%H", "--grep=^推进阶段").split()
    assert len(advances) == 2  # both advances recorded its hash: the one replacement is reported once, at the first
    assert [b["commit"] for b in report["breaks"]] == advances[:1]


def test_baseline_amount_changed_without_a_record(repo: Path, capsys) -> None:
    edit(repo, "budget.yaml", "total: 168.00", "total: 180.00")
    edit(repo, "budget.yaml", "amount: 112.00", "amount: 124.00")
    edit(repo, "budget.yaml", "  - source: 市级财政资金\n    type: 政府投资\n    amount: 168.00",
         "  - source: 市级财政资金\n    type: 政府投资\n    amount: 180.00")
    commit_all(repo, "调整预算")
    text = broken_at(capsys, repo)
    assert "修改了批复基线确定的内容（总投资 168.00 → 180.00 万元（+12.00 万元）" in text
    assert "变更控制 BJ211 不满足：没有变更记录；按第21条，应及时按照相关要求报各主管部门审查" in text


def test_history_rewritten_after_the_tag(repo: Path, capsys) -> None:
    tagged = git(repo, "rev-parse", f"govproj/{ID}/baseline-1^{{commit}}").strip()
    git(repo, "switch", "-q", "-c", "rewritten", f"{tagged}~1")
    edit(repo, "needs.yaml", "等保二级。", "等保三级。")
    commit_all(repo, "悄悄改写需求")
    git(repo, "cherry-pick", tagged, "main")  # replay both advance commits on top: new ids, old trailers
    code, text, report = verify(capsys)
    assert code == 1
    assert f"基线标签 govproj/{ID}/baseline-1 指向的提交不在当前分支的历史中：打标签之后历史被改写" in text
    assert "基线标签 govproj/bj-2026-hotline-kb/baseline-1 被移动" in text
    assert "Govproj-Previous 记录的上一次推进是" in text and "推进之后历史被改写" in text


def test_tag_deleted(repo: Path, capsys) -> None:
    git(repo, "tag", "-d", f"govproj/{ID}/baseline-1")
    code, text, _ = verify(capsys)
    assert code == 1 and "缺少基线标签 govproj/bj-2026-hotline-kb/baseline-1（被删除）" in text


def test_malformed_trailers(repo: Path, capsys) -> None:
    (repo / PROJECT / "evidence" / "说明.txt").write_text("x", encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", f"补充说明\n\nGovproj-Project: {ID}\nGovproj-To: acceptance\n")
    code, text, _ = verify(capsys)
    assert code == 1 and "推进提交的 govproj 尾注不完整或格式不对：Govproj-Path 缺失" in text


def test_advance_commit_amended_with_other_changes(repo: Path, capsys) -> None:
    edit(repo, "budget.yaml", "amount: 112.00", "amount: 110.00")
    edit(repo, "budget.yaml", "amount: 28.00", "amount: 30.00")
    git(repo, "commit", "-q", "-a", "--amend", "--no-edit")
    code, text, _ = verify(capsys)
    assert code == 1
    assert "推进提交除阶段外还修改了其他文件：projects/hotline/budget.yaml" in text
    assert "修改了批复基线确定的内容" in text


def test_forged_advance_whose_gates_did_not_hold(repo: Path, capsys) -> None:
    forge(repo, "contract", "acceptance")  # contract.yaml has no contractor: BJ201 blocks 项目验收
    text = broken_at(capsys, repo)
    assert "推进到项目验收（acceptance）时门槛条件不满足（按 2026-11-25 重新检查当时的文件，1 个错误）：BJ201" in text


def test_forged_advance_that_skips_stages(repo: Path, capsys) -> None:
    forge(repo, "contract", "evaluation")
    code, text, _ = verify(capsys)
    assert code == 1 and "不允许的阶段变化：不能跳过必经阶段：项目验收（acceptance）" in text


def test_stage_changed_through_an_unreadable_file(repo: Path, capsys) -> None:
    edit(repo, "project.yaml", "\nstage: contract\n", "\nstage: [contract\n")
    git(repo, "commit", "-q", "-a", "--no-verify", "-m", "格式错误")
    broken = short(repo)
    edit(repo, "project.yaml", "\nstage: [contract\n", "\nstage: acceptance\n")
    commit_all(repo, "修好格式")
    code, text, _ = verify(capsys)
    assert code == 1
    assert f"✗ 提交 {broken}" in text and "该提交中的项目文件无法读取" in text
    assert f"✗ 提交 {short(repo)}" in text and "改为项目验收（acceptance），不是 govproj advance 做出的提交" in text


def test_forged_advance_to_a_stage_that_does_not_exist(repo: Path, capsys) -> None:
    forge(repo, "contract", "finished")
    code, text, _ = verify(capsys)
    assert code == 1 and "不允许的阶段变化：北京市没有阶段“finished”" in text


def test_forged_trailers_that_do_not_match_the_file(repo: Path, capsys) -> None:
    trail = ledger.Trail(ID, PROJECT, "contract", "acceptance", "pass", "bj", "2016.1", "govproj 0.1.0",
                         _dt.date(2026, 11, 25), {"errors": 0, "warnings": 0, "infos": 0, "waived": 0},
                         git(repo, "rev-parse", "HEAD").strip(), ())
    git(repo, "commit", "-q", "--allow-empty", "-m", f"空提交\n\n{ledger.format_trailers(trail)}")
    code, text, _ = verify(capsys)
    assert code == 1 and "尾注记录确定承建单位（contract） → 项目验收（acceptance），但 project.yaml 实际是" in text


def test_shallow_clone_is_reported_as_unverifiable(repo: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", str(clone))
    monkeypatch.chdir(clone)
    code = main(["verify", PROJECT])
    out = capsys.readouterr().out
    assert code == 2
    assert "无法核验：仓库是浅克隆（shallow clone）" in out and "git fetch --unshallow" in out
    git(clone, "fetch", "-q", "--unshallow", "--tags")
    assert main(["verify", PROJECT]) == 0, capsys.readouterr().out


def test_not_yet_committed(tmp_path: Path, monkeypatch, capsys) -> None:
    clean_git_env(monkeypatch)
    repo = make_repo(tmp_path / "r")
    monkeypatch.chdir(repo)
    assert main(["new", "p", "-j", "bj", "-k", "new"]) == 0
    capsys.readouterr()
    assert main(["verify", "p"]) == 2
    assert "无法核验：仓库还没有任何提交" in capsys.readouterr().out
