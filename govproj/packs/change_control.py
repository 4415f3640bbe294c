"""Change control shared by the packs: measure the change against the approved baseline, demand a complete record.

Each pack's `change.py` says only what its own article says: which procedure (`Route`) a change of this size and
kind needs — 报审查, 备案后调整, 审查通过后实施, 重新申报. Everything else is common: the baseline comparison
(`govproj.core.changes.compare`), the change records added since the baseline (changes.yaml), their completeness (what,
why, amount, clause, approval with its evidence), the recorded amount against the measured one, and the order of
approval and change where the text demands approval first.
"""
from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, NamedTuple

from govproj.core.changes import ChangeSummary, compare
from govproj.core.money import Money
from govproj.packs.bodies import SETTING_NAME, extra_names
from govproj.packs.helpers import blank, fmt_date
from govproj.core.rules import Context, Finding

if TYPE_CHECKING:
    from govproj.core.project import Project

TEN_PERCENT = Decimal("0.10")
FILE = "changes.yaml"


class Route(NamedTuple):  # NamedTuples, not frozen dataclasses: a tenth of the cost to define
    """The procedure a change needs, as the article words it."""

    action: str  # Chinese, e.g. "调整前向区科技和信息化局备案"
    procedure: str  # what approval.procedure must be: "备案" (filing is enough) or "审批"
    before: bool = False  # the approval (or filing) must be dated on or before the change
    why: str = ""  # which conditions of the article decided the route, with the figures
    closed: str = ""  # non-empty: no record can make the change acceptable (e.g. 重新申报); the reason
    severity: str = ""  # override of the rule's severity for this route ("warning" where the text says 原则上)
    bodies: Any = None  # govproj.packs.bodies.Bodies: who the article says approves or receives the filing


class Change(NamedTuple):
    """What a pack's classifier sees: the measured change and the records made since the baseline."""

    summary: ChangeSummary
    baseline: "Project"
    current: "Project"
    records: tuple[tuple[int, dict[str, Any]], ...]

    @property
    def amount(self) -> Money:
        return self.summary.changed_amount

    @property
    def ratio(self) -> Decimal | None:
        return self.summary.ratio()

    def within(self, share: Decimal) -> bool:
        """涉及金额不超过批复总投资的 `share`（含本数）。"""
        ratio = self.ratio
        return ratio is not None and ratio <= share if self.amount else True

    @property
    def goals_unaffected(self) -> bool:
        """Every record since the baseline says explicitly that the goals are not affected."""
        return bool(self.records) and all(r.get("goals_affected") is False for _, r in self.records)

    def reasons(self) -> list[str]:
        return [str(r.get("reason") or "") for _, r in self.records]


def wan(value: Money | None) -> str:
    """万元 as `check` prints it (two decimals, never rounded: see Money.text); "—" when absent."""
    if value is None:
        return "—"
    return value.text()


def share(ratio: Decimal | None) -> str:
    """A ratio as a percentage, exact to 0.0001% so that 10.0026% never reads as 10.00%."""
    if ratio is None:
        return "—"
    text = f"{(ratio * 100).quantize(Decimal('0.0001')):f}".rstrip("0").rstrip(".")
    return f"{text}%"


def signed(value: Money) -> str:
    return ("+" if value and not value.is_negative() else "") + wan(value)


def measure(summary: ChangeSummary) -> str:
    """The change in words and exact figures."""
    parts = []
    if summary.total_delta:
        parts.append(f"总投资 {wan(summary.total_before)} → {wan(summary.total_after)} 万元（{signed(summary.total_delta)} 万元）")
    if summary.moved and summary.lines:
        names = "、".join(f"{c.name} {signed(c.delta)}" for c in summary.lines[:4]) + ("等" if len(summary.lines) > 4 else "")
        parts.append(f"预算明细调整（{names}）")
    if summary.changed_amount:
        parts.append(f"涉及金额 {wan(summary.changed_amount)} 万元，占批复总投资 {share(summary.ratio())}")
    if summary.content:
        parts.append("建设内容有变化（" + "、".join(f"{f} {'.'.join(map(str, p))}" for f, p in summary.content) + "）")
    return "；".join(parts)


def measured(baseline: "Project", current: "Project", *, money_only: bool = False) -> ChangeSummary:
    """The change against the baseline. Text the baseline left blank and that is filled in now is refinement (e.g.
    北京第17条 细化建设内容), not a change of what was approved; `money_only` drops content (budget articles)."""
    summary = compare(baseline, current)
    content = () if money_only else tuple((f, p) for f, p in summary.content if not blank(baseline.get(f, *p)))
    return ChangeSummary(summary.total_before, summary.total_after, summary.lines, content)


def baseline_label(baseline: "Project") -> str:
    return baseline.display.split(":", 1)[0]


def _key(record: dict[str, Any]) -> str:
    import json  # only when a baseline is compared

    if record.get("id"):
        return f"id:{record['id']}"
    return json.dumps(record, sort_keys=True, default=str, ensure_ascii=False)


def new_records(baseline: "Project", current: "Project") -> tuple[tuple[int, dict[str, Any]], ...]:
    """The change records of `current` that the baseline did not have."""
    before = {_key(r) for _, r in baseline.items(FILE, "changes")}
    return tuple((i, r) for i, r in current.items(FILE, "changes") if _key(r) not in before)


def where(current: "Project", summary: ChangeSummary) -> tuple[str, tuple]:
    """The value that changed, for a finding that has no record to point at."""
    if summary.total_delta:
        return "budget.yaml", ("total",)
    changed = {c.name for c in summary.lines}
    for index, item in current.items("budget.yaml", "lines"):
        if str(item.get("name") or "") in changed:
            return "budget.yaml", ("lines", index, "amount")
    if summary.lines:
        return "budget.yaml", ("lines",)
    file, path = summary.content[0]
    return file, path


RECORD_FIELDS = (("date", "变更日期"), ("what", "变更内容"), ("why", "变更原因"), ("amount", "变更金额"), ("clause", "依据条款"))
APPROVAL_FIELDS = (("date", "日期"), ("by", "机关"), ("procedure", "程序（备案/审批）"), ("evidence", "证据文件"))


def check_change(project: "Project", ctx: Context, article: str, classify: Callable[[Change], Route], *,
                 money_only: bool = False,
                 more: Callable[[Change, Route], Iterable[Finding]] | None = None) -> Iterator[Finding]:
    """The findings of one pack's change-control rule; `classify` is the pack's reading of its article, `more` any
    requirement of its own on the records (e.g. 渝北: a fixed-asset project's change also goes to 发展改革委)."""
    baseline = ctx.baseline
    if baseline is None:
        return
    summary = measured(baseline, project, money_only=money_only)
    if not summary.any:
        return
    change = Change(summary, baseline, project, new_records(baseline, project))
    route = classify(change)
    head = f"与批复基线（{baseline_label(baseline)}）相比：{measure(summary)}。"
    rule = f"按{article}，{route.action}" + (f"（{route.why}）" if route.why else "")
    file, path = where(project, summary)
    if route.closed:
        yield Finding(file, path, head + route.closed, severity=route.severity or "")
        return
    if not change.records:
        yield Finding(file, path, head + "没有变更记录；" + rule,
                      f"在 changes.yaml 增加变更记录：变更日期、内容、原因、金额、依据条款（{article}），"
                      f"以及{route.procedure}的日期、机关、文号和证据文件", severity=route.severity)
        return
    extra = extra_names(ctx.settings.get(SETTING_NAME))
    for index, record in change.records:
        yield from _incomplete(index, record, article)
        yield from _procedure(index, record, route, rule)
        yield from _body(index, record, route, extra)
    if more is not None:
        yield from more(change, route)
    recorded = sum((abs(r["amount"]) for _, r in change.records if isinstance(r.get("amount"), Money)), Money.zero())
    if recorded < summary.changed_amount:
        index = change.records[-1][0]
        yield Finding(FILE, ("changes", index, "amount"),
                      f"变更记录的金额合计 {wan(recorded)} 万元，少于与批复基线相比的实际变动 {wan(summary.changed_amount)} 万元"
                      f"（{measure(summary)}）",
                      "每一处调整都要有变更记录：补记遗漏的变更，或更正金额", severity=route.severity)


def _incomplete(index: int, record: dict[str, Any], article: str) -> Iterator[Finding]:
    missing = [label for key, label in RECORD_FIELDS if blank(record.get(key))]
    approval = record.get("approval") or {}
    missing += [f"审批/备案{label}" for key, label in APPROVAL_FIELDS if blank(approval.get(key))]
    if missing:
        name = record.get("id") or f"第{index + 1}条"
        yield Finding(FILE, ("changes", index), f"变更记录 {name} 缺少{'、'.join(missing)}",
                      f"补全变更记录：变更内容、原因、金额、依据条款（{article}）和审批/备案的日期、机关、程序、证据文件")


def _procedure(index: int, record: dict[str, Any], route: Route, rule: str) -> Iterator[Finding]:
    approval = record.get("approval") or {}
    done = approval.get("procedure")
    if route.procedure == "审批" and done == "备案":
        yield Finding(FILE, ("changes", index, "approval", "procedure"),
                      f"变更 {record.get('id') or index + 1} 只做了备案，但{rule}",
                      "报有关部门审查（审核、批准），通过后再实施变更，并把审批结果记在 approval",
                      severity=route.severity)
    when, changed_on = approval.get("date"), record.get("date")
    if route.before and isinstance(when, _dt.date) and isinstance(changed_on, _dt.date) and when > changed_on:
        word = "备案" if done == "备案" else "审批"
        yield Finding(FILE, ("changes", index, "approval", "date"),
                      f"变更 {record.get('id') or index + 1} 于 {fmt_date(changed_on)} 实施，{word}却在 {fmt_date(when)}；{rule}",
                      f"{word}应在变更实施之前完成：核对两个日期", severity=route.severity)


def _body(index: int, record: dict[str, Any], route: Route, extra: tuple[str, ...]) -> Iterator[Finding]:
    """The approval (or filing) was made with the body the article names (`Route.bodies`, plus the setting's names)."""
    bodies = route.bodies
    by = (record.get("approval") or {}).get("by")
    if bodies is None or blank(by) or (not bodies.bodies and not extra) or bodies.accepts(by, extra):
        return
    word = "备案" if (record.get("approval") or {}).get("procedure") == "备案" else "审批"
    accepted = "、".join(dict.fromkeys([*(b.name for b in bodies.bodies), *extra]))
    yield Finding(FILE, ("changes", index, "approval", "by"),
                  f"变更 {record.get('id') or index + 1} 的{word}机关是“{by}”，不是{bodies.article}所说的机关："
                  f"“{bodies.words}”（接受：{accepted}）",
                  f"向{accepted}办理并如实记录；本单位对它另有叫法或机构已更名的，在 project.yaml 的 "
                  f"settings.{bodies.rule}.bodies 写上这个名称", severity=route.severity)


def control(pack: Any) -> Any:
    """The pack's change-control module (`govproj/packs/<id>/change.py`: ARTICLE, CODES, classify), or None."""
    import importlib

    from govproj.packs import PACKS

    try:
        return importlib.import_module(f"{PACKS[pack.id]}.change")
    except ModuleNotFoundError:
        return None


def change_findings(project: "Project", baseline: "Project", today: _dt.date) -> list[tuple[Any, Finding]]:
    """(rule, finding) of the pack's change-control rules that apply at the project's stage, against `baseline`."""
    from govproj.core.engine import applicable

    module = control(project.pack)
    if module is None:
        return []
    out = []
    for code in module.CODES:
        rule = project.pack.ruleset.rules[code]
        if not applicable(rule, project):
            continue
        settings = {s.name: s.default for s in rule.settings}
        own = project.get("project.yaml", "settings", code)  # the project's own values (a body's local name …)
        if isinstance(own, dict):
            settings.update({k: v for k, v in own.items() if k in settings})
        ctx = Context(today=today, settings=settings, baseline_loader=lambda: baseline)
        out.extend((rule, finding) for finding in rule.check(project, ctx))
    return out
