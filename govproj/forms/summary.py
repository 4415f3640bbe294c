"""The one-page project summary every jurisdiction gets: who, what, how much, where it stands, what is on file."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from govproj.forms import Form
from govproj.forms.common import blank, fmt_date, join

if TYPE_CHECKING:
    from govproj.core.project import Project


def summary(project: "Project", ctx: dict[str, Any]) -> dict[str, Any]:
    pack = project.pack
    ids = [s.id for s in pack.stages]
    position = ids.index(project.stage) + 1 if project.stage in ids else 0
    documents = []
    for key, label, _ in pack.documents:
        doc = project.document(key)
        if not doc or all(blank(v) for v in doc.values()):
            continue
        state = join(["已签字" if doc.get("signed") else "", "已盖章" if doc.get("sealed") else ""], "、")
        documents.append({"key": key, "label": label, **doc,
                          "text": join([f"《{doc['title']}》" if doc.get("title") else "", doc.get("doc_no"),
                                        fmt_date(doc.get("date")), state], "，")})
    changes = [item for _, item in project.items("changes.yaml", "changes")]
    return {
        "stage_position": f"第{position}步，共{len(ids)}步" if position else "",
        "documents": documents,
        "changes_count": len(changes),
    }


def summary_form(jurisdiction: str) -> Form:
    return Form("summary", jurisdiction, "项目概要", "—", summary,
                note="一页概要：基本信息、资金、阶段、已记录的事件和材料（govproj 汇总，非管理办法附件）",
                sources={"stage_position": "project.yaml → stage（当前阶段）",
                         "documents": "project.yaml → documents（材料）",
                         "changes_count": "changes.yaml → changes（变更记录）"})
