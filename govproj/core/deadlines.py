"""Deadlines derived from recorded events: declared once per article, read by the rule and by `deadlines`/`status`.

A pack declares each deadline its rules derive from the project's data in a `DeadlineSet` (beside its `RuleSet`,
with the same prefix): which rule reports it, what is due, how the date is counted (`Workdays`, `Period`,
`DayOfYear`), where the counting starts (`EventDate`, `FieldValue`, `EachItem`) and what records that it was done.
The rule asks the set for the evaluated `Deadline` and words its finding from it; `govproj deadlines` and
`govproj status` list the same records. One computation, so the finding and the listed date cannot disagree.

Pure: no I/O. The working-day calendar comes from the `Context` (`ctx.calendar`), loaded only when a count needs it.
"""
from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Any, Callable, Iterator, NamedTuple, Union

from govproj.core.places import display_file

if TYPE_CHECKING:
    from govproj.core.project import Project
    from govproj.core.rules import Context

WORKING_DAYS = "working-days"  # counted in 工作日 on the State Council schedule
CALENDAR_PERIOD = "calendar-period"  # years, months, days (民法典 201–203) or a fixed day of the year

DUE, OVERDUE, DONE, PENDING = "due", "overdue", "done", "pending"
# PENDING: the event the count starts from has not happened (not recorded, or dated after today); the date shown is
# counted from a planned date the user gives, or from today: never overdue, since nothing has started to run.
STATUS_ZH = {DUE: "待办", OVERDUE: "已逾期", DONE: "已完成", PENDING: "未到期"}
BY, FROM = "by", "from"  # a last day (截止日，含当天) or a first day (最早日期，含当天)
KIND_ZH = {WORKING_DAYS: "工作日", CALENDAR_PERIOD: "日历期间"}


# ---- how the date is counted -----------------------------------------------------------------------------------
# The small value types are NamedTuples rather than frozen dataclasses: they are created when a pack is imported,
# on the path of every `check`, and a NamedTuple class costs a fifth of a dataclass to define.

class Workdays(NamedTuple):
    """`n` working days after the start ("N 个工作日内": n > 0) or before it ("不低于 N 个工作日": n < 0).

    The start day itself is never counted (民法典 第201条); the result is the last (or, before, the latest) day
    on which the act is in time.
    """

    n: int
    kind = WORKING_DAYS
    uses_calendar = True

    def due(self, start: _dt.date | None, year: int, ctx: "Context") -> _dt.date | None:
        return None if start is None else ctx.calendar.add_workdays(start, self.n)

    def describe(self) -> str:
        return f"{self.n}个工作日内" if self.n > 0 else f"至少提前{-self.n}个工作日"


class Period(NamedTuple):
    """A period in years, months and days from the start, read by core/periods.py (民法典 第201–203条).

    Default: a period within which something must be done or stays valid — the last day is the corresponding day,
    moved to the next working day when it is a rest day (第203条).
    `elapsed`: a condition "满 N 年" — never moved, and it holds from the day after the period ends, so `due` is
    that first day (use with bound=FROM).
    `postpone=False` with no length: a fixed date (期日) read from the data, not moved.
    """

    years: int = 0
    months: int = 0
    days: int = 0
    postpone: bool = True
    elapsed: bool = False
    kind = CALENDAR_PERIOD

    @property
    def uses_calendar(self) -> bool:
        return self.postpone and not self.elapsed

    def due(self, start: _dt.date | None, year: int, ctx: "Context") -> _dt.date | None:
        if start is None:
            return None
        from govproj.core import periods

        if self.elapsed:
            return periods.elapsed_from(start, years=self.years, months=self.months, days=self.days)
        if self.postpone and (self.years or self.months or self.days):
            return periods.last_day(start, ctx.calendar, years=self.years, months=self.months, days=self.days)
        return periods.corresponding_day(start, years=self.years, months=self.months, days=self.days)

    def describe(self) -> str:
        parts = [f"{self.years}年" if self.years else "", f"{self.months}个月" if self.months else "",
                 f"{self.days}日" if self.days else ""]
        return "".join(parts)


class DayOfYear(NamedTuple):
    """A fixed day of the year the start falls in, shifted by `year_offset`: "每年5月底前", "上一年7月底前".

    `day=0` is the last day of the month ("年底" = DayOfYear(12, 0)). A fixed date is a 期日, not a period: it does
    not move when it falls on a rest day. `same_year`: the act counts only if done within that year (not before
    1 January of it).
    """

    month: int
    day: int = 0
    year_offset: int = 0
    same_year: bool = False
    kind = CALENDAR_PERIOD
    uses_calendar = False

    def due(self, start: _dt.date | None, year: int, ctx: "Context") -> _dt.date | None:
        from govproj.core.calendar import end_of_month

        target = year + self.year_offset
        return end_of_month(target, self.month) if self.day == 0 else _dt.date(target, self.month, self.day)

    def opens(self, year: int) -> _dt.date | None:
        return _dt.date(year + self.year_offset, 1, 1) if self.same_year else None

    def describe(self) -> str:
        which = {0: "当年", -1: "上一年", 1: "下一年"}.get(self.year_offset, f"{self.year_offset:+d}年")
        day = "底" if self.day == 0 else f"{self.day}日"
        return f"{which}{self.month}月{day}前"


Count = Union[Workdays, Period, DayOfYear]


# ---- where the counting starts, and what records the act -----------------------------------------------------

class EventDate(NamedTuple):
    """`events.<key>.<field>` of project.yaml (the date of an event, or e.g. an extension's `until`)."""

    key: str
    field: str = "date"
    label: str = ""  # default: the pack's label of the event
    today_if_missing: bool = False  # not recorded yet: a planned date or today stands in, and the deadline is PENDING
    results: tuple = ()  # if given, the event counts only when its `result` is one of these (None: not written)
    planned: str = ""  # the rule's setting that gives a planned date for the event not yet recorded

    def where(self, scope: tuple) -> tuple[str, tuple]:
        return "project.yaml", ("events", self.key, self.field)

    def scopes(self, project: "Project") -> Iterator[tuple[tuple, str]]:
        yield (), ""

    def name(self, project: "Project") -> str:
        if self.label:
            return self.label
        return next((label for key, label, _ in project.pack.events if key == self.key), self.key)


class FieldValue(NamedTuple):
    """Any value by path: a date (`predecessor.operation_since`) or a year (`budget_year`)."""

    file: str
    path: tuple
    label: str
    today_if_missing: bool = False

    def where(self, scope: tuple) -> tuple[str, tuple]:
        return self.file, self.path

    def scopes(self, project: "Project") -> Iterator[tuple[tuple, str]]:
        yield (), ""

    def name(self, project: "Project") -> str:
        return self.label


class EachItem(NamedTuple):
    """One deadline per item of a list, e.g. each contract's `signed_on` in contract.yaml `parties`.

    `name_key` names the item in messages (a contract number); `when` keeps only some items (a role).
    """

    file: str
    path: tuple
    key: str
    label: str
    name_key: str = ""
    when: Callable[[dict], bool] | None = None
    today_if_missing: bool = False

    def where(self, scope: tuple) -> tuple[str, tuple]:
        return self.file, scope + (self.key,)

    def scopes(self, project: "Project") -> Iterator[tuple[tuple, str]]:
        for index, item in project.items(self.file, *self.path):
            if self.when is None or self.when(item):
                subject = str(item.get(self.name_key) or "") if self.name_key else ""
                yield self.path + (index,), subject or f"第{index + 1}项"

    def name(self, project: "Project") -> str:
        return self.label


class ItemValue(NamedTuple):
    """A value of the same list item as an `EachItem` start, e.g. the contract's `filed_on`."""

    key: str
    label: str

    def where(self, scope: tuple) -> tuple[str, tuple]:
        return "", scope + (self.key,)  # the file is the start's


Start = Union[EventDate, FieldValue, EachItem]
Ref = Union[EventDate, FieldValue, ItemValue]


# ---- the declaration and the evaluated record -------------------------------------------------------------------

class Declaration(NamedTuple):  # NamedTuples like the value types above: a tenth of a dataclass's cost
    """One deadline article as data: the rule that reports it, what is due, how it is counted, from what."""

    code: str  # the rule reporting it, e.g. BJ111
    what: str  # what is due, in Chinese: 市经信委完成前置评审、出具意见函
    count: Count
    start: Start
    done: Ref | None = None  # the date that records the act (None: the list shows the date, never "done")
    extension: Ref | None = None  # a recorded later date the deadline moves to (延期至)
    bound: str = BY  # BY: the act is due by the date; FROM: not before it
    term: str = ""  # how the article words the count, e.g. 自受理之日起20个工作日内 (default: from `count`)

    @property
    def kind(self) -> str:
        return self.count.kind

    def describe(self) -> str:
        return self.term or self.count.describe()

    def evaluate(self, project: "Project", ctx: "Context") -> list["Deadline"]:
        """The deadlines this declaration derives from the project (one per start found; none without a start)."""
        out = []
        for scope, subject in self.start.scopes(project):
            found = _evaluate_one(self, project, ctx, scope, subject)
            if found is not None:
                out.append(found)
        return out


class Deadline(NamedTuple):
    """A dated obligation of one project, as `deadlines`, `status` and the reporting rule all see it."""

    project: str  # the folder as displayed
    project_id: str
    code: str  # the rule that reports it
    what: str
    term: str  # 20个工作日内 / 1年 / 上一年7月31日前
    bound: str  # BY (截止日) or FROM (最早日期)
    due: _dt.date  # after any extension: the last day in time (BY) or the first allowed day (FROM)
    base_due: _dt.date  # as the article counts it, before any extension
    extension: _dt.date | None  # the recorded extension date, if any
    article: str  # 京经信委发〔2016〕1号 第11条
    kind: str  # WORKING_DAYS or CALENDAR_PERIOD
    event: str  # what the date is counted from: 前置评审受理
    event_date: _dt.date | None  # None for a year (budget_year)
    assumed: bool  # the event is not recorded: today stands in
    file: str  # where the event is written (display path) …
    line: int  # … and its 1-based line
    subject: str  # which item, when a list yields several (a contract number); "" otherwise
    status: str  # DUE, OVERDUE or DONE
    done_on: _dt.date | None
    on_time: bool | None  # for DONE: inside the window
    opens: _dt.date | None  # BY with a window: the act counts only from this day (DayOfYear.same_year)
    estimated_years: tuple[int, ...]  # years of [event, due] that only have the estimated calendar
    today: _dt.date
    workdays_left: int | None  # working days after today up to the due day; negative when past; None when done
    days_left: int | None  # calendar days, likewise
    jurisdiction: str = ""
    left_estimated_years: tuple[int, ...] = ()  # years between today and the due day counted by the estimate
    planned: _dt.date | None = None  # the planned date the count starts from (the event not yet happened)

    @property
    def estimated(self) -> tuple[int, ...]:
        """Every estimated year the listed date or the working days left depend on."""
        return tuple(sorted(set(self.estimated_years) | set(self.left_estimated_years)))

    @property
    def status_zh(self) -> str:
        return STATUS_ZH[self.status]

    @property
    def late(self) -> bool:
        return self.status == OVERDUE or (self.status == DONE and self.on_time is False)

    @property
    def key(self) -> str:
        """Stable identity within the project: the rule and the place the start is written."""
        return f"{self.code}|{self.file.rsplit('/', 1)[-1]}|{self.subject}|{self.event}"

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, value in zip(self._fields, self):
            if isinstance(value, _dt.date):
                value = value.isoformat()
            elif isinstance(value, tuple):
                value = list(value)
            out[name] = value
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Deadline":
        values = dict(data)
        for name in ("due", "base_due", "extension", "event_date", "done_on", "opens", "today", "planned"):
            if values.get(name) is not None:
                values[name] = _dt.date.fromisoformat(values[name])
        for name in ("estimated_years", "left_estimated_years"):
            values[name] = tuple(values.get(name) or ())
        return cls(**{name: values[name] for name in cls._fields if name in values})


def _value(project: "Project", ref: Any, scope: tuple, start_file: str) -> tuple[Any, str, tuple]:
    file, path = ref.where(scope)
    file = file or start_file
    if file == "project.yaml" and len(path) > 1 and path[0] == "events":
        project.event(path[1])  # through `event`, so that the engine knows the rule read it (GP060)
    if getattr(ref, "results", ()) and project.get("project.yaml", "events", ref.key, "result") not in ref.results:
        return None, file, path  # e.g. a failed acceptance does not complete "完成验收"
    return project.get(file, *path), file, path


def _evaluate_one(decl: Declaration, project: "Project", ctx: "Context", scope: tuple,
                  subject: str) -> Deadline | None:
    raw, file, path = _value(project, decl.start, scope, "")
    today = ctx.today
    assumed = False
    planned = None
    if isinstance(raw, _dt.date):
        start: _dt.date | None = raw
        year = raw.year
    elif isinstance(raw, int) and not isinstance(raw, bool):
        start, year = None, raw
    elif getattr(decl.start, "today_if_missing", False):
        planned = planned_date(project, decl)
        start = planned or today
        year, assumed = start.year, True
    else:
        return None
    base_due = decl.count.due(start, year, ctx)
    if base_due is None:
        return None
    if assumed and planned is None and isinstance(decl.count, DayOfYear) and base_due < today:
        # No date for the event at all: the first year whose day is still ahead (the earliest it can still bind),
        # not a year that is over before the event has happened.
        year += 1
        base_due = decl.count.due(start, year, ctx) or base_due
    extension = None
    if decl.extension is not None:
        value = _value(project, decl.extension, scope, file)[0]
        extension = value if isinstance(value, _dt.date) else None
    due = max(base_due, extension) if extension is not None and decl.bound == BY else base_due
    opens = decl.count.opens(year) if isinstance(decl.count, DayOfYear) else None
    done_on = None
    if decl.done is not None:
        value = _value(project, decl.done, scope, file)[0]
        done_on = value if isinstance(value, _dt.date) else None

    if done_on is not None:
        status = DONE
        if decl.bound == BY:
            on_time: bool | None = done_on <= due and (opens is None or done_on >= opens)
        else:
            on_time = done_on >= due
    else:
        on_time = None
        status = OVERDUE if decl.bound == BY and today > due else DUE
        if assumed or (start is not None and start > today):
            status = PENDING  # the count has not started: the event it starts from has not happened

    estimated: tuple[int, ...] = ()
    if decl.count.uses_calendar and start is not None:
        estimated = ctx.calendar.estimated_years(start, base_due)
    workdays_left = days_left = None
    left_estimated: tuple[int, ...] = ()
    if status != DONE:
        workdays_left = ctx.calendar.workdays_between(today, due)
        days_left = (due - today).days
        left_estimated = ctx.calendar.estimated_years(today, due)

    pos = project.pos(file, *path)
    rule = project.pack.ruleset.rules.get(decl.code)
    article = str(rule.citation) if rule is not None else decl.code
    return Deadline(
        project=project.display, project_id=project.id, code=decl.code, what=decl.what, term=decl.describe(),
        bound=decl.bound, due=due, base_due=base_due, extension=extension, article=article, kind=decl.kind,
        event=decl.start.name(project) + ("" if not subject else f"（{subject}）"), event_date=start,
        assumed=assumed, file=display_file(project.display, file), line=pos.line, subject=subject, status=status,
        done_on=done_on, on_time=on_time, opens=opens, estimated_years=tuple(estimated), today=today,
        workdays_left=workdays_left, days_left=days_left, jurisdiction=project.pack.id,
        left_estimated_years=tuple(left_estimated), planned=planned)


def planned_date(project: "Project", decl: Declaration) -> _dt.date | None:
    """The planned date the user gives for the start event not yet recorded: `settings.<CODE>.<planned>` in
    project.yaml (validated by the engine as a date setting of the rule)."""
    name = getattr(decl.start, "planned", "")
    value = project.get("project.yaml", "settings", decl.code, name) if name else None
    if isinstance(value, str):  # a quoted date; anything else that is no date is GP030's finding
        try:
            value = _dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return value if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime) else None


# ---- the registry ---------------------------------------------------------------------------------------------------

_SETS: dict[str, "DeadlineSet"] = {}


class DeadlineSet:
    """One pack's deadline declarations, keyed by the code of the rule that reports each; prefix as its RuleSet."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.declarations: dict[str, Declaration] = {}
        _SETS[prefix] = self

    def declare(self, code: str, what: str, count: Count, *, start: Start, done: Ref | None = None,
                extension: Ref | None = None, bound: str = BY, term: str = "") -> Declaration:
        if not code.startswith(self.prefix):
            raise ValueError(f"deadline {code} does not start with {self.prefix}")
        if code in self.declarations:
            raise ValueError(f"deadline {code} declared twice")
        if bound not in (BY, FROM):
            raise ValueError(f"deadline {code}: bound {bound}")
        if isinstance(done, ItemValue) or isinstance(extension, ItemValue):
            if not isinstance(start, EachItem):
                raise ValueError(f"deadline {code}: ItemValue needs an EachItem start")
        decl = Declaration(code, what, count, start, done, extension, bound, term)
        self.declarations[code] = decl
        return decl

    def __getitem__(self, code: str) -> Declaration:
        return self.declarations[code]

    def __iter__(self) -> Iterator[Declaration]:
        return iter(self.declarations.values())

    def evaluate(self, code: str, project: "Project", ctx: "Context") -> list[Deadline]:
        return self.declarations[code].evaluate(project, ctx)

    def first(self, code: str, project: "Project", ctx: "Context") -> Deadline | None:
        found = self.evaluate(code, project, ctx)
        return found[0] if found else None


def deadline_set(pack: Any) -> DeadlineSet | None:
    """The deadline declarations of a pack (its rules module creates them when the pack is imported)."""
    return _SETS.get(pack.ruleset.prefix)


def relevant(rule: Any, project: "Project") -> bool:
    """A deadline is listed unless its rule does not concern this kind of project or the project is past every
    stage at which the rule applies (then the deadline is history, and `check` no longer reports it either)."""
    if rule is None:
        return True
    if rule.kinds and project.kind not in rule.kinds:
        return False
    if rule.stages:
        ids = [s.id for s in project.pack.stages]
        if project.stage in ids:
            last = max(ids.index(s) for s in rule.stages if s in ids)
            if ids.index(project.stage) > last:
                return False
    return True


def project_deadlines(project: "Project", ctx: "Context") -> list[Deadline]:
    """Every deadline of the project's pack derived from its data, ordered by date."""
    declared = deadline_set(project.pack)
    if declared is None:
        return []
    out: list[Deadline] = []
    for decl in declared:
        if relevant(project.pack.ruleset.rules.get(decl.code), project):
            out.extend(decl.evaluate(project, ctx))
    return sorted(out, key=sort_key)


def sort_key(d: Deadline) -> tuple:
    return (d.status == DONE, d.status == PENDING, d.due, d.project, d.code, d.subject)


def next_deadline(deadlines: list[Deadline]) -> Deadline | None:
    """The open deadline that comes first (an overdue one before any still due)."""
    pending = [d for d in deadlines if d.status not in (DONE, PENDING) and d.bound == BY]
    return min(pending, key=sort_key) if pending else None


def estimate_note(years: tuple[int, ...] | list[int]) -> str:
    """The short notice a message carries when its date depends on estimated years."""
    return f"（{'、'.join(map(str, years))} 年放假安排未知，按法定节假日估算）" if years else ""
