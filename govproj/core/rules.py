"""A rule is declared once: code, name, severity, stages, citation, message, hint, settings and a check generator.

`rules`, `explain`, docs/rules.md and the checks all read the same `Rule` record, so they cannot drift.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, NamedTuple

from govproj.core.diagnostics import SEVERITIES, SEVERITY_ZH  # noqa: F401  (SEVERITY_ZH: re-exported for the commands)

if TYPE_CHECKING:
    from govproj.core.project import Project


# The records are NamedTuples, not frozen dataclasses: a dataclass costs about ten times as much to define, and this
# module is imported by every check (the rules of each pack are built from these records at import).


class Citation(NamedTuple):
    """Where the rule comes from: document number, article, and the article's words quoted from the seed."""

    doc: str  # 文号, e.g. 京经信委发〔2016〕1号
    article: str  # e.g. 第6条 / 第二十二条 / 四(二)
    quote: str  # verbatim from the seed text; a test checks it is there

    def __str__(self) -> str:
        return f"{self.doc} {self.article}"


class Setting(NamedTuple):
    """A parameter of a rule that the text does not fix; `default` None means: unset until the user sets it."""

    name: str
    kind: str  # money | percent | int | bool | str | date
    help: str
    default: Any = None


LAW_1259 = "《民法典》第一千二百五十九条"
LAW_1259_TEXT = "“以上”“以下”“以内”“届满”包括本数；“不满”“超过”“以外”不包括本数"
LAW_PERIODS = "《民法典》第二百零一条至第二百零三条"  # govproj.core.periods.TEXT_ARTICLES (not imported: kept light)


class Boundary(NamedTuple):
    """How one threshold or period of a rule treats its boundary, declared with the rule (shown by `explain`).

    `included`: whether the boundary value itself satisfies the text's condition or is still in time (100 万元 in
    “100万元以上”; the 20th working day in “20个工作日内”; for “满1年” the corresponding day is *not* yet 满)."""

    what: str  # the figure or period: 100万元（软件开发投资）/ 20个工作日 / 1年
    word: str  # the word of the text that decides: 以上 / （含100万元） / 内 / 满 / 不超过 / 底前
    included: bool
    why: str  # the reading, naming its basis (民法典 第一千二百五十九条 / 第二百零一至二百零三条 / the text itself)
    example: str = ""  # both sides of the boundary, in figures or dates

    @property
    def verdict(self) -> str:
        return "含本数（边界值本身满足）" if self.included else "不含本数（边界值本身不满足）"


def threshold(what: str, word: str, included: bool, example: str, *, spelled: str = "", why: str = "") -> Boundary:
    """A money or ratio threshold: the reading of 民法典 第一千二百五十九条, or the text's own words (“（含 N）”)."""
    if not why:
        if spelled:
            why = f"原文写明“{spelled}”，与{LAW_1259}一致（{LAW_1259_TEXT}）"
        elif word in ("以上", "以下", "以内"):
            why = f"{LAW_1259}：{LAW_1259_TEXT}"
        elif word in ("超过", "大于", "低于"):
            why = f"“{word}”不包括本数（{LAW_1259}：“超过”不包括本数；“大于”“低于”依通常含义同此）"
        elif word in ("不超过", "不低于", "不少于"):
            why = f"“{word}”是“{word[1:]}”的否定，“{word[1:]}”不包括本数，所以恰好等于本数的满足条件（{LAW_1259}）"
        else:
            raise ValueError(f"no reading for the word {word}: give `why`")
    return Boundary(what, word, included, why, example)


def period(what: str, word: str, included: bool, example: str, *, why: str = "") -> Boundary:
    """A period or a fixed day: the reading of 民法典 第二百零一条至第二百零三条 (govproj/core/periods.py)."""
    if not why:
        if word == "满":
            why = (f"{LAW_PERIODS}：起算日不计入，期间到对应日24时届满，“满”自次日起成立；是条件不是办事期限，"
                   "不因休假日顺延")
        elif word in ("内", "有效期"):
            why = (f"{LAW_PERIODS}：起算日不计入，最后一日（对应日）当天仍在期限内，最后一日是法定休假日的顺延至"
                   "休假日结束的次日")
        elif word == "个工作日内":
            why = (f"{LAW_PERIODS}：起算日不计入（第二百零一条），第 N 个工作日当天24时前仍在期限内（第二百零三条）；"
                   "工作日按国务院放假安排，调休上班日算工作日")
        elif word == "底前":
            why = (f"期日，不是期间：该日当天24时前办理都按时（{LAW_PERIODS}，第二百零三条第二款），"
                   "不因休假日顺延")
        else:
            raise ValueError(f"no reading for the word {word}: give `why`")
    return Boundary(what, word, included, why, example)


class Finding(NamedTuple):
    """What a check yields. file/path locate the value; `message`/`hint` default to the rule's."""

    file: str
    path: tuple = ()
    message: str = ""
    hint: str = ""
    severity: str = ""  # override, e.g. an estimate downgraded to a warning
    at_key: bool = False  # point at the key rather than the value


class Context:
    """What a check may use besides the project: today's date, settings, the working-day calendar."""

    __slots__ = ("today", "settings", "calendar_loader", "baseline_loader", "rule_codes", "settings_problems",
                 "unwaivable", "relied", "_cache")

    def __init__(self, today: Any, settings: dict[str, Any], calendar_loader: Callable[[], Any] | None = None,
                 baseline_loader: Callable[[], Any] | None = None, rule_codes: frozenset[str] | None = None,
                 settings_problems: tuple[Finding, ...] = (), _cache: dict | None = None,
                 unwaivable: dict[str, str] | None = None, relied: dict[str, list[str]] | None = None) -> None:
        self.today = today
        self.settings = settings
        self.calendar_loader = calendar_loader
        self.baseline_loader = baseline_loader
        # What the engine knows and the shared rules report on (GP030, GP040), passed in so that no rule imports
        # the engine: the codes of every rule the project is checked against (None: not known, e.g. a rule run
        # alone), and the problems of the project's own `settings`.
        self.rule_codes = rule_codes
        self.settings_problems = settings_problems
        self.unwaivable = unwaivable or {}  # code -> the mandatory word, for GP040 to refuse a waiver of it
        # event key -> the error-level rules of this check that read it: the events the gates rely on (GP060)
        self.relied = {} if relied is None else relied
        self._cache = {} if _cache is None else _cache  # one calendar and one baseline, shared by a run's rules

    @property
    def baseline(self) -> Any:
        """The project as approved (its baseline tag), or None: loaded lazily, only by change-control rules."""
        if "baseline" not in self._cache:
            value = self.baseline_loader() if self.baseline_loader else None
            if isinstance(value, BaselineUnavailable):  # expected but not here (a shallow or tag-less clone)
                self._cache["baseline_unavailable"] = value
                value = None
            self._cache["baseline"] = value
        return self._cache["baseline"]

    @property
    def baseline_unavailable(self) -> "BaselineUnavailable | None":
        """Why the baseline a project past approval must have cannot be found here, or None (GP051 reports it)."""
        self.baseline  # noqa: B018  (loads it)
        return self._cache.get("baseline_unavailable")


    @property
    def calendar(self) -> Any:
        if "calendar" not in self._cache:
            if self.calendar_loader is None:
                from govproj.core.calendar import load_calendar

                self._cache["calendar"] = load_calendar(None)
            else:
                self._cache["calendar"] = self.calendar_loader()
        return self._cache["calendar"]


class BaselineUnavailable(NamedTuple):
    """What a baseline loader returns when the project has passed its baseline stage and no baseline tag is at hand:
    `reason` in Chinese with what to do; `optional` when the user said the run may go on without it."""

    reason: str
    hint: str
    optional: bool = False

CheckFn = Callable[["Project", Context], Iterable[Finding]]


class Rule(NamedTuple):
    """One rule, declared once; `rules`, `explain`, the docs and the checks read this record."""

    code: str
    name: str
    severity: str
    stages: tuple[str, ...]
    citation: Citation
    message: str
    hint: str
    check: CheckFn
    settings: tuple[Setting, ...] = ()
    kinds: tuple[str, ...] = ()  # project kinds it applies to; empty: all
    mandatory: str = ""  # the word of the text that makes the rule mandatory (不得 …): no waiver sets it aside
    boundaries: tuple[Boundary, ...] = ()  # every threshold or period it applies, and how its boundary reads

    @property
    def waivable(self) -> bool:
        return not self.mandatory

    @property
    def doc(self) -> str:
        import inspect  # only `rules`, `explain` and the docs read it: kept off the check's start-up
        import textwrap

        return textwrap.dedent(inspect.getdoc(self.check) or "").strip()

    def sections(self) -> dict[str, str]:
        """The docstring's sections: 检查内容 / 为什么 / 通过示例 / 不通过示例 (ruff-style explanation)."""
        out: dict[str, str] = {}
        current = "检查内容"
        for line in self.doc.splitlines():
            stripped = line.strip()
            if stripped.startswith("## "):
                current = stripped[3:].strip()
                continue
            out.setdefault(current, "")
            out[current] += line + "\n"
        return {k: v.strip() for k, v in out.items() if v.strip()}


MANDATORY_WORDS = ("不得", "必须", "严禁", "禁止", "一律", "应当")
_EXCEPTION = re.compile(r"原则上|除.{1,80}?(以外|之外|外)")


def mandatory_word(quote: str) -> str:
    """The word that makes the quoted article mandatory, or "" when it is not (or names its own exceptions).

    不得、必须、严禁、禁止、一律、应当 bind without exception; 原则上 (as a rule) and 除…以外 (save where …) leave room for
    a justified exception, which is what a waiver records."""
    if _EXCEPTION.search(quote):
        return ""
    return next((word for word in MANDATORY_WORDS if word in quote), "")


def applicable(rule: Rule, project: "Project") -> bool:
    """Whether the rule applies to the project's kind at its stage (empty `kinds`/`stages`: all)."""
    if rule.kinds and project.kind not in rule.kinds:
        return False
    return not rule.stages or project.stage in rule.stages


class RuleSet:
    """An explicit registry of one pack's rules, filled by the `rule` decorator in declaration order."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.rules: dict[str, Rule] = {}

    def rule(self, code: str, name: str, *, severity: str, stages: Iterable[str], citation: Citation, message: str,
             hint: str, settings: Iterable[Setting] = (), kinds: Iterable[str] = (),
             waivable: bool | None = None, boundaries: Iterable[Boundary] = ()) -> Callable[[CheckFn], CheckFn]:
        """Declare a rule. Whether a waiver may set it aside follows the words of its quote (`mandatory_word`);
        `waivable` overrides that where the article's wording needs a reading the words alone do not give."""
        if not code.startswith(self.prefix):
            raise ValueError(f"rule {code} does not start with {self.prefix}")
        if severity not in SEVERITIES:
            raise ValueError(f"rule {code}: severity {severity}")
        if code in self.rules:
            raise ValueError(f"rule {code} declared twice")

        def register(fn: CheckFn) -> CheckFn:
            word = mandatory_word(citation.quote) if waivable is None else ("" if waivable else "（规定）")
            self.rules[code] = Rule(code, name, severity, tuple(stages), citation, message, hint, fn,
                                    tuple(settings), tuple(kinds), word, tuple(boundaries))
            return fn

        return register

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules.values())
