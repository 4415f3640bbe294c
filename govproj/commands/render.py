"""`govproj render`: fill the jurisdiction's forms from the project's YAML as .docx (and PDF), list them, lint them."""
from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace
from typing import List, Optional

import typer

from govproj.commands import options as opt
from govproj.commands.options import command

HELP = "生成表单"
DESCRIPTION = ("按项目所属辖区的管理办法，把项目文件填入附件规定的表单和提纲，生成可打印、签字、盖章的 .docx。\n"
               "默认生成该辖区需要的全部表单，写入项目文件夹下的 forms/（govproj check 不读取这个文件夹）。\n"
               "同样的输入总是生成逐字节相同的文件；govproj 生成后被手工修改过的文件不会被覆盖，除非 --force。\n\n"
               "模板按以下顺序查找，先找到的为准：--templates 文件夹、项目文件夹的 templates/、仓库的 .govproj/templates/、\n"
               "govproj 内置模板。在这些文件夹放入新的 .docx 即增加一个自定义表单。\n\n"
               "退出码：0 成功；1 模板引用了项目文件不可能有的数据（生成前自动检查，什么也不写；--lint 同）；\n"
               "2 用法错误、文件无法读取、模板有不安全的访问或错误、拒绝覆盖。")
EPILOG = """示例：
  govproj render projects/gis-upgrade                         # 全部表单 → projects/gis-upgrade/forms/
  govproj render projects/gis-upgrade --form needs,sharing    # 只生成需求确认表和共享开放情况表
  govproj render projects/gis-upgrade --form 附件1 --pdf      # 同时用 LibreOffice 转成 PDF
  govproj render projects/gis-upgrade --out 打印/ --force     # 写到别处，覆盖手工修改过的文件
  govproj render projects/gis-upgrade --templates 我的模板/   # 用自己的模板（同名即替换内置模板）
  govproj render projects/gis-upgrade --lint                  # 模板引用了哪些项目没有提供的数据
  govproj render --list --jurisdiction yb                     # 渝北区有哪些表单，依据哪一条
"""


app = opt.app()


@command(app, "render", help=DESCRIPTION, epilog=EPILOG)
def main(
    path: str = opt.path("项目文件夹，或包含多个项目的文件夹（默认当前文件夹）", "路径"),
    form: Optional[List[str]] = typer.Option(None, "--form", metavar="表单",
                                             help="只生成这些表单：编号（如 needs）、附件号（如 附件1）或标题；多个用逗号分开（needs,sharing）或写多次"),
    out: Optional[str] = typer.Option(None, "--out", metavar="文件夹",
                                      help="输出文件夹（默认 <项目>/forms/；多个项目时为 文件夹/<项目文件夹名>/）"),
    templates: Optional[str] = typer.Option(None, "--templates", metavar="文件夹",
                                            help="先在这个文件夹里找模板（<文件夹>/<辖区>/<编号>.docx 或 <文件夹>/<编号>.docx）"),
    pdf: bool = typer.Option(False, "--pdf", help="同时转换为 PDF（需要安装 LibreOffice）"),
    force: bool = typer.Option(False, "--force", help="覆盖生成后被手工修改过的文件"),
    lint: bool = typer.Option(False, "--lint", help="不生成文件，只报告模板引用了而项目没有提供的数据及其位置"),
    list_: bool = typer.Option(False, "--list", help="列出可生成的表单及其依据条款"),
    jurisdiction: Optional[str] = opt.jurisdiction(None, help="与 --list 一起用：只列这个辖区（bj、xc、yb、jl、gs）"),
) -> int:
    chosen = [part.strip() for value in form or [] for part in value.split(",") if part.strip()]
    return run(SimpleNamespace(path=path, form=chosen or None, out=out, templates=templates, pdf=pdf, force=force,
                               lint=lint, list=list_, jurisdiction=jurisdiction))


def run(args: SimpleNamespace) -> int:
    if args.list:
        return _list(args)
    from govproj.errors import UsageError
    from govproj.core.project import find_projects

    folders = find_projects([Path(args.path)])
    if not folders:
        raise UsageError("在给出的路径下没有找到项目（含 project.yaml 的文件夹）",
                         hint="用 `govproj render --list` 查看表单，或给出项目文件夹")
    worst = 0
    for folder in folders:
        out = None
        if args.out:
            out = Path(args.out) / folder.name if len(folders) > 1 else Path(args.out)
        worst = max(worst, _lint(folder, args) if args.lint else _render(folder, out, args))
    return worst


def selected(project, forms, wanted):
    """The forms to produce: those named, or every form the project needs (and why the others are skipped)."""
    from govproj.forms import pick

    if wanted:
        return pick(tuple(forms), wanted, project.pack.id), []
    chosen, skipped = [], []
    for form in forms:
        needed, reason = form.needed(project) if form.needed else (True, "")
        if needed:
            chosen.append(form)
        else:
            skipped.append((form, reason))
    return chosen, skipped


def _load(folder: Path, args: SimpleNamespace):
    from govproj.core.project import load_project
    from govproj.edges.render import available_forms, template_sources

    project = load_project(folder)
    sources = template_sources(folder, args.templates)
    forms = available_forms(project.pack.id, sources)
    chosen, skipped = selected(project, forms, args.form)
    return project, sources, chosen, skipped


def render_outputs(project, sources, chosen, *, soffice: str | None = None) -> dict[str, bytes]:
    """The chosen forms filled from the project: file name -> reproducible .docx bytes (and .pdf with soffice).
    `render` writes them to forms/; `archive` puts those of the committed state into the package."""
    from govproj.forms import context
    from govproj.edges.render import core_properties, fill, find_template, to_pdf

    outputs: dict[str, bytes] = {}
    for form in chosen:
        template = find_template(form, sources)
        outputs[form.filename] = fill(template.path, context(form, project), core=core_properties(form, project))
    if soffice:
        outputs.update(to_pdf(dict(outputs), soffice))
    return outputs


def _render(folder: Path, out: Path | None, args: SimpleNamespace) -> int:
    """Fill the forms, lint their templates (an error writes nothing: exit 1), write them, say what is not filled."""
    from govproj.edges.render import require_soffice, write_outputs

    project, sources, chosen, skipped = _load(folder, args)
    soffice = require_soffice() if args.pdf else None
    out = out or folder / "forms"
    outputs = render_outputs(project, sources, chosen)  # template errors stop here (exit 2)
    findings = _lint_forms(project, sources, chosen)
    errors = sum(item.severity == "error" for _, _, items in findings for item in items)
    from govproj.core.project import display_path

    if errors:
        for form, template, items in findings:
            if any(item.severity == "error" for item in items):
                _print_lint(form, template, [item for item in items if item.severity == "error"])
        sys.stdout.write(f"\n共 {errors} 处模板错误，本次什么也没有写。模板引用了项目文件不可能提供的数据（变量名或字段名"
                         "写错、字段已改名），生成的表单中这些位置会是空白；改正模板后重新生成。\n")
        return 1
    if soffice:
        from govproj.edges.render import to_pdf

        outputs.update(to_pdf(dict(outputs), soffice))
    status = write_outputs(out, outputs, force=args.force)
    where = display_path(out)
    sys.stdout.write(f"{project.display}（{project.pack.name} · {project.name or project.id}）→ {where}/\n")
    for name, state in status.items():
        sys.stdout.write(f"  {state}  {name}\n")
    for form, reason in skipped:
        sys.stdout.write(f"  跳过  {form.label}：{reason}（需要时用 --form {form.id}）\n")
    hints = sum(len(items) for _, _, items in findings)
    if hints:
        sys.stdout.write(f"  提示  {hints} 项数据未填写，表单中留空或显示提示文字；"
                         f"`govproj render {project.display} --lint` 列出它们及其位置\n")
    return 0


def _lint_forms(project, sources, forms):
    """(form, template, lint items) of each form."""
    from govproj.forms import context
    from govproj.edges.render import find_template, lint

    out = []
    for form in forms:
        template = find_template(form, sources)
        out.append((form, template, lint(template, project, context(form, project))))
    return out


def _print_lint(form, template, items) -> None:
    rel = f"{form.jurisdiction}/{form.template}" if template.origin == "内置" else str(template.path)
    sys.stdout.write(f"{form.label}（模板：{template.origin} {rel}）\n")
    if not items:
        sys.stdout.write("  模板用到的数据项目都已提供\n")
    for item in items:
        label = "错误" if item.severity == "error" else "提示"
        sys.stdout.write(f"  {label}  {item.message}\n")
        places = "；".join(item.places[:3]) + (f" 等 {len(item.places)} 处" if len(item.places) > 3 else "")
        sys.stdout.write(f"        {{{{ {item.expr} }}}} 位于 {places}\n" if item.expr else f"        位于 {places}\n")


def _lint(folder: Path, args: SimpleNamespace) -> int:
    project, sources, chosen, skipped = _load(folder, args)
    errors = 0
    for form, template, items in _lint_forms(project, sources, chosen + [form for form, _ in skipped]):
        errors += sum(item.severity == "error" for item in items)
        _print_lint(form, template, items)
    if errors:
        sys.stdout.write(f"\n共 {errors} 处模板错误：模板引用了不安全的或项目文件不可能提供的数据，生成时会停止或在这些位置留空。\n")
    return 1 if errors else 0


def _list(args: SimpleNamespace) -> int:
    from govproj.forms import MODULES, forms_for
    from govproj.packs import PACK_NAMES
    from govproj.edges.render import available_forms, template_sources

    if args.jurisdiction:
        forms_for(args.jurisdiction)  # an unknown jurisdiction is a usage error
        jurisdictions = [args.jurisdiction]
    else:
        jurisdictions = list(MODULES)
    project_root = Path(args.path) if (Path(args.path) / "project.yaml").is_file() else None
    if project_root is not None and not args.jurisdiction:
        from govproj.core.project import load_project

        jurisdictions = [load_project(project_root).pack.id]
    sources = template_sources(project_root, args.templates)
    for jid in jurisdictions:
        sys.stdout.write(f"{jid}  {PACK_NAMES[jid]}\n")
        for form in available_forms(jid, sources):
            basis = f"（依据：{form.article}）" if form.article != "—" else ""
            sys.stdout.write(f"  {form.id:<14}{form.label}{basis}\n")
            if form.note:
                sys.stdout.write(f"  {'':<14}{form.note}\n")
    return 0
