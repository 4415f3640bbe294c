"""What every form's context holds, and the small helpers the jurisdictions' form modules share.

Values stay typed (money as Money, printed in 万元, datetime.date, bool, lists); the renderer formats them when it prints
(money with the project's precision, dates as 2026年5月31日, lists joined with 、). Helpers here that must build a
sentence format it themselves with the same conventions.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any, Callable

from govproj.core.money import Money

if TYPE_CHECKING:
    from govproj.core.project import Project

# file -> the name templates use for it
NAMESPACES: dict[str, str] = {
    "project.yaml": "project",
    "needs.yaml": "needs",
    "sharing.yaml": "sharing",
    "construction.yaml": "construction",
    "budget.yaml": "budget",
    "contract.yaml": "contract",
    "security.yaml": "security",
    "changes.yaml": "changes",
}

# what the common context computes, and where it comes from (for `render --lint`)
COMMON_SOURCES: dict[str, str] = {
    "total": "budget.yaml → total（总投资，万元）",
    "leader": "project.yaml → contacts 中角色含“负责人”的一项",
    "contact": "project.yaml → contacts 中角色含“联系人”的一项（没有时取第一位联系人）",
    "events": "project.yaml → events（已记录的事件）",
    "basis_text": "project.yaml → basis（立项依据）",
    "funding_text": "budget.yaml → sources（资金来源）",
    "budget_lines": "budget.yaml → lines（预算明细）",
    "security_text": "security.yaml → level、plan、crypto（网络安全）",
    "platforms_text": "project.yaml → platforms、internal_platforms（使用的共性平台）",
    "parties": "contract.yaml → parties（承建、监理、测评等单位）",
    "parties_text": "contract.yaml → parties（承建、监理、测评等单位）",
}

RESULTS = {"pass": "通过", "fail": "不通过", "conditional": "有条件通过"}


def blank(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def fmt_date(value: Any) -> str:
    if isinstance(value, _dt.date):
        return f"{value.year}年{value.month}月{value.day}日"
    return "" if value is None else str(value)


def fmt_month(value: Any) -> str:
    if isinstance(value, _dt.date):
        return f"{value.year}年{value.month}月"
    return "" if value is None else str(value)


CENT = Decimal("0.01")


def wan(value: Any) -> str:
    """An amount as printed in a form: 万元 with two decimals, no unit. A value carrying more precision (元 converted
    to 万元, 0.0001 万元) is rounded half up for the form only; the project's figure and every check keep it exact."""
    if isinstance(value, Money):
        value = value.in_wan
    if isinstance(value, Decimal):
        return f"{value.quantize(CENT, rounding=ROUND_HALF_UP):.2f}"
    return "" if value is None else str(value)


def join(parts: Any, sep: str = "；") -> str:
    return sep.join(str(p) for p in parts if not blank(p))


def in_wan(budget: dict[str, Any]) -> dict[str, Any]:
    """budget.yaml as the forms print it: every amount is a Money (it carries its unit, `wan` prints it in 万元),
    so only the unit label changes."""
    if budget.get("unit") in (None, "万元"):
        return budget
    return {**budget, "unit": "万元"}


def contact_with(project: "Project", word: str) -> dict[str, Any]:
    for _, item in project.items("project.yaml", "contacts"):
        if word in str(item.get("role") or ""):
            return item
    return {}


def leader(project: "Project") -> dict[str, Any]:
    return contact_with(project, "负责人")


def contact(project: "Project") -> dict[str, Any]:
    """The person to call: a 联系人 if one is named, else the first contact."""
    found = contact_with(project, "联系人")
    if found:
        return found
    contacts = [item for _, item in project.items("project.yaml", "contacts")]
    return contacts[0] if contacts else {}


def events(project: "Project") -> list[dict[str, Any]]:
    """Recorded events in the pack's order, with their Chinese label and a one-line description."""
    out = []
    for key, label, _ in project.pack.events:
        event = project.event(key)
        if not event or all(blank(v) for v in event.values()):
            continue
        line = join([fmt_date(event.get("date")), event.get("doc_no"), event.get("by"),
                     RESULTS.get(str(event.get("result") or ""), ""),
                     f"至{fmt_date(event['until'])}" if event.get("until") else ""], "，")
        out.append({"key": key, "label": label, **event, "text": line})
    return out


def basis_text(project: "Project") -> str:
    lines = []
    for _, item in project.items("project.yaml", "basis"):
        title = str(item.get("title") or "")
        if title and not title.startswith("《"):
            title = f"《{title}》"
        lines.append(title + (f"（{item['doc_no']}）" if item.get("doc_no") else ""))
    return "\n".join(line for line in lines if line)


def funding_text(budget: dict[str, Any]) -> str:
    parts = [f"{s.get('source') or '未写来源'} {wan(s.get('amount'))}万元"
             for s in budget.get("sources") or [] if isinstance(s, dict)]
    return join(parts)


def funding_by(budget: dict[str, Any], buckets: dict[str, tuple[str, ...]]) -> dict[str, Money | None]:
    """Sum `budget.sources` into the columns a form prints, by each source's declared type (`sources[].type`).

    A source goes to the bucket that lists its type; one whose type no bucket lists (or that has none) goes to
    "other". A bucket with no source stays None (printed blank, not 0: the form distinguishes "none" from "not filled").
    """
    sums: dict[str, Money | None] = {key: None for key in buckets}
    sums["other"] = None
    for source in budget.get("sources") or []:
        if not isinstance(source, dict) or not isinstance(source.get("amount"), Money):
            continue
        key = next((k for k, types in buckets.items() if source.get("type") in types), "other")
        sums[key] = (sums[key] or Money.zero()) + source["amount"]
    return sums


def security_text(project: "Project") -> str:
    level = project.get("security.yaml", "level")
    plan = project.get("security.yaml", "plan") or {}
    crypto = project.get("security.yaml", "crypto") or {}
    parts = []
    if level:
        parts.append(f"网络安全等级保护第{'一二三四五'[int(level) - 1] if 1 <= int(level) <= 5 else level}级")
    if plan.get("title"):
        parts.append(f"网络安全方案：《{plan['title']}》" + (f"（{fmt_date(plan['date'])}）" if plan.get("date") else ""))
    crypto_plan = crypto.get("plan") or {}
    if crypto_plan.get("title"):
        parts.append(f"密码应用方案：《{crypto_plan['title']}》")
    filing = project.get("security.yaml", "filing") or {}
    if filing.get("date") or filing.get("doc_no"):
        parts.append("等保备案：" + join([fmt_date(filing.get("date")), filing.get("doc_no")], "，"))
    return "；".join(parts)


def platforms_text(project: "Project") -> str:
    parts = []
    used = project.get("project.yaml", "platforms") or []
    if used:
        parts.append("使用共性平台：" + "、".join(str(p) for p in used))
    internal = project.get("project.yaml", "internal_platforms") or []
    if internal:
        parts.append("使用单位内部共性平台：" + "、".join(str(p) for p in internal))
    return "；".join(parts)


def budget_lines(budget: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"no": i + 1, **line} for i, line in enumerate(x for x in budget.get("lines") or [] if isinstance(x, dict))]


def parties(project: "Project") -> list[dict[str, Any]]:
    return [item for _, item in project.items("contract.yaml", "parties") if not all(blank(v) for v in item.values())]


def parties_text(items: list[dict[str, Any]]) -> str:
    """One line per party: 承建：某公司（合同编号 X，120.00万元）."""
    lines = []
    for x in items:
        detail = join([f"合同编号 {x['contract_no']}" if x.get("contract_no") else "",
                       f"{wan(x['amount'])}万元" if x.get("amount") is not None else "", x.get("selection")], "，")
        lines.append(f"{x.get('role') or '其他'}：{x.get('name') or '未写名称'}" + (f"（{detail}）" if detail else ""))
    return "\n".join(lines)


def common_context(project: "Project") -> dict[str, Any]:
    pack = project.pack
    ctx: dict[str, Any] = {ns: project.data.get(file) or {} for file, ns in NAMESPACES.items()}
    ctx["budget"] = in_wan(ctx["budget"])
    stage = next((s for s in pack.stages if s.id == project.stage), None)
    ctx.update({
        "pack": {"id": pack.id, "name": pack.name, "doc": pack.doc, "title": pack.title, "status": pack.status},
        "kind_label": dict(pack.kinds).get(project.kind, project.kind),
        "stage_label": stage.name if stage else project.stage,
        "total": ctx["budget"].get("total"),
        "leader": leader(project),
        "contact": contact(project),
        "events": events(project),
        "basis_text": basis_text(project),
        "funding_text": funding_text(ctx["budget"]),
        "budget_lines": budget_lines(ctx["budget"]),
        "security_text": security_text(project),
        "platforms_text": platforms_text(project),
        "parties": parties(project),
    })
    ctx["parties_text"] = parties_text(ctx["parties"])
    return ctx


# ---- document outlines (YB 附件2, JL 附件1–3, XC/GS reports) ----------------------------------------------------

Getter = Callable[["Project", dict[str, Any]], Any]


@dataclass(frozen=True)
class Field:
    """One labelled line of an outline section ("项目来源：…"): the label always prints, so a blank printout can be
    filled in by hand; the value when the project has it, else the guidance in grey (or nothing)."""

    label: str
    fill: Getter | None = None
    guidance: str = ""


@dataclass(frozen=True)
class Item:
    """One heading of an outline: filled from the project where it holds the data, else the outline's guidance.

    `fill(project, ctx)` returns the text (or None); `table` names a table block the template puts under the
    heading instead of text ("budget": the budget lines). `source` says where the data comes from (for --lint).
    """

    key: str
    title: str
    guidance: str = ""
    fill: Getter | None = None
    source: str = ""
    table: str = ""
    fields: tuple[Field, ...] = ()  # labelled lines instead of one text: values `outline.<key>_<n>`
    note: str = ""  # guidance shown after the project's data too


@dataclass(frozen=True)
class Chapter:
    title: str
    guidance: str = ""  # the outline's words under the chapter heading ("主要包括：…")
    items: tuple[Item, ...] = ()
    key: str = ""  # when the chapter itself is filled (no items)
    fill: Getter | None = None
    source: str = ""
    table: str = ""
    note: str = ""  # guidance shown after the project's data too: what the data cannot say (progress, reasons)
    fields: tuple[Field, ...] = ()  # labelled lines instead of one text: values `outline.<key>_<n>`


NUMERALS = "一二三四五六七八九十"


def numeral(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十 (headings count no further)."""
    if n <= 10:
        return NUMERALS[n - 1]
    tens, ones = divmod(n, 10)
    return (NUMERALS[tens - 1] if tens > 1 else "") + "十" + (NUMERALS[ones - 1] if ones else "")


def topics(prefix: str, listing: str, fills: dict[str, tuple] | None = None) -> tuple[Item, ...]:
    """The topics an outline lists after "主要包括：" ("项目名称；项目立项单位及负责人…") as headings （一）（二）…,
    each filled by `fills[topic]` = (getter, source[, table]) when given."""
    fills = fills or {}
    names = split_topics(listing)
    unknown = set(fills) - set(names)
    if unknown:  # a declaration bug, caught by the tests
        raise ValueError(f"{prefix}: fills name topics the outline does not list: {sorted(unknown)}")
    return tuple(Item(f"{prefix}_{n}", f"（{numeral(n)}）{name}", "", *fills.get(name, (None, "")))
                 for n, name in enumerate(names, 1))


def split_topics(listing: str) -> list[str]:
    """"项目名称；项目来源…等。" → the topics, in order."""
    text = listing.replace(";", "；").strip().rstrip("。")
    text = text[:-1] if text.endswith("等") else text
    return [t.strip() for t in text.split("；") if t.strip()]


def as_fields(*pairs: tuple[str, Getter]) -> tuple[Field, ...]:
    """("标签", getter) pairs as labelled lines."""
    return tuple(Field(label, getter) for label, getter in pairs)


def fields(listing: str, fills: dict[str, Getter] | None = None) -> tuple[Field, ...]:
    """The topics of a listing as labelled lines, each filled by `fills[topic]` when given."""
    fills = fills or {}
    names = split_topics(listing)
    unknown = set(fills) - set(names)
    if unknown:
        raise ValueError(f"fills name topics the listing does not have: {sorted(unknown)}")
    return tuple(Field(name, fills.get(name)) for name in names)


def outline_values(chapters: tuple[Chapter, ...], project: "Project", ctx: dict[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for section in (x for chapter in chapters for x in (chapter, *chapter.items)):
        if section.key:
            values[section.key] = _filled(section.fill, project, ctx)
            for n, field in enumerate(section.fields, 1):
                values[f"{section.key}_{n}"] = _filled(field.fill, project, ctx)
    return values


def outline_sources(chapters: tuple[Chapter, ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    for section in (x for chapter in chapters for x in (chapter, *chapter.items)):
        if section.key:
            out[f"outline.{section.key}"] = section.source or f"{section.title}：项目文件中没有对应内容，按提纲编写"
            for n, field in enumerate(section.fields, 1):
                out[f"outline.{section.key}_{n}"] = f"{section.title} › {field.label}" + (
                    f"（{section.source}）" if section.source and field.fill else "：项目文件中没有对应内容，按提纲编写")
    return out


def _filled(fill: Getter | None, project: "Project", ctx: dict[str, Any]) -> Any:
    if fill is None:
        return None
    value = fill(project, ctx)
    return None if blank(value) else value


def value_of(file: str, *path: str) -> Getter:
    """A getter for one YAML value (typed, formatted when printed)."""
    return lambda project, ctx: project.get(file, *path)


def first(*getters: Getter) -> Getter:
    """The first getter that yields a value."""
    def get(project: "Project", ctx: dict[str, Any]) -> Any:
        for getter in getters:
            value = getter(project, ctx)
            if not blank(value):
                return value
        return None
    return get


def labelled(*pairs: tuple[str, Getter]) -> Getter:
    """"标签：值" lines for the getters that yield something (None when none does)."""
    def get(project: "Project", ctx: dict[str, Any]) -> Any:
        lines = []
        for label, getter in pairs:
            value = getter(project, ctx)
            if not blank(value):
                lines.append(f"{label}：{_text(value)}" if label else _text(value))
        return "\n".join(lines) or None
    return get


def _text(value: Any) -> str:
    if isinstance(value, (Money, Decimal)):
        return wan(value)
    if isinstance(value, _dt.date):
        return fmt_date(value)
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (list, tuple)):
        return "、".join(_text(v) for v in value if not blank(v))
    return str(value)


def ctx_key(key: str) -> Getter:
    return lambda project, ctx: ctx.get(key)


def total_text(project: "Project", ctx: dict[str, Any]) -> str | None:
    total = ctx.get("total")
    if total is None:
        return None
    funding = ctx.get("funding_text")
    return f"{wan(total)}万元" + (f"。资金来源：{funding}" if funding else "")


def budget_intro(project: "Project", ctx: dict[str, Any]) -> str | None:
    """The sentence above a budget table: 项目总投资 344.40万元。资金来源：…。预算明细如下表（单位：万元）："""
    total = total_text(project, ctx)
    return f"项目总投资{total}。预算明细如下表（单位：万元）：" if total else None


def unit_and_leader(project: "Project", ctx: dict[str, Any]) -> str | None:
    unit = project.get("project.yaml", "unit")
    head = ctx.get("leader") or {}
    return join([unit, f"项目负责人：{head['name']}" if head.get("name") else ""], "；") or None


def contacts_text(project: "Project", ctx: dict[str, Any]) -> str | None:
    lines = [join([c.get("role"), c.get("name"), c.get("phone"), c.get("email")], "，")
             for _, c in project.items("project.yaml", "contacts")]
    return "\n".join(line for line in lines if line) or None


def events_text(project: "Project", ctx: dict[str, Any]) -> str | None:
    """The recorded events, one per line: 专家评审：2026年4月28日，通过."""
    lines = [f"{e['label']}：{e['text']}" if e.get("text") else e["label"] for e in ctx.get("events") or []]
    return "\n".join(lines) or None


def parties_getter(project: "Project", ctx: dict[str, Any]) -> str | None:
    return ctx.get("parties_text") or None


def opening_text(section: str) -> Getter:
    """sharing.yaml `sharing` or `opening`: the list when provided, basis and reason when not."""
    def get(project: "Project", ctx: dict[str, Any]) -> str | None:
        duty = project.get("sharing.yaml", section) or {}
        if duty.get("provided") is True:
            items = [join([i.get("name"), i.get("content"), i.get("scope"), i.get("frequency"), i.get("manner")], "，")
                     for i in duty.get("items") or [] if isinstance(i, dict)]
            return "\n".join(f"（{n}）{text}" for n, text in enumerate(items, 1)) or None
        if duty.get("provided") is False:
            return join([f"依据：{duty['basis']}" if duty.get("basis") else "",
                         f"理由：{duty['reason']}" if duty.get("reason") else ""], "\n") or "不提供"
        return None
    return get


def resources_text(project: "Project", ctx: dict[str, Any]) -> str | None:
    lines = []
    for _, r in project.items("sharing.yaml", "resources"):
        lines.append(join([r.get("name"), r.get("content"), r.get("source"),
                           f"提供单位：{r['provider']}" if r.get("provider") else ""], "，"))
    description = project.get("sharing.yaml", "description")
    return "\n".join([x for x in [description, *lines] if x]) or None
