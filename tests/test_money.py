"""Money carries its unit: exact 元 ↔ 万元, no comparison with a bare number, budget.yaml `unit:` honoured everywhere."""
from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from casebuild import build_project
from govproj.cli import main
from govproj.core.fields import parse_money
from govproj.core.money import Money


def test_units_convert_exactly():
    assert Money.yuan(1805000) == Money.wan("180.5") == Money.wan(Decimal("180.50"))
    assert Money.yuan("0.01").in_wan == Decimal("0.000001") and Money.wan("0.000001").in_yuan == Decimal("0.01")
    assert Money.yuan("12345678901234567890.12").in_wan == Decimal("1234567890123456.789012")
    assert Money.yuan(1805000).text() == "180.50" and Money.yuan(1805001).text() == "180.5001"
    assert f"{Money.wan('186.5'):f}" == "186.5" and str(Money.wan(100)) == "100.00万元"
    assert sum([Money.wan(1), Money.yuan(5000)], Money.zero()) == Money.wan("1.5")
    assert Money.wan(10) / Money.wan(100) == Decimal("0.1") and Money.wan(3) * Decimal("0.1") == Money.yuan(3000)
    assert hash(Money.yuan(10000)) == hash(Money.wan(1)) and not Money.zero() and Money.yuan("0.01")


def test_a_bare_number_is_refused():
    with pytest.raises(TypeError):
        Money.wan(100) >= Decimal(100)  # noqa: B015
    with pytest.raises(TypeError):
        Money.wan(100) == 100  # noqa: B015
    with pytest.raises(TypeError):
        Money.wan(1) + Decimal(1)
    with pytest.raises(TypeError):
        Money.wan(1.5)
    with pytest.raises(AttributeError):
        Money.wan(1)._yuan = Decimal(2)  # type: ignore[misc]
    assert Money.wan(1) != None  # noqa: E711  (an absent amount is simply not equal)


@pytest.mark.parametrize("raw, text, unit, expected", [
    (1805000, None, "元", Money.wan("180.5")),
    (Decimal("180.5"), "180.5", "万元", Money.yuan(1805000)),
    ("1,805,000元", None, "万元", Money.wan("180.5")),   # the text's own unit wins
    ("180.5万元", None, "元", Money.yuan(1805000)),
    ("180.5万", None, "元", Money.yuan(1805000)),
    (Decimal("1805000.01"), "1805000.01", "元", Money.yuan("1805000.01")),
])
def test_parse_money_reads_the_unit(raw, text, unit, expected):
    amount, error, _ = parse_money(raw, text, unit)
    assert error is None and amount == expected


@pytest.mark.parametrize("raw, text, unit, words", [
    (Decimal("1805000.001"), "1805000.001", "元", "以元计最多 2 位小数"),
    (Decimal("180.0000001"), "180.0000001", "万元", "万元最多 6 位小数"),
    ("1805000.001元", None, "万元", "以元计最多 2 位小数"),
    (-5, None, "元", "负数"),
    ("1e6", None, "元", "科学计数法"),
    (10 ** 26, None, "元", "太大"),
])
def test_parse_money_refuses(raw, text, unit, words):
    amount, error, _ = parse_money(raw, text, unit)
    assert amount is None and words in error


def _check(folder: Path, capsys, *extra: str) -> list[dict]:
    main(["check", str(folder), "--format", "json", "--today", "2026-11-25", *extra])
    return json.loads(capsys.readouterr().out)["diagnostics"]


def test_a_budget_in_yuan_checks_as_the_same_budget_in_wan(tmp_path, capsys, monkeypatch):
    """Every pack's example, its budget rewritten in 元: the same findings (the messages print 万元 alike)."""
    from govproj.packs import available, get_pack

    monkeypatch.chdir(tmp_path)
    for pid in available():
        for example in get_pack(pid).examples:
            wan, yuan = tmp_path / f"{pid}-{example}-wan", tmp_path / f"{pid}-{example}-yuan"
            build_project({"base": f"{pid}/{example}"}, wan)
            build_project({"base": f"{pid}/{example}", "yuan": True}, yuan)
            assert "unit: 元" in (yuan / "budget.yaml").read_text(encoding="utf-8")

            def seen(folder: Path) -> list[tuple]:
                return sorted((d["code"], d["file"].split("/")[-1], d["line"], d["message"]) for d in _check(folder, capsys))

            assert seen(wan) == seen(yuan), f"{pid}/{example}"


def test_yuan_budget_is_compared_with_wan_thresholds(tmp_path, capsys, monkeypatch):
    """西城 第二十条: 软硬件投资 100 万元（含）以上须监理. 999,999.99 元 is below, 1,000,000 元 is at the line."""
    monkeypatch.chdir(tmp_path)
    below = {"base": "xc/new", "yuan": True, "delete": {"contract.yaml": ["parties.0"]},
             "set": {"budget.yaml": {"lines.0.amount": Decimal("539999.99"), "lines.3.amount": Decimal("1940000.01")}}}
    at = {"base": "xc/new", "yuan": True, "delete": {"contract.yaml": ["parties.0"]},
          "set": {"budget.yaml": {"lines.0.amount": Decimal("540000"), "lines.3.amount": Decimal("1940000")}}}
    build_project(below, tmp_path / "below")
    build_project(at, tmp_path / "at")
    assert not [d for d in _check(tmp_path / "below", capsys) if d["code"] in ("XC208", "GP020")]
    found = [d for d in _check(tmp_path / "at", capsys) if d["code"] in ("XC208", "GP020")]
    assert [d["code"] for d in found] == ["XC208"] and "合计 100 万元" in found[0]["message"]


def test_a_yuan_budget_renders_as_the_wan_budget(tmp_path, monkeypatch, capsys):
    pytest.importorskip("docx")
    from test_render_labels import document_text

    monkeypatch.chdir(tmp_path)
    texts = []
    for name, yuan in (("wan", False), ("yuan", True)):
        build_project({"base": "yb/build", "yuan": yuan}, tmp_path / name)
        assert main(["render", name, "--form", "declaration"]) == 0
        capsys.readouterr()
        texts.append(document_text(next((tmp_path / name / "forms").glob("*.docx"))))
    assert texts[0] == texts[1] and "万元" in texts[0]
    assert "0000.00" not in texts[1]  # no amount printed in 元 as if it were 万元


def test_export_carries_the_unit(tmp_path, capsys, monkeypatch):
    from govproj.edges.batch import facts
    from govproj.core.project import load_project

    monkeypatch.chdir(tmp_path)
    build_project({"base": "xc/new", "yuan": True}, tmp_path / "p")
    project = load_project(tmp_path / "p")
    got = facts(project)
    assert got["budget_unit"] == "元" and Money.yuan(got["budget_total"]) == project.total


def test_record_writes_amounts_in_the_files_unit(tmp_path, capsys, monkeypatch):
    """`record --amount` in a budget kept in 元: a bare number is 元 there (as check reads it), a repeat is refused."""
    from govproj.core.project import load_project

    monkeypatch.chdir(tmp_path)
    build_project({"base": "xc/new", "yuan": True}, tmp_path / "p")
    args = ["record", "p", "lines", "--item", "--set", "name=接口开发", "--set", "category=软件开发", "--amount", "1205000"]
    assert main(args) == 0
    lines = load_project(tmp_path / "p").get("budget.yaml", "lines")
    assert lines[-1]["amount"] == Money.wan("120.5")
    capsys.readouterr()
    assert main(args) == 2 and "已经是这一项" in capsys.readouterr().err
    assert main(["record", "p", "lines", "--item", "--set", "name=接口二期", "--amount", "1205000.001"]) == 2
    assert "以元计最多 2 位小数" in capsys.readouterr().err
