"""Events in the future: a gate cannot rest on what has not happened (GP060), other future dates are warnings
(GP061), and 长期有效 is not a date (a validity field, or its absence, says it)."""
from __future__ import annotations

import datetime as _dt
import json
from pathlib import Path

from casebuild import build_project
from govproj.cli import main


def check(capsys, folder: Path, *args: str) -> tuple[int, list[dict]]:
    code = main(["check", str(folder), "--format", "json", *args])
    return code, json.loads(capsys.readouterr().out)["diagnostics"]


def test_an_acceptance_next_month_does_not_open_evaluation(tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    build_project({"base": "bj/new", "set": {"project.yaml": {
        "events.accepted": {"date": _dt.date(2026, 12, 20), "result": "pass"}}}}, Path("p"))
    code, found = check(capsys, Path("p"), "--stage", "evaluation", "--today", "2026-11-25")
    gp060 = [d for d in found if d["code"] == "GP060"]
    assert code == 1 and gp060 and gp060[0]["severity"] == "error"
    assert "“竣工验收”的日期 2026-12-20 晚于检查日 2026-11-25" in gp060[0]["message"]
    lines = Path("p/project.yaml").read_text(encoding="utf-8").splitlines()
    assert "2026-12-20" in lines[gp060[0]["line"] - 1]  # at the event's date line
    # on the day itself it has happened
    code, found = check(capsys, Path("p"), "--stage", "evaluation", "--today", "2026-12-20")
    assert not [d for d in found if d["code"] in ("GP060", "GP061")]


def test_a_future_date_no_gate_reads_is_a_warning(tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    build_project({"base": "bj/new", "set": {"project.yaml": {
        "events.accepted": {"date": _dt.date(2026, 12, 20), "result": "pass"}}}}, Path("p"))
    code, found = check(capsys, Path("p"), "--today", "2026-11-25")  # at 细化建设内容 no gate reads the acceptance
    assert [d["severity"] for d in found if d["code"] in ("GP060", "GP061")] == ["warning"]


def test_long_term_validity_is_not_a_date(tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    build_project({"base": "bj/new", "set": {"project.yaml": {
        "events.extension": {"date": _dt.date(2026, 6, 1), "until": _dt.date(9999, 12, 31)},
        "waivers.0": {"rule": "BJ071", "reason": "涉密", "approved_by": "孙卫东", "expires": _dt.date(9999, 12, 31)}}}},
        Path("p"))
    code, found = check(capsys, Path("p"), "--today", "2026-11-25")
    hints = {d["message"].split("”")[0]: d["hint"] for d in found if d["code"] == "GP001"}
    assert any("不写 until" in h for h in hints.values()), hints
    assert any("豁免必须有具体的到期日" in h for h in hints.values()), hints
