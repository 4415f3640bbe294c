"""Plain output formats of check results: text, json, sarif (2.1.0), github; `auto` picks. Byte-stable: CI and
snapshots read them. `FORMATS[fmt](results, stream, color)`; a terminal printer may sit beside them."""
from __future__ import annotations

import os
from typing import Callable, TextIO

from govproj import __version__
from govproj.core.diagnostics import SEVERITY_ZH, ProjectResult, summary

JSON_SCHEMA_VERSION = 1


def format_json(results: list[ProjectResult], out: TextIO, color: bool = False) -> None:
    """Stable JSON: {"version": 1, "tool": ..., "summary": {...}, "projects": [...], "diagnostics": [...]}."""
    import json  # only the json and sarif formats need it

    payload = {
        "version": JSON_SCHEMA_VERSION,
        "tool": {"name": "govproj", "version": __version__},
        "summary": summary(results),
        "projects": [
            {"path": r.project, "id": r.project_id, "jurisdiction": r.jurisdiction, "stage": r.stage,
             "checked_stage": r.checked_stage, "errors": r.count("error"), "warnings": r.count("warning"),
             "infos": r.count("info"), "waived": r.waived, "load_error": r.error,
             "rule_set": rule_set(r.jurisdiction)}
            for r in results
        ],
        "diagnostics": [d.to_json() for r in results for d in r.diagnostics],
    }
    json.dump(payload, out, ensure_ascii=False, indent=2)
    out.write("\n")


def rule_set(jurisdiction: str) -> dict[str, str] | None:
    """The rule set a result was judged by (pack, version, sha256), for the machine formats; None when unknown."""
    if not jurisdiction:
        return None
    from govproj.errors import GovprojError
    from govproj.packs import get_pack

    try:
        return get_pack(jurisdiction).rule_set
    except GovprojError:
        return None


def format_github(results: list[ProjectResult], out: TextIO, color: bool = False) -> None:
    """GitHub Actions workflow commands: one annotation per finding."""
    level = {"error": "error", "warning": "warning", "info": "notice"}
    for r in results:
        for d in r.diagnostics:
            title = _escape_property(f"{d.code} {d.rule}")
            text = _escape_data(f"{d.message}\n处理办法：{d.hint}\n依据：{d.citation}")
            out.write(f"::{level[d.severity]} file={_escape_property(d.file)},line={d.line},col={d.column},"
                      f"title={title}::{text}\n")
    _write_summary_line(results, out)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_sarif(results: list[ProjectResult], out: TextIO, color: bool = False) -> None:
    """SARIF 2.1.0 with rule metadata and regions."""
    import json  # only the json and sarif formats need it
    from govproj.packs import find_rule

    codes = sorted({d.code for r in results for d in r.diagnostics})
    rules = []
    for code in codes:
        rule = find_rule(code)
        rules.append({
            "id": code,
            "name": rule.name,
            "shortDescription": {"text": rule.name},
            "fullDescription": {"text": rule.message},
            "help": {"text": f"{rule.hint}\n依据：{rule.citation}", "markdown": f"{rule.hint}\n\n依据：{rule.citation}"},
            "defaultConfiguration": {"level": _sarif_level(rule.severity)},
            "properties": {"citation": str(rule.citation), "stages": list(rule.stages)},
        })
    index = {code: i for i, code in enumerate(codes)}
    sarif_results = []
    for r in results:
        for d in r.diagnostics:
            sarif_results.append({
                "ruleId": d.code,
                "ruleIndex": index[d.code],
                "level": _sarif_level(d.severity),
                "message": {"text": f"{d.message}（处理办法：{d.hint}；依据：{d.citation}）"},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": d.file},
                    "region": {"startLine": d.line, "startColumn": d.column},
                }}],
                "properties": {"project": d.project, "citation": d.citation, "hint": d.hint},
            })
    payload = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "govproj", "version": __version__, "informationUri": "https://example.invalid/govproj",
                                "rules": rules}},
            "results": sarif_results,
            "properties": {"ruleSets": [rule_set(j) for j in sorted({r.jurisdiction for r in results if r.jurisdiction})]},
        }],
    }
    json.dump(payload, out, ensure_ascii=False, indent=2)
    out.write("\n")


def _sarif_level(severity: str) -> str:
    return {"error": "error", "warning": "warning", "info": "note"}[severity]


_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m", "dim": "\033[2m", "bold": "\033[1m",
           "reset": "\033[0m", "green": "\033[32m"}


def format_text(results: list[ProjectResult], out: TextIO, color: bool = False) -> None:
    """Human output grouped by project and file; colour only on a terminal."""
    def c(name: str, text: str) -> str:
        return f"{_COLORS[name]}{text}{_COLORS['reset']}" if color else text

    for r in results:
        pack_stage = f"{r.jurisdiction} · 阶段 {r.stage}" + (f" → 检查 {r.checked_stage}" if r.checked_stage != r.stage else "")
        if r.error:
            out.write(c("bold", f"{r.project}") + "\n" + c("error", f"  无法读取：{r.error}") + "\n\n")
            continue
        if not r.diagnostics:
            out.write(c("bold", r.project) + c("dim", f"（{pack_stage}）") + "  " + c("green", "✓ 没有发现问题") + "\n")
            continue
        out.write(c("bold", r.project) + c("dim", f"（{pack_stage}）") + "\n")
        current = None
        for d in sorted(r.diagnostics):
            if d.file != current:
                current = d.file
                out.write(f"  {c('bold', d.file)}\n")
            label = SEVERITY_ZH[d.severity]
            out.write(f"    {d.line}:{d.column}  {c(d.severity, label)}  {c('bold', d.code)}  {d.message}\n")
            out.write(c("dim", f"        处理办法：{d.hint}") + "\n")
            out.write(c("dim", f"        依据：{d.citation}") + "\n")
        out.write("\n")
    _write_summary_line(results, out, c if color else None)


def _write_summary_line(results: list[ProjectResult], out: TextIO, c: Callable | None = None) -> None:
    s = summary(results)
    line = f"共检查 {s['projects']} 个项目：错误 {s['errors']}，警告 {s['warnings']}，提示 {s['infos']}"
    if s["waived"]:
        line += f"，已豁免 {s['waived']}"
    if s["unreadable"]:
        line += f"，无法读取 {s['unreadable']}"
    out.write(line + "\n")


FORMATS: dict[str, Callable[[list[ProjectResult], TextIO, bool], None]] = {
    "text": format_text,
    "json": format_json,
    "sarif": format_sarif,
    "github": format_github,
}


def pick_format(name: str) -> str:
    """`auto` is github inside GitHub Actions, text elsewhere."""
    if name == "auto":
        return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    return name


def use_color(out: TextIO) -> bool:
    """Colour only on a terminal, never with NO_COLOR or in CI; FORCE_COLOR insists."""
    if os.environ.get("NO_COLOR") or os.environ.get("CI"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(out, "isatty", None)
    return bool(isatty and isatty())
