"""`govproj hook`: the entry points of the pre-commit hooks (.pre-commit-hooks.yaml).

`hook check FILE…` checks every project that a staged file belongs to (pre-commit passes file names; a project is
the folder holding project.yaml). `hook stage FILE…` refuses a commit that changes `stage:` in a project.yaml by hand:
only `govproj advance`, which checks the gates first, may do that.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path, PurePosixPath
from types import SimpleNamespace
from typing import List, Optional

import typer

from govproj.commands import options as opt
from govproj.commands.options import command

HELP = "供 pre-commit 调用的钩子"
DESCRIPTION = ("pre-commit 钩子的入口（见仓库根目录的 .pre-commit-hooks.yaml）：\n"
               "  govproj hook check 文件…   找出这些文件所属的项目（含 project.yaml 的文件夹），逐个检查；有错误时拒绝提交，\n"
               "                             尚未填写的内容只列为“进入下一阶段前还需要”\n"
               "  govproj hook stage         拒绝手工修改 project.yaml 阶段（stage）的提交：阶段只能用 govproj advance 推进；\n"
               "                             也拒绝替换或删除推进时已记录哈希的证据文件（读取暂存区，不需要文件名）\n\n"
               "退出码：0 通过；1 拒绝提交；2 用法错误。")
EPILOG = """示例（.pre-commit-config.yaml，使用已安装的 govproj）：
  repos:
    - repo: local
      hooks:
        - id: govproj-check
          name: govproj check
          entry: govproj hook check
          language: system
          require_serial: true
          verbose: true
        - id: govproj-stage-guard
          name: govproj 阶段保护
          entry: govproj hook stage
          language: system
          always_run: true
          pass_filenames: false

尚未填写的内容不妨碍提交，钩子列出进入下一阶段前还需要什么；文件无法读取、与当前阶段规则不符、手工改阶段时拒绝提交。
"""


app = opt.app()


@command(app, "hook", help=DESCRIPTION, epilog=EPILOG)
def main(
    hook: str = typer.Argument(..., metavar="check|stage", click_type=opt.choice("check", "stage"),
                               help="check 检查涉及的项目；stage 拒绝手工修改阶段", show_default=False),
    files: Optional[List[str]] = typer.Argument(None, metavar="文件…", help="pre-commit 传入的暂存文件",
                                                show_default=False),
) -> int:
    return run(SimpleNamespace(hook=hook, files=files or []))


def project_of(file: Path, stop: Path) -> Path | None:
    """The nearest folder at or above the file's folder that holds project.yaml, not above `stop`."""
    folder = file.parent
    stop = stop.resolve()
    while True:
        if (folder / "project.yaml").is_file():
            return folder
        resolved = folder.resolve()
        if resolved == stop or resolved.parent == resolved or stop not in resolved.parents:
            return None
        folder = folder.parent


def touched_projects(files: list[str]) -> list[Path]:
    root = Path.cwd()
    found: dict[str, Path] = {}
    for name in files:
        folder = project_of(Path(name), root)
        if folder is not None:
            found[str(folder.resolve())] = folder
    return [found[key] for key in sorted(found)]


# Findings that say a value is not filled in yet: work in progress, reported as what the next stage needs, not a
# reason to refuse a commit. Wrong values, broken files and violations of the current stage's rules still refuse it.
WORK_IN_PROGRESS = frozenset({"GP010"})


def run_check(files: list[str]) -> int:
    """Check every project a staged file belongs to; refuse the commit for what is wrong, list what is missing."""
    from govproj.core.diagnostics import ProjectResult
    from govproj.edges.batch import run_over
    from govproj.edges.output import FORMATS, use_color

    folders = touched_projects(files)
    if not folders:
        return 0
    options = SimpleNamespace(today=_commit_day(), no_cache=False, jobs=0)
    outcomes = run_over([str(f) for f in folders], options)
    wrong, todo = [], {}
    for folder, outcome in zip(folders, outcomes):
        r = outcome.result
        kept = [d for d in r.diagnostics if d.code not in WORK_IN_PROGRESS]
        wrong.append(ProjectResult(r.project, r.project_id, r.jurisdiction, r.stage, r.checked_stage, kept,
                                   r.waived, r.error, waived_diagnostics=r.waived_diagnostics))
        if not r.error:
            todo[r.project] = ([d for d in r.diagnostics if d.code in WORK_IN_PROGRESS], _next_stage(folder, options))
    refused = [r for r in wrong if r.error or r.count("error")]
    if refused:
        if use_color(sys.stdout):
            from govproj.edges import term

            term.findings(refused, sys.stdout)
        else:
            FORMATS["text"](refused, sys.stdout, False)
        sys.stdout.write("拒绝提交：以上文件无法读取，或有与当前阶段规则不符的内容。改正后再提交"
                         "（尚未填写的内容不影响提交）。\n")
    for r in wrong:
        if r.project in todo and r not in refused:
            _write_todo(r, *todo[r.project])
    return 1 if refused else 0


def _commit_day() -> str | None:
    """The day (Beijing time) the commit being made will record, as `advance` judges: an event dated after it has
    not happened yet (GP060). None (today) when git cannot say."""
    from govproj.edges import ledger
    from govproj.errors import GovprojError

    try:
        repo, _ = ledger.open_repo(Path("."))
        return ledger.commit_moment(repo)[1].isoformat()
    except (GovprojError, OSError, ValueError):
        return None


def _next_stage(folder: Path, options: SimpleNamespace) -> tuple[str, str, list] | None:
    """(stage id, name, errors) of what the next stage asks that the project does not meet yet."""
    from govproj.core import lifecycle
    from govproj.core.project import load_project
    from govproj.edges.batch import run_over
    from govproj.errors import GovprojError

    try:
        project = load_project(folder)
        stage = project.recorded_stage
        if stage is None:
            return None
        move = lifecycle.plan(project.pack, project.kind, stage)
    except GovprojError:  # no next stage (the last one), or the check itself reports the problem
        return None
    result = run_over([str(folder)], options, stage=move.target)[0].result
    errors = [d for d in result.diagnostics if d.severity == "error"]
    return move.target, project.pack.stage(move.target).name, errors


def _write_todo(result, missing: list, upcoming: tuple[str, str, list] | None) -> None:
    out = sys.stdout
    if upcoming is None:
        if missing:
            out.write(f"{result.project}：可以提交；尚未填写：\n")
            for d in missing:
                out.write(f"  {d.file}:{d.line}  {d.message}\n")
        return
    target, name, errors = upcoming
    seen = {(d.file, d.line, d.code) for d in errors}
    items = errors + [d for d in missing if (d.file, d.line, d.code) not in seen]
    if not items:
        out.write(f"{result.project}：可以提交，也已满足进入“{name}”的条件（govproj advance {result.project}）\n")
        return
    out.write(f"{result.project}：可以提交（工作进行中）。进入下一阶段“{name}”（{target}）前还需要：\n")
    for d in sorted(items, key=lambda d: (d.file, d.line, d.column)):
        out.write(f"  {d.file}:{d.line}  {d.code}  {d.message}\n")
    out.write(f"  随时可查：govproj check {result.project} --stage {target}\n")


def run_stage_guard(files: list[str]) -> int:
    """Refuse what `verify` would report of the commit being made: a stage changed by hand, and an evidence file
    that an advance hashed being replaced or deleted. Reads the staged changes itself (`git diff --cached`), so that
    deletions (which pre-commit does not pass) are seen too; `files` are accepted for older hook configurations."""
    from govproj.edges import ledger

    found = ledger.find_repo(Path.cwd())
    if found is None:
        sys.stderr.write("govproj hook stage：当前文件夹不在 git 仓库中\n")
        return 2
    repo, prefix = found
    allowed = os.environ.get(ledger.ADVANCE_ENV)
    if ledger.head(repo) is None:
        return 0
    listing = repo.git.diff("--cached", "--name-status", "-z", "--no-renames").split("\0")
    changes = list(zip(listing[0::2], listing[1::2]))  # (status letter, repository path)
    refused, replaced = [], []
    for status, path in changes:
        if PurePosixPath(path).name == "project.yaml" and status == "M":
            staged, committed = ledger.blobs(repo, [f":{path}", f"HEAD:{path}"])
            before, after = ledger.stage_of(_text(committed)), ledger.stage_of(_text(staged))
            if committed is not None and staged is not None and before != after and allowed != path:
                refused.append(f"  {_shown(path, prefix)}：阶段由“{before}”改为“{after}”")
    evidence_changes = [(status, path) for status, path in changes
                        if status in "MDT" and PurePosixPath(path).name != "project.yaml"]
    if evidence_changes:
        replaced = _hashed_evidence_touched(repo, evidence_changes, prefix)
    if refused:
        sys.stderr.write("错误：不能手工修改项目阶段（stage）：\n" + "\n".join(refused) + "\n"
                         "  处理办法：把 stage 改回原值（git checkout HEAD -- <文件>），再用 `govproj advance <项目文件夹>` 推进；"
                         "advance 先检查门槛条件，再以带尾注的提交留痕。\n")
    if replaced:
        sys.stderr.write("错误：以下证据文件在推进时已记录了哈希，不能替换或删除（govproj verify 会报告它）：\n"
                         + "\n".join(replaced) + "\n"
                         "  处理办法：恢复原文件（git checkout HEAD -- <文件>）；新的材料用新的文件名加入 evidence/，"
                         "在 YAML 里引用新文件。\n")
    return 1 if refused or replaced else 0


def _shown(path: str, prefix: str) -> str:
    """A repository path as the user, in the current folder, would type it."""
    return os.path.relpath(path, prefix or ".") if prefix else path


def _hashed_evidence_touched(repo, changes: list[tuple[str, str]], prefix: str) -> list[str]:
    """The staged changes that replace or delete a file an advance recorded in its trailers (latest advance of the
    project the file belongs to), as lines for the message."""
    import hashlib

    from govproj.edges import ledger
    from govproj.edges.yamlio import parse_doc
    from govproj.errors import GovprojError

    recorded: dict[str, tuple[str, dict[str, str]] | None] = {}  # project folder → (advance sha, path → hash)
    lines = []
    for status, path in changes:
        parents = list(PurePosixPath(path).parents)  # the nearest folder holding a committed project.yaml owns it
        found = ledger.blobs(repo, [f"HEAD:{(up / 'project.yaml').as_posix()}" for up in parents])
        folder, data = next(((str(up), blob) for up, blob in zip(parents, found) if blob is not None), (None, None))
        if folder is None:
            continue
        if folder not in recorded:
            text = _text(data)
            try:
                project_id = str(parse_doc(text or "", "project.yaml").data.get("id") or "")
            except GovprojError:
                project_id = ""
            latest = ledger.latest_advance(repo, project_id) if project_id else None
            recorded[folder] = (latest[0], dict(latest[1].evidence)) if latest else None
        entry = recorded[folder]
        if entry is None:
            continue
        sha, hashes = entry
        rel = PurePosixPath(path).relative_to(folder).as_posix() if folder != "." else path
        if rel not in hashes:
            continue
        if status == "D":
            lines.append(f"  {_shown(path, prefix)}：被删除（提交 {sha[:7]} 推进时记录的 sha256:{hashes[rel][:12]}…）")
            continue
        staged = ledger.blobs(repo, [f":{path}"])[0]
        if staged is None or hashlib.sha256(staged).hexdigest() != hashes[rel]:
            lines.append(f"  {_shown(path, prefix)}：内容被替换（提交 {sha[:7]} 推进时记录的 sha256:{hashes[rel][:12]}…）")
    return lines


def _text(data: bytes | None) -> str | None:
    return None if data is None else data.decode("utf-8", "replace")


def run(args: SimpleNamespace) -> int:
    if args.hook == "check":
        return run_check(args.files)
    return run_stage_guard(args.files)
