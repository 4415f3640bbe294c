"""`govproj workdays`: count Chinese working days (State Council schedule with 调休) from the command line."""
from __future__ import annotations

import re
import sys
from datetime import date, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Optional, TYPE_CHECKING

import typer

from govproj.commands import options as opt
from govproj.commands.options import command

if TYPE_CHECKING:  # the calendar module is imported only when the command runs
    from govproj.core.calendar import WorkCalendar

HELP = "按国务院放假安排（含调休）计算工作日"

DESCRIPTION = (
    "按国务院办公厅每年公布的放假安排计算工作日：法定节假日和周末不算，调休上班的周六、周日算。\n"
    "起算日当天不计入（民法典第201条）。\n\n"
    "第二个参数写 +N / -N：输出起算日之后（之前）第 N 个工作日的日期，即“N 个工作日内”的最后一天、\n"
    "或“至少提前 N 个工作日”的最晚日期；写一个日期：输出两个日期之间的工作日数（不含起始日，含结束日）。\n\n"
    "标准输出只有答案，便于脚本使用；估算年份的警告和 --verbose 的说明写到标准错误。\n"
    "日历数据：项目的 calendar.yaml → 仓库的 .govproj/calendar.yaml → ~/.config/govproj/calendar.yaml\n"
    "→ chinesecalendar 库 → 按《全国年节及纪念日放假办法》估算（会警告，并给出 calendar.yaml 的写法）。"
)

EPILOG = (
    "示例：\n"
    "  govproj workdays 2026-09-25 +20          # 20 个工作日后的日期（起算日不计入）\n"
    "  govproj workdays 2026-09-25 -15          # 往前数 15 个工作日的日期\n"
    "  govproj workdays 2026-09-25 2026-10-29   # 两个日期之间的工作日数\n"
    "  govproj workdays 2026-09-25 +20 --project projects/gis-upgrade   # 同时使用该项目的 calendar.yaml\n"
    "  govproj workdays today +20 --verbose     # 并说明跳过了哪些节假日、计入了哪些调休上班日"
)

_COUNT_RE = re.compile(r"^[+-]?\d+$")
_DATE_RES = (
    re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"),
    re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$"),
    re.compile(r"^(\d{4})\.(\d{1,2})\.(\d{1,2})$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日?$"),
)
_MAX_COUNT = 100_000  # about 400 years of working days: more is a typo, and would only walk through estimates
_DATE_HINT = "日期写成 YYYY-MM-DD，例如 2026-09-25（也可以写 today 或 今天）"


app = opt.app()


# "-15" is a count, not an option: unknown option-like words are taken as arguments (tests keep
# `govproj workdays 2026-09-25 -15` working)
@command(app, "workdays", help=DESCRIPTION, epilog=EPILOG, settings={"ignore_unknown_options": True})
def main(
    start: str = typer.Argument(..., metavar="起算日期", help="YYYY-MM-DD，也可以写 today / 今天", show_default=False),
    target: str = typer.Argument(..., metavar="+N|-N|结束日期",
                                 help="+N：之后第 N 个工作日；-N：之前第 N 个工作日；日期：两日之间的工作日数",
                                 show_default=False),
    project: Optional[Path] = typer.Option(None, "--project", metavar="项目",
                                           help="项目文件夹：先使用其中的 calendar.yaml，再找所在仓库的 .govproj/calendar.yaml"),
    verbose: bool = typer.Option(False, "-v", "--verbose",
                                 help="在标准错误上说明跳过的节假日、计入的调休上班日和日历来源"),
) -> int:
    return run(SimpleNamespace(start=start, target=target, project=project, verbose=verbose))


def parse_date_arg(text: str, what: str) -> date:
    """A date from the command line; raises UsageError with a Chinese hint."""
    from govproj.errors import UsageError

    value = text.strip()
    if value.lower() in ("today", "今天"):
        return date.today()
    for pattern in _DATE_RES:
        match = pattern.match(value)
        if match:
            try:
                return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
            except ValueError:
                raise UsageError(f"{what} `{text}` 不是存在的日期", hint="检查月份和该月的天数；" + _DATE_HINT) from None
    raise UsageError(f"{what} `{text}` 不是日期", hint=_DATE_HINT)


def run(args: SimpleNamespace) -> int:
    from govproj.core import calendar as wc
    from govproj.errors import UsageError

    start = parse_date_arg(args.start, "起算日期")
    target = args.target.strip()
    count: int | None = None
    end: date | None = None
    if _COUNT_RE.match(target):
        count = int(target)
        if abs(count) > _MAX_COUNT:
            raise UsageError(f"工作日数 {target} 太大", hint=f"最多 ±{_MAX_COUNT} 个工作日")
    else:
        end = parse_date_arg(target, "第二个参数")

    project = args.project
    if project is not None and not project.is_dir():
        raise UsageError(f"项目文件夹 `{project}` 不存在", hint="--project 写项目文件夹的路径（其中可放 calendar.yaml）")
    cal = wc.load_calendar(project)

    try:
        if count is not None:
            result_date = cal.add_workdays(start, count)
            print(result_date.isoformat())
            lo, hi = sorted((start, result_date))
        else:
            assert end is not None
            print(cal.workdays_between(start, end))
            lo, hi = sorted((start, end))
    except (OverflowError, ValueError):
        raise UsageError("结果超出可以表示的日期范围（公元 1—9999 年）", hint="检查日期和工作日数") from None
    sys.stdout.flush()  # the answer first, then any warning: keeps the order readable on a terminal

    estimated = cal.estimated_years(lo, hi)
    if estimated:
        sys.stderr.write(wc.estimate_notice(estimated) + "\n")
    if args.verbose:
        if count is not None:
            sys.stderr.write(_explain_count(cal, start, count, result_date) + "\n")
        else:
            sys.stderr.write(_explain_between(cal, start, end) + "\n")  # type: ignore[arg-type]
    return 0


# -- explanations (--verbose) -----------------------------------------------------------------------------------

def _fmt(d: date) -> str:
    from govproj.core.calendar import WEEKDAY_ZH

    return f"{d.isoformat()}（{WEEKDAY_ZH[d.weekday()]}）"


def _explain_count(cal: WorkCalendar, start: date, n: int, result: date) -> str:
    lines = ["说明："]
    if n == 0:
        lines.append(f"  N 为 0，结果就是起算日 {_fmt(start)}。")
        return "\n".join(lines)
    direction = "向后" if n > 0 else "向前"
    lines.append(f"  起算日 {_fmt(start)}当天不计入（民法典第201条），{direction}数 {abs(n)} 个工作日，"
                 f"第 {abs(n)} 个工作日是 {_fmt(result)}。")
    if n > 0:
        first, last = start + timedelta(days=1), result
    else:
        first, last = result, start - timedelta(days=1)
    lines.extend(_explain_range(cal, first, last))
    return "\n".join(lines)


def _explain_between(cal: WorkCalendar, a: date, b: date) -> str:
    lines = ["说明："]
    if a == b:
        lines.append("  两个日期相同，工作日数为 0。")
        return "\n".join(lines)
    lo, hi = sorted((a, b))
    lines.append(f"  统计 {_fmt(lo)} 之后（不含当天）到 {_fmt(hi)}（含当天）之间的工作日。")
    if b < a:
        lines.append("  结束日期早于起算日期，结果取负数。")
    lines.extend(_explain_range(cal, lo + timedelta(days=1), hi))
    return "\n".join(lines)


def _explain_range(cal: WorkCalendar, first: date, last: date) -> list[str]:
    """Holidays skipped (grouped into runs), plain weekends counted, 调休 days counted, calendar sources."""
    from govproj.core.calendar import ADJUSTED_WORKDAY, HOLIDAY, WEEKEND

    infos = []
    d = first
    while d <= last:
        infos.append(cal.day_info(d))
        d += timedelta(days=1)
    total = len(infos)
    worked = sum(1 for info in infos if info.is_workday)
    lines = [f"  区间 {first.isoformat()} 至 {last.isoformat()} 共 {total} 天：工作日 {worked} 天，休息日 {total - worked} 天。"]

    # Consecutive holiday days become one line, e.g. "2025-10-01 至 2025-10-08（8 天）国庆节、中秋节".
    runs: list[list] = []  # runs of consecutive DayInfo
    for info in infos:
        if info.kind != HOLIDAY:
            continue
        if runs and runs[-1][-1].day == info.day - timedelta(days=1):
            runs[-1].append(info)
        else:
            runs.append([info])
    if runs:
        lines.append("  跳过的节假日：")
        for run in runs:
            names: list[str] = []
            for info in run:
                for name in (info.name or "放假").split("、"):
                    if name not in names:
                        names.append(name)
            label = "、".join(names) + ("（估算）" if run[0].estimated else "")
            if len(run) == 1:
                lines.append(f"    {_fmt(run[0].day)} {label}")
            else:
                lines.append(f"    {run[0].day.isoformat()} 至 {run[-1].day.isoformat()}（{len(run)} 天）{label}")
    weekends = sum(1 for info in infos if info.kind == WEEKEND)
    if weekends:
        lines.append(f"  跳过的普通周末：{weekends} 天")
    adjusted = [info for info in infos if info.kind == ADJUSTED_WORKDAY]
    if adjusted:
        lines.append("  计入的调休上班日：")
        for info in adjusted:
            reason = f"（{info.name}）" if info.name else ""
            lines.append(f"    {_fmt(info.day)} 调休上班{reason}")
    lines.append("  日历来源：")
    for year in range(first.year, last.year + 1):
        lines.append(f"    {year} 年：{cal.source_of(year)}")
    return lines
