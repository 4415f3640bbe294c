"""`govproj deadlines` and the deadline declarations: real calendar data (2025, 2026 via chinesecalendar), the real
CLI, both sides of each deadline around real holidays, a user-supplied 2027 calendar, the 2027 estimate.

Every expected date below was counted by hand from the State Council schedules (国办发明电) and is written out in a
comment; the tests then check that `deadlines` lists it and that `check` reports on exactly the same side of it.
"""
from __future__ import annotations

import json
import re
import textwrap
from datetime import date, timedelta
from pathlib import Path

import pytest

from casebuild import build_project
from govproj.cli import main
from govproj.core.deadlines import BY, DONE, DUE, OVERDUE, PENDING, Deadline, deadline_set
from govproj.packs import available, get_pack

D = date.fromisoformat
REPO = Path(__file__).resolve().parents[1]
ARTICLE_11 = "京经信委发〔2016〕1号 第11条"


pytestmark = pytest.mark.usefixtures("isolated")  # a fresh folder, no user calendar, no colour, no cache


def make(name: str, *, base: str = "bj/upgrade", set_: dict | None = None, delete: list[str] | None = None,
         files: dict[str, str] | None = None) -> Path:
    """A project built from a Beijing example, with project.yaml edits (ISO date strings become dates)."""
    values = {k: D(v) if isinstance(v, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", v) else v
              for k, v in (set_ or {}).items()}
    case: dict = {"base": base, "set": {"project.yaml": values}}
    if delete:
        case["delete"] = {"project.yaml": delete}
    if files:
        case["files"] = files
    folder = Path(name)
    build_project(case, folder)
    return folder


def cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def listed(capsys, *paths: Path, today: str, extra: tuple[str, ...] = ()) -> list[dict]:
    code, out, _ = cli(capsys, "deadlines", *map(str, paths), "--format", "json", "--today", today, *extra)
    assert code == 0, out
    payload = json.loads(out)
    return [d for p in payload["projects"] for d in p["deadlines"]]


def one(deadlines: list[dict], code: str) -> dict:
    found = [d for d in deadlines if d["code"] == code]
    assert len(found) == 1, (code, deadlines)
    return found[0]


def findings(capsys, folder: Path, code: str, today: str) -> list[dict]:
    rc, out, _ = cli(capsys, "check", str(folder), "--format", "json", "--today", today)
    assert rc in (0, 1), out
    return [d for d in json.loads(out)["diagnostics"] if d["code"] == code]


def after(day: str) -> str:
    return (D(day) + timedelta(days=1)).isoformat()


# ---- working days: BJ111, 20 个工作日 after 受理, around every holiday with 调休 -----------------------------------

HOLIDAY_CASES = [
    # 春节 2026: Feb 15–23 off, Sat Feb 14 and Sat Feb 28 worked. From Fri Feb 6: Feb 9–13 (1–5), Sat 14 (6),
    # Feb 24–27 (7–10), Sat 28 (11), Mar 2–6 (12–16), Mar 9–12 (17–20). Mon–Fri counting alone would give Mar 6.
    pytest.param("2026-02-06", "2026-03-12", id="spring-festival-2026"),
    # 清明 2025: Apr 4–6 off. From Thu Mar 20: Mar 21 (1), Mar 24–28 (2–6), Mar 31–Apr 3 (7–10), Apr 7–11 (11–15),
    # Apr 14–18 (16–20).
    pytest.param("2025-03-20", "2025-04-18", id="qingming-2025"),
    # 劳动节 2025: May 1–5 off, Sun Apr 27 worked. From Tue Apr 22: Apr 23–25 (1–3), Sun 27 (4), Apr 28–30 (5–7),
    # May 6–9 (8–11), May 12–16 (12–16), May 19–22 (17–20).
    pytest.param("2025-04-22", "2025-05-22", id="labour-day-2025"),
    # 国庆中秋 2025: Oct 1–8 off, Sun Sep 28 and Sat Oct 11 worked (docs/calendar.md §1.1 counts it day by day).
    pytest.param("2025-09-25", "2025-10-29", id="national-day-2025"),
    # 中秋 2026 Sep 25–27 and 国庆 2026 Oct 1–7 off, Sun Sep 20 and Sat Oct 10 worked. From Fri Sep 18: Sun 20 (1),
    # Sep 21–24 (2–5), Sep 28–30 (6–8), Oct 8–9 (9–10), Sat 10 (11), Oct 12–16 (12–16), Oct 19–22 (17–20).
    pytest.param("2026-09-18", "2026-10-22", id="mid-autumn-national-day-2026"),
]


@pytest.mark.parametrize("accepted,due", HOLIDAY_CASES)
def test_workday_deadline_both_sides_around_holidays(capsys, accepted: str, due: str) -> None:
    open_ = make("open", set_={"events.prereview_accepted.date": accepted}, delete=["events.prereview_opinion"])

    # The last day itself: still due, 0 working days left; `check` gives the informational reminder.
    d = one(listed(capsys, open_, today=due), "BJ111")
    assert (d["due"], d["status"], d["workdays_left"], d["days_left"]) == (due, DUE, 0, 0)
    assert (d["kind"], d["bound"], d["article"], d["event_date"]) == ("working-days", BY, ARTICLE_11, accepted)
    [finding] = findings(capsys, open_, "BJ111", today=due)
    assert finding["severity"] == "info" and "还有 0 个工作日" in finding["message"]
    assert finding["line"] == d["line"] and finding["file"] == d["file"] == "open/project.yaml"

    # The day after: overdue in both.
    d = one(listed(capsys, open_, today=after(due)), "BJ111")
    assert d["status"] == OVERDUE and d["days_left"] == -1
    [finding] = findings(capsys, open_, "BJ111", today=after(due))
    assert finding["severity"] == "warning" and f"期限 {D(due).year}年{D(due).month}月{D(due).day}日 已过" in \
        finding["message"]

    # The opinion on the last day is in time; a day later is late — in `deadlines` and in `check` alike.
    on_time = make("on-time", set_={"events.prereview_accepted.date": accepted, "events.prereview_opinion.date": due})
    d = one(listed(capsys, on_time, today="2026-11-25"), "BJ111")
    assert (d["status"], d["on_time"], d["done_on"]) == (DONE, True, due)
    assert findings(capsys, on_time, "BJ111", today="2026-11-25") == []
    late = make("late", set_={"events.prereview_accepted.date": accepted,
                              "events.prereview_opinion.date": after(due)})
    d = one(listed(capsys, late, today="2026-11-25"), "BJ111")
    assert (d["status"], d["on_time"]) == (DONE, False)
    [finding] = findings(capsys, late, "BJ111", today="2026-11-25")
    assert "晚于20个工作日期限" in finding["message"]


def test_overdue_over_a_weekend_counts_calendar_days(capsys) -> None:
    # Due Fri 2025-04-18; on Sat 04-19 no working day has passed yet, but the deadline has.
    folder = make("p", set_={"events.prereview_accepted.date": "2025-03-20"}, delete=["events.prereview_opinion"])
    d = one(listed(capsys, folder, today="2025-04-19"), "BJ111")
    assert (d["status"], d["workdays_left"], d["days_left"]) == (OVERDUE, 0, -1)
    code, out, _ = cli(capsys, "deadlines", "p", "--today", "2025-04-19")
    assert "已逾期 1 天" in out
    code, out, _ = cli(capsys, "deadlines", "p", "--today", "2025-04-22")  # Tue: Mon 21 and Tue 22 have passed
    assert "已逾期 2 个工作日（4 天）" in out


# ---- calendar periods: BJ131 1 year, 民法典 第203条 moves a last day that is a holiday ------------------------------

PERIOD_CASES = [
    # 2026-10-01 is in the 国庆 holiday (Oct 1–7): the period ends on Thu Oct 8.
    pytest.param("2025-10-01", "2026-10-08", id="national-day"),
    # 2026-02-17 is in the 春节 holiday (Feb 15–23): ends Tue Feb 24.
    pytest.param("2025-02-17", "2026-02-24", id="spring-festival"),
    # 2026-04-05 is 清明 (Apr 4–6): ends Tue Apr 7.
    pytest.param("2025-04-05", "2026-04-07", id="qingming"),
    # 2026-05-03 is in 劳动节 (May 1–5): ends Wed May 6.
    pytest.param("2025-05-03", "2026-05-06", id="labour-day"),
    # 2026-01-01 is 元旦 (Jan 1–3); Sun Jan 4 is worked (调休), so the period ends that Sunday.
    pytest.param("2025-01-01", "2026-01-04", id="new-year-adjusted-sunday"),
    # 2026-02-28 is a Saturday, but worked (春节调休): no move.
    pytest.param("2025-02-28", "2026-02-28", id="adjusted-saturday-no-move"),
]


@pytest.mark.parametrize("opinion,valid_until", PERIOD_CASES)
def test_period_deadline_both_sides_of_the_postponed_last_day(capsys, opinion: str, valid_until: str) -> None:
    in_time = make("in", base="bj/new", set_={"events.prereview_opinion.date": opinion,
                                              "events.approved.date": valid_until})
    d = one(listed(capsys, in_time, today="2026-11-25"), "BJ131")
    assert (d["due"], d["base_due"], d["kind"], d["on_time"]) == (valid_until, valid_until, "calendar-period", True)
    assert findings(capsys, in_time, "BJ131", today="2026-11-25") == []

    too_late = make("late", base="bj/new", set_={"events.prereview_opinion.date": opinion,
                                                 "events.approved.date": after(valid_until)})
    d = one(listed(capsys, too_late, today="2026-11-25"), "BJ131")
    assert (d["due"], d["on_time"]) == (valid_until, False)
    [finding] = findings(capsys, too_late, "BJ131", today="2026-11-25")
    assert finding["severity"] == "error"
    assert f"有效期至 {D(valid_until).year}年{D(valid_until).month}月{D(valid_until).day}日" in finding["message"]

    pending = make("pending", base="bj/new", set_={"events.prereview_opinion.date": opinion},
                   delete=["events.approved"])
    assert one(listed(capsys, pending, today=valid_until), "BJ131")["status"] == DUE
    assert findings(capsys, pending, "BJ131", today=valid_until) == []
    assert one(listed(capsys, pending, today=after(valid_until)), "BJ131")["status"] == OVERDUE
    assert len(findings(capsys, pending, "BJ131", today=after(valid_until))) == 1


def test_extension_moves_the_deadline(capsys) -> None:
    base = {"events.prereview_opinion.date": "2025-09-10", "events.extension.date": "2026-09-01",
            "events.extension.until": "2027-03-31"}
    folder = make("p", base="bj/new", set_={**base, "events.approved.date": "2027-03-31"})
    d = one(listed(capsys, folder, today="2027-04-01"), "BJ131")
    assert (d["base_due"], d["due"], d["extension"], d["on_time"]) == ("2026-09-10", "2027-03-31", "2027-03-31", True)
    assert findings(capsys, folder, "BJ131", today="2027-04-01") == []
    folder = make("q", base="bj/new", set_={**base, "events.approved.date": "2027-04-01"})
    assert one(listed(capsys, folder, today="2027-04-01"), "BJ131")["on_time"] is False
    [finding] = findings(capsys, folder, "BJ131", today="2027-04-01")
    assert "延期至 2027年3月31日" in finding["message"]


# ---- fixed dates (期日): BJ102 31 July, BJ031 31 May — they do not move on a weekend ---------------------------------

def test_fixed_dates_do_not_move_to_the_next_working_day(capsys) -> None:
    # 2027-07-31 is a Saturday; the 2028 upgrade must still be declared by then, not by Mon Aug 2.
    ok = make("ok", set_={"budget_year": 2028, "events.declared.date": "2027-07-31"})
    d = one(listed(capsys, ok, today="2027-08-10"), "BJ102")
    assert (d["due"], d["on_time"], d["kind"], d["event_date"]) == ("2027-07-31", True, "calendar-period", None)
    assert findings(capsys, ok, "BJ102", today="2027-08-10") == []
    monday = make("monday", set_={"budget_year": 2028, "events.declared.date": "2027-08-02"})
    assert one(listed(capsys, monday, today="2027-08-10"), "BJ102")["on_time"] is False
    assert len(findings(capsys, monday, "BJ102", today="2027-08-10")) == 1

    # 2026-05-31 is a Sunday; a plan reported on Mon June 1 is late.
    for name, reported, on_time in (("sunday", "2026-05-31", True), ("june", "2026-06-01", False),
                                    ("last-year", "2025-12-30", False)):
        folder = make(name, base="bj/new", set_={"events.annual_plan_reported.date": reported,
                                                 "events.declared.date": "2026-07-10"})
        d = one(listed(capsys, folder, today="2026-11-25"), "BJ031")
        assert (d["due"], d["on_time"], d["opens"]) == ("2026-05-31", on_time, "2026-01-01"), name
        assert len(findings(capsys, folder, "BJ031", today="2026-11-25")) == (0 if on_time else 1), name
    _, out, _ = cli(capsys, "deadlines", "last-year", "--today", "2026-11-25")
    assert "2025-12-30 办理，早于 2026-01-01，不算数" in out


def test_annual_plan_before_declaration_is_not_yet_due(capsys) -> None:
    """Not declared yet: the count has not started, so the deadline is 未到期, never overdue (issue 13 item 9)."""
    folder = make("p", base="bj/new", delete=["events.annual_plan_reported", "events.declared"])
    d = one(listed(capsys, folder, today="2027-03-01"), "BJ031")
    assert (d["due"], d["assumed"], d["status"]) == ("2027-05-31", True, PENDING)
    # after 31 May the next 31 May is the earliest the deadline can still bind: not a year already over
    d = one(listed(capsys, folder, today="2027-06-10"), "BJ031")
    assert (d["due"], d["status"]) == ("2028-05-31", PENDING)
    _, out, _ = cli(capsys, "deadlines", "p", "--today", "2027-06-10")
    assert "未到期：提交申报尚未发生" in out and "已逾期 0，" in out and "未到期 1" in out


def test_a_fresh_scaffold_is_never_overdue(capsys) -> None:
    code, out, _ = cli(capsys, "new", "fresh", "-j", "bj", "-k", "new", "--name", "某某系统建设项目", "--unit", "某某局")
    assert code == 0, out
    every = listed(capsys, Path("fresh"), today="2026-12-03")
    assert every and all(d["status"] != OVERDUE for d in every), every
    code, out, _ = cli(capsys, "status", "fresh", "--format", "json", "--today", "2026-12-03")
    assert json.loads(out)["projects"][0]["overdue"] == 0


def test_a_planned_date_gives_the_year(capsys) -> None:
    folder = make("p", base="bj/new", delete=["events.annual_plan_reported", "events.declared"],
                  set_={"settings": {"BJ031": {"planned_declared": D("2028-03-01")}}})
    d = one(listed(capsys, folder, today="2026-12-03"), "BJ031")
    assert (d["due"], d["status"], d["planned"]) == ("2028-05-31", PENDING, "2028-03-01")
    _, out, _ = cli(capsys, "deadlines", "p", "--today", "2026-12-03")
    assert "按计划日期 2028-03-01 推算" in out
    assert not findings(capsys, folder, "GP030", today="2026-12-03")  # a valid setting of the rule
    folder = make("q", base="bj/new", set_={"settings": {"BJ031": {"planned_declared": "明年春天"}}})
    assert findings(capsys, folder, "GP030", today="2026-12-03")


def test_a_start_dated_after_today_is_not_yet_due(capsys) -> None:
    """受理 recorded for next week: the 20 working days have not started, whatever today is."""
    folder = make("p", base="bj/new", set_={"stage": "prereview", "events.prereview_accepted.date": "2026-12-10"},
                  delete=["events.prereview_opinion"])
    d = one(listed(capsys, folder, today="2026-12-03"), "BJ111")
    assert d["status"] == PENDING


def test_earliest_date_of_an_upgrade(capsys) -> None:
    # BJ062: an upgrade may be declared once the predecessor has run a full year (民法典 201–203: the period from
    # 2025-03-01 ends at 24:00 on 2026-03-01, so "满1年" holds from 2026-03-02; no 203 move: it is an elapsed
    # period, not a time limit — 2026-03-01 is a Sunday and the first day stays 2026-03-02).
    for declared, on_time in (("2026-03-02", True), ("2026-03-01", False), ("2026-02-28", False)):
        folder = make(f"p{declared}", set_={"predecessor.operation_since": "2025-03-01",
                                            "events.declared.date": declared})
        d = one(listed(capsys, folder, today="2026-11-25"), "BJ062")
        assert (d["bound"], d["due"], d["on_time"]) == ("from", "2026-03-02", on_time)
        assert len(findings(capsys, folder, "BJ062", today="2026-11-25")) == (0 if on_time else 1)


@pytest.mark.skipif("yb" not in available(), reason="the Yubei pack is not installed")
def test_only_a_passed_acceptance_starts_the_archive_deadline(capsys) -> None:
    # YB151 (渝北 第十五条): "完成验收后10个工作日内" — a failed acceptance starts nothing, in the rule and the list alike.
    # 2026-11-10 (Tue) accepted → Nov 11–13 (1–3), Nov 16–20 (4–8), Nov 23–24 (9–10): due 2026-11-24.
    for result, listed_due in (("pass", "2026-11-24"), ("conditional", "2026-11-24"), ("fail", None)):
        folder = make(f"yb-{result}", base="yb/build", set_={"events.accepted.result": result},
                      delete=["events.archived"])
        found = [d for d in listed(capsys, folder, today="2026-11-25") if d["code"] == "YB151"]
        assert [d["due"] for d in found] == ([listed_due] if listed_due else []), result
        assert len(findings(capsys, folder, "YB151", today="2026-11-25")) == (1 if listed_due else 0), result


@pytest.mark.skipif("jl" not in available(), reason="the Jilin pack is not installed")
def test_a_failed_acceptance_does_not_complete_it(capsys) -> None:
    # JL261 (吉林 第二十六条): planned 2026-10-30; a failed acceptance on 2026-10-20 is not "完成竣工验收".
    base = {"stage": "final", "schedule.acceptance": "2026-10-30", "events.final_accepted.date": "2026-10-20"}
    for result, status in (("pass", DONE), ("fail", OVERDUE)):
        folder = make(f"jl-{result}", base="jl/self", set_={**base, "events.final_accepted.result": result})
        d = one(listed(capsys, folder, today="2026-11-25"), "JL261")
        assert (d["due"], d["status"]) == ("2026-10-30", status), result
        assert len(findings(capsys, folder, "JL261", today="2026-11-25")) == (0 if status == DONE else 1), result


# ---- 2027: the estimate and its warning; a user calendar changes the result ------------------------------------------

CALENDAR_2027 = """\
# 仅为测试用的 2027 年安排（格式示例，不是国务院通知的内容）
years:
  2027:
    source: "测试用安排"
    holidays:
      - {date: 2027-01-01, name: 元旦}
      - {from: 2027-02-05, to: 2027-02-12, name: 春节}
    workdays:
      - {date: 2027-02-14, name: 春节}
      - {date: 2027-02-20, name: 春节}
"""


def test_2027_estimate_then_user_calendar(capsys) -> None:
    # Accepted Mon 2027-01-25. The estimate (《全国年节及纪念日放假办法》) only takes 除夕 Feb 5 and 初一–初三
    # Feb 6–8 off, no 调休: Jan 26–29 (1–4), Feb 1–4 (5–8), Feb 9–12 (9–12), Feb 15–19 (13–17), Feb 22–24 (18–20).
    folder = make("p", set_={"events.prereview_accepted.date": "2027-01-25"}, delete=["events.prereview_opinion"])
    code, out, err = cli(capsys, "deadlines", "p", "--format", "json", "--today", "2027-02-01")
    d = one([x for p in json.loads(out)["projects"] for x in p["deadlines"]], "BJ111")
    assert (d["due"], d["estimated_years"]) == ("2027-02-24", [2027])
    assert "警告：2027 年的放假安排没有官方数据" in err
    _, text, _ = cli(capsys, "deadlines", "p", "--today", "2027-02-01")
    assert "2027-02-24（星期三）（估算）" in text
    [finding] = findings(capsys, folder, "BJ111", today="2027-02-01")
    assert finding["severity"] == "warning" and "2027 年放假安排未知，按法定节假日估算" in finding["message"]

    # With the project's calendar.yaml: Feb 5–12 off, Sun Feb 14 and Sat Feb 20 worked. Jan 26–29 (1–4),
    # Feb 1–4 (5–8), Sun 14 (9), Feb 15–19 (10–14), Sat 20 (15), Feb 22–26 (16–20).
    (folder / "calendar.yaml").write_text(CALENDAR_2027, encoding="utf-8")
    code, out, err = cli(capsys, "deadlines", "p", "--format", "json", "--today", "2027-02-01")
    d = one([x for p in json.loads(out)["projects"] for x in p["deadlines"]], "BJ111")
    assert (d["due"], d["estimated_years"]) == ("2027-02-26", [])
    assert "警告" not in err
    [finding] = findings(capsys, folder, "BJ111", today="2027-02-01")
    assert finding["severity"] == "info" and "估算" not in finding["message"]


def test_working_days_left_through_an_estimated_year_are_flagged(capsys) -> None:
    # BJ102 for budget year 2029: due 2028-07-31, a fixed date — but "还有 N 个工作日" from 2026 counts 2027 and
    # 2028 by the estimate, so the listing says so.
    make("p", set_={"budget_year": 2029}, delete=["events.declared"])
    code, out, err = cli(capsys, "deadlines", "p", "--format", "json", "--today", "2026-11-25")
    d = one([x for p in json.loads(out)["projects"] for x in p["deadlines"]], "BJ102")
    assert (d["due"], d["estimated_years"], d["left_estimated_years"]) == ("2028-07-31", [], [2027, 2028])
    assert "警告：2027 年、2028 年的放假安排没有官方数据" in err
    _, text, _ = cli(capsys, "deadlines", "p", "--today", "2026-11-25")
    assert "截止 2028-07-31（星期一）（估算）" in text


# ---- output: text, colour, --within, JSON ------------------------------------------------------------------------------

def test_text_output_and_red_only_on_request(capsys, monkeypatch) -> None:
    make("p", set_={"events.prereview_accepted.date": "2026-09-18"}, delete=["events.prereview_opinion"])
    code, out, err = cli(capsys, "deadlines", "p", "--today", "2026-11-25")
    assert code == 0 and "\033[" not in out
    assert "截止 2026-10-22（星期四）  已逾期 24 个工作日（34 天）  市经信委完成前置评审（出具意见函）" in out
    assert "自受理之日起20个工作日内，自前置评审受理 2026-09-18（p/project.yaml:" in out
    assert f"依据：{ARTICLE_11}（BJ111）" in out
    assert out.rstrip().endswith("共 1 个项目、3 个期限：已逾期 1，待办 0，已完成 2")
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.delenv("CI", raising=False)
    _, out, _ = cli(capsys, "deadlines", "p", "--today", "2026-11-25")
    late_row = next(line for line in out.splitlines() if "已逾期 24 个工作日" in line)
    assert late_row.startswith("\033[31m")  # the late deadline's row is red (rich table on a terminal)
    assert "市经信委完成前置评审" in re.sub(r"\033\[[0-9;]*m", "", out)


def test_within_keeps_open_deadlines_up_to_the_window(capsys) -> None:
    make("overdue", set_={"events.prereview_accepted.date": "2026-09-18"}, delete=["events.prereview_opinion"])
    make("soon", set_={"events.prereview_accepted.date": "2026-11-20"}, delete=["events.prereview_opinion"])
    # soon: accepted Fri 2026-11-20 → due Fri 2026-12-18, 17 working days / 23 days after 2026-11-25.
    everything = listed(capsys, Path("."), today="2026-11-25")
    assert {(d["project"], d["code"]) for d in everything if d["code"] == "BJ111"} == {("overdue", "BJ111"),
                                                                                        ("soon", "BJ111")}
    picked = listed(capsys, Path("."), today="2026-11-25", extra=("--within", "30d"))
    assert {(d["project"], d["due"]) for d in picked} == {("overdue", "2026-10-22"), ("soon", "2026-12-18")}
    picked = listed(capsys, Path("."), today="2026-11-25", extra=("--within", "22d"))
    assert {d["project"] for d in picked} == {"overdue"}
    picked = listed(capsys, Path("."), today="2026-11-25", extra=("--within", "17wd"))
    assert {d["project"] for d in picked} == {"overdue", "soon"}
    picked = listed(capsys, Path("."), today="2026-11-25", extra=("--within", "16wd"))
    assert {d["project"] for d in picked} == {"overdue"}
    picked = listed(capsys, Path("."), today="2026-11-25", extra=("--within", "4w"))
    assert {d["project"] for d in picked} == {"overdue", "soon"}
    code, _, err = cli(capsys, "deadlines", ".", "--within", "soon")
    assert code == 2 and "--within 的值“soon”看不懂" in err


def test_json_shape_and_unreadable_projects(capsys) -> None:
    make("p", set_={"events.prereview_accepted.date": "2026-09-18"}, delete=["events.prereview_opinion"])
    Path("broken").mkdir()
    Path("broken/project.yaml").write_text("id: [\n", encoding="utf-8")
    code, out, _ = cli(capsys, "deadlines", ".", "--format", "json", "--today", "2026-11-25")
    assert code == 2  # an unreadable project, as in `check`
    payload = json.loads(out)
    assert payload["version"] == 1 and payload["today"] == "2026-11-25"
    assert payload["summary"] == {"projects": 2, "deadlines": 3, "overdue": 1, "done": 2, "pending": 0, "unreadable": 1}
    broken, p = payload["projects"]
    assert broken["load_error"] and broken["deadlines"] == []
    record = one(p["deadlines"], "BJ111")
    assert Deadline.from_json(record).to_json() == record


# ---- iCalendar ---------------------------------------------------------------------------------------------------------

def parse_ics(data: bytes) -> list[dict]:
    """A strict reader of what RFC 5545 requires of our output: CRLF, ≤ 75 octets a line, folding, nesting."""
    assert data.endswith(b"\r\n")
    physical = data[:-2].split(b"\r\n")
    assert all(b"\n" not in line and b"\r" not in line for line in physical), "bare LF or CR"
    assert all(len(line) <= 75 for line in physical), max(physical, key=len)
    lines: list[str] = []
    for raw in physical:
        text = raw.decode("utf-8")  # every physical line is valid UTF-8: no fold inside a character
        if text.startswith(" "):
            lines[-1] += text[1:]
        else:
            lines.append(text)
    stack, events, current = [], [], None
    for line in lines:
        name, _, value = line.partition(":")
        if name == "BEGIN":
            stack.append(value)
            if value == "VEVENT":
                current = {}
        elif name == "END":
            assert stack.pop() == value
            if value == "VEVENT":
                events.append(current)
        elif stack[-1] == "VEVENT":
            key = name.split(";")[0]
            assert key not in current, f"{key} twice"
            current[key] = (name, value)
        else:
            assert stack == ["VCALENDAR"]
    assert stack == [] and lines[0] == "BEGIN:VCALENDAR" and "VERSION:2.0" in lines
    assert any(line.startswith("PRODID:") for line in lines)
    return events


def unescape(value: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def test_ics_is_valid_and_stable(capsys, tmp_path) -> None:
    make("p", set_={"events.prereview_accepted.date": "2026-09-18", "name": "很长的项目名称，" * 8},
         delete=["events.prereview_opinion"])
    code, _, _ = cli(capsys, "deadlines", "p", "--format", "ics", "-o", "out.ics", "--today", "2026-11-25")
    assert code == 0
    data = (tmp_path / "out.ics").read_bytes()
    events = parse_ics(data)
    assert len(events) == 3  # BJ111 (overdue), BJ062 and BJ102 (done)
    by_summary = {unescape(e["SUMMARY"][1]): e for e in events}
    overdue = next(e for s, e in by_summary.items() if s.startswith("【已逾期】市经信委完成前置评审"))
    assert overdue["DTSTART"] == ("DTSTART;VALUE=DATE", "20261022")
    assert overdue["DTEND"] == ("DTEND;VALUE=DATE", "20261023")  # all-day: the end is exclusive
    assert re.fullmatch(r"\d{8}T\d{6}Z", overdue["DTSTAMP"][1])
    assert overdue["DTSTAMP"][1] == "20261022T000000Z"  # from the data (the latest date it depends on)
    description = unescape(overdue["DESCRIPTION"][1])
    assert f"依据：{ARTICLE_11}（规则 BJ111）" in description and "起算：自前置评审受理 2026-09-18" in description
    assert overdue["CATEGORIES"][1] == "govproj,bj,BJ111"
    assert len({e["UID"][1] for e in events}) == 3

    # Same data → same bytes on stdout; another day or another folder name → same UIDs (apps update in place).
    _, out1, _ = cli(capsys, "deadlines", "p", "--format", "ics", "--today", "2026-11-25")
    assert out1.encode("utf-8") == data
    Path("p").rename("renamed")
    _, out2, _ = cli(capsys, "deadlines", "renamed", "--format", "ics", "--today", "2026-12-31")
    assert {e["UID"][1] for e in parse_ics(out2.encode("utf-8"))} == {e["UID"][1] for e in events}


def test_ics_folds_at_75_octets_between_characters() -> None:
    from govproj.commands.deadlines import fold, ics_escape

    line = "SUMMARY:" + ics_escape("前置评审，意见函；a\\b\n") * 9
    folded = fold(line)
    pieces = folded.split("\r\n")
    assert len(pieces) > 1 and all(len(p.encode("utf-8")) <= 75 for p in pieces)
    assert "".join([pieces[0]] + [p[1:] for p in pieces[1:]]) == line
    assert unescape(line[len("SUMMARY:"):]) == "前置评审，意见函；a\\b\n" * 9


# ---- the registry --------------------------------------------------------------------------------------------------------

def test_every_declaration_names_a_rule_of_its_pack_and_is_documented() -> None:
    doc = (REPO / "docs" / "deadlines.md").read_text(encoding="utf-8")
    declared = 0
    for pid in available():
        pack = get_pack(pid)
        deadlines = deadline_set(pack)
        if deadlines is None:
            continue
        for decl in deadlines:
            declared += 1
            rule = pack.ruleset.rules.get(decl.code)
            assert rule is not None, f"{decl.code} declares a deadline but the pack has no such rule"
            assert decl.kind in ("working-days", "calendar-period") and decl.what and decl.describe()
            assert re.search(rf"^#+ .*{decl.code}", doc, flags=re.M), f"docs/deadlines.md has no section for {decl.code}"
    assert declared >= 5


def test_calendar_doc_links_the_deadline_doc() -> None:
    assert "deadlines.md" in (REPO / "docs" / "calendar.md").read_text(encoding="utf-8")


def test_help_is_chinese(capsys) -> None:
    code, out, _ = cli(capsys, "deadlines", "--help")
    assert code == 0 and "--within" in out and "iCalendar" in out and "示例" in out
    assert textwrap.dedent(out).count("govproj deadlines") >= 3
