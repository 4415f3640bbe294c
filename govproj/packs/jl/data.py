"""Jilin data: build modes, the events and documents the measures name, and the fields they add to the folder format."""
from __future__ import annotations

from govproj.core.fields import F, L, M

# 第三条第二款 / 第四条: the build mode is the project kind; it decides who procures and who accepts.
KINDS: tuple[tuple[str, str], ...] = (("unified", "统一建设"), ("self", "自行建设"))

BUREAU = "省政务服务和数字化局"  # 省政务服务和数字化建设管理局 (第四条 简称)


# key, label, help — what happened, with date and document number (project.yaml → events)
EVENTS: tuple[tuple[str, str, str], ...] = (
    ("demand_plan", "需求计划报送", "本部门需求计划报送省政务服务和数字化局审核汇总的日期（第七条）"),
    ("annual_plan", "纳入年度计划", "项目列入省级政务信息系统建设年度计划：计划的日期和文号（第七条、第九条、第十四条）"),
    ("mode_decided", "确定建设方式", "省政务服务和数字化局确定本项目统一建设或自行建设的日期和文号（第八条）"),
    ("applied", "提交立项申请", "提交立项申报材料的日期（第九条、第十二条）"),
    ("expert_review", "专家评审", "专家评审意见的日期和结论（pass 通过 / fail 不通过 / conditional 修改后通过）（第十一条）"),
    ("approved", "立项批复", "省政务服务和数字化局审核立项的批复：日期、文号，by 写批复机关（第十条、第十二条）"),
    ("docs_reviewed", "采购文件审核", "自行建设项目：省政务服务和数字化局审核采购文件的日期和结论（第十六条）"),
    ("procurement_started", "发起采购", "发起采购流程的日期；by 写采购主体（统一建设为省政务服务和数字化局，自行建设为立项单位）（第四条、第十六条）"),
    ("delay_reported", "严重逾期或重大损失报告", "出现工程严重逾期、投资重大损失等情形时向省政务服务和数字化局报告的日期（第二十二条）"),
    ("trial_started", "试运行开始", "完成建设任务、开始试运行的日期（第二十五条）"),
    ("trial_stable", "试运行达到稳定状态", "试运行达到稳定状态的日期；满20个工作日后方可提交竣工验收申请（第二十五条）"),
    ("trial_ended", "试运行结束", "试运行结束的日期（第二十五条）"),
    ("preliminary_accepted", "初步验收", "初步验收的日期、结论和组织单位（by）（第二十五条）"),
    ("preliminary_failed", "初步验收未通过", "初步验收未通过的日期；重新验收通过后仍保留，用于核对一个月整改期限（第二十六条）"),
    ("preliminary_rectified", "初步验收整改完成", "未通过初步验收后整改完成的日期（第二十六条）"),
    ("final_applied", "提交竣工验收申请", "自行建设项目：向省政务服务和数字化局提交竣工验收申请报告的日期（第二十五条）"),
    ("final_application_approved", "竣工验收申请通过", "自行建设项目：竣工验收申请通过的日期和结论（第二十五条）"),
    ("final_accepted", "竣工验收", "竣工验收的日期、结论、组织单位（by）和参加单位（第二十五条）"),
    ("final_failed", "竣工验收未通过", "竣工验收未通过的日期；重新验收通过后仍保留，用于核对一个月整改期限（第二十六条）"),
    ("final_rectified", "竣工验收整改完成", "未通过竣工验收后整改完成的日期（第二十六条）"),
    ("delay_explained", "未按期验收书面说明", "不能按期完成竣工验收时，向省政务服务和数字化局提交书面说明材料的日期（第二十六条）"),
    ("catalogue_registered", "纳入省级共享平台目录", "项目政务信息资源纳入省级共享平台目录管理系统的日期（第十五条）"),
    ("secrecy_filed", "涉密项目备案", "涉密项目的采购、建设、验收等过程报省政务服务和数字化局备案的日期（第十七条）"),
)

DOCUMENTS: tuple[tuple[str, str, str], ...] = (
    ("application", "项目申报书", "《吉林省政务信息系统项目申报书》（附件3）：date 写申报日期，项目立项单位盖章后 sealed 写 true"),
    ("feasibility_study", "可行性研究报告", "按附件1 提纲编制；拟利用省级财政资金超过200万元的项目须提交（第十二条）"),
    ("preliminary_design", "初步设计方案", "按附件2 提纲编制；立项批复要求时提交（第十二条）"),
    ("budget_estimate", "投资概算", "按附件2 提纲编制；立项批复要求时提交（第十二条）"),
    ("procurement_docs", "采购文件", "按立项审核时核准的内容编制的采购文件（第十六条）"),
    ("coordination", "跨部门工作协调机制", "多部门共建项目的跨部门工作协调机制和共建共享机制文件（第十九条）"),
    ("archive", "电子档案", "项目档案及电子档案，竣工验收的重要依据（第二十三条）"),
    ("acceptance_plan", "竣工验收方案", "根据采购合同规定的内容制定的完整项目验收方案（第二十五条）"),
    ("construction_summary", "项目建设总结", "竣工验收申请的附件（第二十五条）"),
    ("preliminary_report", "初步验收报告", "竣工验收申请的附件（第二十五条）"),
    ("financial_report", "财务报告", "竣工验收申请的附件（第二十五条）"),
    ("audit_report", "审计报告", "竣工验收申请的附件（第二十五条）"),
    ("risk_report", "信息安全风险评估报告", "竣工验收申请的附件（第二十五条）"),
)

PROJECT_TYPES = ("硬件类", "软件类", "工程类", "服务类", "信息系统类")  # 附件3 填写说明6

EXTRA_FIELDS: dict[str, tuple[F, ...]] = {
    "project.yaml": (
        F("project_no", "str", "项目编号（申报书）",
          "附件3 填写说明1：项目编号按照全省统一的信息化项目库管理要求编写；写项目库给出的编号，不是 govproj 的项目编号"
          "或文件夹名。还没有编号时不写，申报书留空待填"),
        L("project_types", "项目类型（申报书）", item="enum", choices=PROJECT_TYPES,
          help="附件3 填写说明6：硬件类指硬件产品购买，软件类指成熟软件产品购买，工程类指非土建类工程实施项目，"
               "服务类指咨询、运维等专业化服务，信息系统类指政务信息系统定制化开发建设"),
        F("cross_level", "bool", "跨层级", "项目是否涉及省、市、县跨层级建设（第十条、第二十四条）"),
        F("cross_department", "bool", "跨部门", "项目是否涉及跨部门、多部门共建（第十条、第十九条）"),
        F("lead_department", "str", "牵头部门", "跨层级、跨部门项目的牵头部门（第十条、第十九条）"),
        L("co_builders", "共建部门",
          F("name", "str", "部门名称"),
          F("scope", "text", "建设范围"),
          F("duties", "text", "责任义务"),
          help="多部门共建项目：每个共建部门的建设范围和责任义务（第十九条）"),
        M("civil_works", "土建及非政务信息系统内容",
          F("involved", "bool", "是否涉及", "是否涉及土建工程或其他非政务信息系统项目范围的内容"),
          F("split_out", "text", "拆分情况", "拆分出去的建设内容及其另行立项或资金渠道"),
          help="第十条：涉及土建工程及其它非政务信息系统项目范围内容的，须拆分，只对政务信息系统部分申请立项"),
        L("base_resources", "基础资源和技术服务需求", item="str",
          help="如 政务云、大数据中心、电子政务网络（第十一条评审内容；附件3 五.5）；不需要时写 无"),
        F("design_required", "bool", "批复要求初设和概算",
          "立项批复是否要求进一步提交初步设计方案与投资概算（第十二条）"),
        F("classified", "bool", "涉密项目", "涉密项目的采购、建设、管理、验收按保密规定执行并报备案（第十七条）"),
        M("schedule", "建设期",
          F("start", "date", "计划开工日期", planned=True),
          F("completion", "date", "计划完成建设日期", "建设任务计划完成、进入试运行的日期", planned=True),
          F("acceptance", "date", "计划竣工验收日期", "按期完成竣工验收的期限", planned=True),
          help="立项批复核准的建设期（第二十二条逾期、第二十六条按期验收据此判断）"),
    ),
    "budget.yaml": (
        F("disbursed", "money", "已拨付资金", "已拨付到项目的资金累计，单位见 unit（默认万元）；未经验收的项目不得拨付全部项目资金（第二十六条）"),
    ),
    "security.yaml": (
        F("secrecy_grade", "enum", "分级保护密级", "涉密项目的分级保护密级（第二十条）", choices=("秘密", "机密", "绝密")),
    ),
}

# budget.yaml sources[].type: the kinds of money the measures name. 第二条 and 第十二条 turn on 省级财政资金; 第十四条
# names 国家部委组织地方建设 (with provincial 配套资金), 第二十四条 市县事权部分由当地承担.
FUNDING_TYPES: tuple[tuple[str, str], ...] = (
    ("省级财政资金", "第二条、第十二条：省级财政资金（含第十四条的省级配套资金）；第十二条的200万元按这一类合计"),
    ("国家资金", "第十四条：国家部委组织地方建设的项目中国家安排的资金"),
    ("市县资金", "第二十四条：省和市县协同建设的项目中属于市县事权、由当地承担的资金"),
    ("其他", "以上都不是，写明名称"),
)
PROVINCIAL = "省级财政资金"

# 第二十二条 可要求整改或暂停建设; 第三十条 监督检查发现问题的，要求限期整改 (JL222, JL301)
from govproj.core.format import orders_field  # noqa: E402

EXTRA_FIELDS["project.yaml"] = EXTRA_FIELDS["project.yaml"] + (orders_field(
    "整改、限期整改或暂停建设的要求",
    "省政务服务和数字化局要求整改或暂停建设（第二十二条）、监督检查要求限期整改（第三十条）时记录：要求日期、机关、"
    "文号、期限，以及整改完成或经同意恢复建设的日期（done_on）", kinds=("整改", "暂停建设", "限期整改")),)
