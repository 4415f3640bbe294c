"""Realistic Xicheng sample projects for `govproj new --example`: one per stage of life, each able to advance.

- new: a level-3 elderly-care supervision platform in construction (中期报告 sent), ready to apply for acceptance;
- upgrade: a government-service platform upgrade accepted in 2025, in operation, its 绩效自评 sent;
- service: a purchased public-data operation service, declared and through 初审, ready for 统筹会商.
"""
from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from typing import Any

from govproj.packs.helpers import placeholder_evidence

D = _dt.date
KEXIN = "北京市西城区科学技术和信息化局"
FINANCE = "北京市西城区财政局"
CRYPTO_BUREAU = "中共北京市西城区委机要局（区密码管理局）"
DESIGN = {"type": "顶层设计", "title": "西城区信息化（大数据）顶层设计方案", "evidence": ["evidence/西城区信息化顶层设计方案.pdf"]}


def _clauses(party: str) -> list[str]:
    return [f"保密责任：{party}对项目数据、个人信息和工作秘密承担保密责任（合同第九条）",
            "运维责任：免费质保期内负责系统运行维护，7×24小时响应（合同第十条）",
            "免费质保期限：自终验合格之日起3年（合同第十一条）",
            "项目成果归属：项目成果及其知识产权归北京市西城区人民政府所有（合同第十二条）"]


def new() -> dict[str, Any]:
    """A new level-3 platform of the district civil affairs bureau, under construction, mid-term report sent."""
    project = {
        "id": "xc-2026-elderly-care",
        "name": "西城区养老服务综合监管平台建设项目",
        "unit": "北京市西城区民政局",
        "jurisdiction": "xc",
        "kind": "new",
        "stage": "build",
        "budget_year": 2026,
        "major": False,
        "summary": "建设全区养老机构、养老驿站和居家养老服务的综合监管平台，汇聚服务记录、补贴发放和安全检查数据。",
        "contacts": [
            {"role": "项目负责人", "name": "高晓峰", "phone": "010-83970125", "email": "gaoxf@example.gov.cn"},
            {"role": "信息化联系人", "name": "田蕾", "phone": "010-83970168", "email": "tianlei@example.gov.cn"},
        ],
        "basis": [DESIGN,
                  {"type": "上级文件", "title": "北京市西城区“十四五”时期老龄事业发展规划",
                   "evidence": ["evidence/老龄事业发展规划.pdf"]}],
        "funding": ["财政性资金"],
        "planned_finish": D(2026, 12, 31),
        "events": {
            "declared": {"date": D(2026, 1, 12), "evidence": ["evidence/申报材料.pdf"]},
            "prereview": {"date": D(2026, 2, 6), "result": "pass", "by": KEXIN},
            "consult": {"date": D(2026, 3, 18), "result": "pass", "note": "2026年第一次信息化项目统筹会商会"},
            "approved": {"date": D(2026, 4, 15), "doc_no": "西政函〔2026〕31号", "by": "北京市西城区人民政府",
                         "result": "pass", "evidence": ["evidence/区政府批复.pdf"]},
            "review_letter": {"date": D(2026, 4, 28), "doc_no": "西科信函〔2026〕57号", "by": KEXIN,
                              "evidence": ["evidence/审查意见函.pdf"]},
            "budget_arranged": {"date": D(2026, 5, 20), "doc_no": "西财社〔2026〕112号", "by": FINANCE},
            "work_started": {"date": D(2026, 6, 22)},
            "midterm_reported": {"date": D(2026, 9, 30), "note": "报送区科技和信息化局、区财政局",
                                 "evidence": ["evidence/中期报告.pdf"]},
        },
        "documents": {
            "field_opinion": {"title": "民生服务领域牵头部门关于养老服务综合监管平台建设项目的统筹意见",
                              "date": D(2025, 12, 30), "evidence": ["evidence/领域统筹意见.pdf"]},
            "crypto_form": {"title": "政府投资信息化项目密码应用审核表", "signed": True, "sealed": True,
                            "evidence": ["evidence/密码应用审核表.pdf"]},
            "archive": {"title": "养老服务综合监管平台建设项目档案（建设期）", "note": "按月归档合同、会议纪要、周报和测试记录",
                        "evidence": ["evidence/档案目录.pdf"]},
        },
    }
    needs = {
        "service_targets": ["政府单位", "社会公众和企业"],
        "existing_system": False,
        "historical_data": True,
        "description": "全区养老机构48家、养老驿站96个，服务记录、补贴发放和安全检查分散在各街道台账中。\n"
                       "建设综合监管平台：机构和驿站档案、服务工单、补贴核算、安全检查和预警；\n"
                       "用户约1200人（区、街道、机构），数据含老年人个人信息，按等保三级建设。",
    }
    sharing = {
        "resource_building": True,
        "sources": ["本部门", "其他部门"],
        "description": "建设养老服务主题库：机构、驿站、服务对象、服务记录、补贴发放；户籍和残疾信息经区政务数据共享平台获取。",
        "sharing": {"provided": True, "items": [
            {"name": "养老服务机构信息", "content": "机构名称、地址、床位、星级", "scope": "全区政务部门",
             "frequency": "每日", "manner": "区政务数据共享平台接口"}]},
        "opening": {"provided": False, "basis": "《北京市公共数据管理办法》",
                    "reason": "服务记录含老年人个人信息；机构名录已在区政府网站公开"},
    }
    budget = {
        "unit": "万元",
        "total": Decimal("386.00"),
        "lines": [
            {"name": "监管平台应用软件开发", "category": "软件开发", "amount": Decimal("218.00")},
            {"name": "服务器和存储扩容", "category": "硬件购置", "amount": Decimal("46.00")},
            {"name": "等保三级安全防护和密码应用改造", "category": "安全", "amount": Decimal("38.00")},
            {"name": "历史台账数据治理和迁移", "category": "数据工程", "amount": Decimal("30.00")},
            {"name": "等级测评、密码应用安全性评估和软件测评", "category": "测评", "amount": Decimal("36.00")},
            {"name": "工程监理", "category": "监理", "amount": Decimal("18.00")},
        ],
        "sources": [{"source": "区级财政资金", "type": "财政性资金", "amount": Decimal("386.00")}],
    }
    contract = {
        "parties": [
            {"role": "监理", "name": "北京中诚信通工程监理有限公司", "selection": "公开招标",
             "contract_no": "XCMZ-2026-JL-006", "signed_on": D(2026, 6, 10), "amount": Decimal("12.60"),
             "evidence": ["evidence/监理合同.pdf"]},
            {"role": "承建", "name": "北京康联数智科技有限公司", "selection": "公开招标",
             "contract_no": "XCMZ-2026-HT-018", "signed_on": D(2026, 6, 18), "amount": Decimal("296.80"),
             "clauses": _clauses("承建单位"), "evidence": ["evidence/承建合同.pdf"]},
        ],
    }
    security = {
        "level": 3,
        "cii": False,
        "filing": {"date": D(2026, 7, 20), "doc_no": "11010226007310012", "evidence": ["evidence/等保备案证明.pdf"]},
        "plan": {"title": "养老服务综合监管平台网络安全方案", "date": D(2025, 12, 5), "evidence": ["evidence/网络安全方案.pdf"]},
        "crypto": {
            "plan": {"title": "养老服务综合监管平台信息系统密码应用方案", "date": D(2025, 12, 10),
                     "evidence": ["evidence/密码应用方案.pdf"]},
            "review": {"date": D(2025, 12, 22), "result": "pass", "evidence": ["evidence/密码专家评审意见.pdf"]},
            "approval": {"date": D(2026, 3, 5), "doc_no": "西密审〔2026〕7号", "by": CRYPTO_BUREAU,
                         "evidence": ["evidence/密码应用审核意见.pdf"]},
        },
    }
    files = {"project.yaml": project, "needs.yaml": needs, "sharing.yaml": sharing, "budget.yaml": budget,
             "contract.yaml": contract, "security.yaml": security}
    evidence = placeholder_evidence("西城区信息化顶层设计方案.pdf", "老龄事业发展规划.pdf", "申报材料.pdf", "区政府批复.pdf", "审查意见函.pdf",
                         "中期报告.pdf", "领域统筹意见.pdf", "密码应用审核表.pdf", "档案目录.pdf", "监理合同.pdf", "承建合同.pdf",
                         "等保备案证明.pdf", "网络安全方案.pdf", "密码应用方案.pdf", "密码专家评审意见.pdf", "密码应用审核意见.pdf")
    return {"files": files, "evidence": evidence}


def upgrade() -> dict[str, Any]:
    """An upgrade of the district 一网通办 platform: accepted 2025-10-28, in use, yearly tests done, 绩效自评 sent."""
    project = {
        "id": "xc-2025-ywtb-upgrade",
        "name": "西城区政务服务“一网通办”综合受理平台升级改造项目",
        "unit": "北京市西城区政务服务管理局",
        "jurisdiction": "xc",
        "kind": "upgrade",
        "stage": "operation",
        "budget_year": 2025,
        "major": False,
        "summary": "在综合受理平台基础上增加“一件事”集成办理、电子证照调用和智能预审，接入市级一网通办平台。",
        "contacts": [{"role": "项目负责人", "name": "邵文杰", "phone": "010-88064526", "email": "shaowj@example.gov.cn"}],
        "basis": [DESIGN,
                  {"type": "上级文件", "title": "北京市全面优化营商环境助力企业高质量发展实施方案",
                   "evidence": ["evidence/上级文件.pdf"]}],
        "predecessor": {"name": "西城区政务服务综合受理平台", "accepted_on": D(2021, 12, 20),
                        "operation_since": D(2022, 1, 4),
                        "boundary": "一期提供综合窗口受理；本期只新增集成办理、电子证照调用和智能预审。"},
        "funding": ["财政性资金"],
        "planned_finish": D(2025, 10, 31),
        "events": {
            "declared": {"date": D(2024, 10, 15), "evidence": ["evidence/申报材料.pdf"]},
            "prereview": {"date": D(2024, 11, 8), "result": "pass", "by": KEXIN},
            "consult": {"date": D(2024, 12, 10), "result": "pass"},
            "approved": {"date": D(2025, 1, 14), "doc_no": "西政函〔2025〕6号", "by": "北京市西城区人民政府",
                         "result": "pass", "evidence": ["evidence/区政府批复.pdf"]},
            "review_letter": {"date": D(2025, 1, 24), "doc_no": "西科信函〔2025〕15号", "by": KEXIN,
                              "evidence": ["evidence/审查意见函.pdf"]},
            "budget_arranged": {"date": D(2025, 2, 20), "doc_no": "西财行〔2025〕48号", "by": FINANCE},
            "work_started": {"date": D(2025, 3, 24)},
            "midterm_reported": {"date": D(2025, 7, 15), "note": "报送区科技和信息化局、区财政局",
                                 "evidence": ["evidence/中期报告.pdf"]},
            "acceptance_applied": {"date": D(2025, 9, 16), "evidence": ["evidence/验收申请表.pdf"]},
            "acceptance_approved": {"date": D(2025, 9, 19), "by": KEXIN},
            "accepted": {"date": D(2025, 10, 28), "result": "pass",
                         "participants": [KEXIN, FINANCE, "北京市西城区政务服务管理局", "北京市西城区政务服务中心"],
                         "evidence": ["evidence/竣工验收意见.pdf"]},
            "om_plan_filed": {"date": D(2025, 11, 5), "by": KEXIN},
            "in_use": {"date": D(2025, 11, 10)},
            "assets_registered": {"date": D(2025, 11, 20), "note": "软件资产3项、硬件资产12台（套）登记入账"},
            "self_evaluation": {"date": D(2026, 11, 10), "evidence": ["evidence/绩效自评报告.pdf"]},
        },
        "documents": {
            "field_opinion": {"title": "政务服务领域牵头部门关于一网通办综合受理平台升级改造的统筹意见",
                              "evidence": ["evidence/领域统筹意见.pdf"]},
            "crypto_form": {"title": "政府投资信息化项目密码应用审核表", "evidence": ["evidence/密码应用审核表.pdf"]},
            "om_plan": {"title": "一网通办综合受理平台运行维护方案", "evidence": ["evidence/运行维护方案.pdf"]},
            "archive": {"title": "一网通办综合受理平台升级改造项目档案", "evidence": ["evidence/档案目录.pdf"]},
        },
    }
    sharing = {
        "resource_building": True,
        "sources": ["本部门", "全市共性平台及基础库"],
        "description": "建设办件主题库（约260万件），电子证照经市级电子证照库调用。",
        "sharing": {"provided": True, "items": [
            {"name": "办件信息", "content": "事项、申请人、受理和办结时间", "scope": "全区政务部门", "frequency": "实时",
             "manner": "区政务数据共享平台接口"}]},
        "opening": {"provided": False, "basis": "《北京市公共数据管理办法》", "reason": "办件信息含申请人个人信息"},
        "resource_work": {"cloud_on": D(2025, 9, 25), "updated_on": D(2025, 10, 16), "chained_on": D(2025, 10, 20),
                          "rights_on": D(2025, 10, 24), "evidence": ["evidence/目录上链确权截图.pdf"]},
    }
    budget = {
        "unit": "万元",
        "total": Decimal("268.50"),
        "lines": [
            {"name": "集成办理和智能预审功能开发", "category": "软件开发", "amount": Decimal("168.00")},
            {"name": "自助受理终端", "category": "硬件购置", "amount": Decimal("35.00")},
            {"name": "安全防护和密码应用改造", "category": "安全", "amount": Decimal("22.50")},
            {"name": "等级测评、密码应用安全性评估和软件测评", "category": "测评", "amount": Decimal("28.00")},
            {"name": "工程监理", "category": "监理", "amount": Decimal("15.00")},
        ],
        "sources": [{"source": "区级财政资金", "type": "财政性资金", "amount": Decimal("268.50")}],
    }
    contract = {
        "parties": [
            {"role": "监理", "name": "北京华建信达工程监理有限公司", "selection": "竞争性磋商",
             "contract_no": "XCZW-2025-JL-002", "signed_on": D(2025, 3, 12), "amount": Decimal("14.20")},
            {"role": "承建", "name": "北京数政通达信息技术有限公司", "selection": "公开招标",
             "contract_no": "XCZW-2025-HT-009", "signed_on": D(2025, 3, 18), "amount": Decimal("221.60"),
             "clauses": _clauses("承建单位"), "evidence": ["evidence/承建合同.pdf"]},
            {"role": "测评", "name": "北京网安测评技术有限公司", "selection": "竞争性磋商",
             "contract_no": "XCZW-2025-CP-004", "signed_on": D(2025, 8, 20), "amount": Decimal("27.50")},
        ],
    }
    security = {
        "level": 3,
        "cii": False,
        "filing": {"date": D(2025, 5, 12), "doc_no": "11010225005120031", "evidence": ["evidence/等保备案证明.pdf"]},
        "plan": {"title": "一网通办综合受理平台网络安全方案", "evidence": ["evidence/网络安全方案.pdf"]},
        "crypto": {
            "plan": {"title": "一网通办综合受理平台信息系统密码应用方案", "date": D(2024, 9, 10),
                     "evidence": ["evidence/密码应用方案.pdf"]},
            "review": {"date": D(2024, 9, 26), "result": "pass", "evidence": ["evidence/密码专家评审意见.pdf"]},
            "approval": {"date": D(2024, 12, 20), "doc_no": "西密审〔2024〕19号", "by": CRYPTO_BUREAU,
                         "evidence": ["evidence/密码应用审核意见.pdf"]},
        },
        "assessments": [
            {"type": "软件测评", "date": D(2025, 10, 9), "result": "pass", "by": "北京软件产品质量检测检验中心",
             "evidence": ["evidence/软件测评报告.pdf"]},
            {"type": "等级测评", "date": D(2025, 10, 10), "result": "pass", "by": "北京网安测评技术有限公司",
             "evidence": ["evidence/等级测评报告2025.pdf"]},
            {"type": "密码应用安全性评估", "date": D(2025, 10, 15), "result": "pass", "by": "北京密评技术服务有限公司",
             "filed_on": D(2025, 10, 22), "evidence": ["evidence/密评报告2025.pdf"]},
            {"type": "等级测评", "date": D(2026, 9, 18), "result": "pass", "by": "北京网安测评技术有限公司",
             "evidence": ["evidence/等级测评报告2026.pdf"]},
            {"type": "密码应用安全性评估", "date": D(2026, 9, 25), "result": "pass", "by": "北京密评技术服务有限公司",
             "filed_on": D(2026, 10, 9), "evidence": ["evidence/密评报告2026.pdf"]},
        ],
    }
    files = {"project.yaml": project, "sharing.yaml": sharing, "budget.yaml": budget, "contract.yaml": contract,
             "security.yaml": security}
    evidence = placeholder_evidence("西城区信息化顶层设计方案.pdf", "上级文件.pdf", "申报材料.pdf", "区政府批复.pdf", "审查意见函.pdf",
                         "中期报告.pdf", "验收申请表.pdf", "竣工验收意见.pdf", "绩效自评报告.pdf", "领域统筹意见.pdf",
                         "密码应用审核表.pdf", "运行维护方案.pdf", "档案目录.pdf", "目录上链确权截图.pdf", "承建合同.pdf",
                         "等保备案证明.pdf", "网络安全方案.pdf", "密码应用方案.pdf", "密码专家评审意见.pdf", "密码应用审核意见.pdf",
                         "软件测评报告.pdf", "等级测评报告2025.pdf", "密评报告2025.pdf", "等级测评报告2026.pdf", "密评报告2026.pdf")
    return {"files": files, "evidence": evidence}


def service() -> dict[str, Any]:
    """A purchased public-data operation service of the district finance office, declared, 初审 passed."""
    project = {
        "id": "xc-2027-enterprise-data",
        "name": "西城区企业服务公共数据授权运营服务项目",
        "unit": "北京市西城区金融服务办公室",
        "jurisdiction": "xc",
        "kind": "service",
        "stage": "prereview",
        "budget_year": 2027,
        "major": False,
        "summary": "通过购买服务，由授权运营单位在区公共数据运营平台上加工企业登记、纳税信用等公共数据，为金融机构提供企业画像服务。",
        "contacts": [{"role": "项目负责人", "name": "苏婧", "phone": "010-66011842", "email": "sujing@example.gov.cn"}],
        "basis": [DESIGN,
                  {"type": "上级文件", "title": "北京市公共数据管理办法", "evidence": ["evidence/北京市公共数据管理办法.pdf"]}],
        "funding": ["财政性资金"],
        "planned_finish": D(2027, 12, 31),
        "events": {
            "declared": {"date": D(2026, 10, 27), "evidence": ["evidence/申报材料.pdf"]},
            "prereview": {"date": D(2026, 11, 20), "result": "pass", "by": KEXIN},
        },
        "documents": {
            "field_opinion": {"title": "金融服务领域牵头部门关于企业服务公共数据授权运营服务项目的统筹意见",
                              "evidence": ["evidence/领域统筹意见.pdf"]},
            "service_catalogue": {"title": "北京市西城区金融服务办公室政府购买服务指导性目录（2026年版）",
                                  "evidence": ["evidence/购买服务指导性目录.pdf"]},
        },
    }
    sharing = {
        "resource_building": False,
        "sources": ["其他部门"],
        "sharing": {"provided": False, "basis": "本项目不新建信息资源", "reason": "使用已汇聚的区级公共数据"},
        "opening": {"provided": False, "basis": "《北京市公共数据管理办法》", "reason": "以授权运营方式提供，不直接开放"},
        "authorized_operation": {
            "involved": True,
            "subject": "北京市西城区金融服务办公室（经区大数据工作领导小组同意）",
            "conditions": "被授权单位为本区国有控股企业，具备数据安全管理能力认证和三级等保的运营环境",
            "procedure": "公开遴选，区科技和信息化局评估应用场景后签订授权运营协议，期限2年",
            "data_scope": "企业登记、纳税信用等级、社保缴纳人数区间、行政许可和行政处罚信息（不含个人信息）",
            "platform": "区公共数据运营平台提供数据沙箱和接口服务，金融机构按调用量使用，原始数据不出平台",
            "norms": "运营行为全程留痕，按季度报送运营报告；数据分级分类，落实保密和安全管理制度",
            "evaluation_exit": "每年开展运营评价；发生数据泄露、违规使用或评价不合格的，终止授权并收回数据",
            "risk_report": {"title": "企业服务公共数据资源开放风险评估报告", "date": D(2026, 10, 15),
                            "evidence": ["evidence/开放风险评估报告.pdf"]},
        },
    }
    budget = {
        "unit": "万元",
        "total": Decimal("96.00"),
        "lines": [
            {"name": "公共数据授权运营服务（企业画像加工和接口服务）", "category": "服务", "amount": Decimal("78.00")},
            {"name": "运营环境安全加固", "category": "安全", "amount": Decimal("8.00")},
            {"name": "等级测评", "category": "测评", "amount": Decimal("6.00")},
            {"name": "场景合规咨询", "category": "咨询", "amount": Decimal("4.00")},
        ],
        "sources": [{"source": "区级财政资金", "type": "财政性资金", "amount": Decimal("96.00")}],
    }
    security = {
        "level": 2,
        "cii": False,
        "plan": {"title": "公共数据授权运营服务网络安全方案", "evidence": ["evidence/网络安全方案.pdf"]},
    }
    files = {"project.yaml": project, "sharing.yaml": sharing, "budget.yaml": budget, "security.yaml": security}
    evidence = placeholder_evidence("西城区信息化顶层设计方案.pdf", "北京市公共数据管理办法.pdf", "申报材料.pdf", "领域统筹意见.pdf",
                         "购买服务指导性目录.pdf", "开放风险评估报告.pdf", "网络安全方案.pdf")
    return {"files": files, "evidence": evidence}


EXAMPLES = {"new": new, "upgrade": upgrade, "service": service}
