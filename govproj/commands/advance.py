"""`govproj advance`: check the gates of the next stage, set it in project.yaml and commit the step to git."""
from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace
from typing import List, Optional

import typer

from govproj.commands import options as opt
from govproj.commands.options import command

HELP = "推进阶段"
DESCRIPTION = ("检查离开当前阶段、进入下一阶段的全部门槛条件（即 `govproj check --stage 下一阶段` 的错误）。\n"
               "有错误时拒绝推进，列出阻碍的问题，什么也不改；没有错误时把 project.yaml 的 stage 改为新阶段\n"
               "（保留注释和排版），只提交这一处修改，提交说明带机器可读的尾注（项目、从哪到哪、规则包和版本、检查结果、\n"
               "每个证据文件的 sha256）；进入确定批复基线的阶段时打基线标签 govproj/<项目编号>/baseline-<序号>。\n\n"
               "以下情况拒绝推进（退出码 2），工作区和暂存区保持原样：不在 git 仓库中；项目文件夹有未提交的修改；\n"
               "正在合并或变基；HEAD 处于分离状态；git 提交失败（如钩子拒绝）。\n\n"
               "退出码：0 已推进（或 --dry-run 可以推进）；1 门槛条件不满足；2 用法错误或拒绝推进。")
EPILOG = """示例：
  govproj advance projects/hotline                         # 推进到下一阶段
  govproj advance projects/hotline --dry-run               # 只看能否推进、会写什么提交说明
  govproj advance projects/gis --outcome fail              # 前置评审未通过，退回修改后重新申报
  govproj advance projects/gis --to acceptance --outcome fail   # 验收未通过，整改后重新验收
  govproj advance projects/hotline --evidence projects/hotline/evidence/立项批复.pdf --sign
"""


app = opt.app()


@command(app, "advance", help=DESCRIPTION, epilog=EPILOG)
def main(
    path: str = opt.path(),
    target: Optional[str] = typer.Option(None, "--to", metavar="阶段", help="目标阶段（编号或中文名）；省略时为下一阶段"),
    outcome: str = typer.Option("pass", "--outcome", click_type=opt.choice("pass", "fail"),
                                help="本阶段的结果：pass 通过（默认），fail 未通过（按办法退回整改）"),
    evidence: Optional[List[str]] = typer.Option(None, "--evidence", metavar="文件",
                                                 help="本步骤的证据文件（须在项目文件夹内且已提交），其 sha256 记入提交尾注；可写多次"),
    dry_run: bool = typer.Option(False, "--dry-run", help="只检查并显示将要做的事，不修改任何文件"),
    sign: bool = typer.Option(False, "--sign", help="用 git 配置的密钥签名提交和标签（git commit -S / git tag -s）"),
    today: Optional[str] = opt.today("与 --dry-run 一起用：预览这一天（YYYY-MM-DD）能否推进；真正的推进总是按当天（北京时间）判断并记入尾注"),
) -> int:
    return run(SimpleNamespace(path=path, target=target, outcome=outcome, evidence=evidence or [], dry_run=dry_run,
                               sign=sign, today=today))


def run(args: SimpleNamespace) -> int:
    from govproj.edges import ledger
    from govproj.errors import UsageError
    from govproj.core.project import is_project

    folder = Path(args.path)
    if not is_project(folder):
        raise UsageError(f"{folder} 不是项目文件夹（没有 project.yaml）", hint="advance 一次推进一个项目：给出项目文件夹的路径")
    repo, rel = ledger.open_repo(folder)
    if args.dry_run:  # reads only: no lock, a preview never waits for or blocks a real run
        return _advance(args, folder, repo, rel)
    with ledger.advance_lock(repo):  # read, judge and commit under the lock: a concurrent run cannot interleave
        return _advance(args, folder, repo, rel)


def _advance(args: SimpleNamespace, folder: Path, repo, rel: str) -> int:
    import datetime as _dt

    from govproj import __version__
    from govproj.edges import ledger
    from govproj.core import lifecycle
    from govproj.commands.check import parse_today
    from govproj.core.engine import load_repo_config
    from govproj.errors import UsageError
    from govproj.core.project import load_project

    project = load_project(folder)
    pack = project.pack
    source = project.recorded_stage
    if source is None:
        raise UsageError("project.yaml 没有写当前阶段（stage）", file=f"{project.display}/project.yaml",
                         hint=f"写 stage: {pack.stages[0].id}（{pack.stages[0].name}）")
    target = pack.resolve_stage(args.target) if args.target else None
    move = lifecycle.plan(pack, project.kind, source, target, args.outcome)
    branch_ref = ledger.branch(repo)
    if ledger.head(repo) is None:
        raise UsageError("仓库还没有任何提交", hint="先提交项目文件：git add <项目文件夹> && git commit")
    dirty = ledger.uncommitted(repo, rel)
    listing = "\n".join(f"  {line}" for line in dirty[:20]) + ("\n  …" if len(dirty) > 20 else "")
    if dirty and not args.dry_run:
        raise UsageError(f"项目文件夹有未提交的修改，推进会把它们混进（或漏出）审计轨迹：\n{listing}",
                         hint="先用 git add / git commit 提交这些修改（或撤销它们），再推进；推进提交只记录阶段的变化")
    moment, day = ledger.commit_moment(repo)
    asked = parse_today(args.today)
    if asked and asked != day and not args.dry_run:
        raise UsageError(f"推进按它实际发生的日期判断：今天是 {day.isoformat()}（北京时间），不能按 --today {asked.isoformat()} 推进",
                         hint="--today 只能与 --dry-run 一起用，预览某一天能否推进；倒签或预签的推进会被 govproj verify 发现")
    today = asked or day
    config = load_repo_config(folder)
    baseline: list = []  # looked up once, and only if a change-control rule asks for it

    def baseline_loader():
        if not baseline:
            from govproj.edges.batch import baseline as baseline_of

            baseline.append(baseline_of(project))  # a baseline not at hand (shallow clone) blocks: GP051
        return baseline[0]

    latest = ledger.latest_advance(repo, project.id)  # back from HEAD to the last step: not the whole history
    previous = latest[0] if latest else None
    gate = lifecycle.gates(folder, move, today=today, repo_config=config, baseline_loader=baseline_loader,
                           since=latest[1].today if latest else None)
    out = sys.stdout
    out.write(f"{project.display}：{lifecycle.describe(pack, move)}\n")
    if not gate.open:
        _refuse(gate, out)
        return 2 if gate.load_error else 1
    evidence = ledger.evidence_files(project, [Path(p) for p in args.evidence])
    loose = ledger.untracked(repo, rel, [name for name, _ in evidence])
    names = "、".join(f"{project.display}/{name}" for name in loose)
    if loose and not args.dry_run:
        raise UsageError(f"证据文件 {names} 没有提交到 git（被 .gitignore 忽略或从未 git add）：它的哈希会记入尾注，"
                         "文件本身却不在提交里，日后无法核对",
                         hint="用 git add -f <文件> && git commit 提交证据（或改正 .gitignore），再推进")
    tag = ledger.next_tag_name(repo, project.id) if pack.stage(move.target).baseline and move.outcome == "pass" else None
    target_result = gate.target
    trail = ledger.Trail(project.id, rel, move.source, move.target, move.outcome, pack.id, pack.version,
                         f"govproj {__version__}", today,
                         {"errors": target_result.count("error"), "warnings": target_result.count("warning"),
                          "infos": target_result.count("info"), "waived": target_result.waived},
                         previous, tuple(evidence), tag, move.label if move.loop else "", pack.rules_hash)
    message = commit_message(project, move, trail)
    old_text = ledger.read_exact(folder / "project.yaml")
    new_text = ledger.replace_stage(old_text, move.target) if move.target != source else old_text
    if args.dry_run:
        out.write("门槛条件全部满足，可以推进（--dry-run：没有修改任何文件）。将写入的提交说明：\n\n")
        out.write("".join(f"    {line}\n" if line else "\n" for line in message.splitlines()))
        if tag:
            out.write(f"\n将打基线标签：{tag}\n")
        if dirty:
            out.write(f"\n注意：项目文件夹有未提交的修改，真正推进前须先提交或撤销它们（推进要求干净的工作区）：\n{listing}\n")
        if loose:
            out.write(f"\n注意：证据文件 {names} 没有提交到 git，真正推进会拒绝：先 git add（被忽略的用 git add -f）并提交\n")
        return 0
    written = ledger.commit_step(repo, rel, old_text=old_text, new_text=new_text, message=message, sign=args.sign,
                                 tag=tag, tag_message=tag_message(project, move, trail), branch_ref=branch_ref,
                                 date=moment)
    out.write(f"已推进并提交 {written.sha[:7]}：{message.splitlines()[0]}\n")
    out.write(f"检查：错误 0，警告 {trail.counts['warnings']}，提示 {trail.counts['infos']}；证据文件 {len(evidence)} 个已记录哈希\n")
    if written.tag:
        out.write(f"已打基线标签 {written.tag}（批复基线：此后预算和建设内容的变化按变更程序管理，见 `govproj diff`）\n")
    if written.interrupted:
        import signal

        sys.stderr.write(f"推进期间收到 {'、'.join(written.interrupted)}：为保证推进完整（要么全做、要么不做），"
                         "信号在提交和打标签完成后才处理；这一步已经完整记录\n")
        return 128 + int(getattr(signal, written.interrupted[0]))
    return 0


def _refuse(gate, out) -> None:
    from govproj.core.rules import SEVERITY_ZH

    if gate.load_error:
        out.write(f"无法读取项目：{gate.load_error}\n")
        return
    out.write(f"不能推进：有 {len(gate.blocking)} 个错误阻碍这一步（没有修改任何文件）：\n")
    for d in gate.blocking:
        out.write(f"  {d.file}:{d.line}:{d.column}  {SEVERITY_ZH[d.severity]}  {d.code}  {d.message}\n")
        out.write(f"      处理办法：{d.hint}\n      依据：{d.citation}\n")
    out.write(f"改正后用 `govproj check {gate.target.project} --stage {gate.move.target}` 复查，再推进。\n")


def commit_message(project, move, trail) -> str:
    """Subject, a short Chinese body, then the trailers (the machine-readable part that `verify` reads)."""
    from govproj.core import lifecycle
    from govproj.edges.ledger import format_trailers

    pack = project.pack
    verb = "推进阶段" if move.outcome == "pass" and not move.loop else (move.label or "退回整改")
    subject = (f"{verb}：{project.id} {pack.stage(move.source).name} → {pack.stage(move.target).name}")
    c = trail.counts
    body = [f"项目：{project.name or project.id}",
            f"辖区：{pack.name} {pack.doc}",
            f"步骤：{lifecycle.describe(pack, move)}" + (f"，依据{move.article}" if move.article and move.loop else ""),
            f"检查：错误 {c['errors']}，警告 {c['warnings']}，提示 {c['infos']}，已豁免 {c['waived']}"
            f"（按“{pack.stage(move.target).name}”阶段检查，{trail.today.isoformat()}）"]
    if trail.baseline:
        body.append(f"批复基线：{trail.baseline}")
    return f"{subject}\n\n" + "\n".join(body) + "\n\n" + format_trailers(trail) + "\n"


def tag_message(project, move, trail) -> str:
    pack = project.pack
    return (f"批复基线：{project.id} 进入{pack.stage(move.target).name}（{move.target}）\n\n"
            f"项目：{project.name or project.id}\n\n"
            f"Govproj-Project: {project.id}\nGovproj-Path: {trail.path or '.'}\nGovproj-To: {move.target}\n")
