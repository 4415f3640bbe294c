"""Gongshu's rules, one per obligation of 《拱墅区信息化项目管理办法（征求意见稿）》.

Codes GS + section (2 digits) + subsection: GS053 = 五（三）. A subsection with more than one rule takes the next
free digit of its section after the last subsection (四 has (一)–(三): GS044–GS048; 五 has (一)–(六): GS057–GS059;
六 has (一)–(三): GS064); each rule's citation names its subsection.
"""
from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Any, Iterator

from govproj.core.money import Money
from govproj.core.deadlines import OVERDUE, DeadlineSet, EachItem, EventDate, ItemValue, Workdays, estimate_note
from govproj.packs.model import Stage
from govproj.packs import bodies
from govproj.packs.helpers import (order_findings, blank, dates_in_order, fmt_date, require, require_document,
                                  require_event)
from govproj.packs.gs.data import EVENTS, PLANNED_KINDS, SYSTEM_KINDS
from govproj.core.rules import period, threshold  # noqa: F401
from govproj.core.rules import Citation, Context, Finding, RuleSet, Setting

if TYPE_CHECKING:
    from govproj.core.project import Project

DOC = "《拱墅区信息化项目管理办法（征求意见稿）》"
RULES = RuleSet("GS")
DEADLINES = DeadlineSet("GS")  # the dates GS042 and GS053 derive; `govproj deadlines` lists them

STAGES: tuple[Stage, ...] = (
    Stage("declare", "申报", "四（一）"),
    Stage("prereview", "预审", "四（二）", kinds=PLANNED_KINDS),
    Stage("review", "专家评审", "四（二）", kinds=PLANNED_KINDS),
    Stage("library", "入库", "四（三）", baseline=True),
    Stage("tender", "招标需求确认", "五（一）、五（二）", optional=True),
    Stage("procure", "采购", "五（二）"),
    Stage("contract", "合同备案", "五（三）"),
    Stage("implement", "实施", "五（四）"),
    Stage("acceptance", "竣工验收", "五（五）"),
    Stage("golive", "上线", "五（六）、六（二）", kinds=SYSTEM_KINDS),
    Stage("operation", "运维", "六（一）"),
)
_IDS = [s.id for s in STAGES]

TENDER_THRESHOLD = Money.wan(50)  # 五（一）“单个项目经费预算50万元以上”：以上含本数
SUPERVISION_THRESHOLD = Money.wan(100)  # 五（四）“经费预算100万元以上”：以上含本数
FILING_WORKDAYS = 5  # 五（三）“合同签订后5个工作日内”
PREREVIEW_WORKDAYS = 5  # 四（二）“在项目申报后5个工作日内”
EVENT_LABELS = {key: label for key, label, _ in EVENTS}


def since(stage: str) -> tuple[str, ...]:
    return tuple(_IDS[_IDS.index(stage):])


def cite(article: str, quote: str) -> Citation:
    return Citation(DOC, article, quote)


# ---- helpers ---------------------------------------------------------------------------------------------------

def _after(file: str, path: tuple, later: Any, later_label: str, earlier: Any, earlier_label: str,
           hint: str = "") -> Iterator[Finding]:
    """Order of events: `later` must not be before `earlier` (same day is fine)."""
    yield from dates_in_order(file, path, later, later_label, earlier, earlier_label, hint)


def _events_in_order(project: "Project", earlier: str, later: str, hint: str = "") -> Iterator[Finding]:
    yield from _after("project.yaml", ("events", later, "date"), project.event_date(later), EVENT_LABELS[later],
                      project.event_date(earlier), EVENT_LABELS[earlier], hint)


def _failed(project: "Project", key: str, message: str, hint: str) -> Iterator[Finding]:
    event = project.event(key)
    if event and event.get("result") == "fail":
        yield Finding("project.yaml", ("events", key, "result"), message, hint)


def _decision(project: "Project", key: str, label: str, refused: str, refused_hint: str, after: str,
              order_hint: str = "") -> Iterator[Finding]:
    """A decision the next step depends on: recorded (date, number, result), not `fail`, not before `after`."""
    yield from require_event(project, key, label, need=("date", "doc_no", "result"))
    yield from _failed(project, key, refused, refused_hint)
    yield from _events_in_order(project, after, key, order_hint)


def _missing(item: dict[str, Any], fields: tuple[tuple[str, str], ...]) -> list[str]:
    """Labels of the (key, label) fields that `item` leaves blank."""
    return [label for key, label in fields if blank(item.get(key))]


def _is_office(text: Any) -> bool:
    """领导小组办公室设在区数据资源局（三（一））: either name stands for the office."""
    return isinstance(text, str) and ("领导小组办公室" in text or "数据资源局" in text)


def _threshold(project: "Project", threshold: Money, what: str) -> tuple[Money | None, Finding | None]:
    """(the budget total if it reaches `threshold` — 以上 includes the figure —, a finding if there is no total)."""
    total = project.total
    if total is None:
        return None, Finding("budget.yaml", ("total",),
                             f"没有填写经费预算（总投资），无法判断是否达到{threshold:f}万元（{what}）",
                             "在 budget.yaml 的 total 写单个项目经费预算（万元）")
    return (total if total >= threshold else None), None


def _parties(project: "Project", role: str) -> list[tuple[int, dict[str, Any]]]:
    return [(i, p) for i, p in project.items("contract.yaml", "parties") if p.get("role") == role]


def _secret(project: "Project") -> bool:
    """二（二）“除确有法律法规明确要保密的外”: a recorded legal basis for secrecy exempts the connections."""
    return not blank(project.get("project.yaml", "secrecy", "basis"))


def _dated(project: "Project", key: str) -> list[tuple[tuple, _dt.date]]:
    """(path of the date, date) of a project.yaml list of dated records, in date order."""
    out = [((key, index, "date"), item["date"]) for index, item in project.items("project.yaml", key)
           if isinstance(item.get("date"), _dt.date)]
    return sorted(out, key=lambda pair: pair[1])


def _regularity(project: "Project", ctx: Context, key: str, what: str, code: str, setting: str,
                start: tuple[str, _dt.date] | None, until_today: bool) -> Iterator[Finding]:
    """“定期”: the text gives no interval, so it is the rule's setting; unset → say so instead of judging.

    Set: from `start` (label, date), each record no later than `months` months after the previous one
    (民法典第二百零一至二百零三条 via core/periods.py: the corresponding day still counts, and a rest day moves it to
    the next working day), and, if `until_today`, the last one until today.
    """
    from govproj.core.periods import last_day

    records = _dated(project, key)
    months = ctx.settings.get(setting)
    if months is None:
        if records:
            yield Finding("project.yaml", (key,),
                          f"办法只说“定期”，没有规定间隔；参数 {setting} 未设置，只检查了是否报送，未判断{what}是否按期",
                          f"按区里的要求在 project.yaml 的 settings 设置间隔月数，写法如 {code}: {{{setting}: 3}}（3 只是示例）",
                          severity="info", at_key=True)
        return
    label, previous = start if start else ("", None)
    for path, date in records:
        if previous and date > last_day(previous, ctx.calendar, months=months):
            yield Finding("project.yaml", path, f"{what}（{fmt_date(date)}）距{label} {fmt_date(previous)} 超过 {months} 个月",
                          f"按 {months} 个月的间隔报送{what}")
        label, previous = "上一次报送", date
    if until_today and previous and ctx.today > last_day(previous, ctx.calendar, months=months):
        yield Finding("project.yaml", records[-1][0] if records else (key,),
                      f"{label} {fmt_date(previous)} 至今天 {fmt_date(ctx.today)} 已超过 {months} 个月，没有按期报送{what}",
                      f"按 {months} 个月的间隔报送{what}", at_key=not records)


def _connection(project: "Project", key: str, label: str, rule_words: str) -> Iterator[Finding]:
    """A connection in sharing.yaml done (connected: true, with its date) no later than the go-live date."""
    if not project.has("sharing.yaml"):
        yield Finding("sharing.yaml", (), f"缺少文件 sharing.yaml，无法确认已完成{label}", "用 `govproj new` 生成后填写")
        return
    block = project.get("sharing.yaml", key)
    if not isinstance(block, dict) or block.get("connected") is not True:
        yield Finding("sharing.yaml", (key, "connected") if isinstance(block, dict) else (key,),
                      f"没有完成{label}：{rule_words}", f"完成{label}后在 sharing.yaml 的 {key} 写 connected: true、完成日期和证据")
        return
    done, golive = block.get("date"), project.event_date("golive")
    if not isinstance(done, _dt.date):
        yield Finding("sharing.yaml", (key, "connected"), f"{label}没有写完成日期，无法确认在上线前完成",
                      f"在 {key}.date 写完成对接的日期")
    elif golive and done > golive:
        yield Finding("sharing.yaml", (key, "date"),
                      f"{label} {fmt_date(done)} 才完成，晚于上线日期 {fmt_date(golive)}：{rule_words}",
                      f"核对日期：先完成{label}，再上线")


# ---- 二、项目原则 ---------------------------------------------------------------------------------------------

@RULES.rule("GS022", "未提供政务资源目录或未遵循数据资源规范", severity="error", stages=since("acceptance"), kinds=SYSTEM_KINDS,
            citation=cite("二（二）", "必须与区数据中枢、公共基础支撑平台对接，并提供政务资源目录。"
                                    "新建业务系统的数据格式必须符合省、市、区数据资源规范。"),
            message="项目没有提供政务资源目录，或新建业务系统没有写明遵循的数据资源规范",
            hint="在 sharing.yaml 的 catalogue 写目录名称并附目录文件；新建项目在 data_standards 列出遵循的规范")
def resource_catalogue(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    进入竣工验收前：sharing.yaml 是否提供了政务资源目录（`catalogue` 的名称和目录文件）；新建项目（`kind: new`）
    还要在 `data_standards` 列出数据格式遵循的省、市、区数据资源规范。记录了保密依据（project.yaml 的
    `secrecy.basis`）的项目不检查。数据格式是否真正符合规范，由竣工验收审查，无法自动判断。

    与区数据中枢的对接由 GS062 检查，与基础服务（公共基础支撑平台）的对接由 GS056 检查。

    ## 为什么
    二（二）：信息化项目“除确有法律法规明确要保密的外，必须与区数据中枢、公共基础支撑平台对接，并提供政务资源目录。
    新建业务系统的数据格式必须符合省、市、区数据资源规范。”六（二）：“项目建设过程必须明确数据资源目录”；
    五（五）竣工验收审查“系统信息资源共享落实情况”。

    ## 通过示例
    ```yaml
    catalogue: {title: 养老服务数据资源目录, entries: 46, evidence: [evidence/数据资源目录.xlsx]}
    data_standards: [浙江省公共数据元规范]
    ```
    ## 不通过示例
    ```yaml
    catalogue: {}
    ```
    """
    if _secret(project):
        return
    yield from require(project, "sharing.yaml", ("catalogue", "title"), "政务资源目录名称",
                       "在 sharing.yaml 的 catalogue.title 写政务资源目录（数据资源目录）的名称")
    if project.get("sharing.yaml", "catalogue", "title"):
        yield from require(project, "sharing.yaml", ("catalogue", "evidence"), "政务资源目录文件",
                           "把目录文件放入 evidence/ 并在 catalogue.evidence 引用")
    if project.kind == "new" and project.has("sharing.yaml"):
        yield from require(project, "sharing.yaml", ("data_standards",), "遵循的数据资源规范",
                           "新建业务系统：在 data_standards 列出数据格式遵循的省、市、区数据资源规范")


@RULES.rule("GS023", "信息安全保障系统未同步规划", severity="error", stages=since("prereview"),
            citation=cite("二（三）", "信息化项目的信息安全保障系统应当与信息化项目同步规划、同步建设、同步运行。"),
            message="申报时没有同步规划信息安全保障系统（安全方案、等级保护定级）",
            hint="在 security.yaml 写等级保护级别（level）和信息安全方案（plan 的名称和文件）")
def security_planned(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    进入预审前（申报时），security.yaml 是否写了等级保护级别（`level`）和信息安全保障方案（`plan` 的名称和方案文件）。
    “同步建设、同步运行”由竣工验收的安全性审查（GS055）和运维安全保障记录（GS061）体现。

    ## 为什么
    二（三）：“信息化项目的信息安全保障系统应当与信息化项目同步规划、同步建设、同步运行。”
    同一条要求遵守《信息安全等级保护管理办法》，所以方案里要有定级。

    ## 通过示例
    ```yaml
    level: 3
    plan: {title: 信息安全保障方案, evidence: [evidence/信息安全保障方案.pdf]}
    ```
    ## 不通过示例
    ```yaml
    plan: {title: 信息安全保障方案}
    ```
    """
    yield from require(project, "security.yaml", ("level",), "等级保护级别", "在 security.yaml 的 level 写定级（1 至 5）")
    if project.has("security.yaml"):
        yield from require(project, "security.yaml", ("plan", "title"), "信息安全保障方案名称")
        if project.get("security.yaml", "plan", "title"):
            yield from require(project, "security.yaml", ("plan", "evidence"), "信息安全保障方案文件",
                               "把方案文件放入 evidence/ 并在 plan.evidence 引用")


# ---- 四、项目申报、方案审查和经费管理 -------------------------------------------------------------------------

@RULES.rule("GS041", "未向领导小组办公室申报", severity="error", stages=since("prereview"), kinds=PLANNED_KINDS,
            citation=cite("四（一）", "项目建设单位根据省市区有关工作要求和自身业务需求，提出项目建设计划，"
                                    "向领导小组办公室申报次年信息化项目"),
            message="没有记录向领导小组办公室申报（申报日期、项目实施方案）",
            hint="在 events.declared 写申报日期，在 documents.implementation_plan 附项目实施方案")
def declared(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    进入预审前：是否记录了申报日期（`events.declared.date`）和申报的项目实施方案（`documents.implementation_plan`，
    附文件）。申报的是“次年”项目：预算年度（`budget_year`）应是申报日期的下一年，否则为警告。
    突发紧急项目（`kind: urgent`）直接报区政府审批，由 GS048 检查。

    ## 为什么
    四（一）：项目建设单位“提出项目建设计划，向领导小组办公室申报次年信息化项目”；四（二）：申报后由领导小组办公室
    “对项目实施方案进行预审”。

    ## 通过示例
    ```yaml
    budget_year: 2027
    events: {declared: {date: 2026-12-31}}
    documents: {implementation_plan: {title: 项目实施方案, evidence: [evidence/实施方案.pdf]}}
    ```
    ## 不通过示例
    ```yaml
    budget_year: 2027
    events: {declared: {date: 2027-01-04}}
    ```
    """
    yield from require_event(project, "declared", "申报")
    yield from require_document(project, "implementation_plan", "项目实施方案", need=("evidence",))
    date, year = project.event_date("declared"), project.get("project.yaml", "budget_year")
    if date and isinstance(year, int) and year != date.year + 1:
        yield Finding("project.yaml", ("budget_year",),
                      f"{fmt_date(date)} 申报，“申报次年信息化项目”应是 {date.year + 1} 年度项目，预算年度却写 {year}",
                      "核对预算年度或申报日期；当年临时需要的项目属于突发紧急项目（kind: urgent）的，按四（三）报区政府审批",
                      severity="warning")


@RULES.rule("GS042", "预审期限（申报后5个工作日）", severity="info", stages=("prereview", "review"), kinds=PLANNED_KINDS,
            citation=cite("四（二）", "在项目申报后5个工作日内，由领导小组办公室对项目实施方案进行预审。"),
            message="领导小组办公室应在申报后5个工作日内完成预审",
            hint="超过期限仍未收到预审意见书的，向领导小组办公室（区数据资源局）询问进度",
            boundaries=(period("5个工作日（自申报后）", "个工作日内", True, "2026-09-28 申报：第5个工作日是 2026-10-10（国庆假期不计、10-10 星期六调休上班计入），10-10 出具按时，10-11 逾期"),))
def prereview_period(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    根据申报日期（`events.declared.date`）算出预审应完成的日期：申报当日不计入，往后数5个工作日（法定节假日不算，
    调休上班日算；《民法典》第二百零一条）。
    - 尚未记录预审意见书：今天在期限内为提示（写明期限和剩余工作日），已过期限为警告；
    - 预审意见书日期晚于期限：提示（期限是领导小组办公室的义务，不影响项目继续）。
    涉及没有官方放假安排的年份时，消息会注明按法定节假日估算。

    ## 为什么
    四（二）：“在项目申报后5个工作日内，由领导小组办公室对项目实施方案进行预审。”

    ## 通过示例
    申报 2026-09-14（星期一），期限为 2026-09-20（星期日调休上班，是第5个工作日），预审意见书 2026-09-20。
    ## 不通过示例
    申报 2026-09-14，预审意见书 2026-09-21。
    """
    deadline = DEADLINES.first("GS042", project, ctx)
    if deadline is None:
        return  # GS041 reports the missing declaration
    declared_on, due, opinion = deadline.event_date, deadline.due, deadline.done_on
    assert declared_on is not None
    note = estimate_note(deadline.estimated_years)
    if opinion is None:
        if deadline.status == OVERDUE:
            yield Finding("project.yaml", ("events", "declared", "date"),
                          f"{fmt_date(declared_on)} 申报，5个工作日的预审期限 {fmt_date(due)} 已过，仍未记录预审意见书{note}",
                          severity="warning")
        else:
            yield Finding("project.yaml", ("events", "declared", "date"),
                          f"{fmt_date(declared_on)} 申报，预审期限为 {fmt_date(due)}（含当天，还有 {deadline.workdays_left} 个工作日）"
                          f"{note}", severity="warning" if note else "")
    elif not deadline.on_time:
        yield Finding("project.yaml", ("events", "prereview", "date"),
                      f"预审意见书 {fmt_date(opinion)} 出具，晚于申报后5个工作日的期限 {fmt_date(due)}{note}")


DEADLINES.declare("GS042", "领导小组办公室完成预审（出具预审意见书）", Workdays(PREREVIEW_WORKDAYS),
                  start=EventDate("declared"), done=EventDate("prereview"), term="申报后5个工作日内")


@RULES.rule("GS043", "项目未入库", severity="error", stages=since("tender"),
            citation=cite("四（三）", "项目入库草案经提交领导小组研究明确后排入项目库。"),
            message="没有记录项目排入项目库（突发紧急项目：纳入年度建设计划）",
            hint="在 events.library 写领导小组研究明确的日期和文号（会议纪要或通知）")
def in_library(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    进入招标需求确认（或采购）前：是否记录了入库（`events.library` 的日期和文号），且入库不早于专家组审查
    （入库草案根据审查结果编制）；突发紧急项目写纳入年度建设计划的日期，不早于区政府同意的日期。

    ## 为什么
    四（三）：“领导小组办公室根据项目实施方案审查结果以及项目的轻重缓急和区级财力的可能，确定项目排序，编制项目入库草案。
    项目入库草案经提交领导小组研究明确后排入项目库。”区财政局按入库项目安排下一年度信息化项目资金。
    入库即确定了预算基线：此后调整预算要提出项目变更申报（变更控制随 `govproj diff` 实现）。

    ## 通过示例
    ```yaml
    events:
      reviewed: {date: 2026-10-16}
      library: {date: 2026-11-20, doc_no: 拱数转办〔2026〕12号}
    ```
    ## 不通过示例
    ```yaml
    events:
      reviewed: {date: 2026-10-16}
      library: {date: 2026-10-15, doc_no: 拱数转办〔2026〕12号}
    ```
    """
    yield from require_event(project, "library", "入库", need=("date", "doc_no"))
    if project.kind == "urgent":
        yield from _events_in_order(project, "government_approved", "library", "突发紧急项目经区政府同意后才纳入年度建设计划")
    else:
        yield from _events_in_order(project, "reviewed", "library", "入库草案根据方案审查结果编制：入库不能早于审查")


@RULES.rule("GS044", "未编制信息化项目绩效目标", severity="error", stages=since("library"), kinds=PLANNED_KINDS,
            citation=cite("四（一）", "并在年底向区财政局申报次年部门预算时，编制信息化项目绩效目标。"),
            message="没有编制信息化项目绩效目标",
            hint="在 documents.performance_goals 写绩效目标的名称、日期并附文件")
def performance_goals(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    入库前：`documents.performance_goals`（信息化项目绩效目标）是否写了名称并附文件。

    ## 为什么
    四（一）：项目建设单位“在年底向区财政局申报次年部门预算时，编制信息化项目绩效目标”。绩效目标也是五（四）
    “双监控”的对象和六（三）绩效评价的依据。

    ## 通过示例
    ```yaml
    documents: {performance_goals: {title: 2027年信息化项目绩效目标表, evidence: [evidence/绩效目标表.pdf]}}
    ```
    ## 不通过示例
    ```yaml
    documents: {}
    ```
    """
    yield from require_document(project, "performance_goals", "信息化项目绩效目标", need=("title", "evidence"))


@RULES.rule("GS045", "投资额度较大、技术复杂的项目缺少前期咨询论证", severity="error", stages=since("prereview"),
            kinds=PLANNED_KINDS,
            citation=cite("四（一）", "对于投资额度较大、技术复杂的项目，需进行前期咨询、论证和可行性分析。"),
            message="投资额度较大或技术复杂的项目没有记录前期咨询、论证和可行性分析",
            hint="在 documents.feasibility 写前期咨询论证（可行性分析）报告并附文件",
            settings=(Setting("large_amount", "money",
                              "“投资额度较大”的金额标准（万元，达到即算较大；以元计时带单位写，如 5000000元）；办法没有规定，按区里的口径设置"),),
            boundaries=(threshold("“投资额度较大”的金额（settings.GS045.large_amount）", "达到", True, "large_amount: 300：总投资 300.00 万元即算较大、须前期论证，299.99 万元不算", why="原文没有给出数字，由设置给出（govproj 不替用户假定）；达到设置值即算（含本数），与“以上”的读法（民法典 第一千二百五十九条）一致"),))
def feasibility(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    进入预审前：项目技术复杂（project.yaml 的 `complex: true`），或总投资达到参数 `large_amount`（含本数）时，
    `documents.feasibility`（前期咨询、论证和可行性分析）是否已记录并附文件。两个条件满足其一即要求（“、”并列，
    按从严理解）。

    办法没有规定多大算“投资额度较大”，所以 `large_amount` 没有默认值：没有设置、项目也没有记录前期论证时，
    给出提示说明无法判断；`complex` 没有填写时同样提示。已经记录了前期论证的项目不需要判断。

    ## 为什么
    四（一）：“对于投资额度较大、技术复杂的项目，需进行前期咨询、论证和可行性分析。”

    ## 通过示例
    ```yaml
    complex: false
    settings: {GS045: {large_amount: 500}}   # 总投资 186.5 万元，低于 500 万元
    ```
    ## 不通过示例
    ```yaml
    complex: true
    documents: {}
    ```
    """
    document = project.document("feasibility")
    recorded = document is not None and any(not blank(value) for value in document.values())
    complex_flag = project.get("project.yaml", "complex")
    limit, total = ctx.settings.get("large_amount"), project.total
    reasons = []
    if complex_flag is True:
        reasons.append("技术复杂")
    if limit is not None and total is not None and total >= limit:
        reasons.append(f"总投资 {total:f} 万元达到“投资额度较大”的标准 {limit:f} 万元")
    if reasons:
        if not recorded:
            yield Finding("project.yaml", ("documents", "feasibility"),
                          f"项目{'，'.join(reasons)}，需进行前期咨询、论证和可行性分析，但没有记录", at_key=True)
        else:
            yield from require_document(project, "feasibility", "前期咨询论证和可行性分析", need=("evidence",))
        return
    if recorded:
        return
    unknown = []
    if limit is None:
        unknown.append("参数 large_amount（“投资额度较大”的金额）未设置")
    elif total is None:
        unknown.append("没有填写总投资")
    if complex_flag is None:
        unknown.append("没有填写是否技术复杂（complex）")
    if unknown:
        yield Finding("project.yaml", ("complex",) if complex_flag is None else ("documents", "feasibility"),
                      f"{'；'.join(unknown)}，无法判断是否需要前期咨询、论证和可行性分析",
                      "在 settings 设置 GS045: {large_amount: 金额}（办法没有规定），在 project.yaml 写 complex: true/false；"
                      "或直接在 documents.feasibility 记录前期论证", severity="info", at_key=complex_flag is not None)


@RULES.rule("GS046", "预审不合格不得进入专家评审", severity="error", stages=since("review"), kinds=PLANNED_KINDS,
            citation=cite("四（二）", "预审合格后，按照“统一申报、分类评审”的原则，由领导小组办公室组织区发改经信局、区财政局等"
                                    "相关部门和专家组成评审专家组"),
            message="没有合格的预审意见书，不能进入专家评审",
            hint="在 events.prereview 写预审意见书的日期、文号和结论 pass")
def prereview_passed(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    进入专家评审前：是否记录了预审意见书（`events.prereview` 的日期、文号、结论），结论不是不合格（fail），
    且日期不早于申报日期。

    ## 为什么
    四（二）：领导小组办公室“出具预审意见书，提出取消、拆分、合并项目建设或完善需求方案等意见建议”；“预审合格后”
    才组成评审专家组审查。预审不合格的，按意见完善后重新申报。

    ## 通过示例
    ```yaml
    events: {prereview: {date: 2026-09-18, doc_no: 拱数预审〔2026〕37号, result: pass}}
    ```
    ## 不通过示例
    ```yaml
    events: {prereview: {date: 2026-09-18, doc_no: 拱数预审〔2026〕37号, result: fail}}
    ```
    """
    yield from _decision(project, "prereview", "预审意见书", "预审不合格，不能进入专家评审",
                         "按预审意见书完善需求方案（或拆分、合并）后重新申报", after="declared")


@RULES.rule("GS047", "未经专家组审查的项目不得实施", severity="error", stages=since("library"), kinds=PLANNED_KINDS,
            citation=cite("四（二）", "审查结论作为项目是否实施的依据。未经审查的项目一律不得实施。"),
            message="没有专家组审查通过的结论，不能入库和实施",
            hint="在 events.reviewed 写审查的日期、文号和结论 pass")
def reviewed(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    入库前：是否记录了评审专家组的审查（`events.reviewed` 的日期、文号、结论），结论不是不通过（fail），
    且审查不早于预审意见书。专家组的组成（区发改经信局、区财政局等部门和专家）可记在 `participants`，不作检查。

    ## 为什么
    四（二）：“审查结论作为项目是否实施的依据。未经审查的项目一律不得实施。”四（三）：入库草案“根据项目实施方案
    审查结果”编制。

    ## 通过示例
    ```yaml
    events: {reviewed: {date: 2026-10-16, doc_no: 拱数评〔2026〕21号, result: pass}}
    ```
    ## 不通过示例
    ```yaml
    events: {reviewed: {date: 2026-10-16, doc_no: 拱数评〔2026〕21号, result: fail}}
    ```
    """
    yield from _decision(project, "reviewed", "专家组审查", "专家组审查结论为不通过，项目不得实施",
                         "按审查意见修改实施方案后重新申报", after="prereview", order_hint="预审合格后才组织专家组审查")


@RULES.rule("GS048", "突发紧急项目未经区政府同意", severity="error", stages=since("library"), kinds=("urgent",),
            citation=cite("四（三）", "对于突发性、紧急性的信息化项目，由项目单位直接报区政府审批，领导小组办公室会同区财政局及"
                                    "有关单位出具意见，并经区政府同意后，纳入年度建设计划。"),
            message="突发紧急项目没有记录报区政府审批、领导小组办公室意见和区政府同意",
            hint="在 events.declared、events.office_opinion、events.government_approved 写日期和文号")
def urgent_approved(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    突发紧急项目（`kind: urgent`）纳入年度建设计划前：是否记录了报区政府审批（`events.declared`）、领导小组办公室
    会同区财政局出具的意见（`events.office_opinion`）和区政府同意（`events.government_approved`，有日期和文号，
    结论不是 fail），且三者依次发生（同一天可以）。

    ## 为什么
    四（三）：“对于突发性、紧急性的信息化项目，由项目单位直接报区政府审批，领导小组办公室会同区财政局及有关单位出具意见，
    并经区政府同意后，纳入年度建设计划。”

    ## 通过示例
    ```yaml
    events:
      declared: {date: 2025-08-04}
      office_opinion: {date: 2025-08-08, doc_no: 拱数转办〔2025〕31号}
      government_approved: {date: 2025-08-15, doc_no: 拱政办抄〔2025〕88号}
    ```
    ## 不通过示例
    ```yaml
    events:
      declared: {date: 2025-08-04}
      government_approved: {date: 2025-08-15, doc_no: 拱政办抄〔2025〕88号}
    ```
    """
    yield from require_event(project, "declared", "报区政府审批")
    yield from require_event(project, "office_opinion", "领导小组办公室意见")
    yield from require_event(project, "government_approved", "区政府同意", need=("date", "doc_no"))
    yield from _failed(project, "government_approved", "区政府没有同意，不能纳入年度建设计划", "按区政府意见处理")
    yield from _events_in_order(project, "declared", "office_opinion")
    yield from _events_in_order(project, "office_opinion", "government_approved")


# ---- 五、项目采购、实施和验收 ---------------------------------------------------------------------------------

def _procurement_start(project: "Project") -> tuple[str, _dt.date] | None:
    for key in ("procurement_started", "procured"):
        date = project.event_date(key)
        if date:
            return key, date
    return None


@RULES.rule("GS051", "招标需求未经专家确认即采购", severity="error", stages=since("procure"),
            citation=cite("五（一）", "项目建设单位项目（单个项目经费预算50万元以上，下同）采购前根据项目实施方案审查意见编写招标需求，"
                                    "由领导小组办公室统一组织专家确认，对出现与审定意见中内容不一致、采购不符合要求的软硬件和服务等"
                                    "方面问题的项目，一律不准实施采购。"),
            message="单个项目经费预算50万元以上（含50万元）的项目，招标需求没有经领导小组办公室组织专家确认",
            hint="在 documents.tender_needs 附招标需求，在 events.tender_confirmed 写专家确认的日期和结论 pass",
            boundaries=(threshold("单个项目经费预算50万元", "以上", True, "50.00 万元须专家确认招标需求，49.99 万元不需要"),))
def tender_confirmed(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    进入采购前，经费预算（budget.yaml 的 `total`）50万元以上（含50万元；49.99万元不需要）的项目：
    - 是否有招标需求（`documents.tender_needs`，附文件）；
    - 是否记录了领导小组办公室组织专家确认（`events.tender_confirmed` 的日期和结论），结论不是不通过（fail）；
    - 确认不早于专家组审查（招标需求根据审查意见编写），采购启动（`events.procurement_started`，没有时取
      `events.procured`）不早于确认。
    招标需求与审定意见是否一致，由专家确认判断，无法自动检查。

    ## 为什么
    五（一）：“项目建设单位项目（单个项目经费预算50万元以上，下同）采购前根据项目实施方案审查意见编写招标需求，由领导小组
    办公室统一组织专家确认，……一律不准实施采购。”“以上”含本数。

    ## 通过示例
    ```yaml
    # budget.yaml
    total: 50.00
    # project.yaml
    events: {tender_confirmed: {date: 2026-03-06, result: pass}}
    ```
    ## 不通过示例
    ```yaml
    # budget.yaml
    total: 50.00
    # project.yaml
    events: {}
    ```
    """
    total, missing = _threshold(project, TENDER_THRESHOLD, "招标需求确认")
    if missing:
        yield missing
    if total is None:
        return
    yield from require_document(project, "tender_needs", "招标需求", need=("evidence",))
    yield from require_event(project, "tender_confirmed", "招标需求专家确认", need=("date", "result"))
    yield from _failed(project, "tender_confirmed", "招标需求专家确认未通过，一律不准实施采购",
                       "按专家意见修改招标需求，与审定意见保持一致后重新确认")
    yield from _events_in_order(project, "reviewed", "tender_confirmed", "招标需求根据项目实施方案审查意见编写")
    start = _procurement_start(project)
    if start:
        yield from _events_in_order(project, "tender_confirmed", start[0], "招标需求经专家确认后才能实施采购")


@RULES.rule("GS052", "未确定采购最高限价", severity="error", stages=since("procure"),
            citation=cite("五（二）", "对经核准的招标需求，由领导小组办公室组织区发改经信局、区财政局等单位和专家进行价格估算，"
                                    "必要时可以征询有关单位意见，确定项目采购最高限价。"),
            message="经核准的招标需求没有确定采购最高限价",
            hint="在 contract.yaml 的 price_cap 写最高限价金额、确定日期和文号")
def price_cap(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    进入采购前，需要招标需求确认的项目（经费预算50万元以上，含50万元；或已记录招标需求确认）：
    - contract.yaml 的 `price_cap` 是否写了最高限价金额（`amount`）和确定日期（`date`）；
    - 确定日期不早于招标需求确认，采购启动不早于确定日期；
    - 承建合同金额合计不超过最高限价（超过即违背“最高限价”）。

    ## 为什么
    五（二）：“对经核准的招标需求，由领导小组办公室组织区发改经信局、区财政局等单位和专家进行价格估算，……
    确定项目采购最高限价。”

    ## 通过示例
    ```yaml
    price_cap: {amount: 244.00, date: 2026-03-13, doc_no: 拱数限价〔2026〕9号}
    parties: [{role: 承建, amount: 238.60}]
    ```
    ## 不通过示例
    ```yaml
    price_cap: {amount: 244.00, date: 2026-03-13}
    parties: [{role: 承建, amount: 244.01}]
    ```
    """
    total = project.total
    if not ((total is not None and total >= TENDER_THRESHOLD) or project.event_date("tender_confirmed")):
        return
    if not project.has("contract.yaml"):
        yield Finding("contract.yaml", (), "缺少文件 contract.yaml，其中应填写采购最高限价",
                      "用 `govproj new` 生成 contract.yaml 后在 price_cap 填写")
        return
    for key, label in (("amount", "采购最高限价金额"), ("date", "最高限价确定日期")):
        yield from require(project, "contract.yaml", ("price_cap", key), label)
    cap = project.money("contract.yaml", "price_cap", "amount")
    fixed = project.get("contract.yaml", "price_cap", "date")
    yield from _after("contract.yaml", ("price_cap", "date"), fixed, "最高限价确定日期",
                      project.event_date("tender_confirmed"), EVENT_LABELS["tender_confirmed"],
                      "最高限价针对经核准的招标需求确定")
    start = _procurement_start(project)
    if start:
        yield from _after("project.yaml", ("events", start[0], "date"), start[1], EVENT_LABELS[start[0]], fixed,
                          "最高限价确定日期", "先确定采购最高限价，再实施采购")
    contractors = _parties(project, "承建")
    amounts = [p.get("amount") for _, p in contractors if isinstance(p.get("amount"), Money)]
    if cap is not None and amounts and sum(amounts) > cap:
        yield Finding("contract.yaml", ("parties", contractors[0][0], "amount"),
                      f"承建合同金额合计 {sum(amounts):f} 万元，超过采购最高限价 {cap:f} 万元",
                      "核对合同金额；采购结果不能超过最高限价")


@RULES.rule("GS053", "合同未在签订后5个工作日内备案", severity="error", stages=since("contract"),
            citation=cite("五（三）", "合同签订后5个工作日内需向领导小组办公室备案。"),
            message="合同没有在签订后5个工作日内向领导小组办公室备案",
            hint="向领导小组办公室备案后，在 contract.yaml 该合同的 filed_on 写备案日期",
            boundaries=(period("5个工作日（自合同签订后）", "个工作日内", True, "2026-04-28 签订：第5个工作日是 2026-05-08（劳动节假期不计），5-08 备案按时，5-09 逾期"),))
def contract_filed(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    contract.yaml 中每份写了签订日期（`signed_on`）的合同：备案日期（`filed_on`）是否在签订后5个工作日内
    （签订当日不计入，往后数5个工作日，法定节假日不算、调休上班日算，期限最后一天备案不算逾期），且不早于签订日期。
    - 处于“合同备案”阶段、尚未备案、今天仍在期限内：提示期限和剩余工作日；
    - 已过期限仍未备案，或进入实施阶段时仍未备案：错误。
    涉及没有官方放假安排的年份时，消息会注明按法定节假日估算。

    ## 为什么
    五（三）：“采购完成后，项目建设单位需按照政府采购实施条例的要求签订合同，合同签订后5个工作日内需向领导小组办公室备案。
    合同备案情况纳入项目绩效评价。”

    ## 通过示例
    ```yaml
    parties: [{role: 承建, signed_on: 2026-05-08, filed_on: 2026-05-14}]   # 5月9日（星期六）调休上班
    ```
    ## 不通过示例
    ```yaml
    parties: [{role: 承建, signed_on: 2026-05-08, filed_on: 2026-05-15}]
    ```
    """
    signed_items = [(index, party) for index, party in project.items("contract.yaml", "parties")
                    if isinstance(party.get("signed_on"), _dt.date)]
    deadlines = DEADLINES.evaluate("GS053", project, ctx)  # one per dated contract, in the same order
    for (index, party), deadline in zip(signed_items, deadlines):
        signed, due, filed = party["signed_on"], deadline.due, deadline.done_on
        note = estimate_note(deadline.estimated_years)
        what = f"{party.get('role') or ''}合同“{party.get('contract_no') or party.get('name') or index + 1}”"
        if filed is not None:
            if filed < signed:
                yield Finding("contract.yaml", ("parties", index, "filed_on"),
                              f"{what}备案日期 {fmt_date(filed)} 早于签订日期 {fmt_date(signed)}", "核对签订和备案日期")
            elif not deadline.on_time:
                yield Finding("contract.yaml", ("parties", index, "filed_on"),
                              f"{what} {fmt_date(signed)} 签订，备案期限为 {fmt_date(due)}（5个工作日，含当天），"
                              f"{fmt_date(filed)} 才备案{note}")
        elif deadline.status == OVERDUE:
            yield Finding("contract.yaml", ("parties", index, "signed_on"),
                          f"{what} {fmt_date(signed)} 签订，备案期限 {fmt_date(due)} 已过，仍未记录备案{note}")
        elif project.stage == "contract":
            yield Finding("contract.yaml", ("parties", index, "signed_on"),
                          f"{what} {fmt_date(signed)} 签订，最迟 {fmt_date(due)} 向领导小组办公室备案"
                          f"（还有 {deadline.workdays_left} 个工作日）{note}", severity="warning" if note else "info")
        else:
            yield Finding("contract.yaml", ("parties", index, "signed_on"),
                          f"{what}尚未备案（期限 {fmt_date(due)}）：备案后才能进入实施{note}")


DEADLINES.declare("GS053", "向领导小组办公室备案合同", Workdays(FILING_WORKDAYS),
                  start=EachItem("contract.yaml", ("parties",), "signed_on", "合同签订", name_key="contract_no"),
                  done=ItemValue("filed_on", "合同备案"), term="合同签订后5个工作日内")


@RULES.rule("GS054", "未按要求报送“双监控”绩效监控报告", severity="error", stages=since("implement"),
            citation=cite("五（四）", "项目建设过程中，项目建设单位应定期对项目绩效目标实现程度和预算执行进度开展“双监控”，"
                                    "并向领导小组办公室和区财政局报送绩效监控报告。"),
            message="项目建设过程中没有报送“双监控”绩效监控报告，或报告不完整",
            hint="在 project.yaml 的 monitoring 记录每次报送：日期、是否含绩效目标实现程度和预算执行进度、报送单位、报告文件",
            settings=(Setting("interval_months", "int", "“定期”报送的间隔（月）；办法没有规定，按区里的要求设置"),),
            boundaries=(period("“定期”报送的间隔（settings.GS054.interval_months）", "内", True, "interval_months: 3：2026-01-15 报送后，2026-04-15 报送仍按期，04-16 逾期（对应日是休假日的顺延）", why="原文没有给出数字，由设置给出（govproj 不替用户假定）；间隔按民法典 第二百零一条至第二百零三条推算：起算日不计入，对应日当天仍按期，遇休假日顺延"),))
def dual_monitoring(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    实施阶段起，project.yaml 的 `monitoring`（“双监控”绩效监控报告）：
    - 进入竣工验收时至少报送过一次（实施阶段尚未报送为警告）；
    - 每次报告同时监控绩效目标实现程度（`goals: true`）和预算执行进度（`budget: true`），报送单位（`to`）
      同时包括领导小组办公室（或区数据资源局）和区财政局；
    - 设置了参数 `interval_months` 时：从承建合同签订起，相邻两次报送相隔不超过该月数（按《民法典》第二百零二条推算对应日，
      正好满该月数的当天仍算按期，该日是法定休假日的顺延至休假日结束的次日，《民法典》第二百零三条），实施阶段还检查最后一次报送至今天。办法只说“定期”，没有规定间隔，参数没有默认值；
      未设置时给出提示，只检查是否报送。

    ## 为什么
    五（四）：“项目建设过程中，项目建设单位应定期对项目绩效目标实现程度和预算执行进度开展“双监控”，并向领导小组办公室和
    区财政局报送绩效监控报告。项目实施进度将作为项目绩效评价的重要指标。”

    ## 通过示例
    ```yaml
    monitoring:
      - {date: 2026-07-08, goals: true, budget: true, to: [区数据资源局（领导小组办公室）, 区财政局]}
    settings: {GS054: {interval_months: 3}}
    ```
    ## 不通过示例
    ```yaml
    monitoring:
      - {date: 2026-07-08, goals: true, budget: false, to: [区财政局]}
    ```
    """
    reports = list(project.items("project.yaml", "monitoring"))
    starts = [p["signed_on"] for _, p in _parties(project, "承建") if isinstance(p.get("signed_on"), _dt.date)]
    start = min(starts) if starts else None
    implementing = project.stage == "implement"
    if not reports:
        if implementing:
            yield Finding("project.yaml", ("monitoring",), "实施阶段尚未报送“双监控”绩效监控报告",
                          severity="warning", at_key=project.get("project.yaml", "monitoring") is not None)
        else:
            yield Finding("project.yaml", ("monitoring",), "项目建设过程中没有报送过“双监控”绩效监控报告",
                          at_key=project.get("project.yaml", "monitoring") is not None)
    for index, report in reports:
        missing = []
        if blank(report.get("date")):
            missing.append("报送日期")
        if report.get("goals") is not True:
            missing.append("绩效目标实现程度")
        if report.get("budget") is not True:
            missing.append("预算执行进度")
        to = [t for t in report.get("to") or [] if isinstance(t, str)]
        if not any(_is_office(t) for t in to):
            missing.append("报送领导小组办公室")
        if not any("财政" in t for t in to):
            missing.append("报送区财政局")
        if missing:
            yield Finding("project.yaml", ("monitoring", index),
                          f"第 {index + 1} 次绩效监控报告缺少：{'、'.join(missing)}",
                          "“双监控”要同时监控绩效目标实现程度和预算执行进度，并同时报送领导小组办公室和区财政局")
    yield from _regularity(project, ctx, "monitoring", "“双监控”绩效监控报告", "GS054", "interval_months",
                           ("承建合同签订", start) if start else None, implementing)


OFFICE = bodies.Body("领导小组办公室", ("区数据资源局",))  # 三（一）: 领导小组办公室（设在区数据资源局）
ACCEPTANCE_BODIES = bodies.Bodies("GS055", "竣工验收组织", "五（五）", "报请领导小组办公室组织竣工验收", (OFFICE,),
                                  "project.yaml 的 events.accepted.by", ("杭州市拱墅", "拱墅"),
                                  note="领导小组办公室设在区数据资源局（三（一））：写其中之一即可")


@RULES.rule("GS055", "竣工验收不合格或未经验收即投入使用", severity="error", stages=since("golive"),
            citation=cite("五（五）", "信息化项目建设完成后，项目建设单位应及时报请领导小组办公室组织竣工验收，由领导小组办公室"
                                    "统一组织专家验收。验收不合格的信息化项目不得投入使用。"),
            message="没有领导小组办公室组织的合格的竣工验收，不得投入使用",
            hint="在 events.accepted 写验收日期、结论 pass 和组织单位（by：领导小组办公室）",
            settings=(bodies.setting("组织竣工验收的领导小组办公室"),))
def acceptance(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    上线（运维项目：进入运维）前：是否记录了竣工验收（`events.accepted` 的日期、结论和组织单位），结论不是不合格（fail），
    组织单位（`by`）是领导小组办公室（设在区数据资源局，写其中之一即可，可带“杭州市拱墅”“拱墅”；名称须正是其中之一，
    本单位的其他叫法写在 settings.GS055.bodies），上线日期（`events.golive`）不早于验收日期。
    验收审查的内容（资料、合同履行、功能性能安全、资源共享等）由专家验收判断，无法自动检查。

    ## 为什么
    五（五）：“信息化项目建设完成后，项目建设单位应及时报请领导小组办公室组织竣工验收，由领导小组办公室统一组织专家验收。
    验收不合格的信息化项目不得投入使用。”

    ## 通过示例
    ```yaml
    events:
      accepted: {date: 2026-03-20, result: pass, by: 拱墅区数据资源局（领导小组办公室）}
      golive: {date: 2026-03-28}
    ```
    ## 不通过示例
    ```yaml
    events:
      accepted: {date: 2026-03-20, result: fail, by: 拱墅区数据资源局（领导小组办公室）}
    ```
    """
    yield from require_event(project, "accepted", "竣工验收", need=("date", "result", "by"))
    yield from _failed(project, "accepted", "竣工验收不合格，不得投入使用", "整改后重新报请领导小组办公室组织验收")
    yield from bodies.check_by(project, ctx, ACCEPTANCE_BODIES, "project.yaml", ("events", "accepted", "by"),
                               "竣工验收的组织单位")
    yield from _events_in_order(project, "accepted", "golive", "验收合格后才能投入使用")


@RULES.rule("GS056", "上线前未完成基础服务和数据共享接口对接，或系统间直接对接", severity="error", stages=since("golive"),
            kinds=SYSTEM_KINDS,
            citation=cite("五（六）", "项目上线前需与基础服务完成对接，未完成的单位一律不得上线使用。"
                                    "项目上线前需完成数据共享接口对接，不得系统与系统间直接对接。"),
            message="上线前没有完成与基础服务、数据共享接口的对接，或存在系统间直接对接",
            hint="在 sharing.yaml 的 base_services、interface 写 connected: true 和完成日期；取消直接对接，改走数据共享接口")
def go_live_connections(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    上线前（sharing.yaml）：
    - 与基础服务（公共基础支撑平台，二（二））完成对接（`base_services.connected: true`，完成日期不晚于上线日期）；
    - 完成数据共享接口对接（`interface`，同上）；
    - `direct_links`（绕过数据共享接口的系统间直接对接）为空。
    记录了保密依据（`secrecy.basis`）的项目只检查第三项。运维项目没有上线环节，不检查。

    ## 为什么
    五（六）：“项目上线前需与基础服务完成对接，未完成的单位一律不得上线使用。项目上线前需完成数据共享接口对接，
    不得系统与系统间直接对接。”

    ## 通过示例
    ```yaml
    base_services: {connected: true, date: 2026-03-10}
    interface: {connected: true, date: 2026-03-12}
    direct_links: []
    ```
    ## 不通过示例
    ```yaml
    interface: {connected: true, date: 2026-03-12}
    direct_links: [{system: 区应急管理局值班系统}]
    ```
    """
    if not _secret(project):
        yield from _connection(project, "base_services", "与基础服务的对接", "项目上线前需与基础服务完成对接")
        yield from _connection(project, "interface", "数据共享接口对接", "项目上线前需完成数据共享接口对接")
    for index, link in project.items("sharing.yaml", "direct_links"):
        yield Finding("sharing.yaml", ("direct_links", index),
                      f"与“{link.get('system') or index + 1}”系统直接对接：不得系统与系统间直接对接",
                      "改为通过数据共享接口交换数据，然后删除这一项")


@RULES.rule("GS057", "采购完成后未签订合同", severity="error", stages=since("contract"),
            citation=cite("五（三）", "采购完成后，项目建设单位需按照政府采购实施条例的要求签订合同"),
            message="没有记录采购完成和承建合同的签订",
            hint="在 events.procured 写中标（成交）通知书日期，在 contract.yaml 写承建单位、确定方式、合同编号和签订日期")
def contract_signed(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    进入合同备案前：是否记录了采购完成（`events.procured`），contract.yaml 是否有承建合同（单位名称、确定方式、
    合同编号、签订日期），且合同签订不早于采购完成（同一天可以）。

    ## 为什么
    五（三）：“采购完成后，项目建设单位需按照政府采购实施条例的要求签订合同”。

    ## 通过示例
    ```yaml
    parties: [{role: 承建, name: 杭州某某科技有限公司, selection: 公开招标, contract_no: GS-2026-017, signed_on: 2026-05-08}]
    ```
    ## 不通过示例
    ```yaml
    parties: []
    ```
    """
    yield from require_event(project, "procured", "采购完成")
    contractors = _parties(project, "承建")
    if not contractors:
        yield Finding("contract.yaml", ("parties",), "采购完成后没有记录承建合同", at_key=project.has("contract.yaml"))
    for index, party in contractors:
        missing = _missing(party, (("name", "单位名称"), ("selection", "确定方式"), ("contract_no", "合同编号"),
                                   ("signed_on", "签订日期")))
        if missing:
            yield Finding("contract.yaml", ("parties", index), f"承建合同缺少{'、'.join(missing)}")
        yield from _after("contract.yaml", ("parties", index, "signed_on"), party.get("signed_on"), "承建合同签订日期",
                          project.event_date("procured"), EVENT_LABELS["procured"], "采购完成后才签订合同")


@RULES.rule("GS058", "经费预算100万元以上的项目未落实监理", severity="error", stages=since("implement"),
            citation=cite("五（四）", "经费预算100万元以上的信息化项目，由项目建设单位落实项目监理，并向领导小组办公室提交项目监理"
                                    "相关材料。"),
            message="经费预算100万元以上（含100万元）的项目没有落实项目监理或没有提交监理相关材料",
            hint="在 contract.yaml 记录监理单位和合同，在 documents.supervision_materials 写提交日期并附材料",
            boundaries=(threshold("经费预算100万元", "以上", True, "100.00 万元须落实监理，99.99 万元不需要"),))
def supervision(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    进入实施前，经费预算（budget.yaml 的 `total`）100万元以上（含100万元；99.99万元不需要）的项目：
    - contract.yaml 是否有监理单位（`role: 监理`），写了单位名称、合同编号和签订日期；
    - 是否向领导小组办公室提交了监理相关材料（`documents.supervision_materials` 的提交日期和文件）。

    ## 为什么
    五（四）：“经费预算100万元以上的信息化项目，由项目建设单位落实项目监理，并向领导小组办公室提交项目监理相关材料。”
    “以上”含本数。

    ## 通过示例
    ```yaml
    # budget.yaml: total: 100.00
    parties: [{role: 监理, name: 浙江某某监理有限公司, contract_no: JL-2026-006, signed_on: 2026-05-12}]
    ```
    ## 不通过示例
    ```yaml
    # budget.yaml: total: 100.00
    parties: [{role: 承建, name: 杭州某某科技有限公司}]
    ```
    """
    total, missing = _threshold(project, SUPERVISION_THRESHOLD, "项目监理")
    if missing:
        yield missing
    if total is None:
        return
    supervisors = _parties(project, "监理")
    if not supervisors:
        yield Finding("contract.yaml", ("parties",),
                      f"经费预算 {total:f} 万元（100万元以上），没有落实项目监理", at_key=project.has("contract.yaml"))
    for index, party in supervisors:
        missing = _missing(party, (("name", "单位名称"), ("contract_no", "合同编号"), ("signed_on", "签订日期")))
        if missing:
            yield Finding("contract.yaml", ("parties", index), f"监理合同缺少{'、'.join(missing)}")
    yield from require_document(project, "supervision_materials", "项目监理相关材料", need=("date", "evidence"))


@RULES.rule("GS059", "上线前未申请或未分配资源", severity="warning", stages=since("golive"), kinds=SYSTEM_KINDS,
            citation=cite("五（六）", "项目建设单位根据项目实施进度计划，向区数据资源局申请政务云、基础服务、数据共享等资源，"
                                    "区数据资源局对资源申请要求评估后，分配相关资源，并下达资源分配表。"),
            message="上线前没有记录向区数据资源局申请的资源和下达的资源分配表",
            hint="在 project.yaml 的 allocations 记录每项资源的申请日期、分配日期和资源分配表编号")
def resources_allocated(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    上线前：project.yaml 的 `allocations` 是否至少记录了一项向区数据资源局申请的资源；每项写了申请日期，并已下达
    资源分配表（分配日期或资源分配表编号），分配不早于申请。
    办法用陈述语气规定资源申请，没有“应”“须”，所以是警告。云资源利用率的监控和收回是区数据资源局的工作，不检查。

    ## 为什么
    五（六）：“项目建设单位根据项目实施进度计划，向区数据资源局申请政务云、基础服务、数据共享等资源，区数据资源局对资源
    申请要求评估后，分配相关资源，并下达资源分配表。”上线前必须完成的基础服务、数据共享接口对接也依赖这些资源。

    ## 通过示例
    ```yaml
    allocations:
      - {type: 政务云, applied_on: 2025-10-09, allocated_on: 2025-10-16, doc_no: 拱数资〔2025〕143号}
    ```
    ## 不通过示例
    ```yaml
    allocations:
      - {type: 政务云, applied_on: 2025-10-09}
    ```
    """
    items = list(project.items("project.yaml", "allocations"))
    if not items:
        yield Finding("project.yaml", ("allocations",), at_key=project.get("project.yaml", "allocations") is not None)
    for index, item in items:
        what = f"{item.get('type') or ''}资源申请（第 {index + 1} 项）"
        if blank(item.get("applied_on")):
            yield Finding("project.yaml", ("allocations", index), f"{what}没有写申请日期", "在 applied_on 写申请日期")
        if blank(item.get("allocated_on")) and blank(item.get("doc_no")):
            yield Finding("project.yaml", ("allocations", index), f"{what}尚未下达资源分配表",
                          "区数据资源局下达资源分配表后，写 allocated_on 和 doc_no")
        yield from _after("project.yaml", ("allocations", index, "allocated_on"), item.get("allocated_on"), "分配日期",
                          item.get("applied_on"), "申请日期")


# ---- 六、项目运维保障、数据归集共享和绩效评价 -----------------------------------------------------------------

def _in_service_since(project: "Project") -> _dt.date | None:
    return project.event_date("golive") or project.event_date("accepted")


@RULES.rule("GS061", "未定期报送运维安全保障记录", severity="warning", stages=("operation",),
            citation=cite("六（一）", "项目建设单位按照区数据资源局制定的统一运维保障和安全规范，对项目进行全流程运维保障和安全管理，"
                                    "形成完整的运维安全保障记录，定期报送至区数据资源局。"),
            message="运维阶段没有报送运维安全保障记录",
            hint="在 project.yaml 的 om_records 记录每次报送区数据资源局的日期、期间和记录文件",
            settings=(Setting("period_months", "int", "“定期”报送的间隔（月）；办法没有规定，按区数据资源局的要求设置"),),
            boundaries=(period("“定期”报送的间隔（settings.GS061.period_months）", "内", True, "period_months: 3：2026-01-15 报送后，2026-04-15 报送仍按期，04-16 逾期（对应日是休假日的顺延）", why="原文没有给出数字，由设置给出（govproj 不替用户假定）；间隔按民法典 第二百零一条至第二百零三条推算：起算日不计入，对应日当天仍按期，遇休假日顺延"),))
def om_records(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    运维阶段：project.yaml 的 `om_records`（报送区数据资源局的运维安全保障记录）是否至少有一次；设置了参数
    `period_months` 时，从上线（运维项目：验收）起，相邻两次报送以及最后一次至今天相隔不超过该月数（正好满该月数当天仍算按期，该日是法定休假日的顺延至休假日结束的次日，《民法典》第二百零三条）。
    办法只说“定期”，没有规定间隔，参数没有默认值；未设置时给出提示，只检查是否报送。
    运维阶段的记录随时间产生，所以是警告；区数据资源局的运维安全检查和整改督促不是项目数据，不检查。

    ## 为什么
    六（一）：项目建设单位“形成完整的运维安全保障记录，定期报送至区数据资源局”；记录“作为项目绩效评估和下一年运维经费依据”。

    ## 通过示例
    ```yaml
    om_records: [{date: 2026-06-30, period: 2026年第二季度}, {date: 2026-09-30, period: 2026年第三季度}]
    settings: {GS061: {period_months: 3}}
    ```
    ## 不通过示例
    ```yaml
    om_records: []
    ```
    """
    if not list(project.items("project.yaml", "om_records")):
        yield Finding("project.yaml", ("om_records",), at_key=project.get("project.yaml", "om_records") is not None)
    since_date = _in_service_since(project)
    yield from _regularity(project, ctx, "om_records", "运维安全保障记录", "GS061", "period_months",
                           ("投入使用", since_date) if since_date else None, True)


@RULES.rule("GS062", "未接入区数据中枢不得上线", severity="error", stages=since("golive"), kinds=SYSTEM_KINDS,
            citation=cite("六（二）", "按照数据资源归集共享规范，无条件与区数据中枢对接，未接入区数据中枢的系统，不得上线运行。"),
            message="系统没有接入区数据中枢，不得上线运行",
            hint="完成与区数据中枢的对接后，在 sharing.yaml 的 data_hub 写 connected: true、完成日期和证据")
def data_hub(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    上线前：sharing.yaml 的 `data_hub` 是否已完成对接（`connected: true`），完成日期不晚于上线日期
    （`events.golive.date`）。记录了保密依据（project.yaml 的 `secrecy.basis`）的项目不检查：二（二）规定“除确有
    法律法规明确要保密的外”，办法末段规定涉密项目按照国家保密有关规定执行。运维项目没有上线环节，不检查。

    ## 为什么
    六（二）：项目建设过程必须“按照数据资源归集共享规范，无条件与区数据中枢对接，未接入区数据中枢的系统，不得上线运行。”
    二（二）也要求与区数据中枢对接。

    ## 通过示例
    ```yaml
    data_hub: {connected: true, date: 2026-03-12}
    ```
    ## 不通过示例
    ```yaml
    data_hub: {connected: false}
    ```
    """
    if _secret(project):
        return
    yield from _connection(project, "data_hub", "与区数据中枢的对接", "未接入区数据中枢的系统，不得上线运行")


@RULES.rule("GS063", "未开展第三方绩效评价", severity="warning", stages=("operation",),
            citation=cite("六（三）", "领导小组办公室会同区财政局，聘请第三方机构，根据项目实施情况、项目使用情况、项目资金使用情况，"
                                    "定期对信息化项目建设情况进行统一绩效评价。"),
            message="运维阶段尚未记录第三方机构的绩效评价",
            hint="第三方绩效评价后，在 project.yaml 的 evaluations 记录日期、第三方机构、结论和报告")
def third_party_evaluation(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    运维阶段：project.yaml 的 `evaluations` 是否记录了绩效评价；每条评价的评价机构（`by`）必须写明，且是第三方：
    不能是项目单位自己，也不能是领导小组办公室（区数据资源局）或区财政局（它们聘请第三方），否则为错误。
    评价由领导小组办公室会同区财政局组织，项目单位配合，所以尚无记录只是警告。评价周期（“定期”）由领导小组办公室
    统一安排，不检查。

    ## 为什么
    六（三）：“领导小组办公室会同区财政局，聘请第三方机构，根据项目实施情况、项目使用情况、项目资金使用情况，定期对信息化
    项目建设情况进行统一绩效评价。”三（六）：项目建设单位“配合开展项目绩效评估、绩效评价等工作”。

    ## 通过示例
    ```yaml
    evaluations: [{date: 2026-10-28, by: 浙江中诚工程管理咨询有限公司, result: 良}]
    ```
    ## 不通过示例
    ```yaml
    unit: 杭州市拱墅区应急管理局
    evaluations: [{date: 2026-10-28, by: 杭州市拱墅区应急管理局, result: 良}]
    ```
    """
    items = list(project.items("project.yaml", "evaluations"))
    if not items:
        yield Finding("project.yaml", ("evaluations",), at_key=project.get("project.yaml", "evaluations") is not None)
    unit = project.get("project.yaml", "unit")
    for index, item in items:
        by = item.get("by")
        if blank(by):
            yield Finding("project.yaml", ("evaluations", index), f"第 {index + 1} 次绩效评价没有写评价机构",
                          "在 by 写领导小组办公室会同区财政局聘请的第三方机构", severity="error")
        elif by == unit or _is_office(by) or "财政局" in by:
            yield Finding("project.yaml", ("evaluations", index, "by"), f"绩效评价机构“{by}”不是第三方机构",
                          "绩效评价由领导小组办公室会同区财政局聘请第三方机构开展", severity="error")


@RULES.rule("GS064", "未形成实施和运维台账", severity="error", stages=since("acceptance"),
            citation=cite("六（三）", "项目建设单位需按照区信息化实施过程管理和运行考核体系的要求进行项目实施和运维，形成实施和运维台账"),
            message="没有形成实施和运维台账",
            hint="在 documents.ledger 写台账名称并附台账文件")
def ledger(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    进入竣工验收前：`documents.ledger`（实施和运维台账）是否写了名称并附文件。台账是否符合区信息化实施过程管理和
    运行考核体系的要求，无法自动判断。

    ## 为什么
    六（三）：“项目建设单位需按照区信息化实施过程管理和运行考核体系的要求进行项目实施和运维，形成实施和运维台账”；
    绩效评价“根据项目实施情况、项目使用情况、项目资金使用情况”开展，台账是依据。

    ## 通过示例
    ```yaml
    documents: {ledger: {title: 项目实施台账, evidence: [evidence/实施台账.xlsx]}}
    ```
    ## 不通过示例
    ```yaml
    documents: {ledger: {title: 项目实施台账}}
    ```
    """
    yield from require_document(project, "ledger", "实施和运维台账", need=("title", "evidence"))


@RULES.rule("GS065", "运维安全检查要求的整改未落实", severity="error", stages=(),
            citation=cite("六（一）", "区数据资源局定期对项目进行运维安全检查，对于发现存在重大安全漏洞或运维保障不到位的项目，督促项目建设单位立即实施整改。"),
            message="运维安全检查发现问题、督促立即整改，没有记录整改完成",
            hint="在 orders 该项写整改完成日期（done_on）并附整改材料")
def orders_gs065(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    project.yaml 的 `orders` 里区数据资源局（运维安全检查）提出的整改要求：
    - 每项写了要求日期（`date`）；
    - 整改：有期限的，在期限内（含当天）完成（`done_on`）；期限已过仍未完成的报告；没有期限、尚未完成的只作提示；
    办法没有规定整改的期限，govproj 不替它规定：要求里写了期限（`deadline`）才判断是否逾期，期限当天完成不算逾期。

    ## 为什么
    六（一）：“区数据资源局定期对项目进行运维安全检查，对于发现存在重大安全漏洞或运维保障不到位的项目，督促项目建设单位立即实施整改。”“立即”没有天数，govproj 不替它规定：没有期限的整改只作提示，写了期限的按期限判断。

    ## 通过示例
    ```yaml
    orders: [{date: 2026-10-09, kind: 整改, deadline: 2026-11-09, done_on: 2026-11-09, evidence: [evidence/整改报告.pdf]}]
    ```
    ## 不通过示例
    ```yaml
    orders: [{date: 2026-10-09, kind: 整改, deadline: 2026-11-09}]   # 2026-11-25 检查：期限已过，没有记录整改完成
    ```
    """
    yield from order_findings(project, ctx.today, ('整改',), stopped=(), body="区数据资源局")


