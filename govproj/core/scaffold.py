"""Write project files from the field declarations: every key with a Chinese comment, values from sample data.

Used by `govproj new` (blank or `--example`) and by the tests that build fixture projects; deterministic output.
"""
from __future__ import annotations

import datetime as _dt
import json
from decimal import Decimal
from typing import Any

from govproj.core.fields import F

INDENT = "  "


def scalar(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:f}"
    if isinstance(value, int):
        return str(value)
    from govproj.edges.yamlio import quote_scalar  # the YAML library stays in the edge, imported only by `new`

    return quote_scalar(str(value))


def _comment(f: F, pad: str) -> list[str]:
    text = f.label
    if f.help:  # a help that begins with the label says it already: "签字人姓名", not "签字人：签字人姓名"
        text = f.help if f.help.startswith(f.label) else f"{text}：{f.help}"
    if f.kind == "enum" and f.choices and f.help.find(f.choices[0]) < 0:
        text += f"（可选：{'、'.join(f.choices)}）"
    if f.kind == "list" and f.item == "enum" and f.choices:
        text += f"（可多选：{'、'.join(f.choices)}）"
    if f.kind == "date":
        text += "" if "YYYY" in text else "（YYYY-MM-DD）"
    if f.kind == "money":
        text += "（万元，精确到分）" if "万元" not in text and "unit" not in text else ""
    return [f"{pad}# {text}"]


def _block(text: str, pad: str) -> list[str]:
    lines = [f"{pad}{INDENT}{line}" if line else "" for line in text.split("\n")]
    return lines


Samples = dict[str, dict[str, Any]]  # dotted path of a list in its file ("lines", "sharing.items") -> one item


def emit_fields(fields: tuple[F, ...], data: dict[str, Any] | None, pad: str, comments: bool, blank: bool,
                samples: Samples | None = None, prefix: str = "") -> list[str]:
    out: list[str] = []
    data = data or {}
    for f in fields:
        value = data.get(f.key)
        if value is None and not blank:
            continue
        if comments:
            out.extend(_comment(f, pad))
        out.extend(emit_value(f, value, pad, comments, blank, samples, prefix + f.key))
    return out


def emit_value(f: F, value: Any, pad: str, comments: bool, blank: bool, samples: Samples | None = None,
               path: str = "") -> list[str]:
    key = f"{pad}{f.key}:"
    if f.kind == "map":
        if not f.fields:  # free-form (settings): keep what the user gave
            if not value:
                return [f"{key} {{}}"]
            return [f"{key} {json.dumps(value, ensure_ascii=False, default=str)}"]
        inner = emit_fields(f.fields, value if isinstance(value, dict) else None, pad + INDENT, comments, blank,
                            samples, path + ".")
        return [key] + inner if inner else [f"{key} {{}}"]
    if f.kind == "list":
        items = value if isinstance(value, list) else []
        if not items and f.item == "map" and comments and blank:
            # an empty list of records: the key with no value, then one commented item of the full shape, so that
            # deleting the "# " of those lines gives a valid item (and `record --item` adds items above it)
            sample = {**(f.example if isinstance(f.example, dict) else {}), **((samples or {}).get(path) or {})}
            return [key] + example_item(f, sample, pad + INDENT)
        if not items:
            return [f"{key} []"]
        if f.item != "map":
            return [f"{key} [{', '.join(scalar(v) for v in items)}]"] if all(
                "\n" not in str(v) for v in items) else [key] + [f"{pad}{INDENT}- {scalar(v)}" for v in items]
        out = [key]
        for item in items:
            lines = emit_fields(f.fields, item, pad + INDENT + INDENT, False, False)
            if not lines:
                out.append(f"{pad}{INDENT}- {{}}")
                continue
            first = lines[0]
            out.append(f"{pad}{INDENT}- {first[len(pad) + 2 * len(INDENT):]}")
            out.extend(lines[1:])
        return out
    if f.kind == "text" and isinstance(value, str) and "\n" in value:
        return [f"{key} |-"] + _block(value, pad)
    text = scalar(value)
    return [f"{key} {text}" if text else key]


EXAMPLE_HEAD = "# 示例（每项以“- ”开头，可写多项；删去下面各行开头的“# ”再改成本项目的内容）："


def example_item(f: F, sample: dict[str, Any], pad: str) -> list[str]:
    """One commented item of the list `f`: every key of its shape, values from `sample`, each key's label beside it."""
    rows = _example_rows(f.fields, sample, "")
    width = min(max((_width(code) for code, _ in rows), default=0), 40)
    out = [f"{pad}{EXAMPLE_HEAD}"]
    for index, (code, note) in enumerate(rows):
        text = ("- " if index == 0 else "  ") + code
        out.append(f"{pad}# {text}{' ' * max(width - _width(code), 0)}  # {note}")
    return out


def _example_rows(fields: tuple[F, ...], sample: dict[str, Any], indent: str) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    for f in fields:
        note = _comment(f, "")[0][2:]
        value = sample.get(f.key) if isinstance(sample, dict) else None
        if f.kind == "map" and f.fields:
            rows.append((f"{indent}{f.key}:", note))
            rows.extend(_example_rows(f.fields, value if isinstance(value, dict) else {}, indent + INDENT))
        elif f.kind == "list" and f.item == "map":
            items = value if isinstance(value, list) and value else [{}]
            rows.append((f"{indent}{f.key}:", note))
            inner = _example_rows(f.fields, items[0] if isinstance(items[0], dict) else {}, indent + INDENT + INDENT)
            rows.extend((f"{indent}{INDENT}- {code.lstrip()}" if i == 0 else code, n) for i, (code, n) in enumerate(inner))
        elif f.kind == "list":
            items = value if isinstance(value, list) else []
            rows.append((f"{indent}{f.key}: [{', '.join(_short(v) for v in items)}]", note))
        else:
            text = _short(value) if value is not None else ""
            rows.append((f"{indent}{f.key}: {text}" if text else f"{indent}{f.key}:", note))
    return rows


def _short(value: Any) -> str:
    """A value for a commented example: one line, at most about 30 characters (an example, not a copy)."""
    if isinstance(value, str):
        line = value.strip().split("\n", 1)[0]
        value = line[:30] + "……" if len(line) > 30 or "\n" in value.strip() else line
    return scalar(value)


def _width(text: str) -> int:
    from unicodedata import east_asian_width

    return sum(2 if east_asian_width(c) in ("W", "F") else 1 for c in text)


def list_samples(spec: F, examples: list[dict[str, Any]]) -> Samples:
    """The first item of every list of records of `spec` found in `examples` (a pack's example files of one name),
    keyed by the list's dotted path: the scaffold's commented examples then speak the pack's language."""
    out: Samples = {}

    def walk(fields: tuple[F, ...], datas: list[Any], prefix: str) -> None:
        for f in fields:
            values = [d.get(f.key) for d in datas if isinstance(d, dict)]
            if f.kind == "map" and f.fields:
                walk(f.fields, values, prefix + f.key + ".")
            elif f.kind == "list" and f.item == "map":
                first = next((v[0] for v in values if isinstance(v, list) and v and isinstance(v[0], dict)), None)
                if first is not None:
                    out.setdefault(prefix + f.key, first)

    walk(spec.fields, examples, "")
    return out


def render_file(spec: F, data: dict[str, Any] | None, *, title: str, schema_ref: str | None,
                comments: bool = True, blank: bool = True, samples: Samples | None = None) -> str:
    head = []
    if schema_ref:
        head.append(f"# yaml-language-server: $schema={schema_ref}")
    head.append(f"# {spec.key} — {title}")
    if comments:
        head.append("# 每个字段上方的注释说明它的含义；不知道的先留空，`govproj check` 会告诉你还缺什么。")
    body = emit_fields(spec.fields, data, "", comments, blank, samples)
    return "\n".join(head + [""] + body) + "\n"
