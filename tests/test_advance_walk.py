"""A Beijing project walked through all nine stages with `govproj advance`, its trail read back by `log` and `verify`.

A real git repository in a temp folder (cleaned GIT_* environment, fixed identity); the CLI runs in-process.
"""
from __future__ import annotations

import contextlib
import datetime as _dt
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest

from gitfixture import clean_git_env, commit_all, example_project, git, make_repo, on_day, render
from govproj.cli import main
from govproj.packs import get_pack

D = _dt.date
BJ_STAGES = [s.id for s in get_pack("bj").stages]


def advance(folder: Path, *args: str, today: str = "2026-11-25") -> tuple[int, str]:
    """`govproj advance` on `today`: the commit is made that day (advance judges on the day its commit records)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), pytest.MonkeyPatch.context() as patch:
        for key, value in on_day(today).items():
            patch.setenv(key, value)
        code = main(["advance", str(folder), "--today", today, *args])
    return code, out.getvalue() + err.getvalue()


def trailers(repo: Path, rev: str = "HEAD") -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for line in git(repo, "log", "-1", "--format=%(trailers:only,unfold)", rev).splitlines():
        if line.strip():
            key, _, value = line.partition(": ")
            out.setdefault(key, []).append(value)
    return out


def first_step(repo: Path) -> str:
    return git(repo, "log", "--reverse", "--format=%H", "--grep=^推进阶段").split()[0]


@pytest.fixture(scope="module")
def walked(tmp_path_factory):
    """The 12345 knowledge-base project taken from 制定规划 to 绩效评估, with one failed acceptance on the way."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        clean_git_env(monkeypatch)
        repo = make_repo(tmp_path_factory.mktemp("walk") / "repo")
        monkeypatch.chdir(repo)
        yield _walk(repo)


@pytest.fixture
def in_repo(walked, monkeypatch):
    clean_git_env(monkeypatch)
    monkeypatch.chdir(walked[0])
    return walked


def _walk(repo: Path):
    folder, files = example_project(repo, "projects/hotline", "bj", "new", stage="plan")
    original = (folder / "project.yaml").read_text(encoding="utf-8")
    log: list[tuple[str, int, str]] = []
    for target in BJ_STAGES[1:7]:  # needs … contract
        code, out = advance(Path("projects/hotline"))
        log.append((target, code, out))
        assert code == 0, out
    # contract → acceptance needs the contractor (BJ201): the unit records it in an ordinary commit first
    code, out = advance(Path("projects/hotline"))
    assert code == 1 and "BJ201" in out and "不能推进" in out
    files["contract.yaml"] = {"parties": [{"role": "承建", "name": "北京某某软件有限公司", "selection": "公开招标",
                                           "contract_no": "HT-2026-031", "signed_on": D(2026, 12, 15),
                                           "amount": Decimal("112.00"), "evidence": ["evidence/合同.pdf"]}]}
    render(folder, "contract.yaml", files["contract.yaml"], "bj")
    (folder / "evidence" / "合同.pdf").write_text("合同扫描件", encoding="utf-8")
    # during implementation the unit moves 2 万元 from 数据迁移 to development, with its review on record (第21条)
    files["budget.yaml"]["lines"][0]["amount"] = Decimal("114.00")
    files["budget.yaml"]["lines"][1]["amount"] = Decimal("26.00")
    render(folder, "budget.yaml", files["budget.yaml"], "bj")
    files["changes.yaml"] = {"changes": [{
        "id": "C1", "date": D(2026, 12, 20), "what": "数据迁移费用调减 2 万元，用于开发检索接口", "why": "迁移量少于预估",
        "amount": Decimal("2.00"), "clause": "第21条",
        "approval": {"date": D(2026, 12, 18), "by": "北京市经济和信息化局", "doc_no": "京经信函〔2026〕301号",
                     "procedure": "审批", "evidence": ["evidence/变更审查意见.pdf"]}}]}
    render(folder, "changes.yaml", files["changes.yaml"], "bj")
    (folder / "evidence" / "变更审查意见.pdf").write_text("审查意见", encoding="utf-8")
    files["project.yaml"]["stage"] = "contract"
    commit_all(repo, "记录承建单位、合同和预算调整")
    code, out = advance(Path("projects/hotline"), today="2027-11-01")
    assert code == 0, out
    # the first acceptance fails: the loop of 第25条 sends the project back to rectify and be accepted again
    events = files["project.yaml"]["events"]
    events["accepted"] = {"date": D(2027, 11, 10), "result": "fail", "note": "检索性能未达到合同要求"}
    files["project.yaml"]["stage"] = "acceptance"
    render(folder, "project.yaml", files["project.yaml"], "bj")
    commit_all(repo, "记录第一次验收：未通过")
    code, out = advance(Path("projects/hotline"), "--outcome", "fail", today="2027-11-10")
    assert code == 0, out
    events["accepted"] = {"date": D(2027, 11, 20), "result": "pass", "participants": ["北京市政务服务和数据管理局"],
                          "evidence": ["evidence/验收意见.pdf"]}
    events["acceptance_reported"] = {"date": D(2027, 11, 25)}
    events["operation_applied"] = {"date": D(2027, 11, 28), "evidence": ["evidence/投入运行使用申请.pdf"]}
    files["security.yaml"]["assessments"] = [{"type": "等级测评", "date": D(2027, 10, 30), "result": "pass",
                                              "by": "北京某测评中心", "evidence": ["evidence/等级测评报告.pdf"]}]
    render(folder, "project.yaml", files["project.yaml"], "bj")
    render(folder, "security.yaml", files["security.yaml"], "bj")
    for name in ("验收意见.pdf", "投入运行使用申请.pdf", "等级测评报告.pdf"):
        (folder / "evidence" / name).write_text(name, encoding="utf-8")
    commit_all(repo, "整改后重新验收通过，投入运行使用申请")
    code, out = advance(Path("projects/hotline"), "--evidence", "projects/hotline/evidence/验收意见.pdf",
                        today="2027-12-01")
    assert code == 0, out
    return repo, folder, original


def test_walk_reaches_the_last_stage_with_one_commit_per_step(walked) -> None:
    repo, folder, _ = walked
    subjects = git(repo, "log", "--reverse", "--format=%s").splitlines()
    steps = [s for s in subjects if s.startswith(("推进阶段", "未通过验收"))]
    assert len(steps) == 9  # eight forward steps and the acceptance loop
    assert steps[0] == "推进阶段：bj-2026-hotline-kb 制定规划 → 确认业务需求"
    assert steps[-2] == "未通过验收，整改后重新验收：bj-2026-hotline-kb 项目验收 → 项目验收"
    assert steps[-1] == "推进阶段：bj-2026-hotline-kb 项目验收 → 绩效评估"
    assert "stage: evaluation" in (folder / "project.yaml").read_text(encoding="utf-8")
    # only project.yaml changed in a forward step, and only its stage line
    diff = git(repo, "show", "--format=", "--unified=0", "HEAD")
    assert [line for line in diff.splitlines() if line.startswith(("-", "+")) and not line.startswith(("---", "+++"))] \
        == ["-stage: acceptance", "+stage: evaluation"]
    # the loop leaves the stage where it is: an empty commit that still carries the trail
    assert git(repo, "show", "--format=", "--name-only", "HEAD~2").strip() == ""
    assert git(repo, "tag", "-l").split() == ["govproj/bj-2026-hotline-kb/baseline-1"]
    tagged = git(repo, "rev-list", "-n1", "govproj/bj-2026-hotline-kb/baseline-1").strip()
    assert git(repo, "log", "-1", "--format=%s", tagged).strip() == "推进阶段：bj-2026-hotline-kb 项目立项 → 细化建设内容"


def test_advance_keeps_comments_and_layout(walked) -> None:
    repo, folder, original = walked
    now = (folder / "project.yaml").read_text(encoding="utf-8")
    first = git(repo, "show", f"{first_step(repo)}:projects/hotline/project.yaml")  # after plan → needs
    assert first == original.replace("\nstage: plan\n", "\nstage: needs\n")
    assert now.count("# ") > 50  # the scaffold's Chinese comments are still there


def test_trailers_are_machine_readable(walked) -> None:
    repo, folder, _ = walked
    t = trailers(repo)
    assert t["Govproj-Project"] == ["bj-2026-hotline-kb"]
    assert t["Govproj-Path"] == ["projects/hotline"]
    assert (t["Govproj-From"], t["Govproj-To"], t["Govproj-Outcome"]) == (["acceptance"], ["evaluation"], ["pass"])
    assert t["Govproj-Pack"] == ["bj 2016.1"]
    assert t["Govproj-Today"] == ["2027-12-01"]
    assert t["Govproj-Check"][0].startswith("errors=0 ")
    assert t["Govproj-Previous"] == [git(repo, "rev-parse", "HEAD~2").strip()]  # the loop commit before it
    evidence = dict(reversed(v.split(" ", 1)) for v in t["Govproj-Evidence"])
    import hashlib

    digest = hashlib.sha256((folder / "evidence" / "验收意见.pdf").read_bytes()).hexdigest()
    assert evidence["evidence/验收意见.pdf"] == f"sha256:{digest}"
    assert trailers(repo, first_step(repo))["Govproj-Previous"] == ["none"]
    assert trailers(repo, "HEAD~2")["Govproj-Label"] == ["未通过验收，整改后重新验收"]


def test_log_renders_the_trail(in_repo, capsys) -> None:
    repo, folder, _ = in_repo
    assert main(["log", "projects/hotline"]) == 0
    text = capsys.readouterr().out
    assert "当前阶段：绩效评估（evaluation）" in text
    assert "制定规划（plan） → 确认业务需求（needs）  通过" in text
    assert "项目验收（acceptance） → 项目验收（acceptance）  未通过，未通过验收，整改后重新验收" in text
    assert "批复基线标签：govproj/bj-2026-hotline-kb/baseline-1" in text
    assert "张三 <zhangsan@example.gov.cn>" in text
    assert "证据 evidence/验收意见.pdf  sha256:" in text
    assert main(["log", "projects/hotline", "--format", "json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    entries = payload["projects"][0]["entries"]
    assert [e["kind"] for e in entries] == ["created"] + ["advance"] * 9
    assert [e["to"] for e in entries] == BJ_STAGES[:8] + ["acceptance", "evaluation"]
    assert [e["outcome"] for e in entries[1:]] == ["pass"] * 7 + ["fail", "pass"]
    assert entries[5]["tag"] == "govproj/bj-2026-hotline-kb/baseline-1"
    assert all(e["check"]["errors"] == 0 for e in entries[1:])


def test_verify_finds_the_trail_intact(in_repo, capsys) -> None:
    code = main(["verify", "projects/hotline"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "✓ 审计轨迹完好：9 次推进，1 个基线标签" in out


def test_diff_shows_the_recorded_change(in_repo, capsys) -> None:
    code = main(["diff", "projects/hotline"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "批复基线：govproj/bj-2026-hotline-kb/baseline-1" in out
    assert "总投资：168.00 → 168.00 万元" in out
    assert "知识库应用软件开发：112.00 → 114.00 万元（+2.00 万元）" in out
    assert "涉及金额：2.00 万元，占批复总投资 1.1905%" in out
    assert "C1  2026-12-20" in out and "审批 北京市经济和信息化局" in out
    assert "按第21条：应及时按照相关要求报各主管部门审查" in out
    assert "✓ 变更记录符合要求（BJ211）" in out
