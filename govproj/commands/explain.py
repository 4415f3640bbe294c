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
  govproj explain BJ062 --format markdown > BJ062.md
"""


app = opt.app()


@command(app, "explain", help=DESCRIPTION, epilog=EPILOG)
def main(
    code: str = typer.Argument(..., metavar="规则编号", help="规则编号，如 BJ062（大小写均可）", show_default=False),
    format: str = opt.fmt("text", "text", "json", "markdown"),
) -> int:
    return run(SimpleNamespace(code=code, format=format))


def pack_of(rule):
    """The pack a rule belongs to (by its code's prefix: BJ062 → bj), or None for the GP rules of every pack."""
    from govproj.packs import available, get_pack

    prefix = rule.code[:2].lower()
    return get_pack(prefix) if prefix in available() else None


def scope(rule) -> tuple[str, str]:
    """The stages and kinds a rule applies to, in the pack's Chinese names (ids where a name is unknown)."""
    pack = pack_of(rule)
    names = {s.id: s.name for s in pack.stages} if pack else {}
    kinds = dict(pack.kinds) if pack else {}
    stages = "、".join(names.get(s, s) for s in rule.stages) if rule.stages else "全部阶段"
    return stages, "、".join(kinds.get(k, k) for k in rule.kinds)


def waiver_rule(rule) -> str:
    """Whether a waiver (or a setting) may set the rule aside, and why, in one line."""
    if rule.mandatory:
        return (f"不可豁免：原文“{rule.mandatory}”，是强制性规定；对它的豁免不生效（报 GP040），"
                "settings 也不能降低它的级别")
    if rule.severity == "error":
        return ("可以豁免：在 project.yaml 的 waivers 里记录理由、批准人和到期日；"
                "它是推进阶段的门槛，settings 不能降低它的级别")
    return "可以豁免，也可以在 settings 里调整它的级别"


def bodies_of(rule) -> list:
    """The bodies (govproj.packs.bodies.Bodies) the rule checks `by` against, as its pack declares them."""
    pack = pack_of(rule)
    return [b for b in (pack.bodies if pack else ()) if b.rule == rule.code]


def boundary_lines(rule) -> list[str]:
    """One line a threshold or period: the figure, the text's word, included or not, why, and an example."""
    return [f"{b.what}：原文“{b.word}”，{b.verdict}。{b.why}" + (f"。例：{b.example}" if b.example else "")
            for b in rule.boundaries]


def body_lines(rule) -> list[str]:
    out = []
    for b in bodies_of(rule):
        places = "、".join(b.places)
        out.append(f"{b.procedure}（{b.article}“{b.words}”）：接受 {b.shown()}"
                   + (f"，名称前可带 {places}" if places and b.bodies else "")
                   + f"；读 {b.where}" + (f"；{b.note}" if b.note else "")
                   + f"；其他名称写在 settings.{rule.code}.bodies")
    return out


def explain_markdown(rule) -> str:
    from govproj.core.rules import SEVERITY_ZH

    sections = rule.sections()
    stages, kinds = scope(rule)
    parts = [f"### {rule.code} {rule.name}", "",
             f"- 级别：{SEVERITY_ZH[rule.severity]}（{rule.severity}）",
             f"- 依据：{rule.citation.doc} {rule.citation.article}",
             f"- 适用阶段：{stages}",
             f"- {waiver_rule(rule)}"]
    if kinds:
        parts.append(f"- 项目类型：{kinds}")
    parts += ["", f"> {rule.citation.quote}", ""]
    for title in ("检查内容", "为什么", "通过示例", "不通过示例"):
        if title in sections:
            parts += [f"**{title}**", "", sections[title], ""]
    parts += [f"**提示信息**：{rule.message}", "", f"**处理办法**：{rule.hint}", ""]
    if rule.boundaries:
        parts += ["**边界**（门槛或期限的边界值是否算在内，及其依据）：", *(f"- {line}" for line in boundary_lines(rule)), ""]
    if bodies_of(rule):
        parts += ["**审批机关**（`by` 接受的机关）：", *(f"- {line}" for line in body_lines(rule)), ""]
    if rule.settings:
        parts.append("**参数**（在 project.yaml 的 settings 或 .govproj/config.yaml 设置）：")
        for s in rule.settings:
            default = "未设置（需要用户设置）" if s.default is None else s.default
            parts.append(f"- `{s.name}`（{s.kind}）：{s.help}；默认：{default}")
        parts.append("")
    return "\n".join(parts)


def _plain(markdown: str, indent: str = "  ") -> list[str]:
    """A section's Markdown as terminal text: code fences dropped, their lines indented, emphasis marks removed."""
    lines, in_code = [], False
    for line in markdown.splitlines():
        if line.startswith("```"):
            in_code = not in_code
            continue
        text = line if in_code else line.replace("**", "")
        lines.append(f"{indent}{'    ' if in_code else ''}{text}".rstrip())
    return lines


def explain_text(rule) -> str:
    """The explanation as plain text for a terminal or a log: the same content as the Markdown, no markup."""
    from govproj.core.rules import SEVERITY_ZH

    sections = rule.sections()
    stages, kinds = scope(rule)
    lines = [f"{rule.code}  {rule.name}", "",
             f"级别：{SEVERITY_ZH[rule.severity]}（{rule.severity}）",
             f"依据：{rule.citation.doc} {rule.citation.article}",
             f"适用阶段：{stages}",
             waiver_rule(rule)]
    if kinds:
        lines.append(f"项目类型：{kinds}")
    lines += ["", "原文：", f"  “{rule.citation.quote}”"]
    for title in ("检查内容", "为什么", "通过示例", "不通过示例"):
        if title in sections:
            lines += ["", f"{title}：", *_plain(sections[title])]
    lines += ["", f"提示信息：{rule.message}", f"处理办法：{rule.hint}"]
    if rule.boundaries:
        lines += ["", "边界（门槛或期限的边界值是否算在内，及其依据）：", *(f"  {line}" for line in boundary_lines(rule))]
    if bodies_of(rule):
        lines += ["", "审批机关（by 接受的机关）：", *(f"  {line}" for line in body_lines(rule))]
    if rule.settings:
        lines += ["", "参数（在 project.yaml 的 settings 或 .govproj/config.yaml 设置）："]
        for s in rule.settings:
            default = "未设置（需要用户设置）" if s.default is None else s.default
            lines.append(f"  {s.name}（{s.kind}）：{s.help}；默认：{default}")
    return "\n".join(lines) + "\n"


def run(args: SimpleNamespace) -> int:
    from govproj.packs import find_rule

    rule = find_rule(args.code)
    if args.format == "json":
        stages, kinds = scope(rule)
        payload = {"code": rule.code, "name": rule.name, "severity": rule.severity, "stages": list(rule.stages),
                   "stage_names": stages.split("、") if rule.stages else [], "kinds": list(rule.kinds),
                   "citation": {"doc": rule.citation.doc, "article": rule.citation.article,
                                "quote": rule.citation.quote},
                   "waivable": rule.waivable, "mandatory_word": rule.mandatory or None,
                   "message": rule.message, "hint": rule.hint, "sections": rule.sections(),
                   "settings": [{"name": s.name, "kind": s.kind, "help": s.help, "default": s.default}
                                for s in rule.settings],
                   "boundaries": [{"what": b.what, "word": b.word, "included": b.included, "why": b.why,
                                   "example": b.example} for b in rule.boundaries],
                   "bodies": [{"procedure": b.procedure, "article": b.article, "words": b.words,
                               "accepted": [{"name": x.name, "names": list(x.names)} for x in b.bodies],
                               "places": list(b.places), "field": b.where, "note": b.note} for b in bodies_of(rule)]}
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
    elif args.format == "markdown":
        sys.stdout.write(explain_markdown(rule))
    else:
        sys.stdout.write(explain_text(rule))
    return 0
