"""北京市 京经信委发〔2016〕1号: the four annexes (需求确认表, 市级共性平台, 共享开放情况表, 建设内容确认表) and a summary."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from govproj.forms import Form
from govproj.forms.summary import summary_form

if TYPE_CHECKING:
    from govproj.core.project import Project


# 附件2 prints two platforms with what they comprise; govproj's list (and project.yaml) use the short names
FULL_NAMES = {
    "首都之窗政务网站共性平台": "首都之窗政务网站共性平台（网上调查平台、网站无障碍平台、智能搜索引擎、图片管理系统、视频资源系统、"
                        "内容管理系统）",
    "市政务地理空间信息共享服务平台": "市政务地理空间信息共享服务平台（政务外网、互联网、京津冀）",
}


def _contact(text: str) -> tuple[str, str]:
    """"市内网协调办 63089339" → ("市内网协调办", "63089339"): the unit, and the number the annex prints after 联系电话："""
    unit, _, phone = text.rpartition(" ")
    return (unit, phone) if unit else (text, "")


def platforms(project: "Project", ctx: dict[str, Any]) -> dict[str, Any]:
    """附件2 市级共性平台列表 as the annex prints it (序号、名称、联系方式), with a column of our own marking the
    platforms the project uses."""
    from govproj.packs.bj.data import PLATFORMS

    used = [str(p) for p in project.get("project.yaml", "platforms") or []]
    known = {name for name, _ in PLATFORMS} | set(FULL_NAMES.values())
    rows = []
    for n, (name, contact) in enumerate(PLATFORMS, 1):
        unit, phone = _contact(contact)
        full = FULL_NAMES.get(name, name)
        rows.append({"no": n, "name": full, "unit": unit, "phone": phone,
                     "contact": unit + (f"\n联系电话：{phone}" if phone else ""),
                     "used": name in used or full in used})
    return {
        "platform_rows": rows,
        "platforms_used_count": sum(1 for r in rows if r["used"]),
        "other_platforms": [p for p in used if p not in known],
        "internal_platforms": [str(p) for p in project.get("project.yaml", "internal_platforms") or []],
    }


FORMS: tuple[Form, ...] = (
    Form("needs", "bj", "信息化项目需求确认表", "第4条", annex="附件1",
         note="业务部门负责人、业务主管领导签字确认；数据来自 needs.yaml"),
    Form("platforms", "bj", "市级共性平台列表", "第7条", platforms, annex="附件2",
         note="附件2 市级共性平台列表，标出本项目使用的平台；数据来自 project.yaml 的 platforms",
         sources={"platform_rows": "project.yaml → platforms（使用的共性平台）",
                  "platforms_used_count": "project.yaml → platforms（使用的共性平台）",
                  "other_platforms": "project.yaml → platforms 中不在附件2列表里的平台",
                  "internal_platforms": "project.yaml → internal_platforms（使用的单位内部共性平台）"}),
    Form("sharing", "bj", "信息资源共享开放情况表", "第8条", annex="附件3",
         note="共享开放为常态、不共享开放为例外；数据来自 sharing.yaml"),
    Form("construction", "bj", "信息化项目建设内容确认表", "第18条", annex="附件4",
         note="细化建设内容阶段填写，三方签字；数据来自 construction.yaml"),
    summary_form("bj"),
)
