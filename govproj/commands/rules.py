"""`govproj rules`: every rule of a jurisdiction with code, severity, stages and citation."""
from __future__ import annotations

import json
import sys
from types import SimpleNamespace

import typer

from govproj.commands import options as opt
from govproj.commands.options import command

HELP = "列出规则"
DESCRIPTION = "列出辖区的全部规则（含所有辖区通用的 GP 格式规则）：编号、级别、适用阶段、依据文号和条款。"
EPILOG = """示例：
  govproj rules --jurisdiction bj
  govproj rules --jurisdiction bj --format json
"""


app = opt.app()


@command(app, "rules", help=DESCRIPTION, epilog=EPILOG)
def main(
    jurisdiction: str = opt.jurisdiction(),
    format: str = opt.fmt("text", "text", "json", "markdown"),
) -> int:
    return run(SimpleNamespace(jurisdiction=jurisdiction, format=format))


def rule_record(rule, pack) -> dict:
    stage_names = {s.id: s.name for s in pack.stages}
    return {
        "code": rule.code,
        "name": rule.name,
        "severity": rule.severity,
        "stages": list(rule.stages) or [s.id for s in pack.stages],
        "stage_names": [stage_names.get(s, s) for s in (rule.stages or [s.id for s in pack.stages])],
        "kinds": list(rule.kinds),
        "citation": {"doc": rule.citation.doc, "article": rule.citation.article, "quote": rule.citation.quote},
        "message": rule.message,
        "hint": rule.hint,
        "settings": [{"name": s.name, "kind": s.kind, "help": s.help, "default": s.default} for s in rule.settings],
    }


def run(args: SimpleNamespace) -> int:
    from govproj.packs import get_pack, shared
    from govproj.core.rules import SEVERITY_ZH

    pack = get_pack(args.jurisdiction)
    rules = list(shared.RULES) + list(pack.rules)
    records = [rule_record(r, pack) for r in rules]
    if args.format == "json":
        json.dump({"jurisdiction": pack.id, "document": pack.doc, "title": pack.title, "rules": records},
                  sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    if args.format == "markdown":
        sys.stdout.write(markdown(pack, records))
        return 0
    title = f"{pack.name} {pack.doc}{pack.title}：{len(records)} 条规则"
    from govproj.edges.term import rich_enabled

    if rich_enabled(sys.stdout):
        from govproj.edges import term

        tones = {"error": "red", "warning": "yellow", "info": "cyan"}
        rows = []
        for r in records:
            stages = "全部阶段" if len(r["stages"]) == len(pack.stages) else "、".join(r["stage_names"])
            kinds = "、".join(dict(pack.kinds).get(k, k) for k in r["kinds"]) or "全部"
            rows.append((term.text(r["code"], "bold"), term.text(SEVERITY_ZH[r["severity"]], tones[r["severity"]]),
                         r["name"], stages, kinds, f"{r['citation']['doc']} {r['citation']['article']}"))
        term.table(sys.stdout, ("编号", "级别", "名称", "适用阶段", "项目类型", "依据"), rows, title=title)
        return 0
    sys.stdout.write(title + "\n\n")
    for r in records:
        stages = "全部阶段" if len(r["stages"]) == len(pack.stages) else "、".join(r["stage_names"])
        kinds = f" [{'、'.join(dict(pack.kinds).get(k, k) for k in r['kinds'])}]" if r["kinds"] else ""
        sys.stdout.write(f"{r['code']}  {SEVERITY_ZH[r['severity']]}  {r['name']}{kinds}\n")
        sys.stdout.write(f"        依据：{r['citation']['doc']} {r['citation']['article']}；阶段：{stages}\n")
    return 0


def markdown(pack, records: list[dict]) -> str:
    from govproj.core.rules import SEVERITY_ZH

    lines = [f"## {pack.name}：{pack.doc}{pack.title}", "",
             "| 编号 | 名称 | 级别 | 适用阶段 | 项目类型 | 依据 |", "|---|---|---|---|---|---|"]
    for r in records:
        stages = "全部" if len(r["stages"]) == len(pack.stages) else "、".join(r["stage_names"])
        kinds = "、".join(dict(pack.kinds).get(k, k) for k in r["kinds"]) or "全部"
        lines.append(f"| {r['code']} | {r['name']} | {SEVERITY_ZH[r['severity']]} | {stages} | {kinds} | "
                     f"{r['citation']['doc']} {r['citation']['article']} |")
    return "\n".join(lines) + "\n"
