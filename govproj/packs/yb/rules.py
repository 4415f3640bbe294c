"""Yubei's rules, one per obligation of 渝北府办发〔2019〕26号. Codes YB + article (2 digits) + variant; YBA + annex.

YB061 = 第六条, first rule; YBA11 = 附件1, first rule.
"""
from __future__ import annotations

import datetime as _dt
import re
from typing import TYPE_CHECKING, Any, Iterator

from govproj.core.deadlines import DUE, DayOfYear, Deadline, DeadlineSet, EachItem, EventDate, FieldValue, ItemValue, \
    Workdays, estimate_note
from govproj.packs.model import ArchiveItem, Stage
from govproj.packs import bodies
from govproj.packs.helpers import (order_findings, archive_findings, blank, events_in_order, fmt_date, require, require_document,
                                  require_event)
from govproj.packs.yb.data import ARCHIVE, CHAPTERS, OUT_OF_SCOPE, SOURCES
from govproj.core.rules import period, threshold  # noqa: F401
from govproj.core.rules import Citation, Context, Finding, RuleSet, Setting

if TYPE_CHECKING:
    from govproj.core.project import Project

DOC = "渝北府办发〔2019〕26号"
RULES = RuleSet("YB")
DEADLINES = DeadlineSet("YB")  # the dates YB051, YB121 and YB151 derive; `govproj deadlines` lists them
BUILD, OM = ("build",), ("om",)

STAGES: tuple[Stage, ...] = (
    Stage("declare", "需求申报", "第五条、第六条"),
    Stage("om_review", "运维需求综合评价", "第五条", kinds=OM),
    Stage("prereview", "初步审核", "第六条", kinds=BUILD),
    Stage("expert_review", "专家评审", "第七条", kinds=BUILD),
    Stage("deliberation", "区委区政府审议", "第七条", kinds=BUILD),
    Stage("budget", "纳入预算", "第五条、第七条", baseline=True),
    Stage("om_procure", "运维采购", "第九条", kinds=OM, optional=True),
    Stage("approval", "发改委立项", "第十条", kinds=BUILD, optional=True),
    Stage("procure", "组织采购", "第十条", kinds=BUILD),
    Stage("contract", "合同备案", "第十二条", kinds=BUILD),
    Stage("implement", "建设实施", "第十三条", kinds=BUILD),
    Stage("operate", "运维实施", "第十三条", kinds=OM),
    Stage("acceptance", "项目验收", "第十四条", kinds=BUILD),
    Stage("archive", "资料归档", "第十五条", kinds=BUILD),
    Stage("evaluation", "综合评价", "第十七条", kinds=BUILD),
)
_IDS = [s.id for s in STAGES]


def since(stage: str) -> tuple[str, ...]:
    return tuple(_IDS[_IDS.index(stage):])


SUBMITTED = since("om_review")  # every stage after 需求申报: the declaration has been handed in

PASSED = ("pass", "conditional")


def cite(article: str, quote: str) -> Citation:
    return Citation(DOC, f"第{article}条", quote)


def annex(number: int, quote: str) -> Citation:
    return Citation(DOC, f"附件{number}", quote)


# ---- helpers ---------------------------------------------------------------------------------------------------

def gate(project: "Project", key: str, label: str, *, need: tuple[str, ...] = ("date", "result"),
         after: tuple[str, str] | None = None, fail_hint: str = "") -> Iterator[Finding]:
    """The event happened with a passing result, and not before the step it follows (order of recorded dates)."""
    if project.event_date(key) is None:
        yield missing_event(project, key, label)
        return
    yield from require_event(project, key, label, need=tuple(n for n in need if n != "date"))
    event = project.event(key)
    if event and event.get("result") == "fail":
        yield Finding("project.yaml", ("events", key, "result"), f"{label}未通过", fail_hint or "整改后重新办理")
    if after:
        yield from not_before(project, key, label, *after)


def missing_event(project: "Project", key: str, label: str, hint: str = "") -> Finding:
    """No date recorded: one finding where the date belongs (scaffolds write every event key, blank)."""
    where = ("events", key, "date") if project.event(key) is not None else ("events", key)
    return Finding("project.yaml", where, f"没有记录“{label}”",
                   hint or f"在 project.yaml 的 events.{key} 下写日期、文号、结论和证据文件")


def not_before(project: "Project", key: str, label: str, earlier: str, earlier_label: str) -> Iterator[Finding]:
    yield from events_in_order(project, earlier, earlier_label, key, label)


def report_deadline(ctx: Context, due: Deadline, *, file: str, start_path: tuple, done_path: tuple, what: str,
                    start_label: str) -> Iterator[Finding]:
    """A working-day deadline as declared in DEADLINES (the N-th working day after the start is the last in time).

    Pending and in time → info with the due date; late, or overdue and still pending → the rule's severity
    (a warning instead when an estimated year decides it, and the message says so).
    """
    start, done = due.event_date, due.done_on
    assert start is not None
    note = estimate_note(due.estimated_years)
    severity = "warning" if note else ""
    if done is None:
        if due.status == DUE:
            yield Finding(file, start_path, f"{start_label}于 {fmt_date(start)}，最迟应在 {fmt_date(due.due)}（{due.term}）"
                                            f"{what}，还有 {due.workdays_left} 个工作日{note}", severity="info")
        else:
            yield Finding(file, start_path, f"{start_label}于 {fmt_date(start)}，期限 {fmt_date(due.due)}（{due.term}）"
                                            f"已过，仍未记录{what}{note}", severity=severity)
    elif done < start:
        yield Finding(file, done_path, f"{what}日期 {fmt_date(done)} 早于{start_label}日期 {fmt_date(start)}", "核对日期")
    elif not due.on_time:
        count = ctx.calendar.workdays_between(start, done)
        yield Finding(file, done_path, f"{start_label}于 {fmt_date(start)}，{fmt_date(done)} 才{what}，是第{count}个工作日，"
                                       f"超过期限 {fmt_date(due.due)}（{due.term}）{note}", severity=severity)


def timely(ctx: Context, code: str, start: _dt.date, done: _dt.date, *, file: str, path: tuple, what: str,
           start_verb: str = "发生") -> Iterator[Finding]:
    """“及时”: the text gives no figure, so `within_workdays` decides; unset → say it was not judged (info)."""
    limit = ctx.settings.get("within_workdays")
    if limit is None:
        yield Finding(file, path, f"{what}是否“及时”：文件没有规定期限，未设置 {code} 的 within_workdays，未作判断",
                      f"在 settings 设置 {code}: {{within_workdays: 天数}}（工作日）后即可检查", severity="info")
        return
    due = ctx.calendar.add_workdays(start, limit)
    if done > due:
        yield Finding(file, path, f"{fmt_date(start)} {start_verb}，{fmt_date(done)} 才{what}，超过设定的{limit}个工作日"
                                  f"（{fmt_date(due)}）{estimate_note(ctx.calendar.estimated_years(start, due))}")


def passed(project: "Project", key: str) -> _dt.date | None:
    """The date of an event whose result passed, else None."""
    event = project.event(key)
    if event and event.get("result") in PASSED:
        return project.event_date(key)
    return None


def parties(project: "Project") -> list[tuple[int, dict[str, Any]]]:
    return list(project.items("contract.yaml", "parties"))


# ---- 第二条 范围 ------------------------------------------------------------------------------------------------

@RULES.rule("YB021", "预算含不属于政务信息化项目的购置", severity="warning", stages=(),
            citation=cite("二", "不包括办公使用的个人电脑、照相机、复印机、移动存储设备、软件产品、耗材等的购置。"),
            message="预算明细里有第二条排除在政务信息化项目之外的购置",
            hint="这类购置不列入政务信息化项目预算；确属项目组成部分的，在该项 note 说明，并用 waivers 记录批准")
def out_of_scope(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    budget.yaml 每一项预算明细的名称是否是第二条排除的购置：办公使用的个人电脑（个人电脑、台式电脑、台式机、笔记本电脑、
    办公电脑、办公计算机）、照相机（相机）、复印机、移动存储设备（移动存储、移动硬盘、U盘）、软件产品（软件产品、
    办公软件）、耗材（耗材、墨盒、硒鼓、碳粉、打印纸）。按名称中的词判断，所以是警告：监控摄像机、服务器不在此列。

    ## 为什么
    第二条界定政务信息化项目的范围，“不包括办公使用的个人电脑、照相机、复印机、移动存储设备、软件产品、耗材等的购置”。
    这类购置混入项目预算，会在初步审核和专家评审（项目预算明细，第七条）时被核减。

    ## 通过示例
    ```yaml
    lines: [{name: 城管综合监管平台软件开发, category: 软件开发, amount: 168.00}]
    ```
    ## 不通过示例
    ```yaml
    lines: [{name: 办公电脑采购（20台）, category: 硬件购置, amount: 12.00}]
    ```
    """
    for index, line in project.items("budget.yaml", "lines"):
        name = str(line.get("name") or "")
        for item, words in OUT_OF_SCOPE:
            word = next((w for w in words if w in name), None)
            if word:
                yield Finding("budget.yaml", ("lines", index, "name"),
                              f"预算明细“{name}”含“{word}”，属于第二条排除的“{item}”购置，不是政务信息化项目的内容")
                break


# ---- 第四条 政务云、共享交换平台、业务专网 --------------------------------------------------------------------------

@RULES.rule("YB041", "未使用政务云或未接入政务数据共享交换平台", severity="error", stages=SUBMITTED,
            citation=cite("四", "除法律、行政法规或者党中央、国务院和重庆市政策有明确规定以外，政务信息化项目必须使用政务云，"
                               "接入政务数据共享交换平台。"),
            message="政务信息化项目必须使用政务云，接入政务数据共享交换平台",
            hint="在 project.yaml 的 platforms 写明使用的政务云和政务数据共享交换平台；确有明确规定不适用的，"
                 "在 platform_exemption.basis 写明规定的名称和条款")
def cloud_and_sharing(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    申报之后的各阶段，`platforms` 是否既有政务云（名称含“政务云”），又有政务数据共享交换平台（名称含“共享交换平台”）。
    `platform_exemption.basis` 写明了法律、行政法规或党中央、国务院和重庆市政策的明确规定时不检查。
    建设类和运维类项目都适用。

    ## 为什么
    第四条：“除法律、行政法规或者党中央、国务院和重庆市政策有明确规定以外，政务信息化项目必须使用政务云，
    接入政务数据共享交换平台。”第六条把“是否采用政务云平台、同步考虑接入政务数据共享交换平台”列为初步审核的内容。

    ## 通过示例
    ```yaml
    platforms: [渝北区政务云, 政务数据共享交换平台]
    ```
    ## 不通过示例
    ```yaml
    platforms: [本单位机房]
    ```
    """
    if not blank(project.get("project.yaml", "platform_exemption", "basis")):
        return
    names = [p for p in project.get("project.yaml", "platforms", default=[]) or [] if isinstance(p, str)]
    missing = [label for label, word in (("政务云", "政务云"), ("政务数据共享交换平台", "共享交换平台"))
               if not any(word in name for name in names)]
    if missing:
        yield Finding("project.yaml", ("platforms",), f"platforms 里没有{'和'.join(missing)}")


@RULES.rule("YB042", "新建业务专网", severity="error", stages=(),
            citation=cite("四", "各部门应当通过电子政务网络传输政务数据资源，不再新建业务专网"),
            message="不再新建业务专网：政务数据资源应通过电子政务网络传输",
            hint="改为通过电子政务网络传输，把 network.new_private_network 改为 false，并调整建设内容和预算")
def no_new_private_network(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    `network.new_private_network` 为 true（本项目新建业务专网）时报错，任何阶段都检查。

    ## 为什么
    第四条：“各部门应当通过电子政务网络传输政务数据资源，不再新建业务专网”。

    ## 通过示例
    ```yaml
    network: {new_private_network: false}
    ```
    ## 不通过示例
    ```yaml
    network: {new_private_network: true}
    ```
    """
    if project.get("project.yaml", "network", "new_private_network") is True:
        yield Finding("project.yaml", ("network", "new_private_network"))


@RULES.rule("YB043", "已有业务专网未并入或接入电子政务网络", severity="error", stages=SUBMITTED,
            citation=cite("四", "已有业务专网应当并入或者接入电子政务网络。"),
            message="使用的已有业务专网应当并入或者接入电子政务网络",
            hint="并入或接入电子政务网络后，在该专网的 joined 写 true，并在 note 说明方式")
def private_network_joined(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    `network.private_networks` 列出的每一个已有业务专网，`joined`（已并入或接入电子政务网络）是否为 true。

    ## 为什么
    第四条：“已有业务专网应当并入或者接入电子政务网络。”

    ## 通过示例
    ```yaml
    network: {private_networks: [{name: 城管视频专网, joined: true, note: 2025年接入电子政务外网}]}
    ```
    ## 不通过示例
    ```yaml
    network: {private_networks: [{name: 城管视频专网, joined: false}]}
    ```
    """
    for index, item in project.items("project.yaml", "network", "private_networks"):
        if item.get("joined") is not True:
            yield Finding("project.yaml", ("network", "private_networks", index, "joined"),
                          f"业务专网“{item.get('name') or index + 1}”尚未并入或接入电子政务网络")


# ---- 第五条 运维类项目：每年底申报下一年度 ------------------------------------------------------------------------

def _month_day(text: Any, year: int) -> _dt.date | None:
    match = re.fullmatch(r"\s*(\d{1,2})-(\d{1,2})\s*", str(text))
    if not match:
        return None
    try:
        return _dt.date(year, int(match.group(1)), int(match.group(2)))
    except ValueError:
        return None


@RULES.rule("YB051", "运维需求未在上一年底申报", severity="error", stages=SUBMITTED, kinds=OM,
            citation=cite("五", "运维类项目每年底由各部门向区大数据发展局申报下一年度政务信息化项目运维需求"),
            message="运维类项目应在上一年底申报下一年度的运维需求",
            hint="预算年度 budget_year 的运维需求在上一年年底申报；events.declared.date 写申报日期",
            settings=(Setting("window_from", "str", "“年底”申报期从哪一天开始（MM-DD，文件未规定）；设置后早于此日申报报警告"),
                      Setting("deadline", "str", "区大数据发展局通知的申报截止日（MM-DD，文件未规定）；不设置时以12月31日为限")),
            boundaries=(period("预算年度上一年的12月31日（年底）", "底前", True, "2027 年度的运维需求：2026-12-31 申报按时，2027-01-04 申报晚了"),))
def om_declared_year_end(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    运维类项目：申报日（`events.declared.date`）是否在预算年度（`budget_year`）的上一年之内，且不晚于该年12月31日。
    “年底”的起止日文件没有规定，可以设置：
    - `deadline`（如 `12-20`）：区大数据发展局通知的截止日，晚于它报错；不设置时以12月31日为限（过了12月31日已不是
      “每年底……申报下一年度”）；
    - `window_from`（如 `11-01`）：“年底”从哪天算起，早于它报警告；不设置时不检查。

    例：2027 年度的运维需求，2026-12-31 申报通过；2027-01-04 申报不通过。

    ## 为什么
    第五条：“运维类项目每年底由各部门向区大数据发展局申报下一年度政务信息化项目运维需求”，综合评价结果是年度预算的
    重要依据，晚报的赶不上预算编制。

    ## 通过示例
    ```yaml
    kind: om
    budget_year: 2027
    events: {declared: {date: 2026-12-31}}
    ```
    ## 不通过示例
    ```yaml
    kind: om
    budget_year: 2027
    events: {declared: {date: 2027-01-04}}
    ```
    """
    year = project.get("project.yaml", "budget_year")
    declared = project.event_date("declared")
    if not isinstance(year, int):
        yield Finding("project.yaml", ("budget_year",), "没有写预算年度，无法判断是否在上一年底申报",
                      "在 project.yaml 写 budget_year，如 2027（申报的是哪一年度的运维需求）")
        return
    if declared is None:
        yield Finding("project.yaml", ("events", "declared"), f"没有记录 {year} 年度运维需求的申报日期",
                      "在 events.declared.date 写申报日期")
        return
    due = DEADLINES.first("YB051", project, ctx)
    assert due is not None and due.opens is not None  # budget_year is an int
    bounds = {}
    for name in ("window_from", "deadline"):
        raw = ctx.settings.get(name)
        if raw is not None:
            bounds[name] = _month_day(raw, year - 1)
            if bounds[name] is None:
                yield Finding("project.yaml", ("settings",), f"YB051 的 {name}“{raw}”不是 MM-DD 格式的日期",
                              "写成如 12-20 的月-日")
                return
    deadline = bounds.get("deadline") or due.due
    where = ("events", "declared", "date")
    if declared < due.opens:
        yield Finding("project.yaml", where, f"{year} 年度的运维需求应在 {year - 1} 年底申报，{fmt_date(declared)} 申报早了一年以上",
                      "核对 budget_year 和申报日期")
    elif declared > deadline:
        yield Finding("project.yaml", where, f"{year} 年度的运维需求应在 {year - 1} 年底（{fmt_date(deadline)} 前）申报，"
                                             f"实际 {fmt_date(declared)}")
    elif bounds.get("window_from") and declared < bounds["window_from"]:
        yield Finding("project.yaml", where, f"{fmt_date(declared)} 申报，早于设定的年底申报期起始日 "
                                             f"{fmt_date(bounds['window_from'])}", severity="warning")


DEADLINES.declare("YB051", "申报下一年度运维需求", DayOfYear(12, 0, year_offset=-1, same_year=True),
                  start=FieldValue("project.yaml", ("budget_year",), "预算年度"), done=EventDate("declared"),
                  term="预算年度上一年的年底（12月31日）前，且在该年之内")


@RULES.rule("YB052", "运维需求未经综合评价", severity="error", stages=since("budget"), kinds=OM,
            citation=cite("五", "区大数据发展局会同有关部门组织专家或委托相关机构对申报运维类项目进行综合评价，"
                               "评价结果将作为年度预算的重要依据。"),
            message="运维类项目纳入预算前应有区大数据发展局组织的综合评价",
            hint="在 events.om_evaluated 记录综合评价的日期、结论（pass）和评价意见")
def om_evaluated(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    运维类项目进入“纳入预算”及以后阶段时，`events.om_evaluated` 是否有日期和结论，结论不是 fail，且不早于申报日。

    ## 为什么
    第五条：区大数据发展局对申报的运维类项目进行综合评价，“评价结果将作为年度预算的重要依据”；第十八条：未审核通过的
    信息化项目不得投入资金开展运维。

    ## 通过示例
    ```yaml
    events: {declared: {date: 2025-12-08}, om_evaluated: {date: 2026-01-14, result: pass}}
    ```
    ## 不通过示例
    ```yaml
    events: {declared: {date: 2025-12-08}, om_evaluated: {date: 2026-01-14, result: fail}}
    ```
    """
    yield from gate(project, "om_evaluated", "运维需求综合评价", after=("declared", "需求申报"),
                    fail_hint="综合评价未通过的运维需求不纳入预算，也不得投入资金运维（第十八条）；按评价意见调整后再申报")


# ---- 第六条 建设类项目：申报和初步审核 ---------------------------------------------------------------------------

@RULES.rule("YB061", "建设类项目申报材料不齐", severity="error", stages=since("prereview"), kinds=BUILD,
            citation=cite("六", "建设类项目由各部门根据全区新型智慧城市建设规划和单位实际需要，向区大数据发展局申报信息化项目建设需求"),
            message="建设类项目申报时缺少申报日期或建设类项目需求说明（附件2）",
            hint="在 events.declared 写申报日期，在 documents.requirement_spec 写需求说明名称并附文件")
def build_declared(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    建设类项目进入初步审核前，是否记录了申报日期（`events.declared.date`）和建设类项目需求说明
    （`documents.requirement_spec`，附件2，附文件）。需求申报表（附件1）由 YBA11 检查，需求说明的章节由 YBA21 检查。

    ## 为什么
    第六条：建设类项目由各部门“向区大数据发展局申报信息化项目建设需求，区大数据发展局对所申报项目进行初步审核”；
    附件2 是建设类项目需求说明的编制大纲，初步审核首先看“项目材料章节内容是否完整、清晰、合理和明确”。

    ## 通过示例
    ```yaml
    events: {declared: {date: 2026-03-16}}
    documents: {requirement_spec: {title: 需求说明, evidence: [evidence/需求说明.pdf]}}
    ```
    ## 不通过示例
    ```yaml
    documents: {}
    ```
    """
    yield from require_event(project, "declared", "需求申报")
    yield from require_document(project, "requirement_spec", "建设类项目需求说明（附件2）")


@RULES.rule("YB062", "未同步考虑密码应用和信息安全规划设计", severity="warning", stages=since("prereview"), kinds=BUILD,
            citation=cite("六", "（四）是否同步考虑密码应用、信息安全规划和设计。"),
            message="申报材料没有体现密码应用方案或信息安全规划和设计，初步审核将审查这一项",
            hint="在 security.yaml 的 plan 写信息安全规划和设计方案，在 crypto.plan 写商用密码应用方案，并附文件")
def security_planned(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    建设类项目进入初步审核前，security.yaml 是否有信息安全规划和设计（`plan.title`）和密码应用方案
    （`crypto.plan.title`）。

    ## 为什么
    第六条把“（四）是否同步考虑密码应用、信息安全规划和设计”列为初步审核的内容；附件2 第三章“安全需求分析”要求写明
    “商用密码应用建设方案、信息安全保障体系构成方式”。这是审核的判断内容而不是独立的禁止性规定，所以是警告：
    材料里没有，初步审核很可能不通过。

    ## 通过示例
    ```yaml
    plan: {title: 信息安全规划和设计方案}
    crypto: {plan: {title: 商用密码应用方案}}
    ```
    ## 不通过示例
    ```yaml
    plan: {title: 信息安全规划和设计方案}
    crypto: {}
    ```
    """
    yield from require(project, "security.yaml", ("plan", "title"), "信息安全规划和设计",
                       "在 security.yaml 的 plan 写方案名称并附文件")
    if project.has("security.yaml"):
        yield from require(project, "security.yaml", ("crypto", "plan", "title"), "密码应用方案",
                           "在 security.yaml 的 crypto.plan 写商用密码应用方案名称并附文件")


@RULES.rule("YB063", "未体现公共数据开放要求", severity="warning", stages=since("prereview"), kinds=BUILD,
            citation=cite("六", "是否体现公共数据开放有关要求，推动原始性、可机器读取、可供社会化再利用的数据集向社会开放。"),
            message="申报材料没有说明向社会开放的数据集，或不开放的理由",
            hint="在 sharing.yaml 的 opening 回答是否开放：开放的列出数据集，不开放的写明依据和理由")
def open_data(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    建设类项目进入初步审核前，sharing.yaml 的 `opening.provided` 是否已回答：开放（true）的在 `opening.items`
    列出数据集；不开放（false）的写明理由（`opening.reason`）。

    ## 为什么
    第六条（三）：初步审核看“是否体现公共数据开放有关要求，推动原始性、可机器读取、可供社会化再利用的数据集向社会开放”。
    这是审核内容，所以是警告。

    ## 通过示例
    ```yaml
    opening: {provided: true, items: [{name: 城市部件普查数据, scope: 社会公众, frequency: 每季度, manner: 开放平台下载}]}
    ```
    ## 不通过示例
    ```yaml
    opening: {provided: false}
    ```
    """
    if not project.has("sharing.yaml") or project.get("sharing.yaml", "opening", "provided") is None:
        yield from require(project, "sharing.yaml", ("opening", "provided"), "是否向社会开放数据集")
        return
    if project.get("sharing.yaml", "opening", "provided") is True:
        if not list(project.items("sharing.yaml", "opening", "items")):
            yield Finding("sharing.yaml", ("opening", "items"), "选择了向社会开放，但没有列出开放的数据集",
                          "在 opening.items 列出数据集：名称、内容、范围、频率、方式")
    elif blank(project.get("sharing.yaml", "opening", "reason")):
        yield Finding("sharing.yaml", ("opening", "provided"), "不向社会开放数据集，但没有说明理由",
                      "在 opening.basis 和 opening.reason 写明不开放的依据和理由")


@RULES.rule("YB064", "未通过初步审核不得参加专家评审", severity="error", stages=since("expert_review"), kinds=BUILD,
            citation=cite("六", "未通过初步审核的项目，不得参加专家评审。"),
            message="未通过初步审核的项目，不得参加专家评审",
            hint="在 events.prereviewed 记录初步审核的日期和结论 pass")
def prereview_passed(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    建设类项目进入专家评审前，`events.prereviewed` 是否有日期和结论，结论不是 fail，且不早于申报日。

    ## 为什么
    第六条：“未通过初步审核的项目，不得参加专家评审。”

    ## 通过示例
    ```yaml
    events: {declared: {date: 2026-03-16}, prereviewed: {date: 2026-04-08, result: pass}}
    ```
    ## 不通过示例
    ```yaml
    events: {declared: {date: 2026-03-16}, prereviewed: {date: 2026-04-08, result: fail}}
    ```
    """
    yield from gate(project, "prereviewed", "初步审核", after=("declared", "需求申报"),
                    fail_hint="按初步审核意见修改材料后重新申报，通过初步审核后才能参加专家评审")


# ---- 第七条 专家评审、审议、预算 ---------------------------------------------------------------------------------

@RULES.rule("YB071", "未通过专家评审", severity="error", stages=since("deliberation"), kinds=BUILD,
            citation=cite("七", "区大数据发展局会同区财政局、区发展改革委组织相关领域信息化专家对项目的必要性、可行性、安全性、"
                               "项目投资的合理性及项目预算明细进行评审，并出具评审意见。"),
            message="提请审议前应通过专家评审并取得评审意见",
            hint="在 events.expert_reviewed 记录专家评审的日期、结论 pass，并附评审意见")
def expert_reviewed(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    建设类项目进入“区委区政府审议”前，`events.expert_reviewed` 是否有日期、结论（不是 fail）和评审意见文件
    （`evidence`），且不早于初步审核。

    ## 为什么
    第七条：通过初步审核后，组织专家对必要性、可行性、安全性、投资合理性及预算明细进行评审，“并出具评审意见。
    评审通过后按照区委、区政府议事规则提请研究审议”。

    ## 通过示例
    ```yaml
    events: {expert_reviewed: {date: 2026-04-28, result: pass, evidence: [evidence/专家评审意见.pdf]}}
    ```
    ## 不通过示例
    ```yaml
    events: {expert_reviewed: {date: 2026-04-28, result: pass}}
    ```
    """
    yield from gate(project, "expert_reviewed", "专家评审", need=("date", "result", "evidence"),
                    after=("prereviewed", "初步审核"), fail_hint="按专家评审意见修改后重新申报评审")


@RULES.rule("YB072", "未经区委区政府审议通过", severity="error", stages=since("budget"), kinds=BUILD,
            citation=cite("七", "评审通过后按照区委、区政府议事规则提请研究审议"),
            message="建设类项目纳入预算前应经区委、区政府研究审议通过",
            hint="在 events.deliberated 记录审议的日期、结论 pass 和会议纪要或批复文号")
def deliberated(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    建设类项目进入“纳入预算”前，`events.deliberated` 是否有日期和结论（不是 fail），且不早于专家评审。

    ## 为什么
    第七条：“评审通过后按照区委、区政府议事规则提请研究审议，并纳入财政预算或新增预算。”第十条：“建设类项目经审议
    通过后”才组织采购。

    ## 通过示例
    ```yaml
    events: {expert_reviewed: {date: 2026-04-28}, deliberated: {date: 2026-05-21, result: pass}}
    ```
    ## 不通过示例
    ```yaml
    events: {expert_reviewed: {date: 2026-04-28}, deliberated: {date: 2026-04-20, result: pass}}
    ```
    """
    yield from gate(project, "deliberated", "区委区政府审议", after=("expert_reviewed", "专家评审"),
                    fail_hint="审议未通过的项目不纳入预算，也不得组织采购")


@RULES.rule("YB073", "未纳入财政预算或新增预算", severity="error", stages=since("approval"), kinds=BUILD,
            citation=cite("七", "并纳入财政预算或新增预算。"),
            message="建设类项目审议通过后应纳入财政预算或新增预算",
            hint="在 events.budgeted 记录纳入预算的日期、文号，note 写“财政预算”或“新增预算”")
def budgeted(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    建设类项目离开“纳入预算”阶段（进入立项或采购）前，`events.budgeted` 是否有日期，且不早于审议。

    ## 为什么
    第七条：评审通过后提请研究审议，“并纳入财政预算或新增预算”。

    ## 通过示例
    ```yaml
    events: {deliberated: {date: 2026-05-21}, budgeted: {date: 2026-06-10, note: 新增预算}}
    ```
    ## 不通过示例
    ```yaml
    events: {deliberated: {date: 2026-05-21}}
    ```
    """
    yield from require_event(project, "budgeted", "纳入预算")
    yield from not_before(project, "budgeted", "纳入预算", "deliberated", "区委区政府审议")


# ---- 第八条 跨年度分期建设 ---------------------------------------------------------------------------------------

@RULES.rule("YB081", "分期建设的本期未按流程申报", severity="error", stages=since("prereview"), kinds=BUILD,
            citation=cite("八", "跨年度分期建设的信息化项目应依照上述流程进行申报，以后年度分期建设方案也应按照上述流程进行申报。"),
            message="跨年度分期建设项目的每一期都应按申报、审核、审议流程申报",
            hint="在 phase 写本期序号和总期数，在 phase.previous 记录以前各期的申报和审议通过日期；本期重新申报")
def phases_declared(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    写了 `phase`（跨年度分期建设）的建设类项目：
    - 本期序号 `number` 和总期数 `total` 都已填写，且 1 ≤ 本期序号 ≤ 总期数；
    - 第2期及以后：`phase.previous` 列出以前每一期，每期都有申报日期（`declared_on`）和审议通过日期
      （`deliberated_on`）；本期的申报日（`events.declared.date`）晚于上一期的审议通过日期——本期是重新申报的，
      不是沿用上一期的申报和审议。

    ## 为什么
    第八条：“跨年度分期建设的信息化项目应依照上述流程进行申报，以后年度分期建设方案也应按照上述流程进行申报。”

    ## 通过示例
    ```yaml
    phase: {number: 2, total: 2, previous: [{number: 1, declared_on: 2025-03-10, deliberated_on: 2025-05-20}]}
    events: {declared: {date: 2026-03-16}}
    ```
    ## 不通过示例
    ```yaml
    phase: {number: 2, total: 2, previous: [{number: 1, declared_on: 2025-03-10, deliberated_on: 2025-05-20}]}
    events: {declared: {date: 2025-03-10}}
    ```
    """
    phase = project.get("project.yaml", "phase")
    if not isinstance(phase, dict) or all(blank(phase.get(key)) for key in ("number", "total", "previous")):
        return  # not a phased project
    number, total = phase.get("number"), phase.get("total")
    if not isinstance(number, int) or not isinstance(total, int):
        yield Finding("project.yaml", ("phase",), "跨年度分期建设项目没有写本期序号（number）或总期数（total）")
        return
    if not 1 <= number <= total:
        yield Finding("project.yaml", ("phase", "number"), f"本期序号 {number} 不在 1 到总期数 {total} 之间", "核对期次")
        return
    previous = {item.get("number"): (index, item) for index, item in project.items("project.yaml", "phase", "previous")}
    latest: _dt.date | None = None
    for earlier in range(1, number):
        if earlier not in previous:
            yield Finding("project.yaml", ("phase", "previous"), f"没有记录第{earlier}期的申报和审议",
                          "在 phase.previous 列出以前各期：number、declared_on、deliberated_on")
            continue
        index, item = previous[earlier]
        missing = [label for key, label in (("declared_on", "申报日期"), ("deliberated_on", "审议通过日期"))
                   if not isinstance(item.get(key), _dt.date)]
        if missing:
            yield Finding("project.yaml", ("phase", "previous", index), f"第{earlier}期缺少{'、'.join(missing)}")
        elif latest is None or item["deliberated_on"] > latest:
            latest = item["deliberated_on"]
    declared = project.event_date("declared")
    if number > 1 and latest and declared and declared <= latest:
        yield Finding("project.yaml", ("events", "declared", "date"),
                      f"第{number}期的申报日期 {fmt_date(declared)} 不晚于以前各期最后的审议通过日期 {fmt_date(latest)}："
                      "以后年度的分期建设方案应重新申报，不能沿用上一期的申报和审议",
                      "记录本期自己的申报、初步审核、专家评审和审议")


# ---- 第九条、第十条 采购和立项 -----------------------------------------------------------------------------------

@RULES.rule("YB091", "运维采购未按审核通过的方案组织", severity="error", stages=since("om_procure"), kinds=OM,
            citation=cite("九", "运维类项目如需进行政府采购的，应按照审核通过的项目方案，按规定程序组织采购。"),
            message="运维类项目的采购应在项目方案审核通过之后，按审核通过的方案和规定程序组织",
            hint="在 documents.om_plan 附审核通过的运维项目方案；采购日期不早于综合评价；每个合同写明采购方式")
def om_procurement(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    运维类项目记录了采购（`events.procured`）或合同（contract.yaml 的 `parties`）时：
    - `documents.om_plan`（审核通过的运维项目方案）已附文件；
    - 采购日期不早于运维需求综合评价（`events.om_evaluated`）；
    - 每个合同写明了采购方式（`selection`）。
    不需要政府采购的运维项目（第九条“如需”）没有采购和合同记录，不检查。

    ## 为什么
    第九条：“运维类项目如需进行政府采购的，应按照审核通过的项目方案，按规定程序组织采购。”

    ## 通过示例
    ```yaml
    events: {om_evaluated: {date: 2026-01-14, result: pass}, procured: {date: 2026-03-10, note: 竞争性磋商}}
    documents: {om_plan: {title: 运维项目方案, evidence: [evidence/运维方案.pdf]}}
    ```
    ## 不通过示例
    ```yaml
    events: {om_evaluated: {date: 2026-01-14, result: pass}, procured: {date: 2026-01-10}}
    ```
    """
    listed = parties(project)
    if project.event_date("procured") is None and not listed:
        return
    yield from require_document(project, "om_plan", "审核通过的运维项目方案")
    yield from not_before(project, "procured", "运维采购", "om_evaluated", "运维需求综合评价")
    for index, party in listed:
        if blank(party.get("selection")):
            yield Finding("contract.yaml", ("parties", index),
                          f"合同单位“{party.get('name') or index + 1}”没有写采购方式（selection）",
                          "写明按规定程序采用的采购方式，如 公开招标、竞争性磋商")


@RULES.rule("YB101", "建设类项目未按规定程序采购", severity="error", stages=since("contract"), kinds=BUILD,
            citation=cite("十", "建设类项目经审议通过后，应按照审议通过的项目方案，按规定程序组织采购。"),
            message="合同备案前应记录审议通过后的采购结果和承建合同",
            hint="在 events.procured 写采购结果日期和采购方式；在 contract.yaml 写承建单位、采购方式、合同编号和签订日期")
def build_procurement(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    建设类项目进入“合同备案”及以后阶段时：
    - `events.procured` 有日期，且不早于区委区政府审议；
    - contract.yaml 至少有一个角色为“承建”的单位，写了名称、采购方式、合同编号和签订日期；签订日期不早于采购日期。

    ## 为什么
    第十条：“建设类项目经审议通过后，应按照审议通过的项目方案，按规定程序组织采购。”采购方式是否合规无法自动判断，
    这里检查采购在审议之后、合同在采购之后，并记录了采购方式。

    ## 通过示例
    ```yaml
    parties: [{role: 承建, name: 重庆某某科技有限公司, selection: 公开招标, contract_no: YBCG-2026-0412, signed_on: 2026-08-06}]
    ```
    ## 不通过示例
    ```yaml
    parties: [{role: 承建, name: 重庆某某科技有限公司}]
    ```
    """
    yield from require_event(project, "procured", "采购完成")
    yield from not_before(project, "procured", "采购完成", "deliberated", "区委区政府审议")
    procured = project.event_date("procured")
    builders = [(i, p) for i, p in parties(project) if p.get("role") == "承建"]
    if not builders:
        yield Finding("contract.yaml", ("parties",), "没有记录承建单位及其合同")
    for index, party in builders:
        missing = [label for key, label in (("name", "单位名称"), ("selection", "采购方式"), ("contract_no", "合同编号"),
                                            ("signed_on", "签订日期")) if blank(party.get(key))]
        if missing:
            yield Finding("contract.yaml", ("parties", index),
                          f"承建单位“{party.get('name') or index + 1}”缺少{'、'.join(missing)}")
        signed = party.get("signed_on")
        if procured and isinstance(signed, _dt.date) and signed < procured:
            yield Finding("contract.yaml", ("parties", index, "signed_on"),
                          f"承建合同 {fmt_date(signed)} 签订，早于采购完成 {fmt_date(procured)}", "核对日期：先采购，后签合同")


NDRC_BODIES = bodies.Bodies("YB102", "固定资产投资项目立项", "第十条", "须由建设单位向区发展改革委申请立项",
                            (bodies.Body("区发展改革委", ("区发展和改革委员会",)),), "project.yaml 的 events.ndrc_approved.by",
                            ("重庆市渝北", "渝北"))


@RULES.rule("YB102", "固定资产投资项目未经发改委立项即采购", severity="error", stages=since("procure"), kinds=BUILD,
            citation=cite("十", "属于固定资产投资建设的项目，须由建设单位向区发展改革委申请立项，区发展改革委审批通过后，"
                               "向项目建设单位下达立项通知。"),
            message="属于固定资产投资建设的项目，须经区发展改革委立项后才能组织采购",
            hint="在 fixed_asset 写明是否属于固定资产投资建设；属于的，在 events.ndrc_approved 记录立项通知的日期、文号和机关",
            settings=(bodies.setting("固定资产投资项目的立项机关"),))
def ndrc_approved(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    建设类项目进入“组织采购”及以后阶段时：
    - `fixed_asset`（是否属于固定资产投资建设）已回答；
    - 属于的：`events.ndrc_approved` 有日期、文号和批复机关（区发展改革委，即区发展和改革委员会，可带“重庆市渝北”“渝北”；
      本单位的其他叫法写在 settings.YB102.bodies），
      采购日期（`events.procured.date`）不早于立项日期。

    ## 为什么
    第十条：“属于固定资产投资建设的项目，须由建设单位向区发展改革委申请立项，区发展改革委审批通过后，向项目建设单位
    下达立项通知。项目建设单位应当按照审批通过的项目方案，按规定程序组织采购。”第三条：区发展改革委负责固定资产投资
    建设内容的立项审批。

    ## 通过示例
    ```yaml
    fixed_asset: true
    events: {ndrc_approved: {date: 2026-06-24, doc_no: 渝北发改投〔2026〕86号, by: 重庆市渝北区发展和改革委员会},
             procured: {date: 2026-07-30}}
    ```
    ## 不通过示例
    ```yaml
    fixed_asset: true
    events: {procured: {date: 2026-07-30}}
    ```
    """
    fixed = project.get("project.yaml", "fixed_asset")
    if fixed is None:
        yield Finding("project.yaml", ("fixed_asset",), "没有说明是否属于固定资产投资建设，无法判断是否需要区发展改革委立项",
                      "在 project.yaml 写 fixed_asset: true 或 false")
        return
    if fixed is not True:
        return
    yield from gate(project, "ndrc_approved", "发改委立项", need=("date", "doc_no", "by"))
    yield from bodies.check_by(project, ctx, NDRC_BODIES, "project.yaml", ("events", "ndrc_approved", "by"), "立项机关")
    yield from not_before(project, "procured", "采购完成", "ndrc_approved", "发改委立项")


# ---- 第十二条 合同备案 -------------------------------------------------------------------------------------------

@RULES.rule("YB121", "合同未在签订后7个工作日内备案", severity="error", stages=(),
            citation=cite("十二", "项目建设和运维单位签订项目合同后，应于7个工作日内将合同复印件报区大数据发展局备案。"),
            message="合同签订后应于7个工作日内将合同复印件报区大数据发展局备案",
            hint="在 contract.yaml 该合同的 filed_on 写备案日期，并附备案回执",
            boundaries=(period("7个工作日（自签订合同后）", "个工作日内", True, "2026-09-29 签订：第7个工作日是 2026-10-14（国庆假期不计、10-10 调休上班计入），10-14 备案按时，10-15 逾期"),))
def contract_filed(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    contract.yaml 中每个写了签订日期（`signed_on`）的合同：备案日期（`filed_on`）是否在签订日之后的7个工作日内
    （签订当日不计入，第7个工作日当天备案不算逾期；法定节假日不算，调休上班日算）。
    - 尚未备案、期限未到：提示到期日和剩余工作日；
    - 尚未备案、期限已过，或备案晚于期限：错误；
    - 期限落在没有官方放假安排的年份：按估算计算并在信息里说明，级别降为警告。

    例：2026-09-29 签订，10月1日至7日国庆节放假不计、10月10日（星期六）调休上班计入，第7个工作日是 2026-10-14；10-14 备案通过，10-15 备案不通过。

    ## 为什么
    第十二条：“项目建设和运维单位签订项目合同后，应于7个工作日内将合同复印件报区大数据发展局备案。”承建、监理、测评、
    运维合同都是项目合同。

    ## 通过示例
    ```yaml
    parties: [{role: 承建, signed_on: 2026-09-29, filed_on: 2026-10-14}]
    ```
    ## 不通过示例
    ```yaml
    parties: [{role: 承建, signed_on: 2026-09-29, filed_on: 2026-10-15}]
    ```
    """
    signed = [(i, p) for i, p in parties(project) if isinstance(p.get("signed_on"), _dt.date)]
    for (index, party), due in zip(signed, DEADLINES.evaluate("YB121", project, ctx)):
        yield from report_deadline(ctx, due, file="contract.yaml", start_path=("parties", index, "signed_on"),
                                   done_path=("parties", index, "filed_on"), what="备案",
                                   start_label=f"合同“{party.get('contract_no') or party.get('name') or index + 1}”签订")


DEADLINES.declare("YB121", "合同复印件报区大数据发展局备案", Workdays(7),
                  start=EachItem("contract.yaml", ("parties",), "signed_on", "合同签订", name_key="contract_no"),
                  done=ItemValue("filed_on", "合同备案"), term="签订后7个工作日内")


# ---- 第十三条 严重逾期、重大损失、终止运维合同 ----------------------------------------------------------------------

@RULES.rule("YB131", "严重逾期或重大损失未及时报告", severity="error", stages=since("implement"), kinds=BUILD,
            citation=cite("十三", "建设类项目建设过程中出现工程严重逾期、投资重大损失等情况，项目建设单位应及时向区大数据发展局报告"),
            message="建设过程中出现工程严重逾期、投资重大损失等情况，应及时向区大数据发展局报告",
            hint="在 incidents 该项的 reported_on 写报告日期并附报告",
            settings=(Setting("within_workdays", "int", "“及时”报告的期限：发生后多少个工作日内（文件未规定）"),),
            boundaries=(period("“及时”报告的工作日数（settings.YB131.within_workdays）", "个工作日内", True, "within_workdays: 5：发生后第5个工作日当天报告仍及时，第6个工作日逾期", why="原文没有给出数字，由设置给出（govproj 不替用户假定）；按民法典 第二百零一条至第二百零三条：发生当日不计入，第 N 个工作日当天仍在期限内"),))
def incidents_reported(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    `incidents` 记录的每一项情况（工程严重逾期、投资重大损失等）：
    - 是否记录了报告日期（`reported_on`），且不早于发生日期；
    - “及时”文件没有给出天数：设置了 `within_workdays` 时，报告日期须在发生日之后该数目的工作日内；
      没有设置时给出提示“未作判断”。

    ## 为什么
    第十三条：“建设类项目建设过程中出现工程严重逾期、投资重大损失等情况，项目建设单位应及时向区大数据发展局报告，
    区大数据发展局会同区财政局可要求项目建设单位进行整改或暂停项目建设。”

    ## 通过示例
    ```yaml
    incidents: [{date: 2026-10-09, type: 工程严重逾期, reported_on: 2026-10-12}]
    settings: {YB131: {within_workdays: 5}}
    ```
    ## 不通过示例
    ```yaml
    incidents: [{date: 2026-10-09, type: 工程严重逾期}]
    ```
    """
    for index, item in project.items("project.yaml", "incidents"):
        when, reported = item.get("date"), item.get("reported_on")
        label = item.get("type") or "情况"
        if not isinstance(reported, _dt.date):
            yield Finding("project.yaml", ("incidents", index),
                          f"{label}（{item.get('what') or index + 1}）没有记录向区大数据发展局报告的日期")
        elif isinstance(when, _dt.date):
            if reported < when:
                yield Finding("project.yaml", ("incidents", index, "reported_on"),
                              f"报告日期 {fmt_date(reported)} 早于发生日期 {fmt_date(when)}", "核对日期")
            else:
                yield from timely(ctx, "YB131", when, reported, file="project.yaml",
                                  path=("incidents", index, "reported_on"), what=f"报告{label}")


@RULES.rule("YB132", "超过项目周期仍未验收", severity="warning", stages=("implement", "acceptance"), kinds=BUILD,
            citation=cite("十三", "建设类项目建设过程中出现工程严重逾期、投资重大损失等情况，项目建设单位应及时向区大数据发展局报告"),
            message="已超过申报的项目周期仍未验收，属于工程严重逾期的应及时向区大数据发展局报告",
            hint="按实际情况在 incidents 记录工程严重逾期及报告日期，或在 period.end 更正计划完成日期（变更须经批准）",
            settings=(Setting("serious_delay_days", "int", "超过计划完成日期多少天算“工程严重逾期”（文件未规定）"),),
            boundaries=(threshold("“工程严重逾期”的天数（settings.YB132.serious_delay_days）", "超过", False, "serious_delay_days: 30：逾期 31 天算严重逾期，恰好 30 天不算", why="原文没有给出数字，由设置给出（govproj 不替用户假定）；设置的含义是“超过多少天”，“超过”不包括本数（民法典 第一千二百五十九条）"),))
def overdue(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    建设实施或验收阶段、尚未记录验收（`events.accepted`）的建设类项目，今天是否已超过项目周期的结束日期
    （`period.end`）：
    - “严重逾期”文件没有给出标准。设置了 `serious_delay_days` 时，超过结束日期的天数大于该数（“超过”不含本数）
      且 `incidents` 里没有已报告的“工程严重逾期”，给出警告；
    - 没有设置时，只要超过结束日期，就提示“未设置”，请项目单位自行判断。

    例：period.end 为 2026-10-31，serious_delay_days 为 25：今天 2026-11-25（超过25天）不报，2026-11-26 报警告。

    ## 为什么
    第十三条：出现“工程严重逾期”等情况的，项目建设单位应及时报告。项目周期是需求申报表（附件1）填报的计划工期。
    是否“严重”需要判断，所以是警告。

    ## 通过示例
    ```yaml
    period: {start: 2026-06-01, end: 2026-10-31}
    settings: {YB132: {serious_delay_days: 25}}
    # 今天 2026-11-25
    ```
    ## 不通过示例
    ```yaml
    period: {start: 2026-06-01, end: 2026-10-30}
    settings: {YB132: {serious_delay_days: 25}}
    # 今天 2026-11-25，超过26天
    ```
    """
    end = project.get("project.yaml", "period", "end")
    if project.event_date("accepted") is not None or not isinstance(end, _dt.date) or ctx.today <= end:
        return
    if any(item.get("type") == "工程严重逾期" and isinstance(item.get("reported_on"), _dt.date)
           for _, item in project.items("project.yaml", "incidents")):
        return
    late = (ctx.today - end).days
    limit = ctx.settings.get("serious_delay_days")
    if limit is None:
        yield Finding("project.yaml", ("period", "end"),
                      f"已超过项目周期结束日期 {fmt_date(end)} {late} 天仍未验收；“严重逾期”文件没有规定标准，"
                      "未设置 YB132 的 serious_delay_days，请自行判断是否需要报告", severity="info")
    elif late > limit:
        yield Finding("project.yaml", ("period", "end"),
                      f"已超过项目周期结束日期 {fmt_date(end)} {late} 天仍未验收（设定超过{limit}天为严重逾期），"
                      "没有记录向区大数据发展局的报告")


@RULES.rule("YB133", "终止运维合同未书面通报", severity="error", stages=("operate",), kinds=OM,
            citation=cite("十三", "运维类项目在运维期中如需终止运维合同的，项目运维单位应及时向区大数据发展局和区财政局书面通报"
                                 "并说明终止原因。"),
            message="终止运维合同应及时向区大数据发展局和区财政局书面通报并说明终止原因",
            hint="在 events.termination_notified 记录通报日期、通报单位（participants）、终止原因（note）并附通报文件",
            settings=(Setting("within_workdays", "int", "“及时”通报的期限：终止后多少个工作日内（文件未规定）"),),
            boundaries=(period("“及时”通报的工作日数（settings.YB133.within_workdays）", "个工作日内", True, "within_workdays: 5：终止后第5个工作日当天通报仍及时，第6个工作日逾期", why="原文没有给出数字，由设置给出（govproj 不替用户假定）；按民法典 第二百零一条至第二百零三条：终止当日不计入，第 N 个工作日当天仍在期限内"),))
def termination_notified(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    运维类项目记录了终止运维合同（`events.om_terminated`）时，是否有书面通报（`events.termination_notified`）：
    日期、通报单位包括区大数据发展局和区财政局（`participants`）、终止原因（`note`）、通报文件（`evidence`）。
    “及时”文件没有给出天数：设置了 `within_workdays` 时，通报不得晚于终止日之后该数目的工作日；没有设置时提示“未作判断”。
    通报可以在终止之前。

    ## 为什么
    第十三条：“运维类项目在运维期中如需终止运维合同的，项目运维单位应及时向区大数据发展局和区财政局书面通报并说明
    终止原因。”

    ## 通过示例
    ```yaml
    events:
      om_terminated: {date: 2026-09-30, note: 服务商被列入失信名单}
      termination_notified: {date: 2026-09-25, participants: [区大数据发展局, 区财政局], note: 服务商被列入失信名单,
                             evidence: [evidence/终止通报.pdf]}
    ```
    ## 不通过示例
    ```yaml
    events:
      om_terminated: {date: 2026-09-30}
      termination_notified: {date: 2026-09-25, participants: [区大数据发展局]}
    ```
    """
    if project.event_date("om_terminated") is None:
        return
    if project.event_date("termination_notified") is None:
        yield missing_event(project, "termination_notified", "终止运维书面通报")
        return
    yield from require_event(project, "termination_notified", "终止运维书面通报", need=("evidence",))
    notice = project.event("termination_notified") or {}
    if blank(notice.get("note")):
        yield Finding("project.yaml", ("events", "termination_notified", "note"), "书面通报没有说明终止原因",
                      "在 events.termination_notified.note 写终止原因")
    to = [p for p in notice.get("participants") or [] if isinstance(p, str)]
    missing = [name for name, word in (("区大数据发展局", "大数据"), ("区财政局", "财政")) if not any(word in p for p in to)]
    if missing:
        yield Finding("project.yaml", ("events", "termination_notified", "participants") if to else
                      ("events", "termination_notified"), f"书面通报没有送{'和'.join(missing)}",
                      "在 participants 列出通报的单位：区大数据发展局、区财政局")
    ended, notified = project.event_date("om_terminated"), project.event_date("termination_notified")
    if ended and notified and notified > ended:
        yield from timely(ctx, "YB133", ended, notified, file="project.yaml",
                          path=("events", "termination_notified", "date"), what="书面通报",
                          start_verb="终止运维合同")


@RULES.rule("YB134", "整改或暂停建设的要求未落实", severity="error", stages=(), kinds=BUILD,
            citation=cite("十三", "区大数据发展局会同区财政局可要求项目建设单位进行整改或暂停项目建设。"),
            message="区大数据发展局会同区财政局要求的整改或暂停建设没有落实",
            hint="在 orders 该项写整改完成或经同意恢复建设的日期（done_on）并附材料")
def orders_yb134(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    project.yaml 的 `orders` 里区大数据发展局会同区财政局提出的整改、暂停建设要求：
    - 每项写了要求日期（`date`）；
    - 整改：有期限的，在期限内（含当天）完成（`done_on`）；期限已过仍未完成的报告；没有期限、尚未完成的只作提示；
    - 暂停建设：没有记录经同意恢复建设的日期（`done_on`）之前，项目不得推进到建设之后的阶段；
    办法没有规定整改的期限，govproj 不替它规定：要求里写了期限（`deadline`）才判断是否逾期，期限当天完成不算逾期。

    ## 为什么
    第十三条：出现工程严重逾期、投资重大损失等情况的，“区大数据发展局会同区财政局可要求项目建设单位进行整改或暂停项目建设。”是否要求由主管部门决定；一旦要求了，项目建设单位就须落实。

    ## 通过示例
    ```yaml
    orders: [{date: 2026-10-09, kind: 整改, deadline: 2026-11-09, done_on: 2026-11-09, evidence: [evidence/整改报告.pdf]}]
    ```
    ## 不通过示例
    ```yaml
    orders: [{date: 2026-10-09, kind: 整改, deadline: 2026-11-09}]   # 2026-11-25 检查：期限已过，没有记录整改完成
    ```
    """
    yield from order_findings(project, ctx.today, ('整改', '暂停建设'), stopped=since("operate"), body="区大数据发展局")


# ---- 第十四条 验收 ----------------------------------------------------------------------------------------------

@RULES.rule("YB141", "验收未由建设单位会同区大数据发展局组织或未通过", severity="error", stages=since("archive"),
            kinds=BUILD,
            citation=cite("十四", "项目建设完成后，由项目建设单位会同区大数据发展局组织相关单位和专家验收。"),
            message="项目验收应由项目建设单位会同区大数据发展局组织，并通过验收",
            hint="在 events.accepted 记录验收日期、结论 pass，participants 列出参加单位和专家（含区大数据发展局）")
def acceptance(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    建设类项目进入“资料归档”前，`events.accepted` 是否有日期和结论（不是 fail），参加单位（`participants`）是否有
    区大数据发展局（名称含“大数据”）。

    ## 为什么
    第十四条：“项目建设完成后，由项目建设单位会同区大数据发展局组织相关单位和专家验收。”第十五条：完成验收后才报送资料存档。

    ## 通过示例
    ```yaml
    events: {accepted: {date: 2026-11-10, result: pass, participants: [重庆市渝北区大数据应用发展管理局, 验收专家组]}}
    ```
    ## 不通过示例
    ```yaml
    events: {accepted: {date: 2026-11-10, result: pass, participants: [验收专家组]}}
    ```
    """
    yield from gate(project, "accepted", "项目验收", fail_hint="整改后重新组织验收；通过验收后方可交付使用")
    event = project.event("accepted")
    if event is None or project.event_date("accepted") is None:
        return
    who = [p for p in event.get("participants") or [] if isinstance(p, str)]
    if not any("大数据" in p for p in who):
        yield Finding("project.yaml", ("events", "accepted", "participants") if who else ("events", "accepted"),
                      "验收参加单位里没有区大数据发展局", "验收由项目建设单位会同区大数据发展局组织，在 participants 写明")


@RULES.rule("YB142", "验收依据文件不齐", severity="error", stages=since("acceptance"), kinds=BUILD,
            citation=cite("十四", "项目验收应当以项目立项批复、建设方案、采购文件和合同等文件为依据"),
            message="验收依据的立项批复、建设方案、采购文件或合同没有附上",
            hint="在 documents 的 approval_doc、construction_plan、procurement_docs、contract_doc 写名称并附文件")
def acceptance_basis(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    建设类项目进入“项目验收”前，验收依据的四类文件是否都已附上（`evidence`）：立项批复（`approval_doc`，
    固定资产投资项目为区发展改革委的立项通知，其他项目为审议通过的批复文件）、建设方案（`construction_plan`）、
    采购文件（`procurement_docs`）、合同（`contract_doc`）。

    ## 为什么
    第十四条：“项目验收应当以项目立项批复、建设方案、采购文件和合同等文件为依据”。

    ## 通过示例
    ```yaml
    documents:
      approval_doc: {title: 立项通知, evidence: [evidence/立项通知.pdf]}
      construction_plan: {title: 建设方案, evidence: [evidence/建设方案.pdf]}
      procurement_docs: {title: 招标文件及中标通知书, evidence: [evidence/采购文件.pdf]}
      contract_doc: {title: 项目合同, evidence: [evidence/项目合同.pdf]}
    ```
    ## 不通过示例
    ```yaml
    documents:
      approval_doc: {title: 立项通知}
    ```
    """
    for key, label in (("approval_doc", "立项批复"), ("construction_plan", "建设方案"), ("procurement_docs", "采购文件"),
                       ("contract_doc", "合同")):
        yield from require_document(project, key, label)


@RULES.rule("YB143", "未编制数据资源目录或未接入共享交换平台", severity="error", stages=since("archive"), kinds=BUILD,
            citation=cite("十四", "并编制完成本项目的政务数据资源目录清单，接入政务信息资源共享交换平台。"),
            message="验收时应编制完成本项目的政务数据资源目录清单，并接入政务信息资源共享交换平台",
            hint="在 documents.data_catalog 附目录清单，在 events.catalog_joined 记录接入日期（不晚于验收日期）")
def data_catalog(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    建设类项目进入“资料归档”前：`documents.data_catalog`（政务数据资源目录清单）已附文件；`events.catalog_joined`
    （接入政务信息资源共享交换平台）有日期，且不晚于验收日期（验收当天接入可以）。

    ## 为什么
    第十四条：项目验收应当以立项批复等文件为依据，“并编制完成本项目的政务数据资源目录清单，接入政务信息资源共享交换平台”。

    ## 通过示例
    ```yaml
    documents: {data_catalog: {title: 政务数据资源目录清单, evidence: [evidence/数据资源目录.xlsx]}}
    events: {catalog_joined: {date: 2026-11-06}, accepted: {date: 2026-11-10}}
    ```
    ## 不通过示例
    ```yaml
    events: {catalog_joined: {date: 2026-11-11}, accepted: {date: 2026-11-10}}
    ```
    """
    yield from require_document(project, "data_catalog", "政务数据资源目录清单")
    yield from require_event(project, "catalog_joined", "接入共享交换平台")
    joined, accepted = project.event_date("catalog_joined"), project.event_date("accepted")
    if joined and accepted and joined > accepted:
        yield Finding("project.yaml", ("events", "catalog_joined", "date"),
                      f"{fmt_date(joined)} 才接入共享交换平台，晚于验收 {fmt_date(accepted)}",
                      "数据资源目录应在验收时接入；验收后才接入的，核对验收是否合规")


@RULES.rule("YB144", "未通过验收即交付使用", severity="error", stages=(), kinds=BUILD,
            citation=cite("十四", "项目通过验收后，方可正式交付使用。"),
            message="项目通过验收后，方可正式交付使用",
            hint="先组织验收并通过，再正式交付使用；核对 events.delivered 和 events.accepted 的日期")
def delivered_after_acceptance(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    记录了正式交付使用（`events.delivered`）时，是否已通过验收（`events.accepted` 结论 pass 或 conditional），
    且交付日期不早于验收日期（验收当天交付可以）。任何阶段都检查。

    ## 为什么
    第十四条：“项目通过验收后，方可正式交付使用。”

    ## 通过示例
    ```yaml
    events: {accepted: {date: 2026-11-10, result: pass}, delivered: {date: 2026-11-10}}
    ```
    ## 不通过示例
    ```yaml
    events: {accepted: {date: 2026-11-10, result: pass}, delivered: {date: 2026-11-09}}
    ```
    """
    delivered = project.event_date("delivered")
    if delivered is None:
        return
    accepted = passed(project, "accepted")
    if accepted is None:
        yield Finding("project.yaml", ("events", "delivered", "date"),
                      f"{fmt_date(delivered)} 正式交付使用，但没有记录通过的验收")
    elif delivered < accepted:
        yield Finding("project.yaml", ("events", "delivered", "date"),
                      f"{fmt_date(delivered)} 正式交付使用，早于验收通过 {fmt_date(accepted)}")


@RULES.rule("YB145", "分期建设项目以前各期的验收未按合同记录", severity="error", stages=since("archive"), kinds=BUILD,
            citation=cite("十四", "跨年度分期建设项目按照对应的采购合同进行项目验收。"),
            message="跨年度分期建设项目每一期都按对应的采购合同验收：以前各期应记录合同编号和验收日期",
            hint="在 phase.previous 每一期写 contract_no（该期采购合同编号）和 accepted_on（该期验收日期）")
def phase_acceptance(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    跨年度分期建设项目（`phase.previous` 有记录）进入“资料归档”前，以前每一期是否都写了该期的采购合同编号
    （`contract_no`）和验收日期（`accepted_on`）。本期按本期合同的验收由 YB141、YB142 检查。

    ## 为什么
    第十四条：“跨年度分期建设项目按照对应的采购合同进行项目验收。”

    ## 通过示例
    ```yaml
    phase: {number: 2, total: 2, previous: [{number: 1, contract_no: YBCG-2025-0318, accepted_on: 2025-12-19}]}
    ```
    ## 不通过示例
    ```yaml
    phase: {number: 2, total: 2, previous: [{number: 1, contract_no: YBCG-2025-0318}]}
    ```
    """
    for index, item in project.items("project.yaml", "phase", "previous"):
        missing = [label for key, label in (("contract_no", "采购合同编号"), ("accepted_on", "验收日期"))
                   if blank(item.get(key))]
        if missing:
            yield Finding("project.yaml", ("phase", "previous", index),
                          f"第{item.get('number') or index + 1}期缺少{'、'.join(missing)}")


# ---- 第十五条 资料存档 -------------------------------------------------------------------------------------------

@RULES.rule("YB151", "验收后10个工作日内未报送资料存档", severity="error", stages=since("acceptance"), kinds=BUILD,
            citation=cite("十五", "项目建设单位在完成验收后，应在10个工作日内将项目相关资料的电子文档报送区大数据发展局存档备查"),
            message="完成验收后应在10个工作日内将项目资料电子文档报送区大数据发展局存档",
            hint="在 events.archived 记录报送日期并附回执",
            boundaries=(period("10个工作日（自完成验收后）", "个工作日内", True, "2026-11-10 验收：第10个工作日是 2026-11-24，11-24 报送按时，11-25 逾期"),))
def archived_in_time(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    记录了通过的验收（`events.accepted`）后，报送存档日期（`events.archived.date`）是否在验收日之后的10个工作日内
    （验收当日不计入，第10个工作日当天报送不算逾期）。
    - 尚未报送、期限未到：提示到期日；期限已过或报送晚于期限：错误；
    - 期限落在没有官方放假安排的年份：按估算计算并在信息里说明，级别降为警告。

    例：2026-11-10 验收，第10个工作日是 2026-11-24；11-24 报送通过，11-25 报送不通过。

    ## 为什么
    第十五条：“项目建设单位在完成验收后，应在10个工作日内将项目相关资料的电子文档报送区大数据发展局存档备查”。

    ## 通过示例
    ```yaml
    events: {accepted: {date: 2026-11-10, result: pass}, archived: {date: 2026-11-24}}
    ```
    ## 不通过示例
    ```yaml
    events: {accepted: {date: 2026-11-10, result: pass}, archived: {date: 2026-11-25}}
    ```
    """
    due = DEADLINES.first("YB151", project, ctx)
    if due is None or passed(project, "accepted") is None:
        return  # no acceptance passed yet: nothing to file
    yield from report_deadline(ctx, due, file="project.yaml", start_path=("events", "accepted", "date"),
                               done_path=("events", "archived", "date"), what="报送资料存档", start_label="验收通过")


DEADLINES.declare("YB151", "项目资料电子文档报送区大数据发展局存档", Workdays(10),
                  start=EventDate("accepted", results=PASSED), done=EventDate("archived"), term="完成验收后10个工作日内")


_ROLES_WHEN = {
    "supervision": (lambda project: "监理" in {p.get("role") for _, p in parties(project)}, "有监理单位时"),
    "testing": (lambda project: "测评" in {p.get("role") for _, p in parties(project)}
                or bool(list(project.items("security.yaml", "assessments"))), "有测评单位或 security.yaml 有测评记录时"),
    "changes": (lambda project: bool(list(project.items("changes.yaml", "changes"))), "changes.yaml 有变更时"),
}

# 第十五条's list as the pack's archive declaration: YB152 checks it, `govproj archive` lists it in the catalogue
ARCHIVE_ITEMS: tuple[ArchiveItem, ...] = tuple(
    ArchiveItem(key, label, "YB152", when=_ROLES_WHEN[cond][0] if cond else None,
                condition=_ROLES_WHEN[cond][1] if cond else "")
    for key, label, cond in ARCHIVE)


@RULES.rule("YB152", "报送存档的资料不齐", severity="error", stages=since("archive"), kinds=BUILD,
            citation=cite("十五", "包括：项目建设方案、数据结构设计说明书、立项批复、采购文件、项目合同、监理报告、测评报告、变更说明、"
                                 "验收报告、用户使用报告、验收意见等。"),
            message="报送区大数据发展局存档的电子文档不齐",
            hint="在 documents 下为缺少的资料写名称并附电子文档（evidence）")
def archive_complete(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    记录了报送存档（`events.archived`）之后，或进入“综合评价”阶段时，`documents` 下是否有第十五条列出的资料，
    每项都附电子文档（`evidence`）：项目建设方案（`construction_plan`）、数据结构设计说明书（`data_design`）、
    立项批复（`approval_doc`）、采购文件（`procurement_docs`）、项目合同（`contract_doc`）、监理报告
    （`supervision_report`，有监理单位时）、测评报告（`test_report`，有测评单位或 security.yaml 有测评记录时）、
    变更说明（`change_note`，changes.yaml 有变更时）、验收报告（`acceptance_report`）、用户使用报告
    （`usage_report`）、验收意见（`acceptance_opinion`）。
    这是本辖区声明的归档材料：`govproj archive` 用同一检查在档案目录中逐项列出（见 docs/archive.md）。

    ## 为什么
    第十五条列出报送存档的资料：“项目建设方案、数据结构设计说明书、立项批复、采购文件、项目合同、监理报告、测评报告、
    变更说明、验收报告、用户使用报告、验收意见等”。没有监理、测评或变更的项目不会有相应的报告和说明，所以这三项按条件要求。

    ## 通过示例
    ```yaml
    documents: {data_design: {title: 数据结构设计说明书, evidence: [evidence/数据结构设计说明书.pdf]}, …}
    ```
    ## 不通过示例
    ```yaml
    documents: {data_design: {title: 数据结构设计说明书}}
    ```
    """
    if project.stage == "archive" and project.event_date("archived") is None:
        return  # still within the filing window: YB151 watches the deadline
    yield from archive_findings(project, ARCHIVE_ITEMS)


# ---- 第十七条 综合评价 ---------------------------------------------------------------------------------------------

@RULES.rule("YB171", "尚未记录综合评价", severity="info", stages=("evaluation",), kinds=BUILD,
            citation=cite("十七", "区大数据发展局会同有关部门适时组织专家或委托相关机构对已建成的信息化项目进行综合评价，"
                                 "评价结果作为加强项目管理，以及后续项目建设的主要参考依据。"),
            message="已建成的项目由区大数据发展局适时组织综合评价；尚未记录评价结果",
            hint="评价完成后在 events.evaluated 记录日期、结论和评价意见")
def evaluated(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    处于“综合评价”阶段的建设类项目，是否记录了综合评价（`events.evaluated` 的日期和结论）。

    ## 为什么
    第十七条：区大数据发展局“适时”组织对已建成项目的综合评价，“评价结果作为加强项目管理，以及后续项目建设的主要参考依据”。
    何时评价由区大数据发展局决定，不是项目单位的期限，所以只是提示；结论留作后续项目（如下一期）的参考。

    ## 通过示例
    ```yaml
    events: {evaluated: {date: 2027-06-30, result: pass}}
    ```
    ## 不通过示例
    ```yaml
    events: {}
    ```
    """
    if project.event_date("evaluated") is None:
        yield Finding("project.yaml", ("events", "evaluated"))
    elif blank(project.event("evaluated").get("result")):
        yield Finding("project.yaml", ("events", "evaluated", "result"), "综合评价没有记录结论",
                      "在 events.evaluated.result 写结论")


# ---- 第十八条 未审核通过不得投入资金 -----------------------------------------------------------------------------

@RULES.rule("YB181", "审核通过前投入资金开展建设或运维", severity="error", stages=(),
            citation=cite("十八", "未审核通过的信息化项目，各单位不得投入资金开展建设或运维。"),
            message="未审核通过的信息化项目，不得投入资金开展建设或运维",
            hint="核对日期：签订合同、开始建设或运维，都应在审核通过之后（建设类：区委区政府审议通过；运维类：综合评价通过）")
def no_spending_before_approval(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    投入资金的标志——合同签订日期（contract.yaml 各方的 `signed_on`）和开始建设或运维的日期（`events.started.date`）——
    是否都不早于审核通过的日期（同一天可以）：
    - 建设类：区委区政府审议通过（`events.deliberated`，结论 pass 或 conditional）；审议是审核流程的最后一步（第七条），
      第十条也要求审议通过后才组织采购；
    - 运维类：运维需求综合评价通过（`events.om_evaluated`）；第九条称之为“审核通过的项目方案”。
    没有通过的审核记录而已有合同或开工的，也报错。任何阶段都检查。

    ## 为什么
    第十八条：“未审核通过的信息化项目，各单位不得投入资金开展建设或运维。”这是禁止性规定，杜绝先建后报。

    ## 通过示例
    ```yaml
    events: {deliberated: {date: 2026-05-21, result: pass}, started: {date: 2026-08-10}}
    ```
    ## 不通过示例
    ```yaml
    events: {deliberated: {date: 2026-05-21, result: pass}, started: {date: 2026-05-20}}
    ```
    """
    key, label = ("om_evaluated", "运维需求综合评价通过") if project.kind == "om" else ("deliberated", "区委区政府审议通过")
    approved = passed(project, key)
    marks: list[tuple[str, tuple, str, _dt.date]] = []
    started = project.event_date("started")
    if started:
        marks.append(("project.yaml", ("events", "started", "date"), "开始建设或运维", started))
    for index, party in parties(project):
        if isinstance(party.get("signed_on"), _dt.date):
            name = party.get("contract_no") or party.get("name") or index + 1
            marks.append(("contract.yaml", ("parties", index, "signed_on"), f"{party.get('role') or ''}合同“{name}”签订",
                          party["signed_on"]))
    for file, path, what, when in marks:
        if approved is None:
            yield Finding(file, path, f"{what}（{fmt_date(when)}），但没有记录{label}")
        elif when < approved:
            yield Finding(file, path, f"{what}（{fmt_date(when)}）早于{label}（{fmt_date(approved)}）")


# ---- 附件1 需求申报表、附件2 需求说明 -----------------------------------------------------------------------------

FORM_PROJECT = ((("period", "start"), "项目周期（开始）"),
                (("period", "end"), "项目周期（结束）"), (("procurement_types",), "采购类别"))
FORM_NEEDS = ((("functions",), "项目内容及功能"), (("cloud_status",), "信息资源上云情况"),
              (("sharing_status",), "信息资源共享情况"), (("integration",), "单位信息化项目现状及整合情况"))
FORM_BUDGET = ((("total",), "资金预算合计（万元）"), (("sources",), "资金预算（按来源：中央、市、区财政资金和自有资金）"),
               (("lines",), "资金主要构成（预算明细）"))


@RULES.rule("YBA11", "需求申报表未填完整", severity="error", stages=SUBMITTED,
            citation=annex(1, "渝北区政务信息化项目需求申报表"),
            message="渝北区政务信息化项目需求申报表（附件1）有未填写的栏目",
            hint="按附件1 的栏目补填：项目 project.yaml，预算 budget.yaml，内容和上云、共享情况 needs.yaml")
def declaration_form(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    申报之后，附件1 需求申报表的栏目是否都已填写：
    - project.yaml：联系人和联系电话（`contacts` 至少一人有姓名和电话）、项目周期
      （`period.start`、`period.end`，结束不早于开始）、采购类别（`procurement_types`：工程类、服务类、货物类）；
      申报单位（`unit`）、项目名称（`name`）和项目类别（`kind`：建设类 build / 运维类 om）是必填项，由 GP010 检查；
    - budget.yaml：资金预算合计（`total`）、按来源的资金（`sources`）、资金主要构成（`lines`）；
    - needs.yaml：项目内容及功能、信息资源上云情况、信息资源共享情况、单位信息化项目现状及整合情况；
    - `documents.declaration_form`：填报单位盖章（`sealed: true`）、填报时间（`date`）、扫描件。

    ## 为什么
    附件1《渝北区政务信息化项目需求申报表》是第五条、第六条申报的表格；第六条初步审核首先看“项目材料章节内容是否完整”。

    ## 通过示例
    ```yaml
    contacts: [{role: 联系人, name: 何静, phone: 023-67821456}]
    period: {start: 2026-06-01, end: 2026-12-31}
    procurement_types: [服务类, 货物类]
    ```
    ## 不通过示例
    ```yaml
    contacts: [{role: 联系人, name: 何静}]
    procurement_types: []
    ```
    """
    for path, label in FORM_PROJECT:
        yield from require(project, "project.yaml", path, label, f"在 project.yaml 填写{label}（附件1）")
    contacts = list(project.items("project.yaml", "contacts"))
    if not any(not blank(c.get("name")) and not blank(c.get("phone")) for _, c in contacts):
        yield Finding("project.yaml", ("contacts",), "需求申报表的“联系人”“联系电话”未填写",
                      "在 contacts 写联系人的姓名（name）和电话（phone）")
    start, end = project.get("project.yaml", "period", "start"), project.get("project.yaml", "period", "end")
    if isinstance(start, _dt.date) and isinstance(end, _dt.date) and end < start:
        yield Finding("project.yaml", ("period", "end"), f"项目周期结束 {fmt_date(end)} 早于开始 {fmt_date(start)}", "核对项目周期")
    for path, label in FORM_BUDGET:
        yield from require(project, "budget.yaml", path, label)
    for path, label in FORM_NEEDS:
        yield from require(project, "needs.yaml", path, label)
    yield from require_document(project, "declaration_form", "需求申报表（附件1）", need=("sealed", "date", "evidence"),
                                hint="需求申报表须由填报单位盖章：写 sealed: true、填报时间 date，并附扫描件")


@RULES.rule("YBA12", "资金来源不是申报表的四类", severity="error", stages=(),
            citation=annex(1, "资金预算 合计（万元） 中央财政资金 市财政资金 区财政资金 自有资金"),
            message="资金来源应按需求申报表的四类填写：中央财政资金、市财政资金、区财政资金、自有资金",
            hint="把 budget.yaml 的 sources 的资金类型（type）改为四类之一（各来源之和等于总投资由 GP020 检查）")
def source_names(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    budget.yaml 的 `sources` 每一项的资金类型（`type`）是否是附件1“资金预算”的四栏之一：中央财政资金、市财政资金、
    区财政资金、自有资金；同一类只写一次。来源名称（`source`）照文件写，只印在表格里，不参与判断。
    类型为社会资本（第二条“政府和社会企业联合建设”）或其他的，申报表没有这一栏，报告出来（表格把它们印在备注里）。
    没有写类型的由 GP021 报告。各项之和等于合计（总投资）由 GP020 检查。

    ## 为什么
    附件1 需求申报表的“资金预算”按“合计（万元）、中央财政资金、市财政资金、区财政资金、自有资金”分栏填写；
    不属于这四类的资金无法填入表格，也无法核对合计。

    ## 通过示例
    ```yaml
    sources: [{source: 2027年区级财政预算资金, type: 区财政资金, amount: 336.40}, {source: 市财政资金, type: 市财政资金, amount: 50.00}]
    ```
    ## 不通过示例
    ```yaml
    sources: [{source: 专项债券, type: 其他, amount: 386.40}]
    ```
    """
    seen: dict[str, int] = {}
    for index, item in project.items("budget.yaml", "sources"):
        kind = item.get("type")
        if blank(kind):
            continue  # GP021 (or GP003 for a value outside the choices)
        if kind not in SOURCES:
            yield Finding("budget.yaml", ("sources", index, "type"),
                          f"资金来源“{item.get('source') or kind}”的类型“{kind}”不是需求申报表的四类之一",
                          "申报表只有四栏：" + "、".join(SOURCES) + "；确属其他资金的，核对是否适用本办法，并在备注说明")
        elif kind in seen:
            yield Finding("budget.yaml", ("sources", index, "type"), f"资金类型“{kind}”写了两次",
                          f"合并为一项（第{seen[kind] + 1}项）")
        else:
            seen[kind] = index


@RULES.rule("YBA21", "需求说明缺少编制大纲的章", severity="warning", stages=since("prereview"), kinds=BUILD,
            citation=annex(2, "渝北区政务信息化建设类项目需求说明 （编制大纲）"),
            message="建设类项目需求说明没有编写附件2 编制大纲的全部八章",
            hint="在 needs.yaml 的 spec_chapters 列出需求说明已编写的章；缺的章补写，或在备注 remarks 说明调整理由")
def outline_chapters(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    建设类项目进入初步审核前，needs.yaml 的 `spec_chapters`（需求说明已编写的章）是否包括附件2 编制大纲的八章：
    项目概述、单位现状、需求分析、建设方案、项目实施进度和组织安排、项目风险及控制措施、总投资详细估算和资金来源、
    经济和社会效益。

    ## 为什么
    第六条（一）：初步审核看“项目材料章节内容是否完整、清晰、合理和明确”；附件2 是建设类项目需求说明的编制大纲。
    大纲末尾注明“本编制大纲可根据项目的具体情况做适当调整”，所以缺章是警告，不是错误。

    ## 通过示例
    ```yaml
    spec_chapters: [项目概述, 单位现状, 需求分析, 建设方案, 项目实施进度和组织安排, 项目风险及控制措施,
                    总投资详细估算和资金来源, 经济和社会效益]
    ```
    ## 不通过示例
    ```yaml
    spec_chapters: [项目概述, 需求分析, 建设方案]
    ```
    """
    if not project.has("needs.yaml"):
        yield from require(project, "needs.yaml", ("spec_chapters",), "需求说明已编写的章")
        return
    written = project.get("needs.yaml", "spec_chapters", default=[]) or []
    missing = [c for c in CHAPTERS if c not in written]
    if missing:
        yield Finding("needs.yaml", ("spec_chapters",), f"需求说明缺少附件2 的{len(missing)}章：{'、'.join(missing)}")
