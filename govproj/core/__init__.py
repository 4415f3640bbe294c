"""The pure core: project model, fields, rules, engine, lifecycle, deadlines, calendar.

Nothing here imports git, docx, jinja2, rich or typer, nor any module of `govproj.edges` other than the YAML
reader's plain records; a rule can be tested with a dict, and the core can serve a web service or a bulk job.
"""
