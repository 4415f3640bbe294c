"""`govproj schema`: the JSON Schema of the project files, generated from the same declarations as the checks."""
from __future__ import annotations

import json
import sys
from types import SimpleNamespace
from typing import Optional

import typer

from govproj.commands import options as opt
from govproj.commands.options import command

HELP = "导出 JSON Schema"
DESCRIPTION = "导出项目文件的 JSON Schema（draft 2020-12），供 VS Code 等编辑器补全和校验。"
EPILOG = """示例：
  govproj schema --jurisdiction bj > govproj-bj.schema.json
  govproj schema --jurisdiction bj --file budget.yaml
"""


app = opt.app()


@command(app, "schema", help=DESCRIPTION, epilog=EPILOG)
def main(
    jurisdiction: str = opt.jurisdiction(),
    file: Optional[str] = typer.Option(None, "--file", metavar="文件名", help="只导出一个文件的 Schema，如 budget.yaml"),
) -> int:
    return run(SimpleNamespace(jurisdiction=jurisdiction, file=file))


def run(args: SimpleNamespace) -> int:
    from govproj.errors import UsageError
    from govproj.core.fields import json_schema
    from govproj.core.format import FILES, file_specs
    from govproj.packs import get_pack

    pack = get_pack(args.jurisdiction)
    specs = file_specs(pack)
    if args.file:
        if args.file not in specs:
            raise UsageError(f"没有文件“{args.file}”", hint="可选：" + "、".join(FILES))
        schema = json_schema(specs[args.file])
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["title"] = f"govproj {pack.id} {args.file}"
    else:
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema",
                  "title": f"govproj {pack.id} project files",
                  "$defs": {name: json_schema(spec) for name, spec in specs.items()}}
    json.dump(schema, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0
