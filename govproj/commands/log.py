"""`govproj log`: a project's audit trail from git — when, who, from → to, commit, checks, evidence, baseline tags."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import typer

from govproj.commands import options as opt
from govproj.commands.options import command

HELP = "查看审计轨迹"
DESCRIPTION = ("从 git 历史列出项目的每一次阶段变化：时间、提交人、从哪个阶段到哪个阶段、结果、提交号、规则包版本、\n"
               "当时的检查结果、证据文件及其 sha256、基线标签和签名状态。不是由 govproj advance 做出的阶段变化\n"
               "（手工修改）也列出并标明。要核验轨迹是否完好，用 `govproj verify`。\n\n"
               "退出码：0 列出成功；2 用法错误，或有项目的文件无法读取（其他项目照常列出，无法读取的在最后说明）。")
EPILOG = """示例：
  govproj log projects/hotline
  govproj log projects/hotline --format json > trail.json
  govproj log projects/                       # 下面每个项目的轨迹
"""


app = opt.app()


@command(app, "log", help=DESCRIPTION, epilog=EPILOG)
def main(
    path: str = opt.path("项目文件夹或包含项目的文件夹（默认当前文件夹）", "路径"),
    format: str = opt.fmt("text", "text", "json", help="输出格式（json 为稳定的机器格式）"),
) -> int:
    return run(SimpleNamespace(path=path, format=format))


def trail_records(folder: Path) -> dict[str, Any]:
    """The audit trail of one project as plain data (the json format of `govproj log`)."""
    return trails([folder])[0]


def trails(folders: list[Path], errors: list[str] | None = None) -> list[dict[str, Any]]:
    """The audit trails of many projects, in order: one history walk per repository for all of its projects.

    With `errors`, a project that cannot be read is named there (its message) and the others go on."""
    from govproj.edges import ledger
    from govproj.core.project import load_project
    from govproj.errors import GovprojError

    loaded = []
    groups: dict[str, tuple[Any, list[tuple[str, str]]]] = {}
    for folder in folders:
        try:
            project = load_project(folder)
        except GovprojError as exc:
            if errors is None:
                raise
            errors.append(exc.render())
            continue
        repo, rel = ledger.open_repo(folder)
        group = groups.setdefault(str(ledger.root_of(repo).resolve()), (repo, []))
        group[1].append((project.id, rel))
        loaded.append((project, group[0], rel))
    steps_of = {root: ledger.histories(repo, keys, signatures=True) for root, (repo, keys) in groups.items()}
    records = []
    for project, repo, rel in loaded:
        steps = steps_of[str(ledger.root_of(repo).resolve())][(project.id, rel)]
        records.append(_record(project, steps, {t.commit: t.name for t in ledger.baseline_tags(repo, project.id)}))
    return records


def trail_at(repo: Any, rel: str, rev: str) -> dict[str, Any] | None:
    """The audit trail of the project in folder `rel` as it stands at commit `rev` (the json record of `govproj log`,
    its path the folder in the repository): what `archive` puts in the package and `archive --verify` recomputes.
    None when the project is not there at `rev`."""
    from govproj.edges import ledger

    project = ledger.load_at(repo, rev, rel)
    if project is None:
        return None
    steps = ledger.history(repo, rel, project.id, rev=rev, signatures=True)
    tags = {t.commit: t.name for t in ledger.baseline_tags(repo, project.id, merged=rev)}
    return {**_record(project, steps, tags), "path": rel or "."}


def _record(project: Any, steps: list[Any], tags: dict[str, str]) -> dict[str, Any]:
    from govproj.core.lifecycle import stage_name

    pack = project.pack
    return {"project": project.id, "name": project.name, "path": project.display, "jurisdiction": pack.id,
            "stage": project.recorded_stage, "stage_name": stage_name(pack, project.recorded_stage),
            "entries": entries(pack, steps, tags)}


def entries(pack: Any, steps: list[Any], tags: dict[str, str]) -> list[dict[str, Any]]:
    """The stage changes among a project's history steps, as plain data (`log --format json`, `export`'s advances).

    `pack` names the stages (None: no names); `tags` maps a commit to the baseline tag on it."""
    from govproj.core.lifecycle import stage_name

    def name(stage: str | None) -> str | None:
        return stage_name(pack, stage) if stage and pack is not None else None

    out = []
    for step in steps:
        if not (step.is_advance or step.changes_stage or step.before is None and step.after):
            continue
        trail = step.trail
        source = trail.source if trail else step.before
        target = trail.target if trail else step.after
        out.append({
            "commit": step.commit.sha,
            "date": step.commit.date,
            "author": step.commit.author,
            "email": step.commit.email,
            "kind": "advance" if trail else ("malformed" if step.problems else
                                             ("created" if step.before is None else "manual")),
            "from": source,
            "to": target,
            "from_name": name(source),
            "to_name": name(target),
            "outcome": trail.outcome if trail else None,
            "label": trail.label if trail else "",
            "pack": f"{trail.pack} {trail.pack_version}" if trail else None,
            "tool": trail.tool if trail else None,
            "today": trail.today.isoformat() if trail else None,
            "check": trail.counts if trail else None,
            "evidence": [{"path": p, "sha256": h} for p, h in trail.evidence] if trail else [],
            "tag": tags.get(step.commit.sha),
            "signature": step.commit.signature or "N",
            "subject": step.commit.subject,
            "problems": step.problems,
        })
    return out


SIGNATURES = {"G": "签名有效", "U": "签名有效（密钥信任未知）", "X": "签名已过期", "Y": "签名密钥已过期", "R": "签名密钥已吊销",
              "E": "有签名（无法核验：缺少公钥或 allowedSigners）", "B": "签名无效！", "N": ""}
KINDS = {"created": "项目加入仓库", "manual": "手工修改阶段（不是 govproj advance 做出的，见 govproj verify）",
         "malformed": "推进提交的尾注不完整（见 govproj verify）"}


def _title(record: dict[str, Any]) -> str:
    return f"{record['path']}  {record['project']}（{record['name'] or '未填写项目名称'}）· 当前阶段：{record['stage_name']}"


def write_text(record: dict[str, Any], out) -> None:
    out.write(_title(record) + "\n")
    entries = record["entries"]
    if not entries:
        out.write("  （没有阶段变化记录：项目还没有提交到 git）\n\n")
        return
    for e in entries:
        out.write(f"  {e['date'][:16].replace('T', ' ')}  {e['author']} <{e['email']}>  提交 {e['commit'][:7]}\n")
        if e["kind"] == "created":
            out.write(f"    {KINDS['created']}，阶段 {e['to_name']}\n")
            continue
        if e["kind"] != "advance":
            out.write(f"    {e['from_name']} → {e['to_name']}  ⚠ {KINDS[e['kind']]}\n")
            continue
        result = "通过" if e["outcome"] == "pass" else "未通过"
        label = f"，{e['label']}" if e["label"] else ""
        out.write(f"    {e['from_name']} → {e['to_name']}  {result}{label}\n")
        c = e["check"]
        out.write(f"    规则包 {e['pack']}，检查（{e['today']}）：错误 {c['errors']}，警告 {c['warnings']}，"
                  f"提示 {c['infos']}，已豁免 {c['waived']}\n")
        if e["tag"]:
            out.write(f"    批复基线标签：{e['tag']}\n")
        sig = SIGNATURES.get(e["signature"], e["signature"])
        if sig:
            out.write(f"    {sig}\n")
        for item in e["evidence"]:
            out.write(f"    证据 {item['path']}  sha256:{item['sha256'][:16]}…\n")
    out.write("\n")


def write_markdown(record: dict[str, Any], out) -> None:
    """The trail as a document to file and read (Markdown): one numbered entry a stage change, every fact in full
    (the commit id, the evidence hashes), for the archive (`govproj archive`)."""
    entries = record["entries"]
    advances = sum(e["kind"] == "advance" for e in entries)
    out.write(f"# 审计轨迹：{record['name'] or '未填写项目名称'}（{record['project']}）\n\n")
    from govproj.packs import PACK_NAMES

    jurisdiction = f"{PACK_NAMES.get(record['jurisdiction'], '')}（{record['jurisdiction']}）"
    out.write(f"- 项目文件夹：{record['path']}\n- 辖区：{jurisdiction}\n- 当前阶段：{record['stage_name']}\n")
    out.write(f"- 记录：{len(entries)} 条阶段变化，其中 {advances} 次由 govproj advance 推进并检查门槛条件\n\n")
    out.write("每一条来自 git 历史中的一个提交；推进提交的尾注（Govproj-*）记录了当时的检查结果和证据文件的 SHA-256。"
              "用 `govproj verify` 可以回放核验。\n")
    if not entries:
        out.write("\n（没有阶段变化记录：项目还没有提交到 git）\n")
    for number, e in enumerate(entries, 1):
        when = e["date"][:19].replace("T", " ")
        out.write(f"\n## {number}. {when}  ")
        if e["kind"] == "created":
            out.write(f"{KINDS['created']}：{e['to_name']}\n\n")
        else:
            out.write(f"{e['from_name']} → {e['to_name']}\n\n")
        out.write(f"- 时间：{e['date']}\n- 提交人：{e['author']} <{e['email']}>\n- 提交：{e['commit']}\n")
        out.write(f"- 提交说明：{e['subject']}\n")
        if e["kind"] in ("manual", "malformed"):
            out.write(f"- ⚠ {KINDS[e['kind']]}\n")
            for problem in e["problems"]:
                out.write(f"  - {problem}\n")
        if e["kind"] != "advance":
            continue
        result = "通过" if e["outcome"] == "pass" else "未通过"
        out.write(f"- 结果：{result}" + (f"（{e['label']}）" if e["label"] else "") + "\n")
        c = e["check"]
        out.write(f"- 门槛检查：按 {e['today']} 检查，错误 {c['errors']}，警告 {c['warnings']}，提示 {c['infos']}，"
                  f"已豁免 {c['waived']}；规则包 {e['pack']}；工具 {e['tool']}\n")
        if e["tag"]:
            out.write(f"- 批复基线标签：{e['tag']}\n")
        sig = SIGNATURES.get(e["signature"], e["signature"])
        if sig:
            out.write(f"- 签名：{sig}\n")
        if e["evidence"]:
            out.write("- 证据文件：\n")
            for item in e["evidence"]:
                out.write(f"  - {item['path']}  sha256:{item['sha256']}\n")
        else:
            out.write("- 证据文件：无\n")


def projects_under(path: str) -> list[Path]:
    """The project folders at or below `path` (for `log` and `verify`), or a usage error when there are none."""
    from govproj.errors import UsageError
    from govproj.core.project import find_projects

    folders = find_projects([Path(path)])
    if not folders:
        raise UsageError("在给出的路径下没有找到项目（含 project.yaml 的文件夹）")
    return folders


def write_json(projects: list[Any]) -> None:
    json.dump({"version": 1, "projects": projects}, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def run(args: SimpleNamespace) -> int:
    errors: list[str] = []
    records = trails(projects_under(args.path), errors)
    if args.format == "json":
        write_json(records)
    else:
        from govproj.edges.term import rich_enabled

        write = write_rich if rich_enabled(sys.stdout) else write_text
        for record in records:
            write(record, sys.stdout)
    for error in errors:  # one unreadable project does not hide the others' trails
        sys.stderr.write(error + "\n")
    return 2 if errors else 0


def write_rich(record: dict[str, Any], out) -> None:
    """On a terminal: the trail as a table, one row a commit; breaks of the rules in yellow."""
    from govproj.edges import term

    title = _title(record)
    if not record["entries"]:
        term.console(out).print(term.text(title, "bold"))
        out.write("  （没有阶段变化记录：项目还没有提交到 git）\n\n")
        return
    rows, styles = [], []
    for e in record["entries"]:
        when = e["date"][:16].replace("T", " ")
        who = f"{e['author']} <{e['email']}>"
        if e["kind"] == "created":
            rows.append((when, who, f"{KINDS['created']}：{e['to_name']}", "", e["commit"][:7], ""))
            styles.append("dim")
            continue
        if e["kind"] != "advance":
            rows.append((when, who, f"{e['from_name']} → {e['to_name']}", f"⚠ {KINDS[e['kind']]}", e["commit"][:7], ""))
            styles.append("yellow")
            continue
        c = e["check"]
        result = ("通过" if e["outcome"] == "pass" else "未通过") + (f"，{e['label']}" if e["label"] else "")
        notes = [f"检查（{e['today']}）错误 {c['errors']}，警告 {c['warnings']}，已豁免 {c['waived']}",
                 f"证据 {len(e['evidence'])} 个"]
        if e["tag"]:
            notes.append(f"基线标签 {e['tag']}")
        sig = SIGNATURES.get(e["signature"], e["signature"])
        if sig:
            notes.append(sig)
        rows.append((when, who, f"{e['from_name']} → {e['to_name']}", result, e["commit"][:7], "；".join(notes)))
        styles.append("")
    term.table(out, ("时间", "提交人", "阶段", "结果", "提交", "记录"), rows, title=title, row_styles=styles)
    out.write("\n")
