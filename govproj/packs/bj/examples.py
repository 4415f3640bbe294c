"""Realistic Beijing sample projects for `govproj new --example`: an upgrade and a new system.

Each sits at a stage from which it can advance: every gate of the next stage holds.
"""
from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from typing import Any

from govproj.packs.helpers import placeholder_evidence

D = _dt.date


def upgrade() -> dict[str, Any]:
    """An upgrade of a district GIS platform, declared in July 2026 for 2027, pre-review passed."""
    project = {
        "id": "bj-2027-gis-upgrade",
        "name": "市规划和自然资源委政务地理信息服务平台升级改造项目",
        "unit": "北京市规划和自然资源委员会",
        "jurisdiction": "bj",
        "kind": "upgrade",
        "stage": "prereview",
        "budget_year": 2027,
        "major": False,
        "summary": "在一期平台基础上扩展三维地图服务、地名地址库在线更新和共享接口，迁移至市级政务云。",
        "contacts": [
            {"role": "项目负责人", "name": "陈立新", "phone": "010-55590123", "email": "chenlx@example.gov.cn"},
            {"role": "信息化主管部门联系人", "name": "周敏", "phone": "010-55590456", "email": "zhoumin@example.gov.cn"},
        ],
        "basis": [{"type": "规划", "title": "北京市规划和自然资源委员会“十四五”信息化发展规划",
                   "doc_no": "京规自发〔2021〕215号", "evidence": ["evidence/十四五信息化规划.pdf"]}],
        "predecessor": {
            "name": "政务地理信息服务平台（一期）",
            "accepted_on": D(2024, 6, 28),
            "acceptance_result": "一期建成二维电子地图服务、专题图制作和地名地址库，2024年6月通过竣工验收。",
            "operation_since": D(2024, 7, 1),
            "performance": "2025年绩效评估结论为良好：日均调用约12万次，接入委内业务系统18个。",
            "evaluation": {"result": "pass", "date": D(2025, 9, 30)},
            "boundary": "一期负责二维地图服务和专题图，本期只新增三维服务、地名地址在线更新和共享接口，一期功能不重复建设。",
            "evidence": ["evidence/一期验收报告.pdf"],
        },
        "platforms": ["市级政务云", "市政务信息资源共享交换平台", "市政务地理空间信息共享服务平台"],
        "events": {
            "plan_reported": {"date": D(2021, 9, 10), "doc_no": "京规自函〔2021〕1880号"},
            "annual_plan_reported": {"date": D(2026, 5, 20), "doc_no": "京规自函〔2026〕902号"},
            "declared": {"date": D(2026, 7, 15), "evidence": ["evidence/申报函.pdf"]},
            "prereview_accepted": {"date": D(2026, 7, 20)},
            "prereview_opinion": {"date": D(2026, 8, 14), "doc_no": "京经信审〔2026〕156号", "result": "pass",
                                  "evidence": ["evidence/前置评审意见函.pdf"]},
        },
        "documents": {
            "it_plan": {"title": "北京市规划和自然资源委员会“十四五”信息化发展规划", "doc_no": "京规自发〔2021〕215号",
                        "evidence": ["evidence/十四五信息化规划.pdf"]},
            "annual_plan": {"title": "2027年度信息化项目实施计划", "evidence": ["evidence/年度实施计划.pdf"]},
            "declaration_letter": {"title": "关于申报政务地理信息服务平台升级改造项目的函", "doc_no": "京规自函〔2026〕1203号",
                                   "sealed": True, "evidence": ["evidence/申报函.pdf"]},
            "application": {"title": "政务地理信息服务平台升级改造项目申报书", "evidence": ["evidence/申报书.pdf"]},
            "budget_detail": {"title": "项目预算明细表", "evidence": ["evidence/预算明细表.pdf"]},
        },
    }
    needs = {
        "service_targets": ["政府单位", "机关工作人员"],
        "existing_system": True,
        "historical_data": True,
        "current_state": "一期平台2024年建成，提供二维电子地图、专题图制作和地名地址查询，日均调用约12万次；\n"
                         "地名地址库存量约320万条，按季度离线更新。",
        "description": "背景：城市更新和规划审批需要三维场景和实时地名地址。依据：“十四五”信息化发展规划。\n"
                       "目标：提供三维地图服务，地名地址库在线更新，向区级部门共享。\n"
                       "业务需求：三维场景浏览、地名地址在线采集审核；功能和网络安全需求：等保三级；\n"
                       "数据需求：用户约2000人，日均调用20万次，数据经共享交换平台提供。",
        "signoffs": {
            "business_head": {"name": "刘海涛", "title": "测绘地理信息处处长", "opinion": "同意", "date": D(2026, 6, 22)},
            "business_leader": {"name": "孙卫东", "title": "副主任", "opinion": "同意申报", "date": D(2026, 6, 25)},
        },
    }
    sharing = {
        "resource_building": True,
        "sources": ["本部门", "其他部门"],
        "description": "建设地名地址库（约320万条）和三维模型库，数据来源于本委测绘成果和市民政局区划数据，按日更新。",
        "resources": [
            {"name": "地名地址库", "content": "标准地名、门楼牌地址及坐标", "source": "本部门"},
            {"name": "行政区划数据", "content": "区、街道、社区边界", "source": "其他部门", "provider": "北京市民政局",
             "confirmation": {"type": "函件", "doc_no": "京民函〔2026〕77号", "date": D(2026, 6, 10),
                              "evidence": ["evidence/民政局复函.pdf"]}},
        ],
        "sharing": {"provided": True, "items": [
            {"name": "地名地址数据", "content": "标准地名、地址、坐标", "scope": "全市政务部门", "frequency": "每日",
             "manner": "共享交换平台接口"}]},
        "opening": {"provided": True, "items": [
            {"name": "标准地名", "content": "地名及所属行政区", "scope": "社会公众", "frequency": "每月",
             "manner": "市政务数据资源网下载"}]},
    }
    budget = {
        "unit": "万元",
        "total": Decimal("486.50"),
        "lines": [
            {"name": "三维地图服务开发", "category": "软件开发", "amount": Decimal("210.00")},
            {"name": "地名地址在线更新子系统", "category": "软件开发", "amount": Decimal("128.50")},
            {"name": "数据加工与入库", "category": "数据工程", "amount": Decimal("86.00")},
            {"name": "等级测评与密码测评", "category": "测评", "amount": Decimal("24.00")},
            {"name": "工程监理", "category": "监理", "amount": Decimal("38.00")},
        ],
        "sources": [{"source": "市级财政资金", "type": "政府投资", "amount": Decimal("486.50")}],
    }
    security = {
        "level": 3,
        "plan": {"title": "政务地理信息服务平台升级改造项目网络安全方案", "date": D(2026, 6, 30),
                 "evidence": ["evidence/网络安全方案.pdf"]},
    }
    files = {"project.yaml": project, "needs.yaml": needs, "sharing.yaml": sharing, "budget.yaml": budget,
             "security.yaml": security}
    evidence = placeholder_evidence("十四五信息化规划.pdf", "一期验收报告.pdf", "申报函.pdf", "前置评审意见函.pdf", "年度实施计划.pdf",
                         "申报书.pdf", "预算明细表.pdf", "民政局复函.pdf", "网络安全方案.pdf")
    return {"files": files, "evidence": evidence}


def new() -> dict[str, Any]:
    """A new 12345 hotline knowledge-base system, approved in 2026, refining its construction content."""
    project = {
        "id": "bj-2026-hotline-kb",
        "name": "12345市民服务热线知识库系统建设项目",
        "unit": "北京市政务服务和数据管理局",
        "jurisdiction": "bj",
        "kind": "new",
        "stage": "refine",
        "budget_year": 2026,
        "major": False,
        "summary": "建设全市统一的热线知识库，供接线员和各区部门检索、维护政策口径。",
        "contacts": [{"role": "项目负责人", "name": "郭晓燕", "phone": "010-55591234", "email": "guoxy@example.gov.cn"}],
        "basis": [{"type": "上级文件", "title": "关于进一步优化12345市民服务热线工作的实施意见", "doc_no": "京办发〔2025〕9号",
                   "evidence": ["evidence/上级文件.pdf"]}],
        "platforms": ["市级政务云", "市政务信息资源共享交换平台", "市法人网上统一认证平台"],
        "events": {
            "plan_reported": {"date": D(2025, 2, 28), "doc_no": "京政服函〔2025〕31号"},
            "annual_plan_reported": {"date": D(2026, 4, 28)},
            "declared": {"date": D(2026, 3, 20)},
            "prereview_accepted": {"date": D(2026, 3, 25)},
            "prereview_opinion": {"date": D(2026, 4, 20), "doc_no": "京经信审〔2026〕41号", "result": "pass",
                                  "evidence": ["evidence/前置评审意见函.pdf"]},
            "approved": {"date": D(2026, 6, 30), "doc_no": "京发改审〔2026〕318号", "by": "北京市发展和改革委员会",
                         "evidence": ["evidence/立项批复.pdf"]},
            "approval_reported": {"date": D(2026, 7, 2)},
        },
        "documents": {
            "it_plan": {"title": "北京市政务服务和数据管理局信息化顶层设计方案（2025—2027年）",
                        "evidence": ["evidence/顶层设计方案.pdf"]},
            "declaration_letter": {"title": "关于申报12345热线知识库系统建设项目的函", "sealed": True,
                                   "evidence": ["evidence/申报函.pdf"]},
            "application": {"title": "12345市民服务热线知识库系统建设项目申报书", "evidence": ["evidence/申报书.pdf"]},
        },
    }
    needs = {
        "service_targets": ["机关工作人员", "社会公众和企业"],
        "existing_system": False,
        "historical_data": True,
        "current_state": "知识条目分散在各区文档中，约4.6万条，无统一系统。",
        "description": "建设统一知识库：知识采编、审核、检索、过期提醒；与热线工单系统对接；\n"
                       "用户约3000人，日检索约5万次；等保二级。",
        "signoffs": {
            "business_head": {"name": "韩冰", "title": "热线运行处处长", "opinion": "同意", "date": D(2026, 3, 10)},
            "business_leader": {"name": "许志刚", "title": "副局长", "opinion": "同意", "date": D(2026, 3, 12)},
        },
    }
    sharing = {
        "resource_building": True,
        "sources": ["本部门"],
        "description": "建设热线知识库（约5万条），由市、区两级采编人员维护，每日更新。",
        "resources": [{"name": "热线知识条目", "content": "政策口径、办事指南", "source": "本部门"}],
        "sharing": {"provided": True, "items": [
            {"name": "热线知识条目", "content": "已审核的政策口径和办事指南", "scope": "全市政务部门", "frequency": "实时",
             "manner": "共享交换平台接口"}]},
        "opening": {"provided": False, "basis": "《北京市公共数据管理办法》第十九条",
                    "reason": "知识条目含内部处理口径，不宜向社会开放；办事指南已通过首都之窗公开"},
    }
    construction = {
        "business": "热线知识采编、审核、检索和过期提醒",
        "service_targets": ["机关工作人员"],
        "refined_needs": "采编审核两级流程；按事项、区域、时效检索；与工单系统单点登录并回写引用记录。",
        "content": "知识库应用系统一套，部署于市级政务云；数据迁移4.6万条；等保二级防护。",
        "signoffs": {
            "business_dept": {"name": "韩冰", "opinion": "同意", "date": D(2026, 8, 3)},
            "it_dept": {"name": "马骏", "opinion": "同意", "date": D(2026, 8, 4)},
            "it_leader": {"name": "许志刚", "opinion": "同意", "date": D(2026, 8, 6)},
        },
    }
    budget = {
        "unit": "万元",
        "total": Decimal("168.00"),
        "lines": [
            {"name": "知识库应用软件开发", "category": "软件开发", "amount": Decimal("112.00")},
            {"name": "数据迁移", "category": "数据工程", "amount": Decimal("28.00")},
            {"name": "等级测评", "category": "测评", "amount": Decimal("8.00")},
            {"name": "工程监理", "category": "监理", "amount": Decimal("20.00")},
        ],
        "sources": [{"source": "市级财政资金", "type": "政府投资", "amount": Decimal("168.00")}],
    }
    security = {
        "level": 2,
        "plan": {"title": "12345热线知识库系统网络安全方案", "evidence": ["evidence/网络安全方案.pdf"]},
    }
    files = {"project.yaml": project, "needs.yaml": needs, "sharing.yaml": sharing, "construction.yaml": construction,
             "budget.yaml": budget, "security.yaml": security}
    evidence = placeholder_evidence("上级文件.pdf", "前置评审意见函.pdf", "立项批复.pdf", "顶层设计方案.pdf", "申报函.pdf", "申报书.pdf",
                         "网络安全方案.pdf")
    return {"files": files, "evidence": evidence}


EXAMPLES = {"upgrade": upgrade, "new": new}
