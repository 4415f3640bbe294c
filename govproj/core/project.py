"""Load a project folder into a frozen record whose every value remembers its file, line and column."""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

from govproj.core.doc import Doc, Pos
from govproj.core.money import Money
from govproj.core.places import PROJECT_FILE, display_path, find_projects, is_project  # noqa: F401  (re-exported)
from govproj.errors import LoadError

if TYPE_CHECKING:
    from govproj.core.fields import Problem


@dataclass(frozen=True)
class Project:
    root: Path
    display: str  # how to name the folder in messages: relative to the working directory when possible
    pack: Any  # govproj.packs.Pack
    docs: dict[str, Doc]  # file name -> parsed document (positions)
    data: dict[str, dict[str, Any]]  # file name -> typed values
    problems: tuple[tuple[str, Problem], ...] = ()
    stage_override: str | None = field(default=None, compare=False)
    # The event keys read through `event`/`event_date` since the engine last cleared it: which events a gate relies
    # on (GP060) is what the error-level rules of the stage read, not a second list kept by hand beside them.
    reads: set = field(default_factory=set, compare=False, repr=False)

    # ---- identity -------------------------------------------------------------------------------------------
    @property
    def id(self) -> str:
        return str(self.get("project.yaml", "id") or self.root.name)

    @property
    def name(self) -> str:
        return str(self.get("project.yaml", "name") or "")

    @property
    def kind(self) -> str:
        return str(self.get("project.yaml", "kind") or "")

    @property
    def stage(self) -> str:
        return self.stage_override or str(self.get("project.yaml", "stage") or self.pack.stages[0].id)

    @property
    def recorded_stage(self) -> str | None:
        value = self.get("project.yaml", "stage")
        return str(value) if value else None

    def at_stage(self, stage: str) -> "Project":
        """The same project, judged as if it stood at `stage` (`check --stage`, `advance`)."""
        return Project(self.root, self.display, self.pack, self.docs, self.data, self.problems, stage)

    def reached(self, stage: str) -> bool:
        return self.pack.stage_index(self.stage) >= self.pack.stage_index(stage)

    # ---- values ---------------------------------------------------------------------------------------------
    def has(self, file: str) -> bool:
        return file in self.docs

    def get(self, file: str, *path: Any, default: Any = None) -> Any:
        node: Any = self.data.get(file)
        if node is None:
            return default
        for part in path:
            if isinstance(node, dict) and isinstance(part, str):
                node = node.get(part)
            elif isinstance(node, list) and isinstance(part, int) and part < len(node):
                node = node[part]
            else:
                return default
            if node is None:
                return default
        return node

    def pos(self, file: str, *path: Any) -> Pos:
        doc = self.docs.get(file)
        return doc.pos(*path) if doc else Pos(1, 1)

    def key_pos(self, file: str, *path: Any) -> Pos:
        doc = self.docs.get(file)
        return doc.key_pos(*path) if doc else Pos(1, 1)

    def event(self, key: str) -> dict[str, Any] | None:
        self.reads.add(key)
        value = self.get("project.yaml", "events", key)
        return value if isinstance(value, dict) else None

    def event_date(self, key: str) -> _dt.date | None:
        event = self.event(key)
        value = event.get("date") if event else None
        return value if isinstance(value, _dt.date) else None

    def document(self, key: str) -> dict[str, Any] | None:
        value = self.get("project.yaml", "documents", key)
        return value if isinstance(value, dict) else None

    def money(self, file: str, *path: Any) -> Money | None:
        """An amount, typed: a Money whatever unit the file writes it in (budget.yaml `unit:`, "1805000元")."""
        value = self.get(file, *path)
        return value if isinstance(value, Money) else None

    @property
    def total(self) -> Money | None:
        return self.money("budget.yaml", "total")

    def items(self, file: str, *path: Any) -> Iterator[tuple[int, dict[str, Any]]]:
        """(index, item) of a list of mappings, skipping items that failed to type."""
        value = self.get(file, *path, default=[])
        if isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, dict):
                    yield index, item

    def path_of(self, file: str) -> Path:
        return self.root / file


def load_project(folder: Path) -> Project:
    from govproj.core.fields import validate
    from govproj.core.format import FILES, file_specs
    from govproj.edges.yamlio import load_doc  # the one edge the core may use: reading the documents
    from govproj.packs import PACKS, get_pack

    display = display_path(folder)
    prefix = "" if display in (".", "") else display + "/"
    project_doc = load_doc(folder / PROJECT_FILE, prefix + PROJECT_FILE)
    jurisdiction = project_doc.get("jurisdiction")
    if jurisdiction is None:
        raise LoadError("缺少“jurisdiction”（辖区）", file=prefix + PROJECT_FILE, line=1,
                        hint="在 project.yaml 写 jurisdiction: bj（北京市）、xc、yb、jl 或 gs")
    if str(jurisdiction) not in PACKS:
        pos = project_doc.pos("jurisdiction")
        raise LoadError(f"不认识的辖区“{jurisdiction}”", file=prefix + PROJECT_FILE, line=pos.line, column=pos.column,
                        hint="可用：bj（北京市）、xc（西城区）、yb（渝北区）、jl（吉林省）、gs（拱墅区）")
    pack = get_pack(str(jurisdiction))
    specs = file_specs(pack)
    docs: dict[str, Doc] = {}
    data: dict[str, dict[str, Any]] = {}
    problems: list[tuple[str, Problem]] = []
    for name in FILES:
        path = folder / name
        if name == PROJECT_FILE:
            doc = project_doc
        elif path.is_file():
            doc = load_doc(path, prefix + name)
        else:
            continue
        docs[name] = doc
        typed = validate(doc, specs[name])
        data[name] = typed.data
        problems.extend((name, p) for p in typed.problems)
    return Project(folder, display, pack, docs, data, tuple(problems))
