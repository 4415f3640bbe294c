"""Beijing's rules, one per obligation of 京经信委发〔2016〕1号. Codes BJ + article (2 digits) + variant."""
from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Iterator

from govproj.core.deadlines import DONE, DUE, FROM, OVERDUE, PENDING, DayOfYear, DeadlineSet, EventDate, FieldValue, Period, Workdays, \
    estimate_note
from govproj.packs.model import Stage
from govproj.packs import bodies
from govproj.packs.helpers import blank, decided, fmt_date, require, require_document, require_event, require_signoff
from govproj.core.rules import period, threshold  # noqa: F401
from govproj.core.rules import Citation, Context, Finding, RuleSet, Setting

if TYPE_CHECKING:
    from govproj.core.project import Project

DOC = "京经信委发〔2016〕1号"
RULES = RuleSet("BJ")
DEADLINES = DeadlineSet("BJ")  # the dates BJ031, BJ062, BJ102, BJ111 and BJ131 derive; `govproj deadlines` lists them

STAGES: tuple[Stage, ...] = (
    Stage("plan", "制定规划", "一"),
    Stage("needs", "确认业务需求", "二"),
    Stage("declare", "编制申报书", "三"),
    Stage("prereview", "前置评审", "四"),
    Stage("approval", "项目立项", "五"),
    Stage("refine", "细化建设内容", "六", baseline=True),
    Stage("contract", "确定承建单位", "七"),
    Stage("acceptance", "项目验收", "八"),
    Stage("evaluation", "绩效评估", "九"),
)
_IDS = [s.id for s in STAGES]


def since(stage: str) -> tuple[str, ...]:
    return tuple(_IDS[_IDS.index(stage):])


def cite(article: int, quote: str) -> Citation:
    return Citation(DOC, f"第{article}条", quote)


# ---- 一、制定规划 ---------------------------------------------------------------------------------------------

@RULES.rule("BJ011", "信息化规划和顶层设计方案未报送", severity="error", stages=since("needs"),
            citation=cite(1, "各单位信息化主管部门要按照国家和本市有关要求制定本单位、本行业的信息化规划和顶层设计方案"
                             "（以下简称“规划和方案”），并及时报送我委。"),
            message="没有记录本单位的信息化规划和顶层设计方案及其报送",
            hint="在 documents.it_plan 写方案名称并附证据，在 events.plan_reported 写报送日期")
def plan_reported(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    project.yaml 是否记录了本单位的信息化规划和顶层设计方案（`documents.it_plan`）以及报送市经信委的日期
    （`events.plan_reported.date`）。从“确认业务需求”阶段起检查。

    ## 为什么
    第1条要求各单位制定规划和方案并及时报送；第5条新建项目以规划、顶层设计方案为依据。

    ## 通过示例
    ```yaml
    documents: {it_plan: {title: 某局“十四五”信息化规划, evidence: [evidence/规划.pdf]}}
    events: {plan_reported: {date: 2025-03-10}}
    ```
    ## 不通过示例
    ```yaml
    documents: {}
    ```
    """
    yield from require_document(project, "it_plan", "信息化规划和顶层设计方案", need=("title",))
    yield from require_event(project, "plan_reported", "规划和方案报送")


@RULES.rule("BJ031", "年度项目实施计划未在5月底前报送", severity="warning", stages=since("prereview"), kinds=("new",),
            citation=cite(3, "年度项目实施计划应于每年5月底前报送我委，未及时报送的，我委原则上不予受理新增项目申报。"),
            message="年度项目实施计划没有在申报当年5月31日前报送，新增项目申报原则上不予受理",
            settings=(Setting("planned_declared", "date", "尚未申报时的计划申报日期（YYYY-MM-DD）：期限按它的年份推算，"
                                                        "在申报之前只作“未到期”提示，不算逾期"),),
            hint="在 events.annual_plan_reported 记录报送日期；未按时报送的，申报前与市经信委沟通",
            boundaries=(period("申报当年5月31日（5月底）", "底前", True, "2026-05-31（星期日）报送按时，2026-06-01 报送晚了"),))
def annual_plan(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    新建（新增）项目：申报当年的年度项目实施计划是否在当年5月31日（含）之前报送。申报年度取
    `events.declared.date` 的年份。尚未申报时，期限还没有开始计算：`govproj deadlines` 和 `status` 把它列为“未到期”，
    从不算逾期；年份取设置 `settings: {BJ031: {planned_declared: 2027-03-01}}` 给出的计划申报日期，没有时取
    5月31日尚未过去的最近一年。

    ## 为什么
    第3条：“年度项目实施计划应于每年5月底前报送我委，未及时报送的，我委原则上不予受理新增项目申报。”
    “5月底前”包括5月31日当天。“原则上”意味着有例外，所以是警告。

    ## 通过示例
    ```yaml
    events: {annual_plan_reported: {date: 2026-05-31}, declared: {date: 2026-07-10}}
    ```
    ## 不通过示例
    ```yaml
    events: {annual_plan_reported: {date: 2026-06-01}, declared: {date: 2026-07-10}}
    ```
    """
    due = DEADLINES.first("BJ031", project, ctx)
    assert due is not None  # the declaration year falls back to a planned date or today's
    reported, year = due.done_on, due.due.year
    if reported is None and due.status == PENDING:
        return  # not declared yet: the deadline has not started to run (the missing declaration is BJ0xx's finding)
    if reported is None:
        yield Finding("project.yaml", ("events", "annual_plan_reported"),
                      f"没有记录 {year} 年度项目实施计划的报送日期（应在 {fmt_date(due.due)} 前）")
    elif not due.on_time:
        yield Finding("project.yaml", ("events", "annual_plan_reported", "date"),
                      f"年度项目实施计划 {fmt_date(reported)} 报送，申报年度 {year} 的截止日是"
                      f" {fmt_date(due.due)}；新增项目申报原则上不予受理")


DEADLINES.declare("BJ031", "报送年度项目实施计划", DayOfYear(5, 31, same_year=True),
                  start=EventDate("declared", today_if_missing=True, planned="planned_declared"),
                  done=EventDate("annual_plan_reported"),
                  term="申报当年5月31日前（含当天）")


# ---- 二、确认业务需求 -----------------------------------------------------------------------------------------

NEEDS_FIELDS = (
    (("service_targets",), "服务对象"),
    (("existing_system",), "是否已有应用系统"),
    (("historical_data",), "是否有历史数据"),
    (("description",), "项目需求描述"),
)


@RULES.rule("BJ041", "需求确认表未填完整", severity="error", stages=since("declare"),
            citation=cite(4, "各单位信息化主管部门应会同业务部门梳理项目业务应用需求，填写“信息化项目需求确认表”（模板见附件1）"),
            message="信息化项目需求确认表（附件1）有未填写的栏目", hint="在 needs.yaml 填写该栏目")
def needs_filled(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    needs.yaml（附件1 信息化项目需求确认表）的服务对象、是否已有应用系统、是否有历史数据、项目需求描述是否都已填写；
    已有系统时还要写应用现状。从“编制申报书”阶段起检查。

    ## 为什么
    第4条要求梳理业务应用需求并填写需求确认表，避免重复建设和投资浪费；第10条把签字确认的需求确认表列为申报材料。

    ## 通过示例
    ```yaml
    service_targets: [政府单位]
    existing_system: true
    historical_data: true
    current_state: 现有系统于2019年建成……
    description: 背景、依据、预期目标……
    ```
    ## 不通过示例
    ```yaml
    service_targets: []
    description:
    ```
    """
    for path, label in NEEDS_FIELDS:
        yield from require(project, "needs.yaml", path, label)
    if project.get("needs.yaml", "existing_system") is True:
        yield from require(project, "needs.yaml", ("current_state",), "应用现状",
                           "已有应用系统时写明：已有系统概述、应用情况、数据资源情况")


@RULES.rule("BJ042", "需求确认表未签字", severity="error", stages=since("declare"),
            citation=cite(10, "签字确认的“信息化项目需求确认表”"),
            message="需求确认表缺少业务部门负责人或业务主管领导的签字和日期",
            hint="在 needs.yaml 的 signoffs 记录签字人和签字日期，扫描件放入 evidence/")
def needs_signed(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    附件1 的两个签字栏（业务部门负责人意见、业务主管领导意见）是否都记录了签字人和签字日期。

    ## 为什么
    第10条要求申报材料包括“签字确认的‘信息化项目需求确认表’”；附件1 设有两个“签字：日期：”栏。

    ## 通过示例
    ```yaml
    signoffs:
      business_head: {name: 李明, date: 2026-04-02}
      business_leader: {name: 王芳, date: 2026-04-03}
    ```
    ## 不通过示例
    ```yaml
    signoffs:
      business_head: {name: 李明}
    ```
    """
    yield from require_signoff(project, "needs.yaml", ("signoffs", "business_head"), "业务部门负责人意见")
    yield from require_signoff(project, "needs.yaml", ("signoffs", "business_leader"), "业务主管领导意见")


@RULES.rule("BJ051", "新建项目缺少依据", severity="error", stages=since("declare"), kinds=("new",),
            citation=cite(5, "新建项目要有规划、信息化顶层设计方案或上级单位文件要求等依据。"),
            message="新建项目没有写明依据（规划、信息化顶层设计方案或上级单位文件要求）",
            hint="在 project.yaml 的 basis 列出依据文件：类型、名称、文号")
def new_basis(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    新建项目的 `basis` 是否至少有一项依据，且每项写了类型和文件名称。

    ## 为什么
    第5条：“新建项目要有规划、信息化顶层设计方案或上级单位文件要求等依据。”

    ## 通过示例
    ```yaml
    basis: [{type: 规划, title: 某局“十四五”信息化发展规划, doc_no: 某发〔2021〕3号}]
    ```
    ## 不通过示例
    ```yaml
    basis: []
    ```
    """
    items = list(project.items("project.yaml", "basis"))
    if not items:
        yield Finding("project.yaml", ("basis",))
    for index, item in items:
        if blank(item.get("title")):
            yield Finding("project.yaml", ("basis", index), "依据缺少文件名称", "写出依据文件的名称和文号")
        if blank(item.get("type")):
            yield Finding("project.yaml", ("basis", index), "依据缺少类型", "类型写 规划、顶层设计、上级文件 或 其他")


@RULES.rule("BJ061", "升级改造项目缺少前期项目情况", severity="error", stages=since("declare"), kinds=("upgrade",),
            citation=cite(6, "升级改造项目还应依托前期项目验收成果和绩效，明确与前期项目的业务边界，充分利用已有建设成果。"),
            message="升级改造项目没有写明前期项目的验收成果、绩效或业务边界",
            hint="在 project.yaml 的 predecessor 填写前期项目名称、验收日期和成果、绩效、业务边界")
def predecessor_described(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    升级改造项目的 `predecessor` 是否写了前期项目名称、验收日期、验收成果、绩效和与前期项目的业务边界。

    ## 为什么
    第6条：升级改造项目“应依托前期项目验收成果和绩效，明确与前期项目的业务边界，充分利用已有建设成果”。

    ## 通过示例
    ```yaml
    predecessor: {name: 一期, accepted_on: 2023-06-30, acceptance_result: …, performance: …, boundary: …}
    ```
    ## 不通过示例
    ```yaml
    predecessor: {name: 一期}
    ```
    """
    for key, label in (("name", "前期项目名称"), ("accepted_on", "前期项目验收日期"),
                       ("acceptance_result", "前期项目验收成果"), ("performance", "前期项目绩效"),
                       ("boundary", "与前期项目的业务边界")):
        yield from require(project, "project.yaml", ("predecessor", key), label)


@RULES.rule("BJ062", "前期项目正式运行未满1年", severity="error", stages=since("declare"), kinds=("upgrade",),
            citation=cite(6, "前期项目正式运行未满1年的项目不得升级改造。"),
            message="前期项目正式运行未满1年，不得升级改造",
            hint="等前期项目正式运行满1年后再申报；若运行起始日期填错，改正 predecessor.operation_since",
            boundaries=(period("前期项目正式运行1年", "满", False, "2025-03-01 起运行：2026-03-01 申报未满1年，2026-03-02 起申报已满1年"),))
def predecessor_one_year(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    升级改造项目：前期项目正式运行起始日（`predecessor.operation_since`）到申报日（`events.declared.date`，
    尚未申报时取今天）是否已满1年。

    期间按《民法典》第二百零一条至第二百零三条计算（core/periods.py，各地共用）：起始日不计入，期间到到期年的
    对应日（没有对应日的，为该月末日）24时届满，“满1年”自次日起成立；这是条件而不是办事期限，不因节假日顺延。
    运行自 2025-03-01 起，2026-03-01 24时届满：2026-03-02 申报已满1年；2026-03-01 申报则未满。

    ## 为什么
    第6条：“前期项目正式运行未满1年的项目不得升级改造。”这是禁止性规定，所以是错误。

    ## 通过示例
    ```yaml
    predecessor: {operation_since: 2025-03-01}
    events: {declared: {date: 2026-03-02}}
    ```
    ## 不通过示例
    ```yaml
    predecessor: {operation_since: 2025-03-01}
    events: {declared: {date: 2026-03-01}}
    ```
    """
    earliest = DEADLINES.first("BJ062", project, ctx)
    if earliest is None:
        yield Finding("project.yaml", ("predecessor", "operation_since"), "没有写前期项目正式运行的起始日期",
                      "在 predecessor.operation_since 写前期项目投入正式运行的日期（YYYY-MM-DD）")
        return
    since_date, full_year = earliest.event_date, earliest.due
    assert since_date is not None
    reference = earliest.done_on or ctx.today
    if reference < full_year:
        what = "申报日" if project.event_date("declared") else "今天"
        yield Finding("project.yaml", ("predecessor", "operation_since"),
                      f"前期项目 {fmt_date(since_date)} 起正式运行，到{what} {fmt_date(reference)} 未满1年"
                      f"（{fmt_date(full_year)} 起方满1年），不得升级改造")


DEADLINES.declare("BJ062", "申报升级改造项目（前期项目正式运行满1年后）", Period(years=1, elapsed=True),
                  start=FieldValue("project.yaml", ("predecessor", "operation_since"), "前期项目正式运行"),
                  done=EventDate("declared"), bound=FROM, term="正式运行满1年（对应日届满，次日起）")


# ---- 三、编制申报书 -------------------------------------------------------------------------------------------

def _platform_names() -> tuple[str, ...]:
    from govproj.packs.bj.data import PLATFORMS

    return tuple(name for name, _ in PLATFORMS)


@RULES.rule("BJ071", "未使用市级共性平台", severity="warning", stages=since("prereview"),
            citation=cite(7, "项目要符合全市统筹集约要求，充分利用市级政务云等现有市级和单位内部共性平台、共用控件"
                             "（市级共性平台列表见附件2）。"),
            message="项目没有声明使用任何市级共性平台（附件2）",
            hint="在 project.yaml 的 platforms 列出使用的市级共性平台，如 市级政务云、市政务信息资源共享交换平台")
def platforms_used(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    `platforms` 是否至少列出一个附件2 市级共性平台。

    ## 为什么
    第7条要求充分利用市级政务云等共性平台；第1条要求规划和方案充分依托市级政务云等全市共性平台。一个平台都不用，
    前置评审“统筹集约”一项（第12条）难以通过。确有理由（如涉密）时用豁免（waivers）写明。

    ## 通过示例
    ```yaml
    platforms: [市级政务云, 市政务信息资源共享交换平台]
    ```
    ## 不通过示例
    ```yaml
    platforms: []
    ```
    """
    if not project.get("project.yaml", "platforms"):
        yield Finding("project.yaml", ("platforms",))


@RULES.rule("BJ072", "共性平台名称不在附件2列表中", severity="error", stages=(),
            citation=cite(7, "充分利用市级政务云等现有市级和单位内部共性平台、共用控件（市级共性平台列表见附件2）。"),
            message="platforms 里的名称不是附件2 的市级共性平台",
            hint="照附件2 的名称写（`govproj explain BJ072` 列出全部22个）；单位内部平台写在 internal_platforms")
def platform_names(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    `platforms` 的每一项是否是附件2《市级共性平台列表》中的名称。全部22个：
    市电子政务内网、市人口基础信息数据库、市宏观经济与社会发展基础数据库、首都之窗政务网站共性平台、
    市级公务员电子邮箱系统、市法人网上统一认证平台、市政务信息资源共享交换平台、市移动电子政务平台、
    市物联网应用支撑平台、市政务地理空间信息共享服务平台、共性办公云组件、市政务数据资源网、
    市全球卫星定位综合服务系统（含北斗）、市法人基础信息服务库、市级政务云、首都城市综合信息服务平台（北京网）、
    市移动公共服务平台（北京服务您）、市电子政务外网（含市物联数据专网）、市800M无线政务网、市应急卫星网、
    市政务信息安全监控预警平台、市信息安全容灾备份基础平台。

    ## 为什么
    统一名称才能统计和核对平台的使用情况（第7条、附件2）；写错的名称让评审无法确认。

    ## 通过示例
    ```yaml
    platforms: [市级政务云]
    ```
    ## 不通过示例
    ```yaml
    platforms: [北京市政务云]
    ```
    """
    names = _platform_names()
    for index, value in enumerate(project.get("project.yaml", "platforms", default=[]) or []):
        if isinstance(value, str) and value not in names:
            from difflib import get_close_matches  # only when something is misspelt
            close = get_close_matches(value, names, n=1, cutoff=0.3)
            yield Finding("project.yaml", ("platforms", index), f"“{value}”不是附件2 的市级共性平台",
                          (f"是不是“{close[0]}”？" if close else "") + "单位内部平台写在 internal_platforms")


@RULES.rule("BJ081", "信息资源共享开放表未填完整", severity="error", stages=since("prereview"),
            citation=cite(8, "编制项目信息资源共享开放方案，填写“信息资源共享开放表”（模板见附件3）。"),
            message="信息资源共享开放表（附件3）有未回答的“是/否”栏目",
            hint="在 sharing.yaml 回答：是否涉及信息资源建设、是否提供共享、是否提供开放")
def sharing_filled(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    sharing.yaml 是否回答了附件3 的三个问题：是否涉及信息资源建设（`resource_building`）、是否提供信息资源共享
    （`sharing.provided`）、是否提供信息资源开放（`opening.provided`）；涉及资源建设时还要写来源和具体说明。

    ## 为什么
    第8条要求填写信息资源共享开放表；第10条把它列为申报材料。

    ## 通过示例
    ```yaml
    resource_building: true
    sources: [本部门]
    description: 建设地名地址库……
    sharing: {provided: true, items: [...]}
    opening: {provided: false, basis: …, reason: …}
    ```
    ## 不通过示例
    ```yaml
    sharing: {items: []}
    ```
    """
    yield from require(project, "sharing.yaml", ("resource_building",), "是否涉及信息资源建设")
    yield from require(project, "sharing.yaml", ("sharing", "provided"), "是否提供信息资源共享")
    yield from require(project, "sharing.yaml", ("opening", "provided"), "是否提供信息资源开放")
    if project.get("sharing.yaml", "resource_building") is True:
        yield from require(project, "sharing.yaml", ("sources",), "信息资源来源")
        yield from require(project, "sharing.yaml", ("description",), "信息资源具体说明",
                           "重点描述信息资源（数据库）名称、数据内容、数据来源及方式、保障机制等")


_DUTY = {
    "sharing": ("共享", (("name", "数据名称"), ("content", "数据具体内容"), ("scope", "共享范围"), ("frequency", "共享频率"))),
    "opening": ("开放", (("name", "数据名称"), ("scope", "开放范围"), ("frequency", "开放频率"), ("manner", "开放方式"))),
}


@RULES.rule("BJ082", "共享开放的清单或不共享的理由不完整", severity="error", stages=since("prereview"),
            citation=cite(8, "各单位要严格按照“信息资源共享开放为常态、不共享开放为例外”的原则"),
            message="提供共享/开放时缺少资源清单，或不提供时缺少依据和理由",
            hint="提供的，在 items 列出每项资源；不提供的，写明 basis（依据）和 reason（理由）")
def sharing_duty(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    对共享（`sharing`）和开放（`opening`）分别检查：
    - 选“是”（`provided: true`）：`items` 至少一项，每项写明附件3 要求的内容——共享：数据名称、数据具体内容、
      共享范围、共享频率；开放：数据名称、开放范围、开放频率、开放方式；
    - 选“否”：必须写明依据（`basis`）和理由（`reason`）。

    ## 为什么
    第8条：“信息资源共享开放为常态、不共享开放为例外”；附件3：“不能提供共享的要说明依据和理由”，
    “不能提供开放的要说明依据和理由”。第25条：不符合共享开放要求的项目不得通过验收。

    ## 通过示例
    ```yaml
    opening: {provided: false, basis: 《某某数据管理办法》第十条, reason: 含个人信息}
    ```
    ## 不通过示例
    ```yaml
    opening: {provided: false}
    ```
    """
    for key, (word, needed) in _DUTY.items():
        block = project.get("sharing.yaml", key)
        if not isinstance(block, dict) or block.get("provided") is None:
            continue  # BJ081 reports the unanswered question
        if block["provided"] is True:
            items = list(project.items("sharing.yaml", key, "items"))
            if not items:
                yield Finding("sharing.yaml", (key, "items"), f"选择了提供信息资源{word}，但没有列出资源清单",
                              f"在 {key}.items 列出可{word}的信息资源")
            for index, item in items:
                missing = [label for field, label in needed if blank(item.get(field))]
                if missing:
                    yield Finding("sharing.yaml", (key, "items", index),
                                  f"{word}资源“{item.get('name') or index + 1}”缺少{'、'.join(missing)}",
                                  f"按附件3 写明{'、'.join(label for _, label in needed)}")
        else:
            for field, label in (("basis", "依据"), ("reason", "理由")):
                if blank(block.get(field)):
                    yield Finding("sharing.yaml", (key, field) if field in block else (key, "provided"),
                                  f"不提供信息资源{word}，但没有说明{label}",
                                  f"“不共享开放为例外”：在 {key}.{field} 写明不{word}的{label}")


@RULES.rule("BJ091", "缺少网络安全方案", severity="error", stages=since("prereview"),
            citation=cite(9, "项目要充分考虑网络安全要求，编制完整的网络安全方案。"),
            message="没有网络安全方案", hint="在 security.yaml 的 plan 写方案名称并附上方案文件")
def security_plan(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    security.yaml 的 `plan` 是否写明网络安全方案的名称并附有方案文件（`evidence`）。

    ## 为什么
    第9条：“项目要充分考虑网络安全要求，编制完整的网络安全方案。”第11条前置评审包括网络安全方案评审。

    ## 通过示例
    ```yaml
    plan: {title: 网络安全方案, evidence: [evidence/网络安全方案.pdf]}
    ```
    ## 不通过示例
    ```yaml
    plan: {}
    ```
    """
    yield from require(project, "security.yaml", ("plan", "title"), "网络安全方案名称")
    if project.has("security.yaml") and project.get("security.yaml", "plan", "title"):
        yield from require(project, "security.yaml", ("plan", "evidence"), "网络安全方案文件",
                           "把网络安全方案文件放入 evidence/ 并在 plan.evidence 引用")


@RULES.rule("BJ101", "申报材料不齐", severity="error", stages=since("prereview"),
            citation=cite(10, "提交项目申报材料，包括：加盖局级单位公章的申报函、项目申报书以及签字确认的“信息化项目需求确认表”、"
                              "“信息资源共享开放表”、项目预算明细表及相关证明材料。"),
            message="申报材料不齐：申报函（盖章）、项目申报书、项目预算明细表、提交日期",
            hint="在 project.yaml 的 documents 和 events.declared 补齐，预算明细写在 budget.yaml")
def declaration_package(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    进入前置评审前，申报材料是否齐全：
    - `documents.declaration_letter`：申报函，加盖局级单位公章（`sealed: true`），附扫描件；
    - `documents.application`：项目申报书，附文件；
    - budget.yaml 有总投资和预算明细（项目预算明细表）；
    - `events.declared.date`：通过系统提交的日期。
    需求确认表的签字由 BJ042、共享开放表由 BJ081/BJ082 检查。

    ## 为什么
    第10条列出了申报材料的清单。

    ## 通过示例
    ```yaml
    documents:
      declaration_letter: {title: 申报函, sealed: true, evidence: [evidence/申报函.pdf]}
      application: {title: 项目申报书, evidence: [evidence/申报书.pdf]}
    events: {declared: {date: 2026-07-15}}
    ```
    ## 不通过示例
    ```yaml
    documents:
      declaration_letter: {title: 申报函, sealed: false}
    ```
    """
    yield from require_document(project, "declaration_letter", "申报函", need=("sealed", "evidence"),
                                hint="申报函须加盖局级单位公章：盖章后写 sealed: true，并附扫描件")
    yield from require_document(project, "application", "项目申报书", need=("evidence",))
    yield from require(project, "budget.yaml", ("total",), "总投资")
    yield from require(project, "budget.yaml", ("lines",), "项目预算明细", "在 budget.yaml 的 lines 列出预算明细")
    yield from require_event(project, "declared", "提交申报")


@RULES.rule("BJ102", "升级改造项目未在上一年7月底前申报", severity="warning", stages=since("prereview"),
            kinds=("upgrade",),
            citation=cite(10, "各单位一般应于每年7月底前申报下一年度升级改造类项目。"),
            message="下一年度升级改造类项目应在当年7月31日前申报",
            hint="按预算年度的上一年7月31日前申报；已晚的，与市经信委沟通",
            boundaries=(period("预算年度上一年的7月31日（7月底）", "底前", True, "2028 年度项目：2027-07-31（星期六）申报按时，2027-08-02 申报晚了"),))
def upgrade_by_july(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    升级改造项目：申报日（`events.declared.date`）是否在预算年度（`budget_year`）上一年的7月31日（含）之前。

    ## 为什么
    第10条：“各单位一般应于每年7月底前申报下一年度升级改造类项目。”“一般应”是原则要求，所以是警告。

    ## 通过示例
    ```yaml
    budget_year: 2027
    events: {declared: {date: 2026-07-31}}
    ```
    ## 不通过示例
    ```yaml
    budget_year: 2027
    events: {declared: {date: 2026-08-01}}
    ```
    """
    year = project.get("project.yaml", "budget_year")
    declared = project.event_date("declared")
    if not isinstance(year, int):
        yield Finding("project.yaml", ("budget_year",), "没有写预算年度，无法判断是否在上一年7月底前申报",
                      "在 project.yaml 写 budget_year，如 2027")
        return
    if declared is None:
        return  # BJ101 reports the missing declaration
    due = DEADLINES.first("BJ102", project, ctx)
    assert due is not None
    if not due.on_time:
        yield Finding("project.yaml", ("events", "declared", "date"),
                      f"{year} 年度升级改造项目 {fmt_date(declared)} 申报，晚于 {fmt_date(due.due)}")


DEADLINES.declare("BJ102", "申报下一年度升级改造项目", DayOfYear(7, 31, year_offset=-1),
                  start=FieldValue("project.yaml", ("budget_year",), "预算年度"), done=EventDate("declared"),
                  term="预算年度上一年的7月31日前（含当天）")


# ---- 四、前置评审 ---------------------------------------------------------------------------------------------

@RULES.rule("BJ111", "前置评审期限（20个工作日）", severity="info", stages=("prereview", "approval"),
            citation=cite(11, "自项目受理之日起，我委20个工作日内完成前置评审工作。"),
            message="前置评审应在受理后20个工作日内完成",
            hint="超过期限仍未收到意见函的，向市经信委询问评审进度",
            boundaries=(period("20个工作日（自受理之日起）", "个工作日内", True, "2026-02-06 受理：第20个工作日是 2026-03-12（春节假期不计、调休上班日计入），3-12 出具按时，3-13 逾期"),))
def prereview_period(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    根据受理日（`events.prereview_accepted.date`）算出前置评审应完成的日期：受理日不计入，往后数20个工作日
    （法定节假日不算，调休上班日算）。
    - 尚未收到意见函：今天在期限内为提示（写明预计日期），已过期限为警告；
    - 意见函日期晚于期限：提示（期限是市经信委的义务，不影响项目）。

    ## 为什么
    第11条：“自项目受理之日起，我委20个工作日内完成前置评审工作。”

    ## 通过示例
    受理 2026-09-25，意见函 2026-10-29（国庆中秋假期不计，期限为 2026-10-30）。
    ## 不通过示例
    受理 2026-09-01，到 2026-10-15 仍未记录意见函。
    """
    accepted = project.event_date("prereview_accepted")
    if accepted is None:
        if project.stage == "prereview":
            yield Finding("project.yaml", ("events", "prereview_accepted"), "没有记录前置评审的受理日期，无法推算评审期限",
                          "在 events.prereview_accepted 写受理日期")
        return
    deadline = DEADLINES.first("BJ111", project, ctx)
    assert deadline is not None
    due, opinion = deadline.due, deadline.done_on
    estimated = deadline.estimated_years
    note = estimate_note(estimated)
    if opinion is None:
        if deadline.status == OVERDUE:
            yield Finding("project.yaml", ("events", "prereview_accepted", "date"),
                          f"{fmt_date(accepted)} 受理，20个工作日期限 {fmt_date(due)} 已过，仍未记录前置评审意见函{note}",
                          severity="warning")
        else:
            left = deadline.workdays_left
            yield Finding("project.yaml", ("events", "prereview_accepted", "date"),
                          f"{fmt_date(accepted)} 受理，前置评审应于 {fmt_date(due)} 前完成（还有 {left} 个工作日）{note}",
                          severity="warning" if estimated else "")
    elif not deadline.on_time:
        yield Finding("project.yaml", ("events", "prereview_opinion", "date"),
                      f"意见函 {fmt_date(opinion)} 出具，晚于20个工作日期限 {fmt_date(due)}{note}")


DEADLINES.declare("BJ111", "市经信委完成前置评审（出具意见函）", Workdays(20),
                  start=EventDate("prereview_accepted"), done=EventDate("prereview_opinion"),
                  term="自受理之日起20个工作日内")


@RULES.rule("BJ112", "重大项目未经市信息化专家委评审", severity="error", stages=since("approval"),
            citation=cite(11, "重大项目须通过市信息化专家委评审。"),
            message="重大项目须通过市信息化专家委评审",
            hint="在 events.expert_committee 记录专家委评审的日期、结论（pass）和证据")
def expert_committee(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    `major: true` 的项目，在申请立项前是否记录了市信息化专家委评审且结论为通过。

    ## 为什么
    第11条：“重大项目须通过市信息化专家委评审。”第14条：通过前置评审方可申请立项。

    ## 通过示例
    ```yaml
    major: true
    events: {expert_committee: {date: 2026-08-20, result: pass}}
    ```
    ## 不通过示例
    ```yaml
    major: true
    events: {}
    ```
    """
    if project.get("project.yaml", "major") is not True:
        return
    yield from require_event(project, "expert_committee", "市信息化专家委评审", need=("date", "result"))
    event = project.event("expert_committee")
    if event and event.get("result") == "fail":
        yield Finding("project.yaml", ("events", "expert_committee", "result"), "市信息化专家委评审未通过，不能申请立项",
                      "按专家意见修改后重新评审")


@RULES.rule("BJ131", "前置评审意见函已过有效期", severity="error", stages=("prereview", "approval", "refine"),
            citation=cite(13, "前置评审意见函有效期1年，有效期满后仍未立项的项目，可申请项目延期，延期一般不超过1年。"),
            message="前置评审意见函有效期1年，已过期且未延期",
            hint="在有效期内完成立项，或申请延期并在 events.extension 记录（until 写延期至的日期）",
            boundaries=(period("意见函有效期1年", "有效期", True, "2025-03-01 出具：对应日 2026-03-01 是星期日，顺延至 2026-03-02（星期一），当天立项仍在有效期内，2026-03-03 已过期"),))
def opinion_valid(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    意见函日期起1年（起始日不计入，到对应日止；最后一日是法定节假日的顺延至节后第一个工作日，《民法典》第二百零三条）
    内是否立项；立项日期取 `events.approved.date`，尚未立项时取今天。有效期满后，若记录了延期（`events.extension`），
    则延期至日期（`until`）内立项也可。

    ## 为什么
    第13条：“前置评审意见函有效期1年，有效期满后仍未立项的项目，可申请项目延期”。

    ## 通过示例
    意见函 2025-09-10，立项 2026-09-10。
    ## 不通过示例
    意见函 2025-09-10，立项 2026-09-15，没有延期。
    """
    validity = DEADLINES.first("BJ131", project, ctx)
    if validity is None or validity.status == DUE or (validity.status == DONE and validity.on_time):
        return  # no opinion yet; still valid; or approved in time
    opinion, valid_until, until = validity.event_date, validity.base_due, validity.extension
    assert opinion is not None
    approved = validity.done_on
    reference = approved or ctx.today
    if until is not None:
        yield Finding("project.yaml", ("events", "extension", "until"),
                      f"延期至 {fmt_date(until)}，{'立项日' if approved else '今天'} {fmt_date(reference)} 已超过")
    else:
        yield Finding("project.yaml", ("events", "approved" if approved else "prereview_opinion", "date"),
                      f"意见函 {fmt_date(opinion)} 出具，有效期至 {fmt_date(valid_until)}；"
                      f"{'立项日' if approved else '今天'} {fmt_date(reference)} 已过有效期且没有记录延期")


DEADLINES.declare("BJ131", "立项（前置评审意见函有效期内）", Period(years=1),
                  start=EventDate("prereview_opinion"), done=EventDate("approved"),
                  extension=EventDate("extension", "until"), term="意见函有效期1年（有延期的至延期届满）")


@RULES.rule("BJ132", "项目延期超过1年", severity="warning", stages=("prereview", "approval", "refine"),
            citation=cite(13, "延期一般不超过1年。"),
            message="延期一般不超过1年", hint="核对延期至日期；超过1年的延期需有特别说明",
            boundaries=(threshold("延期1年（有效期届满之日起）", "不超过", True, "有效期至 2026-04-20：延期至 2027-04-20 可以，延期至 2027-04-21 超过1年"),))
def extension_length(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    延期至日期（`events.extension.until`）是否不晚于意见函有效期满后再1年（“不超过”含本数）。

    ## 为什么
    第13条：“延期一般不超过1年。”“一般”允许例外，所以是警告。

    ## 通过示例
    意见函 2025-09-10（有效期至 2026-09-10），延期至 2027-09-10。
    ## 不通过示例
    意见函 2025-09-10，延期至 2027-09-11。
    """
    from govproj.core.calendar import add_years

    validity = DEADLINES.first("BJ131", project, ctx)
    until = validity.extension if validity else None
    if validity is None or until is None:
        return
    valid_until = validity.base_due
    limit = add_years(valid_until, 1)
    if until > limit:
        yield Finding("project.yaml", ("events", "extension", "until"),
                      f"有效期 {fmt_date(valid_until)} 届满，延期至 {fmt_date(until)}，超过1年（{fmt_date(limit)}）")


# ---- 五、项目立项 ---------------------------------------------------------------------------------------------

@RULES.rule("BJ141", "未通过前置评审即申请立项", severity="error", stages=since("approval"),
            citation=cite(14, "通过前置评审的项目，项目单位方可向发展改革、财政等部门申请项目立项。"),
            message="只有通过前置评审的项目方可申请立项",
            hint="在 events.prereview_opinion 记录意见函的日期、文号和结论 pass")
def prereview_passed(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    进入“项目立项”阶段前，是否记录了前置评审意见函（日期、文号）且结论为通过（`result: pass`）；
    已立项的，立项日期不得早于意见函日期。

    ## 为什么
    第14条：“通过前置评审的项目，项目单位方可向发展改革、财政等部门申请项目立项。”

    ## 通过示例
    ```yaml
    events: {prereview_opinion: {date: 2026-08-28, doc_no: 京经信审〔2026〕88号, result: pass}}
    ```
    ## 不通过示例
    ```yaml
    events: {prereview_opinion: {date: 2026-08-28, doc_no: 京经信审〔2026〕88号, result: fail}}
    ```
    """
    yield from require_event(project, "prereview_opinion", "前置评审意见函", need=("date", "doc_no", "result"))
    event = project.event("prereview_opinion")
    if event and event.get("result") == "fail":
        yield Finding("project.yaml", ("events", "prereview_opinion", "result"), "前置评审未通过，不能申请立项",
                      "按评审意见修改后重新申报")
    opinion, approved = project.event_date("prereview_opinion"), project.event_date("approved")
    if opinion and approved and approved < opinion:
        yield Finding("project.yaml", ("events", "approved", "date"),
                      f"立项日期 {fmt_date(approved)} 早于前置评审意见函 {fmt_date(opinion)}", "核对两个日期")


APPROVAL_NDRC = bodies.Bodies("BJ151", "新建项目立项", "第15条", "新建项目向发展改革部门申请立项",
                              (bodies.Body("发展改革部门", ("市发展改革委", "市发展和改革委员会")),),
                              "project.yaml 的 events.approved.by（kind: new）", ("北京",))
APPROVAL_FINANCE = bodies.Bodies("BJ151", "升级改造项目立项", "第15条", "升级改造项目向财政部门申请立项",
                                 (bodies.Body("财政部门", ("市财政局",)),), "project.yaml 的 events.approved.by（kind: upgrade）",
                                 ("北京",))


@RULES.rule("BJ151", "立项部门与项目类型不符", severity="warning", stages=since("refine"),
            citation=cite(15, "原则上新建项目向发展改革部门申请立项，升级改造项目向财政部门申请立项。"),
            message="新建项目原则上由发展改革部门立项，升级改造项目由财政部门立项",
            hint="核对 events.approved.by 与项目类型 kind",
            settings=(bodies.setting("立项部门（发展改革部门、财政部门）"),))
def approval_authority(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    立项批复机关（`events.approved.by`）：新建项目应是发展改革部门（市发展改革委、北京市发展和改革委员会），升级改造项目
    应是财政部门（市财政局、北京市财政局）；名称须正是其中之一，不是含有这几个字的任意名称。本单位对它另有叫法或机构
    已更名的，写在 settings.BJ151.bodies（按项目类型，作为应去的那一类部门的名称接受）。

    ## 为什么
    第15条：“原则上新建项目向发展改革部门申请立项，升级改造项目向财政部门申请立项。”“原则上”，所以是警告。

    ## 通过示例
    ```yaml
    kind: upgrade
    events: {approved: {by: 北京市财政局}}
    ```
    ## 不通过示例
    ```yaml
    kind: upgrade
    events: {approved: {by: 北京市发展和改革委员会}}
    ```
    """
    event = project.event("approved")
    by = str(event.get("by") or "") if event else ""
    if not by:
        if event is not None:
            yield Finding("project.yaml", ("events", "approved", "by"), "没有写立项批复机关",
                          "在 events.approved.by 写批复部门，如 北京市财政局")
        return
    extra = bodies.extra_names(ctx.settings.get(bodies.SETTING_NAME))
    is_ndrc = APPROVAL_NDRC.accepts(by, extra)
    is_finance = APPROVAL_FINANCE.accepts(by, extra)
    if project.kind == "new" and not is_ndrc:
        yield Finding("project.yaml", ("events", "approved", "by"), f"新建项目由“{by}”立项，原则上应向发展改革部门申请")
    if project.kind == "upgrade" and not is_finance:
        yield Finding("project.yaml", ("events", "approved", "by"), f"升级改造项目由“{by}”立项，原则上应向财政部门申请")


@RULES.rule("BJ161", "立项结果未记录", severity="error", stages=since("refine"),
            citation=cite(16, "各单位应及时将项目立项结果填报到系统。"),
            message="没有记录立项结果（日期、文号、批复机关）",
            hint="在 events.approved 写立项批复的日期、文号和批复机关，在 events.approval_reported 写填报系统的日期")
def approval_recorded(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    进入“细化建设内容”前，`events.approved` 是否有日期、文号和批复机关，`events.approval_reported` 是否记录了
    填报到系统的日期。

    ## 为什么
    第16条：“各单位应及时将项目立项结果填报到系统。”立项批复也是后续变更控制的基线。

    ## 通过示例
    ```yaml
    events:
      approved: {date: 2026-10-20, doc_no: 京财经建〔2026〕1234号, by: 北京市财政局}
      approval_reported: {date: 2026-10-22}
    ```
    ## 不通过示例
    ```yaml
    events: {approved: {date: 2026-10-20}}
    ```
    """
    yield from require_event(project, "approved", "项目立项", need=("date", "doc_no", "by"))
    yield from require_event(project, "approval_reported", "立项结果填报")


# ---- 六、细化建设内容 -----------------------------------------------------------------------------------------

@RULES.rule("BJ171", "建设内容确认表未填完整", severity="error", stages=since("contract"),
            citation=cite(18, "各单位应填写“信息化项目建设内容确认表”（模板见附件4）。"),
            message="信息化项目建设内容确认表（附件4）有未填写的栏目", hint="在 construction.yaml 填写该栏目")
def construction_filled(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    construction.yaml（附件4）的涉及的主要业务、服务对象、项目需求细化描述、项目建设内容是否都已填写。

    ## 为什么
    第17条要求细化和确认项目需求、细化建设内容；第18条要求填写建设内容确认表。

    ## 通过示例
    ```yaml
    business: 地名地址管理、专题图制作
    service_targets: [政府单位]
    refined_needs: …
    content: …
    ```
    ## 不通过示例
    ```yaml
    content:
    ```
    """
    for path, label in ((("business",), "涉及的主要业务"), (("service_targets",), "服务对象"),
                        (("refined_needs",), "项目需求细化描述"), (("content",), "项目建设内容")):
        yield from require(project, "construction.yaml", path, label)


@RULES.rule("BJ181", "建设内容确认表未签字", severity="error", stages=since("contract"),
            citation=cite(17, "各单位信息化主管部门应依据全市要求和单位业务需求，会同业务部门进一步细化和确认项目需求"),
            message="建设内容确认表缺少业务主管部门、信息化主管部门或信息化工作主管领导的签字和日期",
            hint="在 construction.yaml 的 signoffs 记录三个签字栏的签字人和日期")
def construction_signed(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    附件4 的三个签字栏（业务主管部门意见、信息化主管部门意见、信息化工作主管领导意见）是否都有签字人和日期。

    ## 为什么
    第17条要求信息化主管部门会同业务部门确认项目需求；附件4 设三个“签字：日期：”栏，确认即签字。

    ## 通过示例
    ```yaml
    signoffs:
      business_dept: {name: 李明, date: 2026-11-02}
      it_dept: {name: 赵强, date: 2026-11-02}
      it_leader: {name: 王芳, date: 2026-11-03}
    ```
    ## 不通过示例
    ```yaml
    signoffs:
      business_dept: {name: 李明, date: 2026-11-02}
    ```
    """
    for key, label in (("business_dept", "业务主管部门意见"), ("it_dept", "信息化主管部门意见"),
                       ("it_leader", "信息化工作主管领导意见")):
        yield from require_signoff(project, "construction.yaml", ("signoffs", key), label)


@RULES.rule("BJ191", "其他部门的信息资源缺少书面确认", severity="error", stages=since("contract"),
            citation=cite(19, "信息资源来自其他部门的项目，应有信息资源提供单位的函件或会议纪要等书面文件确认具体共享内容。"),
            message="来自其他部门的信息资源没有提供单位的书面确认（函件或会议纪要）",
            hint="在 sharing.yaml 该资源的 confirmation 写确认方式、文号、日期并附扫描件")
def other_department_confirmation(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    sharing.yaml 的 `resources` 中来源为“其他部门”的每一项，是否写了提供单位（`provider`）和书面确认
    （`confirmation`：函件或会议纪要，文号或日期，证据文件）。

    ## 为什么
    第19条：“信息资源来自其他部门的项目，应有信息资源提供单位的函件或会议纪要等书面文件确认具体共享内容。”

    ## 通过示例
    ```yaml
    resources:
      - {name: 人口基础信息, source: 其他部门, provider: 市公安局,
         confirmation: {type: 函件, doc_no: 京公函〔2026〕5号, evidence: [evidence/公安局复函.pdf]}}
    ```
    ## 不通过示例
    ```yaml
    resources:
      - {name: 人口基础信息, source: 其他部门, provider: 市公安局}
    ```
    """
    for index, item in project.items("sharing.yaml", "resources"):
        if item.get("source") != "其他部门":
            continue
        name = item.get("name") or f"第{index + 1}项"
        if blank(item.get("provider")):
            yield Finding("sharing.yaml", ("resources", index), f"信息资源“{name}”来自其他部门，但没有写提供单位",
                          "在 provider 写提供单位")
        confirmation = item.get("confirmation") or {}
        if blank(confirmation.get("type")) or blank(confirmation.get("evidence")) or (
                blank(confirmation.get("doc_no")) and blank(confirmation.get("date"))):
            yield Finding("sharing.yaml", ("resources", index, "confirmation") if confirmation else ("resources", index),
                          f"信息资源“{name}”没有提供单位的书面确认（函件或会议纪要，含文号或日期和扫描件）")


# ---- 七、确定承建单位 -----------------------------------------------------------------------------------------

@RULES.rule("BJ201", "未确定承建单位", severity="error", stages=since("acceptance"),
            citation=cite(20, "各单位应按照相关法律法规和文件要求确定项目承建、监理、测评等单位。"),
            message="没有记录承建单位及其确定方式和合同",
            hint="在 contract.yaml 的 parties 写承建单位名称、确定方式（如 公开招标）、合同编号和签订日期")
def contractor_chosen(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    进入验收前，contract.yaml 是否至少有一个角色为“承建”的单位，且写了名称、确定方式、合同编号和签订日期；
    已记录的监理、测评单位也要写名称和确定方式。

    ## 为什么
    第20条：“各单位应按照相关法律法规和文件要求确定项目承建、监理、测评等单位。”

    ## 通过示例
    ```yaml
    parties:
      - {role: 承建, name: 某某科技有限公司, selection: 公开招标, contract_no: HT-2027-001, signed_on: 2027-03-15}
    ```
    ## 不通过示例
    ```yaml
    parties: []
    ```
    """
    parties = list(project.items("contract.yaml", "parties"))
    if not any(p.get("role") == "承建" for _, p in parties):
        yield Finding("contract.yaml", ("parties",))
    for index, party in parties:
        needed = (("name", "单位名称"), ("selection", "确定方式"))
        if party.get("role") == "承建":
            needed += (("contract_no", "合同编号"), ("signed_on", "签订日期"))
        missing = [label for key, label in needed if blank(party.get(key))]
        if missing:
            yield Finding("contract.yaml", ("parties", index),
                          f"{party.get('role') or ''}单位“{party.get('name') or index + 1}”缺少{'、'.join(missing)}")


# ---- 八、项目验收 ---------------------------------------------------------------------------------------------

@RULES.rule("BJ231", "验收结果未记录", severity="error", stages=since("evaluation"),
            citation=cite(23, "各单位要及时按照相关要求开展验收工作，并将验收结果填报到系统。"),
            message="没有记录竣工验收的日期和结论，或没有填报到系统",
            hint="在 events.accepted 写验收日期和结论，在 events.acceptance_reported 写填报系统的日期")
def acceptance_recorded(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    进入“绩效评估”前，`events.accepted` 是否有日期和结论（通过），`events.acceptance_reported` 是否有填报日期。

    ## 为什么
    第23条：开展验收工作，“并将验收结果填报到系统”。

    ## 通过示例
    ```yaml
    events: {accepted: {date: 2027-11-20, result: pass}, acceptance_reported: {date: 2027-11-25}}
    ```
    ## 不通过示例
    ```yaml
    events: {accepted: {date: 2027-11-20}}
    ```
    """
    yield from require_event(project, "accepted", "竣工验收", need=("date", "result"))
    event = project.event("accepted")
    if event and event.get("result") == "fail":
        yield Finding("project.yaml", ("events", "accepted", "result"), "竣工验收未通过", "整改后重新组织验收")
    yield from require_event(project, "acceptance_reported", "验收结果填报")


@RULES.rule("BJ241", "重大项目验收未请市经信委参加", severity="warning", stages=since("evaluation"),
            citation=cite(24, "涉及全市共性平台、信息资源共享开放和公众利益的重大项目，我委参加竣工验收。"),
            message="涉及共性平台、共享开放或公众利益的重大项目，市经信委应参加竣工验收",
            hint="在 events.accepted.participants 列出参加单位（含市经信委）")
def major_acceptance(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    `major: true` 且使用市级共性平台、提供信息资源共享/开放，或经认定涉及公众利益（`decisions.public_interest` 写了
    `applies: true`：前置评审意见等作出的认定）的项目，竣工验收的参加单位（`events.accepted.participants`）是否包括
    市经信委（名称含“经信”或“经济和信息化”）。是否“涉及公众利益”是评审的认定，不从其他数据推断：没有记录认定的，
    只按共性平台和共享开放判断。

    ## 为什么
    第24条：“涉及全市共性平台、信息资源共享开放和公众利益的重大项目，我委参加竣工验收。”

    ## 通过示例
    ```yaml
    major: true
    events: {accepted: {participants: [北京市经济和信息化局]}}
    ```
    ## 不通过示例
    ```yaml
    major: true
    events: {accepted: {participants: [本单位]}}
    ```
    """
    if project.get("project.yaml", "major") is not True or project.event("accepted") is None:
        return
    touches = bool(project.get("project.yaml", "platforms")) or project.get("sharing.yaml", "sharing", "provided") \
        is True or project.get("sharing.yaml", "opening", "provided") is True or decided(project, "public_interest") is not None
    if not touches:
        return
    participants = project.event("accepted").get("participants") or []
    if not any("经信" in p or "经济和信息化" in p for p in participants if isinstance(p, str)):
        yield Finding("project.yaml", ("events", "accepted", "participants") if participants else
                      ("events", "accepted"))


@RULES.rule("BJ251", "未通过安全测评不得通过验收", severity="error", stages=since("evaluation"),
            citation=cite(25, "与项目申报书差异较大、不符合国家和我市信息资源共享开放有关要求、未通过安全测评的项目，不得通过验收。"),
            message="没有在验收前通过的安全测评，不得通过验收",
            hint="在 security.yaml 的 assessments 记录安全测评（或等级测评）的日期、结论 pass 和报告")
def security_assessment(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    security.yaml 的 `assessments` 中是否有一项类型为“安全测评”或“等级测评”、结论为通过、日期不晚于验收日期
    （`events.accepted.date`）的测评。
    “与项目申报书差异较大”由变更控制检查；“共享开放要求”由 BJ081、BJ082 检查。

    ## 为什么
    第25条：“未通过安全测评的项目，不得通过验收。”

    ## 通过示例
    ```yaml
    assessments: [{type: 等级测评, date: 2027-10-30, result: pass, by: 某测评中心}]
    ```
    ## 不通过示例
    ```yaml
    assessments: [{type: 等级测评, date: 2027-10-30, result: fail}]
    ```
    """
    accepted = project.event_date("accepted")
    passed = []
    for index, item in project.items("security.yaml", "assessments"):
        if item.get("type") in ("安全测评", "等级测评") and item.get("result") == "pass":
            when = item.get("date")
            if accepted is None or (isinstance(when, _dt.date) and when <= accepted):
                passed.append(index)
    if not passed:
        yield Finding("security.yaml", ("assessments",), at_key=project.has("security.yaml"))


@RULES.rule("BJ261", "未提交投入运行使用申请", severity="error", stages=since("evaluation"),
            citation=cite(26, "项目竣工验收后，各单位应及时向我委提交投入运行使用申请。未提交投入运行使用申请的项目视同未验收。"),
            message="竣工验收后没有提交投入运行使用申请，视同未验收",
            hint="在 events.operation_applied 记录提交申请的日期和证据")
def operation_applied(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    `events.operation_applied.date` 是否已记录，且不早于竣工验收日期。

    ## 为什么
    第26条：“未提交投入运行使用申请的项目视同未验收。”

    ## 通过示例
    ```yaml
    events: {accepted: {date: 2027-11-20}, operation_applied: {date: 2027-11-28}}
    ```
    ## 不通过示例
    ```yaml
    events: {accepted: {date: 2027-11-20}}
    ```
    """
    yield from require_event(project, "operation_applied", "投入运行使用申请")
    applied, accepted = project.event_date("operation_applied"), project.event_date("accepted")
    if applied and accepted and applied < accepted:
        yield Finding("project.yaml", ("events", "operation_applied", "date"),
                      f"投入运行使用申请 {fmt_date(applied)} 早于竣工验收 {fmt_date(accepted)}", "核对日期：申请应在竣工验收后提交")


# ---- 九、绩效评估 ---------------------------------------------------------------------------------------------

@RULES.rule("BJ271", "未开展绩效评估", severity="warning", stages=("evaluation",),
            citation=cite(27, "各单位要对已竣工项目开展项目绩效评估。"),
            message="已竣工项目尚未记录绩效评估",
            hint="在 events.evaluated 记录评估日期和结论，在 documents.evaluation_report 附评估报告")
def evaluation_done(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    处于“绩效评估”阶段的项目是否记录了评估（`events.evaluated` 的日期和结论）和评估报告
    （`documents.evaluation_report`）。报告是否覆盖第27条列出的评估重点无法自动判断。

    ## 为什么
    第27条：“各单位要对已竣工项目开展项目绩效评估。”这是本阶段要完成的工作，完成前为警告。

    ## 通过示例
    ```yaml
    events: {evaluated: {date: 2028-12-01, result: pass}}
    documents: {evaluation_report: {title: 绩效评估报告, evidence: [evidence/绩效评估报告.pdf]}}
    ```
    ## 不通过示例
    ```yaml
    events: {}
    ```
    """
    yield from require_event(project, "evaluated", "绩效评估", need=("date", "result"))
    yield from require_document(project, "evaluation_report", "绩效评估报告")


@RULES.rule("BJ291", "前期项目评估未通过且未整改", severity="error", stages=since("declare"), kinds=("upgrade",),
            citation=cite(29, "项目建设情况未通过评估的，整改完成之前，不得申报与该项目相关的升级改造项目。"),
            message="前期项目未通过绩效评估且整改未完成，不得申报相关的升级改造项目",
            hint="前期项目整改完成后，在 predecessor.evaluation.rectified_on 记录整改完成日期")
def predecessor_rectified(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    升级改造项目：前期项目的评估结论（`predecessor.evaluation.result`）为不通过（fail）时，是否记录了整改完成日期
    （`rectified_on`），且不晚于申报日（尚未申报时为今天）。

    ## 为什么
    第29条：“项目建设情况未通过评估的，整改完成之前，不得申报与该项目相关的升级改造项目。”

    ## 通过示例
    ```yaml
    predecessor: {evaluation: {result: fail, rectified_on: 2026-03-01}}
    events: {declared: {date: 2026-07-10}}
    ```
    ## 不通过示例
    ```yaml
    predecessor: {evaluation: {result: fail}}
    ```
    """
    evaluation = project.get("project.yaml", "predecessor", "evaluation") or {}
    if evaluation.get("result") != "fail":
        return
    rectified = evaluation.get("rectified_on")
    reference = project.event_date("declared") or ctx.today
    if not isinstance(rectified, _dt.date):
        yield Finding("project.yaml", ("predecessor", "evaluation", "result"))
    elif rectified > reference:
        yield Finding("project.yaml", ("predecessor", "evaluation", "rectified_on"),
                      f"前期项目整改 {fmt_date(rectified)} 才完成，晚于申报日 {fmt_date(reference)}")
