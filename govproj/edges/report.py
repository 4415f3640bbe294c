"""The reviewers' HTML page (`govproj report`): one self-contained file drawn from a snapshot.

No network, no CDN, no script: the CSS is inline, the deadline timeline an inline SVG computed here. The page is laid
out for the screen and, through `@media print`, for A4 paper. The template is `templates/report/report.html.j2`
(installed as govproj.templates), rendered with Jinja2's autoescape.
"""
from __future__ import annotations

import datetime as _dt
import importlib
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

from govproj.edges.snapshot import Snapshot

TEMPLATE = "report/report.html.j2"
TIMELINE_MAX = 60  # deadlines drawn at most: the overdue and the nearest; the rest are counted under the chart
SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}
STATUS_ZH = {"due": "待办", "overdue": "已逾期", "done": "已完成"}


def context(snapshot: Snapshot, today: _dt.date, within: int) -> dict[str, Any]:
    """Everything the template shows, as plain values (the tests read the same numbers from the page)."""
    from govproj import __version__

    projects = snapshot.records("projects")
    by_path = {p["path"]: p for p in projects}
    readable = [p for p in projects if not p["load_error"]]
    stages: Counter = Counter()
    budgets: dict[tuple, Decimal] = {}
    for p in readable:
        key = (p["jurisdiction_name"] or p["jurisdiction"] or "", p["stage"] or "", p["stage_name"] or "")
        stages[key] += 1
        budgets[key] = budgets.get(key, Decimal(0)) + (Decimal(p["budget_wan"]) if p["budget_wan"] else Decimal(0))
    jurisdictions: Counter = Counter(p["jurisdiction_name"] or p["jurisdiction"] for p in readable)
    open_by = [d for d in snapshot.records("deadlines") if d["status"] != "done" and d["bound"] == "by"]
    overdue = [d for d in open_by if d["status"] == "overdue"]
    soon = [d for d in open_by if d["status"] == "due" and d["days_left"] is not None and d["days_left"] <= within]

    def item(d: dict[str, Any]) -> dict[str, Any]:
        p = by_path[d["project_path"]]
        return {**d, "name": p["name"] or "", "unit": p["unit"] or "", "status_zh": STATUS_ZH[d["status"]],
                "due_text": d["due"].isoformat() + ("（估算）" if d["estimated_calendar"] else "")}

    urgent = sorted((item(d) for d in overdue + soon), key=lambda d: (d["due"], d["project_path"], d["rule"]))
    rules: dict[tuple, dict[str, Any]] = {}
    for f in snapshot.records("findings"):
        if f["waived"]:
            continue
        key = (f["rule"], f["severity"])
        entry = rules.setdefault(key, {"rule": f["rule"], "rule_name": f["rule_name"], "severity": f["severity"],
                                       "severity_zh": SEVERITY_ZH.get(f["severity"], f["severity"]),
                                       "articles": set(), "count": 0, "projects": set()})
        entry["count"] += 1
        entry["articles"].add(f["article"])
        entry["projects"].add(f["project_path"])
    order = {"error": 0, "warning": 1, "info": 2}
    findings = [{**e, "articles": sorted(e["articles"]), "projects": len(e["projects"])}
                for e in sorted(rules.values(), key=lambda e: (order.get(e["severity"], 3), -e["count"], e["rule"]))]
    return {
        "version": __version__,
        "today": today.isoformat(),
        "within": within,
        "summary": {"projects": len(projects), "readable": len(readable),
                    "with_errors": sum(1 for p in readable if p["errors"]),
                    "overdue": len(overdue), "soon": len(soon),
                    "findings": sum(e["count"] for e in findings),
                    "unreadable": len(projects) - len(readable)},
        "jurisdictions": sorted(jurisdictions.items(), key=lambda kv: (-kv[1], kv[0])),
        "stages": [{"jurisdiction": k[0], "stage": k[1], "stage_name": k[2], "count": n,
                    "budget": _wan(budgets[k])} for k, n in sorted(stages.items())],
        "urgent": urgent,
        "findings": findings,
        "unreadable": [p for p in projects if p["load_error"]],
        "timeline": timeline([item(d) for d in open_by], today),
    }


def _wan(value: Decimal) -> str:
    from govproj.core.fields import format_money

    return format_money(value)


def timeline(items: list[dict[str, Any]], today: _dt.date) -> dict[str, Any]:
    """The SVG chart of the open deadlines: one row each (overdue first, then by date), a line for today."""
    chosen = sorted(items, key=lambda d: (d["status"] != "overdue", d["due"], d["project_path"], d["rule"]))
    shown, hidden = chosen[:TIMELINE_MAX], len(chosen) - min(len(chosen), TIMELINE_MAX)
    shown.sort(key=lambda d: (d["due"], d["project_path"], d["rule"]))
    left, right, top, row = 300, 24, 34, 20
    width = 1000
    height = top + row * max(1, len(shown)) + 16
    if not shown:
        return {"width": width, "height": 60, "rows": [], "ticks": [], "today_x": None, "hidden": 0, "top": top,
                "bottom": 44}
    start = min([d["due"] for d in shown] + [today]) - _dt.timedelta(days=7)
    end = max([d["due"] for d in shown] + [today]) + _dt.timedelta(days=7)
    span = max(1, (end - start).days)
    plot = width - left - right

    def x(day: _dt.date) -> float:
        return round(left + plot * (day - start).days / span, 1)

    ticks = []
    month = _dt.date(start.year, start.month, 1)
    step = max(1, round(span / 30 / 8))  # about eight labels whatever the span
    while month <= end:
        if month >= start:
            ticks.append({"x": x(month), "label": f"{month.year}-{month.month:02d}"})
        total = month.month - 1 + step
        month = _dt.date(month.year + total // 12, total % 12 + 1, 1)
    rows = []
    for index, d in enumerate(shown):
        y = top + row * index + row / 2
        tone = "overdue" if d["status"] == "overdue" else ("soon" if d["days_left"] is not None and d["days_left"] <= 30
                                                            else "later")
        label = f"{d['project_id']} · {d['what']}"
        rows.append({"y": y, "x": x(d["due"]), "label": label if len(label) <= 24 else label[:23] + "…",
                     "title": f"{d['project_id']}（{d['name']}）：{d['what']}，到期 {d['due_text']}，{d['status_zh']}",
                     "tone": tone, "bar_from": min(x(d["due"]), x(today)), "bar_to": max(x(d["due"]), x(today))})
    return {"width": width, "height": height, "rows": rows, "ticks": ticks, "today_x": x(today), "hidden": hidden,
            "top": top, "bottom": height - 8, "left": left}


def render_html(values: dict[str, Any]) -> str:
    import jinja2

    folder = Path(importlib.import_module("govproj.templates").__file__).parent
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(folder)), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    return env.get_template(TEMPLATE).render(**values)
