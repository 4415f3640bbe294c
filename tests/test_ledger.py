"""The git edge and the stage machine: stage replacement in place, trailers, baselines, signing, lifecycles."""
from __future__ import annotations

import datetime as _dt
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from gitfixture import clean_git_env, example_project, git, make_repo
from govproj.edges import ledger
from govproj.core import lifecycle
from govproj.cli import main
from govproj.core.engine import check_folder
from govproj.errors import UsageError
from govproj.packs import Pack, Stage, Transition, available, get_pack
from govproj.core.rules import RuleSet

# ---- replace_stage: the user's file stays the user's file ----------------------------------------------------

PROJECT_YAML = """# 项目基本信息
id: demo   # 编号
# 当前阶段（由 govproj advance 修改）
stage: refine  # 不要手工修改
name: 示例
events:
  stage: {date: 2026-01-01}
"""


@pytest.mark.parametrize("text,expected", [
    # ruamel keeps a comment at its column; where the longer value reaches it, one space stays before the '#'
    (PROJECT_YAML, PROJECT_YAML.replace("stage: refine  #", "stage: contract #")),
    ("stage: refinement    # 注\nid: x\n", "stage: contract      # 注\nid: x\n"),
    ("stage: 'refine'\nid: x\n", "stage: 'contract'\nid: x\n"),
    ('stage: "refine"\r\nid: x\r\n', 'stage: "contract"\r\nid: x\r\n'),
    ("\ufeffid: x\nstage: refine\n", "\ufeffid: x\nstage: contract\n"),
    ("{id: x, stage: refine, name: 示例}\n", "{id: x, stage: contract, name: 示例}\n"),
    ("# 说明\u2028# 续\rstage: refine\n", "# 说明\u2028# 续\rstage: contract\n"),  # YAML's other line breaks
])
def test_replace_stage_changes_only_the_scalar(text: str, expected: str) -> None:
    assert ledger.replace_stage(text, "contract") == expected


def test_replace_stage_refuses_what_it_cannot_place() -> None:
    with pytest.raises(UsageError, match="没有可以替换的阶段值"):
        ledger.replace_stage("id: x\n", "contract")
    with pytest.raises(UsageError, match="无法在 project.yaml 中定位阶段值"):
        ledger.replace_stage("stage: >\n  refine\n", "contract")


# ---- trailers -------------------------------------------------------------------------------------------------

TRAIL = ledger.Trail("p-1", "projects/p", "refine", "contract", "pass", "bj", "2016.1", "govproj 0.1.0",
                     _dt.date(2026, 11, 25), {"errors": 0, "warnings": 2, "infos": 1, "waived": 0}, None,
                     (("evidence/批复 扫描件.pdf", "a" * 64),), "govproj/p-1/baseline-1", "")


def test_trailers_round_trip() -> None:
    message = f"推进阶段：p-1\n\n正文\n\n{ledger.format_trailers(TRAIL)}\n"
    trail, problems = ledger.parse_trail(message)
    assert problems == [] and trail == TRAIL


@pytest.mark.parametrize("edit,problem", [
    (("Govproj-Today: 2026-11-25", "Govproj-Today: 明天"), "Govproj-Today 不是日期：明天"),
    (("Govproj-Outcome: pass", "Govproj-Outcome: maybe"), "Govproj-Outcome 只能是 pass 或 fail"),
    (("errors=0 warnings=2", "errors=none warnings=2"), "Govproj-Check 格式不对"),
    (("Govproj-Previous: none", "Govproj-Previous: abc"), "Govproj-Previous 应是40位提交号或 none"),
    (("sha256:" + "a" * 64, "md5:123"), "Govproj-Evidence 格式不对"),
    (("Govproj-Pack: bj 2016.1", "Govproj-Pack: bj"), "Govproj-Pack 应写“辖区 版本”"),
    (("Govproj-From: refine\n", ""), "Govproj-From 缺失"),
    (("Govproj-To: contract", "Govproj-To: contract\nGovproj-To: acceptance"), "Govproj-To 出现了多次"),
    (("Govproj-Tool: govproj 0.1.0", "Govproj-Tool: govproj 0.1.0\nGovproj-Signer: x"), "不认识的尾注：Govproj-Signer"),
])
def test_malformed_trailers_are_named(edit: tuple[str, str], problem: str) -> None:
    message = "推进\n\n" + ledger.format_trailers(TRAIL).replace(*edit)
    trail, problems = ledger.parse_trail(message)
    assert trail is None and any(problem in p for p in problems), problems


def test_a_message_without_trailers_is_no_advance() -> None:
    assert ledger.parse_trail("普通提交\n\n说明：Govproj-Project 见下文") == (None, [])


# ---- baselines: lazy, and only when a rule asks ---------------------------------------------------------------

def test_baseline_is_loaded_only_when_a_change_rule_applies(tmp_path: Path, monkeypatch) -> None:
    clean_git_env(monkeypatch)
    repo = make_repo(tmp_path / "repo")
    folder, _ = example_project(repo, "p", "bj", "new")
    calls = []

    def loader():
        calls.append(1)
        return None

    check_folder(folder, stage="declare", baseline_loader=loader)
    assert calls == []  # no change-control rule at 编制申报书: git is not even asked
    check_folder(folder, stage="contract", baseline_loader=loader)
    assert calls == [1]  # BJ211 asked once; every rule of the run shares the answer


def test_baseline_for_reads_the_latest_reachable_tag(tmp_path: Path, monkeypatch, capsys) -> None:
    clean_git_env(monkeypatch)
    repo = make_repo(tmp_path / "repo")
    monkeypatch.chdir(repo)
    folder, _ = example_project(repo, "projects/kb", "bj", "new", stage="approval")
    from govproj.core.project import load_project

    assert ledger.baseline_for(load_project(folder)) is None
    assert main(["advance", "projects/kb", "--today", "2026-11-25"]) == 0
    baseline = ledger.baseline_for(load_project(folder))
    assert baseline is not None and baseline.display == "govproj/bj-2026-hotline-kb/baseline-1:projects/kb"
    assert baseline.total.text() == "168.00" and baseline.recorded_stage == "refine"
    outside = tmp_path / "outside"
    shutil.copytree(folder, outside)
    assert ledger.baseline_for(load_project(outside)) is None  # not in a repository: no baseline, no error
    capsys.readouterr()


def test_diff_without_a_baseline_and_with_an_explicit_one(tmp_path: Path, monkeypatch, capsys) -> None:
    clean_git_env(monkeypatch)
    repo = make_repo(tmp_path / "repo")
    monkeypatch.chdir(repo)
    folder, _ = example_project(repo, "kb", "bj", "new")
    assert main(["diff", "kb"]) == 2  # the example is past 细化建设内容 but was never advanced here: no tag
    assert "没有它的批复基线标签" in capsys.readouterr().err
    budget = folder / "budget.yaml"
    budget.write_text(budget.read_text(encoding="utf-8").replace("amount: 28.00", "amount: 18.00")
                      .replace("amount: 8.00", "amount: 18.00"), encoding="utf-8")
    assert main(["diff", "kb", "--baseline", "HEAD", "--format", "json"]) == 1
    payload = json.loads(capsys.readouterr().out)
    assert payload["baseline"] == "HEAD" and payload["changed_amount"] == "10.00" and payload["total_delta"] == "0.00"
    assert payload["ratio"].startswith("0.0595") and payload["route"]["procedure"] == "审批"
    assert [f["code"] for f in payload["findings"]] == ["BJ211"]
    assert main(["diff", "kb", "--baseline", "no-such-ref"]) == 2
    assert "git 里没有版本“no-such-ref”" in capsys.readouterr().err


# ---- signing ---------------------------------------------------------------------------------------------------

@pytest.mark.skipif(shutil.which("ssh-keygen") is None, reason="ssh-keygen is needed to make a signing key")
def test_sign_signs_the_commit_and_the_baseline_tag(tmp_path: Path, monkeypatch, capsys) -> None:
    clean_git_env(monkeypatch)
    key = tmp_path / "key"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "zhangsan@example.gov.cn", "-f", str(key)],
                   check=True)
    signers = tmp_path / "allowed_signers"
    signers.write_text(f"zhangsan@example.gov.cn {key.with_suffix('.pub').read_text()}", encoding="utf-8")
    repo = make_repo(tmp_path / "repo")
    for name, value in (("gpg.format", "ssh"), ("user.signingkey", str(key)),
                        ("gpg.ssh.allowedSignersFile", str(signers))):
        git(repo, "config", name, value)
    monkeypatch.chdir(repo)
    example_project(repo, "kb", "bj", "new", stage="approval")
    assert main(["advance", "kb", "--sign", "--today", "2026-11-25"]) == 0
    git(repo, "verify-commit", "HEAD")
    git(repo, "verify-tag", "govproj/bj-2026-hotline-kb/baseline-1")
    capsys.readouterr()
    assert main(["log", "kb"]) == 0
    assert "签名有效" in capsys.readouterr().out


# ---- the stage machine -----------------------------------------------------------------------------------------

def toy_pack() -> Pack:
    stages = (Stage("a", "申报"), Stage("b", "评审"), Stage("c", "立项", baseline=True),
              Stage("d", "发改立项", kinds=("fixed",)), Stage("e", "中期报告", optional=True), Stage("f", "验收"),
              Stage("g", "整改"))
    return Pack("zz", "测试", "测试〔2026〕1号", "《测试》", "试行", "1", "x.txt", stages, (("it", "信息化"), ("fixed", "固定资产")),
                (), (), RuleSet("ZZ"), transitions=(Transition("b", "a", "fail", "评审未通过，修改后重新申报", "第六条"),
                                                    Transition("f", "g", "fail", "验收未通过，整改", "第九条"),
                                                    Transition("g", "f", "pass", "整改完成，重新验收", "第九条"),
                                                    Transition("f", "a", "pass", "下一期", "第八条")))


def test_forward_moves_follow_kinds_and_optional_stages() -> None:
    pack = toy_pack()
    assert [m.target for m in lifecycle.forward_moves(pack, "it", "c")] == ["e", "f"]  # d is not for "it"
    assert [m.target for m in lifecycle.forward_moves(pack, "fixed", "c")] == ["d"]
    assert lifecycle.plan(pack, "it", "c").target == "e"
    skip = lifecycle.plan(pack, "it", "c", "f")
    assert skip.passed_over == ("e",)  # d is not a stage of "it" projects: nothing is passed over there
    assert "跳过可选阶段" in lifecycle.describe(pack, skip)


def test_loops_and_their_refusals() -> None:
    pack = toy_pack()
    back = lifecycle.plan(pack, "it", "b", outcome="fail")
    assert (back.target, back.loop, back.label) == ("a", True, "评审未通过，修改后重新申报")
    assert lifecycle.plan(pack, "it", "g").target == "f"  # 整改 → 重新验收: the only way on
    with pytest.raises(UsageError, match="有多个去向"):
        pack2 = Pack(**{**toy_pack().__dict__, "transitions": toy_pack().transitions +
                        (Transition("f", "b", "fail", "退回评审"),)})
        lifecycle.plan(pack2, "it", "f", outcome="fail")
    assert lifecycle.why_not(pack, "it", "a", "c") == "不能跳过必经阶段：评审（b）"
    assert lifecycle.why_not(pack, "fixed", "c", "f") == "不能跳过必经阶段：发改立项（d）"
    assert lifecycle.why_not(pack, "it", "c", "d") == "发改立项（d）不适用于“it”类项目"
    assert lifecycle.why_not(pack, "it", "f", "a") is None  # the next phase of a multi-year project
    assert lifecycle.why_not(pack, "it", "c", "a").startswith("不能从立项（c）退回申报（a）")
    assert lifecycle.why_not(pack, "it", "c", "c") == "项目已在立项（c）"


def test_beijing_lifecycle_and_its_loops() -> None:
    pack = get_pack("bj")
    ids = [s.id for s in pack.stages]
    for source, target in zip(ids, ids[1:]):
        assert lifecycle.why_not(pack, "new", source, target) is None
    assert lifecycle.plan(pack, "new", "prereview", outcome="fail").target == "declare"
    assert lifecycle.plan(pack, "new", "approval", "approval").label == "意见函有效期满仍未立项，申请延期"
    assert lifecycle.plan(pack, "new", "acceptance", outcome="fail").target == "acceptance"
    with pytest.raises(UsageError, match="是最后一个阶段"):
        lifecycle.plan(pack, "new", "evaluation")


@pytest.mark.parametrize("pid", available())
def test_every_pack_has_a_walkable_lifecycle(pid: str) -> None:
    pack = get_pack(pid)
    for kind, _ in pack.kinds:
        stage = lifecycle.stages_for(pack, kind)[0].id
        seen = [stage]
        while True:
            forward = lifecycle.forward_moves(pack, kind, stage)
            if not forward:
                break
            stage = forward[0].target
            seen.append(stage)
        assert len(seen) == len(set(seen)) >= 3, f"{pid}/{kind}: {seen}"
        for t in pack.transitions:
            assert t.outcome in ("pass", "fail"), f"{pid}: transition outcome {t.outcome}"
            pack.stage(t.source), pack.stage(t.target)


def test_diff_past_the_baseline_stage_without_its_tag_says_to_fetch_tags(tmp_path: Path, monkeypatch, capsys) -> None:
    clean_git_env(monkeypatch)
    repo = make_repo(tmp_path / "repo")
    monkeypatch.chdir(repo)
    example_project(repo, "projects/kb", "bj", "new", stage="approval")
    assert main(["diff", "projects/kb"]) == 2
    before = capsys.readouterr().err
    assert "还没有批复基线标签" in before and "会打基线标签" in before  # not yet entered: the tag is to come
    assert main(["advance", "projects/kb", "--today", "2026-11-25"]) == 0
    capsys.readouterr()
    git(repo, "tag", "-d", "govproj/bj-2026-hotline-kb/baseline-1")  # a clone that did not fetch the tags
    assert main(["diff", "projects/kb"]) == 2
    err = capsys.readouterr().err
    assert "已过" in err and "没有它的批复基线标签" in err and "git fetch --unshallow --tags" in err
    assert "会打基线标签" not in err
