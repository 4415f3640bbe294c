"""吉林省政务信息系统项目管理办法（试行）: 附件3 申报书 (cover, 一–八), 附件1 可行性研究报告 and 附件2 初步设计方案和投资概算
outlines, a summary.

第十二条: 200万元以下（含200万）的项目可只编制申报书; 200万元以上须提交可行性研究报告; 立项批复明确是否还要提交
初步设计方案与投资概算. The amount is the provincial financial funds the project means to use (budget sources whose type
is 省级财政资金, as the pack's rules read them).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from govproj.core.money import Money

from govproj.forms import Form
from govproj.forms.common import (Chapter, Field, budget_intro, Item, basis_text, contacts_text, fields, first, fmt_date,
                                  join, labelled, opening_text, resources_text, topics, total_text, unit_and_leader,
                                  value_of, wan)
from govproj.forms.summary import summary_form

if TYPE_CHECKING:
    from govproj.core.project import Project

LINE = Money.wan(200)  # 第十二条


def provincial(project: "Project") -> Money | None:
    from govproj.packs.jl.rules import provincial_funds

    return provincial_funds(project)[0]


def schedule_text(project: "Project", ctx: dict[str, Any]) -> str | None:
    schedule = project.get("project.yaml", "schedule") or {}
    return labelled(("计划开工", lambda p, c: schedule.get("start")),
                    ("计划完成建设（进入试运行）", lambda p, c: schedule.get("completion")),
                    ("计划竣工验收", lambda p, c: schedule.get("acceptance")))(project, ctx)


def mode_text(project: "Project", ctx: dict[str, Any]) -> str | None:
    if project.kind == "unified":
        return "统一建设：由省政务服务和数字化局进行采购和建设，项目需求提出单位提出业务需求并配合采购和建设（第四条）"
    if project.kind == "self":
        return "自行建设：由项目立项单位进行采购和建设，采购文件经省政务服务和数字化局审核后方可发起采购（第四条、第十六条）"
    return None


def cooperation_text(project: "Project", ctx: dict[str, Any]) -> str | None:
    lines = []
    if project.get("project.yaml", "lead_department"):
        lines.append(f"牵头部门：{project.get('project.yaml', 'lead_department')}")
    for _, item in project.items("project.yaml", "co_builders"):
        lines.append(join([f"共建部门：{item['name']}" if item.get("name") else "", f"建设范围：{item['scope']}" if item.get("scope") else "",
                           f"责任义务：{item['duties']}" if item.get("duties") else ""], "；"))
    return "\n".join(line for line in lines if line) or None


def base_resources(project: "Project", ctx: dict[str, Any]) -> str | None:
    items = [str(x) for x in project.get("project.yaml", "base_resources") or []]
    return "、".join(items) or None


def procurement_text(project: "Project", ctx: dict[str, Any]) -> str | None:
    lines = [join([f"{p.get('role') or ''}：{p.get('name') or ''}", p.get("selection")], "，")
             for p in ctx.get("parties") or []]
    return "\n".join(lines) or None


def funds_text(project: "Project", ctx: dict[str, Any]) -> str | None:
    funds = provincial(project)
    return None if funds is None else f"拟利用省级财政资金 {wan(funds)}万元"


GOALS = labelled(("", value_of("project.yaml", "summary")), ("建设期", schedule_text))
SECURITY = (lambda p, c: c.get("security_text"), "security.yaml → level、plan、crypto")
CONTENT = (first(value_of("construction.yaml", "content"), GOALS), "construction.yaml → content（或 project.yaml → summary）")
RESOURCES = (resources_text, "sharing.yaml → description、resources")
CATALOGUE = (labelled(("共享", opening_text("sharing")), ("开放", opening_text("opening"))), "sharing.yaml → sharing、opening")

# 附件3 申报书 一–八 (一 is the basic-information table of the layout)
APPLICATION: tuple[Chapter, ...] = (
    Chapter("二、项目简介", key="a2", fields=fields(
        "项目名称；项目来源；项目立项依据；项目立项单位与职能；项目实施机构与职责；项目参与单位与职能；"
        "项目参与单位分工协作（针对跨部门合作项目）；项目建设目标、规模、内容、建设期；项目总投资及资金来源；经济与社会效益；"
        "项目研究论证过程；主要结论与建议", {
            "项目名称": value_of("project.yaml", "name"),
            "项目立项依据": lambda p, c: basis_text(p),
            "项目立项单位与职能": unit_and_leader,
            "项目实施机构与职责": contacts_text,
            "项目参与单位分工协作（针对跨部门合作项目）": cooperation_text,
            "项目建设目标、规模、内容、建设期": GOALS,
            "项目总投资及资金来源": total_text}),
            source="project.yaml → name、basis、unit、contacts、co_builders、summary、schedule；budget.yaml"),
    Chapter("三、项目建设的必要性及建设目标", items=(
        Item("a3_1", "1. 必要性", "（从项目的背景、依据，现有系统存在的问题和差距，项目建设的意义等方面阐述）",
             first(value_of("needs.yaml", "description"), value_of("needs.yaml", "current_state")),
             "needs.yaml → description 或 current_state"),
        Item("a3_2", "2. 建设目标", "（包括总体目标，分阶段或分期建设目标等）", GOALS, "project.yaml → summary、schedule"),
    )),
    Chapter("四、项目建设需求分析", key="a4", fields=fields(
        "政务业务目标需求分析；数据需求分析；信息基础设施资源需求分析（含网络、存储、机房等资源）；信息资源交换共享需求分析；"
        "系统功能指标；系统性能指标", {
            "政务业务目标需求分析": value_of("needs.yaml", "description"),
            "数据需求分析": resources_text,
            "信息基础设施资源需求分析（含网络、存储、机房等资源）": base_resources,
            "信息资源交换共享需求分析": opening_text("sharing"),
            "系统功能指标": value_of("construction.yaml", "refined_needs")}),
            source="needs.yaml → description；sharing.yaml；project.yaml → base_resources；construction.yaml → refined_needs"),
    Chapter("五、项目建设方案", items=(
        Item("a5_1", "1. 建设内容", "主要包括项目规模与内容；系统架构设计；数据库设计；应用支撑系统设计；应用系统设计；数据处理和存储"
             "系统设计；终端系统及接口设计；网络系统设计；安全系统设计；备份系统设计；数据交换共享设计；数据开放设计；运行维护系统"
             "设计；其它系统设计；数据标准规范建设；系统配置及软硬件选型原则；系统软硬件配置清单等。",
             first(value_of("construction.yaml", "content"), value_of("project.yaml", "summary")),
             "construction.yaml → content（或 project.yaml → summary）"),
        Item("a5_2", "2. 系统拓扑图", "主要包括网络拓扑图、软件主要功能业务流程图、或与外围其它设备的连接示意图。"),
        Item("a5_3", "3. 项目采购", fields=fields("项目采购范围；采购要求；采购方式；采购组织形式", {
            "采购方式": procurement_text, "采购组织形式": mode_text}), source="project.yaml → kind；contract.yaml → parties"),
        Item("a5_4", "4. 项目建设与运行管理", "主要包括领导和管理机构；项目实施机构；运行维护机构；核准的项目采购方案；项目进度、"
             "质量、资金管理方案；相关管理制度，人员培训方案等。", contacts_text, "project.yaml → contacts"),
        Item("a5_5", "5. 信息化资源规划", fields=(
            Field("1.业务系统基础信息", None, "（包含用户对象、系统开发语言、数据库类型、系统运行环境等）"),
            Field("2.需对接的其它信息化基础应用系统", None, "（包括门户网站、祥云平台、其它业务系统）"),
            Field("3.所需基础资源需求", base_resources, "（包括服务器、存储、数据库系统、电子政务网络等）"),
            Field("4、数据交流信息", resources_text, "（包括系统产生数据、系统拟使用的基础数据或他信息系统的数据等）"),
            Field("5、系统数据资源目录", labelled(("拟共享", opening_text("sharing")), ("拟开放", opening_text("opening"))),
                  "（含系统拟共享、开放数据资源目录）"),
            Field("6、其他数据需求")),
             source="project.yaml → base_resources；sharing.yaml"),
    )),
    Chapter("六、项目初步设计概算", "主要包括：概算编制说明；初步设计投资概算书（总概算、详细概算）；资金筹措及投资计划（已有上级拨付资金"
            "的需要列明）等。", key="a6", fill=budget_intro, source="budget.yaml → total、lines、sources", table="budget"),
    Chapter("七、项目实施计划", key="a7", fields=(
        Field("项目组织管理人员安排", contacts_text), Field("项目具体实施时间阶段", schedule_text), Field("工作内容"),
        Field("工作目标")), source="project.yaml → contacts、schedule（建设期）"),
    Chapter("八、信息安全", "主要参考国家标准信息安全技术信息系统安全等级保护基本要求。", key="a8", fill=SECURITY[0],
            source=SECURITY[1]),
)

# the 填写说明 of 附件3, verbatim
APPLICATION_NOTES = (
    "1.凡申请省级政务信息系统立项的项目，均需编制信息化项目建设方案，填写本表。项目编号按照全省统一的信息化项目库管理要求编写。",
    "2.项目负责人应为单位负责人，项目建设坚持单位主要负责人负责制。项目建设内容所涉及业务应符合项目立项单位的职责业务范围。"
    "信息化项目涉及多个单位共建或者参与建设的，由相关单位协商确定牵头单位，由牵头单位作为项目立项单位，编制项目建设申报书。",
    "3.表中各项内容填写应根据项目建设实际需求，篇幅可以自行增减。",
    "4.项目立项单位申报项目应尽量采取集中申报原则，一个单位的立项申报原则上只填报一张表。",
    "5.项目立项中所涉及的来源、依据、软硬件配置清单、采购要求、投资概算编制依据，以及项目立项单位认为有必要提供且有助于项目"
    "立项审核的可作为附件与项目立项申报书一并提交。",
    "6.项目类型中硬件类指硬件产品购买，软件类指成熟软件产品购买，工程类指非土建类工程实施项目，服务类指咨询、运维等专业化服务，"
    "信息系统类指政务信息系统定制化开发建设。",
)

OVERVIEW = {
    "项目名称": (value_of("project.yaml", "name"), "project.yaml → name"),
    "项目立项单位及负责人、项目责任人": (unit_and_leader, "project.yaml → unit、contacts"),
    "项目建设目标、规模、内容、建设期": (GOALS, "project.yaml → summary、schedule"),
    "项目总投资及资金来源": (total_text, "budget.yaml → total、sources"),
}
UNIT = {"项目实施机构与职责": (contacts_text, "project.yaml → contacts")}

FEASIBILITY: tuple[Chapter, ...] = (
    Chapter("第一章  项目概述", items=topics(
        "f1", "项目名称；项目立项单位及负责人、项目责任人；可行性研究报告编制单位；可行性研究报告编制依据；项目建设目标、规模、内容、"
        "建设期；项目总投资及资金来源；经济与社会效益；主要结论与建议", {
            **OVERVIEW, "可行性研究报告编制依据": (lambda p, c: basis_text(p), "project.yaml → basis")})),
    Chapter("第二章  项目立项单位概况", items=topics("f2", "项目立项单位与职能；项目实施机构与职责", UNIT)),
    Chapter("第三章  需求分析和项目建设的必要性", items=topics(
        "f3", "与政务职能相关的社会问题和政务目标分析；业务功能、业务流程和业务量分析；信息量分析与预测；系统功能和性能需求分析；"
        "信息系统装备和应用现状与差距", {
            "业务功能、业务流程和业务量分析": (value_of("needs.yaml", "description"), "needs.yaml → description"),
            "信息量分析与预测": RESOURCES,
            "系统功能和性能需求分析": (value_of("construction.yaml", "refined_needs"), "construction.yaml → refined_needs"),
            "信息系统装备和应用现状与差距": (value_of("needs.yaml", "current_state"), "needs.yaml → current_state")})),
    Chapter("第四章  本期项目建设方案", items=topics(
        "f4", "建设目标、规模与内容；标准规范建设内容；信息资源规划和数据库建设方案；政务信息资源目录和政务信息资源共享方案；"
        "应用支撑平台和应用系统建设方案；数据处理和存储建设方案；终端系统建设方案；网站系统建设方案；安全系统建设方案；"
        "备份系统建设方案；运行维护系统建设方案；其他系统建设方案；主要软硬件选型原则和详细软硬件配置清单；机房及配套工程建设方案", {
            "建设目标、规模与内容": CONTENT,
            "信息资源规划和数据库建设方案": RESOURCES,
            "政务信息资源目录和政务信息资源共享方案": CATALOGUE,
            "安全系统建设方案": SECURITY})),
    Chapter("第五章  项目采购方案", items=topics("f5", "采购范围；采购方式；采购组织形式", {
        "采购方式": (procurement_text, "contract.yaml → parties（selection）"),
        "采购组织形式": (mode_text, "project.yaml → kind（建设方式）")})),
    Chapter("第六章  项目组织机构和人员培训", items=topics(
        "f6", "领导和管理机构；项目实施机构；运行维护机构；技术力量和人员配置；人员培训方案",
        {"项目实施机构": (contacts_text, "project.yaml → contacts")})),
    Chapter("第七章  项目实施进度", items=topics("f7", "项目建设期；实施进度计划",
                                           {"项目建设期": (schedule_text, "project.yaml → schedule")})),
    Chapter("第八章  投资估算和资金来源", items=topics(
        "f8", "投资估算的有关说明；项目总投资估算；资金来源与落实情况；资金使用计划；项目运行维护经费估算", {
            "项目总投资估算": (budget_intro, "budget.yaml → total、lines", "budget"),
            "资金来源与落实情况": (labelled(("", lambda p, c: c.get("funding_text")), ("", funds_text)),
                          "budget.yaml → sources")})),
    Chapter("第九章  效益与评价指标分析", items=topics("f9", "经济效益分析；社会效益分析；项目评价指标分析")),
    Chapter("第十章  项目风险与风险管理", items=topics("f10", "风险识别和分析；风险对策和管理")),
)

DESIGN: tuple[Chapter, ...] = (
    Chapter("第一章  项目概述", items=topics(
        "d1", "项目名称；项目立项单位及负责人，项目负责人；初设及概算编制单位；初设及概算编制依据；建设目标、规模、内容、建设期；"
        "总投资及资金来源；效益及风险；主要结论与建议", {
            "项目名称": OVERVIEW["项目名称"],
            "项目立项单位及负责人，项目负责人": (unit_and_leader, "project.yaml → unit、contacts"),
            "初设及概算编制依据": (lambda p, c: basis_text(p) or _approval(p), "project.yaml → basis、events.approved"),
            "建设目标、规模、内容、建设期": OVERVIEW["项目建设目标、规模、内容、建设期"],
            "总投资及资金来源": OVERVIEW["项目总投资及资金来源"]})),
    Chapter("第二章  项目立项单位概况", items=topics("d2", "项目立项单位与职能；项目实施机构与职责", UNIT)),
    Chapter("第三章  需求分析", items=topics("d3", "政务业务目标需求分析结论；系统功能指标；信息量指标；系统性能指标", {
        "政务业务目标需求分析结论": (value_of("needs.yaml", "description"), "needs.yaml → description"),
        "系统功能指标": (value_of("construction.yaml", "refined_needs"), "construction.yaml → refined_needs"),
        "信息量指标": RESOURCES})),
    Chapter("第四章  项目设计方案", items=topics(
        "d4", "建设目标、规模与内容；标准规范建设内容；信息资源规划和数据库设计；政务信息资源目录和政务信息资源共享设计；应用支撑系统"
        "设计；应用系统设计；数据处理和存储系统设计；终端系统及接口设计；网络系统设计；安全系统设计；备份系统设计；运行维护系统设计；"
        "其他系统设计；系统配置及软硬件选型原则；系统软硬件配置清单；系统软硬件物理部署方案", {
            "建设目标、规模与内容": CONTENT,
            "信息资源规划和数据库设计": RESOURCES,
            "政务信息资源目录和政务信息资源共享设计": CATALOGUE,
            "安全系统设计": SECURITY})),
    Chapter("第五章  项目建设与运行管理", items=topics(
        "d5", "领导和管理机构；项目实施机构；运行维护机构；核准的项目采购方案；项目进度、质量、资金管理方案；相关管理制度", {
            "项目实施机构": (contacts_text, "project.yaml → contacts"),
            "核准的项目采购方案": (labelled(("采购组织形式", mode_text), ("", procurement_text)),
                          "project.yaml → kind；contract.yaml → parties")})),
    Chapter("第六章  人员配置与培训", items=topics("d6", "人员配置计划；人员培训方案")),
    Chapter("第七章  项目实施进度", key="d7", fill=schedule_text, source="project.yaml → schedule（建设期）"),
    Chapter("第八章  初步设计概算", items=topics("d8", "概算编制说明；初步设计投资概算书（总概算、详细概算）；资金筹措及投资计划", {
        "初步设计投资概算书（总概算、详细概算）": (budget_intro, "budget.yaml → total、lines", "budget"),
        "资金筹措及投资计划": (labelled(("", lambda p, c: c.get("funding_text")), ("", funds_text)), "budget.yaml → sources")})),
    Chapter("第九章  风险及效益分析", items=topics("d9", "风险分析及对策；效益分析")),
)


def _approval(project: "Project") -> str | None:
    event = project.event("approved") or {}
    if not event.get("date") and not event.get("doc_no"):
        return None
    return "立项批复：" + join([fmt_date(event.get("date")), event.get("doc_no")], "，")


def application(project: "Project", ctx: dict[str, Any]) -> dict[str, Any]:
    funds = provincial(project)
    return {"provincial_funds": funds, "mode_text": mode_text(project, ctx), "project_no": project.get("project.yaml", "project_no"),
            "base_resources_text": base_resources(project, ctx), "schedule_text": schedule_text(project, ctx)}


def feasibility_needed(project: "Project") -> tuple[bool, str]:
    funds = provincial(project)
    if funds is None or funds > LINE:
        return True, ""
    return False, f"拟利用省级财政资金 {wan(funds)}万元，不超过200万元（含），可只编制项目申报书（第十二条）"


def design_needed(project: "Project") -> tuple[bool, str]:
    required = project.get("project.yaml", "design_required")
    if required is True:
        return True, ""
    if required is False:
        return False, "立项批复未要求提交初步设计方案和投资概算（第十二条；project.yaml 的 design_required 为 false）"
    funds = provincial(project)
    if funds is None or funds > LINE:
        return True, ""  # above the line the approval may ask for it: prepare it
    return False, (f"拟利用省级财政资金 {wan(funds)}万元，不超过200万元（含），且没有记录立项批复要求初步设计方案和投资概算"
                   "（第十二条；批复要求时在 project.yaml 写 design_required: true）")


FORMS: tuple[Form, ...] = (
    Form("application", "jl", "吉林省政务信息系统项目申报书", "第十二条、附件3", application, annex="附件3",
         outline=APPLICATION, note="凡申请立项的项目均须填写：封面、填写说明、一至八",
         sources={"project_no": "project.yaml → project_no（项目编号：全省信息化项目库的编号）",
                  "provincial_funds": "budget.yaml → sources 中类型为省级财政资金（type: 省级财政资金）的各项",
                  "mode_text": "project.yaml → kind（建设方式）", "base_resources_text": "project.yaml → base_resources",
                  "schedule_text": "project.yaml → schedule（建设期）"}),
    Form("feasibility", "jl", "吉林省政务信息系统建设项目可行性研究报告", "第十二条、附件1", annex="附件1",
         outline=FEASIBILITY, needed=feasibility_needed, note="拟利用省级财政资金200万元以上（不含200万元）的项目提交；十章"),
    Form("design", "jl", "吉林省政务信息系统建设项目初步设计方案和投资概算", "第十二条、附件2", annex="附件2",
         outline=DESIGN, needed=design_needed, note="立项批复要求时提交（200万元以上的项目可能被要求）；九章"),
    summary_form("jl"),
)
