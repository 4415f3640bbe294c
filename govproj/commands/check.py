"""`govproj check`: validate projects against their jurisdiction's rules and print the findings."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

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
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", default=["."], help="项目文件夹或包含项目的文件夹（默认当前文件夹）")
    parser.add_argument("--stage", help="按这个阶段检查（阶段编号或中文名）：回答“要进入该阶段还差什么”")
    parser.add_argument("--format", default="auto", choices=["auto", "text", "json", "sarif", "github"],
                        help="输出格式：text 分文件列出；json 稳定的机器格式；sarif 2.1.0；github Actions 注释；"
                             "auto 在 GitHub Actions 中用 github，否则 text")
    parser.add_argument("--strict", action="store_true", help="有警告时也以 1 退出")
    parser.add_argument("--today", help="以这一天为“今天”判断期限（YYYY-MM-DD），用于复核历史状态")
    parser.add_argument("-o", "--output", help="把结果写入文件而不是标准输出")


def parse_today(text: str | None):
    import datetime as _dt

    from govproj.errors import UsageError

    if not text:
        return None
    try:
        return _dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"日期“{text}”格式不对", hint="写成 YYYY-MM-DD，例如 2026-05-31") from None


def run(args: argparse.Namespace) -> int:
    from govproj.diagnostics import FORMATS, pick_format, use_color
    from govproj.engine import check_folder, load_repo_config
    from govproj.errors import UsageError
    from govproj.project import find_projects

    today = parse_today(args.today)
    paths = [Path(p) for p in args.paths]
    folders = find_projects(paths)
    if not folders:
        raise UsageError("在给出的路径下没有找到项目（含 project.yaml 的文件夹）",
                         hint="用 `govproj new 路径 --jurisdiction bj` 新建一个项目")
    config = load_repo_config(folders[0])
    results = []
    progress = _Progress(len(folders))
    for folder in folders:
        results.append(check_folder(folder, stage=args.stage, today=today, repo_config=config))
        progress.step()
    progress.done()
    fmt = pick_format(args.format)
    if args.output:
        import io

        from govproj.yamlio import atomic_write

        buffer = io.StringIO()
        FORMATS[fmt](results, buffer, False)
        atomic_write(Path(args.output), buffer.getvalue())
    else:
        FORMATS[fmt](results, sys.stdout, use_color(sys.stdout) and fmt == "text")
    if any(r.error for r in results):
        return 2
    if any(r.count("error") for r in results):
        return 1
    if args.strict and any(r.count("warning") for r in results):
        return 1
    return 0


class _Progress:
    """A one-line progress indicator on stderr, only on a terminal and only for many projects."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.count = 0
        self.show = total >= 20 and sys.stderr.isatty()

    def step(self) -> None:
        self.count += 1
        if self.show and (self.count % 10 == 0 or self.count == self.total):
            sys.stderr.write(f"\r检查中 {self.count}/{self.total}")
            sys.stderr.flush()

    def done(self) -> None:
        if self.show:
            sys.stderr.write("\r" + " " * 30 + "\r")
