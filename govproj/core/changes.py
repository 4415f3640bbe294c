"""Change control, pure: what changed between the approved baseline and the current project, in exact money.

The baseline is the project as it stood at its baseline tag (see `govproj.edges.ledger.baseline_for`); the rules of each
jurisdiction decide from a `ChangeSummary` which procedure the change needs (备案, 审查, 重新申报 …).
"""
from __future__ import annotations

from decimal import Decimal
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Mapping, NamedTuple

from govproj.core.money import Money

if TYPE_CHECKING:
    from govproj.core.project import Project

CONTENT_FIELDS = (("construction.yaml", ("content",)), ("construction.yaml", ("business",)),
                  ("needs.yaml", ("description",)))


# NamedTuples rather than frozen dataclasses: about a tenth of the cost to define, on the path of every check.


class LineChange(NamedTuple):
    name: str
    before: Money | None
    after: Money | None

    @property
    def delta(self) -> Money:
        return (self.after or Money.zero()) - (self.before or Money.zero())


class ChangeSummary(NamedTuple):
    total_before: Money | None
    total_after: Money | None
    lines: tuple[LineChange, ...] = ()
    content: tuple[tuple[str, tuple], ...] = ()  # (file, path) whose text changed
    extra: Mapping[str, Any] = MappingProxyType({})  # read-only: one shared empty default

    @property
    def total_delta(self) -> Money:
        return (self.total_after or Money.zero()) - (self.total_before or Money.zero())

    @property
    def moved(self) -> Money:
        """Money moved between lines: the sum of increases (equal to the sum of decreases when the total holds)."""
        zero = Money.zero()
        up = sum((c.delta for c in self.lines if c.delta > zero), zero)
        down = -sum((c.delta for c in self.lines if c.delta < zero), zero)
        return max(up, down)

    @property
    def changed_amount(self) -> Money:
        """The amount a change rule measures: the larger of the total's change and the money moved between lines."""
        return max(abs(self.total_delta), self.moved)

    def ratio(self) -> Decimal | None:
        """changed_amount / approved total, exact (None when the baseline has no total)."""
        if not self.total_before:
            return None
        return self.changed_amount / self.total_before

    @property
    def any(self) -> bool:
        return bool(self.total_delta or self.moved or self.content)


def _lines(project: "Project") -> dict[str, Money]:
    out: dict[str, Money] = {}
    for index, item in project.items("budget.yaml", "lines"):
        name = str(item.get("name") or f"#{index + 1}")
        amount = item.get("amount")
        if isinstance(amount, Money):
            out[name] = out.get(name, Money.zero()) + amount
    return out


def compare(baseline: "Project", current: "Project") -> ChangeSummary:
    before, after = _lines(baseline), _lines(current)
    lines = tuple(LineChange(name, before.get(name), after.get(name))
                  for name in sorted(set(before) | set(after)) if before.get(name) != after.get(name))
    content = tuple((file, path) for file, path in CONTENT_FIELDS
                    if (baseline.get(file, *path) or "") != (current.get(file, *path) or ""))
    return ChangeSummary(baseline.total, current.total, lines, content)


def recorded_amount(current: "Project") -> Money:
    """The total of the amounts recorded in changes.yaml (what the unit says it changed)."""
    total = Money.zero()
    for _, item in current.items("changes.yaml", "changes"):
        amount = item.get("amount")
        if isinstance(amount, Money):
            total += abs(amount)
    return total


def percent(value: Decimal | None) -> str:
    if value is None:
        return "—"
    return f"{(value * 100).quantize(Decimal('0.01'))}%"
