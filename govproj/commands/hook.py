"""`govproj hook`: the entry points of the pre-commit hooks (.pre-commit-hooks.yaml).

`hook check FILE…` checks every project that a staged file belongs to (pre-commit passes file names; a project is
the folder holding project.yaml). `hook stage FILE…` refuses a commit that changes `stage:` in a project.yaml by hand:
only `govproj advance`, which checks the gates first, may do that.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import List, Optional

import typer

from govproj.commands import options as opt
from govproj.commands.options import command

HELP = "供 pre-commit 调用的钩子"
DESCRIPTION = ("pre-commit 钩子的入口（见仓库根目录的 .pre-commit-hooks.yaml）：\n"
               "  govproj hook check 文件…   找出这些文件所属的项目（含 project.yaml 的文件夹），逐个检查；有错误时拒绝提交\n"
               "  govproj hook stage 文件…   拒绝手工修改 project.yaml 阶段（stage）的提交：阶段只能用 govproj advance 推进\n\n"
               "退出码：0 通过；1 拒绝提交；2 用法错误。")
EPILOG = """.pre-commit-config.yaml 示例：
  repos:
    - repo: https://example.invalid/govproj   # govproj 的仓库地址
      rev: v0.1.0
      hooks:
        - id: govproj-check
        - id: govproj-stage-guard
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


def run_check(files: list[str]) -> int:
    from govproj.cli import main

    folders = touched_projects(files)
    if not folders:
        return 0
    return main(["check", *(str(f) for f in folders)])


def run_stage_guard(files: list[str]) -> int:
    from govproj.edges import ledger

    found = ledger.find_repo(Path.cwd())
    if found is None:
        sys.stderr.write("govproj hook stage：当前文件夹不在 git 仓库中\n")
        return 2
    repo, prefix = found
    allowed = os.environ.get(ledger.ADVANCE_ENV)
    refused = []
    for name in files:
        if Path(name).name != "project.yaml":
            continue
        path = ledger.in_project(prefix, Path(name).as_posix())
        staged, committed = ledger.blobs(repo, [f":{path}", f"HEAD:{path}"])
        before, after = ledger.stage_of(_text(committed)), ledger.stage_of(_text(staged))
        if committed is None or staged is None or before == after or allowed == path:
            continue
        refused.append(f"  {name}：阶段由“{before}”改为“{after}”")
    if refused:
        sys.stderr.write("错误：不能手工修改项目阶段（stage）：\n" + "\n".join(refused) + "\n"
                         "  处理办法：把 stage 改回原值（git checkout HEAD -- <文件>），再用 `govproj advance <项目文件夹>` 推进；"
                         "advance 先检查门槛条件，再以带尾注的提交留痕。\n")
        return 1
    return 0


def _text(data: bytes | None) -> str | None:
    return None if data is None else data.decode("utf-8", "replace")


def run(args: SimpleNamespace) -> int:
    if args.hook == "check":
        return run_check(args.files)
    return run_stage_guard(args.files)
