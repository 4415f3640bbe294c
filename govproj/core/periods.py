"""Periods of 民法典 第二百零一条至第二百零三条, one reading for every pack.

- 第二百零一条: a period counted in years, months or days starts on the day after the event (the start day is
  not counted).
- 第二百零二条: a period of years or months ends on the corresponding day of the end month, or on that month's last
  day when it has none; the period ends at 24:00 of that day (第二百零三条第二款).
- 第二百零三条: for a period *within which* something must be done or stays valid ("一个月内", "有效期1年",
  "N 个月内报送"), a last day that is a statutory rest day moves to the day after the rest ends.
- A condition "满 N 年" / "满 N 年后" is an elapsed period, not a time limit: it is never moved, and holds from the day
  after the period ends (the period ends at 24:00 of the corresponding day, so that day is not yet 满).

Worked example (see docs/deadlines.md): 2025-03-01 + 1 year → the period ends at 24:00 on 2026-03-01 (a Sunday).
"一年内" must be done by 2026-03-02 (Monday, the rest moved); "满一年" holds from 2026-03-02 (the day after).

Pure: the working-day calendar (core/calendar.py's `WorkCalendar`) is passed in, only for the 203 move; this
module imports nothing of govproj, so calendar.py can build on it (calendar.add_months is this add_months).
"""
from __future__ import annotations

import datetime as _dt
from typing import Any

TEXT_ARTICLES = "《民法典》第二百零一条至第二百零三条"


def _days_in_month(year: int, month: int) -> int:
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def add_months(d: _dt.date, months: int) -> _dt.date:
    """`d` plus whole months per 民法典 第202条: the corresponding day of the end month, or its last day if none.

    2026-01-31 + 1 month = 2026-02-28; 2024-03-31 − 1 month = 2024-02-29. Negative `months` go back.
    """
    index = d.year * 12 + (d.month - 1) + months
    year, month0 = divmod(index, 12)
    return _dt.date(year, month0 + 1, min(d.day, _days_in_month(year, month0 + 1)))


def corresponding_day(start: _dt.date, *, years: int = 0, months: int = 0, days: int = 0) -> _dt.date:
    """The day on which a period from `start` ends at 24:00 (201: start not counted; 202: corresponding day)."""
    if years < 0 or months < 0 or days < 0:
        raise ValueError("periods count forward: years, months and days must be >= 0")
    return add_months(start, 12 * years + months) + _dt.timedelta(days=days)


def last_day(start: _dt.date, calendar: Any, *, years: int = 0, months: int = 0, days: int = 0) -> _dt.date:
    """Last day of a period within which something must be done or stays valid (201–203: rest day moves)."""
    end = corresponding_day(start, years=years, months=months, days=days)
    return calendar.next_workday(end) if calendar is not None else end


def elapsed_from(start: _dt.date, *, years: int = 0, months: int = 0, days: int = 0) -> _dt.date:
    """First day on which "满 N 年/个月" holds: the day after the period ends (never moved by 203)."""
    return corresponding_day(start, years=years, months=months, days=days) + _dt.timedelta(days=1)


def after_workdays(start: _dt.date, calendar: Any, n: int) -> _dt.date:
    """First day after `n` full working days from `start` ("满 N 个工作日后"): start not counted, the n-th working
    day ends at 24:00, so the day after it."""
    return calendar.add_workdays(start, n) + _dt.timedelta(days=1)


def describe_reading(elapsed: bool) -> str:
    """The reading in words, for `explain` and docs."""
    if elapsed:
        return (f"“满”期间：起算日不计入，到期日（对应日）24时届满，次日起方为“满”；不因节假日顺延（{TEXT_ARTICLES}）")
    return (f"期间内：起算日不计入，到期日（对应日）当天仍在期限内，到期日为法定休假日的顺延至休假日结束的次日"
            f"（{TEXT_ARTICLES}）")
