"""北京市西城区 西政发〔2022〕7号: no annexed forms; 第二十三条 defines the 中期报告 by its content. And a summary."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from govproj.forms import Form
from govproj.forms.common import (Chapter, as_fields, budget_intro, events_text, fmt_date, join, labelled, opening_text,
                                  parties_getter, resources_text, total_text, value_of)
from govproj.forms.summary import summary_form

if TYPE_CHECKING:
    from govproj.core.project import Project


def _event(key: str):
    """A recorded event as "2025年1月24日，西科信函〔2025〕15号"."""
    def get(project: "Project", ctx: dict[str, Any]) -> str | None:
        event = project.event(key) or {}
        return join([fmt_date(event.get("date")), event.get("doc_no")], "，") or None
    return get


def resource_work(project: "Project", ctx: dict[str, Any]) -> str | None:
    work = project.get("sharing.yaml", "resource_work") or {}
    steps = [(label, work.get(key)) for key, label in (("cloud_on", "入云"), ("updated_on", "更新"), ("chained_on", "上链"),
                                                        ("rights_on", "确权"))]
    done = [f"{label}（{fmt_date(day)}完成）" for label, day in steps if day]
    todo = [label for label, day in steps if not day]
    text = join(["已完成：" + "、".join(done) if done else "", "尚未完成：" + "、".join(todo) if todo else "",
                 work.get("note")], "；")
    return text if done or work.get("note") else None


def operation(project: "Project", ctx: dict[str, Any]) -> str | None:
    op = project.get("sharing.yaml", "authorized_operation") or {}
    if op.get("involved") is True:
        return join([f"涉及公共数据授权运营，授权主体：{op['subject']}" if op.get("subject") else "涉及公共数据授权运营",
                     f"数据范围：{op['data_scope']}" if op.get("data_scope") else ""], "；")
    return "不涉及公共数据授权运营" if op.get("involved") is False else None


def assessments(project: "Project", ctx: dict[str, Any]) -> str | None:
    results = {"pass": "通过", "fail": "未通过"}
    lines = [join([a.get("type"), fmt_date(a.get("date")), a.get("by"), results.get(str(a.get("result") or ""), "")], "，")
             for _, a in project.items("security.yaml", "assessments")]
    return "\n".join(line for line in lines if line) or None


MIDTERM: tuple[Chapter, ...] = (
    Chapter("一、项目基本情况", key="x1", fields=as_fields(
        ("项目名称", value_of("project.yaml", "name")), ("项目单位", value_of("project.yaml", "unit")),
        ("项目类型", lambda p, c: c.get("kind_label")), ("审查意见函", _event("review_letter")),
        ("总投资", total_text), ("开始实施", _event("work_started")),
        ("计划完成", value_of("project.yaml", "planned_finish")), ("承建等单位", parties_getter)),
        source="project.yaml → name、unit、kind、events、planned_finish；budget.yaml；contract.yaml"),
    Chapter("二、项目建设进度", key="x2", fields=as_fields(("当前阶段", lambda p, c: c.get("stage_label")),
                                                   ("已记录的进展", events_text)),
            source="project.yaml → stage、events",
            note="（写明已完成的建设内容、与计划进度的对比；出现延期、投资损失风险等情况的，说明情况并及时报告区科技和信息化局）"),
    Chapter("三、数据资源建设情况", key="x3", fields=as_fields(
        ("数据资源", resources_text), ("入云、更新、上链、确权", resource_work), ("信息资源共享", opening_text("sharing")),
        ("信息资源开放", opening_text("opening")), ("公共数据授权运营", operation)),
        source="sharing.yaml → description、resources、resource_work、sharing、opening、authorized_operation"),
    Chapter("四、安全体系建设情况", key="x4", fields=as_fields(
        ("安全保护等级和方案", lambda p, c: c.get("security_text")), ("测评", assessments),
        ("关键信息基础设施", value_of("security.yaml", "cii"))),
        source="security.yaml → level、filing、plan、crypto、assessments、cii",
        note="（说明安全保护等级对应的安全建设或改建进展、密码应用建设情况）"),
    Chapter("五、预算执行情况", "（写明项目总投资和资金来源；预算明细见下表）", key="x5", fill=budget_intro,
            source="budget.yaml → total、lines、sources", table="budget",
            note="（写明截至报告日已支付金额、预算执行率，与计划的差异及原因）"),
)


def midterm(project: "Project", ctx: dict[str, Any]) -> dict[str, Any]:
    return {"reported": project.event("midterm_reported") or {}}


FORMS: tuple[Form, ...] = (
    Form("midterm", "xc", "信息化项目中期报告", "第二十三条", midterm, outline=MIDTERM,
         note="报送区科技和信息化局、区财政局：项目建设进度、数据资源建设、安全体系建设和预算执行情况",
         sources={"reported": "project.yaml → events.midterm_reported（中期报告报送）"}),
    summary_form("xc"),
)
