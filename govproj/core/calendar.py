"""Chinese working-day calendar (国务院放假安排 + 调休) and 民法典 第201–203条 period arithmetic."""
from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, Iterable, NamedTuple, Sequence

from govproj.core.places import calendar_files
from govproj.core.periods import add_months, last_day  # noqa: F401  民法典 201–203, one reading for every pack

# Nothing heavy is imported here: this module sits on the hot `check` path of a pre-commit hook.
# chinese_calendar (a ~1,000-line table), lunardate and PyYAML are imported inside the functions that need them.

WEEKDAY_ZH = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")

# Kinds of day returned by WorkCalendar.day_info().
WORKDAY = "workday"          # an ordinary Monday–Friday
ADJUSTED_WORKDAY = "adjusted_workday"  # 调休上班的周六、周日
WEEKEND = "weekend"          # an ordinary Saturday/Sunday
HOLIDAY = "holiday"          # 放假日 of the State Council schedule (or the estimate), weekday or weekend

ESTIMATE_SOURCE = "估算（《全国年节及纪念日放假办法》2024年修订：只含法定节日当天和周末，无调休、无补休）"


# --------------------------------------------------------------------------------------------------------------
# Pure date arithmetic (民法典 第202条)
# --------------------------------------------------------------------------------------------------------------

def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_in_month(year: int, month: int) -> int:
    # Not the stdlib `calendar` module: this file is itself named calendar.py, and if govproj/ ever ends up on
    # sys.path (running a module of the package as a script) `import calendar` would find this file instead.
    if month == 2:
        return 29 if _is_leap(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def end_of_month(year: int, month: int) -> date:
    """Last day of a month, e.g. for "5月底前" deadlines."""
    return date(year, month, _days_in_month(year, month))


def add_years(d: date, years: int) -> date:
    """`d` plus whole years per 民法典 第202条: 2024-02-29 + 1 year = 2025-02-28 (no 29 Feb: end of month)."""
    return add_months(d, 12 * years)


# --------------------------------------------------------------------------------------------------------------
# Data model
# --------------------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class YearSchedule:
    """The complete schedule of one year: days not listed are weekday = work, weekend = off.

    `holidays` are the days off of the schedule (weekends inside a holiday block may be listed or not; either way
    they are off). `workdays` are weekends that are worked (调休上班). `names` labels days for explanations.
    """

    year: int
    holidays: frozenset[date]
    workdays: frozenset[date]
    source: str
    estimated: bool = False
    names: tuple[tuple[date, str], ...] = ()
    file: Path | None = None

    @cached_property
    def _table(self) -> _YearTable:
        # cached_property writes the instance __dict__ directly, so it works on a frozen dataclass; the table is
        # built once per year and then every is_workday() is one dict lookup plus one bytes index.
        return _YearTable.build(self)

    @cached_property
    def name_map(self) -> dict[date, str]:
        return dict(self.names)


class _YearTable(NamedTuple):  # NamedTuple: a tenth of a frozen dataclass's cost to define, on every check
    first: int                 # ordinal of 1 January
    flags: bytes               # flags[i] == 1 if day first+i is a working day
    cum: tuple[int, ...]       # cum[k] = working days among the first k days of the year (len = days + 1)

    @classmethod
    def build(cls, schedule: YearSchedule) -> _YearTable:
        first = date(schedule.year, 1, 1).toordinal()
        ndays = 366 if _is_leap(schedule.year) else 365
        holidays = {d.toordinal() - first for d in schedule.holidays}
        workdays = {d.toordinal() - first for d in schedule.workdays}
        weekday0 = date(schedule.year, 1, 1).weekday()
        flags = bytearray(ndays)
        cum = [0] * (ndays + 1)
        for i in range(ndays):
            if i in workdays:
                work = True
            elif i in holidays:
                work = False
            else:
                work = (weekday0 + i) % 7 < 5
            flags[i] = 1 if work else 0
            cum[i + 1] = cum[i] + flags[i]
        return cls(first, bytes(flags), tuple(cum))


class DayInfo(NamedTuple):
    """What one day is, for explanations (`govproj workdays --verbose`)."""

    day: date
    is_workday: bool
    kind: str                 # WORKDAY, ADJUSTED_WORKDAY, WEEKEND or HOLIDAY
    name: str | None          # holiday name where known (for ADJUSTED_WORKDAY: the holiday it makes up for)
    estimated: bool

    @property
    def weekday_zh(self) -> str:
        return WEEKDAY_ZH[self.day.weekday()]


@dataclass(frozen=True)
class WorkCalendar:
    """Working days: user-supplied years first (in lookup order), then chinese_calendar, then the estimate.

    `WorkCalendar()` alone uses the library and the estimate; `load_calendar()` adds the user's calendar.yaml files.
    """

    user_years: tuple[YearSchedule, ...] = ()
    files: tuple[Path, ...] = ()       # calendar.yaml files that were read, in lookup order (for messages)
    _by_year: dict[int, YearSchedule] = field(init=False, repr=False, compare=False, hash=False)
    _tables: dict[int, _YearTable] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        by_year: dict[int, YearSchedule] = {}
        for schedule in self.user_years:
            by_year.setdefault(schedule.year, schedule)  # first in lookup order wins
        object.__setattr__(self, "_by_year", by_year)
        # year -> table; is_workday() runs many thousands of times per `check`, so keep it to one dict lookup.
        object.__setattr__(self, "_tables", {})

    # -- per-year data ------------------------------------------------------------------------------------------

    def schedule(self, year: int) -> YearSchedule:
        """The schedule used for `year`: user file, library or estimate."""
        found = self._by_year.get(year)
        return found if found is not None else _builtin_schedule(year)

    def _table(self, year: int) -> _YearTable:
        table = self._tables.get(year)
        if table is None:
            table = self._tables[year] = self.schedule(year)._table
        return table

    def source_of(self, year: int) -> str:
        """Where `year` comes from: "用户日历 <path>（<source>）", "chinesecalendar 1.11.0" or "估算（…）"."""
        return self.schedule(year).source

    def is_estimated(self, year: int) -> bool:
        return self.schedule(year).estimated

    def estimated_years(self, start: date, end: date) -> tuple[int, ...]:
        """Years in the closed range [start, end] (either order) that only have the estimate."""
        lo, hi = sorted((start.year, end.year))
        return tuple(y for y in range(lo, hi + 1) if self.schedule(y).estimated)

    # -- days ---------------------------------------------------------------------------------------------------

    def is_workday(self, d: date) -> bool:
        table = self._tables.get(d.year) or self._table(d.year)
        return table.flags[d.toordinal() - table.first] == 1

    def day_info(self, d: date) -> DayInfo:
        schedule = self.schedule(d.year)
        work = self.is_workday(d)
        weekend = d.weekday() >= 5
        name = schedule.name_map.get(d)
        if work:
            kind = ADJUSTED_WORKDAY if weekend else WORKDAY
            if kind == WORKDAY:
                name = None
        elif d in schedule.holidays:
            kind = HOLIDAY
        else:
            kind = WEEKEND
            name = None
        return DayInfo(d, work, kind, name, schedule.estimated)

    def add_workdays(self, start: date, n: int) -> date:
        """The n-th working day after `start` (n > 0) or before it (n < 0); `start` itself is never counted.

        "自…之日起 N 个工作日内" → add_workdays(event, N) is the last day (民法典 第201条: start day not counted).
        "不低于/至少提前 N 个工作日" before a date → add_workdays(date, -N). n == 0 returns `start` unchanged.
        """
        if n == 0:
            return start
        remaining = abs(n)
        year = start.year
        table = self._table(year)
        i = start.toordinal() - table.first
        if n > 0:
            while True:
                after = table.cum[-1] - table.cum[i + 1]  # working days after day i in this year
                if remaining <= after:
                    j = bisect.bisect_left(table.cum, table.cum[i + 1] + remaining) - 1
                    return date.fromordinal(table.first + j)
                remaining -= after
                year += 1
                table = self._table(year)
                i = -1  # "the day before 1 January"
        while True:
            before = table.cum[i]  # working days before day i in this year
            if remaining <= before:
                j = bisect.bisect_right(table.cum, before - remaining) - 1
                return date.fromordinal(table.first + j)
            remaining -= before
            year -= 1
            table = self._table(year)
            i = len(table.flags)  # "the day after 31 December"

    def workdays_between(self, a: date, b: date) -> int:
        """Number of working days d with a < d <= b; negative (−count of b < d <= a) when b < a."""
        if b < a:
            return -self.workdays_between(b, a)
        if a == b:
            return 0
        ta = self._table(a.year)
        count = -ta.cum[a.toordinal() - ta.first + 1]
        for year in range(a.year, b.year):
            count += self._table(year).cum[-1]
        tb = self._table(b.year)
        return count + tb.cum[b.toordinal() - tb.first + 1]

    def next_workday(self, d: date) -> date:
        """`d` itself if it is a working day, else the first working day after it."""
        while not self.is_workday(d):
            d += timedelta(days=1)
        return d

    def period_end(self, start: date, *, years: int = 0, months: int = 0, days: int = 0) -> date:
        """Last day of a period of years/months/days counted from `start` (民法典 第201–203条).

        201: the start day is not counted (so "10 日" from 3 May ends 13 May). 202: for years/months the end is the
        corresponding day of the end month, or that month's last day. 203: if the last day is a 法定休假日 (a
        statutory holiday or a rest day, which includes weekends not worked by 调休), the period ends on the next
        working day. Years and months are applied first, then days.
        """
        if years < 0 or months < 0 or days < 0:
            raise ValueError("period_end() counts forward: years, months and days must be >= 0")
        if years == months == days == 0:
            raise ValueError("period_end() needs a non-empty period")
        return last_day(start, self, years=years, months=months, days=days)


# --------------------------------------------------------------------------------------------------------------
# Built-in years: chinese_calendar, else the estimate
# --------------------------------------------------------------------------------------------------------------

# Normalise the library's names to those of 《全国年节及纪念日放假办法》.
_NAME_ZH = {"清明": "清明节", "端午": "端午节", "中秋": "中秋节"}


@lru_cache(maxsize=None)
def _builtin_schedule(year: int) -> YearSchedule:
    # Cached per process: the library and the estimate are the same for every project, so 1,000 projects share
    # one table per year.
    return _library_schedule(year) or _estimate_schedule(year)


def _library_schedule(year: int) -> YearSchedule | None:
    try:
        import chinese_calendar
    except ImportError:  # a declared dependency, but a broken install should degrade to the estimate, not crash
        return None
    try:
        # The library raises NotImplementedError for years outside its data; ask it instead of hard-coding its range.
        chinese_calendar.is_workday(date(year, 1, 1))
    except NotImplementedError:
        return None
    except (ValueError, OverflowError):
        return None

    def zh(english: str) -> str:
        try:
            chinese = chinese_calendar.Holiday(english).chinese
        except ValueError:
            return english
        return _NAME_ZH.get(chinese, chinese)

    holidays = {d: zh(n) for d, n in chinese_calendar.holidays.items() if d.year == year}
    workdays = {d: zh(n) for d, n in chinese_calendar.workdays.items() if d.year == year}
    version = getattr(chinese_calendar, "__version__", "")
    return YearSchedule(
        year=year,
        holidays=frozenset(holidays),
        workdays=frozenset(workdays),
        source=f"chinesecalendar {version}".strip(),
        names=tuple(sorted({**holidays, **workdays}.items())),
    )


def statutory_holidays(year: int) -> dict[date, str]:
    """Statutory holiday days of `year` per 《全国年节及纪念日放假办法》(2024 revision, in force 2025-01-01).

    元旦 1 day, 春节 4 days (除夕 and 正月初一至初三), 清明节 1, 劳动节 2 (May 1–2), 端午节 1, 中秋节 1, 国庆节 3
    (Oct 1–3). Lunar festivals need `lunardate`, which covers lunar years 1900–2099; outside it they are omitted.
    """
    days: dict[date, list[str]] = {}

    def add(d: date, name: str) -> None:
        names = days.setdefault(d, [])
        if name not in names:
            names.append(name)

    add(date(year, 1, 1), "元旦")
    add(qingming(year), "清明节")
    for day in (1, 2):
        add(date(year, 5, day), "劳动节")
    for day in (1, 2, 3):
        add(date(year, 10, day), "国庆节")
    lunar = _lunar_festivals(year)
    if lunar is not None:
        new_year, duanwu, zhongqiu = lunar
        # 除夕 is simply the day before 正月初一: the 12th lunar month has 29 or 30 days, so never count "腊月三十".
        for offset in (-1, 0, 1, 2):
            add(new_year + timedelta(days=offset), "春节")
        add(duanwu, "端午节")
        add(zhongqiu, "中秋节")
    return {d: "、".join(names) for d, names in sorted(days.items())}


def _lunar_festivals(year: int) -> tuple[date, date, date] | None:
    """(正月初一, 五月初五, 八月十五) of lunar year `year` in the Gregorian calendar, or None if unknown."""
    try:
        from lunardate import LunarDate
    except ImportError:
        return None

    def solar(month: int, day: int) -> date:
        lunar = LunarDate(year, month, day)  # the regular (non-leap) month: festivals are never in a leap month
        convert = getattr(lunar, "to_solar_date", None) or lunar.toSolarDate  # lunardate < 0.3 has only toSolarDate
        return convert()

    try:
        return solar(1, 1), solar(5, 5), solar(8, 15)
    except ValueError:  # outside lunardate's table (lunar years 1900–2099)
        return None


def _estimate_schedule(year: int) -> YearSchedule:
    holidays = statutory_holidays(year)
    source = ESTIMATE_SOURCE
    if _lunar_festivals(year) is None:
        source = "估算（缺农历数据：未含春节、端午节、中秋节；只含公历法定节日和周末）"
    return YearSchedule(year=year, holidays=frozenset(holidays), workdays=frozenset(), source=source,
                        estimated=True, names=tuple(holidays.items()))


def estimate_notice(years: Sequence[int], *, example: bool = True) -> str:
    """The Chinese warning callers print when a result depends on estimated years (one message for all of them).

    `example=False` (status, deadlines: printed on every run over a portfolio): two lines, pointing to
    `govproj workdays`, which prints the whole notice with a calendar.yaml example."""
    listed = "、".join(f"{y} 年" for y in years)
    first = years[0] if years else date.today().year + 1
    if not example:
        return (
            f"警告：{listed}的放假安排没有官方数据，按法定节日和周末估算（没有调休、补休），正式安排公布后可能变化。\n"
            "  处理办法：公布后升级 chinesecalendar（pip install -U chinesecalendar），或把通知写进 calendar.yaml；"
            f"格式和示例：govproj workdays {first}-01-01 +1"
        )
    return (
        f"警告：{listed}的放假安排没有官方数据，结果按《全国年节及纪念日放假办法》估算"
        "（只算法定节日当天和周末，没有调休、补休），正式安排公布后可能变化。\n"
        "  处理办法：国务院办公厅通常在上一年 11—12 月公布放假安排。公布后升级 chinesecalendar"
        "（pip install -U chinesecalendar），或把通知写进 calendar.yaml"
        "（项目文件夹、仓库的 .govproj/ 或 ~/.config/govproj/ 下），格式如下：\n"
        + calendar_example(first)
    )


def calendar_example(year: int) -> str:
    """A calendar.yaml for `year` in the shape of a State Council notice (valid as it stands: a test loads it)."""
    worked = date(year, 10, 8)
    while worked.weekday() < 5:  # the example must itself be valid: workdays are Saturdays or Sundays
        worked += timedelta(days=1)
    return (
        "    years:   # 以下日期只是格式示例，按通知原文填写\n"
        f"      {year}:\n"
        f"        source: \"国办发明电〔{year - 1}〕N号\"\n"
        "        holidays:\n"
        f"          - {year}-01-01\n"
        f"          - {{from: {year}-10-01, to: {year}-10-07, name: 国庆节}}\n"
        "        workdays:   # 调休上班的周六、周日\n"
        f"          - {worked.isoformat()}"
    )


# --------------------------------------------------------------------------------------------------------------
# 清明: the day (Beijing time) the Sun's apparent ecliptic longitude reaches 15°
# --------------------------------------------------------------------------------------------------------------
#
# Why astronomy rather than the popular 寿星公式 [Y*0.2422 + C] − [Y/4]: that formula needs per-century constants
# and a correction table, and it is wrong for 2100 (Y = year % 100 restarts at 0, so 2100 gets 2000's 4 April,
# although 2100, unlike 2000, is not a leap year; the term falls at about 00:40 on 5 April Beijing time). Method (Meeus, *Astronomical Algorithms*, 2nd ed., ch. 25 "higher
# accuracy" and Appendix III; the same truncated VSOP87 series as NREL SPA, Reda & Andreas 2004):
#   heliocentric longitude of the Earth from the truncated VSOP87D L0–L5 series, + 180°, FK5 correction
#   −0.09033″, nutation in longitude (4 main terms, ±0.5″), aberration −20.4898″; solve λ = 15° by Newton's
#   method in TT; convert to UT with ΔT (Espenak & Meeus polynomials) and to Beijing time (UTC+8).
# Accuracy is about 1″ in longitude, i.e. well under a minute of time. For 1990–2100 the closest call is 2071
# (about 00:10 on 5 April), far outside that error; tests check every year against chinese_calendar.

_VSOP_L0 = (
    (175347046, 0, 0), (3341656, 4.6692568, 6283.07585), (34894, 4.6261, 12566.1517),
    (3497, 2.7441, 5753.3849), (3418, 2.8289, 3.5231), (3136, 3.6277, 77713.7715),
    (2676, 4.4181, 7860.4194), (2343, 6.1352, 3930.2097), (1324, 0.7425, 11506.7698),
    (1273, 2.0371, 529.691), (1199, 1.1096, 1577.3435), (990, 5.233, 5884.927),
    (902, 2.045, 26.298), (857, 3.508, 398.149), (780, 1.179, 5223.694), (753, 2.533, 5507.553),
    (505, 4.583, 18849.228), (492, 4.205, 775.523), (357, 2.92, 0.067), (317, 5.849, 11790.629),
    (284, 1.899, 796.298), (271, 0.315, 10977.079), (243, 0.345, 5486.778), (206, 4.806, 2544.314),
    (205, 1.869, 5573.143), (202, 2.458, 6069.777), (156, 0.833, 213.299), (132, 3.411, 2942.463),
    (126, 1.083, 20.775), (115, 0.645, 0.98), (103, 0.636, 4694.003), (102, 0.976, 15720.839),
    (102, 4.267, 7.114), (99, 6.21, 2146.17), (98, 0.68, 155.42), (86, 5.98, 161000.69),
    (85, 1.3, 6275.96), (85, 3.67, 71430.7), (80, 1.81, 17260.15), (79, 3.04, 12036.46),
    (75, 1.76, 5088.63), (74, 3.5, 3154.69), (74, 4.68, 801.82), (70, 0.83, 9437.76),
    (62, 3.98, 8827.39), (61, 1.82, 7084.9), (57, 2.78, 6286.6), (56, 4.39, 14143.5),
    (56, 3.47, 6279.55), (52, 0.19, 12139.55), (52, 1.33, 1748.02), (51, 0.28, 5856.48),
    (49, 0.49, 1194.45), (41, 5.37, 8429.24), (41, 2.4, 19651.05), (39, 6.17, 10447.39),
    (37, 6.04, 10213.29), (37, 2.57, 1059.38), (36, 1.71, 2352.87), (36, 1.78, 6812.77),
    (33, 0.59, 17789.85), (30, 0.44, 83996.85), (30, 2.74, 1349.87), (25, 3.16, 4690.48),
)
_VSOP_L1 = (
    (628331966747, 0, 0), (206059, 2.678235, 6283.07585), (4303, 2.6351, 12566.1517),
    (425, 1.59, 3.523), (119, 5.796, 26.298), (109, 2.966, 1577.344), (93, 2.59, 18849.23),
    (72, 1.14, 529.69), (68, 1.87, 398.15), (67, 4.41, 5507.55), (59, 2.89, 5223.69),
    (56, 2.17, 155.42), (45, 0.4, 796.3), (36, 0.47, 775.52), (29, 2.65, 7.11), (21, 5.34, 0.98),
    (19, 1.85, 5486.78), (19, 4.97, 213.3), (17, 2.99, 6275.96), (16, 0.03, 2544.31),
    (16, 1.43, 2146.17), (15, 1.21, 10977.08), (12, 2.83, 1748.02), (12, 3.26, 5088.63),
    (12, 5.27, 1194.45), (12, 2.08, 4694.0), (11, 0.77, 553.57), (10, 1.3, 6286.6),
    (10, 4.24, 1349.87), (9, 2.7, 242.73), (9, 5.64, 951.72), (8, 5.3, 2352.87),
    (6, 2.65, 9437.76), (6, 4.67, 4690.48),
)
_VSOP_L2 = (
    (52919, 0, 0), (8720, 1.0721, 6283.0758), (309, 0.867, 12566.152), (27, 0.05, 3.52),
    (16, 5.19, 26.3), (16, 3.68, 155.42), (10, 0.76, 18849.23), (9, 2.06, 77713.77),
    (7, 0.83, 775.52), (5, 4.66, 1577.34), (4, 1.03, 7.11), (4, 3.44, 5573.14), (3, 5.14, 796.3),
    (3, 6.05, 5507.55), (3, 1.19, 242.73), (3, 6.12, 529.69), (3, 0.31, 398.15), (3, 2.28, 553.57),
    (2, 4.38, 5223.69), (2, 3.75, 0.98),
)
_VSOP_L3 = (
    (289, 5.844, 6283.076), (35, 0, 0), (17, 5.49, 12566.15), (3, 5.2, 155.42), (1, 4.72, 3.52),
    (1, 5.3, 18849.23), (1, 5.97, 242.73),
)
_VSOP_L4 = ((114, 3.142, 0), (8, 4.13, 6283.08), (1, 3.84, 12566.15))
_VSOP_L5 = ((1, 3.14, 0),)
_VSOP_L = (_VSOP_L0, _VSOP_L1, _VSOP_L2, _VSOP_L3, _VSOP_L4, _VSOP_L5)

_J2000 = 2451545.0
_JD_ORDINAL_OFFSET = 1721424.5   # JD at 00:00 of date.fromordinal(0 + 1) minus 1: jd = ordinal + offset


def _sun_apparent_longitude(jde: float) -> float:
    """Apparent geocentric ecliptic longitude of the Sun in degrees at Julian Ephemeris Day `jde`."""
    tau = (jde - _J2000) / 365250.0  # Julian millennia (TT)
    total = 0.0
    for power, series in enumerate(_VSOP_L):
        total += sum(a * math.cos(b + c * tau) for a, b, c in series) * tau ** power
    longitude = math.degrees(total / 1e8) + 180.0
    t = tau * 10.0  # Julian centuries
    omega = math.radians(125.04452 - 1934.136261 * t)
    sun_mean = math.radians(280.4665 + 36000.7698 * t)
    moon_mean = math.radians(218.3165 + 481267.8813 * t)
    nutation = (-17.20 * math.sin(omega) - 1.32 * math.sin(2 * sun_mean)
                - 0.23 * math.sin(2 * moon_mean) + 0.21 * math.sin(2 * omega))
    return (longitude + (-0.09033 + nutation - 20.4898) / 3600.0) % 360.0


def _delta_t_seconds(y: float) -> float:
    """ΔT = TT − UT (Espenak & Meeus, NASA Five Millennium Canon, polynomial fits)."""
    if y < 1900 or y >= 2150:
        u = (y - 1820) / 100
        return -20 + 32 * u * u
    if y < 1920:
        t = y - 1900
        return -2.79 + 1.494119 * t - 0.0598939 * t ** 2 + 0.0061966 * t ** 3 - 0.000197 * t ** 4
    if y < 1941:
        t = y - 1920
        return 21.20 + 0.84493 * t - 0.076100 * t ** 2 + 0.0020936 * t ** 3
    if y < 1961:
        t = y - 1950
        return 29.07 + 0.407 * t - t ** 2 / 233 + t ** 3 / 2547
    if y < 1986:
        t = y - 1975
        return 45.45 + 1.067 * t - t ** 2 / 260 - t ** 3 / 718
    if y < 2005:
        t = y - 2000
        return (63.86 + 0.3345 * t - 0.060374 * t ** 2 + 0.0017275 * t ** 3 + 0.000651814 * t ** 4
                + 0.00002373599 * t ** 5)
    if y < 2050:
        t = y - 2000
        return 62.92 + 0.32217 * t + 0.005589 * t ** 2
    return -20 + 32 * ((y - 1820) / 100) ** 2 - 0.5628 * (2150 - y)


def solar_term_day(year: int, longitude: float, guess: date) -> date:
    """Beijing-time date on which the Sun's apparent longitude reaches `longitude` (degrees), near `guess`."""
    jde = guess.toordinal() + _JD_ORDINAL_OFFSET
    for _ in range(10):
        delta = (longitude - _sun_apparent_longitude(jde) + 180.0) % 360.0 - 180.0
        jde += delta * 365.2422 / 360.0
        if abs(delta) < 1e-7:
            break
    jd_beijing = jde - _delta_t_seconds(year + (guess.timetuple().tm_yday - 0.5) / 365.25) / 86400.0 + 8.0 / 24.0
    return date.fromordinal(int(math.floor(jd_beijing - _JD_ORDINAL_OFFSET)))


def qingming(year: int) -> date:
    """清明 of `year` (solar longitude 15°, Beijing time): 4 or 5 April in 1990–2100."""
    return solar_term_day(year, 15.0, date(year, 4, 5))


# --------------------------------------------------------------------------------------------------------------
# User calendar files
# --------------------------------------------------------------------------------------------------------------

_DATE_RE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_FORMAT_HINT = "格式：years → 年份 → source / holidays / workdays，日期写成 YYYY-MM-DD"


class _FileReader:
    """Turns one calendar.yaml into YearSchedules, reporting errors with file and 1-based line numbers.

    The file is read by the same YAML reader as project files (govproj.edges.yamlio, imported only when a calendar
    file exists): the same size, encoding, duplicate-key, alias and depth refusals, and the same Chinese messages.
    A place in the file is a path of keys and indexes into that document."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.doc: Any = None

    def error(self, message: str, at: Any = None, hint: str | None = None) -> Exception:
        from govproj.errors import LoadError

        pos = self.doc.values.get(at) if at is not None and self.doc is not None else None
        return LoadError(message, file=str(self.path), line=pos.line if pos else None,
                         column=pos.column if pos else None, hint=hint or _FORMAT_HINT)

    def key_error(self, message: str, at: tuple, hint: str | None = None) -> Exception:
        from govproj.errors import LoadError

        pos = self.doc.keys.get(at)
        return LoadError(message, file=str(self.path), line=pos.line if pos else None,
                         column=pos.column if pos else None, hint=hint or _FORMAT_HINT)

    def read(self) -> tuple[YearSchedule, ...]:
        from govproj.edges.yamlio import load_doc

        self.doc = load_doc(self.path, str(self.path), allow_empty=True)
        if () not in self.doc.values or self.doc.data is None:
            return ()  # an empty file declares no years
        top = self.mapping((), "文件顶层")
        unknown = [k for k in top if k != "years"]
        if unknown:
            raise self.key_error(f"不认识的顶层键 `{unknown[0]}`", (unknown[0],), hint="顶层只有 `years:`；" + _FORMAT_HINT)
        if "years" not in top:
            raise self.error("缺少 `years:`", ())
        if self.is_null(("years",)):
            return ()
        schedules = []
        for key, path in self.mapping(("years",), "years").items():
            schedules.append(self.year(key, path))
        return tuple(schedules)

    # -- document helpers -----------------------------------------------------------------------------------------

    def value(self, path: tuple) -> Any:
        return self.doc.get(*path)

    def is_null(self, path: tuple) -> bool:
        # plain empty, `~` and `null` read as None; quoted "" stays a string
        return self.value(path) is None

    def mapping(self, path: tuple, what: str) -> dict[str, tuple]:
        value = self.value(path)
        if not isinstance(value, dict):
            raise self.error(f"{what}应当是“键: 值”的映射", path)
        return {key: path + (key,) for key in value}

    def scalar(self, path: tuple, what: str) -> str:
        value = self.value(path)
        if isinstance(value, (dict, list)):
            raise self.error(f"{what}应当是单个值", path)
        return str(self.doc.raw.get(path, "" if value is None else value)).strip()

    def parse_date(self, path: tuple, year: int, what: str) -> date:
        text = self.scalar(path, what)
        match = _DATE_RE.match(text)
        if not match:
            raise self.error(f"{what} `{text}` 不是日期", path, hint="日期写成 YYYY-MM-DD，例如 2027-02-05")
        try:
            value = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            raise self.error(f"{what} `{text}` 不是存在的日期", path, hint="检查月份和该月的天数") from None
        if value.year != year:
            raise self.error(f"{what} {value.isoformat()} 不在 {year} 年内", path,
                             hint=f"每年的日期写在该年份下面；{value.year} 年的日期写到 `{value.year}:` 下")
        return value

    # -- one year ---------------------------------------------------------------------------------------------------

    def year(self, key: str, at: tuple) -> YearSchedule:
        if not re.fullmatch(r"\d{4}", key):
            raise self.key_error(f"年份 `{key}` 应当是四位数字", at, hint="例如 `2027:`")
        year = int(key)
        fields = self.mapping(at, f"{year} 年")
        allowed = ("source", "holidays", "workdays")
        for name, path in fields.items():
            if name not in allowed:
                raise self.key_error(f"{year} 年下不认识的键 `{name}`", path,
                                     hint="每年只有 source（必填）、holidays、workdays 三项；" + _FORMAT_HINT)
        if "source" not in fields:
            raise self.key_error(f"{year} 年缺少 source（放假安排的出处）", at,
                                 hint="写上国务院办公厅通知的文号，例如 source: \"国办发明电〔2026〕N号\"")
        source_at = fields["source"]
        source = "" if self.is_null(source_at) else self.scalar(source_at, "source")
        if not source:
            raise self.error(f"{year} 年的 source 是空的", source_at,
                             hint="写上国务院办公厅通知的文号，例如 source: \"国办发明电〔2026〕N号\"")

        holidays: dict[date, tuple[str | None, tuple]] = {}
        for d, name, item in self.items(fields.get("holidays"), year, "holidays"):
            holidays.setdefault(d, (name, item))
        if not holidays:
            if "holidays" in fields:
                raise self.key_error(f"{year} 年没有列出任何放假日", fields["holidays"],
                                     hint="一年的安排是完整的：没列出的工作日都算上班。把元旦、春节等放假日写进 holidays")
            raise self.key_error(f"{year} 年没有列出任何放假日", at,
                                 hint="一年的安排是完整的：没列出的工作日都算上班。把元旦、春节等放假日写进 holidays")
        workdays: dict[date, tuple[str | None, tuple]] = {}
        for d, name, item in self.items(fields.get("workdays"), year, "workdays"):
            if d in holidays:
                first_line = self.doc.values[holidays[d][1]].line
                raise self.error(f"{d.isoformat()} 同时写在 holidays（第 {first_line} 行）和 workdays 里", item,
                                 hint="一天要么放假、要么调休上班，删掉写错的那一处")
            if d.weekday() < 5:
                raise self.error(f"{d.isoformat()} 是{WEEKDAY_ZH[d.weekday()]}，本来就上班；workdays 只列调休上班的周六、周日",
                                 item, hint="检查日期是否写错")
            workdays.setdefault(d, (name, item))

        names = {d: n for d, (n, _) in holidays.items() if n}
        names.update({d: n for d, (n, _) in workdays.items() if n})
        return YearSchedule(
            year=year,
            holidays=frozenset(holidays),
            workdays=frozenset(workdays),
            source=f"用户日历 {self.path}（{source}）",
            names=tuple(sorted(names.items())),
            file=self.path,
        )

    def items(self, at: tuple | None, year: int, what: str) -> Iterable[tuple[date, str | None, tuple]]:
        """Expand a holidays/workdays list: `2027-01-01`, `{date: …, name: …}` or `{from: …, to: …, name: …}`."""
        if at is None or self.is_null(at):
            return
        node = self.value(at)
        if not isinstance(node, list):
            raise self.error(f"{what} 应当是列表（每项一行，以 “- ” 开头）", at)
        for index, entry in enumerate(node):
            item = at + (index,)
            if not isinstance(entry, (dict, list)):
                yield self.parse_date(item, year, f"{what} 中的日期"), None, item
                continue
            fields = self.mapping(item, f"{what} 中的一项")
            for key, path in fields.items():
                if key not in ("date", "from", "to", "name"):
                    raise self.key_error(f"{what} 中不认识的键 `{key}`", path,
                                         hint="每项写成 2027-01-01、{date: 2027-01-01, name: 元旦} 或 "
                                              "{from: 2027-02-05, to: 2027-02-11, name: 春节}")
            name = self.scalar(fields["name"], "name") if "name" in fields else None
            if "date" in fields:
                if "from" in fields or "to" in fields:
                    raise self.error("一项里 date 和 from/to 只能二选一", item)
                yield self.parse_date(fields["date"], year, "date"), name or None, item
                continue
            if "from" not in fields or "to" not in fields:
                raise self.error("日期区间需要同时写 from 和 to", item,
                                 hint="例如 {from: 2027-02-05, to: 2027-02-11, name: 春节}")
            first = self.parse_date(fields["from"], year, "from")
            last = self.parse_date(fields["to"], year, "to")
            if last < first:
                raise self.error(f"区间的 to（{last.isoformat()}）早于 from（{first.isoformat()}）", fields["to"],
                                 hint="检查起止日期是否写反或写错")
            d = first
            while d <= last:
                yield d, name or None, item
                d += timedelta(days=1)


# Parsed files, keyed by path and (mtime, size): checking 1,000 projects in one repository reads each file once.
_FILE_CACHE: dict[Path, tuple[tuple[int, int], tuple[YearSchedule, ...]]] = {}


def read_calendar_file(path: Path) -> tuple[YearSchedule, ...]:
    """Parse one calendar.yaml (raises govproj.errors.LoadError with file and line on any problem)."""
    path = Path(path)
    try:
        stat = path.stat()
        stamp = (stat.st_mtime_ns, stat.st_size)
    except OSError:
        stamp = None
    if stamp is not None:
        cached = _FILE_CACHE.get(path)
        if cached is not None and cached[0] == stamp:
            return cached[1]
    schedules = _FileReader(path).read()
    if stamp is not None:
        _FILE_CACHE[path] = (stamp, schedules)
    return schedules


def load_calendar(project_dir: Path | None = None) -> WorkCalendar:
    """The working calendar for a project: its calendar.yaml files (first that lists a year wins), then
    chinese_calendar, then the estimate. Raises govproj.errors.LoadError for a bad file."""
    schedules: list[YearSchedule] = []
    files: list[Path] = []
    for path in calendar_files(project_dir):
        if path.is_file():
            files.append(path)
            schedules.extend(read_calendar_file(path))
    return _calendar_for(tuple(schedules), tuple(files))


@lru_cache(maxsize=64)
def _calendar_for(schedules: tuple[YearSchedule, ...], files: tuple[Path, ...]) -> WorkCalendar:
    # Projects that see the same files share one WorkCalendar (and its per-year tables).
    return WorkCalendar(user_years=schedules, files=files)
