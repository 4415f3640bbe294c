"""Beijing change control, 第21条: any change of content or cost during implementation is reported for review."""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from govproj.packs.bj.rules import RULES, cite, since
from govproj.packs import bodies as b
from govproj.packs.change_control import Change, Route, check_change
from govproj.core.rules import Context, Finding

if TYPE_CHECKING:
    from govproj.core.project import Project

ARTICLE = "第21条"
CODES = ("BJ211",)


# 第21条 names no body ("各主管部门"): only the setting can name the departments, and without it none is checked.
BODIES = b.Bodies("BJ211", "变更审查", ARTICLE, "报各主管部门审查", (), "changes.yaml 的 changes[].approval.by", ("北京",),
                  note="办法未指明是哪个部门：在 settings.BJ211.bodies 写本项目的主管部门后才核对")


def classify(change: Change) -> Route:
    """第21条 knows no threshold: every change of content or cost goes to the competent departments for review."""
    return Route("应及时按照相关要求报各主管部门审查", "审批",
                 why="第21条不分金额大小，项目内容、费用发生变化即须报审", bodies=BODIES)


@RULES.rule("BJ211", "项目内容、费用变化未报主管部门审查", severity="error", stages=since("refine"),
            citation=cite(21, "项目实施过程中，项目内容、费用等发生变化，各单位应及时按照相关要求报各主管部门审查。"),
            message="项目内容或费用与批复基线相比发生了变化，没有报主管部门审查的完整变更记录",
            hint="在 changes.yaml 记录变更：内容、原因、金额、依据条款（第21条）和主管部门审查的日期、机关、文号、证据文件",
            settings=(b.setting("审查变更的主管部门（第21条未指明）"),))
def content_or_cost_changed(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    把项目与批复基线比较：基线是项目进入“细化建设内容”（立项批复之后）时 `govproj advance` 打的 git 标签
    `govproj/<项目编号>/baseline-<序号>`。比较总投资、预算明细各项金额、建设内容（construction.yaml 的 content、
    business）和需求描述（needs.yaml 的 description）。基线里留空、后来才填写的内容是细化（第17条），不算变化。

    有变化时，changes.yaml 里自基线以来新增的变更记录必须：
    - 至少有一条，每条写明变更日期（date）、变更内容（what）、原因（why）、金额（amount）、依据条款（clause）；
    - 写明主管部门审查的结果：`approval` 的日期、机关、程序（`procedure: 审批`，只备案不够）和证据文件；
    - 金额合计不少于实际变动：总投资的增减与预算明细之间调整的金额，取其大者。

    第21条没有金额门槛：无论变化多小，都要报审。没有基线标签（项目还没有经 `govproj advance` 进入基线阶段）时不检查。
    `govproj diff` 列出同样的比较结果。

    ## 为什么
    第21条：“项目实施过程中，项目内容、费用等发生变化，各单位应及时按照相关要求报各主管部门审查。”
    第25条还规定，与项目申报书差异较大的项目不得通过验收；记录每一次变化，验收时才说得清。

    ## 通过示例
    基线总投资 168 万元，现在 170 万元，并有记录：
    ```yaml
    changes:
      - id: C1
        date: 2026-12-01
        what: 增加知识图谱检索模块
        why: 业务部门提出新增检索方式
        amount: 2
        clause: 第21条
        approval: {date: 2026-11-28, by: 北京市经济和信息化局, procedure: 审批, doc_no: 京经信函〔2026〕88号,
                   evidence: [evidence/变更审查意见.pdf]}
    ```
    ## 不通过示例
    基线总投资 168 万元，现在 170 万元，changes.yaml 没有记录（或只有 `procedure: 备案`）。
    """
    yield from check_change(project, ctx, ARTICLE, classify)
