"""`govproj diff`: the change against the approved baseline, and what the jurisdiction's change rule requires."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Optional

import typer

from govproj.commands import options as opt
from govproj.commands.options import command

HELP = "对比批复基线"
DESCRIPTION = ("把项目的当前文件与批复基线比较：总投资、预算明细各项、建设内容，涉及金额及其占批复总投资的比例（精确计算）；\n"
               "列出基线之后新增的变更记录，说明本辖区的变更条款对这样的变化要求什么程序（报审查、备案后调整、\n"
               "审查通过后实施、重新申报），并给出变更控制规则的检查结果。\n"
               "批复基线默认取项目最近一个基线标签（govproj advance 进入基线阶段时创建），也可以用 --baseline 指定\n"
               "任一 git 版本（标签、提交号、分支）。\n\n"
               "退出码：0 没有变化或变更记录齐全；1 变更控制有错误；2 没有基线或用法错误。")
EPILOG = """示例：
  govproj diff projects/hotline
  govproj diff projects/hotline --baseline govproj/bj-2026-hotline-kb/baseline-1
  govproj diff projects/hotline --baseline HEAD~3 --format json
"""


app = opt.app()


@command(app, "diff", help=DESCRIPTION, epilog=EPILOG)
def main(
    path: str = opt.path(),
    baseline: Optional[str] = typer.Option(None, "--baseline", metavar="版本",
                                           help="作为基线的 git 版本：标签、提交号或分支（默认：最近的基线标签）"),
    format: str = opt.fmt("text", "text", "json"),
    today: Optional[str] = opt.today("以这一天为“今天”（YYYY-MM-DD）"),
) -> int:
    return run(SimpleNamespace(path=path, baseline=baseline, format=format, today=today))


def compare_record(folder: Path, ref: str | None, today: Any = None) -> dict[str, Any]:
    """The comparison as plain data (the json format of `govproj diff`)."""
    import datetime as _dt

    from govproj.edges import ledger
    from govproj.core.engine import check_folder, load_repo_config
    from govproj.errors import UsageError
    from govproj.packs.change_control import Change, baseline_label, control, measure, measured, new_records, wan
    from govproj.core.project import load_project

    project = load_project(folder)
    pack = project.pack
    repo, rel = ledger.open_repo(folder)
    if ref:
        if ledger.resolve(repo, ref) is None:
            raise UsageError(f"git 里没有版本“{ref}”", hint="写标签名、提交号或分支名；`git tag -l 'govproj/*'` 列出基线标签")
        baseline = ledger.load_at(repo, ref, rel, label=ref)
        if baseline is None:
            raise UsageError(f"版本 {ref} 中没有这个项目（{rel or '.'}/project.yaml）")
    else:
        baseline = ledger.baseline_at(repo, rel, project.id)
        if baseline is None:
            first = next((s for s in pack.stages if s.baseline), None)
            stage = project.recorded_stage
            past = (first is not None and stage in {s.id for s in pack.stages}
                    and pack.stage_index(stage) >= pack.stage_index(first.id))
            if past:  # the stage that tags the baseline was entered: the tag is missing here, not yet to come
                raise UsageError(f"项目 {project.id} 已过“{first.name}”阶段，但这个仓库里没有它的批复基线标签",
                                 hint="可能是浅克隆或没有取回标签：运行 git fetch --unshallow --tags 后再试；"
                                      "`git tag -l 'govproj/*'` 列出已有的基线标签，也可以用 --baseline 指定一个 git 版本")
            raise UsageError(f"项目 {project.id} 还没有批复基线标签",
                             hint=(f"进入“{first.name}”阶段时 govproj advance 会打基线标签；" if first else "")
                             + "也可以用 --baseline 指定一个 git 版本")
    summary = measured(baseline, project)
    module = control(pack)
    route = None
    if module is not None and summary.any:
        route = module.classify(Change(summary, baseline, project, new_records(baseline, project)))
    result = check_folder(folder, today=today or _dt.date.today(), repo_config=load_repo_config(folder),
                          baseline_loader=lambda: baseline)
    codes = set(module.CODES) if module else set()
    findings = [d for d in result.diagnostics if d.code in codes]
    return {
        "project": project.id, "path": project.display, "jurisdiction": pack.id, "stage": project.recorded_stage,
        "baseline": baseline_label(baseline),
        "total_before": wan(summary.total_before), "total_after": wan(summary.total_after),
        "total_delta": wan(summary.total_delta), "changed_amount": wan(summary.changed_amount),
        "ratio": None if summary.ratio() is None else str(summary.ratio()),
        "lines": [{"name": c.name, "before": wan(c.before), "after": wan(c.after), "delta": wan(c.delta)}
                  for c in summary.lines],
        "content": [f"{file} {'.'.join(map(str, path))}" for file, path in summary.content],
        "summary": measure(summary) if summary.any else "",
        "records": [{"index": i, "id": r.get("id"), "date": str(r.get("date") or ""), "what": r.get("what"),
                     "amount": wan(r["amount"]) if r.get("amount") is not None else None,
                     "procedure": (r.get("approval") or {}).get("procedure"), "by": (r.get("approval") or {}).get("by")}
                    for i, r in new_records(baseline, project)],
        "article": getattr(module, "ARTICLE", None),
        "route": None if route is None else {"action": route.action, "procedure": route.procedure,
                                             "before": route.before, "why": route.why, "closed": route.closed},
        "findings": [d.to_json() for d in findings],
        "rules": sorted(codes),
    }


def write_text(r: dict[str, Any], out: Any) -> None:
    from decimal import Decimal

    from govproj.packs.change_control import share

    out.write(f"{r['path']}  {r['project']}\n批复基线：{r['baseline']}\n")
    if not r["summary"]:
        out.write("与批复基线相比没有变化（总投资、预算明细、建设内容）。\n")
    else:
        delta = "" if not Decimal(r["total_delta"]) else f"（{'+' if not r['total_delta'].startswith('-') else ''}{r['total_delta']} 万元）"
        out.write(f"总投资：{r['total_before']} → {r['total_after']} 万元{delta}\n")
        if r["lines"]:
            out.write("预算明细：\n")
            for line in r["lines"]:
                sign = "+" if not line["delta"].startswith("-") else ""
                out.write(f"  {line['name']}：{line['before']} → {line['after']} 万元（{sign}{line['delta']} 万元）\n")
        ratio = share(Decimal(r["ratio"])) if r["ratio"] else "—"
        out.write(f"涉及金额：{r['changed_amount']} 万元，占批复总投资 {ratio}\n")
        if r["content"]:
            out.write("建设内容有变化：" + "、".join(r["content"]) + "\n")
    if r["records"]:
        out.write("基线之后的变更记录：\n")
        for rec in r["records"]:
            out.write(f"  {rec['id'] or '#' + str(rec['index'] + 1)}  {rec['date']}  {rec['what'] or ''}  "
                      f"{rec['amount'] or '?'} 万元  {rec['procedure'] or '程序未写'} {rec['by'] or ''}\n")
    route = r["route"]
    if route:
        out.write(f"按{r['article']}：{route['closed'] or route['action']}" + (f"（{route['why']}）" if route["why"] else "")
                  + "\n")
    if r["findings"]:
        out.write("变更控制的问题：\n")
        for d in r["findings"]:
            out.write(f"  {d['file']}:{d['line']}  {d['code']}  {d['message']}\n      处理办法：{d['hint']}\n")
    elif r["summary"]:
        out.write(f"✓ 变更记录符合要求（{'、'.join(r['rules'])}）\n")


def run(args: SimpleNamespace) -> int:
    from govproj.commands.check import parse_today
    from govproj.errors import UsageError
    from govproj.core.project import is_project

    folder = Path(args.path)
    if not is_project(folder):
        raise UsageError(f"{folder} 不是项目文件夹（没有 project.yaml）", hint="diff 一次比较一个项目")
    record = compare_record(folder, args.baseline, parse_today(args.today))
    if args.format == "json":
        json.dump({"version": 1, **record}, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        write_text(record, sys.stdout)
    return 1 if any(d["severity"] == "error" for d in record["findings"]) else 0
