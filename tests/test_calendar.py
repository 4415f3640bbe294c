"""govproj.core.calendar against the real State Council schedules of 2025 and 2026 (via chinese_calendar), no mocks."""
from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import date, timedelta
from pathlib import Path

import chinese_calendar
import pytest

from govproj.core import calendar as wc
from govproj.core.calendar import (
    ADJUSTED_WORKDAY,
    HOLIDAY,
    WEEKEND,
    WORKDAY,
    WorkCalendar,
    add_months,
    add_years,
    end_of_month,
    load_calendar,
    qingming,
    read_calendar_file,
    statutory_holidays,
)
from govproj.errors import LoadError

D = date
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _isolated(tmp_path_factory, monkeypatch):
    """No test may read the developer's ~/.config/govproj or a .govproj/ of the repository it runs in."""
    home = tmp_path_factory.mktemp("xdg")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    monkeypatch.chdir(tmp_path_factory.mktemp("cwd"))


@pytest.fixture(scope="module")
def cal() -> WorkCalendar:
    return WorkCalendar()


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


# ------------------------------------------------------------------------------------------------------------
# The schedules themselves (2025 from the brief; 2026 as printed from chinesecalendar 1.11.0)
# ------------------------------------------------------------------------------------------------------------

def days(first: date, last: date) -> list[date]:
    return [first + timedelta(n) for n in range((last - first).days + 1)]


OFF_2025 = [
    *days(D(2025, 1, 28), D(2025, 2, 4)),     # 春节
    *days(D(2025, 4, 4), D(2025, 4, 6)),      # 清明
    *days(D(2025, 5, 1), D(2025, 5, 5)),      # 劳动节
    *days(D(2025, 5, 31), D(2025, 6, 2)),     # 端午
    *days(D(2025, 10, 1), D(2025, 10, 8)),    # 国庆、中秋
]
WORKED_WEEKENDS_2025 = [D(2025, 1, 26), D(2025, 2, 8), D(2025, 4, 27), D(2025, 9, 28), D(2025, 10, 11)]
OFF_2026 = [
    *days(D(2026, 1, 1), D(2026, 1, 3)),      # 元旦
    *days(D(2026, 2, 15), D(2026, 2, 23)),    # 春节
    *days(D(2026, 4, 4), D(2026, 4, 6)),      # 清明
    *days(D(2026, 5, 1), D(2026, 5, 5)),      # 劳动节
    *days(D(2026, 6, 19), D(2026, 6, 21)),    # 端午
    *days(D(2026, 9, 25), D(2026, 9, 27)),    # 中秋
    *days(D(2026, 10, 1), D(2026, 10, 7)),    # 国庆
]
WORKED_WEEKENDS_2026 = [D(2026, 1, 4), D(2026, 2, 14), D(2026, 2, 28), D(2026, 5, 9), D(2026, 9, 20), D(2026, 10, 10)]


@pytest.mark.parametrize("d", OFF_2025 + OFF_2026)
def test_holidays_are_off(cal, d):
    assert not cal.is_workday(d)


@pytest.mark.parametrize("d", WORKED_WEEKENDS_2025 + WORKED_WEEKENDS_2026)
def test_adjusted_weekends_are_worked(cal, d):
    assert d.weekday() >= 5
    assert cal.is_workday(d)
    assert cal.day_info(d).kind == ADJUSTED_WORKDAY


def test_whole_years_match_chinese_calendar(cal):
    first_year = 2004
    year = first_year
    while True:
        try:
            chinese_calendar.is_workday(D(year, 1, 1))
        except NotImplementedError:
            break
        for d in days(D(year, 1, 1), D(year, 12, 31)):
            assert cal.is_workday(d) == chinese_calendar.is_workday(d), d
        year += 1
    assert year > 2026  # the library knows at least 2004–2026
    assert cal.source_of(2026) == f"chinesecalendar {chinese_calendar.__version__}"
    assert cal.estimated_years(D(2004, 1, 1), D(2026, 12, 31)) == ()


def test_day_info(cal):
    assert cal.day_info(D(2025, 10, 6)) == wc.DayInfo(D(2025, 10, 6), False, HOLIDAY, "中秋节", False)
    assert cal.day_info(D(2025, 10, 1)).name == "国庆节"
    assert cal.day_info(D(2025, 9, 28)).name == "国庆节"  # the holiday this 调休 makes up for
    assert cal.day_info(D(2025, 10, 12)).kind == WEEKEND
    assert cal.day_info(D(2025, 10, 13)).kind == WORKDAY
    assert cal.day_info(D(2025, 10, 13)).weekday_zh == "星期一"


# ------------------------------------------------------------------------------------------------------------
# add_workdays / workdays_between on both sides of real holidays
# ------------------------------------------------------------------------------------------------------------

def test_spring_festival_2025(cal):
    assert cal.add_workdays(D(2025, 1, 24), 1) == D(2025, 1, 26)   # Friday → the worked Sunday
    assert cal.add_workdays(D(2025, 1, 26), 1) == D(2025, 1, 27)
    assert cal.add_workdays(D(2025, 1, 27), 1) == D(2025, 2, 5)    # jumps Jan 28 – Feb 4
    assert cal.add_workdays(D(2025, 2, 5), -1) == D(2025, 1, 27)
    assert cal.add_workdays(D(2025, 2, 5), -2) == D(2025, 1, 26)
    assert cal.add_workdays(D(2025, 2, 7), 1) == D(2025, 2, 8)     # the worked Saturday
    # 20 个工作日 from 20 January: Jan 21–24, 26, 27, Feb 5–8, 10–14, 17–21
    assert cal.add_workdays(D(2025, 1, 20), 20) == D(2025, 2, 21)
    assert cal.workdays_between(D(2025, 1, 20), D(2025, 2, 21)) == 20
    assert cal.workdays_between(D(2025, 1, 20), D(2025, 2, 20)) == 19


def test_qingming_2025(cal):
    assert cal.add_workdays(D(2025, 4, 3), 1) == D(2025, 4, 7)
    assert cal.workdays_between(D(2025, 4, 3), D(2025, 4, 7)) == 1
    assert cal.add_workdays(D(2025, 4, 7), -1) == D(2025, 4, 3)


def test_labour_day_2025(cal):
    assert cal.add_workdays(D(2025, 4, 25), 1) == D(2025, 4, 27)   # Sunday Apr 27 is worked
    assert cal.add_workdays(D(2025, 4, 30), 1) == D(2025, 5, 6)    # May 1–5 off
    assert cal.workdays_between(D(2025, 4, 25), D(2025, 5, 6)) == 5  # Apr 27, 28, 29, 30, May 6


def test_national_day_2025_twenty_workdays(cal):
    # 20 个工作日内 from 25 Sep 2025: Sep 26, 28(日), 29, 30, Oct 9, 10, 11(六), 13–17, 20–24, 27, 28, 29.
    assert cal.add_workdays(D(2025, 9, 25), 20) == D(2025, 10, 29)
    assert cal.workdays_between(D(2025, 9, 25), D(2025, 10, 29)) == 20  # last day: in time
    assert cal.workdays_between(D(2025, 9, 25), D(2025, 10, 30)) == 21  # one day late
    assert cal.add_workdays(D(2025, 9, 30), 1) == D(2025, 10, 9)
    assert cal.add_workdays(D(2025, 10, 9), -1) == D(2025, 9, 30)
    # counting only Monday–Friday would be 8 days off; the 调休 Sundays/Saturdays matter
    assert cal.add_workdays(D(2025, 9, 26), 1) == D(2025, 9, 28)


def test_2026_holidays(cal):
    assert cal.add_workdays(D(2025, 12, 31), 1) == D(2026, 1, 4)    # 元旦 Jan 1–3 off, Sunday Jan 4 worked
    assert cal.add_workdays(D(2026, 2, 13), 1) == D(2026, 2, 14)    # Saturday before 春节 worked
    assert cal.add_workdays(D(2026, 2, 14), 1) == D(2026, 2, 24)    # Feb 15–23 off
    assert cal.add_workdays(D(2026, 2, 27), 1) == D(2026, 2, 28)    # Saturday after 春节 worked
    assert cal.add_workdays(D(2026, 4, 3), 1) == D(2026, 4, 7)      # 清明 Apr 4–6
    assert cal.add_workdays(D(2026, 4, 30), 1) == D(2026, 5, 6)     # 劳动节 May 1–5
    assert cal.add_workdays(D(2026, 5, 8), 1) == D(2026, 5, 9)      # Saturday May 9 worked
    assert cal.add_workdays(D(2026, 6, 18), 1) == D(2026, 6, 22)    # 端午 Jun 19–21
    assert cal.add_workdays(D(2026, 9, 24), 1) == D(2026, 9, 28)    # 中秋 Sep 25–27
    assert cal.add_workdays(D(2026, 9, 30), 1) == D(2026, 10, 8)    # 国庆 Oct 1–7


def test_2026_national_day_both_directions(cal):
    # 20 working days after 25 Sep 2026: Sep 28–30, Oct 8, 9, 10(六), 12–16, 19–23, 26–29
    assert cal.add_workdays(D(2026, 9, 25), 20) == D(2026, 10, 29)
    assert cal.workdays_between(D(2026, 9, 25), D(2026, 10, 29)) == 20
    assert cal.workdays_between(D(2026, 10, 29), D(2026, 9, 25)) == -20
    # 至少提前 15 个工作日 before 25 Sep 2026: Sep 24–21, 20(日), 18–14, 11–7 → 7 Sep
    assert cal.add_workdays(D(2026, 9, 25), -15) == D(2026, 9, 7)


def test_add_workdays_zero_and_crossing_years(cal):
    assert cal.add_workdays(D(2025, 10, 1), 0) == D(2025, 10, 1)
    # 2025-12-31 + 250 working days: long jumps use the per-year prefix sums; check against a day-by-day walk.
    for start, n in ((D(2025, 12, 31), 250), (D(2026, 1, 5), -260), (D(2024, 6, 3), 500), (D(2026, 3, 2), -3)):
        d, left = start, abs(n)
        step = timedelta(1 if n > 0 else -1)
        while left:
            d += step
            left -= cal.is_workday(d)
        assert cal.add_workdays(start, n) == d


def test_workdays_between_definition(cal):
    assert cal.workdays_between(D(2025, 10, 1), D(2025, 10, 1)) == 0
    assert cal.workdays_between(D(2025, 9, 30), D(2025, 10, 8)) == 0
    assert cal.workdays_between(D(2025, 9, 30), D(2025, 10, 9)) == 1
    assert cal.workdays_between(D(2025, 10, 9), D(2025, 9, 30)) == -1
    # whole years: 261 weekdays − 18 weekday holidays + 5 worked weekends = 248 in 2025;
    # 261 − 19 + 6 = 248 in 2026
    assert cal.workdays_between(D(2024, 12, 31), D(2025, 12, 31)) == 248
    assert cal.workdays_between(D(2025, 12, 31), D(2026, 12, 31)) == 248
    assert cal.workdays_between(D(2024, 12, 31), D(2026, 12, 31)) == 496
    assert cal.workdays_between(D(2026, 12, 31), D(2024, 12, 31)) == -496


# ------------------------------------------------------------------------------------------------------------
# 民法典 第202条 month/year arithmetic and 第201–203条 periods
# ------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("start, months, expected", [
    (D(2026, 1, 31), 1, D(2026, 2, 28)),
    (D(2024, 1, 31), 1, D(2024, 2, 29)),
    (D(2024, 3, 31), -1, D(2024, 2, 29)),
    (D(2025, 12, 31), 2, D(2026, 2, 28)),
    (D(2025, 8, 31), 1, D(2025, 9, 30)),
    (D(2025, 5, 15), -17, D(2023, 12, 15)),
    (D(2025, 11, 30), 3, D(2026, 2, 28)),
    (D(2025, 1, 15), 0, D(2025, 1, 15)),
])
def test_add_months(start, months, expected):
    assert add_months(start, months) == expected


def test_add_years_and_end_of_month():
    assert add_years(D(2024, 2, 29), 1) == D(2025, 2, 28)
    assert add_years(D(2024, 2, 29), 4) == D(2028, 2, 29)
    assert add_years(D(2024, 2, 29), -1) == D(2023, 2, 28)
    assert add_years(D(2025, 6, 30), 2) == D(2027, 6, 30)
    assert end_of_month(2024, 2) == D(2024, 2, 29)
    assert end_of_month(2025, 2) == D(2025, 2, 28)
    assert end_of_month(2026, 5) == D(2026, 5, 31)
    assert end_of_month(2026, 12) == D(2026, 12, 31)


def test_period_end(cal):
    # 1 年 from 1 Oct 2025 ends 1 Oct 2026, a 国庆 holiday (Oct 1–7) → 8 Oct 2026 (第203条)
    assert cal.period_end(D(2025, 10, 1), years=1) == D(2026, 10, 8)
    # 1 个月 from 1 Sep 2025 → 1 Oct 2025 (holiday until Oct 8) → 9 Oct
    assert cal.period_end(D(2025, 9, 1), months=1) == D(2025, 10, 9)
    # no corresponding day: end of month, a Friday working day
    assert cal.period_end(D(2024, 2, 29), years=1) == D(2025, 2, 28)
    assert cal.period_end(D(2025, 1, 31), months=1) == D(2025, 2, 28)
    assert cal.period_end(D(2026, 1, 31), months=1) == D(2026, 2, 28)  # a Saturday, but worked (春节调休)
    # 10 日 from 3 May 2025: the start day is not counted → 13 May (Tuesday)
    assert cal.period_end(D(2025, 5, 3), days=10) == D(2025, 5, 13)
    # lands on a plain Saturday → Monday
    assert cal.period_end(D(2025, 6, 6), days=1) == D(2025, 6, 9)
    # lands on 元旦 2026 (Jan 1–3 off) → the worked Sunday Jan 4 is the next working day
    assert cal.period_end(D(2025, 12, 27), days=5) == D(2026, 1, 4)
    # a working day stays put, even an adjusted Saturday
    assert cal.period_end(D(2025, 9, 11), months=1) == D(2025, 10, 11)
    # months then days
    assert cal.period_end(D(2025, 1, 31), months=1, days=3) == D(2025, 3, 3)
    with pytest.raises(ValueError):
        cal.period_end(D(2025, 1, 1), months=-1)
    with pytest.raises(ValueError):
        cal.period_end(D(2025, 1, 1))


# ------------------------------------------------------------------------------------------------------------
# The estimate
# ------------------------------------------------------------------------------------------------------------

def test_qingming_matches_library_holidays():
    """清明 falls inside the library's 清明 holiday block for every year it has data for."""
    checked = 0
    for year in range(2008, 2200):  # 清明 has been a statutory holiday since 2008
        try:
            chinese_calendar.is_workday(D(year, 1, 1))
        except NotImplementedError:
            break
        day = qingming(year)
        assert chinese_calendar.get_holiday_detail(day) == (True, "Tomb-sweeping Day"), year
        checked += 1
    assert checked >= 19


def test_qingming_matches_library_solar_terms_1990_2099():
    for year in range(1990, 2100):
        (library,) = [d for d, name in chinese_calendar.get_solar_terms(D(year, 4, 1), D(year, 4, 30)) if name == "清明"]
        assert qingming(year) == library, year
    # The library's 寿星公式 uses Y = year % 100 = 0 for 2100 and repeats 2000's 4 April; astronomically the term
    # falls at about 00:40 on 5 April Beijing time (2100, unlike 2000, is not a leap year).
    assert qingming(2100) == D(2100, 4, 5)


def test_estimate_contains_the_statutory_days_of_2025_and_2026(cal):
    for year in (2025, 2026):
        estimated = statutory_holidays(year)
        assert len(estimated) == 13
        for d in estimated:
            assert not cal.is_workday(d), d


def test_chuxi_is_the_day_before_new_year_even_in_a_29_day_month():
    # 腊月 of lunar 2024 and of lunar 2025 have 29 days: 除夕 is 腊月廿九 (28 Jan 2025, 16 Feb 2026)
    assert statutory_holidays(2025)[D(2025, 1, 28)] == "春节"
    assert statutory_holidays(2026)[D(2026, 2, 16)] == "春节"
    assert D(2025, 1, 27) not in statutory_holidays(2025)


def test_estimate_2027(cal):
    assert statutory_holidays(2027) == {
        D(2027, 1, 1): "元旦",
        D(2027, 2, 5): "春节", D(2027, 2, 6): "春节", D(2027, 2, 7): "春节", D(2027, 2, 8): "春节",
        D(2027, 4, 5): "清明节",
        D(2027, 5, 1): "劳动节", D(2027, 5, 2): "劳动节",
        D(2027, 6, 9): "端午节",
        D(2027, 9, 15): "中秋节",
        D(2027, 10, 1): "国庆节", D(2027, 10, 2): "国庆节", D(2027, 10, 3): "国庆节",
    }
    assert cal.is_estimated(2027)
    assert cal.source_of(2027).startswith("估算")
    assert cal.estimated_years(D(2026, 12, 1), D(2027, 1, 31)) == (2027,)
    assert cal.estimated_years(D(2028, 3, 1), D(2026, 1, 1)) == (2027, 2028)
    assert cal.estimated_years(D(2026, 1, 1), D(2026, 12, 31)) == ()
    # 20 working days after 20 Dec 2026 cross into 2027: 元旦 (Friday) is off, no 调休 assumed
    assert cal.add_workdays(D(2026, 12, 20), 20) == D(2027, 1, 18)
    # 春节 estimate: Feb 5 (Fri, 除夕) – Feb 8 (Mon) off
    assert cal.add_workdays(D(2027, 2, 4), 1) == D(2027, 2, 9)
    # no 补休: 劳动节 2027 falls on Sat/Sun, Monday May 3 is a working day
    assert cal.is_workday(D(2027, 5, 3))
    notice = wc.estimate_notice((2027,))
    assert "2027 年" in notice and "calendar.yaml" in notice
    assert "- 2027-10-09" in notice  # the example 调休 day is a Saturday, so the example itself would load


def test_estimate_outside_lunar_range_keeps_gregorian_holidays(cal):
    assert cal.is_estimated(2150)
    assert "缺农历数据" in cal.source_of(2150)
    assert not cal.is_workday(D(2150, 10, 1))
    assert cal.add_workdays(D(2150, 1, 1), 1).year == 2150


# ------------------------------------------------------------------------------------------------------------
# User calendar files
# ------------------------------------------------------------------------------------------------------------

CAL_2027 = """
    # govproj 工作日历（测试用，不是真实通知）
    years:
      2027:
        source: "国办发明电〔2026〕X号"
        holidays:
          - 2027-01-01
          - {from: 2027-02-05, to: 2027-02-11, name: 春节}
          - date: 2027-10-01
            name: 国庆节
        workdays:
          - 2027-02-14
"""


def test_user_file_changes_the_result(tmp_path, cal):
    project = tmp_path / "proj"
    write(project / "calendar.yaml", CAL_2027)
    user_cal = load_calendar(project)
    assert cal.add_workdays(D(2027, 2, 4), 1) == D(2027, 2, 9)        # estimate
    assert user_cal.add_workdays(D(2027, 2, 4), 1) == D(2027, 2, 12)  # file: Feb 5–11 off
    assert user_cal.add_workdays(D(2027, 2, 12), 1) == D(2027, 2, 14)  # the listed Sunday is worked
    assert not user_cal.is_workday(D(2027, 10, 1))
    assert user_cal.is_workday(D(2027, 10, 4))   # not listed: a Monday is a working day in a listed year
    assert user_cal.estimated_years(D(2027, 1, 1), D(2027, 12, 31)) == ()
    assert user_cal.source_of(2027) == f"用户日历 {project / 'calendar.yaml'}（国办发明电〔2026〕X号）"
    assert user_cal.day_info(D(2027, 2, 7)).name == "春节"
    assert user_cal.files == (project / "calendar.yaml",)
    # years not in the file still come from the library
    assert user_cal.source_of(2026).startswith("chinesecalendar")


def test_lookup_order(tmp_path, monkeypatch):
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    project = repo / "projects" / "gis"
    project.mkdir(parents=True)
    xdg = tmp_path / "xdg"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(xdg))

    def year_file(path: Path, source: str, holiday: str) -> None:
        write(path, f"""
            years:
              2027:
                source: {source}
                holidays: [{holiday}]
        """)

    year_file(xdg / "govproj" / "calendar.yaml", "user", "2027-03-01")
    assert load_calendar(project).source_of(2027).endswith("（user）")
    assert not load_calendar(project).is_workday(D(2027, 3, 1))

    year_file(repo / ".govproj" / "calendar.yaml", "repo", "2027-03-02")
    assert load_calendar(project).source_of(2027).endswith("（repo）")
    assert load_calendar(project).is_workday(D(2027, 3, 1))
    assert not load_calendar(project).is_workday(D(2027, 3, 2))

    year_file(project / "calendar.yaml", "project", "2027-03-03")
    chosen = load_calendar(project)
    assert chosen.source_of(2027).endswith("（project）")
    assert chosen.is_workday(D(2027, 3, 2)) and not chosen.is_workday(D(2027, 3, 3))
    assert chosen.files == (project / "calendar.yaml", repo / ".govproj" / "calendar.yaml",
                            xdg / "govproj" / "calendar.yaml")

    # a user file wins over the library, too
    write(xdg / "govproj" / "calendar.yaml", """
        years:
          2026:
            source: test override
            holidays: [2026-01-01]
    """)
    overridden = load_calendar(project)
    assert overridden.is_workday(D(2026, 10, 5))          # the library has Oct 1–7 off; this file does not
    assert not overridden.is_workday(D(2026, 10, 10))     # and the library's worked Saturday is a weekend here
    # without a project the repository is found from the current directory
    monkeypatch.chdir(project)
    assert load_calendar().source_of(2027).endswith("（repo）")


def test_documented_examples_load(tmp_path):
    """The example in docs/calendar.md and the one in the estimate warning are themselves valid files."""
    doc = (REPO / "docs" / "calendar.md").read_text(encoding="utf-8")
    example = doc.split("```yaml\n", 1)[1].split("```", 1)[0]
    (schedule,) = read_calendar_file(write(tmp_path / "doc.yaml", example))
    assert schedule.year == 2027 and D(2027, 2, 11) in schedule.holidays and D(2027, 2, 20) in schedule.workdays
    notice = wc.estimate_notice((2028,))
    snippet = textwrap.dedent(notice.split("格式如下：\n", 1)[1])
    (schedule,) = read_calendar_file(write(tmp_path / "notice.yaml", snippet))
    assert schedule.year == 2028 and schedule.workdays == frozenset({D(2028, 10, 8)})  # a Sunday


def test_empty_file_and_null_years(tmp_path):
    assert read_calendar_file(write(tmp_path / "a.yaml", "")) == ()
    assert read_calendar_file(write(tmp_path / "b.yaml", "years:\n")) == ()


def test_file_cache_sees_edits(tmp_path):
    path = write(tmp_path / "calendar.yaml", "years:\n  2027:\n    source: a\n    holidays: [2027-03-01]\n")
    assert read_calendar_file(path)[0].holidays == frozenset({D(2027, 3, 1)})
    path.write_text("years:\n  2027:\n    source: a\n    holidays: [2027-03-02, 2027-03-03]\n", encoding="utf-8")
    assert read_calendar_file(path)[0].holidays == frozenset({D(2027, 3, 2), D(2027, 3, 3)})


BAD_FILES = [
    # (content, line, words in the message)
    ("years:\n  2027:\n    source: x\n    holidays:\n      - 2027-02-30\n", 5, "不是存在的日期"),
    ("years:\n  2027:\n    source: x\n    holidays:\n      - 2027-13-01\n", 5, "不是存在的日期"),
    ("years:\n  2027:\n    source: x\n    holidays:\n      - next monday\n", 5, "不是日期"),
    ("years:\n  2027:\n    source: x\n    holidays:\n      - {from: 2027-02-05, to: 2027-02-01}\n", 5, "早于"),
    ("years:\n  2027:\n    source: x\n    holidays:\n      - 2027-01-01\n      - 2026-12-31\n", 6, "不在 2027 年内"),
    ("years:\n  2027:\n    source: x\n    holidays:\n      - {from: 2027-12-30, to: 2028-01-02}\n", 5,
     "不在 2027 年内"),
    ("years:\n  2027:\n    source: x\n    holidays:\n      - 2027-02-14\n    workdays:\n      - 2027-02-14\n", 7,
     "同时写在 holidays（第 5 行）和 workdays"),
    ("years:\n  2027:\n    source: x\n    holidays:\n      - {from: 2027-02-10, to: 2027-02-16}\n"
     "    workdays:\n      - 2027-02-13\n", 7, "同时写在"),
    ("years:\n  2027:\n    source: x\n    holidays: [2027-01-01]\n    workdays: [2027-02-15]\n", 5, "本来就上班"),
    ("years:\n  2027:\n    source: x\n    holidays:\n      - 2027-02-14\n     - x: [\n", 6, "YAML 格式错误"),
    ("years:\n  2027:\n    holidays:\n      - 2027-02-14\n", 2, "缺少 source"),
    ("years:\n  2027:\n    source: ''\n    holidays: [2027-01-01]\n", 3, "source 是空的"),
    ("years:\n  2027:\n    source: x\n    holiday:\n      - 2027-02-14\n", 4, "不认识的键 `holiday`"),
    ("years:\n  2027:\n    source: x\n", 2, "没有列出任何放假日"),
    ("years:\n  2027:\n    source: x\n    holidays: [2027-01-01]\n  2027:\n    source: y\n", 5, "重复"),
    ("years:\n  27:\n    source: x\n    holidays: [2027-01-01]\n", 2, "四位数字"),
    ("year:\n  2027: {}\n", 1, "不认识的顶层键"),
    ("- 2027-01-01\n", 1, "映射"),
    ("years:\n  2027:\n    source: x\n    holidays: 2027-01-01\n", 4, "应当是列表"),
    ("years:\n  2027:\n    source: x\n    holidays:\n      - {from: 2027-02-05, name: 春节}\n", 5, "from 和 to"),
]


@pytest.mark.parametrize("content, line, words", BAD_FILES)
def test_bad_files_give_load_error_with_line(tmp_path, content, line, words):
    path = tmp_path / "calendar.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        read_calendar_file(path)
    error = caught.value
    assert error.file == str(path)
    assert error.line == line, error.render()
    assert words in error.message, error.render()
    assert error.hint
    assert error.render().startswith(f"错误：{path}:{line}")


def test_bad_file_found_by_load_calendar(tmp_path):
    project = tmp_path / "p"
    write(project / "calendar.yaml", "years:\n  2027:\n    source: x\n    holidays: [2027-02-29]\n")
    with pytest.raises(LoadError) as caught:
        load_calendar(project)
    assert caught.value.line == 4


def test_not_utf8(tmp_path):
    path = tmp_path / "calendar.yaml"
    path.write_bytes("years:\n  2027:\n    source: 国办\n".encode("gbk"))
    with pytest.raises(LoadError, match="UTF-8"):
        read_calendar_file(path)


# ------------------------------------------------------------------------------------------------------------
# Cost on the hot path
# ------------------------------------------------------------------------------------------------------------

def test_import_is_lazy():
    code = ("import sys, govproj.core.calendar; "
            "print(sorted(m for m in ('chinese_calendar', 'lunardate', 'yaml') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
    assert out.stdout.strip() == "[]"


def test_many_lookups_are_cheap(cal):
    import time

    start = time.perf_counter()
    d0 = D(2025, 1, 1)
    count = sum(cal.is_workday(d0 + timedelta(n % 730)) for n in range(200_000))
    elapsed = time.perf_counter() - start
    assert count > 0
    assert elapsed < 2.0  # ~0.5 µs each on a laptop; generous for slow CI
