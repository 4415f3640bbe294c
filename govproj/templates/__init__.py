"""The .docx form templates, one folder per jurisdiction (`bj/needs.docx` …), shipped as package data.

They are generated: `python -m govproj.templates.build` writes them from the layouts in `layouts.py` with the
typography of `kit.py` (GB/T 9704-2012). Edit the layouts and regenerate rather than editing the .docx by hand;
a user who wants a different layout copies a template into their own template folder and edits it in Word or WPS
(see docs/render.md).
"""
