"""Stage machines, pure: "may this project go from A to B, and if not, why", and which gates hold the step.

A pack declares its lifecycle as data: `Pack.stages` in their linear order (each with the project kinds that go
through it and whether it may be passed over) and `Pack.transitions` for every other move its text names — a failed
review or acceptance sent to 整改 and back, an extension, the next phase of a multi-year project. Nothing here knows
a jurisdiction: the same functions serve every pack, including packs that land later.

The gates of a step are the check itself (`engine.check_folder(folder, stage=B)`): to enter B every rule whose stages
include B must hold; a forward step must also leave A in order (the errors of a check at A).
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from govproj.errors import UsageError

if TYPE_CHECKING:
    from govproj.core.diagnostics import Diagnostic, ProjectResult
    from govproj.packs import Pack, Stage

OUTCOMES = {"pass": "通过", "fail": "未通过"}
OUTCOME_RULE = "GP070"  # the shared rule whose code and citation a missing outcome record is reported under


class SimpleResult:
    """Diagnostics that come from the move itself rather than from a check at a stage."""

    def __init__(self, diagnostics: list) -> None:
        self.diagnostics = diagnostics


@dataclass(frozen=True)
class Move:
    """One allowed step of a project: from `source` to `target` with an outcome."""

    source: str
    target: str
    outcome: str = "pass"
    label: str = ""  # Chinese: 推进 / 整改 / 延期 …
    article: str = ""
    loop: bool = False  # declared by a Transition, not the linear order
    passed_over: tuple[str, ...] = ()  # optional stages of this kind that the step passes over
    baseline: bool = False  # the target stage fixes the approved baseline (Stage.baseline)


def stage_name(pack: "Pack", stage_id: str | None) -> str:
    """「名称（id）」 for messages; unknown ids are shown as they are."""
    if not stage_id:
        return "（project.yaml 里没有写 stage）"
    try:
        return f"{pack.stage(stage_id).name}（{stage_id}）"
    except KeyError:
        return f"“{stage_id}”（不是本辖区的阶段）"


def applies(stage: "Stage", kind: str) -> bool:
    return not stage.kinds or kind in stage.kinds


def stages_for(pack: "Pack", kind: str) -> list["Stage"]:
    """The stages a project of this kind goes through, in order."""
    return [s for s in pack.stages if applies(s, kind)]


def _index(pack: "Pack", stage_id: str) -> int:
    try:
        return pack.stage_index(stage_id)
    except ValueError:
        raise UsageError(f"{pack.name}没有阶段“{stage_id}”",
                         hint="可用阶段：" + "、".join(f"{s.id}（{s.name}）" for s in pack.stages)) from None


def forward_moves(pack: "Pack", kind: str, source: str) -> list[Move]:
    """The linear steps: the next stage of this kind, and the stages beyond optional ones up to a required one."""
    out: list[Move] = []
    passed: list[str] = []
    for stage in pack.stages[_index(pack, source) + 1:]:
        if not applies(stage, kind):
            continue  # not this kind's stage: nothing is passed over
        out.append(Move(source, stage.id, "pass", "推进", stage.article, False, tuple(passed), stage.baseline))
        if not stage.optional:
            break
        passed.append(stage.id)
    return out


def loop_moves(pack: "Pack", kind: str, source: str) -> list[Move]:
    return [Move(t.source, t.target, t.outcome, t.label, t.article, True, (), pack.stage(t.target).baseline)
            for t in pack.transitions if t.source == source and applies(pack.stage(t.target), kind)]


def moves_from(pack: "Pack", kind: str, source: str) -> list[Move]:
    """Every move the pack allows from `source` for a project of `kind`."""
    return forward_moves(pack, kind, source) + loop_moves(pack, kind, source)


def describe(pack: "Pack", move: Move) -> str:
    text = f"{stage_name(pack, move.source)} → {stage_name(pack, move.target)}"
    extra = [OUTCOMES.get(move.outcome, move.outcome)] if move.outcome != "pass" else []
    if move.loop and move.label:
        extra.append(move.label)
    if move.passed_over:
        extra.append("跳过可选阶段 " + "、".join(stage_name(pack, s) for s in move.passed_over))
    return text + (f"（{'；'.join(extra)}）" if extra else "")


def _options(pack: "Pack", moves: list[Move]) -> str:
    if not moves:
        return "本阶段之后没有可去的阶段"
    parts = []
    for m in moves:
        flag = f" --to {m.target}" + (f" --outcome {m.outcome}" if m.outcome != "pass" else "")
        parts.append(f"`govproj advance{flag}`：{describe(pack, m)}")
    return "可以：" + "；".join(parts)


def why_not(pack: "Pack", kind: str, source: str, target: str, outcome: str = "pass") -> str | None:
    """None when the move is allowed; otherwise the reason, in Chinese (used by `advance` and `verify`)."""
    try:
        return _why_not(pack, kind, source, target, outcome)
    except UsageError as exc:
        return exc.message


def _why_not(pack: "Pack", kind: str, source: str, target: str, outcome: str) -> str | None:
    _index(pack, source)
    t_index = _index(pack, target)
    if any(m.target == target and m.outcome == outcome for m in moves_from(pack, kind, source)):
        return None
    stage = pack.stage(target)
    if not applies(stage, kind):
        return f"{stage_name(pack, target)}不适用于“{kind}”类项目"
    if outcome != "pass":
        return (f"{pack.name}没有规定从{stage_name(pack, source)}以“{OUTCOMES.get(outcome, outcome)}”"
                f"转到{stage_name(pack, target)}")
    s_index = _index(pack, source)
    if t_index > s_index:
        required = [s for s in stages_for(pack, kind) if s_index < _index(pack, s.id) < t_index and not s.optional]
        names = "、".join(stage_name(pack, s.id) for s in required)
        return f"不能跳过必经阶段：{names}" if required else f"不能从{stage_name(pack, source)}直接到{stage_name(pack, target)}"
    if t_index == s_index:
        return f"项目已在{stage_name(pack, target)}"
    return f"不能从{stage_name(pack, source)}退回{stage_name(pack, target)}：办法没有规定这一步"


def plan(pack: "Pack", kind: str, source: str, target: str | None = None, outcome: str = "pass") -> Move:
    """The move `advance` would make, or a UsageError that says why not and what is possible instead."""
    moves = moves_from(pack, kind, source)
    if target is None:
        if outcome == "pass":
            forward = [m for m in moves if not m.loop]
            if forward:
                return forward[0]
            loops = [m for m in moves if m.outcome == "pass"]
            if len(loops) == 1:
                return loops[0]
            raise UsageError(f"{stage_name(pack, source)}是最后一个阶段，没有下一阶段",
                             hint=_options(pack, moves))
        matching = [m for m in moves if m.outcome == outcome]
        if len(matching) == 1:
            return matching[0]
        if not matching:
            raise UsageError(f"{pack.name}没有规定{stage_name(pack, source)}“{OUTCOMES.get(outcome, outcome)}”后去哪里",
                             hint=_options(pack, moves))
        raise UsageError(f"{stage_name(pack, source)}“{OUTCOMES.get(outcome, outcome)}”后有多个去向，请用 --to 指定",
                         hint=_options(pack, matching))
    for move in moves:
        if move.target == target and move.outcome == outcome:
            return move
    reason = why_not(pack, kind, source, target, outcome) or "不允许"
    raise UsageError(reason, hint=_options(pack, moves))


def transition_of(pack: "Pack", move: Move) -> Any:
    """The pack's Transition that declares `move` (a loop), or None for a step of the linear order."""
    return next((t for t in pack.transitions if (t.source, t.target, t.outcome) == (move.source, move.target,
                                                                                   move.outcome)), None)


def record_label(pack: "Pack", record: str) -> str:
    """「竣工验收（events.accepted）」 for an event key, 「测评（security.yaml 的 assessments）」 for a list."""
    if ":" in record:
        from govproj.core.format import file_specs

        file, key = record.split(":", 1)
        spec = file_specs(pack)[file].child(key)
        return f"{spec.label if spec else key}（{file} 的 {key}）"
    label = next((lab for k, lab, _ in pack.events if k == record), record)
    return f"{label}（events.{record}）"


def outcome_findings(project: Any, move: Move, today: _dt.date, since: _dt.date | None = None) -> list[Any]:
    """What is missing for the outcome of a declared move: the record of the review, acceptance or report that
    decides it (`Transition.record`), with its date on or before `today` and the result the move names (GP070).
    `since`: the day the project entered its current stage (the previous advance); a record dated before it is the
    record of an earlier round (a second failed acceptance needs its own date), not of this one."""
    from govproj.core.rules import Finding

    transition = transition_of(project.pack, move)
    if transition is None or not transition.record:
        return []
    record, wanted = transition.record, transition.result
    label = record_label(project.pack, record)
    step = f"`advance --outcome {move.outcome}`（{describe(project.pack, move)}，{transition.article}）"
    if ":" in record:
        file, key = record.split(":", 1)
        items = list(project.items(file, key))
        dated = [(i, item) for i, item in items if isinstance(item.get("date"), _dt.date)
                 and (not wanted or item.get("result") == wanted)]
        if any(item["date"] <= today and (since is None or item["date"] >= since) for _, item in dated):
            return []
        if dated and since is not None and all(item["date"] < since for _, item in dated):
            index, item = dated[-1]
            return [Finding(file, (key, index, "date"),
                            f"{label}里最近的一项是 {item['date'].isoformat()}，早于项目进入本阶段的 {since.isoformat()}："
                            f"那是上一轮的记录，{step}要有这一轮的记录",
                            f"在 {file} 的 {key} 增加这一轮的一项：日期、结论和证据文件，再推进")]
        if dated:
            index, item = dated[-1]
            return [Finding(file, (key, index, "date"),
                            f"{label}的日期 {item['date'].isoformat()} 晚于今天 {today.isoformat()}：{step}所依据的事还没有发生")]
        what = f"结论为“{OUTCOMES.get(wanted, wanted)}”（result: {wanted}）且有日期的一项" if wanted else "有日期的一项"
        return [Finding(file, (key,), f"{step}要有{label}里{what}，现在没有",
                        f"在 {file} 的 {key} 增加这一项：日期、结论和证据文件，再推进", at_key=True)]
    event = project.event(record)
    when = project.event_date(record)
    if event is None or when is None:
        return [Finding("project.yaml", ("events", record) if event is not None else ("events",),
                        f"{step}要有{label}的记录（日期" + ("、结论" if wanted else "") + "），现在没有",
                        f"在 events.{record} 写日期" + (f"、result: {wanted}" if wanted else "") + "和证据文件，再推进")]
    if when > today:
        return [Finding("project.yaml", ("events", record, "date"),
                        f"{label}的日期 {when.isoformat()} 晚于今天 {today.isoformat()}：{step}所依据的事还没有发生")]
    if since is not None and when < since:
        return [Finding("project.yaml", ("events", record, "date"),
                        f"{label}的日期 {when.isoformat()} 早于项目进入本阶段的 {since.isoformat()}：那是上一轮的记录，"
                        f"{step}要有这一轮的日期和结论",
                        f"在 events.{record} 写这一轮的日期" + (f"、result: {wanted}" if wanted else "") + "和证据文件，再推进")]
    if wanted and event.get("result") != wanted:
        shown = event.get("result") or "（未写）"
        return [Finding("project.yaml", ("events", record, "result"),
                        f"{step}要{label}的结论是“{OUTCOMES.get(wanted, wanted)}”（result: {wanted}），记录的是“{shown}”",
                        f"核对结论：确实{OUTCOMES.get(wanted, wanted)}的，在 events.{record}.result 写 {wanted}")]
    return []


# ---- gates ---------------------------------------------------------------------------------------------------

@dataclass
class Gate:
    """What blocks a move: the errors of the check at the target (and at the source for a forward step)."""

    move: Move
    target: "ProjectResult"
    blocking: list["Diagnostic"] = field(default_factory=list)
    load_error: str | None = None

    @property
    def open(self) -> bool:
        return not self.blocking and not self.load_error


def gates(folder: Path, move: Move, *, today: _dt.date | None = None, repo_config: dict[str, Any] | None = None,
          baseline_loader: Callable[[], Any] | None = None, since: _dt.date | None = None) -> Gate:
    """Check the project folder for `move`; the result names every error that holds it. `since`: the day of the
    previous advance (the project entered its current stage then), for the outcome's record (`outcome_findings`)."""
    from govproj.core.engine import check_project, load_error_result
    from govproj.core.project import load_project
    from govproj.errors import GovprojError

    try:
        project = load_project(folder)  # once for both checks: loading costs more than checking (verify: every step)
    except GovprojError as exc:
        failed = load_error_result(folder, exc)
        return Gate(move, failed, load_error=failed.error)
    entering_baseline = move.outcome == "pass" and move.baseline
    # Entering a stage that fixes the baseline approves the project as it now is: the previous baseline (before a
    # re-declaration, 渝北第十一条（二）) no longer binds it, so change control has nothing to compare there.
    target = check_project(project, stage=move.target, today=today, repo_config=repo_config,
                           baseline_loader=(lambda: None) if entering_baseline else baseline_loader)
    gate = Gate(move, target)
    seen = set()
    results = [target]
    if move.outcome == "pass" and move.source != move.target:
        results.append(check_project(project, stage=move.source, today=today, repo_config=repo_config,
                                     baseline_loader=baseline_loader))
    outcome = outcome_findings(project, move, today or _dt.date.today(), since)
    if outcome:
        from govproj.core.engine import to_diagnostic
        from govproj.packs.shared import RULES

        rule = RULES.rules[OUTCOME_RULE]
        extra = [to_diagnostic(project, rule, f, "error") for f in outcome]
        results.append(SimpleResult(extra))
    for result in results:
        for d in result.diagnostics:
            key = (d.file, d.line, d.code, d.message)
            if d.severity == "error" and key not in seen:
                seen.add(key)
                gate.blocking.append(d)
    gate.blocking.sort()
    return gate

