"""Generated docs are current, and every obligation row is encoded or explained."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from govproj.docsgen import GENERATED, ROOT
from govproj.packs import PACK_NAMES, available, get_pack, shared

OBLIGATIONS = Path(__file__).parent / "data" / "obligations.md"


@pytest.mark.parametrize("rel", sorted(GENERATED))
def test_generated_docs_are_current(rel: str) -> None:
    current = (ROOT / rel).read_text(encoding="utf-8")
    assert current == GENERATED[rel](), f"{rel} is out of date: run `python -m govproj.docsgen`"


def _rows(prefix: str) -> list[str]:
    """Row ids of one jurisdiction's table in obligations.md (annex rows become e.g. bj.annex2)."""
    text = OBLIGATIONS.read_text(encoding="utf-8")
    section = re.search(rf"^## {prefix.upper()} .*?(?=^## |\Z)", text, flags=re.M | re.S)
    assert section, prefix
    ids = []
    for line in section.group(0).splitlines():
        match = re.match(r"^\| ([a-z]{2}\.[0-9a-z.\-]+|annex \d+) \|", line)
        if match:
            ids.append(match.group(1) if not match.group(1).startswith("annex") else
                       f"{prefix}.annex{match.group(1).split()[1]}")
    return ids


@pytest.mark.parametrize("pid", available())
def test_every_obligation_row_is_covered(pid: str) -> None:
    pack = get_pack(pid)
    covered = {row.id: row for row in pack.coverage}
    rows = _rows(pid)
    assert rows
    missing = [r for r in rows if r not in covered]
    assert not missing, f"{pid}: rows in neither a rule nor a reason: {missing}"
    extra = [r for r in covered if r not in rows]
    assert not extra, f"{pid}: coverage names rows that obligations.md does not have: {extra}"
    codes = {r.code for r in pack.rules} | {r.code for r in shared.RULES}
    for row in pack.coverage:
        assert row.rules or row.reason, f"{row.id}: neither rule nor reason"
        unknown = [c for c in row.rules if c not in codes]
        assert not unknown, f"{row.id}: unknown rule codes {unknown}"


def test_every_rule_serves_an_obligation() -> None:
    for pid in available():
        pack = get_pack(pid)
        used = {code for row in pack.coverage for code in row.rules}
        orphans = [r.code for r in pack.rules if r.code not in used]
        assert not orphans, f"{pid}: rules not listed in coverage: {orphans}"


def test_pack_names_cover_all_jurisdictions() -> None:
    assert set(PACK_NAMES) == {"bj", "xc", "yb", "jl", "gs"}
