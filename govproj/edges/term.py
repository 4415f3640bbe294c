"""Terminal output through rich: help, tables and progress that line up next to Chinese text.

Only the terminal paths import this module: `rich_enabled(stream)` is the gate. In CI, in pipes, with `NO_COLOR`
or a machine format the commands print their plain text, byte for byte as before, and rich is not imported.
"""
from __future__ import annotations

import io
import os
from typing import TYPE_CHECKING, Any, Iterable, Sequence, TextIO

if TYPE_CHECKING:
    import click

WIDTH = 100  # help and tables written to a pipe or a file: wide enough for a Chinese help line and its option


def rich_enabled(stream: TextIO) -> bool:
    """Colour and rich layout only on an interactive terminal that has not asked for plain text."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb" or os.environ.get("CI"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def console(stream: TextIO | None = None, *, color: bool | None = None, width: int | None = None) -> Any:
    import sys

    from rich.console import Console

    target = stream if stream is not None else sys.stdout
    colored = rich_enabled(target) if color is None else color
    isatty = getattr(target, "isatty", None)
    if width is None and not (isatty and isatty()):  # a file, a pipe, a forced colour: COLUMNS or a fixed width
        width = int(os.environ["COLUMNS"]) if os.environ.get("COLUMNS", "").isdigit() else WIDTH
    return Console(file=target, force_terminal=colored, no_color=not colored, highlight=False, width=width,
                   soft_wrap=False, emoji=False, legacy_windows=False)


# ---- help ---------------------------------------------------------------------------------------------------------

def _param_row(ctx: "click.Context", param: Any) -> tuple[str, str]:
    import click

    if isinstance(param, click.Argument):
        name = param.metavar or param.human_readable_name
        return name, getattr(param, "help", "") or ""
    names = ", ".join(sorted(param.opts, key=len) + list(param.secondary_opts))
    if not param.is_flag and not param.count:
        if param.metavar:
            names += f" {param.metavar}"
        elif isinstance(param.type, click.Choice):
            names += " [" + "|".join(map(str, param.type.choices)) + "]"
        else:
            names += f" {param.type.name.upper()}"
    text = param.help or ""
    default = param.default
    if param.show_default is not False and not param.is_flag and default not in (None, "", (), [], 0, False) \
            and not callable(default):
        text += f"（默认：{default}）"
    if param.required:
        text += "（必填）"
    return names, text


def help_text(ctx: "click.Context", cmd: "click.Command", *, color: bool | None = None) -> str:
    """A command's or the group's help as text: Chinese headings, columns measured in display width."""
    import sys

    import click
    from rich.table import Table
    from rich.text import Text

    buffer = io.StringIO()
    colored = rich_enabled(sys.stdout) if color is None else color
    out = console(buffer, color=colored, width=console(sys.stdout).width)
    usage = " ".join(cmd.collect_usage_pieces(ctx)).replace("[OPTIONS]", "[选项]").replace(
        "COMMAND [ARGS]...", "命令 [参数]…")
    out.print(Text.assemble(("用法：", "bold"), f"{ctx.command_path} {usage}"))
    if cmd.help:
        out.print()
        out.print(Text(cmd.help.strip("\n")), soft_wrap=True)

    def section(title: str, rows: Sequence[tuple[str, str]]) -> None:
        if not rows:
            return
        out.print()
        out.print(Text(title, style="bold"))
        table = Table.grid(padding=(0, 2))
        table.add_column(style="cyan" if colored else "", no_wrap=True)
        table.add_column(overflow="fold")
        for left, right in rows:
            table.add_row(Text("  " + left), Text(right))
        out.print(table)

    params = [p for p in cmd.get_params(ctx) if not getattr(p, "hidden", False)]
    section("参数：", [_param_row(ctx, p) for p in params if isinstance(p, click.Argument)])
    section("选项：", [_param_row(ctx, p) for p in params if not isinstance(p, click.Argument)])
    if isinstance(cmd, click.Group):
        rows = []
        for name in cmd.list_commands(ctx):
            short = getattr(cmd, "short_help_for", lambda n: "")(name)
            rows.append((name, short))
        section("命令：", rows)
    if cmd.epilog:
        out.print()
        out.print(Text(cmd.epilog.strip("\n")), soft_wrap=True)
    return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())


# ---- tables -------------------------------------------------------------------------------------------------------

def table(stream: TextIO, columns: Sequence[str], rows: Iterable[Sequence[Any]], *, title: str | None = None,
          styles: Sequence[str] | None = None, row_styles: Iterable[str | None] | None = None,
          justify: dict[int, str] | None = None, no_wrap: Sequence[int] = ()) -> None:
    """One table on a terminal: headers, wide characters measured right, long cells folded within the width."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    out = console(stream)
    grid = Table(title=title, box=box.SIMPLE_HEAD, header_style="bold", title_justify="left", pad_edge=False,
                 show_edge=False)
    for index, name in enumerate(columns):
        grid.add_column(name, style=(styles[index] if styles else None) or None, overflow="fold",
                        justify=(justify or {}).get(index, "left"), no_wrap=index in no_wrap)  # type: ignore[arg-type]
    marks = list(row_styles) if row_styles is not None else []
    for index, row in enumerate(rows):
        style = marks[index] if index < len(marks) else None
        grid.add_row(*[cell if isinstance(cell, Text) else Text(str(cell)) for cell in row], style=style)
    out.print(grid)


def text(value: str, style: str | None = None) -> Any:
    from rich.text import Text

    return Text(value, style=style or "")


# ---- progress -----------------------------------------------------------------------------------------------------

class Progress:
    """A rich progress bar on stderr for long runs; `step()` and `done()` as the batch runner calls them."""

    def __init__(self, total: int, label: str, stream: TextIO) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress as RichProgress, TextColumn, \
            TimeRemainingColumn

        self._bar = RichProgress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TextColumn("剩余"),
                                 TimeRemainingColumn(), console=console(stream), transient=True)
        self._task = self._bar.add_task(label, total=total)
        self._bar.start()

    def step(self, n: int = 1) -> None:
        self._bar.advance(self._task, n)

    def done(self) -> None:
        self._bar.stop()


# ---- findings -----------------------------------------------------------------------------------------------------

SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def findings(results: Sequence[Any], stream: TextIO) -> None:
    """`check`'s findings on a terminal: the plain layout (project, file, line, rule), coloured by severity."""
    from rich.text import Text

    from govproj.core.diagnostics import summary
    from govproj.core.rules import SEVERITY_ZH

    out = console(stream)
    for r in results:
        pack_stage = f"{r.jurisdiction} · 阶段 {r.stage}" + (f" → 检查 {r.checked_stage}" if r.checked_stage != r.stage else "")
        if r.error:
            out.print(Text(r.project, "bold"))
            out.print(Text(f"  无法读取：{r.error}", "red"))
            out.print()
            continue
        head = Text.assemble((r.project, "bold"), (f"（{pack_stage}）", "dim"))
        if not r.diagnostics:
            out.print(head + Text("  ✓ 没有发现问题", "green"))
            continue
        out.print(head)
        current = None
        for d in sorted(r.diagnostics):
            if d.file != current:
                current = d.file
                out.print(Text(f"  {d.file}", "bold"))
            out.print(Text.assemble(f"    {d.line}:{d.column}  ", (SEVERITY_ZH[d.severity], SEVERITY_STYLE[d.severity]),
                                    "  ", (d.code, "bold"), f"  {d.message}"))
            out.print(Text(f"        处理办法：{d.hint}", "dim"))
            out.print(Text(f"        依据：{d.citation}", "dim"))
        out.print()
    s = summary(results)
    line = f"共检查 {s['projects']} 个项目：错误 {s['errors']}，警告 {s['warnings']}，提示 {s['infos']}"
    if s["waived"]:
        line += f"，已豁免 {s['waived']}"
    if s["unreadable"]:
        line += f"，无法读取 {s['unreadable']}"
    out.print(Text(line, "bold red" if s["errors"] else "green"))
