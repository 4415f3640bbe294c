"""Realistic Yubei sample projects for `govproj new --example`: a 建设类 platform and a 运维类 service.

Each sits at a stage from which it can advance: every gate of the next stage holds (today 2026-11-25).
"""
from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from typing import Any

from govproj.packs.helpers import placeholder_evidence
from govproj.packs.yb.data import CHAPTERS

D = _dt.date
BUREAU = "重庆市渝北区大数据应用发展管理局"


def _doc(title: str, file: str, **extra: Any) -> dict[str, Any]:
    return {"title": title, **extra, "evidence": [f"evidence/{file}"]}


def build() -> dict[str, Any]:
    """Phase 1 of a city-management platform: accepted on 2026-11-10, files archived on 2026-11-20."""
    project = {
        "id": "yb-2026-smart-city-admin",
        "name": "渝北区智慧城管综合监管平台建设项目（一期）",
        "unit": "重庆市渝北区城市管理局",
        "jurisdiction": "yb",
        "kind": "build",
        "stage": "archive",
        "budget_year": 2026,
        "summary": "建设城市管理问题发现、派遣、处置、核查的综合监管平台和指挥中心，一期覆盖12个街道，二期（2027年）延伸到各镇。",
        "contacts": [
            {"role": "联系人", "name": "何静", "phone": "023-67821456", "email": "hejing@example.gov.cn"},
            {"role": "项目负责人", "name": "邓志强", "phone": "023-67821400"},
        ],
        "build_type": "新建",
        "procurement_types": ["服务类", "货物类"],
        "period": {"start": D(2026, 6, 1), "end": D(2026, 12, 31)},
        "fixed_asset": True,
        "platforms": ["渝北区政务云", "政务数据共享交换平台"],
        "network": {"new_private_network": False,
                    "private_networks": [{"name": "城管视频监控专网", "joined": True, "note": "2024年已接入区电子政务外网"}]},
        "phase": {"number": 1, "total": 2},
        "events": {
            "declared": {"date": D(2026, 3, 16), "note": "通过区大数据发展局项目申报窗口提交需求申报表和需求说明"},
            "prereviewed": {"date": D(2026, 4, 8), "result": "pass", "by": BUREAU, "doc_no": "渝北大数据审〔2026〕15号"},
            "expert_reviewed": {"date": D(2026, 4, 28), "result": "pass", "by": BUREAU,
                                "participants": [BUREAU, "重庆市渝北区财政局", "重庆市渝北区发展和改革委员会"],
                                "evidence": ["evidence/专家评审意见.pdf"]},
            "deliberated": {"date": D(2026, 5, 21), "result": "pass", "by": "重庆市渝北区人民政府",
                            "doc_no": "区政府第68次常务会议纪要", "evidence": ["evidence/常务会议纪要.pdf"]},
            "budgeted": {"date": D(2026, 6, 10), "doc_no": "渝北财预〔2026〕41号", "note": "新增预算"},
            "ndrc_approved": {"date": D(2026, 6, 24), "doc_no": "渝北发改投〔2026〕86号", "by": "重庆市渝北区发展和改革委员会",
                              "evidence": ["evidence/立项通知.pdf"]},
            "procured": {"date": D(2026, 7, 30), "note": "公开招标，中标通知书编号 CQYB-2026-ZC-0412"},
            "started": {"date": D(2026, 8, 10)},
            "catalog_joined": {"date": D(2026, 11, 6), "note": "政务数据资源目录37项已挂接区政务数据共享交换平台"},
            "accepted": {"date": D(2026, 11, 10), "result": "pass",
                         "participants": ["重庆市渝北区城市管理局", BUREAU, "重庆市渝北区财政局", "验收专家组（5人）"],
                         "evidence": ["evidence/验收意见.pdf"]},
            "delivered": {"date": D(2026, 11, 12)},
            "archived": {"date": D(2026, 11, 20), "note": "电子文档报送区大数据发展局", "evidence": ["evidence/存档回执.pdf"]},
        },
        "documents": {
            "declaration_form": _doc("渝北区政务信息化项目需求申报表", "需求申报表.pdf", date=D(2026, 3, 13), sealed=True),
            "requirement_spec": _doc("渝北区智慧城管综合监管平台建设项目需求说明", "需求说明.pdf"),
            "data_catalog": _doc("智慧城管综合监管平台政务数据资源目录清单", "数据资源目录清单.xlsx"),
            "construction_plan": _doc("智慧城管综合监管平台建设方案", "建设方案.pdf"),
            "data_design": _doc("智慧城管综合监管平台数据结构设计说明书", "数据结构设计说明书.pdf"),
            "approval_doc": _doc("关于渝北区智慧城管综合监管平台建设项目（一期）立项的通知", "立项通知.pdf",
                                 doc_no="渝北发改投〔2026〕86号"),
            "procurement_docs": _doc("招标文件及中标通知书", "采购文件.pdf"),
            "contract_doc": _doc("渝北区智慧城管综合监管平台建设项目合同", "项目合同.pdf"),
            "supervision_report": _doc("工程监理总结报告", "监理报告.pdf"),
            "test_report": _doc("网络安全等级测评报告及密码应用安全性评估报告", "测评报告.pdf"),
            "acceptance_report": _doc("项目验收报告", "验收报告.pdf"),
            "usage_report": _doc("用户使用报告", "用户使用报告.pdf"),
            "acceptance_opinion": _doc("项目验收意见", "验收意见.pdf"),
        },
    }
    needs = {
        "functions": "问题采集（巡查、视频智能识别、12345转办）、派遣处置、核查结案、考核评价；指挥中心大屏展示与会商；\n"
                     "对接数字城管、12345热线和视频共享平台。",
        "cloud_status": "应用、数据库全部部署在渝北区政务云，申请云主机16台、存储40TB，不自建机房。",
        "sharing_status": "城市部件、案件数据经政务数据共享交换平台向区应急局、区住房城乡建委等8个部门共享；"
                          "人口、法人基础数据从共享交换平台获取。",
        "integration": "现有数字城管系统（2015年建）功能单一，数据迁入本平台后停用；视频监控专网已接入电子政务外网，不重复建设。",
        "remarks": "二期（2027年度）将覆盖11个镇，届时按第八条另行申报。",
        "spec_chapters": list(CHAPTERS),
    }
    sharing = {
        "resource_building": True,
        "sources": ["本部门", "其他部门"],
        "description": "建设城市部件库（约21万个部件）和城管案件库，部件按季度普查更新，案件实时汇聚。",
        "sharing": {"provided": True, "items": [
            {"name": "城市管理案件", "content": "案件类型、位置、处置状态", "scope": "区级政务部门", "frequency": "实时",
             "manner": "共享交换平台接口"}]},
        "opening": {"provided": True, "items": [
            {"name": "城市部件普查数据", "content": "部件类型、位置、权属单位", "scope": "社会公众", "frequency": "每季度",
             "manner": "重庆市公共数据开放平台下载（CSV）"}]},
    }
    budget = {
        "unit": "万元",
        "total": Decimal("344.40"),
        "lines": [
            {"name": "综合监管平台软件开发", "category": "软件开发", "amount": Decimal("168.00")},
            {"name": "指挥中心显示及会商系统设备", "category": "硬件购置", "amount": Decimal("96.50")},
            {"name": "数据治理与系统对接", "category": "数据工程", "amount": Decimal("42.00")},
            {"name": "系统集成与部署", "category": "系统集成", "amount": Decimal("12.10")},
            {"name": "等级测评及密码应用安全性评估", "category": "测评", "amount": Decimal("16.00")},
            {"name": "工程监理", "category": "监理", "amount": Decimal("9.80")},
        ],
        "sources": [{"source": "区财政资金", "type": "区财政资金", "amount": Decimal("294.40")},
                    {"source": "市财政资金", "type": "市财政资金", "amount": Decimal("50.00")}],
    }
    contract = {"parties": [
        {"role": "承建", "name": "重庆渝联信息技术有限公司", "selection": "公开招标", "contract_no": "CQYB-2026-ZC-0412",
         "signed_on": D(2026, 8, 6), "amount": Decimal("318.60"), "filed_on": D(2026, 8, 12),
         "evidence": ["evidence/项目合同.pdf"]},
        {"role": "监理", "name": "重庆建新工程监理咨询有限公司", "selection": "竞争性磋商", "contract_no": "CQYB-2026-FW-0433",
         "signed_on": D(2026, 8, 10), "amount": Decimal("9.80"), "filed_on": D(2026, 8, 14)},
        {"role": "测评", "name": "重庆信安测评技术有限公司", "selection": "竞争性磋商", "contract_no": "CQYB-2026-FW-0451",
         "signed_on": D(2026, 8, 20), "amount": Decimal("16.00"), "filed_on": D(2026, 8, 25)},
    ]}
    security = {
        "level": 3,
        "filing": {"date": D(2026, 9, 18), "doc_no": "50011213018-26001"},
        "plan": {"title": "智慧城管综合监管平台信息安全规划和设计方案", "date": D(2026, 3, 10),
                 "evidence": ["evidence/信息安全规划和设计方案.pdf"]},
        "crypto": {"plan": {"title": "智慧城管综合监管平台商用密码应用方案", "date": D(2026, 3, 10),
                            "evidence": ["evidence/商用密码应用方案.pdf"]}},
        "assessments": [
            {"type": "等级测评", "date": D(2026, 10, 28), "result": "pass", "by": "重庆信安测评技术有限公司"},
            {"type": "密码应用安全性评估", "date": D(2026, 10, 30), "result": "pass", "by": "重庆信安测评技术有限公司"},
        ],
    }
    files = {"project.yaml": project, "needs.yaml": needs, "sharing.yaml": sharing, "budget.yaml": budget,
             "contract.yaml": contract, "security.yaml": security}
    evidence = placeholder_evidence("专家评审意见.pdf", "常务会议纪要.pdf", "立项通知.pdf", "验收意见.pdf", "存档回执.pdf", "需求申报表.pdf",
                         "需求说明.pdf", "数据资源目录清单.xlsx", "建设方案.pdf", "数据结构设计说明书.pdf", "采购文件.pdf",
                         "项目合同.pdf", "监理报告.pdf", "测评报告.pdf", "验收报告.pdf", "用户使用报告.pdf",
                         "信息安全规划和设计方案.pdf", "商用密码应用方案.pdf")
    return {"files": files, "evidence": evidence}


def om() -> dict[str, Any]:
    """The 2026 operation and maintenance of a government-service platform, declared at the end of 2025."""
    project = {
        "id": "yb-2026-zwfw-om",
        "name": "渝北区政务服务一体化平台运维项目（2026年度）",
        "unit": "重庆市渝北区政务服务管理办公室",
        "jurisdiction": "yb",
        "kind": "om",
        "stage": "operate",
        "budget_year": 2026,
        "summary": "政务服务一体化平台（网上办事大厅、综窗受理、好差评）2026年度应用运维、数据库运维和安全运维。",
        "contacts": [{"role": "联系人", "name": "罗晓梅", "phone": "023-67801235", "email": "luoxm@example.gov.cn"}],
        "procurement_types": ["服务类"],
        "period": {"start": D(2026, 1, 1), "end": D(2026, 12, 31)},
        "platforms": ["渝北区政务云", "政务数据共享交换平台"],
        "network": {"new_private_network": False},
        "events": {
            "declared": {"date": D(2025, 12, 8), "note": "2026年度运维需求"},
            "om_evaluated": {"date": D(2026, 1, 14), "result": "pass", "by": BUREAU, "doc_no": "渝北大数据函〔2026〕3号",
                             "evidence": ["evidence/综合评价意见.pdf"]},
            "budgeted": {"date": D(2026, 2, 5), "doc_no": "渝北财预〔2026〕9号", "note": "财政预算"},
            "procured": {"date": D(2026, 3, 10), "note": "竞争性磋商，成交通知书编号 CQYB-2026-FW-0067"},
            "started": {"date": D(2026, 4, 1)},
        },
        "documents": {
            "declaration_form": _doc("渝北区政务信息化项目需求申报表", "需求申报表.pdf", date=D(2025, 12, 5), sealed=True),
            "om_plan": _doc("渝北区政务服务一体化平台2026年度运维方案", "运维方案.pdf"),
        },
    }
    needs = {
        "functions": "应用运维（7×24小时监控、故障处理、版本更新）、数据库及中间件运维、安全运维与重保期间应急值守。",
        "cloud_status": "平台已部署在渝北区政务云（云主机22台），运维不新增云资源。",
        "sharing_status": "办件数据经政务数据共享交换平台实时推送至重庆市一体化政务服务平台。",
        "integration": "平台2022年建成，2025年整合原综窗系统和好差评系统，本年度不新增建设内容。",
    }
    budget = {
        "unit": "万元",
        "total": Decimal("76.80"),
        "lines": [
            {"name": "平台应用运维服务", "category": "运维", "amount": Decimal("52.00")},
            {"name": "数据库及中间件运维", "category": "运维", "amount": Decimal("14.80")},
            {"name": "安全运维与应急保障", "category": "安全", "amount": Decimal("10.00")},
        ],
        "sources": [{"source": "区财政资金", "type": "区财政资金", "amount": Decimal("76.80")}],
    }
    contract = {"parties": [
        {"role": "运维", "name": "重庆云政数智科技有限公司", "selection": "竞争性磋商", "contract_no": "CQYB-2026-FW-0067",
         "signed_on": D(2026, 3, 16), "amount": Decimal("76.80"), "filed_on": D(2026, 3, 20),
         "evidence": ["evidence/运维合同.pdf"]},
    ]}
    files = {"project.yaml": project, "needs.yaml": needs, "budget.yaml": budget, "contract.yaml": contract}
    evidence = placeholder_evidence("综合评价意见.pdf", "需求申报表.pdf", "运维方案.pdf", "运维合同.pdf")
    return {"files": files, "evidence": evidence}


EXAMPLES = {"build": build, "om": om}
