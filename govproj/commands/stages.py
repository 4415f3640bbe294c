"""`govproj stages`: a jurisdiction's stages in order."""
from __future__ import annotations

import argparse
import json
import sys

HELP = "列出阶段"
DESCRIPTION = "列出辖区的项目阶段（编号、中文名、对应的条文部分）。"
EPILOG = "示例：\n  govproj stages --jurisdiction bj\n"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-j", "--jurisdiction", default="bj", help="辖区（默认 bj）")
    parser.add_argument("--format", default="text", choices=["text", "json"], help="输出格式")


def run(args: argparse.Namespace) -> int:
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
