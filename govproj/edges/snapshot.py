"""A portfolio snapshot: every project below some folders as four tables (projects, findings, deadlines, advances).

`collect` builds the tables from the analysis `status` and `check` share (`govproj.edges.batch`, with its cache)
and from the git trail (`govproj.edges.ledger`: one history walk per repository). `govproj export` writes them
(`govproj.edges.export`), `govproj report` draws them. The columns are declared once, in `TABLES`; docs/export.md
documents them and a test keeps the two equal. Rows are sorted and hold no wall-clock time, so the same inputs give
the same snapshot.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
from pathlib import Path
from typing import Any, NamedTuple

SCHEMA_VERSION = 1


class Column(NamedTuple):
    name: str
    type: str  # text, int, bool, date (YYYY-MM-DD), decimal (exact, written as text where the format has no decimal)
    doc: str


def _cols(*rows: tuple[str, str, str]) -> tuple[Column, ...]:
    return tuple(Column(*row) for row in rows)


TABLES: dict[str, tuple[Column, ...]] = {
    "meta": _cols(
        ("schema_version", "int", "快照格式的版本号，列有不兼容的变化时加 1"),
        ("govproj_version", "text", "写出快照的 govproj 版本"),
        ("today", "date", "判断期限所用的“今天”（`--today`，省略时为运行当天）"),
        ("projects", "int", "项目数（含无法读取的项目）"),
    ),
    "projects": _cols(
        ("path", "text", "项目文件夹（相对于运行 export 的文件夹，与 status 显示的相同）"),
        ("id", "text", "项目编号（无法读取时为文件夹名）"),
        ("name", "text", "项目名称"),
        ("unit", "text", "项目单位"),
        ("jurisdiction", "text", "辖区编号（bj、xc、yb、jl、gs）"),
        ("jurisdiction_name", "text", "辖区名称"),
        ("kind", "text", "项目类型（new、upgrade …）"),
        ("stage", "text", "当前阶段编号（project.yaml 的 stage）"),
        ("stage_name", "text", "当前阶段名称"),
        ("budget_total", "decimal", "总投资，按 budget.yaml 所写的数和单位（精确十进制）"),
        ("budget_unit", "text", "budget_total 的单位：万元或元"),
        ("budget_wan", "decimal", "总投资折合万元（精确十进制，便于跨项目相加）"),
        ("baseline_tag", "text", "最新的批复基线标签（govproj/<编号>/baseline-<n>），没有时为空"),
        ("last_advance", "text", "最近一次 govproj advance 提交的时间（ISO 8601，带时区）"),
        ("last_advance_to", "text", "最近一次推进进入的阶段"),
        ("last_advance_commit", "text", "最近一次推进的提交号"),
        ("pack", "text", "检查所用的规则包（辖区编号）"),
        ("pack_name", "text", "规则包名称（辖区名称与管理办法文号）"),
        ("pack_version", "text", "规则包版本"),
        ("pack_hash", "text", "规则包代码和数据的 sha256（同一版本号下规则有改动时也能区分）"),
        ("commit", "text", "项目所在 git 仓库的 HEAD 提交号（不在 git 仓库里时为空）"),
        ("errors", "int", "按当前阶段检查的错误数"),
        ("warnings", "int", "警告数"),
        ("infos", "int", "提示数"),
        ("waived", "int", "被有效豁免覆盖的问题数"),
        ("overdue", "int", "已逾期的期限数"),
        ("load_error", "text", "项目无法读取时的错误（此时其他列多为空），否则为空"),
        ("deadline_error", "text", "期限无法计算时的错误（如 calendar.yaml 有误），否则为空"),
    ),
    "findings": _cols(
        ("project_path", "text", "项目文件夹（projects.path）"),
        ("project_id", "text", "项目编号（projects.id）"),
        ("rule", "text", "规则编号，如 BJ006"),
        ("rule_name", "text", "规则简称"),
        ("severity", "text", "级别：error、warning、info"),
        ("file", "text", "问题所在文件（相对于运行 export 的文件夹）"),
        ("line", "int", "行号（从 1 起）"),
        ("column", "int", "列号（从 1 起）"),
        ("message", "text", "问题说明"),
        ("article", "text", "依据的文件和条款"),
        ("hint", "text", "处理办法"),
        ("waived", "bool", "是否被有效豁免覆盖（check 不报告被豁免的问题，快照里列出并标明）"),
    ),
    "deadlines": _cols(
        ("project_path", "text", "项目文件夹（projects.path）"),
        ("project_id", "text", "项目编号（projects.id）"),
        ("rule", "text", "报告这个期限的规则编号"),
        ("what", "text", "应办事项"),
        ("term", "text", "期限的写法，如“20个工作日内”"),
        ("bound", "text", "by：截止日（含当天）；from：最早日期（含当天）"),
        ("due", "date", "到期日（有延期时为延期后的日期）"),
        ("status", "text", "due 待办、overdue 已逾期、done 已完成"),
        ("done", "date", "完成日期（已完成时）"),
        ("on_time", "bool", "已完成时是否按期完成"),
        ("overdue_days", "int", "已逾期的日历天数（未逾期为 0）"),
        ("days_left", "int", "距到期日的日历天数（已完成时为空，逾期为负数）"),
        ("estimated_calendar", "bool", "到期日或剩余工作日是否依赖估算的年度日历（国务院尚未公布放假安排的年份）"),
        ("event", "text", "起算事件"),
        ("event_date", "date", "起算日期"),
        ("article", "text", "依据的文件和条款"),
        ("subject", "text", "同一规则有多项时是哪一项（如合同编号），否则为空"),
        ("file", "text", "起算事件所在文件"),
        ("line", "int", "起算事件所在行"),
    ),
    "advances": _cols(
        ("project_path", "text", "项目文件夹（projects.path）"),
        ("project_id", "text", "项目编号（projects.id）"),
        ("seq", "int", "在该项目轨迹中的序号（从 1 起，按提交先后）"),
        ("date", "text", "提交时间（ISO 8601，带提交人的时区）"),
        ("author", "text", "提交人"),
        ("email", "text", "提交人邮箱"),
        ("kind", "text", "advance 推进；created 项目加入仓库；manual 手工修改阶段；malformed 尾注不完整"),
        ("from_stage", "text", "原阶段"),
        ("to_stage", "text", "新阶段"),
        ("outcome", "text", "推进时的检查结论：pass 或 fail（非推进提交为空）"),
        ("pack_version", "text", "推进时的规则包及版本，如“bj 1.0”"),
        ("tag", "text", "该提交上的批复基线标签"),
        ("commit", "text", "提交号"),
    ),
}


class Snapshot(NamedTuple):
    tables: dict[str, list[tuple[Any, ...]]]  # table -> rows, values in TABLES' column order

    def records(self, table: str) -> list[dict[str, Any]]:
        names = [c.name for c in TABLES[table]]
        return [dict(zip(names, row)) for row in self.tables[table]]


# ---- collecting ------------------------------------------------------------------------------------------------------

def collect(outcomes: list[Any], folders: list[Path], today: _dt.date) -> Snapshot:
    """The tables of these analysed projects (`outcomes[i]` is the analysis of `folders[i]`)."""
    from govproj import __version__

    trails = _git_facts(outcomes, folders)
    projects, findings, deadlines, advances = [], [], [], []
    for outcome, folder in zip(outcomes, folders):
        r = outcome.result
        git = trails.get(str(folder), {})
        projects.append(_project_row(outcome, git))
        for waived, items in ((False, r.diagnostics), (True, r.waived_diagnostics)):
            for d in items:
                findings.append((r.project, r.project_id, d.code, d.rule, d.severity, d.file, d.line, d.column,
                                 d.message, d.citation, d.hint, waived))
        for d in outcome.deadlines if not r.error else ():
            overdue = -d.days_left if d.status == "overdue" and d.days_left is not None else 0
            deadlines.append((r.project, r.project_id, d.code, d.what, d.term, d.bound, d.due, d.status, d.done_on,
                              d.on_time, max(0, overdue), d.days_left, bool(d.estimated), d.event, d.event_date,
                              d.article, d.subject, d.file, d.line))
        for seq, e in enumerate(git.get("entries", ()), 1):
            advances.append((r.project, r.project_id, seq, e["date"], e["author"], e["email"], e["kind"], e["from"],
                             e["to"], e["outcome"], e["pack"], e["tag"], e["commit"]))
    # projects come in the batch's natural order (p1, p2, p10); the other tables are sorted within each project
    order = {o.result.project: i for i, o in enumerate(outcomes)}
    findings.sort(key=lambda f: (order[f[0]], f[5], f[6], f[7], f[2], f[8], f[11]))
    deadlines.sort(key=lambda d: (order[d[0]], d[6], d[2], d[3], d[16], d[13]))
    advances.sort(key=lambda a: (order[a[0]], a[2]))
    meta = [(SCHEMA_VERSION, __version__, today, len(projects))]
    return Snapshot({"meta": meta, "projects": projects, "findings": findings, "deadlines": deadlines,
                     "advances": advances})


def _project_row(outcome: Any, git: dict[str, Any]) -> tuple[Any, ...]:
    from govproj.commands.status import stage_name
    from govproj.packs import PACK_NAMES

    r = outcome.result
    f = outcome.facts
    pack = _pack_facts(r.jurisdiction) if r.jurisdiction else {}
    last = git.get("last")
    total, unit = f.get("budget_total"), f.get("budget_unit")
    return (r.project, r.project_id, outcome.name or None, f.get("unit") or None, r.jurisdiction or None,
            PACK_NAMES.get(r.jurisdiction) if r.jurisdiction else None, f.get("kind") or None, r.stage or None,
            (stage_name(r.jurisdiction, r.stage) or None) if r.jurisdiction and r.stage else None,
            total, unit, _in_wan(total, unit), git.get("tag"),
            last["date"] if last else None, last["to"] if last else None, last["commit"] if last else None,
            r.jurisdiction or None, pack.get("name"), pack.get("version"), pack.get("hash"), git.get("head"),
            r.count("error"), r.count("warning"), r.count("info"), r.waived,
            sum(1 for d in outcome.deadlines if d.status == "overdue") if not r.error else 0,
            r.error, outcome.deadline_error)


def _in_wan(total: str | None, unit: str | None) -> str | None:
    if total is None:
        return None
    from decimal import Decimal

    from govproj.core.fields import format_money

    value = Decimal(total)
    return format_money(value / Decimal(10000) if unit == "元" else value)


_PACKS: dict[str, dict[str, str]] = {}


def _pack_facts(pack_id: str) -> dict[str, str]:
    """Name, version and a sha256 over the pack's files and the rule modules every pack shares."""
    if pack_id not in _PACKS:
        from govproj.packs import get_pack

        pack = get_pack(pack_id)
        here = Path(__file__).resolve().parent.parent / "packs"
        files = sorted(p for p in here.glob("*.py")) + sorted(
            p for p in (here / pack_id).rglob("*") if p.is_file() and "__pycache__" not in p.parts
            and p.suffix not in (".pyc", ".pyo"))
        digest = hashlib.sha256()
        for path in files:
            digest.update(path.relative_to(here).as_posix().encode("utf-8") + b"\0")
            digest.update(path.read_bytes() + b"\0")
        _PACKS[pack_id] = {"name": f"{pack.name} {pack.doc}", "version": pack.version, "hash": digest.hexdigest()}
    return _PACKS[pack_id]


def _git_facts(outcomes: list[Any], folders: list[Path]) -> dict[str, dict[str, Any]]:
    """folder -> {head, tag, last, entries} from the git trail: one history walk per repository for its projects.

    Projects outside a git work tree, and projects that could not be loaded, get nothing."""
    from govproj.core.places import repository_root

    groups: dict[Path, list[tuple[Any, Path]]] = {}
    memo: dict[Path, Path | None] = {}
    for outcome, folder in zip(outcomes, folders):
        parent = folder.resolve()
        if parent not in memo:
            memo[parent] = repository_root(parent)
        if memo[parent] is not None:
            groups.setdefault(memo[parent], []).append((outcome, folder))
    if not groups:
        return {}
    from govproj.commands.log import entries
    from govproj.edges import ledger
    from govproj.packs import get_pack

    out: dict[str, dict[str, Any]] = {}
    for root, members in sorted(groups.items()):
        found = ledger.find_repo(root)
        if found is None:
            continue
        repo = found[0]
        head = ledger.head(repo)
        top = ledger.root_of(repo).resolve()
        loaded = [(o, f) for o, f in members if not o.result.error]
        keys = [(o.result.project_id, _rel(f, top)) for o, f in loaded]
        steps = ledger.histories(repo, keys, stages=False) if head else {}
        # the stage of each working copy's project.yaml is the analysis' (its cache key holds the file's bytes): the
        # commit that has the same text needs no second parse, which is most of the trail's cost for a large folder
        seen: dict[str | None, str | None] = {}
        for outcome, folder in loaded:
            r = outcome.result
            try:  # only a stage the pack knows: a value the typed reading dropped is left to stage_of to read raw
                if r.stage not in {s.id for s in get_pack(r.jurisdiction).stages}:
                    continue
                text = (folder / "project.yaml").read_bytes().decode("utf-8", "replace")  # as ledger decodes blobs
            except Exception:
                continue
            seen[text] = r.stage
        ledger.fill_stages([s for trail in steps.values() for s in trail], seen)
        tags = ledger.baseline_tags_of(repo, {k[0] for k in keys}) if head else {}
        for outcome, folder in members:
            out[str(folder)] = {"head": head}
        for (outcome, folder), key in zip(loaded, keys):
            project_tags = tags.get(key[0], [])
            try:
                pack = get_pack(outcome.result.jurisdiction)
            except Exception:  # an unknown pack is the project's load error, reported in the row
                pack = None
            trail = entries(pack, steps.get(key, []), {t.commit: t.name for t in project_tags})
            advances = [e for e in trail if e["kind"] == "advance"]
            out[str(folder)].update(tag=project_tags[-1].name if project_tags else None,
                                    last=advances[-1] if advances else None, entries=trail)
    return out


def _rel(folder: Path, top: Path) -> str:
    rel = folder.resolve().relative_to(top).as_posix()
    return "" if rel == "." else rel
