"""Beijing data: the events and documents the notice names, and annex 2, the 22 municipal common platforms."""
from __future__ import annotations

# key, label, help — what happened, with date and document number (project.yaml → events)
EVENTS: tuple[tuple[str, str, str], ...] = (
    ("plan_reported", "规划和方案报送", "本单位信息化规划和顶层设计方案报送市经信委的日期（第1条）"),
    ("annual_plan_reported", "年度项目实施计划报送", "年度项目实施计划报送市经信委的日期，应在每年5月底前（第3条）"),
    ("declared", "提交申报", "通过“电子政务项目全流程管理系统”提交申报材料的日期（第10条）"),
    ("prereview_accepted", "前置评审受理", "市经信委受理项目的日期，20个工作日评审期自此起算（第11条）"),
    ("expert_committee", "市信息化专家委评审", "重大项目须通过市信息化专家委评审（第11条）"),
    ("prereview_opinion", "前置评审意见函", "意见函的日期、文号和结论（pass 通过 / fail 不通过）；有效期1年（第13条）"),
    ("extension", "项目延期", "意见函有效期满仍未立项时申请的延期：until 写延期至的日期（第13条）"),
    ("approved", "项目立项", "立项批复：日期、文号，by 写批复部门（发展改革或财政部门）（第14–15条）"),
    ("approval_reported", "立项结果填报", "立项结果填报到系统的日期（第16条）"),
    ("accepted", "竣工验收", "验收日期、结论；participants 写参加单位（第23–25条）"),
    ("acceptance_reported", "验收结果填报", "验收结果填报到系统的日期（第23条）"),
    ("operation_applied", "投入运行使用申请", "竣工验收后向市经信委提交投入运行使用申请的日期（第26条）"),
    ("evaluated", "绩效评估", "项目绩效评估的日期和结论（第27条）"),
    ("rectified", "整改完成", "评估未通过后整改完成的日期（第29条）"),
)

DOCUMENTS: tuple[tuple[str, str, str], ...] = (
    ("it_plan", "信息化规划和顶层设计方案", "本单位、本行业的信息化规划和顶层设计方案（第1条）"),
    ("annual_plan", "年度项目实施计划", "含实施目标、实施内容、实施步骤、实施绩效以及项目清单（第2条）"),
    ("declaration_letter", "申报函", "加盖局级单位公章的申报函（第10条）：sealed 写 true"),
    ("application", "项目申报书", "项目申报书（第10条）"),
    ("budget_detail", "项目预算明细表", "项目预算明细表（第10条）；明细写在 budget.yaml"),
    ("proofs", "相关证明材料", "相关证明材料（第10条）"),
    ("evaluation_report", "绩效评估报告", "使用情况、使用频度、使用范围、集约化建设、共享开放、国产化、网络安全（第27条）"),
)

# 附件2 市级共性平台列表: name, contact as printed (empty where the annex gives none)
PLATFORMS: tuple[tuple[str, str], ...] = (
    ("市电子政务内网", "市内网协调办 63089339"),
    ("市人口基础信息数据库", "市公安局情报信息中心 68311293"),
    ("市宏观经济与社会发展基础数据库", "市统计局数据管理中心 83547067"),
    ("首都之窗政务网站共性平台", "首都之窗运行管理中心 84371728"),
    ("市级公务员电子邮箱系统", ""),
    ("市法人网上统一认证平台", ""),
    ("市政务信息资源共享交换平台", "市信息资源管理中心 84371881"),
    ("市移动电子政务平台", ""),
    ("市物联网应用支撑平台", ""),
    ("市政务地理空间信息共享服务平台", ""),
    ("共性办公云组件", ""),
    ("市政务数据资源网", ""),
    ("市全球卫星定位综合服务系统（含北斗）", ""),
    ("市法人基础信息服务库", ""),
    ("市级政务云", "市公共信息服务中心 89158303"),
    ("首都城市综合信息服务平台（北京网）", ""),
    ("市移动公共服务平台（北京服务您）", ""),
    ("市电子政务外网（含市物联数据专网）", "市政务网络管理中心 83979999"),
    ("市800M无线政务网", ""),
    ("市应急卫星网", ""),
    ("市政务信息安全监控预警平台", "市政务信息安全应急处置中心 84371769、84371788"),
    ("市信息安全容灾备份基础平台", ""),
)

# budget.yaml sources[].type: the kinds of money the notice names. It governs 政府投资信息化项目 (title) and names two
# channels (第15条: 新建项目向发展改革部门、升级改造项目向财政部门申请立项); it does not split money further.
FUNDING_TYPES: tuple[tuple[str, str], ...] = (
    ("政府投资", "本通知所管的政府投资：发展改革部门安排的投资或财政资金（标题、第15条）"),
    ("其他", "不属于政府投资的资金（如单位自有资金），写明名称"),
)

# 第24条 “涉及全市共性平台、信息资源共享开放和公众利益的重大项目”: whether the project 涉及公众利益 is a judgment;
# its record lets BJ241 follow it.
from govproj.core.fields import M  # noqa: E402
from govproj.core.format import decision  # noqa: E402

EXTRA_FIELDS = {
    "project.yaml": (
        M("decisions", "评审意见中的认定",
          decision("public_interest", "涉及公众利益",
                   "第24条“涉及……公众利益的重大项目，我委参加竣工验收”：前置评审意见等认定本项目涉及公众利益时写 applies: true "
                   "和出具机关、文号"),
          help="评审、审查意见对本项目作出的、通知据以产生义务的认定"),
    ),
}
