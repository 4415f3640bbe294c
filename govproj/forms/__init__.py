"""The form registry: which forms each jurisdiction has, the article that defines them, their template, their data.

Pure: no docx, no jinja2. A form is declared once (`Form`); its `build` turns a loaded `Project` into the template
context. Every context also carries the project's files as they were loaded (`project`, `needs`, `sharing`, …), so a
template, built-in or the user's own, can reach any field by its YAML path: `{{ needs.current_state }}`.
`govproj.edges.render` (the docx edge) fills the templates; `govproj render --list` prints this registry.
"""
from __future__ import annotations

import difflib
import importlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable

from govproj.errors import UsageError

if TYPE_CHECKING:
    from govproj.core.project import Project

Context = dict[str, Any]

# jurisdiction -> module declaring FORMS; imported only when that jurisdiction's forms are needed
MODULES: dict[str, str] = {
    "bj": "govproj.forms.bj",
    "xc": "govproj.forms.xc",
    "yb": "govproj.forms.yb",
    "jl": "govproj.forms.jl",
    "gs": "govproj.forms.gs",
}


@dataclass(frozen=True)
class Form:
    """One printable form or document outline.

    `id` names it on the command line (`--form needs`) and is its template's file name (`needs.docx`).
    `annex` is how the regulation numbers it ("附件1"), empty when an article defines it by content only.
    `needed` says whether the project must produce it (e.g. above a threshold): None = always; otherwise a
    function returning (needed, reason) — forms not needed are skipped unless asked for by `--form`.
    `sources` maps the form's computed context keys to the YAML they come from, for `render --lint`.
    """

    id: str
    jurisdiction: str
    title: str
    article: str
    build: Callable[["Project", Context], Context] | None = None  # (project, common context) -> more keys
    annex: str = ""
    note: str = ""  # one line for `render --list`
    needed: Callable[["Project"], tuple[bool, str]] | None = None
    sources: dict[str, str] = field(default_factory=dict)
    outline: tuple = ()  # chapters (govproj.forms.common.Chapter) of an outline document; fills `outline.<key>`
    custom: bool = False  # a template the user added, not declared here

    @property
    def template(self) -> str:
        return f"{self.id}.docx"

    @property
    def label(self) -> str:
        return f"{self.annex} {self.title}" if self.annex else self.title

    @property
    def filename(self) -> str:
        """The produced file's name: the annex number and the title, as a unit files it."""
        return f"{self.annex}-{self.title}.docx" if self.annex else f"{self.title}.docx"


def forms_for(jurisdiction: str) -> tuple[Form, ...]:
    if jurisdiction not in MODULES:
        close = difflib.get_close_matches(jurisdiction, list(MODULES), n=1)
        raise UsageError(f"没有辖区“{jurisdiction}”" + (f"，是不是“{close[0]}”？" if close else ""),
                         hint="可用辖区：" + "、".join(MODULES))
    return importlib.import_module(MODULES[jurisdiction]).FORMS


def custom_form(jurisdiction: str, stem: str) -> Form:
    """A template the user added beside the built-in ones: it gets the common context."""
    return Form(stem, jurisdiction, stem, "（自定义表单）", custom=True)


def pick(forms: tuple[Form, ...], wanted: list[str], jurisdiction: str) -> list[Form]:
    """The forms named on the command line, by id, annex ("附件1") or title; an unknown name is a usage error."""
    chosen: list[Form] = []
    for name in wanted:
        match = [f for f in forms if name in (f.id, f.annex, f.title, f.label)]
        if not match:
            options = [f.id for f in forms]
            close = difflib.get_close_matches(name, options + [f.title for f in forms], n=1)
            raise UsageError(f"辖区 {jurisdiction} 没有表单“{name}”" + (f"，是不是“{close[0]}”？" if close else ""),
                             hint="可用表单：" + "、".join(f"{f.id}（{f.label}）" for f in forms)
                             + f"；用 `govproj render --list --jurisdiction {jurisdiction}` 查看")
        for form in match:
            if form not in chosen:
                chosen.append(form)
    return chosen


def context(form: Form, project: "Project") -> Context:
    """The template context: the common part plus what the form computes."""
    from govproj.forms.common import common_context, outline_values

    ctx = common_context(project)
    if form.build is not None:
        ctx.update(form.build(project, ctx))
    if form.outline:
        ctx["outline"] = outline_values(form.outline, project, ctx)
    return ctx


def sources(form: Form) -> dict[str, str]:
    """Where each computed context value comes from, for `render --lint`."""
    from govproj.forms.common import COMMON_SOURCES, outline_sources

    return {**COMMON_SOURCES, **outline_sources(form.outline), **form.sources}
