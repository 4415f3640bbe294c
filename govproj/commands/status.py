"""`govproj status`: the reviewer's overview of a folder of projects — jurisdiction, stage, next deadline, problems."""
from __future__ import annotations

import argparse
import json
import unicodedata
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from govproj.edges.batch import Outcome

HELP = "一览目录下全部项目：辖区、阶段、下一个期限、问题数"
DESCRIPTION = (
    "列出目录下（含子目录）的每一个项目：辖区、当前阶段、下一个未完成的期限（已逾期的标红）、按当前阶段检查的错误数和警告数。\n"
    "错误和警告与 `govproj check` 的结果相同，期限与 `govproj deadlines` 相同。\n"
    "项目多时使用全部 CPU 核并行，并按文件内容缓存结果：文件没变时第二次运行快得多（见 docs/performance.md）。\n"
    "在终端上运行较久时，标准错误上显示进度条；输出被重定向或在 CI 中时不显示。\n\n"
    "退出码：0 列出成功（有问题的项目也是 0，问题看表格）；2 用法错误。"
)
EPILOG = """示例：
  govproj status projects/                 # 表格
  govproj status projects/ --format json   # 机器格式，每个项目一条
  govproj status projects/ --today 2027-01-04
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from govproj.edges.batch import add_arguments as add_batch_arguments

    parser.add_argument("paths", nargs="*", default=["."], metavar="DIR",
                        help="包含项目的文件夹（默认当前文件夹），也可以是单个项目")
    parser.add_argument("--format", default="text", choices=["text", "json"], help="text 表格；json 稳定的机器格式")
    parser.add_argument("-o", "--output", help="写入文件而不是标准输出")
    add_batch_arguments(parser)


def run(args: argparse.Namespace) -> int:
    from govproj.edges.batch import run_over
    from govproj.commands.deadlines import emit, warn_estimates
    from govproj.core.deadlines import next_deadline

    outcomes = run_over(args.paths, args, label="汇总")
    rows = [row(o) for o in outcomes]
    shown = [next_deadline(o.deadlines) for o in outcomes]
    if args.format == "json":
        emit(lambda out, color: format_json(rows, out), args.output)
    else:
        emit(lambda out, color: format_text(rows, out, color), args.output)
    warn_estimates([d for d in shown if d is not None])
    return 0


def stage_name(jurisdiction: str, stage: str) -> str:
    from govproj.packs import get_pack

    try:
        return get_pack(jurisdiction).stage(stage).name
    except Exception:  # an unknown pack or stage (the check reports it): show the id alone
        return ""


def row(outcome: "Outcome") -> dict:
    """One project's line of the overview, as plain data (the JSON record; the table is drawn from it)."""
    from govproj.core.deadlines import OVERDUE, next_deadline
    from govproj.packs import PACK_NAMES

    r = outcome.result
    upcoming = next_deadline(outcome.deadlines)
    return {
        "path": r.project,
        "id": r.project_id,
        "name": outcome.name,
        "jurisdiction": r.jurisdiction,
        "jurisdiction_name": PACK_NAMES.get(r.jurisdiction, ""),
        "stage": r.stage,
        "stage_name": stage_name(r.jurisdiction, r.stage) if r.jurisdiction and r.stage else "",
        "errors": r.count("error"),
        "warnings": r.count("warning"),
        "infos": r.count("info"),
        "waived": r.waived,
        "overdue": sum(1 for d in outcome.deadlines if d.status == OVERDUE),
        "next_deadline": upcoming.to_json() if upcoming else None,
        "deadline_error": outcome.deadline_error,
        "load_error": r.error,
    }


def _summary(rows: list[dict]) -> dict:
    return {
        "projects": len(rows),
        "with_errors": sum(1 for r in rows if r["errors"]),
        "errors": sum(r["errors"] for r in rows),
        "warnings": sum(r["warnings"] for r in rows),
        "overdue": sum(r["overdue"] for r in rows),
        "unreadable": sum(1 for r in rows if r["load_error"]),
    }


def format_json(rows: list[dict], out: TextIO) -> None:
    from govproj import __version__

    first = next((r["next_deadline"] for r in rows if r["next_deadline"]), None)
    payload = {"version": 1, "tool": {"name": "govproj", "version": __version__},
               "today": first["today"] if first else None, "summary": _summary(rows), "projects": rows}
    json.dump(payload, out, ensure_ascii=False, indent=2)
    out.write("\n")


def width(text: str) -> int:
    """Columns a string takes on a terminal: CJK and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def clip(text: str, limit: int) -> str:
    if width(text) <= limit:
        return text
    out, used = "", 0
    for ch in text:
        w = width(ch)
        if used + w > limit - 1:
            break
        out, used = out + ch, used + w
    return out + "…"


def deadline_cell(record: dict | None) -> tuple[str, str]:
    """(text, colour) of the next-deadline column."""
    from govproj.commands.deadlines import left_text, tone
    from govproj.core.deadlines import Deadline

    if record is None:
        return "—", "dim"
    d = Deadline.from_json(record)
    estimate = "（估算）" if d.estimated else ""
    return f"{d.due.isoformat()}{estimate} {clip(d.what, 36)}  {left_text(d)}", tone(d)


def format_text(rows: list[dict], out: TextIO, color: bool) -> None:
    from govproj.edges.output import _COLORS

    def c(name: str, text: str) -> str:
        return f"{_COLORS[name]}{text}{_COLORS['reset']}" if color and name else text

    header = ("项目", "辖区", "阶段", "错误", "警告", "下一个期限")
    table: list[tuple[tuple[str, str], ...]] = []
    for r in rows:
        if r["load_error"]:
            table.append(((r["path"], "bold"), ("—", ""), ("—", ""), ("—", ""), ("—", ""),
                          (clip("无法读取：" + r["load_error"].splitlines()[0], 60), "error")))
            continue
        stage = f"{r['stage']} {r['stage_name']}".strip() or "—"
        table.append(((r["path"], "bold"), (r["jurisdiction_name"] or r["jurisdiction"], ""), (stage, ""),
                      (str(r["errors"]), "error" if r["errors"] else ""),
                      (str(r["warnings"]), "warning" if r["warnings"] else ""),
                      (clip("无法计算期限：" + r["deadline_error"], 60), "error") if r["deadline_error"]
                      else deadline_cell(r["next_deadline"])))
    widths = [max([width(h)] + [width(cells[i][0]) for cells in table]) for i, h in enumerate(header)]

    def line(cells: tuple[tuple[str, str], ...]) -> str:
        parts = []
        for i, (text, colour) in enumerate(cells):
            pad = "" if i == len(cells) - 1 else " " * (widths[i] - width(text))
            right = i in (3, 4)  # counts are right-aligned
            parts.append(pad + c(colour, text) if right else c(colour, text) + pad)
        return "  ".join(parts).rstrip()

    out.write(c("bold", line(tuple((h, "") for h in header))) + "\n")
    for cells in table:
        out.write(line(cells) + "\n")
    s = _summary(rows)
    text = (f"共 {s['projects']} 个项目：{s['with_errors']} 个有错误（错误 {s['errors']}，警告 {s['warnings']}），"
            f"逾期期限 {s['overdue']}")
    if s["unreadable"]:
        text += f"，无法读取 {s['unreadable']}"
    out.write(text + "\n")
