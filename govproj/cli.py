"""Command-line wiring only: pick the verb, import its module lazily, parse, run, map errors to exit codes.

argparse rather than typer: govproj runs in pre-commit hooks, and importing typer+rich costs more than the whole
check of one project. Each verb lives in `govproj/commands/<verb>.py` and is imported only when it runs.
"""
from __future__ import annotations

import argparse
import importlib
import sys
from typing import Sequence

from govproj import __version__

# verb -> (module, one-line help). Order is the order of `govproj --help`.
COMMANDS: dict[str, tuple[str, str]] = {
    "new": ("govproj.commands.new", "新建项目文件夹（按辖区生成带中文注释的 YAML 模板）"),
    "check": ("govproj.commands.check", "按辖区规则检查项目，列出每个问题的文件、行号、依据条款和处理办法"),
    "rules": ("govproj.commands.rules", "列出辖区的全部规则（编号、级别、适用阶段、依据）"),
    "explain": ("govproj.commands.explain", "解释一条规则：检查什么、为什么（引用原文）、怎么改"),
    "schema": ("govproj.commands.schema", "导出项目文件的 JSON Schema，供编辑器补全和校验"),
    "stages": ("govproj.commands.stages", "列出辖区的项目阶段"),
    "advance": ("govproj.commands.advance", "在门槛条件满足时推进到下一阶段，并以 git 提交留痕"),
    "log": ("govproj.commands.log", "查看项目的审计轨迹（何时、何人、从哪个阶段到哪个阶段、证据）"),
    "verify": ("govproj.commands.verify", "回放 git 历史，逐条核验审计轨迹"),
    "diff": ("govproj.commands.diff", "对比批复基线，列出变更及辖区规定的变更程序"),
    "workdays": ("govproj.commands.workdays", "按国务院放假安排（含调休）计算工作日"),
    "deadlines": ("govproj.commands.deadlines", "列出由已记录事件推出的到期日和逾期事项"),
    "status": ("govproj.commands.status", "一览目录下全部项目：辖区、阶段、下一个期限、问题数"),
    "render": ("govproj.commands.render", "把项目生成可打印、签字、盖章的 .docx 表单"),
    "hook": ("govproj.commands.hook", "供 pre-commit 调用：检查暂存文件涉及的项目，拒绝手工修改阶段"),
}

_ARGPARSE_ZH = {
    "usage: ": "用法：",
    "options": "选项",
    "positional arguments": "位置参数",
    "show this help message and exit": "显示本帮助并退出",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选项 %(value)r（可选：%(choices)s）",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "expected one argument": "需要一个值",
    "expected at least one argument": "至少需要一个值",
    "invalid %(type)s value: %(value)r": "无效的 %(type)s 值：%(value)r",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 有歧义，可能是 %(matches)s",
}


def _zh(message: str) -> str:
    return _ARGPARSE_ZH.get(message, message)


argparse._ = _zh  # type: ignore[attr-defined]  # argparse looks its messages up through this name


class _Parser(argparse.ArgumentParser):
    """argparse with Chinese messages and exit code 2 for usage errors."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"{self.prog}：错误：{message}\n  查看帮助：{self.prog} --help\n")
        raise SystemExit(2)


def _top_parser() -> argparse.ArgumentParser:
    verbs = "\n".join(f"  {name:<10}{text}" for name, (_, text) in COMMANDS.items())
    parser = _Parser(
        prog="govproj",
        description="政务信息化项目全流程管理：项目是一个由 git 管理的 YAML 文件夹，govproj 按辖区规则检查、推进、留痕、出表。",
        epilog=f"命令：\n{verbs}\n\n示例：\n"
        "  govproj new projects/gis-upgrade --jurisdiction bj --kind upgrade\n"
        "  govproj check projects/gis-upgrade\n"
        "  govproj check projects/ --format json\n"
        "  govproj explain BJ062\n\n"
        "每个命令的帮助：govproj <命令> --help",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        add_help=False,
    )
    parser.add_argument("-h", "--help", action="help", help="显示本帮助并退出")
    parser.add_argument("--version", action="version", version=f"govproj {__version__}", help="显示版本号并退出")
    return parser


def build_parser(verb: str) -> tuple[argparse.ArgumentParser, object]:
    """The parser for one verb, with only that verb's module imported."""
    module_name, text = COMMANDS[verb]
    module = importlib.import_module(module_name)
    parser = _Parser(
        prog=f"govproj {verb}",
        description=getattr(module, "DESCRIPTION", text),
        epilog=getattr(module, "EPILOG", None),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        add_help=False,
    )
    parser.add_argument("-h", "--help", action="help", help="显示本帮助并退出")
    module.add_arguments(parser)  # type: ignore[attr-defined]
    return parser, module


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    _utf8_stdio()
    if not args or args[0] in ("-h", "--help", "--version") or args[0].startswith("-"):
        parser = _top_parser()
        if not args:
            parser.print_help()
            return 0
        parser.parse_args(args)  # prints help/version and exits, or reports the unknown option
        return 0
    verb = args[0]
    if verb not in COMMANDS:
        import difflib

        close = difflib.get_close_matches(verb, list(COMMANDS), n=1)
        hint = f"，是不是要用 `govproj {close[0]}`？" if close else ""
        sys.stderr.write(f"govproj：错误：没有命令 `{verb}`{hint}\n  全部命令：govproj --help\n")
        return 2
    from govproj.errors import GovprojError

    try:
        parser, module = build_parser(verb)
        ns = parser.parse_args(args[1:])
        return int(module.run(ns))  # type: ignore[attr-defined]
    except SystemExit as exc:  # argparse --help / usage errors
        code = exc.code
        return code if isinstance(code, int) else (0 if code is None else 2)
    except GovprojError as exc:
        sys.stderr.write(exc.render() + "\n")
        return exc.exit_code
    except KeyboardInterrupt:
        sys.stderr.write("已中断。\n")
        return 130
    except BrokenPipeError:
        return 0
    except ModuleNotFoundError as exc:
        sys.stderr.write(f"错误：缺少依赖的 Python 包“{exc.name}”，govproj {verb} 无法运行\n"
                         "  处理办法：重新安装 govproj（pip install --upgrade govproj，或在源码目录 pip install .）\n")
        return 2
    except Exception as exc:  # a bug of ours: say so plainly; the traceback only on request
        import os
        import traceback

        if os.environ.get("GOVPROJ_DEBUG"):
            traceback.print_exc()
        sys.stderr.write(f"错误：govproj 内部错误（{type(exc).__name__}：{exc}）\n"
                         "  处理办法：这是 govproj 的缺陷，不是您的数据问题；请设置环境变量 GOVPROJ_DEBUG=1 重新运行，"
                         "把输出连同命令一起报告给维护者\n")
        return 3


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
