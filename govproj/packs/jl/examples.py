"""Realistic Jilin sample projects for `govproj new --example`: one self-built, one built by the provincial bureau.

Each sits at a stage from which it can advance: every gate of the next stage holds on 2026-11-25.
"""
from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from typing import Any

from govproj.packs.helpers import placeholder_evidence
from govproj.core.doc import iter_paths

D = _dt.date
BUREAU_FULL = "吉林省政务服务和数字化建设管理局"


def _bundle(files: dict[str, Any]) -> dict[str, Any]:
    """The files plus a placeholder for every evidence path they cite, so the example checks clean."""
    cited = {ref for _, value in iter_paths(files) if isinstance(value, dict)
             for ref in value.get("evidence") or () if isinstance(ref, str)}
    names = sorted(ref.removeprefix("evidence/") for ref in cited)
    return {"files": files, "evidence": placeholder_evidence(*names)}


def self_built() -> dict[str, Any]:
    """A self-built supervision platform of the provincial market regulator: trial run stable, 初步验收 passed."""
    project = {
        "id": "jl-2025-tzsb-platform",
        "name": "吉林省特种设备智慧监管平台建设项目",
        "unit": "吉林省市场监督管理厅",
        "jurisdiction": "jl",
        "kind": "self",
        "stage": "preliminary",
        "budget_year": 2025,
        "major": False,
        "summary": "建设全省统一的特种设备智慧监管平台：设备登记、检验检测、电梯物联网监测和隐患处置闭环，"
                   "部署于省级政务云，与住建部门共建住宅电梯数据对接。",
        "contacts": [
            {"role": "项目负责人（单位负责人）", "name": "赵振东", "phone": "0431-88906001"},
            {"role": "项目联系人", "name": "刘晓梅", "phone": "0431-88906215", "email": "liuxm@example.gov.cn"},
        ],
        "project_no": "JLXM-2025-0137",
        "project_types": ["信息系统类"],
        "cross_level": False,
        "cross_department": True,
        "lead_department": "吉林省市场监督管理厅",
        "co_builders": [
            {"name": "吉林省住房和城乡建设厅",
             "scope": "住宅电梯使用单位和物业服务企业数据对接；电梯困人应急处置联动",
             "duties": "按月提供物业服务企业和电梯使用单位数据；负责本部门物业管理系统接口改造和联调"},
        ],
        "civil_works": {"involved": False},
        "base_resources": ["政务云", "电子政务外网", "“吉林祥云”大数据平台"],
        "design_required": True,
        "classified": False,
        "schedule": {"start": D(2025, 9, 1), "completion": D(2026, 8, 31), "acceptance": D(2026, 12, 31)},
        "events": {
            "demand_plan": {"date": D(2024, 10, 18), "doc_no": "吉市监函〔2024〕186号"},
            "annual_plan": {"date": D(2025, 1, 22), "doc_no": "吉政数发〔2025〕6号", "by": BUREAU_FULL},
            "mode_decided": {"date": D(2025, 1, 22), "doc_no": "吉政数发〔2025〕6号", "by": BUREAU_FULL,
                             "note": "年度计划确定本项目为自行建设"},
            "applied": {"date": D(2025, 3, 14), "evidence": ["evidence/项目申报书.pdf"]},
            "expert_review": {"date": D(2025, 4, 18), "result": "pass", "by": BUREAU_FULL,
                              "evidence": ["evidence/专家评审意见.pdf"]},
            "approved": {"date": D(2025, 5, 23), "doc_no": "吉政数审〔2025〕31号", "by": BUREAU_FULL,
                         "note": "批复要求进一步提交初步设计方案与投资概算", "evidence": ["evidence/立项批复.pdf"]},
            "docs_reviewed": {"date": D(2025, 7, 10), "doc_no": "吉政数函〔2025〕112号", "result": "pass", "by": BUREAU_FULL,
                              "evidence": ["evidence/采购文件审核意见.pdf"]},
            "procurement_started": {"date": D(2025, 7, 14), "by": "吉林省市场监督管理厅", "note": "公开招标"},
            "trial_started": {"date": D(2026, 8, 17)},
            "trial_stable": {"date": D(2026, 9, 1), "note": "连续两周无一级故障，日均处理业务量稳定在设计容量的60%以上"},
            "preliminary_accepted": {"date": D(2026, 10, 23), "result": "pass", "by": "吉林省市场监督管理厅",
                                     "participants": ["吉林省住房和城乡建设厅", "长春正衡工程监理有限公司"],
                                     "evidence": ["evidence/初步验收报告.pdf"]},
        },
        "documents": {
            "application": {"title": "吉林省特种设备智慧监管平台建设项目申报书", "date": D(2025, 3, 14), "sealed": True,
                            "evidence": ["evidence/项目申报书.pdf"]},
            "feasibility_study": {"title": "吉林省特种设备智慧监管平台建设项目可行性研究报告", "date": D(2025, 3, 10),
                                  "evidence": ["evidence/可行性研究报告.pdf"]},
            "preliminary_design": {"title": "吉林省特种设备智慧监管平台建设项目初步设计方案", "date": D(2025, 6, 20),
                                   "evidence": ["evidence/初步设计方案.pdf"]},
            "budget_estimate": {"title": "吉林省特种设备智慧监管平台建设项目投资概算", "date": D(2025, 6, 20),
                                "evidence": ["evidence/投资概算.pdf"]},
            "procurement_docs": {"title": "吉林省特种设备智慧监管平台建设项目招标文件", "date": D(2025, 6, 30),
                                 "evidence": ["evidence/招标文件.pdf"]},
            "coordination": {"title": "特种设备智慧监管平台共建工作协调机制会议纪要", "date": D(2025, 8, 5),
                             "evidence": ["evidence/共建协调机制会议纪要.pdf"]},
            "construction_summary": {"title": "项目建设总结", "date": D(2026, 11, 6), "evidence": ["evidence/项目建设总结.pdf"]},
            "preliminary_report": {"title": "初步验收报告", "date": D(2026, 10, 23), "evidence": ["evidence/初步验收报告.pdf"]},
            "financial_report": {"title": "项目财务报告", "date": D(2026, 11, 10), "evidence": ["evidence/财务报告.pdf"]},
            "audit_report": {"title": "项目竣工财务审计报告", "date": D(2026, 11, 18), "evidence": ["evidence/审计报告.pdf"]},
            "risk_report": {"title": "信息安全风险评估报告", "date": D(2026, 9, 25), "evidence": ["evidence/信息安全风险评估报告.pdf"]},
        },
    }
    sharing = {
        "resource_building": True,
        "sources": ["本部门", "其他部门"],
        "description": "建设特种设备基础信息库（约42万台设备）和电梯物联网监测库，住宅电梯使用单位信息由省住房和城乡建设厅按月提供。",
        "resources": [
            {"name": "特种设备基础信息库", "content": "设备登记、使用单位、检验检测记录", "source": "本部门"},
            {"name": "住宅电梯使用单位信息", "content": "物业服务企业、电梯使用单位及联系人", "source": "其他部门",
             "provider": "吉林省住房和城乡建设厅"},
        ],
        "sharing": {"provided": True, "items": [
            {"name": "特种设备登记信息", "content": "设备类别、登记编号、使用单位、检验结论",
             "scope": "省级政务部门及市县市场监管部门", "frequency": "每日", "manner": "省级数据共享平台接口"}]},
        "opening": {"provided": True, "items": [
            {"name": "电梯维护保养单位名录", "content": "单位名称、资质、服务区域", "scope": "社会公众", "frequency": "每月",
             "manner": "省级公共数据开放平台下载"}]},
    }
    budget = {
        "unit": "万元",
        "total": Decimal("386.50"),
        "lines": [
            {"name": "监管业务应用系统开发", "category": "软件开发", "amount": Decimal("198.00")},
            {"name": "数据治理与共享交换接口", "category": "数据工程", "amount": Decimal("56.00")},
            {"name": "电梯物联网监测终端接入", "category": "系统集成", "amount": Decimal("62.50")},
            {"name": "信息安全风险评估", "category": "测评", "amount": Decimal("9.00")},
            {"name": "等级保护测评（三级）", "category": "测评", "amount": Decimal("12.00")},
            {"name": "密码应用安全性评估", "category": "测评", "amount": Decimal("15.00")},
            {"name": "工程监理", "category": "监理", "amount": Decimal("22.00")},
            {"name": "业务咨询与工程造价咨询", "category": "咨询", "amount": Decimal("12.00")},
        ],
        "sources": [{"source": "省级财政资金", "type": "省级财政资金", "amount": Decimal("386.50")}],
        "disbursed": Decimal("270.55"),
    }
    contract = {
        "parties": [
            {"role": "承建", "name": "长春吉数信息技术有限公司", "selection": "公开招标", "contract_no": "JLSJ-TZSB-2025-001",
             "signed_on": D(2025, 8, 26), "amount": Decimal("298.60"), "evidence": ["evidence/承建合同.pdf"]},
            {"role": "监理", "name": "长春正衡工程监理有限公司", "selection": "竞争性磋商", "contract_no": "JLSJ-TZSB-2025-002",
             "signed_on": D(2025, 8, 28), "amount": Decimal("21.40")},
            {"role": "测评", "name": "吉林省信息安全测评中心", "selection": "竞争性磋商", "contract_no": "JLSJ-TZSB-2025-003",
             "signed_on": D(2025, 9, 3), "amount": Decimal("35.20")},
        ],
    }
    security = {
        "level": 3,
        "filing": {"date": D(2025, 10, 15), "doc_no": "22010199001-25001"},
        "plan": {"title": "吉林省特种设备智慧监管平台网络安全方案", "date": D(2025, 3, 5),
                 "evidence": ["evidence/网络安全方案.pdf"]},
        "crypto": {
            "plan": {"title": "吉林省特种设备智慧监管平台密码应用方案", "date": D(2025, 3, 5),
                     "evidence": ["evidence/密码应用方案.pdf"]},
            "review": {"date": D(2025, 3, 28), "result": "pass"},
        },
        "assessments": [
            {"type": "风险评估", "date": D(2026, 9, 18), "by": "吉林省信息安全测评中心",
             "evidence": ["evidence/信息安全风险评估报告.pdf"]},
            {"type": "等级测评", "date": D(2026, 10, 12), "result": "pass", "by": "吉林省信息安全测评中心"},
            {"type": "密码应用安全性评估", "date": D(2026, 10, 20), "result": "pass", "by": "吉林省信息安全测评中心"},
        ],
    }
    return _bundle({"project.yaml": project, "sharing.yaml": sharing, "budget.yaml": budget,
                    "contract.yaml": contract, "security.yaml": security})


def unified() -> dict[str, Any]:
    """A project the provincial bureau builds for the civil-affairs department: approved, procurement next."""
    project = {
        "id": "jl-2026-shjz-check",
        "name": "吉林省社会救助家庭经济状况核对系统升级项目",
        "unit": "吉林省民政厅",
        "jurisdiction": "jl",
        "kind": "unified",
        "stage": "approved",
        "budget_year": 2026,
        "major": False,
        "summary": "统一建设项目：省政务服务和数字化局采购和建设，吉林省民政厅作为需求提出单位提出业务需求。"
                   "升级核对系统，接入公安、人社、税务、不动产等部门数据，供省、市、县三级民政部门使用。",
        "contacts": [
            {"role": "项目负责人（单位负责人）", "name": "孙立华", "phone": "0431-88901001"},
            {"role": "项目联系人", "name": "陈静", "phone": "0431-88901347", "email": "chenj@example.gov.cn"},
        ],
        "project_types": ["信息系统类"],
        "cross_level": True,
        "cross_department": False,
        "lead_department": "吉林省民政厅",
        "civil_works": {"involved": False},
        "base_resources": ["政务云", "电子政务外网", "省级数据共享平台"],
        "design_required": False,
        "classified": False,
        "schedule": {"start": D(2027, 1, 4), "completion": D(2027, 8, 31), "acceptance": D(2027, 12, 15)},
        "events": {
            "demand_plan": {"date": D(2025, 10, 20), "doc_no": "吉民函〔2025〕211号"},
            "annual_plan": {"date": D(2026, 1, 16), "doc_no": "吉政数发〔2026〕4号", "by": BUREAU_FULL},
            "mode_decided": {"date": D(2026, 1, 16), "doc_no": "吉政数发〔2026〕4号", "by": BUREAU_FULL,
                             "note": "年度计划确定本项目为统一建设"},
            "applied": {"date": D(2026, 3, 20), "evidence": ["evidence/项目申报书.pdf"]},
            "expert_review": {"date": D(2026, 5, 15), "result": "pass", "by": BUREAU_FULL,
                              "evidence": ["evidence/专家评审意见.pdf"]},
            "approved": {"date": D(2026, 9, 10), "doc_no": "吉政数审〔2026〕58号", "by": BUREAU_FULL,
                         "note": "批复未要求另行提交初步设计方案与投资概算", "evidence": ["evidence/立项批复.pdf"]},
        },
        "documents": {
            "application": {"title": "吉林省社会救助家庭经济状况核对系统升级项目申报书", "date": D(2026, 3, 20), "sealed": True,
                            "evidence": ["evidence/项目申报书.pdf"]},
        },
    }
    sharing = {
        "resource_building": True,
        "sources": ["本部门", "其他部门"],
        "description": "建设核对结果库；户籍、社保、纳税、不动产数据经省级数据共享平台按需比对，不落地存储原始数据。",
        "resources": [
            {"name": "社会救助家庭经济状况核对结果库", "content": "核对申请、核对报告、比对结果", "source": "本部门"},
            {"name": "户籍人口信息", "content": "姓名、身份证号、户籍地址（比对用）", "source": "其他部门", "provider": "吉林省公安厅"},
        ],
        "sharing": {"provided": True, "items": [
            {"name": "核对报告", "content": "家庭经济状况核对结论", "scope": "省、市、县三级民政部门", "frequency": "实时",
             "manner": "省级数据共享平台接口"}]},
        "opening": {"provided": False, "reason": "核对结果含个人收入和财产信息，不向社会开放"},
    }
    budget = {
        "unit": "万元",
        "total": Decimal("168.00"),
        "lines": [
            {"name": "核对业务系统升级开发", "category": "软件开发", "amount": Decimal("96.00")},
            {"name": "部门数据比对接口改造（公安、人社、税务、不动产）", "category": "数据工程", "amount": Decimal("38.00")},
            {"name": "信息安全风险评估", "category": "测评", "amount": Decimal("6.00")},
            {"name": "等级保护测评（三级）", "category": "测评", "amount": Decimal("8.00")},
            {"name": "密码应用安全性评估", "category": "测评", "amount": Decimal("10.00")},
            {"name": "工程监理", "category": "监理", "amount": Decimal("10.00")},
        ],
        "sources": [{"source": "省级财政资金", "type": "省级财政资金", "amount": Decimal("168.00")}],
    }
    security = {
        "level": 3,
        "plan": {"title": "社会救助家庭经济状况核对系统网络安全方案", "date": D(2026, 3, 10),
                 "evidence": ["evidence/网络安全方案.pdf"]},
        "crypto": {"plan": {"title": "社会救助家庭经济状况核对系统密码应用方案", "date": D(2026, 3, 10),
                            "evidence": ["evidence/密码应用方案.pdf"]}},
    }
    return _bundle({"project.yaml": project, "sharing.yaml": sharing, "budget.yaml": budget, "security.yaml": security})


EXAMPLES = {"self": self_built, "unified": unified}
