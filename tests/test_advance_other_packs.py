"""The audit trail in other jurisdictions: Yubei's re-declaration after a change above 10% (a second baseline), and
Xicheng's filed and reviewed changes, each read back by `log`, `diff` and `verify` in a real repository."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from gitfixture import clean_git_env, commit_all, example_project, git, make_repo
from govproj.cli import main


def run(capsys, *args: str) -> tuple[int, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def replace(path: Path, *pairs: tuple[str, str]) -> None:
    text = path.read_text(encoding="utf-8")
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def repo(tmp_path: Path, monkeypatch) -> Path:
    clean_git_env(monkeypatch)
    repo = make_repo(tmp_path / "repo")
    monkeypatch.chdir(repo)
    return repo


def test_yubei_change_above_ten_percent_is_declared_again(repo: Path, capsys) -> None:
    folder, _ = example_project(repo, "p", "yb", "build", stage="deliberation")
    pid = "yb-2026-smart-city-admin"
    for expected in ("纳入预算", "发改委立项", "组织采购"):
        code, out = run(capsys, "advance", "p", "--today", "2026-11-25")
        assert code == 0 and f"→ {expected}" in out, out
    assert "跳过" not in out  # 运维采购 is a stage of 运维类 projects only: nothing was passed over
    move = (("    amount: 168.00", "    amount: 128.00"), ("    amount: 96.50", "    amount: 136.50"))
    replace(folder / "budget.yaml", *move)  # 40 万元 of 344.4 = 11.6144%: more than 10%
    code, out = run(capsys, "check", "p", "--today", "2026-11-25")
    assert code == 1 and "YB111" in out and "超过10%" in out and "--to declare --outcome fail" in out
    git(repo, "checkout", "--", "p/budget.yaml")
    code, out = run(capsys, "advance", "p", "--to", "declare", "--outcome", "fail", "--today", "2026-11-25")
    assert code == 0 and "组织采购（procure） → 需求申报（declare）" in out, out
    replace(folder / "budget.yaml", *move)
    commit_all(repo, "重新编制项目方案：指挥中心设备增加 40 万元")
    for expected in ("初步审核", "专家评审", "区委区政府审议", "纳入预算"):
        code, out = run(capsys, "advance", "p", "--today", "2026-11-25")
        assert code == 0 and f"→ {expected}" in out, out
    assert f"已打基线标签 govproj/{pid}/baseline-2" in out
    code, out = run(capsys, "diff", "p")
    assert code == 0 and f"批复基线：govproj/{pid}/baseline-2" in out and "没有变化" in out
    code, out = run(capsys, "diff", "p", "--baseline", f"govproj/{pid}/baseline-1")
    assert code == 1 and "涉及金额：40.00 万元，占批复总投资 11.6144%" in out and "重新申报" in out
    code, out = run(capsys, "verify", "p")
    assert code == 0 and "✓ 审计轨迹完好：8 次推进，2 个基线标签" in out, out
    code, out = run(capsys, "log", "p", "--format", "json")
    entries = json.loads(out)["projects"][0]["entries"]
    assert [e["tag"] for e in entries if e["tag"]] == [f"govproj/{pid}/baseline-1", f"govproj/{pid}/baseline-2"]
    redeclare = next(e for e in entries if e["outcome"] == "fail")
    assert redeclare["label"] == "调整或变更涉及金额超过项目投资额10%：重新编制项目方案，按申报、立项程序重新申报"


def test_xicheng_filing_then_review(repo: Path, capsys) -> None:
    folder, _ = example_project(repo, "p", "xc", "new", stage="opinion")
    code, out = run(capsys, "advance", "p", "--today", "2026-11-25")
    assert code == 0 and "已打基线标签 govproj/" in out, out
    # 20 万元 moved (5.1813%), reason （二）, goals unchanged: the unit may adjust after filing (第二十二条)
    replace(folder / "budget.yaml", ("    amount: 218.00", "    amount: 198.00"), ("    amount: 46.00", "    amount: 66.00"))
    (folder / "changes.yaml").write_text(
        "changes:\n"
        "  - id: C1\n    date: 2026-12-10\n    what: 应用开发调减，服务器和存储扩容调增\n    why: 安装部署条件发生变化\n"
        "    reason: （二）\n    amount: 20\n    goals_affected: false\n    clause: 第二十二条\n"
        "    approval:\n      date: 2026-12-01\n      by: 北京市西城区科技和信息化局\n      procedure: 备案\n"
        "      evidence: [evidence/变更备案回执.pdf]\n", encoding="utf-8")
    (folder / "evidence" / "变更备案回执.pdf").write_text("回执", encoding="utf-8")
    commit_all(repo, "变更 C1：调整前备案")
    code, out = run(capsys, "diff", "p", "--today", "2026-12-15")
    assert code == 0, out
    assert "按第二十二条：可以由项目单位调整，调整前应向区科技和信息化局备案" in out and "属于情形（二）" in out
    # a second change takes the total moved to 60 万元: more than 50 万元, so filing is no longer enough
    replace(folder / "budget.yaml", ("    amount: 198.00", "    amount: 158.00"), ("    amount: 66.00", "    amount: 106.00"))
    with (folder / "changes.yaml").open("a", encoding="utf-8") as handle:
        handle.write("  - id: C2\n    date: 2027-01-10\n    what: 继续调增扩容\n    why: 安装部署条件发生变化\n"
                     "    reason: （二）\n    amount: 40\n    goals_affected: false\n    clause: 第二十二条\n"
                     "    approval:\n      date: 2027-01-05\n      by: 北京市西城区科技和信息化局\n      procedure: 备案\n"
                     "      evidence: [evidence/变更备案回执.pdf]\n")
    commit_all(repo, "变更 C2：又备案")
    code, out = run(capsys, "diff", "p", "--today", "2027-01-15")
    assert code == 1 and "涉及金额 60.00 万元，超过50万元" in out and "报区科技和信息化局审查，审查通过后实施变更" in out
    code, out = run(capsys, "verify", "p")
    assert code == 1 and f"✗ 提交 {git(repo, 'rev-parse', '--short=7', 'HEAD').strip()}" in out
    assert "变更控制 XC221 不满足" in out
