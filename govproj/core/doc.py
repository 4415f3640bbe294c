"""Parsed documents as plain records: values, and the 1-based position of every value and key."""
from __future__ import annotations

from typing import Any, Iterator, NamedTuple

from govproj.core.records import SlotRecord

# Where a wrongly shaped value is told to look: what an installed govproj can show (it ships no docs/ folder).
SHAPE_HINT = "写法见 `govproj schema --file 文件名`，或用 `govproj new 临时文件夹 --example` 生成的同名文件对照"


class Pos(NamedTuple):
    """1-based line and column. A NamedTuple: one is made per YAML node, and a frozen dataclass costs more."""

    line: int
    column: int


class Doc(SlotRecord):
    """One YAML file: its values, and where each value (and each key) stands. The reader fills it; the core reads it."""

    __slots__ = ("file", "data", "text", "values", "keys", "raw", "tags")

    def __init__(self, file: str, data: Any, text: str, values: dict[tuple, Pos] | None = None,
                 keys: dict[tuple, Pos] | None = None, raw: dict[tuple, str] | None = None,
                 tags: dict[tuple, str] | None = None) -> None:
        self.file = file  # path relative to the project folder, with forward slashes
        self.data = data
        self.text = text
        self.values = {} if values is None else values  # path -> position of the value
        self.keys = {} if keys is None else keys  # path -> position of the key naming it
        self.raw = {} if raw is None else raw  # path -> scalar text as written (exact money)
        self.tags = {} if tags is None else tags  # path -> resolved YAML tag of scalars

    def __repr__(self) -> str:
        return f"Doc(file={self.file!r})"

    def get(self, *path: Any, default: Any = None) -> Any:
        node = self.data
        for part in path:
            if isinstance(node, dict) and isinstance(part, str):
                if part not in node:
                    return default
                node = node[part]
            elif isinstance(node, list) and isinstance(part, int):
                if part >= len(node):
                    return default
                node = node[part]
            else:
                return default
        return node

    def pos(self, *path: Any) -> Pos:
        """Where the value at `path` is, or where it belongs: the deepest part of the path that exists."""
        p = tuple(path)
        while p:
            if p in self.keys:
                return self.keys[p] if p not in self.values else self.values[p]
            if p in self.values:
                return self.values[p]
            p = p[:-1]
        return self.values.get((), Pos(1, 1))

    def key_pos(self, *path: Any) -> Pos:
        p = tuple(path)
        while p:
            if p in self.keys:
                return self.keys[p]
            p = p[:-1]
        return Pos(1, 1)


def iter_paths(data: Any, path: tuple = ()) -> Iterator[tuple[tuple, Any]]:
    """(path, value) of every node of parsed data, depth first, the root first."""
    yield path, data
    if isinstance(data, dict):
        for key, value in data.items():
            yield from iter_paths(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from iter_paths(value, path + (index,))
