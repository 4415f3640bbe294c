"""`govproj new`: scaffold a project folder for a jurisdiction, blank with comments or filled with an example."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Optional

import typer

from govproj.commands import options as opt
from govproj.commands.options import command
from govproj.errors import UsageError

HELP = "新建项目文件夹"
DESCRIPTION = ("按辖区生成项目文件夹：每个文件、每个字段都带中文注释；--example 生成一个填好示例数据的项目。\n"
               "已存在的文件一律不覆盖：只要有一个文件已存在，就什么也不写并列出这些文件。")
EPILOG = """示例：
  govproj new projects/gis-upgrade --jurisdiction bj --kind upgrade
  govproj new projects/hotline --jurisdiction bj --kind new --example
  govproj new projects/x --jurisdiction bj --kind new --name "某某系统建设项目" --unit "某某局"
"""

SCHEMA_DIR = ".schema"


app = opt.app()


@command(app, "new", help=DESCRIPTION, epilog=EPILOG)
def main(
    path: str = typer.Argument(..., metavar="项目", help="项目文件夹（不存在时创建）", show_default=False),
    jurisdiction: str = opt.jurisdiction(..., help="辖区：bj 北京市、xc 西城区、yb 渝北区、jl 吉林省、gs 拱墅区"),
    kind: Optional[str] = typer.Option(None, "-k", "--kind", metavar="类型",
                                       help="项目类型（如 bj：new 新建、upgrade 升级改造）；省略时取辖区的第一种"),
    example: bool = typer.Option(False, "--example", help="填入该辖区、该类型的示例数据（含证据占位文件）"),
    name: Optional[str] = typer.Option(None, "--name", metavar="名称", help="项目名称"),
    unit: Optional[str] = typer.Option(None, "--unit", metavar="单位", help="项目单位"),
    project_id: Optional[str] = typer.Option(None, "--id", metavar="编号", help="项目编号（默认取文件夹名）"),
) -> int:
    return run(SimpleNamespace(path=path, jurisdiction=jurisdiction, kind=kind, example=example, name=name, unit=unit,
                               project_id=project_id))


def plan_files(pack, kind: str, *, example: bool, name: str | None, unit: str | None,
               project_id: str | None, folder: Path) -> dict[str, str]:
    """Relative path -> text of every file `new` would write."""
    from govproj.core.fields import json_schema
    from govproj.core.format import FILE_TITLES, FILES, file_specs
    from govproj.core.scaffold import list_samples, render_file

    specs = file_specs(pack)
    if example:
        sample = pack.examples.get(kind)
        if sample is None:
            raise UsageError(f"{pack.name}没有“{kind}”类型的示例", hint="可用：" + "、".join(pack.examples))
        built = sample()
        data, evidence = built["files"], built.get("evidence", {})
    else:
        data = {"project.yaml": {"jurisdiction": pack.id, "kind": kind, "stage": pack.stages[0].id}}
        evidence = {}
    project = dict(data.get("project.yaml", {}))
    if name:
        project["name"] = name
    if unit:
        project["unit"] = unit
    if project_id or not example:
        project["id"] = project_id or _slug(folder.name)
    data = {**data, "project.yaml": project}
    # the commented example item of each empty list comes from the pack's own examples (this kind's first)
    names = [kind] + [k for k in pack.examples if k != kind]
    samples_from = [pack.examples[k]()["files"] for k in names if k in pack.examples]
    out: dict[str, str] = {}
    for file in FILES:
        out[file] = render_file(specs[file], data.get(file), title=FILE_TITLES[file],
                                schema_ref=f"{SCHEMA_DIR}/{file.replace('.yaml', '.schema.json')}", blank=True,
                                samples=list_samples(specs[file], [e.get(file, {}) for e in samples_from]))
    for file in FILES:
        schema = json_schema(specs[file])
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["title"] = f"govproj {pack.id} {file}"
        out[f"{SCHEMA_DIR}/{file.replace('.yaml', '.schema.json')}"] = json.dumps(
            schema, ensure_ascii=False, indent=2) + "\n"
    out.update(evidence)
    if not evidence:
        out["evidence/README.txt"] = "把签字盖章件、批复、意见函等证据文件放在这里，在 YAML 的 evidence 里以相对路径引用。\n"
    return out


def _slug(text: str) -> str:
    import re

    slug = re.sub(r"[^A-Za-z0-9_.-]+", "-", text).strip("-.")
    return slug or "project"


GITIGNORE = ("# govproj render 默认把表单写到 forms/：表单由 YAML 生成，不入库（需要时再运行 govproj render）\n"
             "forms/\n")


def run(args: SimpleNamespace) -> int:
    from govproj.packs import get_pack
    from govproj.edges.yamlio import atomic_write

    pack = get_pack(args.jurisdiction)
    kinds = [k for k, _ in pack.kinds]
    kind = args.kind or kinds[0]
    aliases = {label: key for key, label in pack.kinds}
    kind = aliases.get(kind, kind)
    if kind not in kinds:
        raise UsageError(f"{pack.name}没有项目类型“{args.kind}”",
                         hint="可用：" + "、".join(f"{k}（{v}）" for k, v in pack.kinds))
    folder = Path(args.path)
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder} 已存在且不是文件夹", hint="换一个路径")
    files = plan_files(pack, kind, example=args.example, name=args.name, unit=args.unit,
                       project_id=args.project_id, folder=folder)
    # `render` writes into forms/ by default: generated files stay out of git, so the next `advance` finds a clean tree
    files = {**files, ".gitignore": GITIGNORE}
    existing = sorted(rel for rel in files if (folder / rel).exists())
    if existing:
        listing = "\n".join(f"  {folder / rel}" for rel in existing)
        raise UsageError(f"以下文件已存在，govproj new 不会覆盖任何已有文件，本次什么也没有写：\n{listing}",
                         hint="换一个新文件夹，或先把这些文件移走")
    for rel, text in files.items():
        atomic_write(folder / rel, text)
    kind_label = dict(pack.kinds)[kind]
    sys.stdout.write(f"已在 {folder} 新建{pack.name}{kind_label}项目（{len(files)} 个文件）。\n")
    if args.example:
        sys.stdout.write("这是填好示例数据的项目；evidence/ 里是占位文件。\n")
        sys.stdout.write(f"下一步：运行  govproj check {folder}  查看结果，用  govproj render {folder}  生成表单\n")
    else:
        sys.stdout.write(f"下一步：按各 YAML 文件里的注释填写，然后运行  govproj check {folder}\n")
    return 0
