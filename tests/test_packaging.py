"""Packaging: the package list in pyproject.toml is complete, and a plain (non-editable) wheel carries the templates."""
from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _declared_packages() -> set[str]:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    block = re.search(r"^packages = \[(.*?)\]", text, re.S | re.M)
    assert block, "pyproject.toml lists its packages under [tool.setuptools]"
    return set(re.findall(r'"([\w.]+)"', block.group(1)))


def test_every_package_folder_is_declared():
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "govproj").rglob("__init__.py")}
    found.add("govproj.templates")  # templates/ at the top level, mapped by package-dir
    assert _declared_packages() == found


def test_plain_wheel_ships_templates_and_no_generator(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w",
                    str(tmp_path), str(ROOT)], check=True, capture_output=True)
    wheel = next(tmp_path.glob("govproj-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for jurisdiction in ("bj", "xc", "yb", "jl", "gs"):
        assert f"govproj/templates/{jurisdiction}/summary.docx" in names
    assert "govproj/templates/bj/needs.docx" in names
    assert "govproj/templates/report/report.html.j2" in names  # govproj report
    assert not any(n.startswith("tools/") or n.endswith(("docxkit.py", "layouts.py", "build_templates.py"))
                   for n in names)
