"""Every rule's fixture cases: a pack example edited as the case says, checked through the real CLI.

tests/cases/<pack>/<CODE>/{pass,fail}*.yaml. `expect` lists the findings of that rule's code as "file:line".
Set GOVPROJ_UPDATE_CASES=1 to rewrite the `expect` lists from the current output (then review the diff).
"""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from casebuild import CASES, build_project, load_case
from govproj.cli import main
from govproj.packs import available, get_pack, shared

CASE_FILES = sorted(CASES.glob("*/*/*.yaml"))


def _findings(capsys, folder: Path, case: dict, code: str) -> tuple[list[str], int]:
    args = ["check", str(folder), "--format", "json"]
    if case.get("stage"):
        args += ["--stage", str(case["stage"])]
    args += ["--today", str(case.get("today") or "2026-11-25")]
    code_rc = main(args)
    payload = json.loads(capsys.readouterr().out)
    prefix = str(folder) + "/"
    found = sorted(f"{d['file'].removeprefix(prefix)}:{d['line']}" for d in payload["diagnostics"] if d["code"] == code)
    return found, code_rc


@pytest.mark.parametrize("path", CASE_FILES, ids=[f"{p.parent.parent.name}/{p.parent.name}/{p.stem}" for p in CASE_FILES])
def test_case(path: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    case = load_case(path)
    code = path.parent.name
    build_project(case, tmp_path / "p")
    found, rc = _findings(capsys, Path("p"), case, code)
    expected = sorted(case.get("expect") or [])
    if os.environ.get("GOVPROJ_UPDATE_CASES"):
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"\nexpect:.*\Z", "", text, flags=re.S).rstrip("\n")
        body = "".join(f"\n  - {item}" for item in found) if found else " []"
        path.write_text(f"{text}\nexpect:{body}\n", encoding="utf-8")
        return
    assert found == expected
    if path.stem.startswith("pass"):
        assert not expected, "a pass case expects no finding of its rule"
    else:
        assert expected, "a fail case expects at least one finding of its rule"
    assert rc in (0, 1)


def _all_rules():
    yield from shared.RULES
    for pid in available():
        yield from get_pack(pid).rules


@pytest.mark.parametrize("rule", list(_all_rules()), ids=lambda r: r.code)
def test_every_rule_is_documented_and_has_cases(rule) -> None:
    assert rule.citation.doc and rule.citation.article and rule.citation.quote
    assert rule.message and rule.hint and rule.name
    sections = rule.sections()
    for title in ("检查内容", "为什么", "通过示例", "不通过示例"):
        assert title in sections, f"{rule.code} docstring lacks section {title}"
    prefix = "core" if rule.code.startswith("GP") else rule.code[:2].lower()
    folder = CASES / prefix / rule.code
    assert list(folder.glob("pass*.yaml")), f"{rule.code} has no passing case in {folder}"
    if rule.code in PORTFOLIO_RULES:  # judged over several projects: its failing case is a test of the batch
        test_file, test_name = PORTFOLIO_RULES[rule.code].split("::")
        assert f"def {test_name}(" in (Path(__file__).parent / Path(test_file).name).read_text(encoding="utf-8")
        return
    assert list(folder.glob("fail*.yaml")), f"{rule.code} has no failing case in {folder}"


# Rules whose failure needs more than a case folder (several projects, a git clone, a move): the test that makes
# them fail. GP070 is judged for a move (`advance`), not at a stage: its failing cases are tests of advance.
PORTFOLIO_RULES = {"GP050": "tests/test_status.py::test_duplicate_project_ids_are_reported_on_every_copy",
                   "GP051": "tests/test_baseline_absent.py::test_a_shallow_clone_says_the_baseline_is_not_here",
                   "GP070": "tests/test_outcomes.py::test_fail_outcome_needs_its_record"}


def _normal(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("pid", available())
def test_quotes_come_from_the_regulation(pid: str) -> None:
    pack = get_pack(pid)
    seed = _normal(pack.seed_text())
    for rule in pack.rules:
        assert _normal(rule.citation.quote) in seed, f"{rule.code}: quote not found in the {pid} regulation text"
        assert rule.citation.doc == pack.doc or rule.citation.doc.startswith(pack.doc[:4])
