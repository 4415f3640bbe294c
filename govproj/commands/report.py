"""`govproj report`: one self-contained HTML page for reviewers — counts, overdue and due-soon, findings, a timeline."""
from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace
from typing import List, Optional

import typer

from govproj.commands import options as opt
from govproj.commands.options import command

HELP = "生成给评审看的 HTML 汇总报告（单个文件，可打印）"
DESCRIPTION = (
    "把目录下（含子目录）全部项目汇总成一页 HTML：按辖区和阶段的项目数和总投资、已逾期和即将到期的事项、\n"
    "按规则统计的问题及其依据条款、未完成期限的时间线图。页面是一个独立文件（样式和图都在文件里，不联网、\n"
    "不加载任何外部资源或脚本），可以直接发给评审、用浏览器打开或打印（A4）。\n"
    "数字与 `govproj export` 的快照、`govproj status` 相同，并共用缓存。\n\n"
    "退出码：0 已写出（有问题或无法读取的项目也是 0，它们列在报告里）；2 路径不存在、没有项目、无法写入输出。"
)
EPILOG = """示例：
  govproj report projects/ -o report.html
  govproj report projects/ -o report.html --today 2027-01-04 --within 15
"""

app = opt.app()


@command(app, "report", help=DESCRIPTION, epilog=EPILOG)
def main(
    paths: Optional[List[str]] = opt.paths("包含项目的文件夹（默认当前文件夹），也可以是单个项目", "文件夹…"),
    output: str = typer.Option(..., "-o", "--output", metavar="文件", help="写入的 HTML 文件，如 report.html"),
    within: int = typer.Option(30, "--within", metavar="天数", help="“即将到期”的范围：今天起多少个日历天内（默认 30）"),
    today: Optional[str] = opt.today(),
    no_cache: bool = opt.no_cache(),
    jobs: int = opt.jobs(),
) -> int:
    return run(SimpleNamespace(paths=paths or ["."], output=output, within=within, today=today, no_cache=no_cache,
                               jobs=jobs))


def run(args: SimpleNamespace) -> int:
    from govproj.commands.export import analyse
    from govproj.edges.report import context, render_html
    from govproj.errors import UsageError

    target = Path(args.output)
    if target.is_dir():
        raise UsageError(f"“{target}”是一个文件夹", hint="给出文件名，例如 -o report.html")
    if args.within < 0:
        raise UsageError("--within 不能是负数", hint="例如 --within 30")
    snapshot, day = analyse(args, "汇总")
    values = context(snapshot, day, args.within)
    html = render_html(values)
    write_file(target, html)
    s = values["summary"]
    sys.stderr.write(f"已写出 {target}：项目 {s['projects']} 个，已逾期 {s['overdue']} 项，{args.within} 天内到期 "
                     f"{s['soon']} 项，问题 {s['findings']} 条\n")
    return 0


def write_file(target: Path, text: str) -> None:
    from govproj.edges.export import why
    from govproj.edges.yamlio import atomic_write
    from govproj.errors import UsageError

    parent = target.parent if str(target.parent) else Path(".")
    if parent.exists() and not parent.is_dir():
        raise UsageError(f"“{parent}”不是文件夹，无法在其中写入 {target.name}")
    try:
        atomic_write(target, text)
    except OSError as exc:
        raise UsageError(f"无法写入“{target}”：{why(exc)}", hint="检查路径和写权限；没有写出任何不完整的文件") from None
