"""`govproj export`: a snapshot of every project below some folders, as SQLite, Parquet or JSON Lines, for reviewers."""
from __future__ import annotations

import datetime as _dt
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import List, Optional

import typer

from govproj.commands import options as opt
from govproj.commands.options import command

HELP = "把项目导出为快照（SQLite、Parquet、JSONL），供评审汇总查询"
DESCRIPTION = (
    "把目录下（含子目录）每个项目的情况写成一个快照文件，四张表：projects（编号、名称、单位、辖区、类型、阶段、总投资、\n"
    "批复基线、最近一次推进、规则包版本和哈希、提交号）、findings（按当前阶段检查的每个问题，含被豁免的）、\n"
    "deadlines（每个期限：到期日、是否完成、逾期天数、是否依赖估算日历）、advances（git 审计轨迹里的每次阶段变化），\n"
    "另有一张 meta 表（快照格式版本、govproj 版本、判断期限用的日期）。各列的含义见 docs/export.md。\n"
    "格式按 --to 的扩展名：.sqlite（默认推荐，无需额外依赖）、.parquet（一个文件夹，每张表一个 .parquet 文件；需要\n"
    "pip install 'govproj[export]'）、.jsonl（每行一条记录，带 table 字段）。多个仓库各自导出的快照可以用 DuckDB\n"
    "一起查询（docs/export.md 有评审常用的查询）。同样的输入得到同样的快照：行按项目和位置排序，不含导出时刻。\n"
    "检查和期限与 `govproj status`、`govproj check` 相同，并共用缓存。\n\n"
    "退出码：0 已写出（有问题或无法读取的项目也是 0，它们记录在快照里）；2 路径不存在、没有项目、无法写入输出\n"
    "（此时不会留下写了一半的文件）。"
)
EPILOG = """示例：
  govproj export projects/ --to portfolio.sqlite
  govproj export projects/ --to snapshots/区大数据局.parquet --today 2027-01-04
  govproj export unit-a/ unit-b/ --to portfolio.jsonl
  sqlite3 portfolio.sqlite "select unit, count(*) from projects group by unit"
"""

app = opt.app()


@command(app, "export", help=DESCRIPTION, epilog=EPILOG)
def main(
    paths: Optional[List[str]] = opt.paths("包含项目的文件夹（默认当前文件夹），也可以是单个项目", "文件夹…"),
    to: str = typer.Option(..., "--to", metavar="文件",
                           help="快照文件：扩展名 .sqlite、.parquet（数据集文件夹）或 .jsonl 决定格式"),
    today: Optional[str] = opt.today(),
    no_cache: bool = opt.no_cache(),
    jobs: int = opt.jobs(),
) -> int:
    return run(SimpleNamespace(paths=paths or ["."], to=to, today=today, no_cache=no_cache, jobs=jobs))


def analyse(args: SimpleNamespace, label: str) -> tuple["object", _dt.date]:
    """The snapshot of the projects below `args.paths` and the day it was judged on (shared with `report`)."""
    from govproj.edges.batch import analyse_folders, parse_today, project_folders
    from govproj.edges.snapshot import collect

    day = parse_today(args.today) or _dt.date.today()
    folders = project_folders(args.paths)
    outcomes = analyse_folders(folders, SimpleNamespace(**{**vars(args), "today": day.isoformat()}), label=label)
    return collect(outcomes, folders, day), day


def run(args: SimpleNamespace) -> int:
    from govproj.edges.export import check_target, write

    target = Path(args.to)
    check_target(target)  # a wrong name or a missing DuckDB is said before the projects are analysed
    snapshot, _ = analyse(args, "导出")
    write(snapshot, target)
    counts = {name: len(rows) for name, rows in snapshot.tables.items()}
    unreadable = sum(1 for p in snapshot.records("projects") if p["load_error"])
    note = f"（其中 {unreadable} 个无法读取，错误记在 projects.load_error）" if unreadable else ""
    sys.stderr.write(f"已写出 {target}：项目 {counts['projects']} 个{note}，问题 {counts['findings']} 条，"
                     f"期限 {counts['deadlines']} 条，阶段变化 {counts['advances']} 条\n")
    return 0
