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
DESCRIPTION = "列出辖区的项目阶段（编号、中文名、对应的条文部分）。"
EPILOG = "示例：\n  govproj stages --jurisdiction bj\n"


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
    from govproj.packs import get_pack

    pack = get_pack(args.jurisdiction)
    if args.format == "json":
        json.dump([{"id": s.id, "name": s.name, "article": s.article, "baseline": s.baseline} for s in pack.stages],
                  sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    for index, s in enumerate(pack.stages, 1):
        mark = "（批复基线）" if s.baseline else ""
        sys.stdout.write(f"{index}. {s.id:<12}{s.name}{mark}\n")
    return 0
