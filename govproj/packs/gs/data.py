"""Gongshu data: the kinds, events, documents and extra fields that 《拱墅区信息化项目管理办法（征求意见稿）》 introduces."""
from __future__ import annotations

from govproj.core.fields import F, L, M
from govproj.core.format import EVIDENCE

# 一、项目范围: 新建、改建、扩建、升级、迁移和维护，以及基础设施的运维；四（三）: 突发性、紧急性项目另走区政府审批
KINDS: tuple[tuple[str, str], ...] = (
    ("new", "新建"),
    ("upgrade", "升级改造"),  # 改建、扩建、升级、迁移
    ("maintenance", "运维"),  # 系统维护，网络、服务器、机房等基础设施的运维
    ("urgent", "突发紧急"),  # 四（三）：直接报区政府审批，经区政府同意后纳入年度建设计划
)
SYSTEM_KINDS = ("new", "upgrade", "urgent")  # kinds that build a system which goes live
PLANNED_KINDS = ("new", "upgrade", "maintenance")  # kinds declared for next year and reviewed (四（一）、四（二）)

# key, label, help — what happened, with date and document number (project.yaml → events)
EVENTS: tuple[tuple[str, str, str], ...] = (
    ("declared", "申报", "向领导小组办公室申报次年信息化项目的日期（四（一））；突发紧急项目写直接报区政府审批的日期（四（三））"),
    ("prereview", "预审意见书", "领导小组办公室出具预审意见书的日期、文号和结论（pass 合格 / fail 不合格），应在申报后5个工作日内（四（二））"),
    ("reviewed", "专家组审查", "评审专家组审查的日期、文号和结论；participants 写参加的部门（区发改经信局、区财政局等）（四（二））"),
    ("office_opinion", "领导小组办公室意见", "突发紧急项目：领导小组办公室会同区财政局及有关单位出具意见的日期和文号（四（三））"),
    ("government_approved", "区政府同意", "突发紧急项目：区政府同意的日期和文号（四（三））"),
    ("library", "入库", "项目入库草案经领导小组研究明确、排入项目库的日期和文号；突发紧急项目写纳入年度建设计划的日期（四（三））"),
    ("tender_confirmed", "招标需求专家确认", "领导小组办公室组织专家确认招标需求的日期和结论（单个项目经费预算50万元以上，五（一））"),
    ("procurement_started", "采购启动", "发布采购公告（或发出采购邀请）的日期（五（一）、五（二））"),
    ("procured", "采购完成", "中标（成交）通知书的日期（五（三））"),
    ("accepted", "竣工验收", "领导小组办公室组织专家竣工验收的日期和结论；by 写组织单位（五（五））"),
    ("golive", "上线", "系统上线使用的日期（五（六）、六（二））"),
    ("security_check", "运维安全检查", "区数据资源局对项目运维安全检查的日期和结论（fail：发现重大安全漏洞或运维保障不到位，"
                                   "须立即整改）（六（一））"),
)

DOCUMENTS: tuple[tuple[str, str, str], ...] = (
    ("implementation_plan", "项目实施方案", "申报时提交、由领导小组办公室预审的项目实施方案（需求方案）（四（一）、四（二））"),
    ("feasibility", "前期咨询论证和可行性分析", "投资额度较大、技术复杂的项目的前期咨询、论证和可行性分析报告（四（一））"),
    ("performance_goals", "信息化项目绩效目标", "年底向区财政局申报次年部门预算时编制的信息化项目绩效目标（四（一））"),
    ("tender_needs", "招标需求", "根据项目实施方案审查意见编写的招标需求（五（一））"),
    ("supervision_materials", "项目监理相关材料", "经费预算100万元以上的项目向领导小组办公室提交的监理相关材料：date 写提交日期（五（四））"),
    ("ledger", "实施和运维台账", "按区信息化实施过程管理和运行考核体系形成的实施和运维台账（六（三））"),
)

RESOURCE_TYPES = ("政务云", "基础服务", "数据共享", "其他")


def _connection(key: str, label: str, help_: str) -> F:
    return M(key, label,
             F("connected", "bool", "已完成对接", "完成对接后写 true"),
             F("date", "date", "完成对接日期", "YYYY-MM-DD；应不晚于上线日期"),
             F("note", "text", "说明"),
             EVIDENCE,
             help=help_)


EXTRA_FIELDS: dict[str, tuple[F, ...]] = {
    "project.yaml": (
        F("complex", "bool", "技术复杂", "技术复杂的项目需进行前期咨询、论证和可行性分析（四（一））"),
        M("secrecy", "保密依据",
          F("basis", "text", "法律法规依据", "法律法规明确要求保密的条款（写明法规名称和条款）"),
          EVIDENCE,
          help="确有法律法规明确要保密的项目才填写：免于与区数据中枢、公共基础支撑平台对接（二（二））；"
               "涉密项目按照国家保密有关规定执行"),
        L("monitoring", "“双监控”绩效监控报告",
          F("date", "date", "报送日期"),
          F("period", "str", "监控期间", "如 2026年第三季度"),
          F("goals", "bool", "含绩效目标实现程度", "报告是否监控了项目绩效目标实现程度"),
          F("budget", "bool", "含预算执行进度", "报告是否监控了预算执行进度"),
          L("to", "报送单位", item="str", help="应同时报送领导小组办公室和区财政局"),
          EVIDENCE,
          help="项目建设过程中定期报送的“双监控”绩效监控报告（五（四））"),
        L("allocations", "资源申请与分配",
          F("type", "enum", "资源类型", choices=RESOURCE_TYPES),
          F("content", "text", "申请内容", "如 政务云 16核64G 云主机 4台"),
          F("applied_on", "date", "申请日期"),
          F("allocated_on", "date", "分配日期", "区数据资源局下达资源分配表的日期"),
          F("doc_no", "str", "资源分配表编号"),
          EVIDENCE,
          help="向区数据资源局申请的政务云、基础服务、数据共享等资源和下达的资源分配表（五（六））"),
        L("om_records", "运维安全保障记录报送",
          F("date", "date", "报送日期"),
          F("period", "str", "记录期间", "如 2026年第二季度"),
          EVIDENCE,
          help="定期报送区数据资源局的运维安全保障记录（六（一））"),
        L("evaluations", "绩效评价",
          F("date", "date", "评价日期"),
          F("by", "str", "第三方机构", "领导小组办公室会同区财政局聘请的第三方机构"),
          F("result", "str", "评价结论", "如 优、良、中、差 或得分"),
          EVIDENCE,
          help="第三方机构对项目建设情况的绩效评价（六（三））"),
    ),
    "sharing.yaml": (
        M("catalogue", "政务资源目录",
          F("title", "str", "目录名称"),
          F("date", "date", "提供日期"),
          F("entries", "int", "目录条目数"),
          EVIDENCE,
          help="项目提供的政务资源目录（数据资源目录）（二（二）、六（二））"),
        L("data_standards", "遵循的数据资源规范", item="str",
          help="新建业务系统的数据格式遵循的省、市、区数据资源规范（二（二））"),
        _connection("data_hub", "区数据中枢对接",
                    "与区数据中枢的对接；未接入区数据中枢的系统不得上线运行（二（二）、六（二））"),
        _connection("base_services", "基础服务（公共基础支撑平台）对接",
                    "与基础服务、公共基础支撑平台的对接；上线前需完成（二（二）、五（六））"),
        _connection("interface", "数据共享接口对接", "上线前需完成数据共享接口对接（五（六））"),
        L("direct_links", "系统间直接对接",
          F("system", "str", "对方系统"),
          F("note", "text", "说明"),
          help="本系统与其他系统之间绕过数据共享接口的直接对接；不得有（五（六））",
          example={"system": "区城市大脑中枢", "note": "过渡期直连，计划改经数据共享接口"}),
    ),
    "contract.yaml": (
        M("price_cap", "采购最高限价",
          F("amount", "money", "最高限价", "万元，精确到分"),
          F("date", "date", "确定日期"),
          F("doc_no", "str", "文号"),
          F("by", "str", "确定单位", "领导小组办公室组织区发改经信局、区财政局等单位和专家进行价格估算"),
          EVIDENCE,
          help="对经核准的招标需求确定的项目采购最高限价（五（二））"),
    ),
}

# budget.yaml sources[].type: 一“项目范围”: 全部或部分使用各级财政资金; 二: 区级财力.
FUNDING_TYPES: tuple[tuple[str, str], ...] = (
    ("区级财政资金", "一、二：区级财政资金（区级财力安排的信息化经费）"),
    ("其他各级财政资金", "一“各级财政资金”中区级以外的（如上级补助）"),
    ("其他", "不是财政资金（如单位自有资金），写明名称"),
)

# 六（一）: 运维安全检查发现重大安全漏洞或运维保障不到位的，督促立即整改 (GS065)
from govproj.core.format import orders_field  # noqa: E402

EXTRA_FIELDS["project.yaml"] = EXTRA_FIELDS["project.yaml"] + (orders_field(
    "整改要求",
    "区数据资源局运维安全检查发现重大安全漏洞或运维保障不到位、督促立即整改时记录（六（一））：要求日期、文号，"
    "以及整改完成的日期（done_on）", kinds=("整改",)),)
