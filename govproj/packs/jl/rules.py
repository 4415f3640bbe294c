"""Jilin's rules, one per checkable obligation of the provincial measures. Codes JL + article (2 digits) + variant.

The measures have no document number: citations name the title. Quotes keep the seed's punctuation (its commas,
semicolons and brackets are half-width), because `govproj explain` quotes the text verbatim.
"""
from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Iterator, NamedTuple

from govproj.core.money import Money
from govproj.core.deadlines import CALENDAR_PERIOD, FROM, OVERDUE, WORKING_DAYS, DeadlineSet, EventDate, FieldValue, Period, \
    estimate_note
from govproj.packs.model import ArchiveItem, Stage
from govproj.packs import bodies
from govproj.packs.helpers import (order_findings, archive_findings, blank, events_in_order, fmt_date, require, require_document,
                                  require_event)
from govproj.packs.jl.data import BUREAU, PROVINCIAL
from govproj.core.rules import period, threshold  # noqa: F401
from govproj.core.rules import Citation, Context, Finding, RuleSet, Setting

if TYPE_CHECKING:
    from govproj.core.project import Project

DOC = "吉林省政务信息系统项目管理办法（试行）"
RULES = RuleSet("JL")
DEADLINES = DeadlineSet("JL")  # the dates JL254, JL261, JL262 and JL263 derive; `govproj deadlines` lists them

# The flow of chapters 二 to 六, in the text's order. 统一建设 skips the two steps where the unit deals with the
# bureau (采购文件审核, 竣工验收申请): the bureau itself procures and accepts (第四条、第十六条、第二十五条).
STAGES: tuple[Stage, ...] = (
    Stage("plan", "需求计划", "第七条"),
    Stage("apply", "立项申报", "第九条"),
    Stage("review", "评审审核", "第十一条"),
    Stage("approved", "立项批复", "第十条", baseline=True),
    Stage("design", "初步设计和投资概算", "第十二条", optional=True),
    Stage("docreview", "采购文件审核", "第十六条", kinds=("self",)),
    Stage("procure", "采购", "第十六条"),
    Stage("build", "建设实施", "第十八条"),
    Stage("trial", "试运行", "第二十五条"),
    Stage("preliminary", "初步验收", "第二十五条"),
    Stage("final_apply", "竣工验收申请", "第二十五条", kinds=("self",)),
    Stage("final", "竣工验收", "第二十五条"),
    Stage("operation", "运行管理", "第三十六条"),
)
_IDS = [s.id for s in STAGES]
FSR_LINE = Money.wan(200)  # 第十二条: 200万元以下(含200万) → 申报书; above → 可行性研究报告


def since(stage: str) -> tuple[str, ...]:
    return tuple(_IDS[_IDS.index(stage):])


def cite(article: str, quote: str) -> Citation:
    return Citation(DOC, f"第{article}条", quote)


# ---- helpers ------------------------------------------------------------------------------------------------

def _wan(value: Money) -> str:
    return f"{value:f}万元"


BUREAU_BODY = bodies.Body(BUREAU, ("省政务服务和数字化建设管理局",))  # 第四条: the full name, then the 简称
APPROVAL_BODIES = bodies.Bodies("JL103", "立项审核", "第十条", "应当经过省政务服务和数字化局审核立项", (BUREAU_BODY,),
                                "project.yaml 的 events.approved.by", ("吉林",))
UNIFIED_BODIES = bodies.Bodies("JL041", "统一建设项目的采购和竣工验收", "第四条、第二十五条",
                               "立项和采购主体是省政务服务和数字化局……由省政务服务和数字化局直接组织竣工验收", (BUREAU_BODY,),
                               "project.yaml 的 events.procurement_started.by、events.final_accepted.by", ("吉林",),
                               note="自行建设项目的采购和验收主体是项目立项单位：by 须正是 unit 的名称")


def same_unit(by: object, unit: object) -> bool:
    """`by` names the unit itself (exactly, or as one of the names it lists), not a name that merely contains it."""
    if not isinstance(by, str) or not isinstance(unit, str) or not unit.strip():
        return False
    return "".join(unit.split()) in bodies.candidates(by)


def classified(project: "Project") -> bool:
    return project.get("project.yaml", "classified") is True


def provincial_funds(project: "Project") -> tuple[Money | None, list[str]]:
    """(sum of the budget sources whose type is 省级财政资金, their names); None when there are no sources, or when a
    source has no type (its kind is unknown: GP021 reports it), since the sum could then be wrong either way."""
    items = list(project.items("budget.yaml", "sources"))
    if not items or any(not item.get("type") for _, item in items):
        return None, []
    total, names = Money.zero(), []
    for index, item in items:
        if item.get("type") == PROVINCIAL:
            names.append(str(item.get("source") or f"第{index + 1}项"))
            if isinstance(item.get("amount"), Money):
                total += item["amount"]
    return total, names


def not_before(project: "Project", earlier: str, earlier_label: str, later: str, later_label: str) -> Iterator[Finding]:
    """A finding when the recorded date of `later` is before that of `earlier` (same day is in order)."""
    yield from events_in_order(project, earlier, earlier_label, later, later_label)


def passed(project: "Project", key: str, label: str, fix: str) -> Iterator[Finding]:
    """The event is recorded with date and result, and the result is not `fail`."""
    yield from require_event(project, key, label, need=("date", "result"))
    event = project.event(key)
    if event and event.get("result") == "fail":
        yield Finding("project.yaml", ("events", key, "result"), f"{label}未通过", fix)


def filled(block: dict | None) -> bool:
    """Anything of an event or document is filled in (a scaffold writes every key with blank values)."""
    return bool(block) and any(not blank(v) and v is not False for v in block.values())


def recorded(project: "Project", key: str) -> dict | None:
    event = project.event(key)
    return event if filled(event) else None


def unfilled(item: dict, fields: tuple[tuple[str, str], ...]) -> list[str]:
    """The labels of the (key, label) fields left blank in one list item."""
    return [label for key, label in fields if blank(item.get(key))]


def written(project: "Project", *paths: tuple) -> tuple:
    """The first of `paths` whose key is written in project.yaml (a finding points there), else the first one."""
    keys = project.docs["project.yaml"].keys
    return next((path for path in paths if path in keys), paths[0])


def attached(project: "Project", key: str, label: str, *, need: tuple[str, ...] = ("evidence",), hint: str = "",
             missing: str = "") -> Iterator[Finding]:
    """The document is there (a blank scaffold entry is not) with the `need`ed fields; `missing` says why it must be."""
    if not filled(project.document(key)):
        yield Finding("project.yaml", ("documents", key), missing or f"缺少材料“{label}”",
                      hint or f"在 documents.{key} 写名称并附文件", at_key=True)
    else:
        yield from require_document(project, key, label, need=need, hint=hint)


def _lines_mention(project: "Project", words: tuple[str, ...]) -> bool:
    for _, line in project.items("budget.yaml", "lines"):
        text = f"{line.get('name') or ''}{line.get('note') or ''}"
        if any(word in text for word in words):
            return True
    return False


# ---- counts and starts of this pack's deadlines (duck-typed like those of govproj.core.deadlines) -------------------

class AfterWorkdays(NamedTuple):  # NamedTuples like govproj.core.deadlines': a tenth of a dataclass's cost
    """The first day after `n` full working days from the start: "达到稳定状态20个工作日后".

    The start day is not counted (民法典 第201条); the n working days end with the n-th working day after it, and
    "后" is the day after that one.
    """

    n: int
    kind = WORKING_DAYS
    uses_calendar = True

    def due(self, start: _dt.date | None, year: int, ctx: Context) -> _dt.date | None:
        from govproj.core.periods import after_workdays  # the shared reading of 民法典 201–203

        return None if start is None else after_workdays(start, ctx.calendar, self.n)

    def describe(self) -> str:
        return f"满{self.n}个工作日后"


class OnDate:
    """The recorded date is itself the last day (a planned date the approval fixed, e.g. 计划竣工验收日期).

    A plain class: it has no fields, and an empty NamedTuple would be false."""

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        return type(other) is OnDate

    def __hash__(self) -> int:
        return hash(OnDate)

    kind = CALENDAR_PERIOD
    uses_calendar = False

    def due(self, start: _dt.date | None, year: int, ctx: Context) -> _dt.date | None:
        return start

    def describe(self) -> str:
        return "按计划日期（含当天）"


class FailedAcceptance(NamedTuple):
    """When an acceptance failed: `events.<phase>_failed`, else `events.<phase>_accepted` if its result is fail.

    The scope names the event that holds the date, so the deadline points at the line that records the failure.
    """

    phase: str
    label: str
    today_if_missing: bool = False

    def scopes(self, project: "Project") -> Iterator[tuple[tuple, str]]:
        failed, accepted = f"{self.phase}_failed", f"{self.phase}_accepted"
        if project.event_date(failed):
            yield (failed,), ""
        elif project.event_date(accepted) and (project.event(accepted) or {}).get("result") == "fail":
            yield (accepted,), ""

    def where(self, scope: tuple) -> tuple[str, tuple]:
        return "project.yaml", ("events", scope[0], "date")

    def name(self, project: "Project") -> str:
        return self.label


# ---- 第一章 总则 --------------------------------------------------------------------------------------------

@RULES.rule("JL021", "资金来源中没有省级财政资金", severity="warning", stages=since("review"),
            citation=cite("二", "本办法适用于使用省级财政资金的政务信息系统项目。"),
            message="资金来源中没有省级财政资金：本办法只适用于使用省级财政资金的政务信息系统项目",
            hint="在 budget.yaml 的 sources 写省级财政资金（type: 省级财政资金）及金额；不使用省级财政资金的项目不适用本办法，请核对 jurisdiction")
def scope_provincial_funds(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    从“评审审核”阶段起，budget.yaml 的资金来源（`sources`）中是否至少有一项的类型是省级财政资金
    （`type: 省级财政资金`；名称怎么写都可以，如“2027年省级专项资金”“省级配套资金”）。没有填写资金来源、
    或有来源没有写类型时也报告，因为无法判断。

    ## 为什么
    第二条：“本办法适用于使用省级财政资金的政务信息系统项目。”第三条把政务信息系统项目界定为“由省级财政资金安排的”
    信息系统。不使用省级财政资金的项目不适用本办法，多半是辖区（jurisdiction）选错了；是否属于第三条列举的系统
    由用户判断，所以这里只是警告。

    ## 通过示例
    ```yaml
    sources: [{source: 2027年省级专项资金, type: 省级财政资金, amount: 386.50}]
    ```
    ## 不通过示例
    ```yaml
    sources: [{source: 单位自有资金, type: 其他, amount: 386.50}]
    ```
    """
    funds, names = provincial_funds(project)
    untyped = [i for i, item in project.items("budget.yaml", "sources") if not item.get("type")]
    if funds is None and untyped:
        yield Finding("budget.yaml", ("sources", untyped[0]), "资金来源没有写资金类型（type），无法判断是否使用省级财政资金",
                      "在 sources 每一项写 type；省级财政资金写 type: 省级财政资金", at_key=True)
    elif funds is None:
        yield Finding("budget.yaml", ("sources",), "没有填写资金来源，无法判断是否使用省级财政资金",
                      "在 budget.yaml 的 sources 列出资金来源、类型和金额，省级财政资金写 type: 省级财政资金")
    elif not names:
        yield Finding("budget.yaml", ("sources",))


@RULES.rule("JL041", "采购或验收主体与建设方式不符", severity="error", stages=(),
            citation=cite("四", "自行建设项目是指由项目需求提出单位进行采购和建设的政务信息系统项目,立项和采购主体是项目需求提出单位,"
                               "省政务服务和数字化局对采购和建设过程进行监督和管理。"),
            message="采购或验收的组织单位与建设方式（统一建设/自行建设）不符",
            hint="统一建设项目由省政务服务和数字化局采购并组织竣工验收；自行建设项目由项目立项单位采购、组织初步验收和竣工验收",
            settings=(bodies.setting("统一建设项目的采购和竣工验收主体"),))
def mode_decides_who(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    建设方式就是项目类型 `kind`：`unified` 统一建设、`self` 自行建设。已记录的事件里，组织单位（`by`）须与建设方式一致：

    | 事件 | 统一建设（unified） | 自行建设（self） |
    |---|---|---|
    | `events.procurement_started.by`（采购主体） | 省政务服务和数字化局 | 项目立项单位（`unit`） |
    | `events.preliminary_accepted.by`（初步验收） | 不检查 | 项目立项单位 |
    | `events.final_accepted.by`（竣工验收） | 省政务服务和数字化局 | 项目立项单位 |

    名称须正是省政务服务和数字化局或其全称省政务服务和数字化建设管理局（可带“吉林”，或写在 settings.JL041.bodies
    里的本单位叫法），不是含有这几个字的任意名称；项目立项单位须与 `unit` 相同（或是 `by` 列出的名称之一）。
    事件已记录而没有写 `by` 的，也报告。涉密项目（`classified: true`）的采购、验收按保密规定执行，不检查（第十七条）。

    ## 为什么
    第四条：统一建设项目“立项和采购主体是省政务服务和数字化局”；“自行建设项目是指由项目需求提出单位进行采购和建设的
    政务信息系统项目,立项和采购主体是项目需求提出单位,省政务服务和数字化局对采购和建设过程进行监督和管理。”
    第二十五条：“统一建设项目在试运行结束后由省政务服务和数字化局直接组织竣工验收。自行建设项目由项目立项单位负责组织
    实施初步验收。”“申请通过后,由项目立项单位组织竣工验收。”

    ## 通过示例
    ```yaml
    kind: self
    unit: 吉林省市场监督管理厅
    events: {procurement_started: {date: 2025-07-14, by: 吉林省市场监督管理厅}}
    ```
    ## 不通过示例
    ```yaml
    kind: unified
    unit: 吉林省民政厅
    events: {procurement_started: {date: 2027-02-01, by: 吉林省民政厅}}
    ```
    """
    if classified(project):
        return
    unit = project.get("project.yaml", "unit")
    unified = project.kind == "unified"
    extra = bodies.extra_names(ctx.settings.get(bodies.SETTING_NAME))
    checks = [("procurement_started", "采购", "采购主体")]
    if not unified:
        checks.append(("preliminary_accepted", "初步验收", "初步验收组织单位"))
    checks.append(("final_accepted", "竣工验收", "竣工验收组织单位"))
    for key, what, role in checks:
        event = recorded(project, key)
        if event is None:
            continue
        by = event.get("by")
        if blank(by):
            yield Finding("project.yaml", ("events", key, "by"), f"{what}没有写{role}（by）",
                          f"在 events.{key}.by 写{role}：" + (f"{BUREAU}" if unified else f"项目立项单位 {unit or ''}"))
        elif unified and not UNIFIED_BODIES.accepts(by, extra):
            yield Finding("project.yaml", ("events", key, "by"),
                          f"统一建设项目的{role}是{BUREAU}（{UNIFIED_BODIES.article}），这里写的是“{by}”",
                          f"核对{role}；本单位对它另有叫法或机构已更名的，在 settings.JL041.bodies 写上这个名称")
        elif not unified and not same_unit(by, unit):
            yield Finding("project.yaml", ("events", key, "by"),
                          f"自行建设项目的{role}是项目立项单位（{unit or 'unit 未填'}），这里写的是“{by}”")


# ---- 第二章 立项与审核 ------------------------------------------------------------------------------------------

@RULES.rule("JL071", "需求计划未报送", severity="error", stages=since("apply"),
            citation=cite("七", "各政务部门应当结合自身业务提出需求计划,并报省政务服务和数字化局审核汇总。"),
            message="没有记录本部门需求计划报送省政务服务和数字化局的日期",
            hint="在 events.demand_plan 写需求计划报送的日期和文号，附报送文件")
def demand_plan(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    进入“立项申报”前，`events.demand_plan` 是否记录了需求计划报送省政务服务和数字化局的日期。

    ## 为什么
    第七条：“各政务部门应当结合自身业务提出需求计划,并报省政务服务和数字化局审核汇总。”年度计划由需求计划汇总而来，
    立项申请又以年度计划为基础（第九条）。

    ## 通过示例
    ```yaml
    events: {demand_plan: {date: 2024-10-18, doc_no: 吉市监函〔2024〕186号}}
    ```
    ## 不通过示例
    ```yaml
    events: {}
    ```
    """
    yield from require_event(project, "demand_plan", "需求计划报送")


@RULES.rule("JL081", "正式立项前未确定建设方式", severity="error", stages=since("approved"),
            citation=cite("八", "正式立项前,省政务服务和数字化局征集各政务部门政务信息系统建设需求,并确定每个项目应该采用统一建设"
                               "方式还是自行建设方式。"),
            message="没有记录省政务服务和数字化局确定本项目建设方式（统一建设或自行建设），或确定晚于立项",
            hint="在 events.mode_decided 写确定建设方式的日期和文号（如年度计划或通知），日期不晚于立项批复")
def mode_decided(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    进入“立项批复”阶段时，`events.mode_decided` 是否记录了省政务服务和数字化局确定建设方式的日期，且不晚于立项批复日
    （`events.approved.date`，同一天可以）。确定的方式写在 `kind`。

    ## 为什么
    第八条：“正式立项前,省政务服务和数字化局征集各政务部门政务信息系统建设需求,并确定每个项目应该采用统一建设方式还是
    自行建设方式。”建设方式决定由谁采购、谁验收（第四条）。

    ## 通过示例
    ```yaml
    events:
      mode_decided: {date: 2025-01-22, doc_no: 吉政数发〔2025〕6号}
      approved: {date: 2025-05-23}
    ```
    ## 不通过示例
    ```yaml
    events:
      mode_decided: {date: 2025-05-24}
      approved: {date: 2025-05-23}
    ```
    """
    yield from require_event(project, "mode_decided", "确定建设方式")
    yield from not_before(project, "mode_decided", "确定建设方式", "approved", "立项批复")


@RULES.rule("JL091", "项目未纳入年度计划即申请立项", severity="error", stages=since("apply"),
            citation=cite("九", "各政务部门基于年度计划,结合当前实际需求提交下阶段的项目立项申请。"),
            message="没有记录项目纳入省级政务信息系统建设年度计划，或立项申请早于年度计划",
            hint="在 events.annual_plan 写年度计划的日期和文号；立项申请（events.applied）应在其后")
def in_annual_plan(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    进入“立项申报”前，`events.annual_plan` 是否记录了项目纳入的年度计划（日期，宜写文号）；已提交立项申请的，申请日
    （`events.applied.date`）不得早于年度计划日期。国家部委组织地方建设、需要省级配套资金的项目同样检查（第十四条）。

    ## 为什么
    第七条：“省政务服务和数字化局根据专家评审意见确定省级政务信息系统建设年度计划。”第九条：“各政务部门基于年度计划,
    结合当前实际需求提交下阶段的项目立项申请。”第十四条：需要省级配套资金的国家部委项目，“项目需求提出单位需将项目
    纳入年度计划,并按照规定要求进行立项申请与管理”。

    ## 通过示例
    ```yaml
    events:
      annual_plan: {date: 2025-01-22, doc_no: 吉政数发〔2025〕6号}
      applied: {date: 2025-03-14}
    ```
    ## 不通过示例
    ```yaml
    events:
      annual_plan: {date: 2025-03-15}
      applied: {date: 2025-03-14}
    ```
    """
    yield from require_event(project, "annual_plan", "纳入年度计划")
    yield from not_before(project, "annual_plan", "年度计划", "applied", "立项申请")


@RULES.rule("JL101", "跨层级、跨部门项目未明确牵头部门", severity="error", stages=since("review"),
            citation=cite("十", "涉及跨层级、跨部门的项目,应明确牵头部门,进行申报。"),
            message="跨层级、跨部门的项目没有写牵头部门",
            hint="在 project.yaml 的 lead_department 写牵头部门")
def lead_department(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    `cross_level: true`（跨层级）、`cross_department: true`（跨部门）或列有共建部门（`co_builders`）的项目，是否写了
    牵头部门（`lead_department`）。

    ## 为什么
    第十条：“涉及跨层级、跨部门的项目,应明确牵头部门,进行申报。”附件3 填写说明2：多个单位共建的，“由相关单位协商确定
    牵头单位,由牵头单位作为项目立项单位,编制项目建设申报书。”

    ## 通过示例
    ```yaml
    cross_department: true
    lead_department: 吉林省市场监督管理厅
    ```
    ## 不通过示例
    ```yaml
    cross_level: true
    lead_department:
    ```
    """
    flags = [key for key in ("cross_level", "cross_department") if project.get("project.yaml", key) is True]
    if not flags and not project.get("project.yaml", "co_builders"):
        return
    if blank(project.get("project.yaml", "lead_department")):
        yield Finding("project.yaml", written(project, ("lead_department",), *((f,) for f in flags), ("co_builders",)))


@RULES.rule("JL102", "土建等非政务信息系统内容未拆分", severity="error", stages=since("review"),
            citation=cite("十", "对涉及土建工程及其它非政务信息系统项目范围内容的,需要将建设内容拆分,对政务信息系统部分申请立项。"),
            message="土建工程等非政务信息系统内容须拆分出去，只对政务信息系统部分申请立项",
            hint="把土建等内容从预算明细中移出，另行立项或走其他资金渠道，并在 civil_works.split_out 写明")
def civil_works_split(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    - `civil_works.involved: true` 的项目，是否在 `civil_works.split_out` 写明拆分出去的内容及其去向；
    - budget.yaml 的预算明细中，名称或说明含“土建”的每一项都报告：土建工程不能列入政务信息系统项目。

    机房及配套工程属于政务信息系统建设方案的内容（附件1 第四章“机房及配套工程建设方案”），不因“工程”二字报告；
    附件3 的“工程类”也是“非土建类工程实施项目”。

    ## 为什么
    第十条：“对涉及土建工程及其它非政务信息系统项目范围内容的,需要将建设内容拆分,对政务信息系统部分申请立项。”

    ## 通过示例
    ```yaml
    civil_works: {involved: true, split_out: 指挥中心大楼土建部分由省发展改革委另行立项}
    ```
    ## 不通过示例
    ```yaml
    lines: [{name: 指挥中心土建改造, category: 工程, amount: 120}]
    ```
    """
    if project.get("project.yaml", "civil_works", "involved") is True:
        yield from require(project, "project.yaml", ("civil_works", "split_out"), "拆分出去的土建等内容及其去向",
                           "在 civil_works.split_out 写明拆分出去的建设内容，以及另行立项或资金渠道")
    for index, line in project.items("budget.yaml", "lines"):
        text = f"{line.get('name') or ''}{line.get('note') or ''}"
        if "土建" in text:
            yield Finding("budget.yaml", ("lines", index, "name"),
                          f"预算明细“{line.get('name')}”是土建工程，须从政务信息系统项目中拆分出去")


@RULES.rule("JL103", "立项批复未记录", severity="error", stages=since("approved"),
            citation=cite("十", "新建、改建、扩建等政务信息系统项目,应当经过省政务服务和数字化局审核立项。"),
            message="没有记录省政务服务和数字化局的立项批复（日期、文号、批复机关），或批复未写明是否要求初步设计和概算",
            hint="在 events.approved 写批复日期、文号，by 写省政务服务和数字化局；在 design_required 写批复是否要求初步设计方案与投资概算",
            settings=(bodies.setting("立项批复机关"),))
def approval_recorded(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    进入“立项批复”阶段时：
    - `events.approved` 有日期、文号和批复机关，批复机关是省政务服务和数字化局（或第四条的全称省政务服务和数字化建设
      管理局，可带“吉林”；本单位的其他叫法写在 settings.JL103.bodies）；
    - `design_required` 写明立项批复是否要求进一步提交初步设计方案与投资概算（true/false）；
    - 已发起采购的，采购（`events.procurement_started.date`）不早于立项批复。

    ## 为什么
    第十条：“新建、改建、扩建等政务信息系统项目,应当经过省政务服务和数字化局审核立项。”第十二条：省政务服务和数字化局
    “在立项批复中明确是否需要项目立项单位进一步提交达到国家相关规定要求的初步设计方案与投资概算”。第十六条：
    “项目立项单位应严格按照经批复的立项相关文件执行资金管理、实施项目建设。”

    ## 通过示例
    ```yaml
    design_required: false
    events: {approved: {date: 2026-09-10, doc_no: 吉政数审〔2026〕58号, by: 吉林省政务服务和数字化建设管理局}}
    ```
    ## 不通过示例
    ```yaml
    events: {approved: {date: 2026-09-10, doc_no: 吉政数审〔2026〕58号, by: 吉林省财政厅}}
    ```
    """
    yield from require_event(project, "approved", "立项批复", need=("date", "doc_no", "by"))
    yield from bodies.check_by(project, ctx, APPROVAL_BODIES, "project.yaml", ("events", "approved", "by"), "立项批复机关")
    if project.get("project.yaml", "design_required") is None:
        yield Finding("project.yaml", ("design_required",), "没有写立项批复是否要求提交初步设计方案与投资概算",
                      "按立项批复在 design_required 写 true（要求）或 false（不要求）")
    yield from not_before(project, "approved", "立项批复", "procurement_started", "发起采购")


@RULES.rule("JL111", "专家评审未通过或未记录", severity="error", stages=since("approved"),
            citation=cite("十一", "省政务服务和数字化局按照“统一申报、分类评审”的原则,邀请各相关领域专家对申报的政务信息系统项目进行评审,"
                                 "形成评审意见。"),
            message="立项前没有通过专家评审",
            hint="在 events.expert_review 记录评审意见的日期和结论（pass/conditional），日期在申报之后、立项批复之前")
def expert_review(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    进入“立项批复”阶段时，`events.expert_review` 是否记录了评审日期和结论，结论不是 `fail`；评审日期不早于立项申请
    （`events.applied`），立项批复不早于评审。评审意见是否覆盖第十一条列举的各项内容，由评审专家把握，无法自动判断。

    ## 为什么
    第十一条：“省政务服务和数字化局按照‘统一申报、分类评审’的原则,邀请各相关领域专家对申报的政务信息系统项目进行评审,
    形成评审意见。”评审在审核立项之前。

    ## 通过示例
    ```yaml
    events: {applied: {date: 2025-03-14}, expert_review: {date: 2025-04-18, result: pass}, approved: {date: 2025-05-23}}
    ```
    ## 不通过示例
    ```yaml
    events: {expert_review: {date: 2025-04-18, result: fail}}
    ```
    """
    yield from passed(project, "expert_review", "专家评审", "按评审意见修改申报材料后重新申报评审")
    yield from not_before(project, "applied", "立项申请", "expert_review", "专家评审")
    yield from not_before(project, "expert_review", "专家评审", "approved", "立项批复")


@RULES.rule("JL112", "未说明基础资源和技术服务需求", severity="warning", stages=since("review"),
            citation=cite("十一", "评审的主要内容包括项目必要性、技术可行性与安全性、项目投资金额、基础资源和技术服务需求"
                                 "(含政务云、大数据中心、电子政务网络等)、政务信息资源归集与交换共享情况等。"),
            message="申报材料没有说明基础资源和技术服务需求（政务云、大数据中心、电子政务网络等）",
            hint="在 project.yaml 的 base_resources 列出需要的基础资源和技术服务，如 政务云、电子政务外网；都不需要时写 无")
def base_resources(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    `base_resources` 是否至少有一项（需要的政务云、大数据中心、电子政务网络等；确实都不需要时写“无”）。

    ## 为什么
    第十一条把“基础资源和技术服务需求(含政务云、大数据中心、电子政务网络等)”列为评审的主要内容；附件3 申报书
    五.5 要求写“所需基础资源需求(包括服务器、存储、数据库系统、电子政务网络等)”。申报时不写，评审无从评起。
    条文规定的是评审内容而不是申报义务，所以是警告。其他评审内容由 JL121（投资）、JL151（共享）、JL201/JL202（安全）检查。

    ## 通过示例
    ```yaml
    base_resources: [政务云, 电子政务外网]
    ```
    ## 不通过示例
    ```yaml
    base_resources: []
    ```
    """
    if not project.get("project.yaml", "base_resources"):
        yield Finding("project.yaml", ("base_resources",))


@RULES.rule("JL121", "省级财政资金超过200万元未提交可行性研究报告", severity="error", stages=since("review"),
            citation=cite("十二", "(一)对于拟利用省级财政资金在200万元以下(含200万)的政务信息系统项目,可简化为仅编制项目申报书;"
                                 "(二)对于拟利用省级财政资金在200万元以上的政务信息系统项目,需提交可行性研究报告。"),
            message="拟利用省级财政资金超过200万元，须提交可行性研究报告",
            hint="按附件1 提纲编制可行性研究报告，在 documents.feasibility_study 写名称并附文件",
            boundaries=(threshold("省级财政资金200万元", "以下（含200万）", True, "200.00 万元只需申报书，200.01 万元须提交可行性研究报告", why="原文（一）写明“200万元以下(含200万)”：200 万元整归（一）；（二）的“200万元以上”因此不含本数，否则 200 万元整同时落入两项（民法典 第一千二百五十九条的“以上”含本数，这里由原文的括号排除）"),))
def feasibility_study(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    拟利用的省级财政资金 = budget.yaml 资金来源中类型为省级财政资金（`type: 省级财政资金`）的各项之和；来源名称
    （如“2027年省级专项资金”）只印在表格里，不参与判断。
    - 超过 200 万元（200.01 万元起）：须有可行性研究报告（`documents.feasibility_study`，附文件）；
    - 200 万元及以下（含 200 万元整）：可以只编制项目申报书（申报书由 JL122 检查）。
    没有填写资金来源的，报告无法判断。

    门槛的读法：第（一）项明写“200万元以下(含200万)”，200 万元整归第（一）项；第（二）项的“200万元以上”因此不含 200 万元
    本数（否则 200 万元整同时落入两项）。200.00 万元只需申报书，200.01 万元须提交可行性研究报告。

    ## 为什么
    第十二条：“(一)对于拟利用省级财政资金在200万元以下(含200万)的政务信息系统项目,可简化为仅编制项目申报书;
    (二)对于拟利用省级财政资金在200万元以上的政务信息系统项目,需提交可行性研究报告。”

    ## 通过示例
    ```yaml
    sources: [{source: 省级财政资金, type: 省级财政资金, amount: 200.00}]   # 只有申报书即可
    ```
    ## 不通过示例
    ```yaml
    sources: [{source: 2027年省级专项资金, type: 省级财政资金, amount: 200.01}]   # documents 里没有 feasibility_study
    ```
    """
    funds, names = provincial_funds(project)
    if funds is None:
        untyped = [i for i, item in project.items("budget.yaml", "sources") if not item.get("type")]
        if untyped:
            yield Finding("budget.yaml", ("sources", untyped[0]),
                          "资金来源没有写资金类型（type），无法判断拟利用的省级财政资金是否超过200万元",
                          "在 sources 每一项写 type：省级财政资金、国家资金、市县资金或其他", at_key=True)
            return
        yield Finding("budget.yaml", ("sources",), "没有填写资金来源，无法判断拟利用的省级财政资金是否超过200万元",
                      "在 budget.yaml 的 sources 列出资金来源、类型和金额")
        return
    if funds <= FSR_LINE:
        return
    yield from attached(project, "feasibility_study", "可行性研究报告",
                        missing=f"拟利用省级财政资金 {_wan(funds)}（{'、'.join(names)}），超过200万元，须提交可行性研究报告")


@RULES.rule("JL122", "项目申报书不完整", severity="error", stages=since("review"),
            citation=Citation(DOC, "附件3", "凡申请省级政务信息系统立项的项目,均需编制信息化项目建设方案,填写本表。"),
            message="项目申报书（附件3）缺少封面栏目：盖章、申报日期、项目类型、项目负责人、项目联系人及其电话和电子邮箱",
            hint="在 documents.application 记录申报书（sealed: true、date、evidence），在 project_types 和 contacts 补齐封面栏目")
def application_form(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    所有申请立项的项目（不论资金多少）都要有项目申报书，并按附件3 封面填齐：
    - `documents.application`：项目立项单位盖章（`sealed: true`）、申报日期（`date`）、文件（`evidence`）；
    - `project_types`：项目类型（硬件类、软件类、工程类、服务类、信息系统类，可多选）；
    - `contacts`：角色含“负责人”的项目负责人（姓名），角色含“联系人”的项目联系人（姓名、联系电话、电子邮箱）。
    “项目负责人应为单位负责人”无法从数据判断，不检查。

    ## 为什么
    附件3 填写说明1：“凡申请省级政务信息系统立项的项目,均需编制信息化项目建设方案,填写本表。”封面各栏为“项目名称、
    项目立项单位:(盖章)、项目负责人、项目联系人、联系电话、电子邮箱、申报日期”；填写说明2：“项目负责人应为单位负责人,
    项目建设坚持单位主要负责人负责制。”第十八条要求“明确具体的责任主体”。

    ## 通过示例
    ```yaml
    project_types: [信息系统类]
    contacts:
      - {role: 项目负责人, name: 王建国}
      - {role: 项目联系人, name: 刘晓梅, phone: 0431-88906215, email: liuxm@example.gov.cn}
    documents: {application: {title: 项目申报书, date: 2025-03-14, sealed: true, evidence: [evidence/项目申报书.pdf]}}
    ```
    ## 不通过示例
    ```yaml
    documents: {application: {title: 项目申报书, sealed: false}}
    ```
    """
    yield from attached(project, "application", "项目申报书", need=("sealed", "date", "evidence"),
                        hint="申报书封面“项目立项单位”处盖章后写 sealed: true，date 写申报日期，并附文件")
    yield from require(project, "project.yaml", ("project_types",), "项目类型",
                       "在 project_types 选择：硬件类、软件类、工程类、服务类、信息系统类")
    contacts = list(project.items("project.yaml", "contacts"))
    head = [c for _, c in contacts if "负责人" in str(c.get("role") or "") and not blank(c.get("name"))]
    if not head:
        yield Finding("project.yaml", ("contacts",), "没有写项目负责人（申报书封面；应为单位负责人）",
                      "在 contacts 加一项 {role: 项目负责人, name: 单位负责人姓名}")
    liaison = [(i, c) for i, c in contacts if "联系人" in str(c.get("role") or "")]
    if not liaison:
        yield Finding("project.yaml", ("contacts",), "没有写项目联系人（申报书封面）",
                      "在 contacts 加一项 {role: 项目联系人, name: …, phone: …, email: …}")
    for index, contact in liaison:
        missing = unfilled(contact, (("name", "姓名"), ("phone", "联系电话"), ("email", "电子邮箱")))
        if missing:
            yield Finding("project.yaml", ("contacts", index), f"项目联系人缺少{'、'.join(missing)}（申报书封面）")


@RULES.rule("JL123", "未提交立项批复要求的初步设计方案和投资概算", severity="error", stages=since("docreview"),
            citation=cite("十二", "根据项目具体情况,省政务服务和数字化局在立项批复中明确是否需要项目立项单位进一步提交达到国家相关规定要求的"
                                 "初步设计方案与投资概算。"),
            message="立项批复要求提交初步设计方案与投资概算，但没有记录",
            hint="按附件2 提纲编制，在 documents.preliminary_design 和 documents.budget_estimate 写名称、日期并附文件")
def design_documents(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    `design_required: true`（立项批复要求）的项目，在进入采购环节（自行建设为“采购文件审核”，统一建设为“采购”）前，
    是否有初步设计方案（`documents.preliminary_design`）和投资概算（`documents.budget_estimate`），都附有文件。

    ## 为什么
    第十二条：省政务服务和数字化局“在立项批复中明确是否需要项目立项单位进一步提交达到国家相关规定要求的初步设计方案与
    投资概算”。采购文件按立项审核时核准的内容编制（第十六条），所以要求的初设和概算应在采购之前完成。

    ## 通过示例
    ```yaml
    design_required: true
    documents:
      preliminary_design: {title: 初步设计方案, evidence: [evidence/初步设计方案.pdf]}
      budget_estimate: {title: 投资概算, evidence: [evidence/投资概算.pdf]}
    ```
    ## 不通过示例
    ```yaml
    design_required: true
    documents: {}
    ```
    """
    if project.get("project.yaml", "design_required") is not True:
        return
    yield from attached(project, "preliminary_design", "初步设计方案")
    yield from attached(project, "budget_estimate", "投资概算")


@RULES.rule("JL151", "申报材料缺少政务信息资源目录", severity="error", stages=since("review"),
            citation=cite("十五", "项目立项单位应按照政务信息资源共享管理有关规定,以及政务信息资源目录管理要求,保证政务信息资源有序归集和共享,"
                                 "确保项目建成后能将项目政务信息资源纳入省级共享平台目录管理系统。"),
            message="没有说明项目的政务信息资源目录（含拟共享、开放的资源目录）",
            hint="在 sharing.yaml 回答是否涉及信息资源建设；涉及的，在 resources 列出资源目录，并回答是否共享、开放及清单")
def resource_catalogue(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    sharing.yaml：
    - `resource_building`（是否涉及信息资源建设）已回答；
    - 涉及的：`resources` 至少一项（资源名称和数据内容），`sharing.provided`（拟共享）和 `opening.provided`（拟开放）
      已回答；选择提供的，`items` 至少一项。

    ## 为什么
    第十五条：项目立项单位应按照政务信息资源目录管理要求，“保证政务信息资源有序归集和共享,确保项目建成后能将项目政务
    信息资源纳入省级共享平台目录管理系统”。附件3 申报书五.5 要求写“系统数据资源目录(含系统拟共享、开放数据资源目录)”；
    第十一条把“政务信息资源归集与交换共享情况”列为评审内容。

    ## 通过示例
    ```yaml
    resource_building: true
    resources: [{name: 特种设备基础信息库, content: 设备登记、使用单位、检验记录}]
    sharing: {provided: true, items: [{name: 特种设备登记信息, scope: 省级政务部门}]}
    opening: {provided: false}
    ```
    ## 不通过示例
    ```yaml
    resource_building: true
    resources: []
    ```
    """
    yield from require(project, "sharing.yaml", ("resource_building",), "是否涉及信息资源建设")
    if project.get("sharing.yaml", "resource_building") is not True:
        return
    resources = list(project.items("sharing.yaml", "resources"))
    if not resources:
        yield Finding("sharing.yaml", ("resources",), "涉及信息资源建设，但没有列出资源目录",
                      "在 resources 列出每项信息资源的名称和数据内容")
    for index, item in resources:
        missing = unfilled(item, (("name", "资源名称"), ("content", "数据内容")))
        if missing:
            yield Finding("sharing.yaml", ("resources", index), f"信息资源第{index + 1}项缺少{'、'.join(missing)}")
    for key, word in (("sharing", "共享"), ("opening", "开放")):
        yield from require(project, "sharing.yaml", (key, "provided"), f"是否提供信息资源{word}")
        if project.get("sharing.yaml", key, "provided") is True and not project.get("sharing.yaml", key, "items"):
            yield Finding("sharing.yaml", (key, "items"), f"选择了提供信息资源{word}，但没有列出拟{word}的资源目录",
                          f"在 {key}.items 列出拟{word}的资源")


@RULES.rule("JL152", "政务信息资源未纳入省级共享平台目录", severity="error", stages=since("operation"),
            citation=cite("十五", "确保项目建成后能将项目政务信息资源纳入省级共享平台目录管理系统。"),
            message="项目建成后没有记录政务信息资源纳入省级共享平台目录管理系统",
            hint="在 events.catalogue_registered 记录纳入目录的日期和证据（如目录系统截图或回执）")
def catalogue_registered(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    涉及信息资源建设（`sharing.yaml` 的 `resource_building: true` 或列有 `resources`）的项目，竣工验收后进入“运行管理”时，
    是否记录了资源纳入省级共享平台目录管理系统（`events.catalogue_registered`）。

    ## 为什么
    第十五条：“确保项目建成后能将项目政务信息资源纳入省级共享平台目录管理系统。”

    ## 通过示例
    ```yaml
    events: {catalogue_registered: {date: 2027-01-15, evidence: [evidence/目录编目回执.pdf]}}
    ```
    ## 不通过示例
    ```yaml
    events: {}
    ```
    """
    if project.get("sharing.yaml", "resource_building") is True or project.get("sharing.yaml", "resources"):
        yield from require_event(project, "catalogue_registered", "纳入省级共享平台目录")


@RULES.rule("JL161", "采购文件未经审核通过即发起采购", severity="error", stages=since("procure"), kinds=("self",),
            citation=cite("十六", "自行建设项目,由项目立项单位按照立项审核时核准的内容自行拟定采购文件,省政务服务和数字化局对采购文件进行审核,"
                                 "重点审核采购文件与项目立项申报材料的符合情况、政务信息资源开放共享要求等,审核通过后,"
                                 "项目立项单位方可发起采购流程。"),
            message="自行建设项目的采购文件须经省政务服务和数字化局审核通过后，方可发起采购",
            hint="在 events.docs_reviewed 记录审核日期和结论 pass；发起采购（events.procurement_started）不得早于审核通过")
def procurement_docs_reviewed(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    自行建设项目进入“采购”阶段时：`events.docs_reviewed` 记录了省政务服务和数字化局审核采购文件的日期和结论，结论不是
    `fail`；已发起采购的，发起日（`events.procurement_started.date`）不早于审核日（同一天可以）。
    涉密项目的采购按保密规定执行，不检查（第十七条）。

    ## 为什么
    第十六条：“自行建设项目,由项目立项单位按照立项审核时核准的内容自行拟定采购文件,省政务服务和数字化局对采购文件进行
    审核,……审核通过后,项目立项单位方可发起采购流程。”

    ## 通过示例
    ```yaml
    events:
      docs_reviewed: {date: 2025-07-10, result: pass}
      procurement_started: {date: 2025-07-14}
    ```
    ## 不通过示例
    ```yaml
    events:
      docs_reviewed: {date: 2025-07-10, result: pass}
      procurement_started: {date: 2025-07-09}
    ```
    """
    if classified(project):
        return
    yield from passed(project, "docs_reviewed", "采购文件审核", "按审核意见修改采购文件后重新送审")
    yield from not_before(project, "docs_reviewed", "采购文件审核", "procurement_started", "发起采购")


@RULES.rule("JL162", "采购文件未编制", severity="error", stages=since("docreview"), kinds=("self",),
            citation=cite("十六", "自行建设项目,由项目立项单位按照立项审核时核准的内容自行拟定采购文件"),
            message="自行建设项目送审前没有记录拟定的采购文件",
            hint="在 documents.procurement_docs 写采购文件名称并附文件")
def procurement_docs(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    自行建设项目进入“采购文件审核”前，是否有项目立项单位拟定的采购文件（`documents.procurement_docs`，附文件）。
    采购文件是否与立项核准的内容相符由审核判断。涉密项目不检查（第十七条）。

    ## 为什么
    第十六条：“自行建设项目,由项目立项单位按照立项审核时核准的内容自行拟定采购文件”，再送省政务服务和数字化局审核。

    ## 通过示例
    ```yaml
    documents: {procurement_docs: {title: 采购文件（招标文件）, evidence: [evidence/招标文件.pdf]}}
    ```
    ## 不通过示例
    ```yaml
    documents: {}
    ```
    """
    if classified(project):
        return
    yield from attached(project, "procurement_docs", "采购文件")


@RULES.rule("JL171", "涉密项目未报备案", severity="error", stages=since("build"),
            citation=cite("十七", "涉密项目由省政务服务和数字化局负责评审和立项,但项目采购、建设、管理、验收等过程由项目立项单位按照国家及省有关"
                                 "保密规定执行,报省政务服务和数字化局备案。"),
            message="涉密项目的采购、建设、验收等过程没有记录报省政务服务和数字化局备案",
            hint="在 events.secrecy_filed 记录最近一次备案的日期和文号")
def secrecy_filed(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    涉密项目（`classified: true`）完成采购、进入“建设实施”后，是否记录了报省政务服务和数字化局备案
    （`events.secrecy_filed`，写最近一次备案）。涉密项目不适用第十六条、第二十五条的采购和验收程序规则
    （JL041、JL161、JL162、JL252、JL254—JL258）。

    ## 为什么
    第十七条：“涉密项目由省政务服务和数字化局负责评审和立项,但项目采购、建设、管理、验收等过程由项目立项单位按照国家及
    省有关保密规定执行,报省政务服务和数字化局备案。”

    ## 通过示例
    ```yaml
    classified: true
    events: {secrecy_filed: {date: 2026-03-02, doc_no: 某某〔2026〕3号}}
    ```
    ## 不通过示例
    ```yaml
    classified: true
    events: {}
    ```
    """
    if classified(project):
        yield from require_event(project, "secrecy_filed", "涉密项目备案")


# ---- 第三章 建设管理 ----------------------------------------------------------------------------------------

def _co_built(project: "Project") -> bool:
    return project.get("project.yaml", "cross_department") is True or bool(project.get("project.yaml", "co_builders"))


@RULES.rule("JL191", "共建部门的建设范围和责任义务不明", severity="error", stages=since("review"),
            citation=cite("十九", "落实共建部门的建设范围和责任义务。"),
            message="多部门共建项目没有列出共建部门及其建设范围和责任义务",
            hint="在 project.yaml 的 co_builders 列出每个共建部门的名称、建设范围（scope）和责任义务（duties）")
def co_builders(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    跨部门（`cross_department: true`）或列有共建部门的项目：`co_builders` 至少一项，每项写部门名称、建设范围（`scope`）
    和责任义务（`duties`）。

    ## 为什么
    第十九条：“涉及多部门共建的政务信息系统项目,项目牵头部门要会同共建部门,……落实共建部门的建设范围和责任义务。”
    附件3 申报书二要求写“项目参与单位与职能,项目参与单位分工协作(针对跨部门合作项目)”，所以申报时就要写明。

    ## 通过示例
    ```yaml
    cross_department: true
    co_builders: [{name: 吉林省住房和城乡建设厅, scope: 住宅电梯数据对接, duties: 提供物业和电梯使用单位数据}]
    ```
    ## 不通过示例
    ```yaml
    cross_department: true
    co_builders: [{name: 吉林省住房和城乡建设厅}]
    ```
    """
    if not _co_built(project):
        return
    items = list(project.items("project.yaml", "co_builders"))
    if not items:
        yield Finding("project.yaml", written(project, ("co_builders",), ("cross_department",)))
    for index, item in items:
        missing = unfilled(item, (("name", "部门名称"), ("scope", "建设范围"), ("duties", "责任义务")))
        if missing:
            yield Finding("project.yaml", ("co_builders", index),
                          f"共建部门“{item.get('name') or index + 1}”缺少{'、'.join(missing)}")


@RULES.rule("JL192", "未建立跨部门工作协调机制", severity="error", stages=since("build"),
            citation=cite("十九", "涉及多部门共建的政务信息系统项目,项目牵头部门要会同共建部门,组织建立跨部门的工作协调机制和共建共享机制,"
                                 "确定部门间业务协同关系和信息共享需求"),
            message="多部门共建项目没有记录跨部门工作协调机制和共建共享机制",
            hint="在 documents.coordination 写机制文件（如协调机制会议纪要、共建协议）并附文件")
def coordination(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    多部门共建项目（`cross_department: true` 或列有 `co_builders`）进入“建设实施”时，是否有跨部门工作协调机制和共建共享
    机制的文件（`documents.coordination`，附文件）。

    ## 为什么
    第十九条：“涉及多部门共建的政务信息系统项目,项目牵头部门要会同共建部门,组织建立跨部门的工作协调机制和共建共享机制,
    确定部门间业务协同关系和信息共享需求”。这是第三章“建设管理”的要求，建设开始时应已建立。

    ## 通过示例
    ```yaml
    documents: {coordination: {title: 共建工作协调机制会议纪要, evidence: [evidence/协调机制会议纪要.pdf]}}
    ```
    ## 不通过示例
    ```yaml
    documents: {}
    ```
    """
    if _co_built(project):
        yield from attached(project, "coordination", "跨部门工作协调机制")


@RULES.rule("JL201", "未落实等级保护或分级保护", severity="error", stages=since("review"),
            citation=cite("二十", "严格落实等级保护和分级保护要求,切实保障政务信息系统安全稳定运行。"),
            message="没有写网络安全等级保护级别（涉密项目：分级保护密级）",
            hint="在 security.yaml 写 level（等级保护 1—5 级）；涉密项目写 secrecy_grade（秘密/机密/绝密）")
def protection_level(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    非涉密项目：security.yaml 的 `level`（网络安全等级保护级别，1—5）已填写且在 1—5 之间；
    涉密项目（`classified: true`）：`secrecy_grade`（分级保护密级）已填写。

    ## 为什么
    第二十条：“严格落实等级保护和分级保护要求,切实保障政务信息系统安全稳定运行。”附件3 申报书八“信息安全”要求参考
    “信息系统安全等级保护基本要求”；定级是落实保护要求的前提，申报时就要确定。

    ## 通过示例
    ```yaml
    level: 3
    ```
    ## 不通过示例
    ```yaml
    level:
    ```
    """
    if classified(project):
        yield from require(project, "security.yaml", ("secrecy_grade",), "分级保护密级")
        return
    yield from require(project, "security.yaml", ("level",), "等级保护级别")
    level = project.get("security.yaml", "level")
    if isinstance(level, int) and not 1 <= level <= 5:
        yield Finding("security.yaml", ("level",), f"等级保护级别“{level}”不在 1—5 级之间")


@RULES.rule("JL202", "密码保障系统未同步规划", severity="error", stages=since("review"),
            citation=cite("二十", "落实国家密码管理有关法律法规、政策和标准规范的要求,同步规划、同步建设、同步运行密码保障系统并定期评估。"),
            message="申报时没有密码应用方案：密码保障系统应与政务信息系统同步规划",
            hint="在 security.yaml 的 crypto.plan 写密码应用方案的名称并附文件")
def crypto_planned(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    从“评审审核”阶段起，security.yaml 的 `crypto.plan` 是否写了密码应用方案名称并附文件。

    ## 为什么
    第二十条：“落实国家密码管理有关法律法规、政策和标准规范的要求,同步规划、同步建设、同步运行密码保障系统并定期评估。”
    “同步规划”意味着申报立项时就要有密码应用方案。

    ## 通过示例
    ```yaml
    crypto: {plan: {title: 密码应用方案, evidence: [evidence/密码应用方案.pdf]}}
    ```
    ## 不通过示例
    ```yaml
    crypto: {}
    ```
    """
    yield from require(project, "security.yaml", ("crypto", "plan", "title"), "密码应用方案",
                       "在 security.yaml 的 crypto.plan 写密码应用方案名称并附文件")
    if project.get("security.yaml", "crypto", "plan", "title"):
        yield from require(project, "security.yaml", ("crypto", "plan", "evidence"), "密码应用方案文件")


@RULES.rule("JL203", "竣工验收前没有密码应用安全性评估", severity="warning", stages=since("final"),
            citation=cite("二十", "同步规划、同步建设、同步运行密码保障系统并定期评估。"),
            message="竣工验收前没有通过的密码应用安全性评估",
            hint="在 security.yaml 的 assessments 记录密码应用安全性评估（type: 密码应用安全性评估）的日期、结论和机构")
def crypto_assessed(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    进入“竣工验收”时，security.yaml 的 `assessments` 是否有一项类型为“密码应用安全性评估”、结论为 pass、日期不晚于竣工验收
    （`events.final_accepted.date`，尚未验收时不限）的评估。

    ## 为什么
    第二十条：“同步规划、同步建设、同步运行密码保障系统并定期评估。”密码保障系统与信息系统同步投入运行，首次评估应在
    竣工验收前完成；第三十七条把“密码应用等测评经费”计入项目总投资。条文没有规定首次评估的时点，所以是警告。

    ## 通过示例
    ```yaml
    assessments: [{type: 密码应用安全性评估, date: 2026-10-20, result: pass}]
    ```
    ## 不通过示例
    ```yaml
    assessments: [{type: 等级测评, date: 2026-10-12, result: pass}]
    ```
    """
    accepted = project.event_date("final_accepted")
    for _, item in project.items("security.yaml", "assessments"):
        when = item.get("date")
        if item.get("type") == "密码应用安全性评估" and item.get("result") == "pass" and isinstance(when, _dt.date) and (
                accepted is None or when <= accepted):
            return
    yield Finding("security.yaml", ("assessments",), at_key=bool(project.get("security.yaml", "assessments")))


@RULES.rule("JL221", "工程严重逾期未报告", severity="error", stages=since("build"),
            citation=cite("二十二", "项目建设过程中出现工程严重逾期、投资重大损失等情形的,项目立项单位应及时向省政务服务和数字化局报告"),
            message="工程严重逾期，没有记录向省政务服务和数字化局报告",
            hint="在 events.delay_reported 记录报告的日期和文号",
            settings=(Setting("serious_delay_days", "int",
                              "超过计划完成建设日期多少个日历日（含本数）算“工程严重逾期”；办法没有规定，按省政务服务和数字化局的口径设置"),),
            boundaries=(threshold("“工程严重逾期”的天数（settings.JL221.serious_delay_days）", "达到", True, "serious_delay_days: 30：逾期 30 天即算严重逾期、须报告，29 天不算", why="原文没有给出数字，由设置给出（govproj 不替用户假定）；逾期天数达到设置值即算（含本数）"),))
def serious_delay(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    计划完成建设日期 = `schedule.completion`；实际完成 = 开始试运行（`events.trial_started.date`），尚未试运行时取今天。
    逾期天数 = 实际完成 − 计划完成（日历日）。逾期且没有记录报告（`events.delay_reported`）时：
    - 设置了 `serious_delay_days`：逾期天数达到该值（含本数）为错误；不到该值不报告；
    - 没有设置：办法没有规定多少天算“严重逾期”，报告警告并说明参数未设置。
    没有写计划完成建设日期时报告警告（第二十六条的按期验收也需要建设期）。“投资重大损失”无法从数据判断。

    例：计划 2026-08-31 完成，设置 30 天；2026-09-30 开始试运行（逾期 30 天）须报告，2026-09-29（29 天）不须。

    ## 为什么
    第二十二条：“项目建设过程中出现工程严重逾期、投资重大损失等情形的,项目立项单位应及时向省政务服务和数字化局报告”。
    办法没有给出“严重”的天数，所以这是一项未设默认值的参数。

    ## 通过示例
    ```yaml
    schedule: {completion: 2026-08-31}
    events: {trial_started: {date: 2026-08-17}}
    ```
    ## 不通过示例
    ```yaml
    schedule: {completion: 2026-08-31}
    events: {trial_started: {date: 2026-09-30}}
    settings: {JL221: {serious_delay_days: 30}}
    ```
    """
    planned = project.get("project.yaml", "schedule", "completion")
    if not isinstance(planned, _dt.date):
        yield Finding("project.yaml", ("schedule", "completion"), "没有写计划完成建设日期，无法判断是否逾期",
                      "按立项批复的建设期在 schedule.completion 写计划完成建设的日期", severity="warning")
        return
    started = project.event_date("trial_started")
    reference = started or ctx.today
    delay = (reference - planned).days
    if delay <= 0 or project.event_date("delay_reported") is not None:
        return
    what = f"{fmt_date(started)} 才开始试运行" if started else f"到今天 {fmt_date(reference)} 仍未完成建设"
    threshold = ctx.settings.get("serious_delay_days")
    if threshold is None:
        yield Finding("project.yaml", ("schedule", "completion"),
                      f"计划 {fmt_date(planned)} 完成建设，{what}，已逾期 {delay} 天；办法没有规定多少天算“工程严重逾期”，"
                      "参数 serious_delay_days 未设置，无法判断是否须报告",
                      "在 settings.JL221.serious_delay_days 设置天数，或在 events.delay_reported 记录已向省政务服务和数字化局报告",
                      severity="warning")
    elif delay >= threshold:
        yield Finding("project.yaml", ("schedule", "completion"),
                      f"计划 {fmt_date(planned)} 完成建设，{what}，已逾期 {delay} 天（达到严重逾期 {threshold} 天），"
                      "没有记录向省政务服务和数字化局报告")


@RULES.rule("JL222", "整改或暂停建设的要求未落实", severity="error", stages=(),
            citation=cite("二十二", "省政务服务和数字化局依照有关规定可要求项目立项单位进行整改或暂停建设。"),
            message="省政务服务和数字化局要求的整改或暂停建设没有落实",
            hint="在 orders 该项写整改完成或经同意恢复建设的日期（done_on）并附材料")
def orders_jl222(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    project.yaml 的 `orders` 里省政务服务和数字化局提出的整改、暂停建设要求：
    - 每项写了要求日期（`date`）；
    - 整改：有期限的，在期限内（含当天）完成（`done_on`）；期限已过仍未完成的报告；没有期限、尚未完成的只作提示；
    - 暂停建设：没有记录经同意恢复建设的日期（`done_on`）之前，项目不得推进到建设之后的阶段；
    办法没有规定整改的期限，govproj 不替它规定：要求里写了期限（`deadline`）才判断是否逾期，期限当天完成不算逾期。

    ## 为什么
    第二十二条：出现工程严重逾期、投资重大损失等情形的，“省政务服务和数字化局依照有关规定可要求项目立项单位进行整改或暂停建设。”是否要求由省政务服务和数字化局决定；一旦要求了，项目立项单位就须落实。

    ## 通过示例
    ```yaml
    orders: [{date: 2026-10-09, kind: 整改, deadline: 2026-11-09, done_on: 2026-11-09, evidence: [evidence/整改报告.pdf]}]
    ```
    ## 不通过示例
    ```yaml
    orders: [{date: 2026-10-09, kind: 整改, deadline: 2026-11-09}]   # 2026-11-25 检查：期限已过，没有记录整改完成
    ```
    """
    yield from order_findings(project, ctx.today, ('整改', '暂停建设'), stopped=since("trial"), body="省政务服务和数字化局")


@RULES.rule("JL231", "未形成电子档案", severity="error", stages=since("final"),
            citation=cite("二十三", "项目立项单位应按照档案管理有关规定,做好政务信息系统项目的档案建设,并形成相应电子档案,作为项目竣工验收的重要依据。"),
            message="竣工验收前没有记录项目电子档案",
            hint="在 documents.archive 写档案名称（如 项目电子档案目录）并附文件")
def archive(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    进入“竣工验收”时，是否有项目电子档案（`documents.archive`，附文件，如电子档案目录或移交清单）。
    这是本辖区声明的归档材料：`govproj archive` 用同一检查在档案目录中逐项列出（见 docs/archive.md）。

    ## 为什么
    第二十三条：“项目立项单位应按照档案管理有关规定,做好政务信息系统项目的档案建设,并形成相应电子档案,作为项目竣工验收的
    重要依据。”

    ## 通过示例
    ```yaml
    documents: {archive: {title: 项目电子档案目录, evidence: [evidence/电子档案目录.pdf]}}
    ```
    ## 不通过示例
    ```yaml
    documents: {}
    ```
    """
    yield from archive_findings(project, ARCHIVE_ITEMS)


# 第二十三条 as the pack's archive declaration: JL231 checks it, `govproj archive` lists it in the catalogue
ARCHIVE_ITEMS: tuple[ArchiveItem, ...] = (ArchiveItem("archive", "电子档案", "JL231"),)


# ---- 第四章 验收及绩效评价 --------------------------------------------------------------------------------------

@RULES.rule("JL251", "未记录试运行", severity="error", stages=since("trial"),
            citation=cite("二十五", "项目立项单位应在完成项目建设任务后试运行期间,组织完成建设项目的信息安全风险评估和初步验收工作"),
            message="没有记录完成建设任务后开始试运行的日期",
            hint="在 events.trial_started 写试运行开始日期；试运行达到稳定状态时在 events.trial_stable 记录")
def trial_started(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    进入“试运行”阶段时，`events.trial_started` 是否记录了开始日期；已发起采购的，试运行不早于发起采购。

    ## 为什么
    第二十五条：“项目立项单位应在完成项目建设任务后试运行期间,组织完成建设项目的信息安全风险评估和初步验收工作”。
    试运行的起止日期决定风险评估、初步验收的时间窗口和竣工验收申请的最早日期。

    ## 通过示例
    ```yaml
    events: {trial_started: {date: 2026-08-17}}
    ```
    ## 不通过示例
    ```yaml
    events: {}
    ```
    """
    yield from require_event(project, "trial_started", "试运行开始")
    yield from not_before(project, "procurement_started", "发起采购", "trial_started", "试运行开始")


def _in_trial(project: "Project", when: _dt.date) -> str:
    """Why `when` is not in the trial period, or "" if it is (or the period is unknown)."""
    start, end = project.event_date("trial_started"), project.event_date("trial_ended")
    if start and when < start:
        return f"早于试运行开始 {fmt_date(start)}"
    if end and when > end:
        return f"晚于试运行结束 {fmt_date(end)}"
    return ""


@RULES.rule("JL252", "初步验收未在试运行期间通过", severity="error", stages=since("final_apply"),
            citation=cite("二十五", "项目立项单位应在完成项目建设任务后试运行期间,组织完成建设项目的信息安全风险评估和初步验收工作"),
            message="试运行期间没有通过初步验收",
            hint="在 events.preliminary_accepted 记录初步验收的日期、结论 pass 和组织单位；日期在试运行期间")
def preliminary_in_trial(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    进入“竣工验收申请”（自行建设）或“竣工验收”（统一建设）时，`events.preliminary_accepted` 有日期和结论，结论不是
    `fail`，日期在试运行期间：不早于 `events.trial_started`，不晚于 `events.trial_ended`（已记录时）。
    涉密项目的验收按保密规定执行，不检查（第十七条）。

    ## 为什么
    第二十五条：“项目立项单位应在完成项目建设任务后试运行期间,组织完成建设项目的信息安全风险评估和初步验收工作”；
    “初步验收通过,且试运行达到稳定状态20个工作日后”方可申请竣工验收。

    ## 通过示例
    ```yaml
    events: {trial_started: {date: 2026-08-17}, preliminary_accepted: {date: 2026-10-23, result: pass}}
    ```
    ## 不通过示例
    ```yaml
    events: {trial_started: {date: 2026-08-17}, preliminary_accepted: {date: 2026-08-14, result: pass}}
    ```
    """
    if classified(project):
        return
    yield from passed(project, "preliminary_accepted", "初步验收", "一个月内整改后重新组织初步验收（第二十六条）")
    when = project.event_date("preliminary_accepted")
    problem = _in_trial(project, when) if when else ""
    if problem:
        yield Finding("project.yaml", ("events", "preliminary_accepted", "date"),
                      f"初步验收 {fmt_date(when)} {problem}，应在试运行期间进行")


@RULES.rule("JL253", "试运行期间未开展信息安全风险评估", severity="error", stages=since("final_apply"),
            citation=cite("二十五", "项目立项单位应在完成项目建设任务后试运行期间,组织完成建设项目的信息安全风险评估和初步验收工作"),
            message="试运行期间没有开展信息安全风险评估",
            hint="在 security.yaml 的 assessments 记录风险评估（type: 风险评估）的日期和机构，日期在试运行期间")
def risk_assessment(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    进入“竣工验收申请”（自行建设）或“竣工验收”（统一建设）时，security.yaml 的 `assessments` 是否有一项类型为
    “风险评估”、日期在试运行期间（不早于 `events.trial_started`，不晚于 `events.trial_ended`）的信息安全风险评估。

    ## 为什么
    第二十五条：“项目立项单位应在完成项目建设任务后试运行期间,组织完成建设项目的信息安全风险评估和初步验收工作”。
    第二十条要求开展网络与信息安全风险评估；第三十七条要求对建成项目进行信息安全风险评估，检验安全措施的有效性。

    ## 通过示例
    ```yaml
    assessments: [{type: 风险评估, date: 2026-09-18, by: 吉林省信息安全测评中心}]
    ```
    ## 不通过示例
    ```yaml
    assessments: [{type: 风险评估, date: 2026-08-10}]   # 试运行 2026-08-17 才开始
    ```
    """
    found = []
    for index, item in project.items("security.yaml", "assessments"):
        when = item.get("date")
        if item.get("type") == "风险评估" and isinstance(when, _dt.date):
            problem = _in_trial(project, when)
            if not problem:
                return
            found.append((index, when, problem))
    if found:
        index, when, problem = found[-1]
        yield Finding("security.yaml", ("assessments", index, "date"),
                      f"信息安全风险评估 {fmt_date(when)} {problem}，应在试运行期间开展")
    else:
        yield Finding("security.yaml", ("assessments",), at_key=bool(project.get("security.yaml", "assessments")))


@RULES.rule("JL254", "试运行稳定未满20个工作日即申请竣工验收", severity="error", stages=since("final_apply"), kinds=("self",),
            citation=cite("二十五", "初步验收通过,且试运行达到稳定状态20个工作日后,项目立项单位向省政务服务和数字化局提交竣工验收申请报告"),
            message="初步验收通过、且试运行达到稳定状态满20个工作日后，方可提交竣工验收申请",
            hint="在 events.trial_stable 记录达到稳定状态的日期；竣工验收申请（events.final_applied）在第20个工作日之后提交",
            boundaries=(period("试运行稳定20个工作日", "个工作日后", False, "2025-09-25 达到稳定状态：第20个工作日 D = 2025-10-29，10-30 提交可以，10-29 提交不可以", why="民法典 第二百零一条至第二百零三条：稳定当日不计入，第20个工作日到24时才过完，所以“20个工作日后”自其次日起；工作日按国务院放假安排"),))
def twenty_workdays(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    自行建设项目。从试运行达到稳定状态之日（`events.trial_stable.date`，当日不计入，《民法典》第二百零一条）起往后数
    20 个工作日（法定节假日和周末不算，调休上班日算），第 20 个工作日记为 D：
    - 已提交竣工验收申请（`events.final_applied.date`）：申请日须晚于 D（D 当天提交时第 20 个工作日尚未过完）；
      且不早于初步验收（`events.preliminary_accepted.date`）；
    - 尚未提交：今天须已过 D，否则报告最早可提交的日期。
    涉及没有官方放假安排的年份时，消息里注明按法定节假日估算。涉密项目不检查（第十七条）。

    例：2025-09-25 达到稳定状态，国庆中秋假期（10-01 至 10-08）不计、9-28 和 10-11 调休上班计入，D = 2025-10-29；
    2025-10-30 提交可以，2025-10-29 提交不可以。

    ## 为什么
    第二十五条：“初步验收通过,且试运行达到稳定状态20个工作日后,项目立项单位向省政务服务和数字化局提交竣工验收申请报告”。
    统一建设项目由省政务服务和数字化局“直接组织竣工验收”，没有这一申请环节。

    ## 通过示例
    ```yaml
    events: {trial_stable: {date: 2025-09-25}, final_applied: {date: 2025-10-30}}
    ```
    ## 不通过示例
    ```yaml
    events: {trial_stable: {date: 2025-09-25}, final_applied: {date: 2025-10-29}}
    ```
    """
    if classified(project):
        return
    deadline = DEADLINES.first("JL254", project, ctx)
    if deadline is None:
        yield Finding("project.yaml", ("events", "trial_stable"), "没有记录试运行达到稳定状态的日期，无法计算20个工作日",
                      "在 events.trial_stable 写试运行达到稳定状态的日期")
        return
    stable, earliest, applied = deadline.event_date, deadline.due, deadline.done_on
    assert stable is not None
    day20 = earliest - _dt.timedelta(days=1)
    note = estimate_note(deadline.estimated_years)
    severity = "warning" if note else ""  # an estimated calendar may be a few days off: do not block on it
    if applied is not None:
        if not deadline.on_time:
            yield Finding("project.yaml", ("events", "final_applied", "date"),
                          f"试运行 {fmt_date(stable)} 达到稳定状态，第20个工作日是 {fmt_date(day20)}；竣工验收申请"
                          f" {fmt_date(applied)} 提交，试运行稳定未满20个工作日（{fmt_date(earliest)} 起方可提交）{note}",
                          severity=severity)
        yield from not_before(project, "preliminary_accepted", "初步验收", "final_applied", "竣工验收申请")
    elif ctx.today < earliest:
        yield Finding("project.yaml", ("events", "trial_stable", "date"),
                      f"试运行 {fmt_date(stable)} 达到稳定状态，第20个工作日是 {fmt_date(day20)}，{fmt_date(earliest)} 起"
                      f"方可提交竣工验收申请（今天是 {fmt_date(ctx.today)}）{note}", severity=severity)


DEADLINES.declare("JL254", "提交竣工验收申请（试运行稳定满20个工作日后）", AfterWorkdays(20),  # type: ignore[arg-type]
                  start=EventDate("trial_stable"), done=EventDate("final_applied"), bound=FROM,
                  term="试运行达到稳定状态20个工作日后（当日不计入，第20个工作日的次日起）")


FINAL_ATTACHMENTS = (("construction_summary", "项目建设总结"), ("preliminary_report", "初步验收报告"),
                     ("financial_report", "财务报告"), ("audit_report", "审计报告"), ("risk_report", "信息安全风险评估报告"))


@RULES.rule("JL255", "竣工验收申请附件不齐", severity="error", stages=since("final_apply"), kinds=("self",),
            citation=cite("二十五", "并将项目建设总结、初步验收报告、财务报告、审计报告和信息安全风险评估报告等文件作为附件一并上报。"),
            message="竣工验收申请报告的附件不齐：项目建设总结、初步验收报告、财务报告、审计报告、信息安全风险评估报告",
            hint="在 documents 下补齐五份附件并附文件")
def final_attachments(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    自行建设项目进入“竣工验收申请”时，五份附件是否都有并附文件：`documents.construction_summary`（项目建设总结）、
    `preliminary_report`（初步验收报告）、`financial_report`（财务报告）、`audit_report`（审计报告）、
    `risk_report`（信息安全风险评估报告）。涉密项目不检查（第十七条）。

    ## 为什么
    第二十五条：提交竣工验收申请报告，“并将项目建设总结、初步验收报告、财务报告、审计报告和信息安全风险评估报告等文件作为
    附件一并上报。”

    ## 通过示例
    ```yaml
    documents:
      construction_summary: {title: 项目建设总结, evidence: [evidence/项目建设总结.pdf]}
      # ……其余四份同样写法
    ```
    ## 不通过示例
    ```yaml
    documents: {construction_summary: {title: 项目建设总结, evidence: [evidence/项目建设总结.pdf]}}
    ```
    """
    if classified(project):
        return
    for key, label in FINAL_ATTACHMENTS:
        yield from attached(project, key, label)


@RULES.rule("JL256", "竣工验收申请未通过即组织竣工验收", severity="error", stages=since("final"), kinds=("self",),
            citation=cite("二十五", "申请通过后,由项目立项单位组织竣工验收。"),
            message="自行建设项目的竣工验收申请须经省政务服务和数字化局通过后，方可组织竣工验收",
            hint="在 events.final_applied 记录申请日期，在 events.final_application_approved 记录通过的日期和结论 pass")
def final_application_approved(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    自行建设项目进入“竣工验收”时：`events.final_applied` 有申请日期；`events.final_application_approved` 有日期和结论，
    结论不是 `fail`，且不早于申请；已组织竣工验收的，验收日不早于申请通过日。涉密项目不检查（第十七条）。

    ## 为什么
    第二十五条：项目立项单位提交竣工验收申请报告，“申请通过后,由项目立项单位组织竣工验收。”

    ## 通过示例
    ```yaml
    events:
      final_applied: {date: 2026-11-02}
      final_application_approved: {date: 2026-11-16, result: pass}
      final_accepted: {date: 2026-12-08, result: pass}
    ```
    ## 不通过示例
    ```yaml
    events:
      final_applied: {date: 2026-11-02}
      final_application_approved: {date: 2026-11-16, result: pass}
      final_accepted: {date: 2026-11-13, result: pass}
    ```
    """
    if classified(project):
        return
    yield from require_event(project, "final_applied", "提交竣工验收申请")
    yield from passed(project, "final_application_approved", "竣工验收申请审核", "按省政务服务和数字化局意见补充材料后重新申请")
    yield from not_before(project, "final_applied", "竣工验收申请", "final_application_approved", "竣工验收申请通过")
    yield from not_before(project, "final_application_approved", "竣工验收申请通过", "final_accepted", "竣工验收")


@RULES.rule("JL257", "统一建设项目试运行未结束即竣工验收", severity="error", stages=since("final"), kinds=("unified",),
            citation=cite("二十五", "统一建设项目在试运行结束后由省政务服务和数字化局直接组织竣工验收。"),
            message="统一建设项目在试运行结束后方可由省政务服务和数字化局组织竣工验收",
            hint="在 events.trial_ended 记录试运行结束日期；竣工验收（events.final_accepted）不早于该日")
def unified_after_trial(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    统一建设项目进入“竣工验收”时，`events.trial_ended` 记录了试运行结束日期；已验收的，验收日不早于试运行结束日（同一天可以）。
    涉密项目不检查（第十七条）。

    ## 为什么
    第二十五条：“统一建设项目在试运行结束后由省政务服务和数字化局直接组织竣工验收。”

    ## 通过示例
    ```yaml
    events: {trial_ended: {date: 2027-10-29}, final_accepted: {date: 2027-11-18, result: pass}}
    ```
    ## 不通过示例
    ```yaml
    events: {trial_ended: {date: 2027-10-29}, final_accepted: {date: 2027-10-28, result: pass}}
    ```
    """
    if classified(project):
        return
    yield from require_event(project, "trial_ended", "试运行结束")
    yield from not_before(project, "trial_ended", "试运行结束", "final_accepted", "竣工验收")


@RULES.rule("JL258", "没有依据采购合同制定验收方案", severity="error", stages=since("final"),
            citation=cite("二十五", "组织竣工验收时,需根据采购合同规定的内容,制定完整的项目验收方案,并根据需要邀请行业专家、第三方机构和相关政务部门参与验收。"),
            message="组织竣工验收没有依据采购合同制定的项目验收方案",
            hint="在 documents.acceptance_plan 写验收方案并附文件；contract.yaml 记录承建单位的合同编号")
def acceptance_plan(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    进入“竣工验收”时：有项目验收方案（`documents.acceptance_plan`，附文件）；contract.yaml 有角色为“承建”、写了合同编号的
    采购合同（方案依据合同规定的内容制定）。邀请哪些专家和机构参加“根据需要”，不检查。涉密项目不检查（第十七条）。

    ## 为什么
    第二十五条：“组织竣工验收时,需根据采购合同规定的内容,制定完整的项目验收方案,并根据需要邀请行业专家、第三方机构和相关
    政务部门参与验收。”

    ## 通过示例
    ```yaml
    documents: {acceptance_plan: {title: 竣工验收方案, evidence: [evidence/竣工验收方案.pdf]}}
    ```
    ## 不通过示例
    ```yaml
    documents: {}
    ```
    """
    if classified(project):
        return
    yield from attached(project, "acceptance_plan", "竣工验收方案")
    parties = project.items("contract.yaml", "parties")
    if not any(p.get("role") == "承建" and not blank(p.get("contract_no")) for _, p in parties):
        yield Finding("contract.yaml", ("parties",), ("" if project.has("contract.yaml") else "缺少文件 contract.yaml：")
                      + "没有记录承建单位的采购合同（合同编号），验收方案无从依据",
                      "在 contract.yaml 的 parties 写承建单位、确定方式、合同编号和签订日期")


@RULES.rule("JL261", "未按期竣工验收且未提交书面说明", severity="error", stages=since("build"),
            citation=cite("二十六", "项目不能按期完成竣工验收的,项目立项单位应向省政务服务和数字化局提交书面说明材料。"),
            message="项目不能按期完成竣工验收，没有记录向省政务服务和数字化局提交书面说明",
            hint="在 events.delay_explained 记录提交书面说明材料的日期、文号和文件",
            boundaries=(period("计划竣工验收日期（schedule.acceptance）", "按期", True, "计划 2026-12-31：当天验收通过算按期，到 2027-01-01 仍未验收须提交书面说明", why="计划竣工验收日期是期日：当天24时前完成都算按期（民法典 第二百零三条第二款），不因休假日顺延"),))
def late_acceptance(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    计划竣工验收日期 = `schedule.acceptance`（立项批复核准的建设期）。竣工验收（`events.final_accepted`，结论不是 fail）
    晚于该日，或尚未验收而今天已过该日，且没有记录书面说明（`events.delay_explained`）时报告。计划日期当天完成验收算按期。
    没有写计划竣工验收日期时报告警告。

    例：计划 2026-12-31 竣工验收；2026-12-31 验收通过算按期，到 2027-01-01 仍未验收即须提交书面说明。

    ## 为什么
    第二十六条：“项目不能按期完成竣工验收的,项目立项单位应向省政务服务和数字化局提交书面说明材料。”

    ## 通过示例
    ```yaml
    schedule: {acceptance: 2026-12-31}
    events: {final_accepted: {date: 2026-12-31, result: pass}}
    ```
    ## 不通过示例
    ```yaml
    schedule: {acceptance: 2026-12-31}
    events: {final_accepted: {date: 2027-01-01, result: pass}}
    ```
    """
    deadline = DEADLINES.first("JL261", project, ctx)
    if deadline is None:
        yield Finding("project.yaml", ("schedule", "acceptance"), "没有写计划竣工验收日期，无法判断是否按期验收",
                      "按立项批复的建设期在 schedule.acceptance 写计划竣工验收日期", severity="warning")
        return
    planned, accepted = deadline.due, deadline.done_on
    if (project.event("final_accepted") or {}).get("result") == "fail":
        accepted = None  # a failed acceptance does not complete it
    if accepted is not None:
        if accepted <= planned:
            return
        what = f"{fmt_date(accepted)} 才完成竣工验收"
    elif ctx.today > planned:
        what = f"到今天 {fmt_date(ctx.today)} 仍未完成竣工验收"
    else:
        return
    if project.event_date("delay_explained") is None:
        yield Finding("project.yaml", ("schedule", "acceptance"),
                      f"计划 {fmt_date(planned)} 竣工验收，{what}，没有记录提交书面说明材料")


DEADLINES.declare("JL261", "完成竣工验收（立项批复核准的建设期）", OnDate(),  # type: ignore[arg-type]
                  start=FieldValue("project.yaml", ("schedule", "acceptance"), "计划竣工验收日期"),
                  done=EventDate("final_accepted", results=("pass", "conditional", None)),  # a failed one is not done
                  term="按期完成竣工验收（计划竣工验收日期当天及以前）")


def _rectification(project: "Project", ctx: Context, phase: str, label: str, code: str) -> Iterator[Finding]:
    """第二十六条 for one acceptance: rectified within one month of the failure, re-accepted only after it."""
    deadline = DEADLINES.first(code, project, ctx)
    if deadline is None:
        return
    failed, due, rectified = deadline.event_date, deadline.due, deadline.done_on
    assert failed is not None
    start = FailedAcceptance(phase, label)
    _, failed_at = start.where(next(start.scopes(project))[0])  # the line that records the failure
    note = estimate_note(deadline.estimated_years)
    if rectified is not None:
        if not deadline.on_time:
            yield Finding("project.yaml", ("events", f"{phase}_rectified", "date"),
                          f"{label} {fmt_date(failed)} 未通过，整改期限 {fmt_date(due)}；{fmt_date(rectified)} 才完成整改{note}")
    elif deadline.status == OVERDUE:
        yield Finding("project.yaml", failed_at,
                      f"{label} {fmt_date(failed)} 未通过，整改期限 {fmt_date(due)} 已过，没有记录整改完成{note}")
    else:
        yield Finding("project.yaml", failed_at, f"{label} {fmt_date(failed)} 未通过，应于 {fmt_date(due)} 前完成整改{note}",
                      f"整改完成后在 events.{phase}_rectified 记录日期，再组织{label}", severity="info")
    accepted = project.event(f"{phase}_accepted") or {}
    again = accepted.get("date")
    if accepted.get("result") != "fail" and isinstance(again, _dt.date) and again > failed:
        if rectified is None:
            yield Finding("project.yaml", ("events", f"{phase}_accepted", "date"),
                          f"{label} {fmt_date(failed)} 未通过后，{fmt_date(again)} 重新验收，但没有记录整改完成")
        elif again < rectified:
            yield Finding("project.yaml", ("events", f"{phase}_accepted", "date"),
                          f"重新{label} {fmt_date(again)} 早于整改完成 {fmt_date(rectified)}，应整改完成后再组织")


RECTIFY_QUOTE = "未通过初步验收或竣工验收的项目,项目立项单位应在一个月内完成整改,再组织开展初步验收或竣工验收。"


@RULES.rule("JL262", "未通过初步验收后未在一个月内完成整改", severity="error", stages=since("preliminary"),
            citation=cite("二十六", RECTIFY_QUOTE),
            message="未通过初步验收的项目应在一个月内完成整改，整改完成后再组织初步验收",
            hint="在 events.preliminary_rectified 记录整改完成日期；重新初步验收在整改完成之后",
            boundaries=(period("整改一个月（自初步验收未通过之日）", "内", True, "2026-10-16 未通过：期限 2026-11-16；2026-09-01 未通过：对应日 10-01 在国庆假期内，顺延到 2026-10-08"),))
def rectify_preliminary(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    初步验收未通过之日 = `events.preliminary_failed.date`（重新验收通过后保留的记录），没有时取结论为 fail 的
    `events.preliminary_accepted.date`。整改期限按《民法典》第二百零一至二百零三条计算：未通过之日不计入，到下个月的
    对应日（没有对应日的为月末日）；该日是法定节假日或周末的，顺延到其后第一个工作日。
    - 已记录整改完成（`events.preliminary_rectified.date`）：须不晚于期限；
    - 未记录：今天已过期限为错误，未过期限为提示（写明期限）；
    - 未通过后又验收通过的：重新验收须在整改完成之后（同一天可以）。

    例：2026-10-16 未通过，期限 2026-11-16；2026-09-01 未通过，对应日 2026-10-01 在国庆假期内，期限顺延到 2026-10-08。

    ## 为什么
    第二十六条：“未通过初步验收或竣工验收的项目,项目立项单位应在一个月内完成整改,再组织开展初步验收或竣工验收。”

    ## 通过示例
    ```yaml
    events: {preliminary_failed: {date: 2026-10-16}, preliminary_rectified: {date: 2026-11-16}}
    ```
    ## 不通过示例
    ```yaml
    events: {preliminary_failed: {date: 2026-10-16}, preliminary_rectified: {date: 2026-11-17}}
    ```
    """
    yield from _rectification(project, ctx, "preliminary", "初步验收", "JL262")


@RULES.rule("JL263", "未通过竣工验收后未在一个月内完成整改", severity="error", stages=since("final"),
            citation=cite("二十六", RECTIFY_QUOTE),
            message="未通过竣工验收的项目应在一个月内完成整改，整改完成后再组织竣工验收",
            hint="在 events.final_rectified 记录整改完成日期；重新竣工验收在整改完成之后",
            boundaries=(period("整改一个月（自竣工验收未通过之日）", "内", True, "2026-12-08 未通过：期限 2027-01-08，当天完成整改按时，01-09 逾期"),))
def rectify_final(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    与 JL262 相同，针对竣工验收：未通过之日 = `events.final_failed.date`，没有时取结论为 fail 的
    `events.final_accepted.date`；整改完成 = `events.final_rectified.date`，期限为一个月（《民法典》第二百零一至
    二百零三条，到期日遇法定节假日或周末顺延）；重新竣工验收须在整改完成之后。期限涉及没有官方放假安排的年份时，
    消息里注明按法定节假日估算。

    例：2026-12-08 未通过，对应日 2027-01-08 是星期五（2027 年按估算为工作日），期限 2027-01-08。

    ## 为什么
    第二十六条：“未通过初步验收或竣工验收的项目,项目立项单位应在一个月内完成整改,再组织开展初步验收或竣工验收。”

    ## 通过示例
    ```yaml
    events: {final_failed: {date: 2026-12-08}, final_rectified: {date: 2027-01-08}}
    ```
    ## 不通过示例
    ```yaml
    events: {final_failed: {date: 2026-12-08}, final_rectified: {date: 2027-01-09}}
    ```
    """
    yield from _rectification(project, ctx, "final", "竣工验收", "JL263")


for _code, _phase, _label in (("JL262", "preliminary", "初步验收"), ("JL263", "final", "竣工验收")):
    DEADLINES.declare(_code, f"未通过{_label}后完成整改", Period(months=1),
                      start=FailedAcceptance(_phase, f"{_label}未通过"),  # type: ignore[arg-type]
                      done=EventDate(f"{_phase}_rectified"), term="一个月内（到期日遇节假日顺延）")


@RULES.rule("JL264", "未经验收已拨付全部项目资金", severity="error", stages=(),
            citation=cite("二十六", "对未经验收的项目,不得拨付全部项目资金。"),
            message="项目尚未通过竣工验收，已拨付资金达到项目总投资（全部项目资金）",
            hint="核对 budget.yaml 的 disbursed；未经验收的项目应保留部分资金，验收通过后再拨付")
def not_all_funds(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    竣工验收尚未通过（`events.final_accepted` 没有结论为 pass 的记录）时，已拨付资金（budget.yaml 的 `disbursed`）是否
    达到或超过总投资（`total`）。差一分钱也算没有拨付全部：总投资 386.50 万元，已拨付 386.49 万元不报告，386.50 万元报告。

    ## 为什么
    第二十六条：“对未经验收的项目,不得拨付全部项目资金。”

    ## 通过示例
    ```yaml
    total: 386.50
    disbursed: 270.55
    ```
    ## 不通过示例
    ```yaml
    total: 386.50
    disbursed: 386.50
    ```
    """
    disbursed, total = project.money("budget.yaml", "disbursed"), project.total
    if disbursed is None or total is None or disbursed < total:
        return
    if (project.event("final_accepted") or {}).get("result") == "pass":
        return
    yield Finding("budget.yaml", ("disbursed",),
                  f"项目尚未通过竣工验收，已拨付 {_wan(disbursed)}，达到总投资 {_wan(total)}，不得拨付全部项目资金")


@RULES.rule("JL271", "竣工验收未通过或未记录", severity="error", stages=since("operation"),
            citation=cite("二十七", "主要审查项目的建设目标、规模、内容及资金使用等情况。"),
            message="进入运行管理前没有记录通过的竣工验收",
            hint="在 events.final_accepted 记录竣工验收的日期、结论 pass、组织单位和参加单位")
def final_accepted(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    进入“运行管理”时，`events.final_accepted` 有日期和结论，结论不是 `fail`。验收是否审查了第二十七条列举的各项任务
    （建设目标、规模、内容及资金使用，资产，交付使用，执行法律法规情况）无法自动判断。

    ## 为什么
    第二十七条规定验收任务：“1.主要审查项目的建设目标、规模、内容及资金使用等情况。2.审核项目形成的资产情况。3.评价项目
    交付使用情况。4.检查项目建设单位执行国家法律、法规情况。”第三十六条：“政务信息系统项目建成之后”才转入运行管理。

    ## 通过示例
    ```yaml
    events: {final_accepted: {date: 2026-12-08, result: pass, by: 吉林省市场监督管理厅}}
    ```
    ## 不通过示例
    ```yaml
    events: {final_accepted: {date: 2026-12-08, result: fail}}
    ```
    """
    yield from passed(project, "final_accepted", "竣工验收", "一个月内整改后重新组织竣工验收（第二十六条）")


@RULES.rule("JL301", "限期整改未按期完成", severity="error", stages=(),
            citation=cite("三十", "对监督检查过程中发现有违反国家及我省有关规定及批复要求的,应当要求项目立项单位限期整改或遵照有关规定进行处理。"),
            message="监督检查要求的限期整改没有按期完成",
            hint="在 orders 该项写整改完成日期（done_on）并附整改报告；整改须在期限内完成")
def orders_jl301(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    project.yaml 的 `orders` 里省政务服务和数字化局（监督检查）提出的限期整改要求：
    - 每项写了要求日期（`date`）；
    - 整改：有期限的，在期限内（含当天）完成（`done_on`）；期限已过仍未完成的报告；没有期限、尚未完成的只作提示；
    办法没有规定整改的期限，govproj 不替它规定：要求里写了期限（`deadline`）才判断是否逾期，期限当天完成不算逾期。

    ## 为什么
    第三十条：监督检查发现违反规定及批复要求的，“应当要求项目立项单位限期整改”；“对拒不整改或整改后仍不符合要求的，应当对其进行通报批评、暂缓拨付资金、暂停项目建设、直至终止项目。”

    ## 通过示例
    ```yaml
    orders: [{date: 2026-10-09, kind: 限期整改, deadline: 2026-11-09, done_on: 2026-11-09, evidence: [evidence/整改报告.pdf]}]
    ```
    ## 不通过示例
    ```yaml
    orders: [{date: 2026-10-09, kind: 限期整改, deadline: 2026-11-09}]   # 2026-11-25 检查：期限已过，没有记录整改完成
    ```
    """
    yield from order_findings(project, ctx.today, ('限期整改',), stopped=(), body="省政务服务和数字化局")


# ---- 第六章 运行管理 ----------------------------------------------------------------------------------------

@RULES.rule("JL371", "安全测评经费未计入项目总投资", severity="error", stages=since("review"),
            citation=cite("三十七", "信息安全风险评估和等保、分保、密码应用等测评经费计入该项目总投资。"),
            message="预算明细没有列出信息安全风险评估、等保（涉密项目为分保）或密码应用测评的经费",
            hint="在 budget.yaml 的 lines 列出这些经费（名称或说明写明“风险评估”“等级保护测评”“密码应用安全性评估”）")
def assessment_costs(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    budget.yaml 预算明细（`lines` 的名称或说明）中是否分别列有：
    - 信息安全风险评估经费：含“风险评估”；
    - 等保测评经费（非涉密项目，等级保护级别未填或 2 级及以上）：含“等保”“等级保护”或“等级测评”；
      分保测评经费（涉密项目）：含“分保”或“分级保护”；
    - 密码应用测评经费：含“密码”。
    一项明细可以同时覆盖几类，如“等级保护测评和密码应用安全性评估”。

    ## 为什么
    第三十七条：“信息安全风险评估和等保、分保、密码应用等测评经费计入该项目总投资。”第一级系统不需要等级测评，所以不要求。

    ## 通过示例
    ```yaml
    lines:
      - {name: 信息安全风险评估, category: 测评, amount: 9.00}
      - {name: 等级保护测评和密码应用安全性评估, category: 测评, amount: 27.00}
    ```
    ## 不通过示例
    ```yaml
    lines:
      - {name: 等级保护测评, category: 测评, amount: 12.00}
    ```
    """
    if not project.has("budget.yaml"):
        yield from require(project, "budget.yaml", ("lines",), "预算明细")
        return
    needed = [(("风险评估",), "信息安全风险评估")]
    if classified(project):
        needed.append((("分保", "分级保护"), "分级保护测评"))
    else:
        level = project.get("security.yaml", "level")
        if not (isinstance(level, int) and level < 2):
            needed.append((("等保", "等级保护", "等级测评"), "等级保护测评"))
    needed.append((("密码",), "密码应用测评"))
    for words, label in needed:
        if not _lines_mention(project, words):
            yield Finding("budget.yaml", ("lines",), f"预算明细没有列出{label}经费，应计入项目总投资",
                          f"在 lines 加一项{label}经费（名称写明“{words[0]}”）", at_key=bool(project.get("budget.yaml", "lines")))
