"""Yubei change control, 第十一条: up to 10% a 变更说明 approved first; above 10% a new plan, declared again."""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Iterator

from govproj.packs import bodies as b
from govproj.packs.change_control import FILE, TEN_PERCENT, Change, Route, check_change, share, wan
from govproj.packs.yb.rules import RULES, cite, since
from govproj.core.rules import period, threshold  # noqa: F401
from govproj.core.rules import Context, Finding

if TYPE_CHECKING:
    from govproj.core.project import Project

ARTICLE = "第十一条"
CODES = ("YB111",)


YB = ("重庆市渝北", "渝北")
BODIES = b.Bodies("YB111", "变更批准", ARTICLE, "须书面报区大数据发展局批准", (b.Body("区大数据发展局"),),
                  "changes.yaml 的 changes[].approval.by", YB)
NDRC = b.Bodies("YB111", "固定资产投资项目的变更批准", ARTICLE, "还需报区发展改革委批准",
                (b.Body("区发展改革委", ("区发展和改革委员会",)),), "changes.yaml 的 changes[].approval.by", YB,
                note="只对属于固定资产投资建设的项目（fixed_asset: true）：变更记录里至少一条由区发展改革委批准")


def classify(change: Change) -> Route:
    """（一）不超过10%：变更说明报区大数据发展局批准（固定资产投资项目还报区发展改革委）；（二）超过10%：重新申报。"""
    figures = f"涉及金额 {wan(change.amount)} 万元，占项目投资额 {share(change.ratio)}"
    if not change.within(TEN_PERCENT):
        return Route("重新编制项目方案，并按项目申报、立项程序重新申报", "审批",
                     closed=f"{figures}，超过10%：按第十一条（二），项目建设和运维单位应重新编制项目方案，并按项目申报、"
                            "立项程序重新申报；变更说明不能代替。重新申报用 `govproj advance <项目> --to declare --outcome fail`，"
                            "重新纳入预算时会打新的基线标签")
    fixed = change.current.get("project.yaml", "fixed_asset") is True
    return Route("编制变更说明，书面报区大数据发展局批准后才能实施" + ("，并报区发展改革委批准" if fixed else ""), "审批", before=True,
                 bodies=BODIES,
                 why=f"第十一条（一）：{figures}，不超过10%" + ("；属于固定资产投资建设的项目" if fixed else ""))


def ndrc_approval(change: Change, route: Route) -> Iterable[Finding]:
    """A fixed-asset project's change is also approved by 区发展改革委 (第十一条 括号内)."""
    if change.current.get("project.yaml", "fixed_asset") is not True:
        return
    names = [(r.get("approval") or {}).get("by") for _, r in change.records]
    extra = b.extra_names(change.current.get("project.yaml", "settings", "YB111", b.SETTING_NAME))
    if not any(NDRC.accepts(n, extra) for n in names):
        index = change.records[-1][0]
        yield Finding(FILE, ("changes", index, "approval", "by"),
                      "属于固定资产投资建设的项目，变更还需报区发展改革委批准（第十一条），变更记录里没有区发展改革委的批准",
                      "在 approval.by 写明批准机关（区大数据发展局、区发展改革委），并附两份批准文件")


@RULES.rule("YB111", "变更未经批准或应重新申报", severity="error", stages=since("budget"),
            citation=cite("十一", "项目方案经审核同意后，项目建设和运维单位不得自行调整、变更建设和运维内容及项目投资额，确需调整或变更的，"
                                 "须书面报区大数据发展局批准后才能实施（属于固定资产投资建设的项目，还需报区发展改革委批准）。"),
            message="与审核同意的项目方案（基线）相比发生了调整或变更，没有按第十一条报批，或超过10%而未重新申报",
            hint="不超过项目投资额10%的：编制变更说明，报区大数据发展局（固定资产投资项目还报区发展改革委）批准后实施，"
                 "记在 changes.yaml；超过10%的：重新编制项目方案并重新申报",
            settings=(b.setting("批准变更的机关（区大数据发展局、区发展改革委）"),),
            boundaries=(threshold("调整占项目投资额10%", "不超过", True, "投资额 344.4 万元：调整 34.44 万元（10%）报批即可，34.45 万元须重新申报", why="原文（一）“不超过项目投资额10%”、（二）“超过项目投资额10%”：恰好10%属于（一）（“超过”不包括本数，民法典 第一千二百五十九条）"),))
def change_approved_or_redeclared(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    把项目与审核同意的方案比较（进入“纳入预算”阶段时 `govproj advance` 打的基线标签）：总投资、预算明细各项、建设和
    运维内容。建设类和运维类项目都适用。有调整或变更时：

    - 涉及金额**不超过**项目投资额**10%（含本数）**：须有变更说明（changes.yaml 的变更记录：日期、内容、原因、金额、
      依据条款），书面报**区大数据发展局批准后才能实施**（`procedure: 审批`，批准日期不晚于变更日期）；属于固定资产
      投资建设的项目（`fixed_asset: true`），还须有**区发展改革委**的批准；
    - 涉及金额**超过**10%：应重新编制项目方案，按申报、立项程序**重新申报**。变更记录不能代替，本规则一直报错，直到项目
      重新申报（`govproj advance --to declare --outcome fail`）并重新纳入预算（新的基线）。

    涉及金额取总投资增减和预算明细之间调整的较大者，与批复的项目投资额精确相除。例：投资额 344.4 万元，调整 34.44 万元
    （10%）报批即可；调整 34.45 万元须重新申报。

    ## 为什么
    第十一条：“项目方案经审核同意后，项目建设和运维单位不得自行调整、变更建设和运维内容及项目投资额，确需调整或变更的，须书面报
    区大数据发展局批准后才能实施（属于固定资产投资建设的项目，还需报区发展改革委批准）。（一）项目调整或变更内容所涉及金额
    不超过项目投资额10%的，项目建设和运维单位应编制变更说明，报区大数据发展局批准。（二）项目调整或变更内容所涉及金额超过
    项目投资额10%的，项目建设和运维单位应重新编制项目方案，并按项目申报、立项程序重新申报。”

    ## 通过示例
    ```yaml
    changes:
      - {id: C1, date: 2026-09-01, what: 显示设备改型, why: 原型号停产, amount: 20, clause: 第十一条,
         approval: {date: 2026-08-25, by: 重庆市渝北区大数据发展局、重庆市渝北区发展和改革委员会, procedure: 审批,
                    evidence: [evidence/变更批复.pdf]}}
    ```
    ## 不通过示例
    调整 34.45 万元（超过10%），只报了变更说明：
    ```yaml
    changes:
      - {id: C1, amount: 34.45, approval: {by: 重庆市渝北区大数据发展局, procedure: 审批}}
    ```
    """
    yield from check_change(project, ctx, ARTICLE, classify, more=ndrc_approval)
