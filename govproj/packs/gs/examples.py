"""Realistic Gongshu sample projects for `govproj new --example`, one per stage of the district's flow that matters.

- new: a 2027 project declared in September 2026, pre-reviewed and reviewed by the expert group, waiting to enter the
  project library (入库) that the leading group settles at the end of the year;
- upgrade: a 2026 upgrade in implementation, contracts filed, supervision and “双监控” reports in place;
- urgent: a 突发紧急 project approved by the district government in 2025, live since March 2026, in operation.
The first two sit at a stage from which they can advance: every gate of the next stage holds; the third is
at the last stage.
"""
from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from typing import Any

from govproj.packs.helpers import placeholder_evidence

D = _dt.date
OFFICE = "拱墅区数据资源局（领导小组办公室）"
FINANCE = "拱墅区财政局"


def _money(lines: list[tuple[str, str, str]], source: str) -> dict[str, Any]:
    """budget.yaml from (name, category, amount) lines; one funding source for the whole total."""
    items = [{"name": n, "category": c, "amount": Decimal(a)} for n, c, a in lines]
    total = sum((item["amount"] for item in items), Decimal("0.00"))
    return {"unit": "万元", "total": total, "lines": items, "sources": [{"source": source, "type": "区级财政资金", "amount": total}]}


def new() -> dict[str, Any]:
    """A new elderly-care supervision platform for 2027: declared, pre-reviewed, passed the expert review."""
    project = {
        "id": "gs-2027-elderly-care",
        "name": "拱墅区养老服务智慧监管平台建设项目",
        "unit": "杭州市拱墅区民政局",
        "jurisdiction": "gs",
        "kind": "new",
        "stage": "review",
        "budget_year": 2027,
        "major": False,
        "complex": False,
        "summary": "建设全区统一的养老服务智慧监管平台，汇聚养老机构、居家养老服务和补贴发放数据，支撑监管和服务评价。",
        "contacts": [
            {"role": "项目负责人", "name": "沈丽华", "phone": "0571-88250316", "email": "shenlh@example.gov.cn"},
            {"role": "信息化联系人", "name": "陆文斌", "phone": "0571-88250327", "email": "luwb@example.gov.cn"},
        ],
        "events": {
            "declared": {"date": D(2026, 9, 14), "doc_no": "拱民函〔2026〕58号", "evidence": ["evidence/申报函.pdf"]},
            "prereview": {"date": D(2026, 9, 18), "doc_no": "拱数预审〔2026〕37号", "result": "pass", "by": OFFICE,
                          "evidence": ["evidence/预审意见书.pdf"]},
            "reviewed": {"date": D(2026, 10, 16), "doc_no": "拱数评〔2026〕21号", "result": "pass", "by": OFFICE,
                         "participants": ["拱墅区发改经信局", FINANCE, "评审专家组（5人）"],
                         "evidence": ["evidence/专家组审查意见.pdf"]},
        },
        "documents": {
            "implementation_plan": {"title": "拱墅区养老服务智慧监管平台建设项目实施方案", "date": D(2026, 9, 10),
                                    "evidence": ["evidence/实施方案.pdf"]},
            "feasibility": {"title": "拱墅区养老服务智慧监管平台建设项目可行性分析报告", "date": D(2026, 8, 28),
                            "evidence": ["evidence/可行性分析报告.pdf"]},
            "performance_goals": {"title": "2027年度信息化项目绩效目标表（养老服务智慧监管平台）", "date": D(2026, 11, 6),
                                  "evidence": ["evidence/绩效目标表.pdf"]},
        },
    }
    sharing = {
        "resource_building": True,
        "sources": ["本部门", "其他部门"],
        "description": "建设养老服务主题库：养老机构、床位、服务记录、补贴发放约60万条，经区数据中枢归集和共享。",
        "data_standards": ["浙江省公共数据元规范（省级）", "杭州市政务数据资源目录编制规范（市级）", "拱墅区数据资源归集共享规范（区级）"],
        "data_hub": {"connected": False, "note": "计划2027年9月上线前完成对接"},
        "base_services": {"connected": False},
        "interface": {"connected": False},
        "direct_links": [],
    }
    budget = _money([("平台软件开发", "软件开发", "118.00"), ("物联感知设备接入", "系统集成", "26.50"),
                     ("数据治理与归集", "数据工程", "18.00"), ("等级测评与密码测评", "测评", "9.00"),
                     ("工程监理", "监理", "9.00"), ("安全加固", "安全", "6.00")], "区级财政资金")
    security = {
        "level": 3,
        "plan": {"title": "拱墅区养老服务智慧监管平台信息安全保障方案", "date": D(2026, 9, 10),
                 "evidence": ["evidence/信息安全保障方案.pdf"]},
    }
    files = {"project.yaml": project, "sharing.yaml": sharing, "budget.yaml": budget, "security.yaml": security}
    evidence = placeholder_evidence("申报函.pdf", "预审意见书.pdf", "专家组审查意见.pdf", "实施方案.pdf",
                         "可行性分析报告.pdf", "绩效目标表.pdf", "信息安全保障方案.pdf")
    return {"files": files, "evidence": evidence}


def upgrade() -> dict[str, Any]:
    """A 2026 upgrade of the city-operations platform: procured, contracts filed, in implementation."""
    project = {
        "id": "gs-2026-city-ops",
        "name": "拱墅区城市运行管理服务平台升级改造项目",
        "unit": "杭州市拱墅区城市管理局",
        "jurisdiction": "gs",
        "kind": "upgrade",
        "stage": "implement",
        "budget_year": 2026,
        "major": False,
        "complex": False,
        "summary": "在现有数字城管系统基础上升级为城市运行管理服务平台，新增运行监测、综合评价和市区两级数据对接。",
        "contacts": [
            {"role": "项目负责人", "name": "方志强", "phone": "0571-88256201", "email": "fangzq@example.gov.cn"},
        ],
        "events": {
            "declared": {"date": D(2025, 9, 10), "doc_no": "拱城管函〔2025〕72号"},
            "prereview": {"date": D(2025, 9, 16), "doc_no": "拱数预审〔2025〕29号", "result": "pass", "by": OFFICE,
                          "evidence": ["evidence/预审意见书.pdf"]},
            "reviewed": {"date": D(2025, 10, 22), "doc_no": "拱数评〔2025〕17号", "result": "pass", "by": OFFICE,
                         "participants": ["拱墅区发改经信局", FINANCE, "评审专家组（5人）"],
                         "evidence": ["evidence/专家组审查意见.pdf"]},
            "library": {"date": D(2025, 12, 18), "doc_no": "拱数转领〔2025〕5号", "evidence": ["evidence/入库通知.pdf"]},
            "tender_confirmed": {"date": D(2026, 3, 6), "doc_no": "拱数招需〔2026〕11号", "result": "pass", "by": OFFICE,
                                 "evidence": ["evidence/招标需求确认意见.pdf"]},
            "procurement_started": {"date": D(2026, 3, 20), "doc_no": "HZGS-2026-0317",
                                    "note": "浙江政府采购网发布公开招标公告"},
            "procured": {"date": D(2026, 4, 24), "doc_no": "HZGS-2026-0317", "evidence": ["evidence/中标通知书.pdf"]},
        },
        "documents": {
            "implementation_plan": {"title": "拱墅区城市运行管理服务平台升级改造项目实施方案", "date": D(2025, 9, 5),
                                    "evidence": ["evidence/实施方案.pdf"]},
            "feasibility": {"title": "城市运行管理服务平台升级改造前期论证报告", "date": D(2025, 8, 20),
                            "evidence": ["evidence/前期论证报告.pdf"]},
            "performance_goals": {"title": "2026年度信息化项目绩效目标表（城市运行管理服务平台）", "date": D(2025, 11, 28),
                                  "evidence": ["evidence/绩效目标表.pdf"]},
            "tender_needs": {"title": "城市运行管理服务平台升级改造项目招标需求", "date": D(2026, 2, 27),
                             "evidence": ["evidence/招标需求.pdf"]},
            "supervision_materials": {"title": "监理合同及监理规划", "date": D(2026, 5, 20),
                                      "evidence": ["evidence/监理规划.pdf"]},
            "ledger": {"title": "城市运行管理服务平台升级改造项目实施台账", "date": D(2026, 11, 2),
                       "evidence": ["evidence/实施台账.xlsx"]},
        },
        "monitoring": [
            {"date": D(2026, 7, 8), "period": "2026年第二季度", "goals": True, "budget": True, "to": [OFFICE, FINANCE],
             "evidence": ["evidence/绩效监控报告-2026Q2.pdf"]},
            {"date": D(2026, 10, 8), "period": "2026年第三季度", "goals": True, "budget": True, "to": [OFFICE, FINANCE],
             "evidence": ["evidence/绩效监控报告-2026Q3.pdf"]},
        ],
        "allocations": [
            {"type": "政务云", "content": "云主机 8核32G 6台、对象存储 20TB", "applied_on": D(2026, 5, 20),
             "allocated_on": D(2026, 5, 28), "doc_no": "拱数资〔2026〕61号", "evidence": ["evidence/资源分配表.pdf"]},
        ],
        "settings": {"GS054": {"interval_months": 3}},
    }
    sharing = {
        "resource_building": True,
        "sources": ["本部门", "其他部门"],
        "description": "城市部件、事件、运行监测指标数据，经区数据中枢归集，向市城市运行管理服务平台共享。",
        "catalogue": {"title": "城市运行管理数据资源目录", "date": D(2026, 9, 15), "entries": 38,
                      "evidence": ["evidence/数据资源目录.xlsx"]},
        "data_hub": {"connected": False, "note": "计划2026年12月完成对接"},
        "base_services": {"connected": False},
        "interface": {"connected": False},
        "direct_links": [],
    }
    budget = _money([("平台升级开发", "软件开发", "168.00"), ("数据治理与接口", "数据工程", "46.00"),
                     ("服务器与存储扩容", "硬件购置", "30.00"), ("工程监理", "监理", "12.00"),
                     ("等级测评", "测评", "12.00")], "区级财政资金")
    contract = {
        "price_cap": {"amount": Decimal("244.00"), "date": D(2026, 3, 13), "doc_no": "拱数限价〔2026〕9号",
                      "by": "领导小组办公室会同拱墅区发改经信局、拱墅区财政局", "evidence": ["evidence/最高限价确定意见.pdf"]},
        "parties": [
            {"role": "承建", "name": "杭州云巢信息技术有限公司", "selection": "公开招标", "contract_no": "GSCG-2026-0417",
             "signed_on": D(2026, 5, 8), "amount": Decimal("238.60"), "filed_on": D(2026, 5, 13),
             "evidence": ["evidence/承建合同.pdf"]},
            {"role": "监理", "name": "浙江华信工程监理咨询有限公司", "selection": "竞争性磋商", "contract_no": "JL-2026-006",
             "signed_on": D(2026, 5, 12), "amount": Decimal("11.20"), "filed_on": D(2026, 5, 15),
             "evidence": ["evidence/监理合同.pdf"]},
        ],
    }
    security = {
        "level": 3,
        "filing": {"date": D(2021, 6, 18), "doc_no": "33010530012-21001"},
        "plan": {"title": "城市运行管理服务平台信息安全保障方案", "date": D(2025, 9, 5),
                 "evidence": ["evidence/信息安全保障方案.pdf"]},
    }
    files = {"project.yaml": project, "sharing.yaml": sharing, "budget.yaml": budget, "contract.yaml": contract,
             "security.yaml": security}
    evidence = placeholder_evidence("预审意见书.pdf", "专家组审查意见.pdf", "入库通知.pdf", "招标需求确认意见.pdf", "中标通知书.pdf",
                         "实施方案.pdf", "前期论证报告.pdf", "绩效目标表.pdf", "招标需求.pdf", "监理规划.pdf",
                         "实施台账.xlsx", "绩效监控报告-2026Q2.pdf", "绩效监控报告-2026Q3.pdf", "资源分配表.pdf",
                         "数据资源目录.xlsx", "最高限价确定意见.pdf", "承建合同.pdf", "监理合同.pdf", "信息安全保障方案.pdf")
    return {"files": files, "evidence": evidence}


def urgent() -> dict[str, Any]:
    """A flood-command system built urgently after the 2025 typhoon season: live since March 2026, in operation."""
    project = {
        "id": "gs-2025-flood-command",
        "name": "拱墅区防汛防台应急指挥调度系统建设项目",
        "unit": "杭州市拱墅区应急管理局",
        "jurisdiction": "gs",
        "kind": "urgent",
        "stage": "operation",
        "budget_year": 2025,
        "major": False,
        "summary": "汛期急需：汇聚河道水位、易涝点视频和值班力量，实现防汛防台会商、指令下达和反馈闭环。",
        "contacts": [
            {"role": "项目负责人", "name": "郑海峰", "phone": "0571-88258110", "email": "zhenghf@example.gov.cn"},
        ],
        "events": {
            "declared": {"date": D(2025, 8, 4), "doc_no": "拱应急〔2025〕41号", "by": "杭州市拱墅区人民政府",
                         "note": "直接报区政府审批", "evidence": ["evidence/请示.pdf"]},
            "office_opinion": {"date": D(2025, 8, 8), "doc_no": "拱数转办〔2025〕31号", "by": OFFICE,
                               "participants": [FINANCE], "evidence": ["evidence/领导小组办公室意见.pdf"]},
            "government_approved": {"date": D(2025, 8, 15), "doc_no": "拱政纪〔2025〕14号", "result": "pass",
                                    "by": "杭州市拱墅区人民政府", "evidence": ["evidence/区政府同意.pdf"]},
            "library": {"date": D(2025, 8, 20), "doc_no": "拱数转领〔2025〕3号", "note": "纳入2025年度建设计划"},
            "tender_confirmed": {"date": D(2025, 8, 27), "doc_no": "拱数招需〔2025〕26号", "result": "pass", "by": OFFICE},
            "procurement_started": {"date": D(2025, 9, 1), "doc_no": "HZGS-2025-0833"},
            "procured": {"date": D(2025, 9, 19), "doc_no": "HZGS-2025-0833", "evidence": ["evidence/中标通知书.pdf"]},
            "accepted": {"date": D(2026, 3, 20), "doc_no": "拱数验〔2026〕8号", "result": "pass", "by": OFFICE,
                         "evidence": ["evidence/竣工验收意见.pdf"]},
            "golive": {"date": D(2026, 3, 30)},
        },
        "documents": {
            "tender_needs": {"title": "防汛防台应急指挥调度系统招标需求", "date": D(2025, 8, 25),
                             "evidence": ["evidence/招标需求.pdf"]},
            "ledger": {"title": "防汛防台应急指挥调度系统实施和运维台账", "date": D(2026, 3, 5),
                       "evidence": ["evidence/实施和运维台账.xlsx"]},
        },
        "monitoring": [
            {"date": D(2025, 11, 10), "period": "2025年10月", "goals": True, "budget": True, "to": [OFFICE, FINANCE]},
            {"date": D(2026, 1, 12), "period": "2025年第四季度", "goals": True, "budget": True, "to": [OFFICE, FINANCE]},
        ],
        "allocations": [
            {"type": "政务云", "content": "云主机 8核16G 4台", "applied_on": D(2025, 10, 9), "allocated_on": D(2025, 10, 16),
             "doc_no": "拱数资〔2025〕143号"},
            {"type": "数据共享", "content": "水位、气象预警数据共享", "applied_on": D(2026, 2, 10),
             "allocated_on": D(2026, 2, 26), "doc_no": "拱数资〔2026〕18号"},
        ],
        "om_records": [
            {"date": D(2026, 6, 30), "period": "2026年第二季度", "evidence": ["evidence/运维安全保障记录-2026Q2.pdf"]},
            {"date": D(2026, 9, 30), "period": "2026年第三季度", "evidence": ["evidence/运维安全保障记录-2026Q3.pdf"]},
        ],
        "evaluations": [
            {"date": D(2026, 10, 28), "by": "浙江中诚工程管理咨询有限公司", "result": "良",
             "evidence": ["evidence/绩效评价报告.pdf"]},
        ],
        "settings": {"GS054": {"interval_months": 3}, "GS061": {"period_months": 3}},
    }
    sharing = {
        "resource_building": True,
        "sources": ["本部门", "其他部门"],
        "description": "河道水位、易涝点、值班力量数据，经区数据中枢归集；气象预警数据由区数据中枢共享获取。",
        "catalogue": {"title": "防汛防台数据资源目录", "date": D(2026, 3, 2), "entries": 21,
                      "evidence": ["evidence/数据资源目录.xlsx"]},
        "data_hub": {"connected": True, "date": D(2026, 3, 12), "evidence": ["evidence/数据中枢对接确认单.pdf"]},
        "base_services": {"connected": True, "date": D(2026, 3, 10)},
        "interface": {"connected": True, "date": D(2026, 3, 12)},
        "direct_links": [],
    }
    budget = _money([("指挥调度系统开发", "软件开发", "52.00"), ("视频会商终端", "硬件购置", "16.90"),
                     ("水位与视频数据对接", "数据工程", "10.00"), ("等级测评", "测评", "7.10")], "区级财政资金")
    contract = {
        "price_cap": {"amount": Decimal("80.00"), "date": D(2025, 8, 29), "doc_no": "拱数限价〔2025〕22号",
                      "by": "领导小组办公室会同拱墅区发改经信局、拱墅区财政局"},
        "parties": [
            {"role": "承建", "name": "杭州安澜数智科技有限公司", "selection": "公开招标", "contract_no": "YJ-2025-0921",
             "signed_on": D(2025, 9, 24), "amount": Decimal("78.90"), "filed_on": D(2025, 9, 29),
             "evidence": ["evidence/承建合同.pdf"]},
            {"role": "测评", "name": "浙江省信息安全测评中心", "selection": "询价", "contract_no": "CP-2026-003",
             "signed_on": D(2026, 1, 12), "amount": Decimal("7.10"), "filed_on": D(2026, 1, 15)},
        ],
    }
    security = {
        "level": 3,
        "filing": {"date": D(2026, 1, 20), "doc_no": "33010530012-26004"},
        "plan": {"title": "防汛防台应急指挥调度系统信息安全保障方案", "date": D(2025, 8, 25),
                 "evidence": ["evidence/信息安全保障方案.pdf"]},
        "assessments": [{"type": "等级测评", "date": D(2026, 3, 16), "result": "pass", "by": "浙江省信息安全测评中心"}],
    }
    files = {"project.yaml": project, "sharing.yaml": sharing, "budget.yaml": budget, "contract.yaml": contract,
             "security.yaml": security}
    evidence = placeholder_evidence("请示.pdf", "领导小组办公室意见.pdf", "区政府同意.pdf", "中标通知书.pdf", "竣工验收意见.pdf",
                         "招标需求.pdf", "实施和运维台账.xlsx", "运维安全保障记录-2026Q2.pdf", "运维安全保障记录-2026Q3.pdf",
                         "绩效评价报告.pdf", "数据资源目录.xlsx", "数据中枢对接确认单.pdf", "承建合同.pdf",
                         "信息安全保障方案.pdf")
    return {"files": files, "evidence": evidence}


EXAMPLES = {"new": new, "upgrade": upgrade, "urgent": urgent}
