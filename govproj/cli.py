"""Command-line wiring only: a typer group whose verbs are imported on demand, Chinese usage errors, exit codes.

Each verb is a typer command in `govproj/commands/<verb>.py`. The table below names them with their one-line help,
so `govproj --help` and `govproj check` import only what they run (click's lazy-group pattern); pre-commit starts
govproj on every commit. Exit codes: 0 clean, 1 findings, 2 usage or unreadable input, 3 a defect of govproj.
"""
from __future__ import annotations

import importlib
import os
import sys
from typing import Any, Sequence

import click
import typer
from typer.core import TyperGroup

from govproj import __version__
from govproj.commands.options import CONTEXT

# verb -> (module, one-line help). Order is the order of `govproj --help`.
COMMANDS: dict[str, tuple[str, str]] = {
    "new": ("govproj.commands.new", "新建项目文件夹（按辖区生成带中文注释的 YAML 模板）"),
    "check": ("govproj.commands.check", "按辖区规则检查项目，列出每个问题的文件、行号、依据条款和处理办法"),
    "rules": ("govproj.commands.rules", "列出辖区的全部规则（编号、级别、适用阶段、依据）"),
    "explain": ("govproj.commands.explain", "解释一条规则：检查什么、为什么（引用原文）、怎么改"),
    "schema": ("govproj.commands.schema", "导出项目文件的 JSON Schema，供编辑器补全和校验"),
    "stages": ("govproj.commands.stages", "列出辖区的项目阶段"),
    "advance": ("govproj.commands.advance", "在门槛条件满足时推进到下一阶段，并以 git 提交留痕"),
    "record": ("govproj.commands.record", "记录已发生的事件、材料和签字（写入对应的 YAML 文件，保留注释）"),
    "log": ("govproj.commands.log", "查看项目的审计轨迹（何时、何人、从哪个阶段到哪个阶段、证据）"),
    "verify": ("govproj.commands.verify", "回放 git 历史，逐条核验审计轨迹"),
    "diff": ("govproj.commands.diff", "对比批复基线，列出变更及辖区规定的变更程序"),
    "workdays": ("govproj.commands.workdays", "按国务院放假安排（含调休）计算工作日"),
    "deadlines": ("govproj.commands.deadlines", "列出由已记录事件推出的到期日和逾期事项"),
    "status": ("govproj.commands.status", "一览目录下全部项目：辖区、阶段、下一个期限、问题数"),
    "export": ("govproj.commands.export", "把项目导出为快照（SQLite、Parquet、JSONL），供评审汇总查询"),
    "report": ("govproj.commands.report", "生成给评审看的 HTML 汇总报告（单个文件，可打印）"),
    "render": ("govproj.commands.render", "把项目生成可打印、签字、盖章的 .docx 表单"),
    "archive": ("govproj.commands.archive", "把项目档案打成一个可核验的 zip（文件、证据、表单、轨迹）"),
    "hook": ("govproj.commands.hook", "供 pre-commit 调用：检查暂存文件涉及的项目，拒绝手工修改阶段"),
}

DESCRIPTION = ("政务信息化项目全流程管理：项目是一个由 git 管理的 YAML 文件夹，govproj 按辖区规则检查、推进、留痕、出表。")
EPILOG = """示例：
  govproj new projects/gis-upgrade --jurisdiction bj --kind upgrade
  govproj check projects/gis-upgrade
  govproj check projects/ --format json
  govproj explain BJ062

每个命令的帮助：govproj <命令> --help
命令补全：govproj --install-completion（bash、zsh），或 govproj --show-completion bash 查看脚本"""


class LazyGroup(TyperGroup):
    """Verbs listed from the static table; a verb's module is imported only when that verb is looked up."""

    def list_commands(self, ctx: click.Context) -> list[str]:  # noqa: D102
        return list(COMMANDS)

    def short_help_for(self, name: str) -> str:
        return COMMANDS[name][1]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:  # noqa: D102
        if cmd_name not in COMMANDS:
            return None
        from govproj.commands.options import click_command

        return click_command(importlib.import_module(COMMANDS[cmd_name][0]).app)

    def resolve_command(self, ctx: click.Context, args: list[str]) -> tuple[Any, Any, list[str]]:  # noqa: D102
        name = click.utils.make_str(args[0])
        if name not in COMMANDS and not name.startswith("-"):
            raise UnknownVerb(name)
        return super().resolve_command(ctx, args)

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:  # noqa: D102
        from govproj.edges.term import help_text

        formatter.write(help_text(ctx, self))

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:  # noqa: D102
        formatter.write(f"用法：{ctx.command_path} [选项] 命令 [参数]…\n")


class UnknownVerb(click.UsageError):
    def __init__(self, name: str) -> None:
        import difflib

        close = difflib.get_close_matches(name, list(COMMANDS), n=1)
        hint = f"，是不是要用 `govproj {close[0]}`？" if close else ""
        super().__init__(f"没有命令 `{name}`{hint}")


def _version(value: bool) -> None:
    if value:
        click.echo(f"govproj {__version__}")
        raise typer.Exit(0)


SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")


def _shell(value: str) -> str:
    if value:
        return value
    from typer.completion import _get_shell_name  # shellingham: the shell that started govproj

    detected = _get_shell_name() or os.path.basename(os.environ.get("SHELL", ""))
    if detected not in SHELLS:
        raise click.UsageError("无法判断当前使用的 shell，请写明：--show-completion bash（或 zsh、fish、powershell）")
    return detected


def _show_completion(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    if value is None or ctx.resilient_parsing:
        return
    from typer.completion import get_completion_script

    click.echo(get_completion_script(prog_name="govproj", complete_var="_GOVPROJ_COMPLETE", shell=_shell(value)))
    ctx.exit(0)


def _install_completion(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    if value is None or ctx.resilient_parsing:
        return
    from typer.completion import install

    shell, path = install(shell=_shell(value), prog_name="govproj", complete_var="_GOVPROJ_COMPLETE")
    click.echo(f"已为 {shell} 安装命令补全：{path}\n重新打开终端后生效。")
    ctx.exit(0)


def _completion_options() -> list[click.Option]:
    """`--show-completion [SHELL]` and `--install-completion [SHELL]`: typer's scripts, the shell named or detected."""
    common = {"is_flag": False, "flag_value": "", "default": None, "expose_value": False, "is_eager": True,
              "type": click.Choice(SHELLS), "metavar": "[SHELL]"}
    return [
        click.Option(["--install-completion"], callback=_install_completion,
                     help="为 shell 安装命令补全（bash、zsh、fish、powershell；省略时按当前 shell）", **common),
        click.Option(["--show-completion"], callback=_show_completion,
                     help="显示命令补全脚本（可写 shell 名，如 --show-completion bash），以便复制或自定义安装", **common),
    ]


def build() -> click.Command:
    from typer.completion import completion_init

    completion_init()  # typer's completion classes for bash, zsh, fish and PowerShell
    app = typer.Typer(cls=LazyGroup, add_completion=False, context_settings=CONTEXT, help=DESCRIPTION,
                      epilog=EPILOG, rich_markup_mode=None, pretty_exceptions_enable=False)

    @app.callback()
    def root(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                          help="显示版本号并退出")) -> None:
        """政务信息化项目全流程管理。"""

    group = typer.main.get_command(app)
    group.params.extend(_completion_options())
    return group


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    _utf8_stdio()
    from govproj.commands.zh import install

    install()
    group = build()
    if not args and "_GOVPROJ_COMPLETE" not in os.environ:  # bare `govproj`: the verbs (completion has no args)
        click.echo(group.get_help(click.Context(group, info_name="govproj")))
        return 0
    verb = args[0] if args and args[0] in COMMANDS else ""
    from govproj.errors import GovprojError

    try:
        result = group.main(args=args, prog_name="govproj", standalone_mode=False)
    except click.exceptions.NoArgsIsHelpError as exc:
        click.echo(exc.ctx.get_help() if exc.ctx else "")
        return 0
    except click.UsageError as exc:
        where = exc.ctx.command_path if exc.ctx else "govproj"
        sys.stderr.write(f"{where}：错误：{exc.format_message()}\n  查看帮助：{where} --help\n")
        return 2
    except click.exceptions.Exit as exc:
        return int(exc.exit_code or 0)
    except click.ClickException as exc:  # a bad file name given to an option of ours, and the like
        sys.stderr.write(f"错误：{exc.format_message()}\n")
        return 2
    except GovprojError as exc:
        sys.stderr.write(exc.render() + "\n")
        return exc.exit_code
    except (KeyboardInterrupt, click.exceptions.Abort):
        sys.stderr.write("已中断。\n")
        return 130
    except BrokenPipeError:
        return 0
    except ModuleNotFoundError as exc:
        name = f"govproj {verb}" if verb else "govproj"
        sys.stderr.write(f"错误：缺少依赖的 Python 包“{exc.name}”，{name} 无法运行\n"
                         "  处理办法：重新安装 govproj（pip install --upgrade govproj，或在源码目录 pip install .）\n")
        return 2
    except Exception as exc:  # a bug of ours: say so plainly; the traceback only on request
        import traceback

        if os.environ.get("GOVPROJ_DEBUG"):
            traceback.print_exc()
        sys.stderr.write(f"错误：govproj 内部错误（{type(exc).__name__}：{exc}）\n"
                         "  处理办法：这是 govproj 的缺陷，不是您的数据问题；请设置环境变量 GOVPROJ_DEBUG=1 重新运行，"
                         "把输出连同命令一起报告给维护者\n")
        return 3
    return int(result or 0)


def _utf8_stdio() -> None:
    """Chinese output must not crash on a console whose encoding is not UTF-8 (Windows, LANG=C in CI)."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and (getattr(stream, "encoding", "") or "").lower().replace("-", "") != "utf8":
            try:
                reconfigure(encoding="utf-8", errors="replace")
            except (ValueError, OSError):
                pass


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
