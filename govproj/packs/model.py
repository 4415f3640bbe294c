"""The records a jurisdiction pack declares: Pack, its Stages and Transitions, and its coverage Rows."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, NamedTuple

from govproj.errors import UsageError

if TYPE_CHECKING:
    from govproj.core.fields import F
    from govproj.core.rules import Rule, RuleSet


# NamedTuples and a plain class rather than frozen dataclasses: each dataclass costs about ten times as much to
# define, and these are imported by every check.


class Stage(NamedTuple):
    """One stage of a pack's lifecycle, in the linear order of `Pack.stages`."""

    id: str
    name: str
    article: str = ""  # where the text defines it
    baseline: bool = False  # entering it fixes the approved baseline (tagged by `advance`)
    kinds: tuple[str, ...] = ()  # project kinds that go through this stage; empty: all
    optional: bool = False  # may be skipped (e.g. a step only some projects need); `advance --to` passes over it


class Transition(NamedTuple):
    """A move other than "on to the next stage": a loop back after a failed review, an extension, a phase.

    `outcome` is what `advance --outcome` names: "pass" (default moves) or "fail" (整改 and back).
    `record` is where the fact that decides the move is recorded, which the move requires (GP070): an event key
    (`accepted`: events.accepted with its date) or `file:list` (`security.yaml:assessments`: an item of that list with
    its date); `result` is the result that record must carry ("fail" for a failed review), "" when its being there
    is the fact (a report of 严重逾期). Every fail transition names its record (a test asserts it).
    """

    source: str
    target: str
    outcome: str = "fail"
    label: str = ""  # 整改 / 延期 / 下一期 …
    article: str = ""
    record: str = ""
    result: str = ""
    unrecorded: str = ""  # a fail transition without a record: why the text makes none its condition


class Row(NamedTuple):
    """One obligation row of shared/spec/obligations.md: the rules that encode it, or why none can."""

    id: str  # e.g. bj.6b
    article: str  # e.g. 第6条
    rules: tuple[str, ...] = ()
    reason: str = ""  # why it is not (fully) machine-checkable


class ArchiveItem(NamedTuple):
    """One item the jurisdiction's text requires in the project's archive (档案): a document of project.yaml.

    `rule` is the code of the rule that requires it at its stage (its citation, stages and kinds are the item's);
    `when` says whether the project must have it (None: always), e.g. a supervision report only with a supervisor.
    `govproj archive` lists these items in the catalogue, and the rule reports a missing one in `check`."""

    key: str  # documents.<key> in project.yaml
    label: str  # 验收报告
    rule: str  # YB152
    need: tuple[str, ...] = ("evidence",)  # the fields it must have besides being there
    when: Callable[[Any], bool] | None = None
    condition: str = ""  # when `when` is set: in words, for the catalogue and docs/archive.md


_RULE_SET_CORE = ("packs/shared.py", "core/rules.py", "core/engine.py", "core/fields.py", "core/format.py",
                  "core/periods.py", "core/deadlines.py", "core/calendar.py", "core/changes.py", "core/lifecycle.py")


@lru_cache(maxsize=None)
def rule_set_hash(pack_id: str) -> str:
    import hashlib

    base = Path(__file__).resolve().parent.parent  # govproj/
    digest = hashlib.sha256()
    files = sorted((base / "packs" / pack_id).rglob("*"))
    for path in [*(f for f in files if f.suffix in (".py", ".txt", ".yaml") and "__pycache__" not in f.parts),
                 *(base / rel for rel in _RULE_SET_CORE)]:
        digest.update(path.relative_to(base).as_posix().encode() + b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"missing")
        digest.update(b"\0")
    try:
        from importlib.metadata import version

        digest.update(("chinesecalendar " + version("chinesecalendar")).encode())
    except Exception:  # noqa: BLE001  (no metadata: the estimate or the user's calendar decides)
        digest.update(b"chinesecalendar ?")
    return digest.hexdigest()


class Pack:
    """One jurisdiction: its regulation, stages, kinds, events, documents, rules, fields, data and examples.

    Read-only once built (assigning an attribute raises); `vars(pack)` holds exactly the constructor's arguments."""

    def __init__(self, id: str, name: str, doc: str, title: str, status: str, version: str, seed: str,
                 stages: tuple[Stage, ...], kinds: tuple[tuple[str, str], ...],
                 events: tuple[tuple[str, str, str], ...], documents: tuple[tuple[str, str, str], ...],
                 ruleset: "RuleSet", extra_fields: dict[str, tuple["F", ...]] | None = None,
                 platforms: tuple[str, ...] = (), examples: dict[str, Callable[[], dict[str, Any]]] | None = None,
                 transitions: tuple[Transition, ...] = (), coverage: tuple[Row, ...] = (),
                 settings_help: str = "", archive: tuple[ArchiveItem, ...] = (), sample_doc_no: str = "",
                 funding_types: tuple[tuple[str, str], ...] = (), bodies: tuple[Any, ...] = ()) -> None:
        values = dict(
            id=id, name=name,  # 北京市
            doc=doc,  # 京经信委发〔2016〕1号
            title=title,  # 《关于加强政府投资信息化项目全流程管理的通知》
            status=status,  # 现行 / 暂行 / 试行 / 征求意见稿
            version=version,
            seed=seed,  # file name of the regulation text inside the pack folder
            stages=stages, kinds=kinds,
            events=events,  # key, label, help
            documents=documents, ruleset=ruleset,
            extra_fields={} if extra_fields is None else extra_fields,
            platforms=platforms,
            examples={} if examples is None else examples,  # name -> files data
            transitions=transitions,  # loops and jumps besides the linear order of `stages`
            coverage=coverage,  # every obligation row of the regulation
            settings_help=settings_help,
            archive=archive,  # what the text requires in the project's archive (govproj archive)
            sample_doc_no=sample_doc_no,  # a 文号 in the jurisdiction's style, for scaffold comments and examples
            # the kinds of money the text names (type, where and how it names it): budget.yaml sources[].type
            funding_types=funding_types,
            bodies=bodies)  # govproj.packs.bodies.Bodies: who approves, reviews or receives a filing, per procedure
        self.__dict__.update(values)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"Pack is read-only: cannot set {name}")

    def __repr__(self) -> str:
        return f"Pack({self.id!r}, {self.name!r})"

    def __eq__(self, other: object) -> bool:
        return vars(self) == vars(other) if isinstance(other, Pack) else NotImplemented

    __hash__ = None  # type: ignore[assignment]  # holds dicts, as the frozen dataclass it replaces did

    if TYPE_CHECKING:  # the attributes, for readers and type checkers
        id: str
        name: str
        doc: str
        title: str
        status: str
        version: str
        seed: str
        stages: tuple[Stage, ...]
        kinds: tuple[tuple[str, str], ...]
        events: tuple[tuple[str, str, str], ...]
        documents: tuple[tuple[str, str, str], ...]
        ruleset: "RuleSet"
        extra_fields: dict[str, tuple["F", ...]]
        platforms: tuple[str, ...]
        examples: dict[str, Callable[[], dict[str, Any]]]
        transitions: tuple[Transition, ...]
        coverage: tuple[Row, ...]
        settings_help: str
        archive: tuple[ArchiveItem, ...]
        sample_doc_no: str
        funding_types: tuple[tuple[str, str], ...]
        bodies: tuple[Any, ...]

    @property
    def rules(self) -> tuple["Rule", ...]:
        return tuple(self.ruleset)

    @property
    def rules_hash(self) -> str:
        """sha256 over what decides this pack's answers: its rules and data (the pack's folder), the shared rules and
        the core that reads them (periods, deadlines, fields, engine), and the holiday data's version. Recorded in
        each advance (Govproj-Rules) and in json/sarif results, so a changed rule set is named, not guessed."""
        return rule_set_hash(self.id)

    @property
    def rule_set(self) -> dict[str, str]:
        return {"pack": self.id, "version": self.version, "sha256": self.rules_hash}

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
        from difflib import get_close_matches  # only when something is misspelt
        close = get_close_matches(text, options, n=1)
        raise UsageError(f"{self.name}没有阶段“{text}”" + (f"，是不是“{close[0]}”？" if close else ""),
                         hint="可用阶段：" + "、".join(f"{s.id}（{s.name}）" for s in self.stages))
