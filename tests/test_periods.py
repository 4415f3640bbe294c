"""core/periods.py: the one reading of 民法典 第二百零一条至第二百零三条, on the real 2026 calendar."""
from __future__ import annotations

from datetime import date

import pytest

from govproj.core import periods
from govproj.core.calendar import WorkCalendar, load_calendar

D = date.fromisoformat
pytestmark = pytest.mark.usefixtures("isolated")  # no user calendar: the State Council schedules only


@pytest.fixture
def cal() -> WorkCalendar:
    return load_calendar(None)


def test_within_period_ends_on_the_corresponding_day(cal) -> None:
    # 2026-01-05 (Mon) + 1 month → 2026-02-05 (Thu, a working day): that day is still in time, the next is not.
    assert periods.last_day(D("2026-01-05"), cal, months=1) == D("2026-02-05")


def test_within_period_last_day_on_a_rest_day_moves(cal) -> None:
    # 2025-09-01 + 1 month → 2025-10-01 (国庆节; 10-01..10-08 off in 2025) → moves to 2025-10-09 (Thu).
    assert periods.last_day(D("2025-09-01"), cal, months=1) == D("2025-10-09")
    # 2025-05-08 + 3 months → 2025-08-08 (Fri) stays; 2026-05-08 + 3 months → 2026-08-08 (Sat) → 2026-08-10 (Mon).
    assert periods.last_day(D("2025-05-08"), cal, months=3) == D("2025-08-08")
    assert periods.last_day(D("2026-05-08"), cal, months=3) == D("2026-08-10")


def test_elapsed_condition_holds_from_the_day_after_and_is_not_moved() -> None:
    # 2025-03-01 + 1 year ends at 24:00 on 2026-03-01 (a Sunday): "满1年" from 2026-03-02, whatever the weekday.
    assert periods.elapsed_from(D("2025-03-01"), years=1) == D("2026-03-02")
    # 2024-02-29 + 1 year: no 29 Feb in 2025 → ends on 2025-02-28 (第202条), 满 from 2025-03-01.
    assert periods.elapsed_from(D("2024-02-29"), years=1) == D("2025-03-01")
    # 2025-09-30 + 1 year: 2026-09-30 (Wed) → 满 from 2026-10-01, a holiday: not moved.
    assert periods.elapsed_from(D("2025-09-30"), years=1) == D("2026-10-01")


def test_month_end_without_a_corresponding_day() -> None:
    assert periods.corresponding_day(D("2026-01-31"), months=1) == D("2026-02-28")
    with pytest.raises(ValueError):
        periods.corresponding_day(D("2026-01-31"), months=-1)


def test_calendar_period_end_is_the_same_helper(cal) -> None:
    for start, months in (("2025-09-01", 1), ("2026-05-08", 3), ("2026-01-31", 1)):
        assert cal.period_end(D(start), months=months) == periods.last_day(D(start), cal, months=months)
