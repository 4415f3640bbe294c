"""杭州市拱墅区 信息化项目管理办法（征求意见稿）: no annexed forms; 五（四）defines the “双监控” 绩效监控报告 and 五（六）the
resource requests by their content. And a summary."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from govproj.forms import Form
from govproj.forms.common import (Chapter, as_fields, budget_intro, events_text, fmt_date, join, labelled, parties_getter,
                                  total_text, value_of)
from govproj.forms.summary import summary_form

if TYPE_CHECKING:
    from govproj.core.project import Project

CONNECTIONS = (("data_hub", "区数据中枢"), ("base_services", "基础服务（公共基础支撑平台）"), ("interface", "数据共享接口"))


def _document(key: str):
    def get(project: "Project", ctx: dict[str, Any]) -> str | None:
        doc = project.document(key) or {}
        title = f"《{doc['title']}》" if doc.get("title") else ""
        return join([title, fmt_date(doc.get("date"))], "，") or None
    return get


def supervision_units(project: "Project", ctx: dict[str, Any]) -> str | None:
    names = [join([p.get("name"), f"合同编号 {p['contract_no']}" if p.get("contract_no") else ""], "，")
             for p in ctx.get("parties") or [] if p.get("role") == "监理"]
    return "\n".join(names) or None


MONITORING: tuple[Chapter, ...] = (
    Chapter("一、项目基本情况", key="g1", fields=as_fields(
        ("项目名称", value_of("project.yaml", "name")), ("项目建设单位", value_of("project.yaml", "unit")),
        ("项目类型", lambda p, c: c.get("kind_label")), ("总投资", total_text), ("承建等单位", parties_getter)),
        source="project.yaml → name、unit、kind；budget.yaml；contract.yaml"),
    Chapter("二、绩效目标实现程度", key="g2", fields=as_fields(("绩效目标", _document("performance_goals"))),
            source="project.yaml → documents.performance_goals（信息化项目绩效目标）",
            note="（对照绩效目标逐项说明实现程度，未达到的说明原因和措施）"),
    Chapter("三、预算执行进度", "（写明项目总投资和资金来源；预算明细见下表）", key="g3", fill=budget_intro,
            source="budget.yaml → total、lines、sources", table="budget",
            note="（写明截至监控期末已支付金额、预算执行率，与计划进度的差异及原因）"),
    Chapter("四、项目实施进度", key="g4", fields=as_fields(("当前阶段", lambda p, c: c.get("stage_label")),
                                                   ("已记录的进展", events_text)),
            source="project.yaml → stage、events", note="（说明按计划推进情况和存在的问题）"),
    Chapter("五、项目监理情况", key="g5", fields=as_fields(("监理单位", supervision_units),
                                                   ("监理相关材料", _document("supervision_materials"))),
            source="contract.yaml → parties（监理）；project.yaml → documents.supervision_materials",
            guidance="经费预算100万元以上的信息化项目，由项目建设单位落实项目监理，并向领导小组办公室提交项目监理相关材料。"),
)

RESOURCE_TYPES = ("政务云", "基础服务", "数据共享")  # 五（六）names these resources


def monitoring(project: "Project", ctx: dict[str, Any]) -> dict[str, Any]:
    reports = [item for _, item in project.items("project.yaml", "monitoring")]
    dated = [r for r in reports if r.get("date")]
    latest = max(dated, key=lambda r: r["date"]) if dated else (reports[-1] if reports else {})
    return {"latest_report": latest}


def resources(project: "Project", ctx: dict[str, Any]) -> dict[str, Any]:
    """The allocations under the three resources 五（六）names (政务云、基础服务、数据共享: a row each, blank to write in
    when the project has none), then the others; the connections before going live."""
    items = [item for _, item in project.items("project.yaml", "allocations")]
    ordered = []
    for kind in RESOURCE_TYPES:
        mine = [item for item in items if kind in str(item.get("type") or "")]
        ordered += mine or [{"type": kind}]
    ordered += [item for item in items if not any(kind in str(item.get("type") or "") for kind in RESOURCE_TYPES)]
    rows = [{"no": n, **item} for n, item in enumerate(ordered, 1)]
    connections = []
    for key, label in CONNECTIONS:
        item = project.get("sharing.yaml", key) or {}
        connections.append({"label": label, "connected": item.get("connected"), "date": item.get("date"),
                            "note": item.get("note")})
    return {"allocations": rows, "connections": connections}


FORMS: tuple[Form, ...] = (
    Form("monitoring", "gs", "信息化项目绩效监控报告", "五（四）", monitoring, outline=MONITORING,
         note="“双监控”：绩效目标实现程度和预算执行进度，报送领导小组办公室和区财政局",
         sources={"latest_report": "project.yaml → monitoring（最近一期绩效监控报告）"}),
    Form("resources", "gs", "信息化项目资源申请表", "五（六）", resources,
         note="向区数据资源局申请政务云、基础服务、数据共享等资源；上线前的对接情况",
         sources={"allocations": "project.yaml → allocations（资源申请与分配）",
                  "connections": "sharing.yaml → data_hub、base_services、interface（对接情况）"}),
    summary_form("gs"),
)
