"""Yubei data: the events and documents 渝北府办发〔2019〕26号 names, its annex 1 and 2, and the pack's extra fields."""
from __future__ import annotations

from govproj.core.fields import F, L, M
from govproj.core.format import EVIDENCE

# key, label, help — what happened, with date and document number (project.yaml → events)
EVENTS: tuple[tuple[str, str, str], ...] = (
    ("declared", "需求申报", "向区大数据发展局申报的日期（建设类第六条；运维类第五条：每年底申报下一年度运维需求）"),
    ("om_evaluated", "运维需求综合评价", "区大数据发展局组织专家或委托机构对运维需求的综合评价：日期、结论（第五条）"),
    ("prereviewed", "初步审核", "区大数据发展局初步审核的日期和结论；未通过的不得参加专家评审（第六条）"),
    ("expert_reviewed", "专家评审", "区大数据发展局会同区财政局、区发展改革委组织的专家评审：日期、结论、评审意见（第七条）"),
    ("deliberated", "区委区政府审议", "按区委、区政府议事规则研究审议的日期、结论，doc_no 写会议纪要或批复文号（第七条）"),
    ("budgeted", "纳入预算", "纳入财政预算或新增预算的日期和文号，note 写“财政预算”或“新增预算”（第七条）"),
    ("ndrc_approved", "发改委立项", "固定资产投资建设项目：区发展改革委下达立项通知的日期、文号，by 写批复机关（第十条）"),
    ("procured", "采购完成", "按规定程序组织采购、确定供应商的日期（中标或成交通知），note 写采购方式（第九条、第十条）"),
    ("started", "开始建设或运维", "开始建设（进场实施）或开始运维的日期；未审核通过不得投入资金开展建设或运维（第十八条）"),
    ("om_terminated", "终止运维合同", "运维期中终止运维合同的日期，note 写终止原因（第十三条）"),
    ("termination_notified", "终止运维书面通报",
     "向区大数据发展局和区财政局书面通报的日期，participants 写通报的单位，note 写终止原因，附通报文件（第十三条）"),
    ("catalog_joined", "接入共享交换平台", "本项目政务数据资源目录清单接入政务信息资源共享交换平台的日期（第十四条）"),
    ("accepted", "项目验收", "验收日期、结论；participants 写参加单位和专家（须有区大数据发展局）（第十四条）"),
    ("delivered", "正式交付使用", "正式交付使用的日期；通过验收后方可交付（第十四条）"),
    ("archived", "资料报送存档", "验收后把项目资料电子文档报送区大数据发展局存档的日期，应在验收后10个工作日内（第十五条）"),
    ("evaluated", "综合评价", "区大数据发展局对已建成项目的综合评价：日期、结论（第十七条）"),
)

# 第十五条: the electronic documents filed after acceptance, in the article's order. key, label, when needed
ARCHIVE: tuple[tuple[str, str, str], ...] = (
    ("construction_plan", "项目建设方案", ""),
    ("data_design", "数据结构设计说明书", ""),
    ("approval_doc", "立项批复", ""),
    ("procurement_docs", "采购文件", ""),
    ("contract_doc", "项目合同", ""),
    ("supervision_report", "监理报告", "supervision"),
    ("test_report", "测评报告", "testing"),
    ("change_note", "变更说明", "changes"),
    ("acceptance_report", "验收报告", ""),
    ("usage_report", "用户使用报告", ""),
    ("acceptance_opinion", "验收意见", ""),
)

_ARCHIVE_HELP = {
    "construction_plan": "项目建设方案（验收依据之一，第十四条；存档资料，第十五条）",
    "data_design": "数据结构设计说明书（第十五条）",
    "approval_doc": "立项批复：固定资产投资项目为区发展改革委的立项通知，其他项目为审议通过的批复文件（第十四条、第十五条）",
    "procurement_docs": "采购文件（招标文件、中标或成交通知等）（第十四条、第十五条）",
    "contract_doc": "项目合同（第十四条、第十五条）",
    "supervision_report": "监理报告；有监理单位时报送（第十五条）",
    "test_report": "测评报告；有测评单位或安全测评时报送（第十五条）",
    "change_note": "变更说明；有变更时报送（第十一条、第十五条）",
    "acceptance_report": "验收报告（第十五条）",
    "usage_report": "用户使用报告（第十五条）",
    "acceptance_opinion": "验收意见（第十五条）",
}

DOCUMENTS: tuple[tuple[str, str, str], ...] = (
    ("declaration_form", "需求申报表", "附件1《渝北区政务信息化项目需求申报表》：填报单位盖章（sealed: true）、填报时间（date）、扫描件"),
    ("requirement_spec", "建设类项目需求说明", "附件2《渝北区政务信息化建设类项目需求说明》，建设类项目申报时提交（第六条）"),
    ("om_plan", "运维项目方案", "运维类项目经审核通过的项目方案，采购按此方案组织（第九条）"),
    ("data_catalog", "政务数据资源目录清单", "验收时编制完成的本项目政务数据资源目录清单（第十四条）"),
    *((key, label, _ARCHIVE_HELP[key]) for key, label, _ in ARCHIVE),
)

# 第二条: not 政务信息化项目. Words that name such purchases in a budget line, by the item the article lists.
OUT_OF_SCOPE: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("办公使用的个人电脑", ("个人电脑", "台式电脑", "台式机", "笔记本电脑", "办公电脑", "办公计算机")),
    ("照相机", ("相机",)),
    ("复印机", ("复印机", "复印一体机")),
    ("移动存储设备", ("移动存储", "移动硬盘", "U盘", "u盘")),
    ("软件产品", ("软件产品", "办公软件")),
    ("耗材", ("耗材", "墨盒", "硒鼓", "碳粉", "打印纸")),
)

# 附件1 资金预算: the four source columns
SOURCES: tuple[str, ...] = ("中央财政资金", "市财政资金", "区财政资金", "自有资金")

# 附件2 编制大纲: the eight chapters
CHAPTERS: tuple[str, ...] = ("项目概述", "单位现状", "需求分析", "建设方案", "项目实施进度和组织安排", "项目风险及控制措施",
                             "总投资详细估算和资金来源", "经济和社会效益")

PROCUREMENT_TYPES = ("工程类", "服务类", "货物类")
INCIDENT_TYPES = ("工程严重逾期", "投资重大损失", "其他")

PLATFORMS: tuple[str, ...] = ("政务云", "政务数据共享交换平台")

EXTRA_FIELDS = {
    "project.yaml": (
        F("build_type", "enum", "建设性质", "建设类项目：新建、改建、扩建或续建（第二条）",
          choices=("新建", "改建", "扩建", "续建")),
        L("procurement_types", "采购类别", item="enum", choices=PROCUREMENT_TYPES,
          help="附件1 需求申报表的“采购类别”，可多选"),
        M("period", "项目周期", F("start", "date", "开始", "申报表只写到月，写该月1日", planned=True),
          F("end", "date", "结束", "计划完成日期；申报表只写到月，写该月末日", planned=True),
          help="附件1 需求申报表的“项目周期：年 月 至 年 月”"),
        F("fixed_asset", "bool", "属于固定资产投资建设",
          "是否属于固定资产投资建设的项目；是则须由区发展改革委立项后才能采购（第十条）"),
        M("platform_exemption", "不使用政务云或不接入共享交换平台的依据",
          F("basis", "text", "依据", "法律、行政法规或者党中央、国务院和重庆市政策的明确规定：文件名称、条款"),
          F("note", "text", "说明"),
          help="第四条的例外：只有法律、行政法规或党中央、国务院和重庆市政策有明确规定时才可不使用政务云、不接入共享交换平台"),
        M("network", "网络",
          F("new_private_network", "bool", "新建业务专网", "本项目是否新建业务专网（第四条：不再新建业务专网）"),
          L("private_networks", "使用的已有业务专网",
            F("name", "str", "专网名称"),
            F("joined", "bool", "已并入或接入电子政务网络"),
            F("note", "text", "说明"),
            help="已有业务专网应当并入或者接入电子政务网络（第四条）",
            example={"name": "区应急指挥专网", "joined": True}),
          help="政务数据资源通过电子政务网络传输（第四条）"),
        M("phase", "跨年度分期建设",
          F("number", "int", "本期序号", "本项目是第几期"),
          F("total", "int", "总期数"),
          L("previous", "以前各期",
            F("number", "int", "期次"),
            F("name", "str", "项目名称"),
            F("declared_on", "date", "申报日期"),
            F("deliberated_on", "date", "审议通过日期"),
            F("contract_no", "str", "采购合同编号"),
            F("accepted_on", "date", "验收日期"),
            EVIDENCE,
            help="以前各期的申报、审议、合同和验收（第八条、第十四条）",
            example={"number": 1, "contract_no": "CQYB-2025-ZC-0001", "evidence": ["evidence/一期验收报告.pdf"]}),
          help="跨年度分期建设的项目：每一期都按申报、审核、审议流程申报（第八条）"),
        L("incidents", "严重逾期、重大损失等情况",
          F("date", "date", "发生或发现日期"),
          F("type", "enum", "类型", choices=INCIDENT_TYPES),
          F("what", "text", "情况说明"),
          F("reported_on", "date", "报告日期", "向区大数据发展局报告的日期"),
          F("response", "text", "处理要求", "区大数据发展局会同区财政局要求的整改或暂停"),
          EVIDENCE,
          help="建设过程中出现工程严重逾期、投资重大损失等情况，应及时向区大数据发展局报告（第十三条）",
          example={"type": "工程严重逾期", "what": "承建单位人员变动，系统上线较计划推迟三个月",
                   "evidence": ["evidence/情况报告.pdf"]}),
    ),
    "needs.yaml": (
        F("functions", "text", "项目内容及功能", "附件1 需求申报表"),
        F("cloud_status", "text", "信息资源上云情况", "附件1 需求申报表"),
        F("sharing_status", "text", "信息资源共享情况", "附件1 需求申报表"),
        F("integration", "text", "单位信息化项目现状及整合情况", "附件1 需求申报表"),
        F("remarks", "text", "备注", "附件1 需求申报表"),
        L("spec_chapters", "需求说明已编写的章", item="enum", choices=CHAPTERS,
          help="建设类项目需求说明（附件2 编制大纲）已编写的章"),
    ),
}

# budget.yaml sources[].type: 附件1 资金预算's four columns; 第二条 also names 政府和社会企业联合建设 (社会资本).
FUNDING_TYPES: tuple[tuple[str, str], ...] = (
    ("中央财政资金", "附件1 资金预算“中央财政资金”栏"),
    ("市财政资金", "附件1 资金预算“市财政资金”栏"),
    ("区财政资金", "附件1 资金预算“区财政资金”栏"),
    ("自有资金", "附件1 资金预算“自有资金”栏、第二条“使用自有资金建设和运维”"),
    ("社会资本", "第二条“政府和社会企业联合建设”中社会企业的投资（申报表没有这一栏，印在备注）"),
    ("其他", "以上都不是，写明名称（申报表没有这一栏，印在备注）"),
)

# 第十三条: 区大数据发展局会同区财政局可要求整改或暂停项目建设 — the order and what the unit did (YB134)
from govproj.core.format import orders_field  # noqa: E402

EXTRA_FIELDS["project.yaml"] = EXTRA_FIELDS["project.yaml"] + (orders_field(
    "整改或暂停建设的要求",
    "区大数据发展局会同区财政局要求整改或暂停项目建设时记录（第十三条）：要求日期、机关、文号、期限，以及整改完成或"
    "经同意恢复建设的日期（done_on）"),)
