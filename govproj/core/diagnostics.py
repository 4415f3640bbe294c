"""Diagnostic and ProjectResult: what a check finds, as plain records; the printers live in govproj.edges.output."""
from __future__ import annotations

from typing import Iterable, NamedTuple

from govproj.core.records import SlotRecord

SEVERITIES = ("error", "warning", "info")
SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


class Diagnostic(NamedTuple):
    """One finding. Field order is the sort order: by file, then position. Lines and columns are 1-based.

    A NamedTuple rather than a frozen dataclass: it is built for every finding and for every cached one read back,
    and it is imported on the cache-hit path, where a dataclass costs more than the rest of the module."""

    file: str
    line: int
    column: int
    code: str
    severity: str
    message: str
    hint: str
    citation: str
    rule: str  # the rule's short name
    project: str  # the project folder as displayed

    def to_json(self) -> dict:
        return dict(zip(self._fields, self))


class ProjectResult(SlotRecord):
    """One project's check: where it is, what it is, and its diagnostics (or the load error that stopped it)."""

    __slots__ = ("project", "project_id", "jurisdiction", "stage", "checked_stage", "diagnostics", "waived", "error",
                 "waived_diagnostics")

    def __init__(self, project: str, project_id: str, jurisdiction: str, stage: str, checked_stage: str,
                 diagnostics: list[Diagnostic], waived: int = 0, error: str | None = None, *,
                 waived_diagnostics: list[Diagnostic] | None = None) -> None:
        self.project = project  # display path
        self.project_id = project_id
        self.jurisdiction = jurisdiction
        self.stage = stage
        self.checked_stage = checked_stage
        self.diagnostics = diagnostics
        self.waived = waived
        self.error = error  # a load error: the project could not be read
        # what an active waiver covered (`waived` counts them): not reported by check, listed by export
        self.waived_diagnostics = waived_diagnostics if waived_diagnostics is not None else []

    def __repr__(self) -> str:
        return f"ProjectResult({self.project!r}, {self.project_id!r}, errors={self.count('error')})"

    def count(self, severity: str) -> int:
        return sum(1 for d in self.diagnostics if d.severity == severity)


def summary(results: list[ProjectResult]) -> dict[str, int]:
    return {
        "projects": len(results),
        "errors": sum(r.count("error") for r in results),
        "warnings": sum(r.count("warning") for r in results),
        "infos": sum(r.count("info") for r in results),
        "waived": sum(r.waived for r in results),
        "unreadable": sum(1 for r in results if r.error),
    }


def sort_diagnostics(items: Iterable[Diagnostic]) -> list[Diagnostic]:
    return sorted(items, key=lambda d: (d.file, d.line, d.column, SEVERITY_ORDER[d.severity], d.code))
