"""Rewrite the generated examples/ folders from `govproj new --example` (what tests/test_examples.py compares)."""
# run from the repository root: .venv/bin/python tools/regen_examples.py
import sys
from pathlib import Path
sys.path.insert(0, "tests")
from test_examples import _by_id  # noqa
from govproj.commands.new import plan_files
from govproj.packs import available, get_pack
folders = _by_id()
for pid in available():
    pack = get_pack(pid)
    for kind, build in pack.examples.items():
        folder = folders[build()["files"]["project.yaml"]["id"]]
        for rel, text in plan_files(pack, kind, example=True, name=None, unit=None, project_id=None, folder=folder).items():
            path = folder / rel
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
                print("wrote", path)
