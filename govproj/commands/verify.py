"""`govproj verify`: replay a project's git history and report every break in its audit trail."""
from __future__ import annotations

import datetime as _dt
import os
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import typer

from govproj.commands import options as opt
from govproj.commands.options import command

HELP = "核验审计轨迹"
DESCRIPTION = ("回放项目的 git 历史，逐条核验审计轨迹：\n"
               "  1. 每一次阶段变化都是 govproj advance 做出的提交，尾注（Govproj-*）完整、与实际变化一致，且只改了阶段；\n"
               "  2. 没有跳过阶段，每一步都是辖区办法允许的（含整改、延期等循环）；\n"
               "  3. 门槛条件在当时成立：取出当时的文件，按记录的日期用现行规则重新检查；\n"
               "  4. 每个证据文件的 sha256 与记录一致（没有被替换或删除）；\n"
               "  5. 推进提交首尾相接（Govproj-Previous），基线标签仍指向当前历史中的推进提交（历史没有被改写）；\n"
               "  6. 批复基线确定的预算和建设内容，此后只随变更记录而变化。\n"
               "每个问题都给出提交号。浅克隆（shallow clone）无法核验时明确说明。\n\n"
               "退出码：0 轨迹完好；1 发现问题；2 无法核验（不在 git 仓库、浅克隆、没有提交）。")
EPILOG = """示例：
  govproj verify projects/hotline
  govproj verify projects/                   # 下面的每个项目
  govproj verify . --format json
CI 中核验需要完整历史：actions/checkout 设置 fetch-depth: 0
"""


app = opt.app()


@command(app, "verify", help=DESCRIPTION, epilog=EPILOG)
def main(
    path: str = opt.path("项目文件夹或包含项目的文件夹（默认当前文件夹）", "路径"),
    format: str = opt.fmt("text", "text", "json"),
) -> int:
    return run(SimpleNamespace(path=path, format=format))


@dataclass
class Break:
    commit: str | None
    message: str
    hint: str = ""
    date: str = ""
    author: str = ""


@dataclass
class Report:
    project: str
    project_id: str
    breaks: list[Break] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    advances: int = 0
    tags: int = 0
    evidence: int = 0
    unverifiable: str | None = None
    rule_sets: list[str] = field(default_factory=list)  # the earlier rule-set hashes the trail names, in order

    def add(self, commit: Any, message: str, hint: str = "") -> None:
        if commit is None or isinstance(commit, str):
            self.breaks.append(Break(commit, message, hint))
        else:
            self.breaks.append(Break(commit.sha, message, hint, commit.date, commit.author))


@dataclass
class Job:
    """One project's replay, prepared from the repository's single history walk (plain data: it goes to a worker)."""

    folder: Path
    root: str
    rel: str
    steps: list[Any]
    tags: list[Any]
    reachable: dict[str, Any]  # commit → the baseline tag on it, for tags reachable from HEAD
    baselines: dict[str, Any]  # advance commit → the latest baseline tag at or before it, or None


def verify_project(folder: Path) -> Report:
    """Verify one project (see `verify_folders`)."""
    return verify_folders([folder])[0]


def verify_folders(folders: list[Path], *, jobs: int = 0) -> list[Report]:
    """Verify every project: one history walk per repository for all of its projects, then each project's replay
    (its checks at every advance) in a process pool when there are several."""
    from govproj.edges import batch, ledger
    from govproj.core.project import load_project
    from govproj.errors import GovprojError

    reports: list[Report | None] = [None] * len(folders)
    groups: dict[str, tuple[Any, list[tuple[int, Path, Any, str]]]] = {}
    for index, folder in enumerate(folders):
        try:
            project = load_project(folder)
        except GovprojError as exc:  # one unreadable project: named, the others verified
            from govproj.core.places import display_path

            reports[index] = Report(display_path(folder), folder.name,
                                    unverifiable="项目文件无法读取：" + exc.render().removeprefix("错误："))
            continue
        repo, rel = ledger.open_repo(folder)
        key = str(ledger.root_of(repo).resolve())
        groups.setdefault(key, (repo, []))[1].append((index, folder, project, rel))
    todo: list[tuple[int, Job]] = []
    for root, (repo, members) in groups.items():
        for index, item in _prepare(repo, root, members):
            if isinstance(item, Report):
                reports[index] = item
            else:
                todo.append((index, item))
        repo.close()  # its persistent cat-file processes must not be shared with forked workers
    workers = batch.worker_count(jobs, len(todo), minimum=PARALLEL_MIN, per_worker=1)
    try:
        for (index, _), report in zip(todo, batch.map_jobs(replay, [job for _, job in todo], workers, label="核验")):
            reports[index] = report
    finally:
        for key in [k for k in _REPOS if k[0] == os.getpid()]:  # replays that ran here: end their git processes
            _REPOS.pop(key).close()
    return [r for r in reports if r is not None]


PARALLEL_MIN = 3  # projects: a replay costs ~0.1-0.2 s a project, far more than forking a worker


def _prepare(repo: Any, root: str, members: list[tuple[int, Path, Any, str]]) -> list[tuple[int, "Report | Job"]]:
    """The walk and the per-project facts every replay needs: steps, tags, which baseline each advance had."""
    from govproj.edges import ledger

    out: list[tuple[int, Report | Job]] = []
    if ledger.head(repo) is None:
        for index, _, project, _ in members:
            report = Report(project.display, project.id)
            report.unverifiable = "仓库还没有任何提交"
            out.append((index, report))
        return out
    walked = ledger.walk(repo)
    steps_of = ledger.histories(repo, [(project.id, rel) for _, _, project, rel in members], walked=walked,
                                stages=False)  # parsing the stages is the workers' part
    boundary = sorted(ledger.shallow_boundary(repo))
    tags_of = ledger.baseline_tags_of(repo, [project.id for _, _, project, _ in members])
    for index, folder, project, rel in members:
        report = Report(project.display, project.id)
        steps = steps_of[(project.id, rel)]
        path = ledger.in_project(rel, "project.yaml")
        if boundary:
            cut = [b for b, text in zip(boundary, ledger.blobs(repo, [f"{b}:{path}" for b in boundary]))
                   if text is not None]
            if cut or (steps and steps[0].before_text is not None):
                report.unverifiable = ("仓库是浅克隆（shallow clone），项目在最早可见的提交之前已经存在，历史不完整，无法核验"
                                       "：先运行 git fetch --unshallow（CI 中 actions/checkout 设置 fetch-depth: 0）")
                out.append((index, report))
                continue
        if not steps:
            report.unverifiable = "项目还没有提交到 git，没有可核验的历史"
            out.append((index, report))
            continue
        tags = tags_of[project.id]
        reachable = {t.commit: t for t in tags if walked.contains(t.commit)}
        baselines = {}
        for step in steps:
            if step.trail is not None:
                baselines[step.commit.sha] = next((t for t in reversed(tags)
                                                   if walked.is_ancestor(t.commit, step.commit.sha)), None)
        out.append((index, Job(folder, root, rel, steps, tags, reachable, baselines)))
    return out


# One git.Repo (one persistent cat-file process) per repository and process: keyed by the process id too, because
# a forked worker inherits the parent's entries, and two processes talking to one cat-file mix up its answers.
_REPOS: dict[tuple[int, str], Any] = {}


def replay(job: Job) -> Report:
    """Replay one project's history: every step against the rules, the tags, the evidence and the baseline."""
    import git

    from govproj.edges import ledger
    from govproj.core.lifecycle import stage_name
    from govproj.core.project import load_project
    from govproj.edges.yamlio import remember_parses

    remember_parses()

    key = (os.getpid(), job.root)
    repo = _REPOS.get(key)
    if repo is None:
        repo = _REPOS[key] = git.Repo(job.root)
    folder, rel, steps, tags, reachable = job.folder, job.rel, job.steps, job.tags, job.reachable
    ledger.fill_stages(steps)
    project = load_project(folder)
    report = Report(project.display, project.id)
    path = ledger.in_project(rel, "project.yaml")
    pack = project.pack
    report.tags = len(tags)
    loaded: dict[str, Any] = {}  # baseline tag → the project as approved: loaded once, used at every later step

    def baseline_of(tag: Any) -> Any:
        if tag is None:
            return None
        if tag.name not in loaded:
            loaded[tag.name] = ledger.load_tag(repo, tag, rel)
        return loaded[tag.name]

    baseline = None
    last_measure = None
    last_advance: str | None = None
    last_step: Any = None
    seen: set[tuple[str, str]] = set()
    advances: set[str] = set()
    _note_start(report, pack, project.kind, steps[0], bool(tags))
    for step in steps:
        commit = step.commit
        if step.problems:
            report.add(commit, "推进提交的 govproj 尾注不完整或格式不对：" + "；".join(step.problems),
                       "尾注由 govproj advance 生成，不能手工编写或修改")
        trail = step.trail
        if trail is None:
            if step.changes_stage:
                report.add(commit, f"阶段被手工从{stage_name(pack, step.before)}改为{stage_name(pack, step.after)}，"
                                   "不是 govproj advance 做出的提交",
                           "阶段只能用 govproj advance 推进：它先检查门槛条件，再留下可核验的提交")
        else:
            report.advances += 1
            advances.add(commit.sha)
            _check_advance(report, repo, rel, folder, pack, step, last_advance, reachable, tags,
                           baseline_of(job.baselines.get(commit.sha)), seen,
                           last_step.trail.today if last_step is not None and last_step.trail is not None else None)
            _check_day(report, step, last_step)
            last_advance, last_step = commit.sha, step
        if commit.sha in reachable:
            tag = reachable[commit.sha]
            # the same files as the tag's own baseline when the project has not moved: loaded once
            baseline = (baseline_of(tag) if tag.path in (None, rel)
                        else ledger.load_at(repo, commit.sha, rel, label=tag.name))
            last_measure = None
            continue
        if baseline is not None and step.after_text is not None:
            last_measure = _check_baseline(report, repo, rel, step, baseline, last_measure)
    for tag in tags:
        if tag.commit not in reachable:
            report.add(tag.commit, f"基线标签 {tag.name} 指向的提交不在当前分支的历史中：打标签之后历史被改写"
                                   "（rebase、amend、reset 或 filter-branch）",
                       "恢复原来的历史（git reflog 可找回），不要改写已经推进和打基线标签的提交")
        elif tag.commit not in advances:
            report.add(tag.commit, f"基线标签 {tag.name} 没有指向 govproj advance 的推进提交（标签被移动或手工创建）",
                       "基线标签只能由 govproj advance 在进入基线阶段时创建")
    head_stage = steps[-1].after
    if project.recorded_stage != head_stage and head_stage is not None:
        report.add(None, f"工作区里的阶段是{stage_name(pack, project.recorded_stage)}，最近一次提交是"
                         f"{stage_name(pack, head_stage)}：阶段被手工修改且尚未提交",
                   f"撤销手工修改（git checkout -- {path}），用 govproj advance 推进")
    return report


def _note_start(report: Report, pack: Any, kind: str, first: Any, tagged: bool) -> None:
    """Where the trail starts: a project brought in mid-way has no record of its earlier stages (not a break)."""
    from govproj.core.lifecycle import stage_name, stages_for

    if first.before_text is not None or first.after is None:
        return
    order = [s.id for s in stages_for(pack, kind)]
    if order and first.after != order[0]:
        report.notes.append(f"项目在提交 {first.commit.short} 以{stage_name(pack, first.after)}加入仓库，此前的阶段没有留痕")
    index = {s.id: i for i, s in enumerate(pack.stages)}
    first_baseline = next((s.id for s in pack.stages if s.baseline), None)
    if not tagged and first_baseline and index.get(first.after, -1) >= index[first_baseline]:
        report.notes.append(f"项目加入仓库时已过{stage_name(pack, first_baseline)}，没有批复基线标签，变更控制无从比较")


def _check_day(report: Report, step: Any, previous: Any) -> None:
    """The day an advance was judged on is the day it was committed (Beijing time), and no advance is dated before
    the one it follows: a backdated or postdated `--today`, or a commit whose date was set back, shows here."""
    commit, trail = step.commit, step.trail
    made = commit.committed_day
    if made is not None and trail.today != made:
        report.add(commit, f"推进按 {trail.today.isoformat()} 判断，提交却是 {made.isoformat()}（北京时间）做出的："
                           "门槛条件是按另一天检查的（倒签或预签）",
                   "推进只能按当天判断；这一步应当按实际日期重新推进")
    if previous is None or previous.trail is None:
        return
    if trail.today < previous.trail.today:
        report.add(commit, f"推进记录的日期 {trail.today.isoformat()} 早于上一次推进（{previous.commit.short}，"
                           f"{previous.trail.today.isoformat()}）：日期倒退",
                   "推进的日期只能向前：查明这一步的提交日期为何被改动")
    elif made is not None and previous.commit.committed and \
            _dt.datetime.fromisoformat(commit.committed) < _dt.datetime.fromisoformat(previous.commit.committed):
        report.add(commit, f"推进提交的时间早于上一次推进（{previous.commit.short}）：提交日期被改动",
                   "推进的日期只能向前：查明这一步的提交日期为何被改动")


def _check_advance(report: Report, repo: Any, rel: str, folder: Path, pack: Any, step: Any, previous: str | None,
                   reachable: dict, tags: list, baseline: Any, seen: set, since: Any = None) -> None:
    """One advance commit against its trailers, the lifecycle, its tag, its gates and its evidence. `seen` holds the
    (evidence, hash) pairs already compared with the working tree by an earlier advance."""
    from govproj.edges import ledger
    from govproj.core import lifecycle
    from govproj.errors import GovprojError
    from govproj.core.lifecycle import stage_name
    from govproj.edges.yamlio import parse_doc
    from govproj.core.engine import load_repo_config

    commit, trail = step.commit, step.trail
    if trail.pack != pack.id:
        report.add(commit, f"尾注记录的辖区是 {trail.pack}，项目是 {pack.id}")
        return
    if (trail.source, trail.target) != (step.before, step.after):
        report.add(commit, f"尾注记录{stage_name(pack, trail.source)} → {stage_name(pack, trail.target)}，"
                           f"但 project.yaml 实际是{stage_name(pack, step.before)} → {stage_name(pack, step.after)}",
                   "尾注与文件不符：提交被手工修改过")
        return
    if trail.previous != previous:
        report.add(commit, f"Govproj-Previous 记录的上一次推进是 {(trail.previous or '无')[:10]}，历史中却是 "
                           f"{(previous or '无')[:10]}：推进之后历史被改写（rebase、amend、cherry-pick 或删除了提交）",
                   "恢复原来的历史（git reflog 可找回）；已推进的提交不能改写")
    path = ledger.in_project(rel, "project.yaml")
    others = [p for p in sorted(set(step.changed)) if p != path]  # from the walk: no git process per commit
    if others:
        report.add(commit, "推进提交除阶段外还修改了其他文件：" + "、".join(others[:5]) + ("等" if len(others) > 5 else ""),
                   "推进提交只应改 project.yaml 的 stage；其他修改应单独提交")
    elif step.after_text != (ledger.replace_stage(step.before_text, trail.target)
                             if trail.source != trail.target else step.before_text):
        report.add(commit, "推进提交除阶段外还修改了 project.yaml 的其他内容", "推进提交只应改 stage 这一个值")
    try:
        kind = str(parse_doc(step.after_text.removeprefix("\ufeff"), path).data.get("kind") or "")
    except GovprojError:
        kind = ""
    reason = lifecycle.why_not(pack, kind, trail.source, trail.target, trail.outcome)
    if reason:
        report.add(commit, f"不允许的阶段变化：{reason}", "按辖区办法规定的顺序逐个阶段推进（govproj stages 列出阶段）")
        if trail.target not in {s.id for s in pack.stages}:
            return
    if pack.stage(trail.target).baseline and trail.outcome == "pass":
        tag = next((t for t in tags if t.name == trail.baseline), None)
        if not trail.baseline or tag is None:
            if trail.baseline and ledger.tags_not_fetched(repo):
                report.add(commit, f"基线标签 {trail.baseline} 不在本地：克隆或拉取时没有取回标签（不是被删除），"
                                   "无法核验批复基线",
                           "取回标签后再核验：git fetch --tags（GitHub Actions：actions/checkout 设 fetch-depth: 0）")
            else:
                report.add(commit, f"进入基线阶段{stage_name(pack, trail.target)}的推进提交缺少基线标签"
                                   f"{' ' + trail.baseline if trail.baseline else ''}（被删除）",
                           "基线标签由 govproj advance 创建，删除后批复基线无从比较：从原仓库取回"
                           "（git fetch origin tag <标签>）")
        elif tag.commit != commit.sha:
            report.add(commit, f"基线标签 {tag.name} 被移动，不再指向进入基线阶段的提交")
    move = lifecycle.Move(trail.source, trail.target, trail.outcome, baseline=pack.stage(trail.target).baseline)
    with ledger.tree_at(repo, commit.sha, rel, surroundings=True) as tree:
        # judged as it was: the repository config and calendar of that commit (the project's own files are in it)
        try:
            config = load_repo_config(tree)
        except GovprojError as exc:
            report.add(commit, "该提交中的 .govproj/config.yaml 无法读取：" + exc.render().removeprefix("错误："))
            config = {}
        gate = lifecycle.gates(tree, move, today=trail.today, repo_config=config, baseline_loader=lambda: baseline,
                               since=since)
        for ref, digest in trail.evidence:
            report.evidence += 1
            then = tree / ref
            if not then.is_file() or ledger.sha256_file(then) != digest:
                report.add(commit, f"尾注记录的证据文件 {ref} 与该提交中的文件不符", "尾注被手工修改过")
            now = folder / ref
            if (ref, digest) in seen:  # recorded again by a later advance: one problem, reported once
                continue
            seen.add((ref, digest))
            if not now.is_file():
                report.add(commit, f"证据文件 {ref} 已不存在（推进时记录的 sha256:{digest[:12]}…）",
                           "从 git 历史恢复该文件：git checkout " + commit.short + " -- " + ledger.in_project(rel, ref))
            elif ledger.sha256_file(now) != digest:
                report.add(commit, f"证据文件 {ref} 已被替换：现在的 sha256 与推进时记录的不同",
                           "证据文件不能在推进后替换：恢复原文件（git log -- 该文件 可找到），新的材料用新文件名添加")
    if trail.rules_hash and trail.rules_hash != pack.rules_hash and trail.rules_hash not in report.rule_sets:
        report.rule_sets.append(trail.rules_hash)
        report.notes.append(f"提交 {commit.short} 推进时的规则集是 {trail.pack} {trail.pack_version}"
                            f"（sha256:{trail.rules_hash[:12]}…），现在是 {pack.id} {pack.version}"
                            f"（sha256:{pack.rules_hash[:12]}…）：规则或数据自那以后有变化，门槛按现行规则重新检查")
    if gate.load_error:
        report.add(commit, f"无法读取当时的项目文件：{gate.load_error}")
    elif gate.blocking:
        version = f"，提交时的规则包版本为 {trail.pack_version}" if trail.pack_version != pack.version else ""
        listing = "；".join(f"{d.code} {d.message}" for d in gate.blocking[:3]) + ("……" if len(gate.blocking) > 3 else "")
        report.add(commit, f"推进到{stage_name(pack, trail.target)}时门槛条件不满足（按 {trail.today.isoformat()} 重新检查当时的文件，"
                           f"{len(gate.blocking)} 个错误{version}）：{listing}",
                   "门槛条件不满足的推进不应存在：查明原因（手工改写的提交，或规则包升级后的新要求）")


def _check_baseline(report: Report, repo: Any, rel: str, step: Any, baseline: Any, last: Any) -> Any:
    """A commit after the baseline that changed what the baseline fixes must carry a change record."""
    from govproj.edges import ledger
    from govproj.errors import GovprojError
    from govproj.packs.change_control import change_findings, measure, measured

    try:
        current = ledger.load_at(repo, step.commit.sha, rel)
    except GovprojError as exc:
        report.add(step.commit, f"该提交中的项目文件无法读取，无法核验这一提交：{exc.render().removeprefix('错误：')}",
                   "项目文件应始终可读：pre-commit 钩子 govproj-check 会拒绝这样的提交")
        return last
    if current is None:
        return last
    summary = measured(baseline, current)
    key = (summary.total_after, summary.lines, summary.content)
    if key == last or not summary.any:
        return key
    today = _dt.date.fromisoformat(step.commit.date[:10])
    findings = [(rule, f) for rule, f in change_findings(current, baseline, today)
                if (f.severity or rule.severity) == "error"]
    if findings:
        rule = findings[0][0]
        texts = [(f.message or rule.message) for _, f in findings[:2]]
        texts = [t.split("。", 1)[1] if t.startswith("与批复基线") and "。" in t else t for t in texts]
        report.add(step.commit, f"修改了批复基线确定的内容（{measure(summary)}），变更控制 {rule.code} 不满足：" +
                   "；".join(texts),
                   "变更记录应与修改一同提交：在 changes.yaml 写明变更内容、原因、金额、依据条款和审批/备案证据")
    return key


def write_text(reports: list[Report], out: Any) -> None:
    for r in reports:
        out.write(f"{r.project}  {r.project_id}\n")
        if r.unverifiable:
            out.write(f"  ? 无法核验：{r.unverifiable}\n\n")
            continue
        for b in r.breaks:
            where = f"提交 {b.commit[:7]}" if b.commit else "工作区"
            when = f"（{b.date[:10]} {b.author}）" if b.date else ""
            out.write(f"  ✗ {where}{when}：{b.message}\n")
            if b.hint:
                out.write(f"      处理办法：{b.hint}\n")
        for note in r.notes:
            out.write(f"  · {note}\n")
        summary = f"{r.advances} 次推进，{r.tags} 个基线标签，{r.evidence} 个证据文件哈希"
        if r.breaks:
            out.write(f"  审计轨迹有 {len(r.breaks)} 处问题（{summary}）\n\n")
        else:
            out.write(f"  ✓ 审计轨迹完好：{summary}一致\n\n")


def run(args: SimpleNamespace) -> int:
    from govproj.commands.log import projects_under, write_json

    reports = verify_folders(projects_under(args.path))
    if args.format == "json":
        write_json([asdict(r) for r in reports])
    else:
        write_text(reports, sys.stdout)
    if any(r.unverifiable for r in reports):
        return 2
    return 1 if any(r.breaks for r in reports) else 0
