"""Who approves, reviews or receives a filing: the bodies each article names, declared per pack and per procedure.

A pack declares, for each procedure whose body its rules check (a change 报…批准, a 立项批复, an acceptance 组织),
the bodies the article names (`Body`: the text's name and the other names of the same body — its full name, the
简称 the text itself defines) and the place names a written name may carry before it (重庆市渝北区、渝北区). A rule reads
`by` through `Bodies.accepts`: the record names an accepted body when the whole name, or one of the names it lists
(separated by 、，; or given in brackets: “拱墅区数据资源局（领导小组办公室）”), is exactly an accepted name, with or
without a place prefix. Substrings do not count: “区大数据发展局筹备组” or “某某财政所” are not the body the text names.

What the text does not give becomes a setting: every rule that checks a body accepts `bodies` (a unit's local name
for the body, or the agency a renamed body became), added to the names the text gives; where the text names no body
(北京第21条 “各主管部门”), only the setting can name one, and without it the body is not checked.
"""
from __future__ import annotations

import re
from typing import Any, Iterable, Iterator, NamedTuple

from govproj.core.rules import Setting

SETTING_NAME = "bodies"


def setting(what: str) -> Setting:
    """The setting every body-checking rule accepts (documented by `govproj explain`)."""
    return Setting(SETTING_NAME, "str", f"{what}：办法所列机关之外也接受的名称（本单位的叫法、机构更名后的名称），"
                                        "多个用“、”分隔", "")


class Body(NamedTuple):
    """One body as the text names it, and the other names of the same body."""

    name: str  # 区大数据发展局
    names: tuple[str, ...] = ()  # its full name, the 简称 the text defines …


class Bodies(NamedTuple):
    """The bodies an article names for one procedure, which the rule `rule` checks in `where`."""

    rule: str  # the code of the rule that checks it, e.g. YB111
    procedure: str  # 变更批准 / 立项批复 / 竣工验收组织 …
    article: str  # 第十一条
    words: str  # the article's words naming the body, verbatim: 报区大数据发展局批准
    bodies: tuple[Body, ...]
    where: str  # the field read: changes.yaml changes[].approval.by
    places: tuple[str, ...] = ()  # the place names a written name may begin with: 重庆市渝北区、渝北区
    note: str = ""  # how the rule reads the words (e.g. only for fixed-asset projects)

    def names(self) -> tuple[str, ...]:
        out: list[str] = []
        for body in self.bodies:
            out.extend((body.name, *body.names))
        return tuple(dict.fromkeys(out))

    def accepts(self, by: Any, extra: Iterable[str] = ()) -> bool:
        """Whether `by` names one of the bodies (or a name the setting adds)."""
        if not isinstance(by, str) or not by.strip():
            return False
        accepted = {_normal(p + n) for n in self.names() for p in ("",) + self.places}
        accepted |= {_normal(n) for n in extra if n}
        accepted.discard("")
        return any(candidate in accepted for candidate in candidates(by))

    def accepts_body(self, by: Any, body: Body, extra: Iterable[str] = ()) -> bool:
        """Whether `by` names this one body (e.g. 区发展改革委 besides 区大数据发展局)."""
        return Bodies(self.rule, self.procedure, self.article, self.words, (body,), self.where,
                      self.places).accepts(by, extra)

    def shown(self) -> str:
        """「区大数据发展局（重庆市渝北区大数据发展局）」 for messages and docs."""
        return "、".join(b.name + (f"（{'、'.join(b.names)}）" if b.names else "") for b in self.bodies) or "（办法未指明）"


def extra_names(value: Any) -> tuple[str, ...]:
    """The names a `bodies` setting adds."""
    if not isinstance(value, str):
        return ()
    return tuple(n for n in (part.strip() for part in re.split(r"[、，,;；]", value)) if n)


_SPACES = re.compile(r"\s+")


def _normal(text: str) -> str:
    return _SPACES.sub("", text.replace("(", "（").replace(")", "）"))


def candidates(by: str) -> set[str]:
    """The names a `by` text gives: the whole, each part between separators, and each part's name without and
    within its top-level brackets (nested brackets are kept inside a name)."""
    text = _normal(by)
    out = {text}
    for part in re.split(r"[、，,;；/]", text):
        if not part:
            continue
        out.add(part)
        outside, inside = _brackets(part)
        out.add(outside)
        out.update(inside)
    out.discard("")
    return out


def _brackets(text: str) -> tuple[str, list[str]]:
    """(the text without its top-level （…）, the contents of each top-level bracket)."""
    outside, inside, depth, current = [], [], 0, []
    for ch in text:
        if ch == "（":
            if depth:
                current.append(ch)
            depth += 1
        elif ch == "）" and depth:
            depth -= 1
            if depth:
                current.append(ch)
            else:
                inside.append("".join(current))
                current = []
        elif depth:
            current.append(ch)
        else:
            outside.append(ch)
    return "".join(outside), [re.sub(r"^(设在|即|以下简称)", "", s) for s in inside]


def accepted_text(bodies: Bodies, extra: Iterable[str] = ()) -> str:
    return "、".join(dict.fromkeys([*(body.name for body in bodies.bodies), *extra]))


def wrong_body(bodies: Bodies, by: Any, what: str, extra: Iterable[str] = ()) -> tuple[str, str] | None:
    """(message, hint) when `by` is written and names none of the accepted bodies; None when it is right, blank
    (the rule's own "missing" finding), or nothing can be judged (the text names no body and the setting none)."""
    extra = tuple(extra)
    if not isinstance(by, str) or not by.strip() or (not bodies.bodies and not extra) or bodies.accepts(by, extra):
        return None
    accepted = accepted_text(bodies, extra)
    return (f"{what}是“{by}”，不是{bodies.article}所说的机关：“{bodies.words}”（接受：{accepted}）",
            f"核对{what}：应为{accepted}；本单位对它另有叫法或机构已更名的，在 project.yaml 的 "
            f"settings.{bodies.rule}.{SETTING_NAME} 写上这个名称")


def check_by(project: Any, ctx: Any, bodies: Bodies, file: str, path: tuple, what: str) -> Iterator[Any]:
    """A finding at `by` (file/path) when it names a body other than those the article names."""
    from govproj.core.rules import Finding

    found = wrong_body(bodies, project.get(file, *path), what, extra_names(ctx.settings.get(SETTING_NAME)))
    if found:
        yield Finding(file, path, *found)
