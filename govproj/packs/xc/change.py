"""Xicheng change control, 第二十二条: small changes for one of three listed reasons are filed, all others reviewed."""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from govproj.core.money import Money
from govproj.packs import bodies as b
from govproj.packs.change_control import TEN_PERCENT, Change, Route, check_change, share, wan
from govproj.packs.xc.rules import RULES, cite, since
from govproj.core.rules import period, threshold  # noqa: F401
from govproj.core.rules import Context, Finding

if TYPE_CHECKING:
    from govproj.core.project import Project

ARTICLE = "第二十二条"
CODES = ("XC221",)
FIFTY = Money.wan(50)  # 第二十二条“不超过50万元”

SITUATIONS = {
    "一": "根据国家、北京市、西城区有关工作部署和要求，确需改变建设内容的",
    "二": "因安装部署条件发生变化、硬件性能升级、安全防护策略调整等确需对原项目技术方案进行完善优化的",
    "三": "根据所建政务信息化项目业务发展需要，在已批复项目建设规划的框架下调整相关建设内容及进度的",
}


def situation(reason: str) -> str | None:
    """Which of the three listed situations a record's `reason` names: （一） / (一) / 一 / 1, or its words."""
    text = reason.strip().replace("(", "（").replace(")", "）")
    for number, (key, words) in enumerate(SITUATIONS.items(), 1):
        if text in (key, str(number), f"（{key}）", f"第{key}项", f"情形{key}", f"情形（{key}）") \
                or text.startswith(f"（{key}）") or words.rstrip("的") in text:
            return key
    return None


BODIES = b.Bodies("XC221", "变更备案或审查", ARTICLE, "调整前应向区科技和信息化局备案……报区科技和信息化局审查",
                  (b.Body("区科技和信息化局"),), "changes.yaml 的 changes[].approval.by", ("北京市西城", "西城"))


def classify(change: Change) -> Route:
    """第二十二条: 备案 when every condition holds; otherwise 报区科技和信息化局审查, 审查通过后实施."""
    s = change.summary
    failed = []
    if s.total_before is not None and s.total_after is not None and s.total_after > s.total_before:
        failed.append(f"投资规模 {wan(s.total_after)} 万元超出预算批复的 {wan(s.total_before)} 万元")
    if not change.goals_unaffected:
        failed.append("变更记录没有写明建设目标不变（goals_affected: false）")
    if not change.within(TEN_PERCENT):
        failed.append(f"涉及金额占批复总投资 {share(change.ratio)}，超过10%")
    if change.amount > FIFTY:
        failed.append(f"涉及金额 {wan(change.amount)} 万元，超过50万元")
    found = [situation(r) for r in change.reasons()]
    if not found or None in found:
        failed.append("没有写明属于所列三种情形之一（reason 写 （一）、（二）或（三））")
    if failed:
        return Route("报区科技和信息化局审查，审查通过后实施变更", "审批", before=True, bodies=BODIES,
                     why="不符合可由项目单位自行调整的情形：" + "；".join(failed))
    return Route("可以由项目单位调整，调整前应向区科技和信息化局备案", "备案", before=True, bodies=BODIES,
                 why=f"未超出预算批复、建设目标不变，涉及金额 {wan(change.amount)} 万元（{share(change.ratio)}），"
                     f"不超过10%且不超过50万元，属于情形（{'）（'.join(sorted(set(found)))}）；"
                     "是否符合全区统筹规划建设原则须人工判断")


@RULES.rule("XC221", "变更未按第二十二条备案或审查", severity="error", stages=since("build"),
            citation=cite("第二十二条", "项目投资规模未超出预算批复、建设目标不变。项目主要建设内容确需调整，建设内容及资金调整不超过"
                                     "10%且不超过50万元，在符合全区统筹规划建设原则及下列情形之一的，可以由项目单位调整，"
                                     "调整前应向区科技和信息化局备案。"),
            message="与批复基线相比发生了变更，没有按第二十二条备案（小额、三种情形之一）或经区科技和信息化局审查",
            hint="在 changes.yaml 记录变更：日期、内容、原因、情形（reason）、金额、是否影响建设目标、依据条款，"
                 "以及备案或审查的日期、机关、程序和证据文件",
            settings=(b.setting("受理变更备案、审查的机关"),),
            boundaries=(threshold("调整占批复总投资10%", "不超过", True, "批复 386 万元：调整 38.60 万元（10.00%）可备案，38.61 万元须审查"), threshold("调整金额50万元", "不超过", True, "批复 600 万元：调整 50.00 万元可备案，50.01 万元须审查"),))
def change_filed_or_reviewed(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    把项目与批复基线比较（进入“建设”阶段时 `govproj advance` 打的标签，即审查意见函之后的项目）：总投资、预算明细
    各项、建设内容。有变化时，按第二十二条判断程序：

    同时满足以下条件的，可以由项目单位调整，**调整前**向区科技和信息化局**备案**：
    - 投资规模未超出预算批复（现总投资不大于批复总投资）；
    - 建设目标不变（每条变更记录写 `goals_affected: false`）；
    - 建设内容及资金调整**不超过10%且不超过50万元**（含本数）：涉及金额取总投资增减和预算明细之间调整的较大者，
      与批复总投资精确相除；
    - 属于所列情形之一（`reason` 写 （一）、（二）或（三））。“符合全区统筹规划建设原则”须人工判断。

    不满足任一条件的，**报区科技和信息化局审查，审查通过后**实施变更（`approval.procedure: 审批`，审批日期不晚于
    变更日期）。两种程序都要求变更记录写明日期、内容、原因、金额、依据条款和备案/审查的证据文件，且记录的金额合计
    不少于实际变动。

    例：批复 386 万元，调整 38.6 万元（10.00%）可备案；38.61 万元（超过10%）须审查。批复 600 万元时，调整 50 万元
    可备案，50.01 万元须审查。

    ## 为什么
    第二十二条：“项目投资规模未超出预算批复、建设目标不变。项目主要建设内容确需调整，建设内容及资金调整不超过10%且不超过
    50 万元，在符合全区统筹规划建设原则及下列情形之一的，可以由项目单位调整，调整前应向区科技和信息化局备案。……
    不符合上述情形的，报区科技和信息化局审查，审查通过后实施变更。”第三十三条（三）：项目变更未备案的，暂停拨付资金。

    ## 通过示例
    ```yaml
    changes:
      - {id: C1, date: 2027-03-10, what: 服务器扩容改为云资源, why: 部署条件变化, reason: （二）, amount: 20,
         goals_affected: false, clause: 第二十二条,
         approval: {date: 2027-03-01, by: 西城区科技和信息化局, procedure: 备案, evidence: [evidence/变更备案.pdf]}}
    ```
    ## 不通过示例
    调整 60 万元，只做了备案：
    ```yaml
    changes:
      - {id: C1, date: 2027-03-10, amount: 60, reason: （二）, goals_affected: false, approval: {procedure: 备案}}
    ```
    """
    yield from check_change(project, ctx, ARTICLE, classify)
