"""Regenerate the built-in .docx templates: `python tools/build_templates.py [--check]`.

Every declared form of every jurisdiction gets `templates/<jurisdiction>/<form id>.docx` (installed as `govproj.templates`), laid out by
`layouts.py` in the typography of `docxkit.py`. The output is reproducible (fixed timestamps and zip order), so a
regenerated template that did not change is byte-identical; `--check` fails when a committed template is stale.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from govproj.forms import MODULES, Form, forms_for
from govproj.edges.render import BUILTIN, normalize_docx
from docxkit import Sheet  # noqa: E402  (siblings in tools/)
from layouts import layout_for  # noqa: E402

# parts of python-docx's default template that a form does not need (a sample thumbnail, Word 2010 style effects,
# a bibliography data store)
DROP = ("docProps/thumbnail.jpeg", "word/stylesWithEffects.xml", "customXml/item1.xml", "customXml/itemProps1.xml",
        "customXml/_rels/item1.xml.rels")


def build(form: Form) -> bytes:
    sheet = Sheet(form.title)
    layout_for(form)(sheet)
    core = {"title": form.title, "subject": f"govproj 表单模板 {form.jurisdiction}/{form.template}",
            "creator": "govproj", "description": f"{form.label}（{form.article}）"}
    return normalize_docx(sheet.to_bytes(), core=core, drop=DROP)


def all_templates() -> dict[Path, bytes]:
    return {BUILTIN / form.jurisdiction / form.template: build(form)
            for jurisdiction in MODULES for form in forms_for(jurisdiction)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python tools/build_templates.py", description=__doc__)
    parser.add_argument("--check", action="store_true", help="只检查已提交的模板是否与生成结果一致")
    args = parser.parse_args(argv)
    stale = []
    for path, data in all_templates().items():
        current = path.read_bytes() if path.is_file() else None
        if current == data:
            continue
        stale.append(path)
        if not args.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            print(f"wrote {path.relative_to(BUILTIN.parent.parent)}")
    if args.check and stale:
        print("stale templates (run python tools/build_templates.py):", *map(str, stale), sep="\n  ")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
