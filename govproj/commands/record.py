"""`govproj record`: write that something happened (an event, a document, a signoff) into the right YAML file.

The entry is written by a ruamel.yaml round trip (comments, order and layout kept), validated with the same field
declarations as `check`, and written atomically; the change and the findings it resolves or causes are printed.
"""
from __future__ import annotations

import datetime as _dt
import re
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any, List, Optional

import typer

from govproj.commands import options as opt
from govproj.commands.options import command
from govproj.errors import UsageError

DESCRIPTION = ("记录已经发生的事项：事件（申报、评审意见、批复、验收……）、材料（--document）、签字（--signoff）、\n"
               "列表中的一项（--item：预算明细、资金来源、承建单位、变更……），或某个文件的字段（事项写 文件.yaml）。\n"
               "写入对应的 YAML 文件（保留注释、顺序和排版），按 check 的字段定义校验，原子写入；\n"
               "打印改动，以及这次记录解决了哪些问题、新出现了哪些问题。已记录的值不会被覆盖，除非 --force。")


class Target:
    def __init__(self, kind: str, file: str, path: tuple[str, ...], key: str, label: str, spec: Any) -> None:
        self.kind, self.file, self.path, self.key, self.label, self.spec = kind, file, path, key, label, spec


KIND_ZH = {"event": "事件", "document": "材料", "signoff": "签字", "item": "列表项", "field": "字段"}


def _lists(spec: Any, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], Any]]:
    """The lists of records of a file (not those inside a list item), with their paths."""
    out = []
    for f in spec.fields:
        if f.kind == "list" and f.item == "map":
            out.append((path + (f.key,), f))
        elif f.kind == "map" and f.fields:
            out.extend(_lists(f, path + (f.key,)))
    return out


def targets(pack: Any, kind: str) -> list[Target]:
    from govproj.core.format import file_specs

    specs = file_specs(pack)
    project = specs["project.yaml"]
    if kind == "item":
        found = [(file, path, f) for file, spec in specs.items() for path, f in _lists(spec)]
        dotted = [".".join(path) for _, path, _ in found]
        # the short name is the path in its file ("lines", "sharing.items") unless two files have it
        return [Target(kind, file, path, name if dotted.count(name) == 1 else f"{file.removesuffix('.yaml')}.{name}",
                       f.label, f) for (file, path, f), name in zip(found, dotted)]
    if kind == "signoff":
        return [Target(kind, file, ("signoffs", key), key, label, spec) for file, key, label, spec in _signoffs(pack)]
    group = "events" if kind == "event" else "documents"
    return [Target(kind, "project.yaml", (group, f.key), f.key, f.label, f) for f in project.child(group).fields]


def _epilog() -> str:
    from govproj.packs import PACKS, get_pack

    lines = ["示例：",
             "  govproj record projects/gis 提交申报 --date 2026-03-02 --evidence evidence/申报回执.pdf",
             "  govproj record projects/gis prereview_opinion --date 2026-04-10 --number 京经信审〔2026〕8号 --result pass",
             "  govproj record projects/gis application --document --date 2026-03-01 --signed --sealed",
             "  govproj record projects/gis business_head --signoff --by 张三 --date 2026-02-10 --opinion 同意",
             "  govproj record projects/gis lines --item --set name=应用系统开发 --set category=软件开发 --amount 120.5",
             "  govproj record projects/gis 资金来源 --item --set source=市级财政资金 --amount 168",
             "  govproj record projects/gis parties --item --set role=承建 --by 某某科技有限公司 --number HT-2026-01 "
             "--date 2026-09-01 --amount 150 --evidence evidence/合同.pdf",
             "  govproj record projects/gis changes --item --set id=C1 --date 2027-03-01 --set what=增加接口 "
             "--set approval.doc_no=某〔2027〕3号",
             "  govproj record projects/gis budget.yaml --set total=168 --set unit=万元      # 文件里的字段",
             "  govproj record projects/gis security.yaml:crypto.plan --set title=密码应用方案 --date 2026-05-01",
             "  govproj record projects/gis --list                     # 本项目可记录的事项及已记录的情况",
             ""]
    for pid in PACKS:
        pack = get_pack(pid)
        lines.append(f"{pack.name}（{pid}）事件：" + "、".join(f"{k} {label}" for k, label, _ in pack.events))
        lines.append(f"{pack.name}（{pid}）材料（--document）：" + "、".join(f"{k} {label}" for k, label, _ in pack.documents))
    lines.append("签字（--signoff）：" + "、".join(f"{k} {label}" for _, k, label, _ in _signoffs(get_pack("bj"))))
    lines.append("列表（--item，各辖区另有自己的列表，见 --list）：" + "、".join(
        f"{t.key} {t.label}" for t in targets(get_pack("bj"), "item")))
    return "\n".join(lines) + "\n"


def _signoffs(pack: Any) -> list[tuple[str, str, str, Any]]:
    """(file, key, label, spec) of every signoff the pack's files declare."""
    from govproj.core.format import file_specs

    out = []
    for file, spec in file_specs(pack).items():
        group = spec.child("signoffs")
        if group is not None:
            out.extend((file, f.key, f.label, f) for f in group.fields)
    return out


app = opt.app()


@command(app, "record", help=DESCRIPTION, epilog=_epilog())
def main(
    project: str = typer.Argument(..., metavar="项目", help="项目文件夹", show_default=False),
    what: Optional[str] = typer.Argument(None, metavar="事项", show_default=False,
                                         help="事件（或 --document 材料、--signoff 签字）的编号或中文名"),
    date: Optional[str] = typer.Option(None, "--date", metavar="日期", help="日期 YYYY-MM-DD"),
    number: Optional[str] = typer.Option(None, "--number", metavar="文号", help="文号"),
    by: Optional[str] = typer.Option(None, "--by", metavar="单位", help="作出该事项的机关或单位；签字时为签字人"),
    result: Optional[str] = typer.Option(None, "--result", metavar="结果", help="事件的结果：pass 通过、fail 不通过、conditional"),
    until: Optional[str] = typer.Option(None, "--until", metavar="日期", help="有效期至/延期至 YYYY-MM-DD"),
    title: Optional[str] = typer.Option(None, "--title", metavar="名称", help="材料名称（签字时为职务）"),
    opinion: Optional[str] = typer.Option(None, "--opinion", metavar="意见", help="签字意见"),
    note: Optional[str] = typer.Option(None, "--note", metavar="说明", help="说明"),
    amount: Optional[str] = typer.Option(None, "--amount", metavar="金额", help="金额（按所写文件的单位：budget.yaml 写了 unit: 元 时为元，否则万元，如 120.5；也可带单位写 1205000元）"),
    signed: bool = typer.Option(False, "--signed", help="材料已签字"),
    sealed: bool = typer.Option(False, "--sealed", help="材料已盖章"),
    participant: Optional[List[str]] = typer.Option(None, "--participant", metavar="单位", help="参加单位（可重复）"),
    evidence: Optional[List[str]] = typer.Option(None, "--evidence", metavar="文件", help="证据文件（可重复），须在项目文件夹内"),
    sets: Optional[List[str]] = typer.Option(None, "--set", metavar="键=值",
                                             help="该条目的其他字段（可重复），如 --set note=补录；下一层用点号：--set approval.date=2027-03-01"),
    document: bool = typer.Option(False, "--document", help="记录的是材料（project.yaml 的 documents）"),
    signoff: bool = typer.Option(False, "--signoff", help="记录的是签字（needs.yaml、construction.yaml 的 signoffs）"),
    item: bool = typer.Option(False, "--item", help="在列表（预算明细、资金来源、承建单位、变更……）末尾添加一项"),
    force: bool = typer.Option(False, "--force", help="覆盖已经记录的值"),
    dry_run: bool = typer.Option(False, "--dry-run", help="只显示将要做的改动，不写文件"),
    list_: bool = typer.Option(False, "--list", help="列出本项目可记录的事项和已记录的情况"),
) -> int:
    return run(SimpleNamespace(**{k: v for k, v in locals().items()}))


def file_target(pack: Any, name: str) -> Target:
    """`budget.yaml` or `security.yaml:crypto.plan`: the fields of a file, or of a mapping inside it."""
    from govproj.core.format import FILES, file_specs

    file, _, inner = name.partition(":")
    if file not in FILES:
        import difflib

        close = difflib.get_close_matches(file, list(FILES), n=1)
        raise UsageError(f"没有文件“{file}”", hint=(f"是不是“{close[0]}”？" if close else "") + f"可用：{'、'.join(FILES)}")
    spec = file_specs(pack)[file]
    path = tuple(p for p in inner.split(".") if p)
    for index, part in enumerate(path):
        child = spec.child(part)
        if child is None or child.kind != "map" or not child.fields:
            where = f"{file}:{'.'.join(path[:index + 1])}"
            maps = [f.key for f in spec.fields if f.kind == "map" and f.fields]
            raise UsageError(f"{where} 不是可以填写字段的一组内容", hint=(f"可写：{'、'.join(maps)}；" if maps else "")
                             + f"或直接写 {file} --set 键=值")
        spec = child
    return Target("field", file, path, name, spec.label, spec)


def resolve(pack: Any, kind: str, name: str) -> Target:
    import difflib

    if kind == "event" and (name.endswith(".yaml") or ".yaml:" in name):
        return file_target(pack, name)
    found = targets(pack, kind)
    if kind == "item":  # 资源清单 is the label of sharing.items and opening.items: ask which
        same = [t for t in found if name in (t.label, t.path[-1]) and name != t.key]
        if len(same) > 1:
            raise UsageError(f"“{name}”不止一个列表", hint="写明是哪一个：" + "、".join(f"{t.key}（{t.label}）" for t in same))
    for t in found:
        if name in (t.key, t.label, f"{t.file.removesuffix('.yaml')}.{t.key}", f"{t.file}:{'.'.join(t.path)}"):
            return t
    names = [t.key for t in found] + [t.label for t in found]
    close = difflib.get_close_matches(name, names, n=1, cutoff=0.5)
    other = ""
    for other_kind, flag in (("event", ""), ("document", " --document"), ("signoff", " --signoff"), ("item", " --item")):
        if other_kind != kind and any(name in (t.key, t.label) for t in targets(pack, other_kind)):
            other = f"“{name}”是{KIND_ZH[other_kind]}，" + (f"加上{flag}" if flag else "去掉 --document/--signoff/--item")
    hint = other or ((f"是不是“{close[0]}”？" if close else "") +
                     f"可用：{'、'.join(f'{t.key}（{t.label}）' for t in found)}")
    raise UsageError(f"{pack.name}没有{KIND_ZH[kind]}“{name}”", hint=hint)


def parse_date(text: str, what: str) -> _dt.date:
    from govproj.core.fields import DATE_SHAPE, date_problem

    if DATE_SHAPE.match(text):
        try:
            return _dt.date.fromisoformat(text)
        except ValueError:
            pass
    problem, hint = date_problem(text)
    raise UsageError(f"{what}“{text}”{problem}", hint=hint)


def typed(field: Any, text: str, old: Any) -> Any:
    """The value of `--set key=text` for `field` (lists: the old items and the new ones)."""
    label = field.label
    if field.kind == "date":
        return parse_date(text, label)
    if field.kind == "bool":
        if text.lower() in ("true", "是", "有", "yes"):
            return True
        if text.lower() in ("false", "否", "无", "no"):
            return False
        raise UsageError(f"“{label}”应当是 true 或 false，不是“{text}”", hint="写 true（是）或 false（否）")
    if field.kind == "enum":
        if text not in field.choices:
            raise UsageError(f"“{label}”的取值“{text}”不在可选范围内", hint="可选：" + "、".join(field.choices))
        return text
    if field.kind == "list":
        items = list(old or [])
        for part in re.split(r"[,，、]", text):
            if part.strip() and part.strip() not in items:
                items.append(part.strip())
        return items
    if field.kind in ("str", "text"):
        return text
    if field.kind == "money":
        from decimal import Decimal

        from govproj.core.fields import parse_money

        amount, error, hint = parse_money(text, None)
        if error:
            raise UsageError(f"“{label}”：{error}", hint=hint or "")
        # a plain number is written as a number; "1205000元" as the text given (check reads it the same way)
        return Decimal(text) if re.fullmatch(r"[0-9]+(\.[0-9]+)?", text) else text
    if field.kind in ("int", "percent"):
        if re.fullmatch(r"[0-9]+", text):
            return int(text)
        if field.kind == "percent" and re.fullmatch(r"[0-9]+(\.[0-9]+)?%?", text):
            return text
        raise UsageError(f"“{label}”应当是整数，不是“{text}”", hint="例如 2027")
    raise UsageError(f"“{label}”不能用 govproj record 填写", hint="直接编辑 YAML 文件")


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def run(args: SimpleNamespace) -> int:
    from govproj.core.places import PROJECT_FILE
    from govproj.core.project import load_project

    folder = Path(args.project)
    if not (folder / PROJECT_FILE).is_file():
        raise UsageError(f"{folder} 不是项目文件夹（没有 {PROJECT_FILE}）",
                         hint="写项目文件夹的路径；新建项目用 govproj new")
    project = load_project(folder)
    pack = project.pack
    if sum(map(bool, (args.document, args.signoff, getattr(args, "item", False)))) > 1:
        raise UsageError("--document、--signoff 和 --item 只能选一个")
    kind = ("document" if args.document else "signoff" if args.signoff
            else "item" if getattr(args, "item", False) else "event")
    if args.list_:
        return list_targets(project)
    if not args.what:
        raise UsageError("缺少要记录的事项", hint=f"如 govproj record {folder} declared --date 2026-03-02；"
                                                 f"可记录的事项：govproj record {folder} --list")
    target = resolve(pack, kind, args.what)
    typed_old = project.get(target.file, *target.path) if target.path else project.data.get(target.file)
    display = f"{project.display}/{target.file}" if project.display not in ("", ".") else target.file
    if target.kind == "item":
        return add_item(project, target, typed_old if isinstance(typed_old, list) else [], display, args)
    typed_old = typed_old if isinstance(typed_old, dict) else {}
    values = wanted(args, target, typed_old)
    if not values:
        raise UsageError("没有要记录的内容", hint="至少写 --date，或 --number、--by、--evidence、--set 键=值 之一")
    if target.kind == "field" and target.file == PROJECT_FILE and ("stage",) in values:
        raise UsageError("阶段（stage）由 govproj advance 维护，不能用 record 修改",
                         hint=f"推进阶段：govproj advance {folder}")
    changes, conflicts = [], []
    for key, value in values.items():
        before = _dig(typed_old, key)
        if before == value:
            continue
        if not _empty(before) and not isinstance(value, list) and not args.force:
            conflicts.append(f"{'.'.join(key)}：已记录“{_show(before)}”，本次为“{_show(value)}”")
        changes.append((target.path + key, value))
    if conflicts:
        raise UsageError(f"{target.label}（{target.key}）已经记录过，不覆盖：\n  " + "\n  ".join(conflicts),
                         file=display, hint="确需改正时加 --force")
    if not changes:
        sys.stdout.write(f"{target.label}（{target.key}）已是这样记录的，{display} 没有改动。\n")
        return 0
    return write(project, target, changes, display, args)


def _dig(value: Any, key: tuple[str, ...]) -> Any:
    for part in key:
        value = value.get(part) if isinstance(value, dict) else None
    return value


def add_item(project: Any, target: Target, old: list, display: str, args: SimpleNamespace) -> int:
    """Append one item to a list of records: refused when the same item (or one with the same id) is there."""
    values = wanted(args, target, {})
    if not values:
        keys = "、".join(f.key for f in target.spec.fields)
        raise UsageError(f"没有要添加的内容", hint=f"用 --set 键=值 写这一项的字段（{target.label}的字段：{keys}）")
    item: dict[str, Any] = {}
    order = {f.key: i for i, f in enumerate(target.spec.fields)}  # the declaration's order, as the example shows it
    for key, value in sorted(values.items(), key=lambda kv: order.get(kv[0][0], len(order))):
        node = item
        for part in key[:-1]:
            node = node.setdefault(part, {})
        node[key[-1]] = value
    item = _ordered(item, target.spec)
    same = [i + 1 for i, x in enumerate(old) if isinstance(x, dict) and (
        {k: v for k, v in x.items() if not _empty(v)} == _typed_item(project, target, item)
        or ("id" in item and x.get("id") == item["id"]))]
    if same and not args.force:
        raise UsageError(f"{target.label}（{target.key}）的第 {same[0]} 项已经是这一项" +
                         ("（编号相同）" if "id" in item else ""), file=display, hint="确需再添加一项时加 --force")
    return write(project, target, [], display, args, append=(target.path, item, len(old)))


def _ordered(item: dict[str, Any], spec: Any) -> dict[str, Any]:
    """The item's keys in the declaration's order (as the scaffold's example shows them), nested maps too."""
    out = {}
    for f in spec.fields:
        if f.key in item:
            out[f.key] = _ordered(item[f.key], f) if isinstance(item[f.key], dict) and f.fields else item[f.key]
    return out


def _typed_item(project: Any, target: Target, item: dict) -> dict:
    """The item as check would type it (money as Money in the file's unit, dates as dates): to compare with what is
    recorded."""
    from govproj.core.doc import Doc
    from govproj.core.fields import validate, M
    from govproj.core.money import UNITS

    unit = project.get(target.file, "unit")
    typed = validate(Doc(file="", data={"x": item}, text=""), M("", "", target.spec._replace(key="x", kind="map")),
                     unit=unit if unit in UNITS else "万元")
    return {k: v for k, v in (typed.data.get("x") or {}).items() if not _empty(v)}


def _show(value: Any) -> str:
    if isinstance(value, list):
        return "、".join(map(str, value))
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def wanted(args: SimpleNamespace, target: Target, old: dict) -> dict[tuple[str, ...], Any]:
    spec = target.spec
    keys = [f.key for f in spec.fields]
    values: dict[tuple[str, ...], Any] = {}

    def first(*names: str) -> str | None:
        return next((n for n in names if n in keys), None)

    def put(key: str | None, value: Any, flag: str) -> None:
        if key is None or key not in keys:
            raise UsageError(f"{KIND_ZH[target.kind]}“{target.label}”没有可用 {flag} 填写的字段",
                             hint=f"可填写的字段：{'、'.join(keys)}（用 --set 键=值）")
        values[(key,)] = value

    if args.date:
        put(first("date", "signed_on"), parse_date(args.date, "日期"), "--date")
    if args.number:
        put(first("doc_no", "contract_no"), args.number, "--number")
    if args.by:
        put("name" if target.kind == "signoff" else first("by", "name", "provider"), args.by, "--by")
    if args.result:
        put("result", typed(spec.child("result") or spec, args.result, None), "--result")
    if args.until:
        put("until", parse_date(args.until, "有效期至/延期至"), "--until")
    if args.title:
        put("title", args.title, "--title")
    if args.opinion:
        put("opinion", args.opinion, "--opinion")
    if args.note:
        put("note", args.note, "--note")
    if getattr(args, "amount", None):
        put(first("amount", "total"), typed(spec.child(first("amount", "total") or "amount") or spec, args.amount, None),
            "--amount")
    if args.signed:
        put("signed", True, "--signed")
    if args.sealed:
        put("sealed", True, "--sealed")
    if args.participant:
        put("participants", typed(spec.child("participants") or spec, "、".join(args.participant),
                                  old.get("participants")), "--participant")
    if args.evidence:
        put("evidence", evidence_paths(Path(args.project), args.evidence, old.get("evidence")), "--evidence")
    for entry in args.sets or []:
        name, sep, text = entry.partition("=")
        name = name.strip()
        if not sep or not name:
            raise UsageError(f"--set 应写成 键=值，不是“{entry}”", hint="如 --set note=补录")
        path = tuple(name.split("."))
        field, where = spec, spec
        for part in path:
            where = field
            field = field.child(part) if field.kind == "map" or field.fields else None
            if field is None:
                import difflib

                options = [f.key for f in where.fields]
                close = difflib.get_close_matches(part, options, n=1)
                raise UsageError(f"{where.label or target.label}没有字段“{part}”",
                                 hint=(f"是不是“{close[0]}”？" if close else "") + f"可填写的字段：{'、'.join(options)}")
        if field.kind == "map" or (field.kind == "list" and field.item == "map"):
            inner = "、".join(f.key for f in field.fields)
            raise UsageError(f"“{name}”是一组内容，不是一个值", hint=(f"逐项写 --set {name}.键=值（{inner}）"
                             if field.kind == "map" else f"用 govproj record {args.project} {name} --item 添加一项"))
        if field.kind == "list" and field.item == "str" and path[-1] == "evidence":
            values[path] = evidence_paths(Path(args.project), [text.strip()], values.get(path, _dig(old, path)))
            continue
        values[path] = typed(field, text.strip(), values.get(path, _dig(old, path)))
    return values


def evidence_paths(folder: Path, files: list[str], old: Any) -> list[str]:
    import os

    root = folder.resolve()
    items = [str(x) for x in (old or [])]
    for name in files:
        candidate = Path(name)
        if not candidate.is_absolute() and not candidate.exists():
            candidate = folder / name
        if not candidate.is_file():
            raise UsageError(f"证据文件 {name} 不存在", hint=f"先把文件放到 {folder / 'evidence'} 下，再写它的路径")
        try:
            rel = candidate.resolve().relative_to(root)
        except ValueError:
            raise UsageError(f"证据文件 {name} 不在项目文件夹 {folder} 内",
                             hint=f"先把文件复制到 {folder / 'evidence'} 下，再写 --evidence evidence/{candidate.name}") from None
        text = rel.as_posix() if os.sep == "/" else str(rel).replace(os.sep, "/")
        if text not in items:
            items.append(text)
    return items


def write(project: Any, target: Target, changes: list, display: str, args: SimpleNamespace,
          append: tuple | None = None) -> int:
    from govproj.core.fields import validate
    from govproj.core.format import file_specs
    from govproj.edges.yamlio import atomic_write, parse_doc, read_text, set_paths

    path = project.root / target.file
    text = read_text(path, display) if path.is_file() else ""
    new_text = set_paths(text, display, changes, appends=[append[:2]] if append else [])
    doc = parse_doc(new_text.lstrip("\ufeff"), display)
    typed_new = validate(doc, file_specs(project.pack)[target.file])
    mine = target.path + ((append[2],) if append else ())
    bad = [p for p in typed_new.problems if tuple(p.path[:len(mine)]) == mine]
    if bad:
        lines = "\n  ".join(f"{doc.pos(*p.path).line}: {p.message}（{p.hint}）" for p in bad)
        raise UsageError(f"记录后 {display} 的这些值不合格，本次什么也没有写：\n  {lines}", file=display)
    after = _replaced(project, target.file, doc, typed_new)
    before_found, after_found = _findings(project), _findings(after)
    out = sys.stdout
    verb = "将记录" if args.dry_run else "已记录"
    what = f"{target.label}（{target.key}）的第 {append[2] + 1} 项" if append else f"{KIND_ZH[target.kind]}“{target.label}”（{target.key}）"
    out.write(f"{verb}{what}到 {display}：\n")
    out.write(_diff(text, new_text, display))
    resolved = [d for d in before_found if _key(d) not in {_key(x) for x in after_found}]
    caused = [d for d in after_found if _key(d) not in {_key(x) for x in before_found}]
    stage = _judged(project)
    if resolved:
        out.write(f"这次记录解决的问题（按{stage}检查）：\n")
        out.writelines(f"  ✓ {d.code}  {d.message}\n" for d in resolved)
    if caused:
        out.write(f"这次记录新出现的问题（按{stage}检查）：\n")
        out.writelines(f"  {d.file}:{d.line}  {d.code}  {d.message}\n      处理办法：{d.hint}\n" for d in caused)
    if not resolved and not caused:
        out.write(f"按{stage}检查，问题没有变化（还有 {len(after_found)} 个）。\n")
    if args.dry_run:
        out.write("（预演：没有写入任何文件）\n")
        return 0
    atomic_write(path, new_text)
    return 0


def _replaced(project: Any, file: str, doc: Any, typed_new: Any) -> Any:
    from govproj.core.project import Project

    docs = {**project.docs, file: doc}
    data = {**project.data, file: typed_new.data}
    problems = tuple(p for p in project.problems if p[0] != file) + tuple((file, p) for p in typed_new.problems)
    return Project(project.root, project.display, project.pack, docs, data, problems)


def _next_stage(project: Any) -> str:
    """The stage `advance` would move to (lifecycle.plan), or the project's own where there is none."""
    from govproj.core.lifecycle import plan
    from govproj.errors import GovprojError

    try:
        return plan(project.pack, project.kind, project.stage).target
    except GovprojError:  # the last stage, or a stage the pack does not have (check reports that)
        return project.stage


def _judged(project: Any) -> str:
    from govproj.core.lifecycle import stage_name

    return f"下一阶段“{stage_name(project.pack, _next_stage(project))}”"


def _findings(project: Any) -> list:
    from govproj.core.engine import check_project, load_repo_config
    from govproj.edges.batch import baseline

    result = check_project(project, stage=_next_stage(project), repo_config=load_repo_config(project.root),
                           baseline_loader=lambda: baseline(project))
    return [d for d in result.diagnostics if d.severity in ("error", "warning")]


def _key(d: Any) -> tuple:
    return (d.code, d.file, d.message)


def _diff(old: str, new: str, display: str) -> str:
    import difflib

    a, b = old.splitlines(), new.splitlines()
    out = []
    for group in difflib.SequenceMatcher(None, a, b, autojunk=False).get_grouped_opcodes(1):
        first, last = group[0], group[-1]
        out.append(f"@@ {display}:{first[1] + 1} @@")
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                out.extend(f"   {line}" for line in a[i1:i2])
                continue
            out.extend(f" - {line}" for line in a[i1:i2])
            out.extend(f" + {line}" for line in b[j1:j2])
    return "\n".join(out) + "\n"


def list_targets(project: Any) -> int:
    out = sys.stdout
    out.write(f"{project.display}（{project.pack.name}）可记录的事项：\n")
    for kind, flag in (("event", ""), ("document", " --document"), ("signoff", " --signoff")):
        out.write(f"{KIND_ZH[kind]}{flag}：\n")
        for t in targets(project.pack, kind):
            value = project.get(t.file, *t.path) or {}
            done = [f"{k} {_show(v)}" for k, v in value.items() if not _empty(v)] if isinstance(value, dict) else []
            state = "；".join(done) if done else "未记录"
            out.write(f"  {t.key:<22} {t.label}  — {state}\n")
    out.write("列表项 --item（添加一项，字段用 --set 键=值）：\n")
    for t in targets(project.pack, "item"):
        items = project.get(t.file, *t.path)
        count = len(items) if isinstance(items, list) else 0
        fields = "、".join(f.key for f in t.spec.fields)
        out.write(f"  {t.key:<22} {t.label}（{t.file}）— {f'已有 {count} 项' if count else '还没有'}；字段：{fields}\n")
    out.write("文件里的字段：写 文件.yaml 或 文件.yaml:路径，如 budget.yaml --set total=168\n")
    return 0
