"""Small helpers that rules of every pack use: "is this filled", "is this signed", "did this happen, when"."""
from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Any, Iterator

from govproj.core.rules import Finding

if TYPE_CHECKING:
    from govproj.core.project import Project


def blank(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def require(project: "Project", file: str, path: tuple, label: str, hint: str = "") -> Iterator[Finding]:
    """A finding when the value at file/path is missing or empty (pointing where it belongs)."""
    if not project.has(file):
        yield Finding(file, (), f"缺少文件 {file}，其中应填写“{label}”",
                      hint or f"用 `govproj new` 生成 {file} 模板后填写{label}")
    elif blank(project.get(file, *path)):
        yield Finding(file, path, f"“{label}”未填写", hint or f"填写{label}")


def require_signoff(project: "Project", file: str, path: tuple, label: str) -> Iterator[Finding]:
    """A signature block needs the signer and the date (the opinion may be blank: the pen writes it)."""
    if not project.has(file):
        yield Finding(file, (), f"缺少文件 {file}，“{label}”无从签字", f"用 `govproj new` 生成 {file} 后填写")
        return
    block = project.get(file, *path) or {}
    missing = [name for key, name in (("name", "签字人"), ("date", "签字日期")) if blank(block.get(key))]
    if missing:
        where = path + (("date",) if block.get("name") else ("name",))
        yield Finding(file, where if block else path, f"“{label}”缺少{'和'.join(missing)}",
                      "纸面签字后，在此记录签字人和签字日期，并把签字扫描件放入 evidence/")


def require_event(project: "Project", key: str, label: str, *, need: tuple[str, ...] = ("date",),
                  hint: str = "") -> Iterator[Finding]:
    event = project.event(key)
    if event is None:
        yield Finding("project.yaml", ("events", key), f"没有记录“{label}”",
                      hint or f"在 project.yaml 的 events.{key} 下写日期、文号和证据文件")
        return
    names = {"date": "日期", "doc_no": "文号", "result": "结论", "by": "机关", "evidence": "证据文件"}
    for field in need:
        if blank(event.get(field)):
            yield Finding("project.yaml", ("events", key, field), f"“{label}”缺少{names.get(field, field)}",
                          hint or f"在 events.{key}.{field} 填写{names.get(field, field)}")


def require_document(project: "Project", key: str, label: str, *, need: tuple[str, ...] = ("evidence",),
                     hint: str = "") -> Iterator[Finding]:
    document = project.document(key)
    if document is None:
        yield Finding("project.yaml", ("documents", key), f"缺少材料“{label}”",
                      hint or f"在 project.yaml 的 documents.{key} 下写名称并附上证据文件")
        return
    names = {"evidence": "证据文件", "sealed": "盖章", "signed": "签字", "doc_no": "文号", "title": "名称", "date": "日期"}
    for field in need:
        value = document.get(field)
        if blank(value) or value is False:
            yield Finding("project.yaml", ("documents", key, field), f"材料“{label}”缺少{names.get(field, field)}",
                          hint or f"补充 documents.{key}.{field}")


def dates_in_order(file: str, path: tuple, later: Any, later_label: str, earlier: Any, earlier_label: str,
                   hint: str = "") -> Iterator[Finding]:
    """Order of two dates: `later` must not be before `earlier` (the same day is in order)."""
    if isinstance(later, _dt.date) and isinstance(earlier, _dt.date) and later < earlier:
        yield Finding(file, path, f"{later_label}（{fmt_date(later)}）早于{earlier_label}（{fmt_date(earlier)}）",
                      hint or f"核对两个日期：{later_label}应在{earlier_label}之后，办法规定的先后顺序不能颠倒")


def events_in_order(project: "Project", earlier: str, earlier_label: str, later: str, later_label: str,
                    hint: str = "") -> Iterator[Finding]:
    """Order of two recorded events (project.yaml → events): the finding points at the later event's date."""
    yield from dates_in_order("project.yaml", ("events", later, "date"), project.event_date(later), later_label,
                              project.event_date(earlier), earlier_label, hint)


def placeholder_evidence(*names: str) -> dict[str, str]:
    """Placeholder files for an example project's evidence/ folder, one per cited file name."""
    return {f"evidence/{n}": f"示例占位文件：正式使用时替换为《{n.rsplit('.', 1)[0]}》的扫描件或电子文件。\n"
            for n in names}


def date_of(project: "Project", key: str) -> _dt.date | None:
    return project.event_date(key)


def fmt_date(value: _dt.date) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


def archive_needed(project: "Project", items: Any) -> list[Any]:
    """The archive items (`govproj.packs.model.ArchiveItem`) this project must have: those whose condition holds."""
    return [item for item in items if item.when is None or item.when(project)]


def archive_findings(project: "Project", items: Any) -> Iterator[Finding]:
    """A finding for every required archive item the project lacks: the document is not there (a scaffold entry with
    every value blank counts as not there), or it lacks a field the item needs (its files, say). `check` (through
    the rule each item names) and `govproj archive` both report through this one function."""
    for item in archive_needed(project, items):
        document = project.document(item.key)
        if not document or all(blank(v) or v is False for v in document.values()):
            yield Finding("project.yaml", ("documents", item.key), f"缺少材料“{item.label}”",
                          f"在 project.yaml 的 documents.{item.key} 下写名称并附上证据文件",
                          at_key=document is not None)  # a blank scaffold entry: point at its key
        else:
            yield from require_document(project, item.key, item.label, need=item.need)


def decided(project: "Project", key: str) -> dict[str, Any] | None:
    """A reviewer's recorded decision (project.yaml `decisions.<key>`) when it says the case applies, else None."""
    value = project.get("project.yaml", "decisions", key)
    return value if isinstance(value, dict) and value.get("applies") is True else None


def decision_words(decision: dict[str, Any]) -> str:
    """Who decided, in which document, for a message: "（北京市西城区科技和信息化局 西科信函〔2026〕3号）"."""
    parts = [str(decision.get(k)) for k in ("by", "doc_no") if not blank(decision.get(k))]
    return f"（{' '.join(parts)}）" if parts else ""


def order_findings(project: "Project", today: _dt.date, kinds: tuple[str, ...], *, stopped: tuple[str, ...] = (),
                   body: str = "") -> Iterator[Finding]:
    """Findings on the orders (`project.yaml orders`) of `kinds` a supervising body gave the unit.

    整改/限期整改: done by the deadline when one is set (the deadline day itself is in time); open after it is a
    finding; open with no deadline (or before it) is only noted (info). 暂停建设: while no `done_on` records the
    resumption, the project may not stand in a stage of `stopped` (construction has moved on while suspended).
    No period is invented: a deadline is what the order says, and an order without one has none."""
    for index, item in project.items("project.yaml", "orders"):
        kind = item.get("kind")
        if kind not in kinds:
            continue
        path = ("orders", index)
        date, done, deadline = item.get("date"), item.get("done_on"), item.get("deadline")
        who = "".join(str(item.get(k)) for k in ("by",) if not blank(item.get(k))) or body or "主管部门"
        if not isinstance(date, _dt.date):
            yield Finding("project.yaml", path, f"{who}的{kind}要求没有写日期", "写 date：提出要求的日期", at_key=True)
            continue
        what = f"{who} {fmt_date(date)} 要求{kind}" + (f"（{item['doc_no']}）" if not blank(item.get("doc_no")) else "")
        if isinstance(done, _dt.date) and done < date:
            yield Finding("project.yaml", path + ("done_on",), f"{what}，落实日期 {fmt_date(done)} 早于要求日期",
                          "核对两个日期")
            continue
        if kind == "暂停建设":
            if done is None and project.stage in stopped:
                yield Finding("project.yaml", path, f"{what}，没有记录经同意恢复建设的日期（done_on），项目却已推进到"
                              f"“{project.pack.stage(project.stage).name}”",
                              "暂停期间不得继续建设：恢复建设时在 done_on 写日期并附同意恢复的文件", at_key=True)
            continue
        if isinstance(deadline, _dt.date):
            if isinstance(done, _dt.date) and done > deadline:
                yield Finding("project.yaml", path + ("done_on",),
                              f"{what}，期限 {fmt_date(deadline)}，{fmt_date(done)} 才完成，逾期整改", "按期完成整改")
            elif done is None and today > deadline:
                yield Finding("project.yaml", path, f"{what}，期限 {fmt_date(deadline)} 已过，没有记录整改完成（done_on）",
                              "完成整改后在 done_on 写日期并附整改报告", at_key=True)
            elif done is None:
                yield Finding("project.yaml", path, f"{what}，期限 {fmt_date(deadline)}，尚未完成", "完成后在 done_on 写日期",
                              severity="info", at_key=True)
        elif done is None:
            yield Finding("project.yaml", path, f"{what}，尚未记录整改完成", "完成整改后在 done_on 写日期并附整改报告",
                          severity="info", at_key=True)
