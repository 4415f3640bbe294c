"""A reviewer's decision recorded in the format is what the rule follows; an order's deadline is the order's own."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from casebuild import build_project
from govproj.cli import main


def _diagnostics(folder: Path, capsys, code: str, *extra: str) -> list[dict]:
    main(["check", str(folder), "--format", "json", "--today", "2026-11-25", *extra])
    return [d for d in json.loads(capsys.readouterr().out)["diagnostics"] if d["code"] == code]


def test_software_test_decision_names_who_decided(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    build_project({"base": "xc/new", "set": {
        "budget.yaml": {"lines.0.amount": "99.99", "lines.3.amount": "148.01"},
        "project.yaml": {"decisions.software_test": {"applies": True, "by": "北京市西城区科技和信息化局",
                                                     "doc_no": "西科信函〔2026〕31号"}}}}, tmp_path / "p")
    found = _diagnostics(Path("p"), capsys, "XC207", "--stage", "acceptance")
    assert len(found) == 1 and "审查意见认定有必要进行软件测评（北京市西城区科技和信息化局 西科信函〔2026〕31号）" in found[0]["message"]


def test_an_order_within_its_deadline_is_only_noted(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    order = {"date": dt.date(2026, 10, 9), "by": "吉林省政务服务和数字化局", "kind": "限期整改"}
    for name, deadline, severity in (("on", dt.date(2026, 11, 25), "info"), ("past", dt.date(2026, 11, 24), "error")):
        build_project({"base": "jl/self", "set": {"project.yaml": {"orders": [{**order, "deadline": deadline}]}}},
                      tmp_path / name)
        found = _diagnostics(Path(name), capsys, "JL301")
        assert [d["severity"] for d in found] == [severity], found
    assert "期限" in found[0]["message"] and "已过" in found[0]["message"]
