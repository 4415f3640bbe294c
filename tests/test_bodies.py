"""Who approves, reviews or receives a filing: every declared body comes from the text, every rule that checks one
accepts the `bodies` setting, and names are matched as names, not as substrings."""
from __future__ import annotations

import pytest

from govproj.packs import available, get_pack
from govproj.packs.bodies import SETTING_NAME, Bodies, Body, candidates, wrong_body

YB = Bodies("YB111", "变更批准", "第十一条", "须书面报区大数据发展局批准", (Body("区大数据发展局"),), "changes", ("重庆市渝北", "渝北"))


def _normal(text: str) -> str:
    return "".join(text.split()).replace(",", "，").replace("(", "（").replace(")", "）")


@pytest.mark.parametrize("pid", ["bj", "xc", "yb", "jl", "gs"])
def test_every_body_is_named_by_its_article_and_checked_by_its_rule(pid: str) -> None:
    pack = get_pack(pid)
    seed = _normal(pack.seed_text())
    assert pack.bodies, f"{pid} declares no bodies"
    for bodies in pack.bodies:
        for words in bodies.words.split("……"):
            assert _normal(words) in seed, (pid, bodies.rule, words)
        for body in bodies.bodies:  # the text's own name of the body is in the text
            assert _normal(body.name).lstrip("区省市") in seed, (pid, body.name)
        rule = pack.ruleset.rules[bodies.rule]
        assert SETTING_NAME in {s.name for s in rule.settings}, f"{bodies.rule} does not accept {SETTING_NAME}"


@pytest.mark.parametrize("by,ok", [
    ("区大数据发展局", True),
    ("重庆市渝北区大数据发展局", True),
    ("渝北区大数据发展局", True),
    (" 重庆市渝北区 大数据发展局 ", True),  # spaces do not matter
    ("重庆市渝北区大数据发展局、重庆市渝北区发展和改革委员会", True),  # one of the names it lists
    ("重庆市渝北区发展和改革委员会（重庆市渝北区大数据发展局）", True),  # or gives in brackets
    ("重庆市渝北区大数据发展局筹备组", False),  # contains the name: not the body
    ("大数据发展局", False),  # which one?
    ("重庆市江北区大数据发展局", False),  # another district's
    ("重庆市渝北区财政局", False),
    ("", False),
])
def test_names_are_matched_as_names(by: str, ok: bool) -> None:
    assert YB.accepts(by) is ok


def test_the_setting_adds_names_and_is_the_only_source_where_the_text_names_none() -> None:
    assert YB.accepts("渝北区大数据局", ("渝北区大数据局",))
    assert not YB.accepts("渝北区大数据局")
    unnamed = Bodies("BJ211", "变更审查", "第21条", "报各主管部门审查", (), "changes", ("北京",))
    assert wrong_body(unnamed, "北京市某某局", "审查机关") is None  # nothing to judge by
    found = wrong_body(unnamed, "北京市某某局", "审查机关", ("北京市经济和信息化局",))
    assert found and "settings.BJ211.bodies" in found[1] and "报各主管部门审查" in found[0]


def test_nested_brackets_stay_inside_a_name() -> None:
    assert "拱墅区智慧电子政务建设（数据资源管理）工作领导小组" in candidates("拱墅区智慧电子政务建设(数据资源管理)工作领导小组")


def test_every_rule_that_reads_by_declares_its_bodies() -> None:
    """The rules whose check reads a `by` and names a body of the text: each has its declaration."""
    declared = {b.rule for pid in available() for b in get_pack(pid).bodies}
    assert {"BJ151", "BJ211", "XC102", "XC221", "YB102", "YB111", "JL041", "JL103", "JL211", "GS049",
            "GS055"} <= declared
