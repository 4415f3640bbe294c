"""`govproj stages`: a jurisdiction's stages in order."""
from __future__ import annotations

import json
import sys
from types import SimpleNamespace
from typing import Optional

import typer

from govproj.commands import options as opt
from govproj.commands.options import command

HELP = "列出阶段"
DESCRIPTION = "列出辖区的项目阶段：编号、中文名、依据的条文、是否确定批复基线；--kind 只列一类项目经过的阶段。"
EPILOG = "示例：\n  govproj stages --jurisdiction bj\n  govproj stages -j yb --kind om        # 渝北运维类项目经过的阶段\n  govproj stages -j jl --format json\n"


app = opt.app()


@command(app, "stages", help=DESCRIPTION, epilog=EPILOG)
def main(
    jurisdiction: str = opt.jurisdiction(),
    kind: Optional[str] = typer.Option(None, "-k", "--kind", metavar="类型",
                                       help="只列这一类型项目经过的阶段（如 bj：new、upgrade）"),
    format: str = opt.fmt("text", "text", "json"),
) -> int:
    return run(SimpleNamespace(jurisdiction=jurisdiction, kind=kind, format=format))


def run(args: SimpleNamespace) -> int:
    from govproj.errors import UsageError
    from govproj.packs import get_pack

    pack = get_pack(args.jurisdiction)
    kinds = dict(pack.kinds)
    if args.kind and args.kind not in kinds:
        raise UsageError(f"{pack.name}没有项目类型“{args.kind}”",
                         hint="可选：" + "、".join(f"{k}（{v}）" for k, v in pack.kinds))
    stages = [s for s in pack.stages if not args.kind or not s.kinds or args.kind in s.kinds]
    records = [{"id": s.id, "name": s.name, "article": s.article, "baseline": s.baseline, "optional": s.optional,
                "kinds": list(s.kinds) or list(kinds)} for s in stages]
    if args.format == "json":
        json.dump(records, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    title = f"{pack.name}{('（' + kinds[args.kind] + '项目）') if args.kind else ''}：{len(records)} 个阶段"

    def notes(r: dict) -> str:
        marks = ["批复基线"] if r["baseline"] else []
        if r["optional"]:
            marks.append("可跳过")
        if not args.kind and len(r["kinds"]) < len(kinds):
            marks.append("仅" + "、".join(kinds[k] for k in r["kinds"]))
        return "；".join(marks)

    from govproj.edges.term import rich_enabled

    if rich_enabled(sys.stdout):
        from govproj.edges import term

        term.table(sys.stdout, ("序号", "编号", "阶段", "依据", "说明"),
                   [(str(i), r["id"], r["name"], r["article"], notes(r)) for i, r in enumerate(records, 1)],
                   title=title, styles=("dim", "cyan", "bold", "", "yellow"))
        return 0
    sys.stdout.write(title + "\n")
    width = max(len(r["id"]) for r in records) + 2
    for index, r in enumerate(records, 1):
        note = f"（{notes(r)}）" if notes(r) else ""
        article = f"  依据：{r['article']}" if r["article"] else ""
        sys.stdout.write(f"{index:>2}. {r['id']:<{width}}{r['name']}{note}{article}\n")
    return 0
