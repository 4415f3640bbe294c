"""`govproj deadlines`: every date the rules derive from recorded events, across many projects; text, JSON or iCalendar."""
from __future__ import annotations

import hashlib
import json
import re
import sys
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Callable, List, Optional, TYPE_CHECKING, TextIO

import typer

from govproj.commands import options as opt
from govproj.commands.options import command

if TYPE_CHECKING:
    from govproj.edges.batch import Outcome
    from govproj.core.deadlines import Deadline

HELP = "列出由已记录事件推出的到期日和逾期事项"
DESCRIPTION = (
    "对每个项目，列出规则由已记录的事件推出的每一个日期：应办什么、最晚哪天（或最早哪天）、依据哪一条、还剩几个工作日；\n"
    "逾期的在终端上标红。与 `govproj check` 用同一份期限声明计算，两者不会不一致。\n"
    "工作日按国务院放假安排（含调休）计算，起算日当天不计入；没有官方安排的年份按法定节假日估算，并给出警告。\n"
    "各条款的计算口径和算例见 docs/deadlines.md。\n\n"
    "已进入某条规则全部适用阶段之后的期限（已成历史）不再列出。"
)
EPILOG = """示例：
  govproj deadlines projects/                       # 全部项目的全部期限
  govproj deadlines projects/ --within 30d          # 30 天内到期的和已逾期的（未完成的）
  govproj deadlines projects/ --within 10wd         # 10 个工作日内到期的和已逾期的
  govproj deadlines projects/ --format json
  govproj deadlines projects/ --format ics -o 期限.ics   # 导入日历应用（Outlook、苹果日历、钉钉、飞书等）
"""

_WITHIN_RE = re.compile(r"^\s*(\d+)\s*(d|天|日|w|周|wd|工作日)?\s*$", re.I)


app = opt.app()


@command(app, "deadlines", help=DESCRIPTION, epilog=EPILOG)
def main(
    paths: Optional[List[str]] = opt.paths(),
    within: Optional[str] = typer.Option(None, "--within", metavar="期间",
                                         help="只列未完成、且在这段时间内到期或已逾期的：30d（天）、4w（周）、10wd（工作日）"),
    format: str = opt.fmt("text", "text", "json", "ics",
                          help="text 按项目列出；json 稳定的机器格式；ics iCalendar 日历文件（RFC 5545）"),
    output: Optional[str] = opt.output(),
    today: Optional[str] = opt.today(),
    no_cache: bool = opt.no_cache(),
    jobs: int = opt.jobs(),
) -> int:
    return run(SimpleNamespace(paths=paths or ["."], within=within, format=format, output=output, today=today,
                               no_cache=no_cache, jobs=jobs))


def parse_within(text: str | None) -> tuple[int, str] | None:
    """(amount, "days" | "workdays") from 30d / 30 / 4w / 10wd, or None."""
    from govproj.errors import UsageError

    if text is None:
        return None
    match = _WITHIN_RE.match(text)
    if not match:
        raise UsageError(f"--within 的值“{text}”看不懂", hint="写成 30d（30 天）、4w（4 周）或 10wd（10 个工作日）")
    amount, unit = int(match.group(1)), (match.group(2) or "d").lower()
    if unit in ("w", "周"):
        return amount * 7, "days"
    if unit in ("wd", "工作日"):
        return amount, "workdays"
    return amount, "days"


def selected(deadline: "Deadline", within: tuple[int, str] | None) -> bool:
    """--within keeps open deadlines whose date is no further away than the window (overdue ones included)."""
    from govproj.core.deadlines import BY, DONE, PENDING

    if within is None:
        return True
    if deadline.status in (DONE, PENDING) or deadline.bound != BY:
        return False
    amount, unit = within
    left = deadline.workdays_left if unit == "workdays" else deadline.days_left
    return left is not None and left <= amount


def run(args: SimpleNamespace) -> int:
    from govproj.edges.batch import run_over

    within = parse_within(args.within)
    outcomes = run_over(args.paths, args, label="计算期限")
    rows = [(o, [d for d in o.deadlines if selected(d, within)]) for o in outcomes]
    write: Callable[[TextIO, bool], None]
    if args.format == "json":
        def write(out: TextIO, color: bool) -> None:
            format_json(rows, out, args.within)
    elif args.format == "ics":
        def write(out: TextIO, color: bool) -> None:
            out.write(to_ics([d for _, ds in rows for d in ds], {o.result.project_id: o.name for o in outcomes}))
    else:
        def write(out: TextIO, color: bool) -> None:
            format_text(rows, out, color)
    emit(write, args.output, binary=args.format == "ics")
    warn_estimates([d for _, ds in rows for d in ds])
    return 2 if any(o.result.error or o.deadline_error for o in outcomes) else 0


def warn_estimates(deadlines: list["Deadline"]) -> None:
    """The calendar's warning on stderr, once per run and short, when a listed date or count rests on an estimated
    year (`govproj workdays` into that year prints the whole notice with a calendar.yaml example)."""
    years = sorted({y for d in deadlines for y in d.estimated})
    if years:
        from govproj.core.calendar import estimate_notice

        sys.stderr.write(estimate_notice(years, example=False) + "\n")


def emit(write: Callable[[TextIO, bool], None], output: str | None, *, binary: bool = False) -> None:
    """Write to stdout (coloured on a terminal) or atomically to a file; `binary`: the text's CRLFs go out as
    they are (atomic_write does not translate newlines; stdout may, so it gets bytes)."""
    import io

    from govproj.edges.output import use_color

    if output:
        from govproj.edges.yamlio import atomic_write

        buffer = io.StringIO(newline="")
        write(buffer, False)
        atomic_write(Path(output), buffer.getvalue())
        return
    raw = getattr(sys.stdout, "buffer", None)
    if binary and raw is not None:
        text = io.StringIO(newline="")
        write(text, False)
        sys.stdout.flush()
        raw.write(text.getvalue().encode("utf-8"))
        raw.flush()
        return
    write(sys.stdout, use_color(sys.stdout))


# ---- words -----------------------------------------------------------------------------------------------------------

def left_text(d: "Deadline") -> str:
    """How the deadline stands today, in a few words: 还有 3 个工作日 / 已逾期 5 个工作日（7 天）/ 已完成 …"""
    from govproj.core.deadlines import BY, DONE, OVERDUE, PENDING

    if d.status == PENDING:
        return f"未到期：{d.event}尚未发生"
    if d.status == DONE:
        assert d.done_on is not None
        if d.on_time:
            return f"已完成（{d.done_on.isoformat()}）"
        if d.bound != BY:
            return f"{d.done_on.isoformat()} 办理，早于最早日期"
        if d.opens is not None and d.done_on < d.opens:
            return f"{d.done_on.isoformat()} 办理，早于 {d.opens.isoformat()}，不算数"
        return f"{d.done_on.isoformat()} 完成，已逾期"
    assert d.workdays_left is not None and d.days_left is not None
    if d.bound != BY:
        if d.days_left > 0:
            return f"还需等 {d.days_left} 天（{d.workdays_left} 个工作日）"
        return "已可办理"
    if d.status == OVERDUE:
        late = -d.workdays_left
        return f"已逾期 {late} 个工作日（{-d.days_left} 天）" if late else f"已逾期 {-d.days_left} 天"
    if d.days_left == 0:
        return "今天截止"
    return f"还有 {d.workdays_left} 个工作日（{d.days_left} 天）"


def bound_text(d: "Deadline") -> str:
    from govproj.core.deadlines import BY

    return "截止" if d.bound == BY else "最早"


def tone(d: "Deadline") -> str:
    """The colour of a deadline: red when late, yellow when close, dim when done."""
    from govproj.core.deadlines import BY, DONE, PENDING

    if d.late:
        return "error"
    if d.status in (DONE, PENDING):
        return "dim"
    if d.bound == BY and d.workdays_left is not None and d.workdays_left <= 5:
        return "warning"
    return ""


def _origin(d: "Deadline") -> str:
    if d.planned:
        return f"{d.event}尚未记录，按计划日期 {d.planned.isoformat()} 推算"
    if d.assumed:
        return f"{d.event}尚未记录，日期按今天推算（可在 settings.{d.code} 写计划日期），只作提示"
    if d.event_date and d.event_date > d.today:
        return f"自{d.event} {d.event_date.isoformat()}（尚未到来）"
    when = d.event_date.isoformat() if d.event_date else ""
    return f"自{d.event} {when}".rstrip() if d.event_date else f"按{d.event}"


STYLES = {"error": "red", "warning": "yellow", "dim": "dim", "bold": "bold", "": ""}


def format_rich(rows: list[tuple["Outcome", list["Deadline"]]], out: TextIO) -> None:
    """On a terminal: one table a project, late rows red, close ones yellow, done ones dim."""
    from govproj.core.calendar import WEEKDAY_ZH
    from govproj.edges import term

    for outcome, deadlines in rows:
        r = outcome.result
        if r.error or outcome.deadline_error:
            problem = f"无法读取：{r.error}" if r.error else f"无法计算期限：{outcome.deadline_error}"
            term.console(out).print(term.text(r.project, "bold"))
            term.console(out).print(term.text(f"  {problem}", "red"))
            continue
        if not deadlines:
            continue
        title = f"{r.project}（{'、'.join(x for x in (r.project_id, outcome.name) if x)}）"
        body = []
        for d in deadlines:
            estimate = "（估算）" if d.estimated else ""
            about = term.text(d.what, "bold")
            about.append(f"\n{d.term}，{_origin(d)}（{d.file}:{d.line}）\n依据：{d.article}（{d.code}）", "dim")
            body.append((f"{bound_text(d)} {d.due.isoformat()}（{WEEKDAY_ZH[d.due.weekday()]}）{estimate}",
                         left_text(d), about))
        term.table(out, ("日期", "状况", "事项、期限和依据"), body, title=title,
                   row_styles=[STYLES[tone(d)] for d in deadlines], no_wrap=(0, 1))
    out.write(_total_line(rows) + "\n")


def _total_line(rows: list[tuple["Outcome", list["Deadline"]]]) -> str:
    from govproj.core.deadlines import DONE, OVERDUE, PENDING

    every = [d for _, ds in rows for d in ds]
    overdue = sum(1 for d in every if d.status == OVERDUE)
    done = sum(1 for d in every if d.status == DONE)
    pending = sum(1 for d in every if d.status == PENDING)
    line = (f"共 {len(rows)} 个项目、{len(every)} 个期限：已逾期 {overdue}，待办 {len(every) - overdue - done - pending}，"
            f"已完成 {done}" + (f"，未到期 {pending}" if pending else ""))
    unreadable = sum(1 for o, _ in rows if o.result.error)
    return line + (f"，无法读取 {unreadable}" if unreadable else "")


def format_text(rows: list[tuple["Outcome", list["Deadline"]]], out: TextIO, color: bool) -> None:
    from govproj.core.calendar import WEEKDAY_ZH

    if color:
        format_rich(rows, out)
        return

    def c(name: str, text: str) -> str:  # plain text from here on: byte-stable for CI logs, pipes and files
        return text

    shown = 0
    for outcome, deadlines in rows:
        r = outcome.result
        if r.error or outcome.deadline_error:
            problem = f"无法读取：{r.error}" if r.error else f"无法计算期限：{outcome.deadline_error}"
            out.write(c("bold", r.project) + "\n" + c("error", f"  {problem}") + "\n\n")
            continue
        if not deadlines:
            continue
        shown += 1
        title = "、".join(x for x in (r.project_id, outcome.name) if x)
        out.write(c("bold", r.project) + c("dim", f"（{title}）") + "\n")
        for d in deadlines:
            weekday = WEEKDAY_ZH[d.due.weekday()]
            estimate = "（估算）" if d.estimated else ""
            head = f"{bound_text(d)} {d.due.isoformat()}（{weekday}）{estimate}"
            out.write(f"  {c(tone(d), head)}  {c(tone(d), left_text(d))}  {c('bold', d.what)}\n")
            extension = f"；延期至 {d.extension.isoformat()}" if d.extension and d.due == d.extension else ""
            out.write(c("dim", f"      {d.term}，{_origin(d)}（{d.file}:{d.line}）{extension}") + "\n")
            out.write(c("dim", f"      依据：{d.article}（{d.code}）") + "\n")
        out.write("\n")
    out.write(_total_line(rows) + "\n")


def format_json(rows: list[tuple["Outcome", list["Deadline"]]], out: TextIO, within: str | None) -> None:
    from govproj import __version__
    from govproj.core.deadlines import DONE, OVERDUE, PENDING

    every = [d for _, ds in rows for d in ds]
    today = every[0].today.isoformat() if every else None
    payload = {
        "version": 1,
        "tool": {"name": "govproj", "version": __version__},
        "today": today,
        "within": within,
        "summary": {"projects": len(rows), "deadlines": len(every),
                    "overdue": sum(1 for d in every if d.status == OVERDUE),
                    "done": sum(1 for d in every if d.status == DONE),
                    "pending": sum(1 for d in every if d.status == PENDING),
                    "unreadable": sum(1 for o, _ in rows if o.result.error)},
        "projects": [{"path": o.result.project, "id": o.result.project_id, "name": o.name,
                      "jurisdiction": o.result.jurisdiction, "load_error": o.result.error,
                      "deadline_error": o.deadline_error, "deadlines": [d.to_json() for d in ds]} for o, ds in rows],
    }
    json.dump(payload, out, ensure_ascii=False, indent=2)
    out.write("\n")


# ---- iCalendar (RFC 5545) -------------------------------------------------------------------------------------------

def ics_escape(text: str) -> str:
    """TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon, comma, newline."""
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n") \
        .replace("\n", "\\n")


def fold(line: str) -> str:
    """Fold a content line into pieces of at most 75 octets (RFC 5545 §3.1), never inside a UTF-8 character."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts: list[str] = []
    start, limit = 0, 75
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:  # a continuation byte: step back to a boundary
            end -= 1
        parts.append(data[start:end].decode("utf-8"))
        start, limit = end, 74  # continuation lines begin with one space
    return "\r\n ".join(parts)


def uid(d: "Deadline") -> str:
    """Stable per project and deadline: the same deadline keeps its UID when re-exported, so apps update it."""
    digest = hashlib.sha256(f"{d.project_id}|{d.key}".encode("utf-8")).hexdigest()[:32]
    return f"{digest}@govproj"


def to_ics(deadlines: list["Deadline"], names: dict[str, str]) -> str:
    """A VCALENDAR of all-day events, one per deadline. Deterministic: the same data gives the same bytes
    (DTSTAMP is taken from the data — the latest date the deadline depends on — never from the clock)."""
    from govproj import __version__
    from govproj.core.deadlines import BY, DONE

    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:-//govproj//govproj {__version__}//ZH-CN",
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:" + ics_escape("govproj 项目期限"),
             "X-WR-TIMEZONE:Asia/Shanghai"]
    for d in sorted(deadlines, key=lambda x: (x.due, x.project, x.code, x.subject)):
        stamp = max(x for x in (d.event_date, d.done_on, d.base_due, d.extension) if x is not None)
        end = d.due + timedelta(days=1)  # DTEND of an all-day event is exclusive
        prefix = {"overdue": "【已逾期】", "done": "【已完成】"}.get(d.status, "")
        if d.bound != BY and d.status != DONE:
            prefix = "【最早可办】"
        name = names.get(d.project_id, "")
        summary = f"{prefix}{d.what}" + (f" — {name}" if name else f" — {d.project_id}")
        description = "\n".join([
            f"项目：{d.project_id} {name}".rstrip(),
            f"文件夹：{d.project}",
            f"{bound_text(d)}：{d.due.isoformat()}（{d.term}）",
            f"状态：{left_text(d)}（按 {d.today.isoformat()} 计算）",
            f"起算：{_origin(d)}（{d.file}:{d.line}）",
            f"依据：{d.article}（规则 {d.code}）",
        ] + ([f"注意：{'、'.join(map(str, d.estimated))} 年放假安排按估算"] if d.estimated else []))
        lines += [
            "BEGIN:VEVENT",
            f"UID:{uid(d)}",
            f"DTSTAMP:{stamp.strftime('%Y%m%d')}T000000Z",
            f"DTSTART;VALUE=DATE:{d.due.strftime('%Y%m%d')}",
            f"DTEND;VALUE=DATE:{end.strftime('%Y%m%d')}",
            "SUMMARY:" + ics_escape(summary),
            "DESCRIPTION:" + ics_escape(description),
            "CATEGORIES:" + ",".join(ics_escape(x) for x in ("govproj", d.jurisdiction, d.code) if x),
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
