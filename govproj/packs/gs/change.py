"""Gongshu change control, 四（三）: once issued, the budget is in principle not adjusted; an adjustment needs a
change application decided by the leading group."""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from govproj.packs import bodies as b
from govproj.packs.change_control import Change, Route, check_change, share, wan
from govproj.packs.gs.rules import RULES, cite, since
from govproj.core.rules import Context, Finding

if TYPE_CHECKING:
    from govproj.core.project import Project

ARTICLE = "四（三）"
CODES = ("GS049",)


LEADING_GROUP = b.Body("领导小组", ("区政府数字化转型工作领导小组", "区智慧电子政务建设（数据资源管理）工作领导小组"))
BODIES = b.Bodies("GS049", "预算调整审定", ARTICLE, "报领导小组审定", (LEADING_GROUP,), "changes.yaml 的 changes[].approval.by",
                  ("杭州市拱墅", "拱墅"))


def classify(change: Change) -> Route:
    """四（三）不分金额：任何预算调整都须变更申报，领导小组审定。"""
    return Route("项目建设单位提出项目变更申报，领导小组办公室受理并提出初步意见，经征求区财政局意见，报领导小组审定", "审批",
                 before=True, bodies=BODIES, why=f"预算一经下达，原则上不予调整；本次涉及金额 {wan(change.amount)} 万元"
                                  f"（{share(change.ratio)}），四（三）不设金额门槛")


@RULES.rule("GS049", "预算调整未经变更申报和领导小组审定", severity="error", stages=since("library"),
            citation=cite("四（三）", "年度信息化项目资金预算一经下达，原则上不予调整。确需调整的，项目建设单位提出项目变更申报，"
                                    "领导小组办公室受理并提出初步意见，经征求区财政局意见，报领导小组审定。"),
            message="项目资金预算与入库时（基线）相比发生了调整，没有经变更申报并由领导小组审定",
            hint="在 changes.yaml 记录变更申报：日期、内容、原因、金额、依据条款（四（三）），以及领导小组审定的日期、文号和证据文件",
            settings=(b.setting("审定预算调整的领导小组"),))
def budget_adjustment_decided(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    把项目预算与入库时的基线比较（进入“入库”阶段时 `govproj advance` 打的标签）：总投资和预算明细各项。四（三）
    管的是资金预算的调整，建设内容的文字变化不在本条之内（招标需求与审定意见的一致性由五（一）管）。

    预算有调整时，changes.yaml 里自基线以来新增的变更记录须：写明日期、内容、原因、金额、依据条款；记录领导小组的
    **审定**（`approval.procedure: 审批`，日期不晚于调整日期，附证据文件），只备案不够；金额合计不少于实际变动。
    四（三）不设金额门槛：调整 1 万元也要申报。

    ## 为什么
    四（三）：“年度信息化项目资金预算一经下达，原则上不予调整。确需调整的，项目建设单位提出项目变更申报，领导小组办公室受理
    并提出初步意见，经征求区财政局意见，报领导小组审定。”

    ## 通过示例
    ```yaml
    changes:
      - {id: C1, date: 2026-06-10, what: 服务器扩容改租用政务云, why: 区数据中枢提供算力, amount: 12, clause: 四（三）,
         approval: {date: 2026-06-01, by: 拱墅区政府数字化转型工作领导小组, procedure: 审批, evidence: [evidence/领导小组审定意见.pdf]}}
    ```
    ## 不通过示例
    预算明细调整了 12 万元，没有变更记录。
    """
    yield from check_change(project, ctx, ARTICLE, classify, money_only=True)
