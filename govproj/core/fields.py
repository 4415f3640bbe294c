"""Field declarations of the project files: one source for validation, JSON Schema, scaffolds and docs.

A field is declared once (key, kind, Chinese label, help text, choices, nested fields). `validate` turns a parsed
document into typed values (money as `Money`, which carries its unit; dates) and reports type errors and unknown keys with their position;
`json_schema` exports the same declarations for editors; `govproj.core.scaffold` writes commented files from them.
"""
from __future__ import annotations

import datetime as _dt
import re
from decimal import Decimal, InvalidOperation
from typing import Any, Iterator, NamedTuple

from govproj.core.doc import SHAPE_HINT, Doc
from govproj.core.money import UNITS, Money

KINDS = ("str", "text", "bool", "date", "money", "int", "enum", "list", "map", "percent")


class F(NamedTuple):
    """One field. `kind` list: `item` is the item kind ("map" uses `fields`); map: `fields` are its keys.

    A NamedTuple (as are the other records here): a frozen dataclass costs about ten times as much to define, and
    every check imports this module."""

    key: str
    kind: str
    label: str
    help: str = ""
    choices: tuple[str, ...] = ()
    fields: tuple["F", ...] = ()
    item: str = ""
    required: bool = False  # needed at every stage (the pack's rules add stage-dependent requirements)
    example: Any = None
    planned: bool = False  # a date that looks ahead (valid until, planned finish, expiry): it may lie in the future

    def child(self, key: str) -> "F | None":
        for f in self.fields:
            if f.key == key:
                return f
        return None


def dates(spec: F, value: Any, path: tuple = ()) -> "Iterator[tuple[tuple, _dt.date, F]]":
    """(path, date, field) of every date value of typed data, walked with its declaration (GP060/GP061)."""
    if spec.kind == "date" and isinstance(value, _dt.date):
        yield path, value, spec
    elif spec.kind == "map" and isinstance(value, dict):
        for key, item in value.items():
            child = spec.child(key)
            if child is not None:
                yield from dates(child, item, path + (key,))
    elif spec.kind == "list" and isinstance(value, list):
        item_spec = F(spec.key, spec.item, spec.label, fields=spec.fields, planned=spec.planned)
        for index, item in enumerate(value):
            yield from dates(item_spec, item, path + (index,))


def M(key: str, label: str, *fields: F, help: str = "", required: bool = False) -> F:
    return F(key, "map", label, help=help, fields=tuple(fields), required=required)


def L(key: str, label: str, *fields: F, help: str = "", item: str = "map", choices: tuple[str, ...] = (),
      example: dict[str, Any] | None = None) -> F:
    """A list; `example` is one item the scaffold shows commented out when the list is empty (a pack's own examples
    take precedence)."""
    return F(key, "list", label, help=help, fields=tuple(fields), item=item, choices=choices, example=example)


class Problem(NamedTuple):
    """A content problem found while typing a document (becomes a GP0xx finding)."""

    code: str
    path: tuple
    message: str
    hint: str


class Typed:
    """A document's typed values and the problems found while typing it."""

    __slots__ = ("data", "problems")

    def __init__(self, data: dict[str, Any], problems: list[Problem] | None = None) -> None:
        self.data = data
        self.problems = [] if problems is None else problems


_FULLWIDTH = str.maketrans("０１２３４５６７８９．－，", "0123456789.-,")
_MONEY_TEXT = re.compile(r"^\s*([-+]?[0-9][0-9,]*(?:\.[0-9]+)?)\s*(万元|万|元)?\s*$")


def parse_money(raw: Any, text: str | None, unit: str = "万元") -> tuple[Money | None, str | None, str | None]:
    """(amount, error message, hint). Accepts 123.45, "123.45万元", "1,234,500元"; never floats.

    A bare number is in `unit` (budget.yaml's `unit:`, 万元 by default); a number written with its unit ("1805000元")
    is in that unit whatever the file says. An amount is exact and not negative (a change records its amount as an
    absolute value), finer than 分 is a typing error, and it has at most MONEY_DIGITS significant digits: Decimal
    arithmetic is exact up to there."""
    number, written, error, hint = _parse_money(raw, text, unit)
    if number is None:
        return None, error, hint
    shown = text if text is not None else (raw if isinstance(raw, str) else str(number))
    if not number.is_finite():
        return None, f"金额“{shown}”不是数字", f"写成数字，单位{unit}，例如 {_EXAMPLE[unit]}"
    if number < 0:
        return None, f"金额“{shown}”是负数", "金额一律写正数；核减的金额在 changes.yaml 里写绝对值，并写明是减少"
    amount = Money(number, written)
    digits = amount.in_yuan.as_tuple()
    exponent = digits.exponent if isinstance(digits.exponent, int) else 0
    if exponent < -2:
        if written == "元":
            return None, f"金额“{shown}”比“分”还精确（以元计最多 2 位小数）", "核对数字：1 分 = 0.01 元"
        return None, f"金额“{shown}”比“分”还精确（万元最多 6 位小数）", "核对数字：1 分 = 0.000001 万元"
    if len(digits.digits) > MONEY_DIGITS or amount.in_yuan.adjusted() >= MONEY_DIGITS - 2:
        return None, f"金额“{shown}”太大", f"核对数字和单位：本处金额以{written}计，例如 {_EXAMPLE[written]}"
    return amount, None, None


MONEY_DIGITS = 28  # Decimal's default precision: sums of amounts up to here stay exact
_EXAMPLE = {"万元": "180.5", "元": "1805000"}


def _parse_money(raw: Any, text: str | None, unit: str) -> tuple[Decimal | None, str, str | None, str | None]:
    """(number, the unit it is written in, error, hint)."""
    example = f"例如 {_EXAMPLE[unit]}（单位{unit}）"
    if isinstance(raw, bool):
        return None, unit, "金额应当是数字", example
    if isinstance(raw, int):
        return Decimal(raw), unit, None, None
    if isinstance(raw, Decimal):
        return (Decimal(text) if text is not None else raw), unit, None, None
    if isinstance(raw, str):
        if raw.translate(_FULLWIDTH) != raw:
            return None, unit, f"金额“{raw}”里有全角数字或符号", f"改为半角：{raw.translate(_FULLWIDTH)}"
        match = _MONEY_TEXT.match(raw)
        if match:
            number = Decimal(match.group(1).replace(",", ""))
            written = {"元": "元", "万元": "万元", "万": "万元"}.get(match.group(2) or "", unit)
            return number, written, None, None
        if _SCIENTIFIC.match(raw.strip()):
            return None, unit, f"金额“{raw}”用了科学计数法", f"写成普通的数字，单位{unit}，例如 {_EXAMPLE[unit]}"
        return None, unit, f"金额“{raw}”不是数字", f"写成数字，单位{unit}，例如 {_EXAMPLE[unit]}；也可以带上单位写“1805000元”或“180.5万元”"
    return None, unit, "金额应当是数字", example


_SCIENTIFIC = re.compile(r"^[-+]?(\d+\.?\d*|\.\d+)[eE][-+]?\d+$")


DATE_SHAPE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def date_problem(raw: str) -> tuple[str, str]:
    """(what is wrong, what to do) with a date text that did not read as a date: the shape, or a day that does
    not exist (2026-11-31). One wording for the files (`check`) and the command line (`record`)."""
    if DATE_SHAPE.match(raw):
        return "不是存在的日期", "核对月份和日子（如 11 月只有 30 天），写成 YYYY-MM-DD"
    return "格式不对", "日期一律写成 YYYY-MM-DD，例如 2026-05-31"


DATE_RANGE = (1900, 2199)  # far beyond any project's life; keeps date arithmetic (N years later, 调休) in range


def date_range_problem(value: _dt.date, key: str = "") -> tuple[str, str]:
    """(what is wrong, what to do) with a real calendar date no project event can have (9999-12-31 for 长期有效).

    Validity has its own place where the format has one: an event's `until` (有效期至) — 长期有效 is an event with no
    `until` and the words in its note —, a waiver's `expires`, which a waiver cannot do without."""
    where = f"超出了可用的范围（{DATE_RANGE[0]} 至 {DATE_RANGE[1]} 年）"
    if key == "expires":
        return where, "豁免必须有具体的到期日，不能“长期有效”：写一个到期日 YYYY-MM-DD，到期后重新审批"
    if key == "until":
        return where, "有效期至写截止日期 YYYY-MM-DD；“长期有效”没有截止日：不写 until，在同一事件的 note 写明“长期有效”"
    return where, ("写事情实际发生的日期 YYYY-MM-DD；“长期有效”不是日期，不要写成 9999-12-31：有效期写在事件的 until"
                   "（有效期至），长期有效的不写 until，在 note 写明")


def format_money(value: "Money | Decimal") -> str:
    """万元 with at least two decimals, and as many more as the value carries (1 元 = 0.0001 万元): never rounded.
    A bare Decimal is read as 万元 (exports that carry the figure as text)."""
    if isinstance(value, Money):
        return value.text()
    exponent = value.as_tuple().exponent
    places = max(2, -exponent) if isinstance(exponent, int) else 2
    return f"{value:.{places}f}"


def parse_percent(raw: Any) -> Decimal | None:
    if isinstance(raw, (int, Decimal)) and not isinstance(raw, bool):
        return Decimal(raw)
    if isinstance(raw, str):
        text = raw.strip().translate(_FULLWIDTH).rstrip("%％")
        try:
            return Decimal(text)
        except InvalidOperation:
            return None
    return None


def validate(doc: Doc, spec: F, unit: str = "万元") -> Typed:
    """Type a document; `unit` is what bare amounts are in unless the document's own `unit:` says otherwise."""
    typed = Typed(data={})
    value = _check(doc, spec, doc.data, (), typed.problems, top=True, unit=unit)
    typed.data = value if isinstance(value, dict) else {}
    return typed


def _unit_of(spec: F, value: dict, unit: str) -> str:
    """The unit bare amounts below a mapping are in: its own `unit:` key (budget.yaml) when it declares one."""
    field = spec.child("unit")
    if field is not None and field.kind == "enum" and set(field.choices) <= set(UNITS):
        written = value.get("unit")
        if isinstance(written, str) and written in UNITS:
            return written
    return unit


def _suggest(key: str, options: list[str]) -> str:
    from difflib import get_close_matches  # only when something is misspelt
    close = get_close_matches(key, options, n=1, cutoff=0.6)
    return f"是不是“{close[0]}”？" if close else f"可用的键：{'、'.join(options)}"


def _check(doc: Doc, spec: F, value: Any, path: tuple, out: list[Problem], top: bool = False,
           unit: str = "万元") -> Any:
    label = spec.label or spec.key
    if value is None:
        # a list key with no value (the scaffold's "lines:" above its commented example) is an empty list
        return [] if spec.kind == "list" and not top else None
    kind = spec.kind
    if kind == "map":
        if not isinstance(value, dict):
            out.append(Problem("GP001", path, f"“{label}”应当是“键: 值”的映射", SHAPE_HINT))
            return None
        if not spec.fields:
            return value  # free-form mapping (settings): the engine validates it against the rules
        result: dict[str, Any] = {}
        known = [f.key for f in spec.fields]
        unit = _unit_of(spec, value, unit)
        for key, item in value.items():
            child = spec.child(key)
            if child is None:
                out.append(Problem("GP002", path + (key,), f"未知的字段“{key}”",
                                   _suggest(key, known) + "（拼写错误的字段不会被检查）"))
                continue
            result[key] = _check(doc, child, item, path + (key,), out, unit=unit)
        return result
    if kind == "list":
        if not isinstance(value, list):
            if spec.item != "map" and isinstance(value, (str, int, Decimal)) and not isinstance(value, bool):
                value = [value]  # a single item written without "- " is still clear
            else:
                out.append(Problem("GP001", path, f"“{label}”应当是列表（每项以“- ”开头）", SHAPE_HINT))
                return None
        items = []
        item_spec = F(spec.key, spec.item, spec.label, fields=spec.fields, choices=spec.choices)
        for index, item in enumerate(value):
            items.append(_check(doc, item_spec, item, path + (index,), out, unit=unit))
        return items
    if kind in ("str", "text"):
        if isinstance(value, (dict, list)):
            out.append(Problem("GP001", path, f"“{label}”应当是文字", "直接写文字；多行文字用“|”块"))
            return None
        if isinstance(value, bool):
            return "是" if value else "否"
        if isinstance(value, _dt.date):
            return value.isoformat()
        text = doc.raw.get(path)
        return text if text is not None else str(value)
    if kind == "bool":
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip() in ("是", "有"):
            return True
        if isinstance(value, str) and value.strip() in ("否", "无"):
            return False
        out.append(Problem("GP001", path, f"“{label}”应当是 true 或 false", "写 true（是/有）或 false（否/无）"))
        return None
    if kind == "date":
        if isinstance(value, _dt.date):
            if not DATE_RANGE[0] <= value.year <= DATE_RANGE[1]:
                problem, hint = date_range_problem(value, spec.key)
                out.append(Problem("GP001", path, f"“{label}”的日期“{value.isoformat()}”{problem}", hint))
                return None
            return value
        raw = str(doc.raw.get(path, value))
        problem, hint = date_problem(raw.strip())
        out.append(Problem("GP001", path, f"“{label}”的日期“{raw}”{problem}", hint))
        return None
    if kind == "money":
        amount, error, hint = parse_money(value, doc.raw.get(path), unit)
        if error:
            out.append(Problem("GP004", path, error, hint or ""))
            return None
        return amount
    if kind == "percent":
        number = parse_percent(value)
        if number is None:
            out.append(Problem("GP001", path, f"“{label}”应当是百分数", "例如 5 或 \"5%\""))
        return number
    if kind == "int":
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, str) and value.translate(_FULLWIDTH).isdigit():
            out.append(Problem("GP004", path, f"“{label}”里有全角数字", f"改为半角：{value.translate(_FULLWIDTH)}"))
            return None
        out.append(Problem("GP001", path, f"“{label}”应当是整数", "例如 2027"))
        return None
    if kind == "enum":
        text = str(value) if not isinstance(value, bool) else ("true" if value else "false")
        if text not in spec.choices:
            from difflib import get_close_matches  # only when something is misspelt
            close = get_close_matches(text, list(spec.choices), n=1, cutoff=0.4)
            hint = f"是不是“{close[0]}”？" if close else ""
            out.append(Problem("GP003", path, f"“{label}”的取值“{text}”不在可选范围内",
                               f"{hint}可选：{'、'.join(spec.choices)}"))
            return None
        return text
    raise AssertionError(f"unknown field kind {kind}")  # a declaration bug, caught by the tests


# ---- JSON Schema ---------------------------------------------------------------------------------------------

def json_schema(spec: F) -> dict[str, Any]:
    """Draft 2020-12 schema for one field (recursively)."""
    description = spec.label + (f"：{spec.help}" if spec.help else "")
    kind = spec.kind
    out: dict[str, Any]
    if kind == "map":
        out = {"type": "object", "additionalProperties": False,
               "properties": {f.key: json_schema(f) for f in spec.fields}}
        required = [f.key for f in spec.fields if f.required]
        if required:
            out["required"] = required
    elif kind == "list":
        item = F(spec.key, spec.item, spec.label, fields=spec.fields, choices=spec.choices)
        out = {"type": ["array", "null"], "items": json_schema(item)}  # null: the scaffold's empty "lines:"
    elif kind in ("str", "text"):
        out = {"type": "string"}
    elif kind == "bool":
        out = {"type": "boolean"}
    elif kind == "date":
        out = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    elif kind == "money":
        out = {"anyOf": [{"type": "number"}, {"type": "string", "pattern": r"^[-+]?[0-9][0-9,]*(\.[0-9]+)?(万元|万|元)?$"}]}
    elif kind == "percent":
        out = {"anyOf": [{"type": "number"}, {"type": "string", "pattern": r"^[0-9]+(\.[0-9]+)?%?$"}]}
    elif kind == "int":
        out = {"type": "integer"}
    elif kind == "enum":
        out = {"enum": list(spec.choices)}
    else:  # pragma: no cover
        raise AssertionError(kind)
    if kind != "map" or spec.label:
        out["description"] = description
    if kind not in ("map", "list"):
        out = {"anyOf": [out, {"type": "null"}], "description": description} if kind != "enum" else {
            "enum": list(spec.choices) + [None], "description": description}
    return out
