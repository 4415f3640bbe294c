"""Jilin change control, 第二十一条: changes only before procurement; small ones are filed, the others reviewed first."""
from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Iterator

from govproj.core.money import Money
from govproj.packs import bodies as b
from govproj.packs.change_control import TEN_PERCENT, Change, Route, check_change, share, wan
from govproj.packs.helpers import fmt_date
from govproj.packs.jl.rules import RULES, cite, since
from govproj.core.rules import period, threshold  # noqa: F401
from govproj.core.rules import Context, Finding

if TYPE_CHECKING:
    from govproj.core.project import Project

ARTICLE = "第二十一条"
CODES = ("JL211",)
LIMIT = Money.wan(200)  # 第二十一条“200万元”


def after_procurement(change: Change) -> str:
    """Why the change counts as made after the procurement procedure started, or "" when it came before."""
    if not change.records:
        return ""  # nothing says when it happened: the missing record is the finding
    started = change.current.event_date("procurement_started")
    if started is None:
        if change.current.reached("procure"):
            return "项目已进入采购阶段，没有记录发起采购的日期（events.procurement_started），无法证明变更在采购之前"
        return ""
    late = [r for _, r in change.records if not isinstance(r.get("date"), _dt.date) or r["date"] >= started]
    if not late:
        return ""
    record = late[0]
    when = fmt_date(record["date"]) if isinstance(record.get("date"), _dt.date) else "（未写日期）"
    return f"变更 {record.get('id') or ''} {when} 实施，采购程序已于 {fmt_date(started)} 发起"


BODIES = b.Bodies("JL211", "变更备案或审核", ARTICLE, "报送省政务服务和数字化局备案……报送省政务服务和数字化局审核",
                  (b.Body("省政务服务和数字化局", ("省政务服务和数字化建设管理局",)),), "changes.yaml 的 changes[].approval.by", ("吉林",))


def classify(change: Change) -> Route:
    """第二十一条（一）自行调整并备案，（二）报审核、通过后方可执行；采购程序执行后，原则上不予变更。"""
    late = after_procurement(change)
    if late:
        return Route("原则上不予变更", "审批", closed=f"项目立项一经审核，原则上不予变更；第二十一条只为执行采购程序之前的变更规定了程序，"
                                                 f"而{late}。确需变更的，先与省政务服务和数字化局沟通", severity="warning")
    s = change.summary
    failed = []
    if not change.goals_unaffected:
        failed.append("变更影响项目总体目标实现，或变更记录没有写明不影响（goals_affected: false）")
    if not change.within(TEN_PERCENT):
        failed.append(f"涉及金额 {wan(change.amount)} 万元，超过项目总投资额10%（{share(change.ratio)}）")
    if change.amount > LIMIT:
        failed.append(f"涉及金额 {wan(change.amount)} 万元，大于200万元")
    if s.total_after is not None and s.total_after > LIMIT:
        failed.append(f"变更后项目总投资额 {wan(s.total_after)} 万元，超过200万元")
    if failed:
        return Route("项目立项单位应编制变更材料，报送省政务服务和数字化局审核，通过后方可执行", "审批", before=True,
                     bodies=BODIES,
                     why="属于第二十一条（二）：" + "；".join(failed))
    return Route("由项目立项单位自行调整，并将项目调整相关材料报送省政务服务和数字化局备案", "备案", bodies=BODIES,
                 why=f"属于第二十一条（一）：不影响总体目标，涉及金额 {wan(change.amount)} 万元（{share(change.ratio)}，"
                     f"不超过10%），变更后总投资额 {wan(s.total_after)} 万元（不超过200万元）")


@RULES.rule("JL211", "立项变更未按第二十一条备案或审核", severity="error", stages=since("approved"),
            citation=cite("二十一", "项目立项一经审核,原则上不予变更。因特殊原因确需变更的,在未执行采购程序前,项目立项单位应履行相关程序"),
            message="与立项批复（基线）相比发生了变更，没有按第二十一条备案或经省政务服务和数字化局审核",
            hint="在 changes.yaml 记录变更：日期、内容、原因、金额、是否影响总体目标、依据条款，以及备案或审核的日期、机关、"
                 "程序和证据文件；变更只能在执行采购程序之前",
            settings=(b.setting("受理变更备案、审核的机关"),),
            boundaries=(threshold("涉及金额占总投资额10%", "不超过", True, "批复 168 万元：增加 16.80 万元（10%）可备案，16.81 万元须审核", spelled="不超过项目总投资额10%(含10%)"), threshold("变更后总投资额200万元", "不超过", True, "批复 190 万元：增加到 200.00 万元可备案，200.01 万元须审核", spelled="不超过200万元(含200万元)"),))
def change_filed_or_reviewed(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    把项目与立项批复基线（进入“立项批复”阶段时 `govproj advance` 打的标签）比较：总投资、预算明细各项、建设内容。
    有变化时按第二十一条判断：

    - 变更须在**执行采购程序之前**：变更记录的日期早于发起采购的日期（`events.procurement_started`）。采购程序已执行后
      的变更，办法没有规定程序，“原则上不予变更”——报警告；
    - （一）**不影响**项目总体目标实现（`goals_affected: false`）、涉及金额**不超过项目总投资额10%（含10%）**、且变更后
      总投资额**不超过200万元（含200万元）**的：由项目立项单位自行调整，并报省政务服务和数字化局**备案**；
    - （二）影响总体目标、涉及金额大于200万元或超过总投资额10%、或变更后总投资额超过200万元的：编制变更材料，报省政务
      服务和数字化局**审核，通过后方可执行**（`procedure: 审批`，审核日期不晚于变更日期）。

    涉及金额取总投资增减和预算明细之间调整的较大者，与批复总投资精确相除。每条变更记录都要写明日期、内容、原因、金额、
    依据条款和备案/审核的证据文件，记录的金额合计不少于实际变动。

    例：批复 168 万元，增加 16.8 万元（10%）到 184.8 万元可备案；增加 16.81 万元须审核。批复 190 万元，增加 10 万元到
    200 万元可备案；增加 10.01 万元到 200.01 万元须审核。

    ## 为什么
    第二十一条：“项目立项一经审核,原则上不予变更。因特殊原因确需变更的,在未执行采购程序前,项目立项单位应履行相关程序:
    (一)项目变更内容不影响项目总体目标实现,涉及金额不超过项目总投资额10%(含10%),且变更后总投资额不超过200万元
    (含200万元)的情况,由项目立项单位自行调整,并将项目调整相关材料报送省政务服务和数字化局备案。(二)项目变更内容影响
    总体目标实现,涉及金额大于200万元或超过项目总投资额10%的情况,以及变更后项目总投资额超过200万元,项目立项单位应编制
    变更材料,并报送省政务服务和数字化局审核,通过后方可执行。”

    ## 通过示例
    ```yaml
    changes:
      - {id: C1, date: 2026-11-01, what: 增加不动产接口, why: 业务需要, amount: 10, goals_affected: false,
         clause: 第二十一条, approval: {date: 2026-11-03, by: 吉林省政务服务和数字化局, procedure: 备案,
         evidence: [evidence/变更备案.pdf]}}
    ```
    ## 不通过示例
    增加 16.81 万元（超过10%），只备案：
    ```yaml
    changes:
      - {id: C1, date: 2026-11-01, amount: 16.81, goals_affected: false, approval: {procedure: 备案}}
    ```
    """
    yield from check_change(project, ctx, ARTICLE, classify)
