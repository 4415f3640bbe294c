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
    if f.help:
        text += f"：{f.help}"
    if f.kind == "enum" and f.choices and f.help.find(f.choices[0]) < 0:
        text += f"（可选：{'、'.join(f.choices)}）"
    if f.kind == "list" and f.item == "enum" and f.choices:
        text += f"（可多选：{'、'.join(f.choices)}）"
    if f.kind == "date":
        text += "" if "YYYY" in text else "（YYYY-MM-DD）"
    if f.kind == "money":
        text += "（万元，精确到分）" if "万元" not in text else ""
    return [f"{pad}# {text}"]


def _block(text: str, pad: str) -> list[str]:
    lines = [f"{pad}{INDENT}{line}" if line else "" for line in text.split("\n")]
    return lines


def emit_fields(fields: tuple[F, ...], data: dict[str, Any] | None, pad: str, comments: bool, blank: bool
                ) -> list[str]:
    out: list[str] = []
    data = data or {}
    for f in fields:
        value = data.get(f.key)
        if value is None and not blank:
            continue
        if comments:
            out.extend(_comment(f, pad))
        out.extend(emit_value(f, value, pad, comments, blank))
    return out


def emit_value(f: F, value: Any, pad: str, comments: bool, blank: bool) -> list[str]:
    key = f"{pad}{f.key}:"
    if f.kind == "map":
        if not f.fields:  # free-form (settings): keep what the user gave
            if not value:
                return [f"{key} {{}}"]
            return [f"{key} {json.dumps(value, ensure_ascii=False, default=str)}"]
        inner = emit_fields(f.fields, value if isinstance(value, dict) else None, pad + INDENT, comments, blank)
        return [key] + inner if inner else [f"{key} {{}}"]
    if f.kind == "list":
        items = value if isinstance(value, list) else []
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


def render_file(spec: F, data: dict[str, Any] | None, *, title: str, schema_ref: str | None,
                comments: bool = True, blank: bool = True) -> str:
    head = []
    if schema_ref:
        head.append(f"# yaml-language-server: $schema={schema_ref}")
    head.append(f"# {spec.key} — {title}")
    if comments:
        head.append("# 每个字段上方的注释说明它的含义；不知道的先留空，`govproj check` 会告诉你还缺什么。")
    body = emit_fields(spec.fields, data, "", comments, blank)
    return "\n".join(head + [""] + body) + "\n"
