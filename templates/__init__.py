"""The .docx form templates, one folder per jurisdiction (`bj/needs.docx` …), installed as `govproj.templates`.

They are generated: `python tools/build_templates.py` writes them from the layouts in `tools/layouts.py` with the
typography of `tools/docxkit.py` (GB/T 9704-2012). Edit the layouts and regenerate rather than editing the .docx by
hand; a user who wants a different layout copies a template into their own template folder and edits it in Word or
WPS (see docs/render.md).
"""
