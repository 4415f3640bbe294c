"""Run a pack's rules over a project: stage selection, settings, severities, waivers → sorted diagnostics.

Pure: no git, no docx, no printing. The linter, not the rule, attaches severity from configuration. What comes from
outside (the approved baseline, the calendar) arrives through loader functions the caller passes in.
"""
from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Any, Callable, Iterable, NamedTuple

from govproj.core.diagnostics import SEVERITIES, Diagnostic, ProjectResult, sort_diagnostics
from govproj.core.fields import parse_money, parse_percent
from govproj.core.places import CONFIG_FILE, display_file, repo_config_path
from govproj.core.project import Project, load_project
from govproj.core.rules import Context, Finding, Rule, applicable  # noqa: F401  (applicable: re-exported)
from govproj.errors import GovprojError, LoadError



class RuleConfig(NamedTuple):
    severity: str | None  # None: the rule's own; "off": disabled
    values: dict[str, Any]


WAIVER_RULES = ("GP040", "GP041", "GP042")  # the rules about waivers, which no waiver can waive
UNUSED_WAIVER = "GP042"  # reported here, after every other rule has run
FUTURE_RULES = ("GP060", "GP061")  # run after the others: they read which events the gates relied on


def all_rules(project: Project) -> list[Rule]:
    """The shared rules and the pack's own (the pack knows both: the engine imports no pack)."""
    return list(project.pack.all_rules)


def _settings(project: Project, repo_config: dict[str, Any]) -> tuple[dict[str, RuleConfig], list[Finding]]:
    """Merge repository and project settings, validated against what each rule accepts.

    Problems in the project's own `settings` become GP030 findings; a bad repository config is a load error.
    """
    rules = {r.code: r for r in all_rules(project)}
    merged: dict[str, dict[str, Any]] = {}
    origins: dict[str, set[str]] = {}  # "repo" / "project" -> codes whose severity it sets
    problems: list[Finding] = []
    project_settings = project.get("project.yaml", "settings", default={}) or {}
    for table, origin in ((repo_config, "repo"), (project_settings, "project")):
        for code, value in (table or {}).items():
            if code not in rules:
                from difflib import get_close_matches  # only when something is misspelt
                close = get_close_matches(str(code), list(rules), n=1)
                message = f"设置里的规则编号“{code}”不存在" + (f"，是不是“{close[0]}”？" if close else "")
                if origin == "repo":
                    raise LoadError(message, file=CONFIG_FILE, hint="用 `govproj rules` 查看规则编号")
                problems.append(Finding("project.yaml", ("settings", code), message, "用 `govproj rules` 查看规则编号",
                                        at_key=True))
                continue
            if not isinstance(value, dict):
                value = {"severity": value}
            if "severity" in value:
                origins.setdefault(origin, set()).add(code)
            merged.setdefault(code, {}).update(value)
    configs: dict[str, RuleConfig] = {}
    for code, values in merged.items():
        rule = rules[code]
        values = dict(values)
        severity = values.pop("severity", None)
        if severity is False:  # `off` unquoted reads as YAML 1.1's false
            severity = "off"
        if severity is not None and severity not in SEVERITIES + ("off",):
            problems.append(Finding("project.yaml", ("settings", code, "severity"),
                                    f"规则 {code} 的级别“{severity}”无效", "可选：error、warning、info、off"))
            severity = None
        if severity is not None and rule.severity == "error" and severity != "error":
            # An error gates the stage: settings may add strictness, never silence a gate (a waiver, recorded with
            # reason, approver and expiry, is the only way to set one aside).
            message = (f"规则 {code} 是错误级的门槛，设置不能把它降为“{severity}”，本设置不生效"
                       + ("（原文“" + rule.mandatory + "”，属于强制性规定，也不能豁免）" if rule.mandatory else ""))
            hint = ("按规则要求整改" if rule.mandatory else
                    "确有正当理由不适用本项目的，在 waivers 里记录豁免（规则编号、理由、批准人、到期日）")
            if code in origins.get("repo", set()) and code not in origins.get("project", set()):
                raise LoadError(message, file=CONFIG_FILE, hint=hint + "；从 settings 里删除这一项")
            problems.append(Finding("project.yaml", ("settings", code, "severity"), message, hint))
            severity = None
        typed: dict[str, Any] = {}
        accepted = {s.name: s for s in rule.settings}
        for key, raw in values.items():
            setting = accepted.get(key)
            if setting is None:
                problems.append(Finding("project.yaml", ("settings", code, key), f"规则 {code} 没有参数“{key}”",
                                        ("可用参数：" + "、".join(accepted)) if accepted
                                        else f"规则 {code} 只能设置 severity", at_key=True))
                continue
            value = _typed_setting(setting.kind, raw)
            if value is None:
                problems.append(Finding("project.yaml", ("settings", code, key),
                                        f"规则 {code} 的参数“{key}”取值无效", setting.help))
                continue
            typed[key] = value
        configs[code] = RuleConfig(severity, typed)
    return configs, problems


def settings_problems(project: Project) -> list[Finding]:
    return _settings(project, {})[1]


def _typed_setting(kind: str, raw: Any) -> Any:
    if kind == "money":
        amount, error, _ = parse_money(raw, None)  # 万元 unless written with its unit ("5000000元")
        return None if error else amount
    if kind == "percent":
        return parse_percent(raw)
    if kind == "int":
        return raw if isinstance(raw, int) and not isinstance(raw, bool) else None
    if kind == "bool":
        return raw if isinstance(raw, bool) else None
    if kind == "date":
        if isinstance(raw, _dt.date) and not isinstance(raw, _dt.datetime):
            return raw
        try:
            return _dt.date.fromisoformat(str(raw))
        except ValueError:
            return None
    return str(raw)


def to_diagnostic(project: Project, rule: Rule, finding: Finding, severity: str) -> Diagnostic:
    pos = project.key_pos(finding.file, *finding.path) if finding.at_key else project.pos(finding.file, *finding.path)
    return Diagnostic(display_file(project.display, finding.file), pos.line, pos.column, rule.code, finding.severity or severity,
                      finding.message or rule.message, finding.hint or rule.hint, str(rule.citation), rule.name,
                      project.display)


def run_rules(project: Project, *, today: _dt.date | None = None, repo_config: dict[str, Any] | None = None,
              calendar_loader: Callable[[], Any] | None = None,
              baseline_loader: Callable[[], Any] | None = None) -> tuple[list[Diagnostic], list[Diagnostic]]:
    """All diagnostics of the project at its (possibly overridden) stage, and those an active waiver covered."""
    today = today or _dt.date.today()
    configs, problems = _settings(project, repo_config or {})
    if repo_config:  # GP030 reports the project's own settings alone, as if there were no repository config
        problems = settings_problems(project)
    rules = all_rules(project)
    codes = frozenset(r.code for r in rules)
    unwaivable = {r.code: r.mandatory for r in rules if r.mandatory}
    if calendar_loader is None:
        def calendar_loader() -> Any:  # the project's own calendar.yaml wins over repository and user files
            from govproj.core.calendar import load_calendar

            return load_calendar(project.root)
    cache: dict = {}  # one calendar and one baseline per project, shared by its rules
    raw: list[tuple[Rule, Finding, str]] = []
    relied: dict[str, list[str]] = {}  # event key -> the error-level rules that read it (GP060)
    # The rules on dates in the future run last: they judge the events the gates (error-level rules) read.
    ordered = [r for r in rules if r.code not in FUTURE_RULES] + [r for r in rules if r.code in FUTURE_RULES]
    for rule in ordered:
        config = configs.get(rule.code)
        severity = (config.severity if config and config.severity else rule.severity)
        if severity == "off" or not applicable(rule, project):
            continue
        values = {s.name: s.default for s in rule.settings}
        if config:
            values.update(config.values)
        context = Context(today=today, settings=values, calendar_loader=calendar_loader,
                          baseline_loader=baseline_loader, rule_codes=codes, settings_problems=tuple(problems),
                          _cache=cache, unwaivable=unwaivable, relied=relied)
        project.reads.clear()
        for finding in rule.check(project, context):
            raw.append((rule, finding, severity))
        if severity == "error" and rule.code not in FUTURE_RULES:
            for key in project.reads:
                relied.setdefault(key, []).append(rule.code)
    kept, waived, unused = apply_waivers(project, raw, today, {r.code: r for r in rules}.get(UNUSED_WAIVER),
                                          unwaivable)
    diagnostics = {to_diagnostic(project, rule, finding, severity) for rule, finding, severity in kept + unused}
    covered = {to_diagnostic(project, rule, finding, severity) for rule, finding, severity in waived}
    return sort_diagnostics(one_per_value(diagnostics)), sort_diagnostics(covered)


VALUE_PROBLEMS = ("GP001", "GP003", "GP004")  # a value that did not read as its type (a date that does not exist …)


def one_per_value(diagnostics: set[Diagnostic]) -> set[Diagnostic]:
    """A value that could not be read is reported once, by what is wrong with it: the rules that then see it as
    missing ("缺少日期") would only repeat the place with a misleading message. The value problem is itself an
    error, so the gate it stood for still holds."""
    unreadable = {(d.file, d.line, d.column) for d in diagnostics if d.code in VALUE_PROBLEMS and d.severity == "error"}
    if not unreadable:
        return diagnostics
    return {d for d in diagnostics if d.code in VALUE_PROBLEMS or (d.file, d.line, d.column) not in unreadable}


def waiver_active(waiver: dict[str, Any], today: _dt.date) -> bool:
    """A waiver counts only when complete (reason, approver, expiry) and not expired (the expiry day still counts)."""
    expires = waiver.get("expires")
    return bool(waiver.get("reason") and waiver.get("approved_by") and isinstance(expires, _dt.date)
                and expires >= today)


def apply_waivers(project: Project, raw: list[tuple[Rule, Finding, str]], today: _dt.date,
                  unused_rule: Rule | None, unwaivable: Iterable[str] = ()
                  ) -> tuple[list[tuple[Rule, Finding, str]], list[tuple[Rule, Finding, str]],
                             list[tuple[Rule, Finding, str]]]:
    """Set apart findings covered by an active waiver (kept, waived); report active waivers that covered nothing
    (as `unused_rule`). A waiver of a rule that cannot be waived covers nothing and is not "unused" (GP040)."""
    active = [(index, w) for index, w in project.items("project.yaml", "waivers") if waiver_active(w, today)
              and str(w.get("rule", "")).upper() not in unwaivable]
    used: set[int] = set()
    kept: list[tuple[Rule, Finding, str]] = []
    waived: list[tuple[Rule, Finding, str]] = []
    for rule, finding, severity in raw:
        match = None
        if rule.code not in WAIVER_RULES and rule.waivable:
            for index, waiver in active:
                if str(waiver.get("rule", "")).upper() == rule.code and (
                        not waiver.get("path") or waiver.get("path") == finding.file):
                    match = index
                    break
        if match is None:
            kept.append((rule, finding, severity))
        else:
            used.add(match)
            waived.append((rule, finding, severity))
    extra = []
    if unused_rule is not None:
        for index, waiver in active:
            if index not in used:
                extra.append((unused_rule, Finding("project.yaml", ("waivers", index),
                                                   f"对 {waiver.get('rule')} 的豁免没有对应任何发现",
                                                   "问题已解决的话，删除这条豁免"), unused_rule.severity))
    return kept, waived, extra


def check_folder(folder: Path, *, stage: str | None = None, today: _dt.date | None = None,
                 repo_config: dict[str, Any] | None = None,
                 baseline_loader: Callable[[], Any] | None = None) -> ProjectResult:
    """Load and check one project; a load error becomes a result with `error` set (exit 2 for the caller).

    `baseline_loader` gives the approved baseline (`ctx.baseline`), called only when a change-control rule asks for
    it; the caller that knows git passes one (`govproj.edges.batch.baseline`). Without one there is no baseline.
    """
    try:
        project = load_project(folder)
    except GovprojError as exc:
        return load_error_result(folder, exc)
    return check_project(project, stage=stage, today=today, repo_config=repo_config, baseline_loader=baseline_loader)


def load_error_result(folder: Path, exc: GovprojError) -> ProjectResult:
    """The result of a project that cannot be loaded."""
    from govproj.core.project import display_path

    return ProjectResult(display_path(folder), folder.name, "", "", "", [], error=exc.render().removeprefix("错误："))


def check_project(project: Project, *, stage: str | None = None, today: _dt.date | None = None,
                  repo_config: dict[str, Any] | None = None,
                  baseline_loader: Callable[[], Any] | None = None) -> ProjectResult:
    """Check a loaded project (at `stage` if given), as `check_folder` does after loading it."""
    target = project.stage
    if stage:
        target = project.pack.resolve_stage(stage)
        project = project.at_stage(target)
    diagnostics, waived = run_rules(project, today=today, repo_config=repo_config, baseline_loader=baseline_loader)
    return ProjectResult(project.display, project.id, project.pack.id, project.recorded_stage or "", target,
                         diagnostics, len(waived), waived_diagnostics=waived)


def load_repo_config(start: Path) -> dict[str, Any]:
    """`.govproj/config.yaml` in the nearest parent folder that has one: `rules: {CODE: {severity, …}}`."""
    path = repo_config_path(start)
    return {} if path is None else read_repo_config(path)


def read_repo_config(path: Path) -> dict[str, Any]:
    """The `rules` table of one repository config file (a LoadError names the file and line when it is wrong)."""
    from govproj.edges.yamlio import load_doc

    doc = load_doc(path, str(path), allow_empty=True)
    rules = doc.data.get("rules", {}) if isinstance(doc.data, dict) else {}
    if not isinstance(rules, dict):
        raise LoadError("“rules”应当是映射：规则编号: {severity: …}", file=str(path), line=doc.pos("rules").line)
    return rules
