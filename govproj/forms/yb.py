"""重庆市渝北区 渝北府办发〔2019〕26号: 附件1 需求申报表, 附件2 建设类项目需求说明 (8-chapter outline), a summary."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from govproj.core.money import Money

from govproj.forms import Form
from govproj.forms.common import (Chapter, budget_intro, Item, basis_text, contacts_text, first, fmt_month, join, labelled,
                                  opening_text, resources_text, total_text, unit_and_leader, value_of, wan)
from govproj.forms.summary import summary_form

if TYPE_CHECKING:
    from govproj.core.project import Project

# 附件1 资金预算: the four source columns, by the source's declared type (budget.yaml sources[].type)
FUNDING_COLUMNS: dict[str, tuple[str, ...]] = {
    "central": ("中央财政资金",),
    "city": ("市财政资金",),
    "district": ("区财政资金",),
    "own": ("自有资金",),
}


def funding(budget: dict[str, Any]) -> dict[str, Money | None]:
    from govproj.forms.common import funding_by

    return funding_by(budget, FUNDING_COLUMNS)


def composition(budget: dict[str, Any]) -> str:
    """资金主要构成: the budget lines summed by category, in the order they first appear."""
    sums: dict[str, Money] = {}
    for line in budget.get("lines") or []:
        if isinstance(line, dict) and isinstance(line.get("amount"), Money):
            key = str(line.get("category") or line.get("name") or "其他")
            sums[key] = sums.get(key, Money.zero()) + line["amount"]
    return "；".join(f"{k} {wan(v)}万元" for k, v in sums.items())


def declaration(project: "Project", ctx: dict[str, Any]) -> dict[str, Any]:
    budget = ctx["budget"]
    columns = funding(budget)
    others = [s for s in budget.get("sources") or [] if isinstance(s, dict) and not any(
        s.get("type") in types for types in FUNDING_COLUMNS.values())]
    return {
        "funding": columns,
        "funding_other_text": join([f"{s.get('source') or '未写来源'} {wan(s.get('amount'))}万元" for s in others], "；"),
        "composition_text": composition(budget),
        "remarks_text": remarks(project, others),
    }


def remarks(project: "Project", others: list[dict[str, Any]]) -> str:
    """备注: the project's remarks, then the funding sources the four columns cannot show, one "；" between them
    (never "。；")."""
    text = str(project.get("needs.yaml", "remarks") or "").strip()
    extra = join([f"{s.get('source') or '未写来源'} {wan(s.get('amount'))}万元" for s in others], "；")
    if not extra:
        return text
    return (text.rstrip("。；;，,") + "；" if text else "") + f"其他资金来源：{extra}"


def period_text(project: "Project", ctx: dict[str, Any]) -> str | None:
    period = project.get("project.yaml", "period") or {}
    if not period.get("start") and not period.get("end"):
        return None
    return f"{fmt_month(period.get('start')) or '未定'} 至 {fmt_month(period.get('end')) or '未定'}"


def scope_text(project: "Project", ctx: dict[str, Any]) -> str | None:
    phase = project.get("project.yaml", "phase") or {}
    return labelled(
        ("", value_of("project.yaml", "summary")),
        ("建设性质", value_of("project.yaml", "build_type")),
        ("项目周期", period_text),
        ("分期建设", lambda p, c: f"第{phase['number']}期，共{phase.get('total') or '?'}期" if phase.get("number") else None),
    )(project, ctx)


def network_text(project: "Project", ctx: dict[str, Any]) -> str | None:
    network = project.get("project.yaml", "network") or {}
    parts = []
    if network.get("new_private_network") is False:
        parts.append("不新建业务专网，政务数据通过电子政务网络传输")
    elif network.get("new_private_network") is True:
        parts.append("新建业务专网")
    for item in network.get("private_networks") or []:
        if isinstance(item, dict) and item.get("name"):
            state = "已并入或接入电子政务网络" if item.get("joined") else "尚未并入或接入电子政务网络"
            parts.append(f"使用已有业务专网“{item['name']}”，{state}" + (f"（{item['note']}）" if item.get("note") else ""))
    return "；".join(parts) or None


def hardware_text(project: "Project", ctx: dict[str, Any]) -> str | None:
    lines = [f"{line.get('name')} {wan(line.get('amount'))}万元" for line in ctx.get("budget_lines") or []
             if line.get("category") == "硬件购置"]
    return ("预算中的设备：" + "；".join(lines)) if lines else None


OUTLINE: tuple[Chapter, ...] = (
    Chapter("第一章  项目概述", items=(
        Item("c1_1", "1. 项目名称", "", value_of("project.yaml", "name"), "project.yaml → name"),
        Item("c1_2", "2. 项目建设单位及负责人", "", unit_and_leader, "project.yaml → unit、contacts"),
        Item("c1_3", "3. 编制依据", "", lambda p, c: basis_text(p), "project.yaml → basis"),
        Item("c1_4", "4. 建设目标、规模、内容、周期", "", scope_text, "project.yaml → summary、build_type、period、phase"),
        Item("c1_5", "5. 总投资估算及来源", "", total_text, "budget.yaml → total、sources"),
        Item("c1_6", "6. 经济及社会效益"),
    )),
    Chapter("第二章  单位现状", items=(
        Item("c2_1", "1. 项目建设单位概况", "（单位职能、人员编制、业务情况、拟建项目与单位职能及业务的关系）"),
        Item("c2_2", "2. 信息化现状", "（信息化整体架构规划或设想、现有系统情况、拟建项目与现有系统的关系、现有网络、设备以及其他"
             "信息资源情况）", first(value_of("needs.yaml", "integration"), value_of("needs.yaml", "current_state")),
             "needs.yaml → integration（单位信息化项目现状及整合情况）或 current_state"),
    )),
    Chapter("第三章  需求分析", items=(
        Item("c3_1", "1. 项目建设的背景"),
        Item("c3_2", "2. 项目建设的依据", "", lambda p, c: basis_text(p), "project.yaml → basis"),
        Item("c3_3", "3. 采用信息系统实现业务需要的需求分析", "（业务现状、存在问题和业务目标；业务对信息系统的具体需求；实施该项目"
             "与解决业务问题、实现业务目标的关系）", value_of("needs.yaml", "description"), "needs.yaml → description"),
        Item("c3_4", "4. 业务流程分析", "（从管理和技术等方面分析现有业务流程；描述新业务流程，说明流程优化的情况）"),
        Item("c3_5", "5. 功能需求分析", "（拟建系统的各项功能。分析功能需求、网络设备要求、响应速度要求、存储要求、系统安全要求）",
             value_of("needs.yaml", "functions"), "needs.yaml → functions（项目内容及功能）"),
        Item("c3_6", "6. 数据分析", "（数据流量和属性分析、数据量分析）", resources_text,
             "sharing.yaml → description、resources"),
        Item("c3_7", "7. 安全需求分析", "（评估安全风险、确定安全等级、商用密码应用建设方案、信息安全保障体系构成方式）",
             lambda p, c: c.get("security_text"), "security.yaml → level、plan、crypto"),
        Item("c3_8", "8. 设备需求分析", "（网络设备、服务器、数据存储、数据备份、安全设备、用户终端）", hardware_text,
             "budget.yaml → lines 中类别为“硬件购置”的各项"),
        Item("c3_9", "9. 软件需求分析", "（分析操作系统、数据库、中间件、应用系统等的要求）"),
    )),
    Chapter("第四章  建设方案", items=(
        Item("c4_1", "1. 建设目标", "（从业务、功能和效益等方面说明项目建设的预期目标并与现状进行对比。根据目标，应确定可以作为项目"
             "验收标准的具体指标和内容，并以表格的方式列举。此外，还应对项目建成后可公开、共享和交换的信息予以明确说明）",
             labelled(("", value_of("project.yaml", "summary")), ("可共享的信息", opening_text("sharing")),
                      ("可开放的信息", opening_text("opening"))),
             "project.yaml → summary；sharing.yaml → sharing、opening"),
        Item("c4_2", "2. 总体架构", "（根据建设内容，详细描述项目的总体架构、系统布局、应用系统功能）",
             value_of("construction.yaml", "content"), "construction.yaml → content"),
        Item("c4_3", "3. 应用系统", "（说明应用系统的结构，主要功能设计，子系统划分和功能模块，同时说明各子系统的信息处理流程、输入"
             "输出信息、系统数据处理量和主要应用接口等）", value_of("construction.yaml", "refined_needs"),
             "construction.yaml → refined_needs"),
        Item("c4_4", "4. 网络系统", "（用网络拓扑图描述。说明各类软硬件的功能、数量、性能等配置方案和选型理由）", network_text,
             "project.yaml → network"),
        Item("c4_5", "5. 服务器和存储系统", "（说明各类软硬件的功能、数量、性能等配置方案和选型理由）",
             value_of("needs.yaml", "cloud_status"), "needs.yaml → cloud_status（信息资源上云情况）"),
        Item("c4_6", "6. 软件", "（逐一说明所需操作系统、数据库、中间件等产品软件的功能、数量、性能等配置方案和选型理由）"),
        Item("c4_7", "7. 系统安全", "（按照安全等级，根据用户、网络、系统等确定不同安全域；针对不同层次的安全需求分层部署；说明主要"
             "设备选型理由和配置）", lambda p, c: c.get("security_text"), "security.yaml → level、plan、crypto"),
        Item("c4_8", "8. 其他辅助设施和设备建设内容", "（逐一说明各辅助设施和设备建设内容、选型理由和配置要求）"),
        Item("c4_9", "9. 土建及配套工程", "（说明机房建设在面积、配套设施和安全等方面的需求和配置，对项目建设不涉及的内容，在本节中"
             "无须说明和描述）"),
    )),
    Chapter("第五章  项目实施进度和组织安排", items=(
        Item("c5_1", "1. 项目建设周期", "", period_text, "project.yaml → period（项目周期）"),
        Item("c5_2", "2. 项目实施计划"),
        Item("c5_3", "3. 责任人和组织保障", "", contacts_text, "project.yaml → contacts"),
    )),
    Chapter("第六章  项目风险及控制措施", "项目建设可能遇到的风险及针对性控制措施。", key="c6"),
    Chapter("第七章  总投资详细估算和资金来源",
            "所有的投资构成有详细的列表和说明，并与建设内容一一对应。投资估算可以参照某品牌估计费用，但不得指定品牌。投资估算应当逐一"
            "分解和细化。对各类设备和产品软件的主要功能、性能指标、数量、单价和用途，应当详细说明。对拟开发的应用系统，应当根据应用"
            "系统各子系统计其功能模块的具体功能和性质等，逐一详细估算工作量。",
            key="c7", fill=budget_intro, source="budget.yaml → total、lines、sources", table="budget"),
    Chapter("第八章  经济和社会效益", items=(
        Item("c8_1", "1. 项目经济效益", "（定量和定性分析直接和间接经济效益）"),
        Item("c8_2", "2. 项目社会效益", "（分析项目建成后可公开、共享、交换的信息及其效益；在业务、服务、管理等方面的效益）",
             labelled(("可共享的信息", opening_text("sharing")), ("可开放的信息", opening_text("opening"))),
             "sharing.yaml → sharing、opening"),
    )),
)


def construction_only(project: "Project") -> tuple[bool, str]:
    if project.kind == "om":
        return False, "运维类项目不需要（附件2 是建设类项目的需求说明，第六条）"
    return True, ""


FORMS: tuple[Form, ...] = (
    Form("declaration", "yb", "渝北区政务信息化项目需求申报表", "第五条、第六条", declaration, annex="附件1",
         note="建设类和运维类项目申报时填报，填报单位盖章；资金按来源分栏（万元）",
         sources={"funding": "budget.yaml → sources（按资金类型 type 归入中央、市、区财政资金和自有资金）",
                  "funding_other_text": "budget.yaml → sources 中不属于四栏的来源",
                  "composition_text": "budget.yaml → lines（按类别汇总）",
                  "remarks_text": "needs.yaml → remarks（备注）；budget.yaml → sources 中不属于四栏的来源"}),
    Form("requirements", "yb", "渝北区政务信息化建设类项目需求说明", "第六条", annex="附件2", outline=OUTLINE,
         needed=construction_only, note="编制大纲八章；项目文件中有的内容已填入，其余显示大纲的编写要求"),
    summary_form("yb"),
)
