"""Xicheng data: the events, materials and extra fields that 西政发〔2022〕7号 introduces."""
from __future__ import annotations

from govproj.core.fields import F, L, M
from govproj.core.format import EVIDENCE

# 第二条（一）至（四）: how the project is paid for. 第二条（二）"使用财政性资金通过购买服务方式采购" is
# kind `service` with funding 财政性资金.
FISCAL = "财政性资金"
PPP = "政府与社会资本合作"
SUBSIDY = "国家、市补助投资及其他专项资金"
FUNDING = (FISCAL, PPP, SUBSIDY)

KINDS: tuple[tuple[str, str], ...] = (
    ("new", "工程建设"),
    ("upgrade", "升级改造"),
    ("om", "运行维护"),
    ("service", "购买服务和资源"),
)

# key, label, help — what happened, with date and document number (project.yaml → events)
EVENTS: tuple[tuple[str, str, str], ...] = (
    ("declared", "向区科技和信息化局申报", "申报日期和申报材料（第八条）；先建后报、边建边报以此判断（第十三条）"),
    ("prereview", "区科技和信息化局初审", "初审的日期和结论 pass/fail（第十五条）"),
    ("consult", "统筹会商审查", "统筹会商审查的日期和结论 pass/fail（第十五条）"),
    ("approved", "区政府决策及批复", "区政府批复的日期、文号、结论（第十五条）；立项审批，密码应用审核意见应在此之前（第十条）"),
    ("review_letter", "信息化项目审查意见函", "区科技和信息化局出具审查意见函的日期、文号（第十六条）；预算安排、立项采购的前置条件"),
    ("budget_arranged", "预算安排", "项目资金安排（预算下达）的日期和文号（第十条、第十六条）"),
    ("work_started", "开始实施", "项目开工或开始实施的日期（第十三条：不得先建后报、边建边报）"),
    ("midterm_reported", "中期报告报送", "向区科技和信息化局、区财政局报送中期报告的日期和报告文件（第二十三条）"),
    ("delay_reported", "延期或风险报告", "出现延期、投资损失风险时报告区科技和信息化局的日期（第二十三条）"),
    ("acceptance_applied", "提交验收申请", "向区科技和信息化局提交验收申请表及验收材料的日期（第二十五条：验收前不低于15个工作日）"),
    ("acceptance_approved", "验收申请获批准", "区科技和信息化局批准验收申请的日期（第二十五条：经批准后方可组织竣工验收）"),
    ("accepted", "竣工验收", "验收日期、结论 pass/fail/conditional；participants 写参加单位（第二十五、二十六条）"),
    ("om_plan_filed", "运行维护方案备案", "运行维护方案报区科技和信息化局备案的日期（第二十七条：投入使用前）"),
    ("in_use", "投入使用", "项目投入使用的日期（第二十七条）"),
    ("assets_registered", "软硬件资产登记", "完成项目软硬件资产登记的日期（第三十条）"),
    ("self_evaluation", "绩效自评报告报送", "向区科技和信息化局报送绩效自评报告的日期（第三十二条：验收满一年后）"),
)

DOCUMENTS: tuple[tuple[str, str, str], ...] = (
    ("field_opinion", "专业领域牵头部门申报意见", "经信息化各专业领域牵头部门统筹后形成的项目申报意见（第八条）"),
    ("service_catalogue", "本单位购买服务指导性目录", "涉及购买服务时，编制预算和申报材料所依据的本单位购买服务指导性目录（第九条）"),
    ("crypto_form", "政府投资信息化项目密码应用审核表", "关键信息基础设施和等保三级及以上项目报区委机要局（区密码管理局）审核的审核表（第十条）"),
    ("feasibility_study", "可行性研究报告", "政府和社会共同投资（政府与社会资本合作）的项目须编制（第十一条）"),
    ("om_plan", "运行维护方案", "投入使用前制定并报区科技和信息化局备案（第二十七条）"),
    ("archive", "项目档案", "项目档案的目录或归档说明；档案管理与项目实施同步进行（第二十九条）"),
)

# ---- fields the text introduces, added to the shared files ------------------------------------------------------

PROJECT_FIELDS: tuple[F, ...] = (
    L("funding", "资金方式（第二条）", item="enum", choices=FUNDING,
      help="本办法第二条的适用情形：使用财政性资金（含通过购买服务方式采购）、政府与社会资本合作、"
           "申请国家和市补助投资及其他专项资金；可多选"),
    F("planned_finish", "date", "计划完成日期", "审查意见函或合同约定的建设完成日期；逾期未验收须报告区科技和信息化局（第二十三条）", planned=True),
)

SECURITY_FIELDS: tuple[F, ...] = (
    F("cii", "bool", "关键信息基础设施", "是否属于关键信息基础设施（第十条：与等保三级及以上项目同样须编制密码应用方案）"),
)

AUTHORIZED_OPERATION = M(
    "authorized_operation", "公共数据授权运营（第十二条）",
    F("involved", "bool", "是否涉及公共数据授权运营"),
    F("subject", "text", "授权主体"),
    F("conditions", "text", "授权条件"),
    F("procedure", "text", "授权程序"),
    F("data_scope", "text", "数据范围"),
    F("platform", "text", "运营平台的服务和使用机制"),
    F("norms", "text", "运营行为、安全保密规范"),
    F("evaluation_exit", "text", "运营评价和退出情形"),
    M("risk_report", "公共数据资源开放风险评估报告", F("title", "str", "名称"), F("date", "date", "日期"), EVIDENCE),
    help="涉及公共数据授权运营时写明授权主体、条件、程序、数据范围、平台机制、行为和安全保密规范、评价和退出情形，"
         "并提交公共数据资源开放风险评估报告",
)

RESOURCE_WORK = M(
    "resource_work", "信息资源入云、更新、上链、确权（第二十一条）",
    F("cloud_on", "date", "入云完成日期"),
    F("updated_on", "date", "更新完成日期"),
    F("chained_on", "date", "上链完成日期"),
    F("rights_on", "date", "确权完成日期"),
    F("note", "text", "说明"),
    EVIDENCE,
    help="按西政发〔2018〕7号《西城区政务信息资源管理办法（试行）》完成项目入云、更新、上链、确权的日期",
)

EXTRA_FIELDS: dict[str, tuple[F, ...]] = {
    "project.yaml": PROJECT_FIELDS,
    "security.yaml": SECURITY_FIELDS,
    "sharing.yaml": (AUTHORIZED_OPERATION, RESOURCE_WORK),
}

# budget.yaml sources[].type: the kinds of money 第二条 names (its four cases), 第十一条 “政府和社会共同投资”.
FUNDING_TYPES: tuple[tuple[str, str], ...] = (
    ("财政性资金", "第二条（一）（二）：使用财政性资金建设实施或通过购买服务方式采购"),
    ("社会资本", "第二条（三）政府与社会资本合作、第十一条 政府和社会共同投资中社会一方的投资"),
    ("国家补助投资", "第二条（四）：申请国家补助投资"),
    ("市补助投资", "第二条（四）：申请市补助投资"),
    ("其他专项资金", "第二条（四）：其他专项资金"),
    ("其他", "以上都不是，写明名称"),
)
SOCIAL = "社会资本"

# 第二十条 “其他有必要进行软件测评的项目” (XC207); 第三十一条 限期整改、暂停项目建设 (XC311)
from govproj.core.format import decision, orders_field  # noqa: E402

PROJECT_FIELDS = PROJECT_FIELDS + (
    M("decisions", "审查意见中的认定",
      decision("software_test", "有必要进行软件测评",
               "第二十条“以及其他有必要进行软件测评的项目”：审查意见函等要求软件开发投资不足100万元的项目也进行软件测评时，"
               "写 applies: true 和出具机关、文号"),
      help="评审、审查意见对本项目作出的、办法据以产生义务的认定"),
    orders_field("限期整改或暂停建设的要求",
                 "监督检查发现违反规定或批复要求、要求限期整改，或暂停项目建设时记录（第三十一条）：要求日期、机关、文号、"
                 "整改期限，以及整改完成或经同意恢复建设的日期（done_on）", kinds=("限期整改", "暂停建设")),
)
EXTRA_FIELDS["project.yaml"] = PROJECT_FIELDS
