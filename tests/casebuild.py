"""Build fixture projects on disk: a pack's example project plus the edits a case file describes."""
from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from govproj.core.format import FILE_TITLES, file_specs
from govproj.packs import get_pack
from govproj.core.scaffold import render_file
from govproj.edges.yamlio import parse_doc

CASES = Path(__file__).parent / "cases"


def load_case(path: Path) -> dict[str, Any]:
    return parse_doc(path.read_text(encoding="utf-8"), str(path)).data


def _parts(dotted: str) -> list[Any]:
    return [int(p) if p.isdigit() else p for p in dotted.split(".")]


def _set(data: dict, dotted: str, value: Any) -> None:
    parts = _parts(dotted)
    node: Any = data
    for part, nxt in zip(parts, parts[1:]):
        if isinstance(node, list):
            while len(node) <= part:
                node.append({})
            node = node[part]
            continue
        if node.get(part) is None:
            node[part] = [] if isinstance(nxt, int) else {}
        node = node[part]
    last = parts[-1]
    if isinstance(node, list):
        while len(node) <= last:
            node.append(None)
    node[last] = value


def _delete(data: dict, dotted: str) -> None:
    parts = _parts(dotted)
    node: Any = data
    for part in parts[:-1]:
        node = node[part]
    del node[parts[-1]]


def in_yuan(spec: Any, budget: dict[str, Any]) -> dict[str, Any]:
    """budget.yaml with `unit: 元` and every amount it declares as money multiplied by 10,000 (exactly)."""
    from decimal import Decimal

    def convert(field: Any, value: Any) -> Any:
        if field.kind == "money" and isinstance(value, (int, Decimal)) and not isinstance(value, bool):
            return Decimal(value) * 10000
        if field.kind == "map" and isinstance(value, dict):
            return {k: (convert(field.child(k), v) if field.child(k) is not None else v) for k, v in value.items()}
        if field.kind == "list" and isinstance(value, list):
            item = field._replace(kind=field.item)
            return [convert(item, v) for v in value]
        return value

    out = convert(spec, budget)
    return {"unit": "元", **{k: v for k, v in out.items() if k != "unit"}}


def build_project(case: dict[str, Any], folder: Path) -> None:
    if "baseline" in case:  # change control: the approved version is committed and tagged first (tests/gitfixture.py)
        import shutil

        from gitfixture import commit_baseline

        build_project({"base": case["base"], **(case["baseline"] or {})}, folder)
        commit_baseline(folder)
        for child in folder.iterdir():
            if child.name != ".git":
                shutil.rmtree(child) if child.is_dir() else child.unlink()
    pack_id, example = str(case["base"]).split("/")
    pack = get_pack(pack_id)
    built = pack.examples[example]()
    files: dict[str, Any] = copy.deepcopy(built["files"])
    if case.get("yuan") and "budget.yaml" in files:  # the example's budget written in 元; the case's edits are in 元
        files["budget.yaml"] = in_yuan(file_specs(pack)["budget.yaml"], files["budget.yaml"])
    for file, edits in (case.get("set") or {}).items():
        files.setdefault(file, {})
        for dotted, value in edits.items():
            _set(files[file], dotted, value)
    for file, paths in (case.get("delete") or {}).items():
        for dotted in paths:
            _delete(files[file], dotted)
    for file in case.get("remove_files") or []:
        files.pop(file, None)
    specs = file_specs(pack)
    folder.mkdir(parents=True, exist_ok=True)
    for file, data in files.items():
        (folder / file).write_text(render_file(specs[file], data, title=FILE_TITLES[file], schema_ref=None),
                                   encoding="utf-8")
    for rel, text in {**built.get("evidence", {}), **(case.get("files") or {})}.items():
        target = folder / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(str(text), encoding="utf-8")
    for rel, text in (case.get("append") or {}).items():  # text added verbatim at the end of a file
        with (folder / rel).open("a", encoding="utf-8") as handle:
            handle.write(str(text))
    for rel, text in (case.get("raw") or {}).items():  # replace a file's text verbatim (bad-input cases)
        (folder / rel).write_text(str(text), encoding="utf-8")
