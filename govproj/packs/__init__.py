"""The registry of jurisdiction packs: each declares its stages, kinds, events, fields, data, rules and examples.

Packs are listed by module name and imported only when a project needs them (`get_pack`): building a pack's rules
costs milliseconds, and a check of a Beijing project needs no other pack. The records a pack declares are in
`govproj.packs.model`, the rules every pack shares in `shared`, the helpers pack rules use in `helpers`, and the
change-control machinery in `change_control`.
"""
from __future__ import annotations

import importlib
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from govproj.errors import UsageError
from govproj.packs.model import Pack, Row, Stage, Transition  # noqa: F401  (re-exported: the registry hands out Packs)

if TYPE_CHECKING:
    from govproj.core.rules import Rule

PACKS: dict[str, str] = {
    "bj": "govproj.packs.bj",
    "xc": "govproj.packs.xc",
    "yb": "govproj.packs.yb",
    "jl": "govproj.packs.jl",
    "gs": "govproj.packs.gs",
}

PACK_NAMES = {"bj": "北京市", "xc": "北京市西城区", "yb": "重庆市渝北区", "jl": "吉林省", "gs": "杭州市拱墅区"}


def available() -> list[str]:
    """Pack ids whose package exists in this installation (a folder with __init__.py beside this file)."""
    here = Path(__file__).parent
    return [pid for pid in PACKS if (here / pid / "__init__.py").is_file()]


@lru_cache(maxsize=None)
def get_pack(pack_id: str) -> Pack:
    if pack_id not in PACKS:
        from difflib import get_close_matches  # only when something is misspelt
        close = get_close_matches(pack_id, list(PACKS), n=1)
        raise UsageError(f"没有辖区“{pack_id}”" + (f"，是不是“{close[0]}”？" if close else ""),
                         hint="可用辖区：" + "、".join(f"{k}（{v}）" for k, v in PACK_NAMES.items() if k in available()))
    if pack_id not in available():
        raise UsageError(f"辖区“{pack_id}”（{PACK_NAMES[pack_id]}）的规则包尚未提供",
                         hint="可用辖区：" + "、".join(available()))
    return importlib.import_module(PACKS[pack_id]).PACK


def find_rule(code: str) -> "Rule":
    """Look a rule code up in every pack (and the shared rules)."""
    from govproj.packs import shared

    code = code.upper()
    if code in shared.RULES.rules:
        return shared.RULES.rules[code]
    all_codes: list[str] = list(shared.RULES.rules)
    for pid in available():
        pack = get_pack(pid)
        if code in pack.ruleset.rules:
            return pack.ruleset.rules[code]
        all_codes.extend(pack.ruleset.rules)
    from difflib import get_close_matches  # only when something is misspelt
    close = get_close_matches(code, all_codes, n=1)
    raise UsageError(f"没有规则“{code}”" + (f"，是不是“{close[0]}”？" if close else ""),
                     hint="用 `govproj rules --jurisdiction bj` 查看全部规则编号")
