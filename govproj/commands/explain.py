"""`govproj explain CODE`: what a rule checks, why (the article quoted), and how to fix, as text or JSON."""
from __future__ import annotations

import json
import sys
from types import SimpleNamespace

import typer

from govproj.commands import options as opt
from govproj.commands.options import command

HELP = "解释规则"
DESCRIPTION = "说明一条规则：检查什么、为什么（引用管理办法原文）、通过和不通过的示例、怎么改。"
EPILOG = """示例：
  govproj explain BJ062
  govproj explain bj062 --format json
"""


app = opt.app()


@command(app, "explain", help=DESCRIPTION, epilog=EPILOG)
def main(
    code: str = typer.Argument(..., metavar="规则编号", help="规则编号，如 BJ062（大小写均可）", show_default=False),
    format: str = opt.fmt("text", "text", "json", "markdown"),
) -> int:
    return run(SimpleNamespace(code=code, format=format))


def explain_markdown(rule) -> str:
    from govproj.core.rules import SEVERITY_ZH

    sections = rule.sections()
    parts = [f"### {rule.code} {rule.name}", "",
             f"- 级别：{SEVERITY_ZH[rule.severity]}（{rule.severity}）",
             f"- 依据：{rule.citation.doc} {rule.citation.article}",
             f"- 适用阶段：{'、'.join(rule.stages) if rule.stages else '全部阶段'}"]
    if rule.kinds:
        parts.append(f"- 项目类型：{'、'.join(rule.kinds)}")
    parts += ["", f"> {rule.citation.quote}", ""]
    for title in ("检查内容", "为什么", "通过示例", "不通过示例"):
        if title in sections:
            parts += [f"**{title}**", "", sections[title], ""]
    parts += [f"**提示信息**：{rule.message}", "", f"**处理办法**：{rule.hint}", ""]
    if rule.settings:
        parts.append("**参数**（在 project.yaml 的 settings 或 .govproj/config.yaml 设置）：")
        for s in rule.settings:
            default = "未设置（需要用户设置）" if s.default is None else s.default
            parts.append(f"- `{s.name}`（{s.kind}）：{s.help}；默认：{default}")
        parts.append("")
    return "\n".join(parts)


def run(args: SimpleNamespace) -> int:
    from govproj.packs import find_rule

    rule = find_rule(args.code)
    if args.format == "json":
        payload = {"code": rule.code, "name": rule.name, "severity": rule.severity, "stages": list(rule.stages),
                   "kinds": list(rule.kinds),
                   "citation": {"doc": rule.citation.doc, "article": rule.citation.article,
                                "quote": rule.citation.quote},
                   "message": rule.message, "hint": rule.hint, "sections": rule.sections(),
                   "settings": [{"name": s.name, "kind": s.kind, "help": s.help, "default": s.default}
                                for s in rule.settings]}
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(explain_markdown(rule))
    return 0
