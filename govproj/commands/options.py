"""What every verb shares on the command line: the typer command class with Chinese help, and the common options.

One meaning per flag across all verbs (tests/test_cli_typer.py holds it): `-j` is always `--jurisdiction`, `-o`
always `--output`, `-k` `--kind`, `-v` `--verbose`, `-h` `--help`; `--jobs` has no short form.
"""
from __future__ import annotations

from typing import Any, Callable, Optional

import click
import typer
from typer.core import TyperCommand

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 120}


class ZhCommand(TyperCommand):
    """A typer command whose help is Chinese, aligned next to wide characters, and keeps its examples' lines."""

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:  # noqa: D102
        from govproj.edges.term import help_text

        formatter.write(help_text(ctx, self))

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:  # noqa: D102
        formatter.write(f"用法：{ctx.command_path} {' '.join(self.collect_usage_pieces(ctx))}\n")


def app() -> typer.Typer:
    """The typer app of one verb (completion is offered once, by the `govproj` group)."""
    return typer.Typer(add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None)


def click_command(verb_app: typer.Typer) -> click.Command:
    """The click command of a verb's typer app."""
    import inspect

    cmd = typer.main.get_command(verb_app)
    # click 8.2+ gives Argument a `help` of its own and resets the one typer set before calling it: put it back
    signature = inspect.signature(verb_app.registered_commands[0].callback)
    for param in cmd.params:
        if isinstance(param, click.Argument) and not getattr(param, "help", None) and param.name in signature.parameters:
            param.help = getattr(signature.parameters[param.name].default, "help", None)
    return cmd


def command(app: typer.Typer, name: str, *, help: str, epilog: str = "",
            settings: dict[str, Any] | None = None) -> Callable:
    """`@command(app, "check", help=…, epilog=…)`: register the verb's function with Chinese help."""
    return app.command(name, cls=ZhCommand, help=help, epilog=epilog, context_settings={**CONTEXT, **(settings or {})})


def choice(*values: str) -> Any:
    return click.Choice(list(values))


# ---- the options several verbs share -----------------------------------------------------------------------------

def jurisdiction(default: Optional[str] = "bj", help: str = "辖区：bj 北京市、xc 西城区、yb 渝北区、jl 吉林省、gs 拱墅区（默认 bj）") -> Any:
    return typer.Option(default, "-j", "--jurisdiction", metavar="辖区", help=help)


def output(help: str = "把结果写入文件而不是标准输出") -> Any:
    return typer.Option(None, "-o", "--output", metavar="文件", help=help)


def fmt(default: str, *values: str, help: str = "输出格式") -> Any:
    return typer.Option(default, "--format", click_type=choice(*values), help=help)


def today(help: str = "以这一天为“今天”判断期限（YYYY-MM-DD），用于复核历史状态") -> Any:
    return typer.Option(None, "--today", metavar="日期", help=help)


NO_CACHE_HELP = "不读也不写缓存（缓存默认在 ~/.cache/govproj，可随时删除；环境变量 GOVPROJ_NO_CACHE=1 同样效果）"
JOBS_HELP = "项目多时使用的并行进程数（默认每个 CPU 核一个；1 表示不并行）"


def no_cache() -> Any:
    return typer.Option(False, "--no-cache", help=NO_CACHE_HELP)


def jobs() -> Any:
    return typer.Option(0, "--jobs", metavar="N", min=0, help=JOBS_HELP)


def paths(help: str = "项目文件夹或包含项目的文件夹（默认当前文件夹）", metavar: str = "路径…") -> Any:
    return typer.Argument(None, metavar=metavar, help=help, show_default=False)


def path(help: str = "项目文件夹（默认当前文件夹）", metavar: str = "项目") -> Any:
    return typer.Argument(".", metavar=metavar, help=help, show_default=False)
