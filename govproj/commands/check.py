"""`govproj check`: validate projects against their jurisdiction's rules and print the findings."""
from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace
from typing import List, Optional

import typer

from govproj.commands import options as opt
from govproj.commands.options import command

HELP = "检查项目"
DESCRIPTION = ("按项目所属辖区的规则检查项目文件夹，对每个问题给出文件和行号、问题、处理办法和依据条款。\n"
               "路径可以是一个项目，也可以是包含许多项目的文件夹（含 project.yaml 的文件夹即一个项目）。\n\n"
               "退出码：0 没有错误；1 有错误（只有警告时为 0，除非 --strict）；2 用法错误或文件无法读取。")
EPILOG = """示例：
  govproj check projects/gis-upgrade                    # 当前阶段的问题
  govproj check projects/gis-upgrade --stage prereview  # 要进入前置评审阶段还差什么
  govproj check projects/                               # 检查下面的全部项目
  govproj check projects/ --format json > report.json
  govproj check . --format github                       # 在 GitHub Actions 中显示为注释
  govproj check projects/ --no-cache                    # 不用缓存（缓存按文件内容自动失效，一般不需要）
"""


app = opt.app()


@command(app, "check", help=DESCRIPTION, epilog=EPILOG)
def main(
    paths: Optional[List[str]] = opt.paths(),
    stage: Optional[str] = typer.Option(None, "--stage", metavar="阶段",
                                        help="按这个阶段检查（阶段编号或中文名）：回答“要进入该阶段还差什么”"),
    format: str = opt.fmt("auto", "auto", "text", "json", "sarif", "github",
                          help="输出格式：text 分文件列出；json 稳定的机器格式；sarif 2.1.0；github Actions 注释；"
                               "auto 在 GitHub Actions 中用 github，否则 text"),
    strict: bool = typer.Option(False, "--strict", help="有警告时也以 1 退出"),
    output: Optional[str] = opt.output(),
    today: Optional[str] = opt.today(),
    no_cache: bool = opt.no_cache(),
    jobs: int = opt.jobs(),
    allow_missing_baseline: bool = typer.Option(
        False, "--allow-missing-baseline",
        help="批复基线标签不在本地（浅克隆、没有取回标签）时只警告、不报错（GP051）；默认报错，因为变更控制无法比较"),
) -> int:
    return run(SimpleNamespace(paths=paths or ["."], stage=stage, format=format, strict=strict, output=output,
                               today=today, no_cache=no_cache, jobs=jobs,
                               allow_missing_baseline=allow_missing_baseline))


def parse_today(text: str | None):  # kept for the commands that import it from here
    from govproj.edges.batch import parse_today as parse

    return parse(text)


def run(args: SimpleNamespace) -> int:
    from govproj.edges.batch import run_over
    from govproj.edges.output import FORMATS, pick_format, use_color

    # Many projects: cached by content and spread over every core; one project (the pre-commit hook): in-process.
    results = [outcome.result for outcome in run_over(args.paths, args, stage=args.stage, label="检查", deadlines=False)]
    fmt = pick_format(args.format)
    if args.output:
        import io

        from govproj.edges.yamlio import atomic_write

        buffer = io.StringIO()
        FORMATS[fmt](results, buffer, False)
        atomic_write(Path(args.output), buffer.getvalue())
    elif fmt == "text" and use_color(sys.stdout):
        from govproj.edges import term

        term.findings(results, sys.stdout)
    else:
        FORMATS[fmt](results, sys.stdout, False)
    if any(r.error for r in results):
        return 2
    if any(r.count("error") for r in results):
        return 1
    if args.strict and any(r.count("warning") for r in results):
        return 1
    return 0
