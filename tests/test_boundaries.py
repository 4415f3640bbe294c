"""Every rule with a threshold or a period declares how its boundary reads (`Rule.boundaries`), and `explain` shows
it: the word of the text, whether the boundary value is included, and why (民法典 第一千二百五十九条 for 以上/以下/
超过…, 第二百零一条至第二百零三条 for periods, or the text's own words)."""
from __future__ import annotations

import json
import re

import pytest

from govproj.cli import main
from govproj.core.deadlines import deadline_set
from govproj.packs import available, get_pack

# a figure with a unit in the quoted article: a threshold or a period the rule applies
FIGURE = re.compile(r"(\d+(?:\.\d+)?|[一二三四五六七八九十两半]+)\s*(万元|%|％|个工作日|个月|日|天|年|周)")
# rules whose threshold is in their classifier rather than their quote (change control), or set by the user
THRESHOLD_IN_CODE = {"YB111", "JL211", "XC103"}


def threshold_or_period_rules():
    for pid in available():
        pack = get_pack(pid)
        declared = deadline_set(pack)
        periods = {d.code for d in declared} if declared else set()
        for rule in pack.rules:
            by_setting = any(s.kind in ("money", "percent", "int") for s in rule.settings)  # the figure is a setting
            if rule.code in periods or rule.code in THRESHOLD_IN_CODE or by_setting or FIGURE.search(rule.citation.quote):
                yield rule


RULES = list(threshold_or_period_rules())


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_every_threshold_or_period_rule_declares_its_boundary(rule) -> None:
    assert rule.boundaries, f"{rule.code} has a threshold or period but declares no boundary"
    for b in rule.boundaries:
        assert b.what and b.word and b.example, (rule.code, b)
        assert "民法典" in b.why or "原文" in b.why, (rule.code, b.why)
        if b.word in ("以上", "以下", "以内", "不超过", "不低于"):
            assert b.included, (rule.code, b)
        if b.word in ("超过", "低于", "满", "个工作日后"):  # the boundary value itself does not satisfy
            assert not b.included, (rule.code, b)


def test_the_figures_are_found() -> None:
    assert len(RULES) >= 34


def test_explain_shows_the_boundary(capsys) -> None:
    assert main(["explain", "XC207"]) == 0
    out = capsys.readouterr().out
    assert "边界" in out and "原文“以上”，含本数" in out and "第一千二百五十九条" in out
    assert main(["explain", "XC321"]) == 0
    out = capsys.readouterr().out
    assert "原文“满”，不含本数" in out and "第二百零一条至第二百零三条" in out and "2026-10-29 起" in out
    assert main(["explain", "JL211", "--format", "json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert [b["included"] for b in payload["boundaries"]] == [True, True]
    assert payload["bodies"][0]["accepted"][0]["name"] == "省政务服务和数字化局"
