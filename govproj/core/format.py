"""The project folder's files and keys, shared by all jurisdictions; a pack adds its own kinds, events and fields.

One file per record the regulations know. The declarations here feed validation, `govproj schema`, the scaffolds
written by `govproj new`, and docs/format.md.
"""
from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from typing import TYPE_CHECKING

from govproj.core.fields import F, L, M

if TYPE_CHECKING:
    from govproj.packs import Pack

FILES = ("project.yaml", "needs.yaml", "sharing.yaml", "construction.yaml", "budget.yaml", "contract.yaml",
         "security.yaml", "changes.yaml")

FILE_TITLES = {
    "project.yaml": "项目基本信息、阶段、事件与材料",
    "needs.yaml": "需求确认表",
    "sharing.yaml": "信息资源共享开放表",
    "construction.yaml": "建设内容确认表",
    "budget.yaml": "预算明细与资金来源",
    "contract.yaml": "承建、监理、测评单位与合同",
    "security.yaml": "网络安全：等级保护、网络安全方案、密码应用、测评",
    "changes.yaml": "变更记录（实施过程中内容、费用的变化）",
}

EVIDENCE = L("evidence", "证据文件", item="str",
             help="扫描件、签字盖章件等，写相对于项目文件夹的路径，放在 evidence/ 下，如 evidence/批复.pdf")

SERVICE_TARGETS = ("社会公众和企业", "政府单位", "机关工作人员", "事业单位", "其他")


def signoff(key: str, label: str) -> F:
    return M(key, label,
             F("name", "str", "签字人", "签字人姓名"),
             F("title", "str", "职务"),
             F("opinion", "text", "意见"),
             F("date", "date", "签字日期", "YYYY-MM-DD"),
             L("evidence", "证据文件", item="str", help="签字页的扫描件，如 evidence/" + label + ".pdf"),
             help="签字人、意见和签字日期；纸面签字后把扫描件放入 evidence/，写在 evidence 里")


def doc_no_example(pack: "Pack") -> str:
    """A document number in the pack's own style, for help texts and commented examples."""
    return pack.sample_doc_no or "〔2026〕12号"


def waiver_example(pack: "Pack") -> str:
    """A rule of the pack that a project may be exempted from (GP040 refuses the others), for the examples."""
    return next((r.code for r in pack.rules if r.waivable), pack.rules[0].code if pack.rules else "GP020")


def decision(key: str, label: str, help: str) -> F:
    """A reviewer's decision that the text lets trigger an obligation (西城第二十条“其他有必要进行软件测评的项目”):
    whether it applies, who decided it in which document, and the evidence. A rule follows `applies`."""
    return M(key, label,
             F("applies", "bool", "结论", "审查/评审意见是否认定本项目属于这种情形：true 属于（义务随之产生），false 不属于"),
             F("by", "str", "作出认定的机关", "如 审查意见函的出具机关"),
             F("doc_no", "str", "文号", "认定所在的文件（审查意见函、评审意见、批复）的文号"),
             F("date", "date", "日期"),
             F("note", "text", "说明", "意见原文或理由"),
             EVIDENCE, help=help)


def orders_field(label: str, help: str, kinds: tuple[str, ...] = ("整改", "暂停建设")) -> F:
    """Orders a supervising body may give the unit (要求整改 / 暂停建设 / 限期整改): what was ordered and what was done."""
    return L("orders", label,
             F("date", "date", "要求日期"),
             F("by", "str", "提出要求的机关"),
             F("doc_no", "str", "文号"),
             F("kind", "enum", "要求", "要求整改还是暂停建设", choices=kinds),
             F("deadline", "date", "整改期限", "限期整改的截止日期（要求里写了期限时）"),
             F("done_on", "date", "落实日期", "整改完成、或暂停后经同意恢复建设的日期"),
             F("note", "text", "说明"),
             EVIDENCE, help=help,
             example={"kind": kinds[0], "evidence": ["evidence/整改通知.pdf"]})


def event_fields(pack: "Pack") -> tuple[F, ...]:
    return (
        F("date", "date", "日期", "事件发生的日期 YYYY-MM-DD"),
        F("doc_no", "str", "文号", f"相关文件的文号，如 {doc_no_example(pack)}"),
        F("by", "str", "主体", "作出该事项的机关或单位"),
        F("result", "enum", "结果", "通过/不通过等结果", choices=("pass", "fail", "conditional")),
        F("until", "date", "有效期至/延期至", "延期或有效期的截止日期", planned=True),
        F("participants", "list", "参加单位", item="str"),
        F("note", "text", "说明"),
        EVIDENCE,
    )


def document_fields() -> tuple[F, ...]:
    return (
        F("title", "str", "名称"),
        F("doc_no", "str", "文号"),
        F("date", "date", "日期"),
        F("signed", "bool", "已签字"),
        F("sealed", "bool", "已盖章"),
        F("note", "text", "说明"),
        EVIDENCE,
    )


def project_spec(pack: "Pack") -> F:
    events = M("events", "已发生的事件",
               *(M(key, label, *event_fields(pack), help=help_) for key, label, help_ in pack.events),
               help="每个事件写日期、文号和证据；规则据此判断先后顺序和期限")
    documents = M("documents", "材料",
                  *(M(key, label, *document_fields(), help=help_) for key, label, help_ in pack.documents),
                  help="申报函、申报书等材料：名称、文号、是否签字盖章、证据文件")
    fields = [
        F("id", "str", "项目编号", "本仓库内唯一的项目标识，只用字母、数字和连字符，如 bj-2026-gis", required=True),
        F("name", "str", "项目名称", "与申报书一致的项目全称", required=True),
        F("unit", "str", "项目单位", "项目单位全称（局级单位）", required=True),
        F("jurisdiction", "enum", "辖区", "适用的管理办法：bj 北京市、xc 西城区、yb 渝北区、jl 吉林省、gs 拱墅区",
          choices=("bj", "xc", "yb", "jl", "gs"), required=True),
        F("kind", "enum", "项目类型", "、".join(f"{k} {v}" for k, v in pack.kinds), choices=tuple(k for k, _ in pack.kinds),
          required=True),
        F("stage", "enum", "当前阶段", "由 govproj advance 维护，不要手工修改；" + " → ".join(
            f"{s.id} {s.name}" for s in pack.stages), choices=tuple(s.id for s in pack.stages), required=True),
        F("budget_year", "int", "预算年度", "项目资金所属年度，如 2027"),
        F("major", "bool", "重大项目", "是否属于重大项目（影响专家委评审、验收参加单位等）"),
        F("summary", "text", "项目概述", "一两句话说明项目做什么"),
        L("contacts", "联系人",
          F("role", "str", "角色", "如 项目负责人、信息化主管部门联系人"),
          F("name", "str", "姓名"), F("phone", "str", "电话"), F("email", "str", "电子邮箱"),
          example={"role": "项目负责人"}),
        L("basis", "立项依据",
          F("type", "enum", "依据类型", choices=("规划", "顶层设计", "上级文件", "其他")),
          F("title", "str", "文件名称"), F("doc_no", "str", "文号"), EVIDENCE,
          help="新建项目的依据：规划、信息化顶层设计方案或上级单位文件要求",
          example={"type": "上级文件", "doc_no": doc_no_example(pack), "evidence": ["evidence/依据文件.pdf"]}),
        M("predecessor", "前期项目",
          F("name", "str", "前期项目名称"),
          F("accepted_on", "date", "前期项目验收日期"),
          F("acceptance_result", "text", "前期项目验收成果"),
          F("operation_since", "date", "正式运行起始日期", "前期项目投入正式运行的日期"),
          F("performance", "text", "前期项目绩效", "前期项目的使用情况和绩效评估结论"),
          M("evaluation", "前期项目绩效评估",
            F("result", "enum", "评估结果", choices=("pass", "fail")),
            F("date", "date", "评估日期"),
            F("rectified_on", "date", "整改完成日期", "未通过评估时，整改完成的日期")),
          F("boundary", "text", "业务边界", "本项目与前期项目的业务边界，如何利用已有建设成果"),
          EVIDENCE,
          help="升级改造项目填写：前期项目的验收成果、绩效和业务边界"),
        L("platforms", "使用的共性平台", item="str",
          help="从辖区的共性平台列表中选择（govproj explain 相关规则可见列表）"),
        L("internal_platforms", "使用的单位内部共性平台", item="str"),
        events,
        documents,
        L("waivers", "豁免",
          F("rule", "str", "规则编号", f"如 {waiver_example(pack)}"),
          F("reason", "text", "理由", "为什么本项目不适用该规则"),
          F("approved_by", "str", "批准人", "批准豁免的负责人"),
          F("expires", "date", "到期日", "豁免的截止日期，到期后规则恢复检查", planned=True),
          F("path", "str", "限定位置", "只豁免这个文件里的发现，如 sharing.yaml"),
          help="本项目经批准不适用的规则；每条都要写理由、批准人和到期日",
          example={"rule": waiver_example(pack), "expires": _dt.date(2027, 12, 31)}),
        M("settings", "规则设置", help=f"按规则编号调整级别或参数，如 {waiver_example(pack)}: {{severity: warning}}"),
    ]
    fields.extend(pack.extra_fields.get("project.yaml", ()))
    return M("project.yaml", "项目", *fields)


def needs_spec(pack: "Pack") -> F:
    return M("needs.yaml", "需求确认表",
             L("service_targets", "服务对象", item="enum", choices=SERVICE_TARGETS),
             F("service_targets_other", "str", "其他服务对象"),
             F("existing_system", "bool", "是否已有应用系统"),
             F("historical_data", "bool", "是否有历史数据"),
             F("current_state", "text", "应用现状", "已有系统概述、应用情况、数据资源情况等"),
             F("description", "text", "项目需求描述",
               "新建或改造的背景、依据、预期目标、业务需求、功能和网络安全需求、数据需求、与其他系统的关系、历史数据的处理方式"),
             M("signoffs", "签字",
               signoff("business_head", "业务部门负责人意见"),
               signoff("business_leader", "业务主管领导意见")),
             *pack.extra_fields.get("needs.yaml", ()))


def sharing_spec(pack: "Pack") -> F:
    item = (F("name", "str", "数据名称"), F("content", "text", "数据具体内容"), F("scope", "str", "共享/开放范围"),
            F("frequency", "str", "频率", "如 实时、每日、每月"), F("manner", "str", "方式", "如 接口、库表交换、文件下载"))
    duty = (F("provided", "bool", "是否提供"), L("items", "资源清单", *item, example={"frequency": "每日", "manner": "接口"}),
            F("basis", "text", "不提供的依据"), F("reason", "text", "不提供的理由"))
    return M("sharing.yaml", "信息资源共享开放表",
             F("resource_building", "bool", "是否涉及信息资源建设"),
             L("sources", "信息资源来源", item="enum", choices=("其他部门", "本部门", "全市共性平台及基础库", "其他")),
             F("description", "text", "具体说明", "信息资源（数据库）名称、数据内容、数据来源及方式、保障机制等"),
             L("resources", "信息资源",
               F("name", "str", "资源名称"),
               F("content", "text", "数据内容"),
               F("source", "enum", "来源", choices=("其他部门", "本部门", "全市共性平台及基础库", "其他")),
               F("provider", "str", "提供单位"),
               M("confirmation", "书面确认",
                 F("type", "enum", "确认方式", choices=("函件", "会议纪要", "其他书面文件")),
                 F("doc_no", "str", "文号"), F("date", "date", "日期"), EVIDENCE,
                 help="来自其他部门的资源：提供单位的函件或会议纪要"),
               help="项目使用或建设的每一项信息资源",
               example={"source": "其他部门", "confirmation": {"type": "函件", "doc_no": doc_no_example(pack)}}),
             M("sharing", "信息资源共享", *duty,
               help="共享为常态：提供时列出清单（数据名称、内容、范围、频率）；不提供时写明依据和理由"),
             M("opening", "信息资源开放", *duty,
               help="开放为常态：提供时列出清单（范围、频率、方式）；不提供时写明依据和理由"),
             *pack.extra_fields.get("sharing.yaml", ()))


def construction_spec(pack: "Pack") -> F:
    return M("construction.yaml", "建设内容确认表",
             F("business", "text", "涉及的主要业务"),
             L("service_targets", "服务对象", item="enum", choices=SERVICE_TARGETS),
             F("refined_needs", "text", "项目需求细化描述"),
             F("content", "text", "项目建设内容", "系统概述、应用情况、数据资源情况、网络安全防护等"),
             M("signoffs", "签字",
               signoff("business_dept", "业务主管部门意见"),
               signoff("it_dept", "信息化主管部门意见"),
               signoff("it_leader", "信息化工作主管领导意见")),
             *pack.extra_fields.get("construction.yaml", ()))


LINE_CATEGORIES = ("软件开发", "硬件购置", "系统集成", "数据工程", "安全", "测评", "监理", "运维", "服务", "工程", "咨询",
                   "其他")


def funding_type(pack: "Pack") -> F:
    """budget.yaml sources[].type: the kinds of money the pack's text names (Pack.funding_types)."""
    kinds = pack.funding_types
    return F("type", "enum", "资金类型", "本辖区办法所列的资金种类（规则据此判断）：" + "；".join(f"{t}——{why}" for t, why in kinds),
             choices=tuple(t for t, _ in kinds))


def budget_spec(pack: "Pack") -> F:
    return M("budget.yaml", "预算",
             F("unit", "enum", "金额单位", "本文件金额的单位，默认万元", choices=("万元", "元")),
             F("total", "money", "总投资", "项目总投资（预算），精确到分；单位见 unit（默认万元）"),
             L("lines", "预算明细",
               F("name", "str", "名称"),
               F("category", "enum", "类别", choices=LINE_CATEGORIES),
               F("amount", "money", "金额", "单位见 unit（默认万元）"),
               F("note", "text", "说明"),
               help="预算明细表：各项金额之和必须等于总投资",
               example={"name": "应用系统开发", "category": "软件开发", "amount": Decimal("120.00")}),
             L("sources", "资金来源",
               F("source", "str", "来源名称", "表格里印的名称，照文件写，如 2027年市级财政资金"),
               funding_type(pack),
               F("amount", "money", "金额", "单位见 unit（默认万元）"),
               help="各来源金额之和必须等于总投资；规则按类型（type）判断资金种类，不看名称",
               example={"type": pack.funding_types[0][0] if pack.funding_types else None, "amount": Decimal("120.00")}),
             *pack.extra_fields.get("budget.yaml", ()))


def contract_spec(pack: "Pack") -> F:
    return M("contract.yaml", "承建与合同",
             L("parties", "承建、监理、测评等单位",
               F("role", "enum", "角色", choices=("承建", "监理", "测评", "咨询", "运维", "其他")),
               F("name", "str", "单位名称"),
               F("selection", "str", "确定方式", "如 公开招标、竞争性磋商、单一来源"),
               F("contract_no", "str", "合同编号"),
               F("signed_on", "date", "签订日期"),
               F("amount", "money", "合同金额"),
               F("filed_on", "date", "合同备案日期"),
               L("clauses", "合同条款", item="str"),
               EVIDENCE,
               help="每个承建、监理、测评等单位一项：确定方式、合同编号、签订日期、金额和合同扫描件",
               example={"role": "承建", "selection": "公开招标", "evidence": ["evidence/合同.pdf"]}),
             *pack.extra_fields.get("contract.yaml", ()))


def security_spec(pack: "Pack") -> F:
    return M("security.yaml", "网络安全",
             F("level", "int", "等级保护级别", "网络安全等级保护定级：1 至 5"),
             M("filing", "等保备案", F("date", "date", "备案日期"), F("doc_no", "str", "备案编号"), EVIDENCE),
             M("plan", "网络安全方案", F("title", "str", "名称"), F("date", "date", "日期"), EVIDENCE,
               help="完整的网络安全方案"),
             M("crypto", "密码应用",
               M("plan", "密码应用方案", F("title", "str", "名称"), F("date", "date", "日期"), EVIDENCE),
               M("review", "专家评审", F("date", "date", "日期"), F("result", "enum", "结果", choices=("pass", "fail")),
                 EVIDENCE),
               M("approval", "密码应用审核", F("date", "date", "日期"), F("doc_no", "str", "文号"), F("by", "str", "审核机关"),
                 EVIDENCE)),
             L("assessments", "测评",
               F("type", "enum", "测评类型", choices=("安全测评", "等级测评", "密码应用安全性评估", "软件测评", "风险评估", "其他")),
               F("date", "date", "日期"),
               F("result", "enum", "结论", choices=("pass", "fail")),
               F("by", "str", "测评机构"),
               F("filed_on", "date", "报告备案日期"),
               EVIDENCE,
               example={"type": "等级测评", "result": "pass", "evidence": ["evidence/等级测评报告.pdf"]}),
             *pack.extra_fields.get("security.yaml", ()))


def changes_spec(pack: "Pack") -> F:
    return M("changes.yaml", "变更记录",
             L("changes", "变更",
               F("id", "str", "编号", "如 C1"),
               F("date", "date", "日期"),
               F("what", "text", "变更内容"),
               F("why", "text", "变更原因"),
               F("reason", "str", "原因类别", "辖区办法列举的原因之一（如有）"),
               F("amount", "money", "变更金额", "调整的金额（万元），增减均写绝对值"),
               F("clause", "str", "依据条款", "如 第二十二条"),
               F("goals_affected", "bool", "影响建设目标",
                 "变更是否影响项目的建设目标（总体目标）：西城第二十二条、吉林第二十一条据此决定程序；不影响的写 false"),
               M("approval", "审批/备案", F("date", "date", "日期"), F("doc_no", "str", "文号"), F("by", "str", "机关"),
                 F("procedure", "enum", "程序", "备案：报备后即可调整；审批：审查、审核、批准或审定通过",
                   choices=("备案", "审批")),
                 EVIDENCE),
               example={"id": "C1", "goals_affected": False,
                        "approval": {"doc_no": doc_no_example(pack), "evidence": ["evidence/变更批复.pdf"]}}),
             *pack.extra_fields.get("changes.yaml", ()))


SPECS = {
    "project.yaml": project_spec,
    "needs.yaml": needs_spec,
    "sharing.yaml": sharing_spec,
    "construction.yaml": construction_spec,
    "budget.yaml": budget_spec,
    "contract.yaml": contract_spec,
    "security.yaml": security_spec,
    "changes.yaml": changes_spec,
}


_BUILT: dict[int, tuple["Pack", dict[str, F]]] = {}


def file_specs(pack: "Pack") -> dict[str, F]:
    # Built once per pack (F is frozen): loading 1,000 projects builds the declarations once, not 1,000 times.
    known = _BUILT.get(id(pack))
    if known is None or known[0] is not pack:
        known = _BUILT[id(pack)] = (pack, {name: build(pack) for name, build in SPECS.items()})
    return dict(known[1])
