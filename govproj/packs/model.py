"""The records a jurisdiction pack declares: Pack, its Stages and Transitions, and its coverage Rows."""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from govproj.errors import UsageError

if TYPE_CHECKING:
    from govproj.core.fields import F
    from govproj.core.rules import Rule, RuleSet


@dataclass(frozen=True)
class Stage:
    id: str
    name: str
    article: str = ""  # where the text defines it
    baseline: bool = False  # entering it fixes the approved baseline (tagged by `advance`)
    kinds: tuple[str, ...] = ()  # project kinds that go through this stage; empty: all
    optional: bool = False  # may be skipped (e.g. a step only some projects need); `advance --to` passes over it


@dataclass(frozen=True)
class Transition:
    """A move other than "on to the next stage": a loop back after a failed review, an extension, a phase.

    `outcome` is what `advance --outcome` names: "pass" (default moves) or "fail" (整改 and back).
    """

    source: str
    target: str
    outcome: str = "fail"
    label: str = ""  # 整改 / 延期 / 下一期 …
    article: str = ""


@dataclass(frozen=True)
class Row:
    """One obligation row of shared/spec/obligations.md: the rules that encode it, or why none can."""

    id: str  # e.g. bj.6b
    article: str  # e.g. 第6条
    rules: tuple[str, ...] = ()
    reason: str = ""  # why it is not (fully) machine-checkable


@dataclass(frozen=True)
class Pack:
    id: str
    name: str  # 北京市
    doc: str  # 京经信委发〔2016〕1号
    title: str  # 《关于加强政府投资信息化项目全流程管理的通知》
    status: str  # 现行 / 暂行 / 试行 / 征求意见稿
    version: str
    seed: str  # file name of the regulation text inside the pack folder
    stages: tuple[Stage, ...]
    kinds: tuple[tuple[str, str], ...]
    events: tuple[tuple[str, str, str], ...]  # key, label, help
    documents: tuple[tuple[str, str, str], ...]
    ruleset: "RuleSet"
    extra_fields: dict[str, tuple["F", ...]] = field(default_factory=dict)
    platforms: tuple[str, ...] = ()
    examples: dict[str, Callable[[], dict[str, Any]]] = field(default_factory=dict)  # name -> files data
    transitions: tuple[Transition, ...] = ()  # loops and jumps besides the linear order of `stages`
    coverage: tuple[Row, ...] = ()  # every obligation row of the regulation
    settings_help: str = ""

    @property
    def rules(self) -> tuple["Rule", ...]:
        return tuple(self.ruleset)

    @property
    def all_rules(self) -> tuple["Rule", ...]:
        """The rules a project of this pack is checked against: the shared GP rules, then the pack's own."""
        from govproj.packs.shared import RULES

        return tuple(RULES) + tuple(self.ruleset)

    def stage(self, stage_id: str) -> Stage:
        for s in self.stages:
            if s.id == stage_id:
                return s
        raise KeyError(stage_id)

    def stage_index(self, stage_id: str) -> int:
        return [s.id for s in self.stages].index(stage_id)

    def since(self, stage_id: str) -> tuple[str, ...]:
        """The stages from `stage_id` to the last: where a requirement, once due, keeps holding."""
        ids = [s.id for s in self.stages]
        return tuple(ids[ids.index(stage_id):])

    def seed_text(self) -> str:
        return (Path(__file__).parent / self.id / self.seed).read_text(encoding="utf-8")

    def resolve_stage(self, text: str) -> str:
        """Accept a stage id or its Chinese name."""
        for s in self.stages:
            if text in (s.id, s.name):
                return s.id
        options = [s.id for s in self.stages] + [s.name for s in self.stages]
        close = difflib.get_close_matches(text, options, n=1)
        raise UsageError(f"{self.name}没有阶段“{text}”" + (f"，是不是“{close[0]}”？" if close else ""),
                         hint="可用阶段：" + "、".join(f"{s.id}（{s.name}）" for s in self.stages))
