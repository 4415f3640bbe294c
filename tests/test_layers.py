"""The package's layers: no import cycle among its modules (lazy imports included), no edge or heavy library in the core."""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "govproj"

# What a module under govproj/core/ may not import, at module level or inside a function. The core may read
# documents through govproj.edges.yamlio (the YAML reader) and nothing else of the edges.
FORBIDDEN_IN_CORE = ("git", "docx", "docxtpl", "jinja2", "rich", "typer", "subprocess",
                     "govproj.edges.ledger", "govproj.edges.render", "govproj.edges.cache", "govproj.edges.batch",
                     "govproj.edges.output", "govproj.commands", "govproj.cli")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imported(path: Path, name: str, known: set[str]) -> set[str]:
    """Every module `name` imports anywhere in its file (module level, functions, TYPE_CHECKING blocks excepted)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    skip: set[int] = set()
    for node in ast.walk(tree):  # `if TYPE_CHECKING:` imports never run: annotations only
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skip.update(id(n) for child in node.body for n in ast.walk(child))
    out: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            out.add(source)
            for alias in node.names:  # `from govproj import x` imports the module govproj.x when there is one
                if f"{source}.{alias.name}" in known:
                    out.add(f"{source}.{alias.name}")
        elif isinstance(node, ast.Call) and ast.unparse(node.func) in ("importlib.import_module", "import_module"):
            if node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                out.add(node.args[0].value)
    return out


def internal(target: str, known: set[str]) -> str | None:
    """The package module an import names (a submodule import also runs its parent packages, but those are
    listed by their own edges only when the file names them)."""
    while target:
        if target in known:
            return target
        target = target.rpartition(".")[0]
    return None


def graph() -> dict[str, set[str]]:
    mods = modules()
    known = set(mods)
    edges: dict[str, set[str]] = {}
    for name, path in mods.items():
        targets = {internal(t, known) for t in imported(path, name, known)}
        edges[name] = {t for t in targets if t and t != name}
    return edges


def find_cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """One cycle as a path [a, b, …, a], or None (depth-first search with colours)."""
    colour: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        colour[node] = 1
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if colour.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if not colour.get(nxt):
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        colour[node] = 2
        return None

    for node in sorted(edges):
        if not colour.get(node):
            found = visit(node)
            if found:
                return found
    return None


def test_the_scanner_sees_every_import_form(tmp_path: Path) -> None:
    edges = graph()
    # module level, function level, `from govproj import x`, relative: all present in the real tree
    assert "govproj.core.rules" in edges["govproj.core.engine"]
    assert "govproj.commands.check" not in edges["govproj.cli"]  # imported by a computed name through the table
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None
    sample = tmp_path / "govproj" / "core" / "x.py"
    sample.parent.mkdir(parents=True)
    (sample.parent / "__init__.py").write_text("")
    sample.write_text("from . import y\nfrom ..edges import cache\ndef f():\n    from govproj.core import z\n"
                      "    import importlib; importlib.import_module('govproj.core.w')\n")
    known = {"govproj.core.y", "govproj.edges.cache", "govproj.core.z", "govproj.core.w"}
    found = imported(sample, "govproj.core.x", known)
    assert known <= found


def test_no_import_cycle() -> None:
    cycle = find_cycle(graph())
    assert cycle is None, "import cycle: " + " → ".join(cycle or [])


def test_the_core_imports_no_edge_and_no_heavy_library() -> None:
    mods = modules()
    known = set(mods)
    bad = []
    for name, path in mods.items():
        if not name.startswith("govproj.core"):
            continue
        for target in sorted(imported(path, name, known)):
            if any(target == f or target.startswith(f + ".") for f in FORBIDDEN_IN_CORE):
                bad.append(f"{name} imports {target}")
    assert not bad, "\n".join(bad)
