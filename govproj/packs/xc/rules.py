"""Xicheng's rules, one per obligation of 西政发〔2022〕7号. Codes XC + article (2 digits) + variant."""
from __future__ import annotations

import datetime as _dt
from decimal import ROUND_FLOOR, Decimal
from typing import TYPE_CHECKING, Any, Iterator

from govproj.core.money import Money
from govproj.core.deadlines import BY, DONE, FROM, OVERDUE, DeadlineSet, EventDate, FieldValue, Period, Workdays, \
    estimate_note
from govproj.packs.model import ArchiveItem, Stage
from govproj.packs import bodies
from govproj.packs.helpers import (decided, decision_words, order_findings, archive_findings, blank, events_in_order, fmt_date, require, require_document,
                                  require_event)
from govproj.packs.xc.data import FISCAL, PPP, SOCIAL
from govproj.core.rules import period, threshold  # noqa: F401
from govproj.core.rules import Citation, Context, Finding, RuleSet, Setting

if TYPE_CHECKING:
    from govproj.core.project import Project

DOC = "西政发〔2022〕7号"
RULES = RuleSet("XC")
DEADLINES = DeadlineSet("XC")  # the dates XC232, XC251 and XC321 derive; `govproj deadlines` lists them

# 申报 → 初审 → 统筹会商 → 区政府批复 → 审查意见函 → 建设（中期报告） → 验收申请 → 竣工验收 → 运维方案备案 → 运行 → 绩效自评.
# A stage is the step being worked on: entering it needs what the steps before it produce.
STAGES: tuple[Stage, ...] = (
    Stage("declare", "申报", "第八条"),
    Stage("prereview", "初审", "第十五条"),
    Stage("consult", "统筹会商", "第十五条"),
    Stage("decision", "区政府批复", "第十五条"),
    Stage("opinion", "审查意见函", "第十六条"),
    Stage("build", "建设", "第十六条、第二十三条", baseline=True),
    Stage("apply", "验收申请", "第二十五条"),
    Stage("acceptance", "竣工验收", "第二十五条"),
    Stage("om_filing", "运维方案备案", "第二十七条"),
    Stage("operation", "运行", "第二十七条"),
    Stage("evaluation", "绩效自评", "第三十二条"),
)
_IDS = [s.id for s in STAGES]

GRADING = "等级测评"
CRYPTO_TEST = "密码应用安全性评估"
SOFTWARE_TEST = "软件测评"
HUNDRED = Money.wan(100)  # 第二十条：100 万元（含 100 万元）以上
LEVEL_ZH = {1: "一", 2: "二", 3: "三", 4: "四", 5: "五"}


def since(stage: str) -> tuple[str, ...]:
    return tuple(_IDS[_IDS.index(stage):])


def cite(article: str, quote: str) -> Citation:
    return Citation(DOC, article, quote)


# ---- helpers ----------------------------------------------------------------------------------------------------

def _date(value: Any) -> _dt.date | None:
    return value if isinstance(value, _dt.date) else None


def _level(project: "Project") -> int | None:
    value = project.get("security.yaml", "level")
    return value if isinstance(value, int) else None


def _important(project: "Project") -> bool:
    """第十条: 关键信息基础设施, or 重要 = 网络安全等级保护三级及以上."""
    level = _level(project)
    return project.get("security.yaml", "cii") is True or (level is not None and level >= 3)


def _funding(project: "Project") -> list[str]:
    return [f for f in project.get("project.yaml", "funding", default=[]) or [] if isinstance(f, str)]


def _categories(text: Any) -> tuple[str, ...]:
    """Budget line categories named in a setting's text, e.g. "软件开发、硬件购置"."""
    from govproj.core.format import LINE_CATEGORIES

    return tuple(c for c in LINE_CATEGORIES if c in str(text or ""))


def _category_sum(project: "Project", categories: tuple[str, ...]) -> Money:
    total = Money.zero()
    for _, line in project.items("budget.yaml", "lines"):
        if line.get("category") in categories and isinstance(line.get("amount"), Money):
            total += line["amount"]
    return total


def _money(value: "Money | Decimal") -> str:
    """An amount in 万元 (or a percentage) with no trailing zeros."""
    number = value.in_wan if isinstance(value, Money) else value
    return f"{number.normalize():f}"


def _assessments(project: "Project", kind: str) -> list[tuple[int, dict[str, Any]]]:
    return [(i, a) for i, a in project.items("security.yaml", "assessments") if a.get("type") == kind]


def _done_before(project: "Project", kind: str) -> bool:
    """An assessment of `kind` was carried out, on or before the acceptance day once that is recorded."""
    accepted = project.event_date("accepted")
    for _, item in _assessments(project, kind):
        when = _date(item.get("date"))
        if accepted is None or (when is not None and when <= accepted):
            return True
    return False


def _missing_tests(project: "Project", kinds: tuple[str, ...]) -> Iterator[Finding]:
    accepted = project.event_date("accepted")
    missing = [k for k in kinds if not _done_before(project, k)]
    if missing:
        when = f"竣工验收（{fmt_date(accepted)}）前" if accepted else "验收前"
        yield Finding("security.yaml", ("assessments",), f"{when}没有记录{'和'.join(missing)}",
                      at_key=project.has("security.yaml") and project.get("security.yaml", "assessments") is not None)


def _parties(project: "Project", *roles: str) -> list[tuple[int, dict[str, Any]]]:
    return [(i, p) for i, p in project.items("contract.yaml", "parties") if p.get("role") in roles]


def _clauses(party: dict[str, Any]) -> list[str]:
    return [c for c in party.get("clauses") or [] if isinstance(c, str)]


def _before(project: "Project", later: str, later_label: str, earlier: str, earlier_label: str) -> Iterator[Finding]:
    """Order of two recorded events: `later` must not be dated before `earlier` (the same day is allowed)."""
    yield from events_in_order(project, earlier, earlier_label, later, later_label)


# ---- 第二章 项目需求申报管理 ----------------------------------------------------------------------------------------

@RULES.rule("XC021", "未写明适用情形（资金方式）", severity="error", stages=(),
            citation=cite("第二条", "以下项目适用本办法：\n- （一）使用财政性资金建设实施的项目；\n"
                                 "- （二）使用财政性资金通过购买服务方式采购的项目；\n"
                                 "- （三）通过政府与社会资本合作模式建设实施的项目；\n"
                                 "- （四）本区各级党政机关申请国家、市补助投资以及其他专项资金建设实施的项目。"),
            message="project.yaml 没有写明项目属于第二条的哪种适用情形（funding）",
            hint="在 funding 选择：财政性资金、政府与社会资本合作、国家、市补助投资及其他专项资金（可多选）")
def funding_declared(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    project.yaml 的 `funding`（资金方式）是否至少选了一项第二条的适用情形：
    `财政性资金`（第二条（一）；项目类型为“购买服务和资源”时即第二条（二））、`政府与社会资本合作`（（三））、
    `国家、市补助投资及其他专项资金`（（四））。

    ## 为什么
    第二条列出了适用本办法的四种项目；后面的规则据此判断：政府与社会资本合作须编制可行性研究报告（第十一条），
    使用财政性资金建设实施的项目成果归区政府所有（第二十八条）。不属于任何一种的项目不适用本办法。

    ## 通过示例
    ```yaml
    kind: new
    funding: [财政性资金]
    ```
    ## 不通过示例
    ```yaml
    funding: []
    ```
    """
    if not _funding(project):
        yield Finding("project.yaml", ("funding",))


@RULES.rule("XC071", "申报没有依据本区、本领域信息化顶层设计", severity="error", stages=since("prereview"),
            citation=cite("第八条", "项目单位应当依据本区、本领域信息化顶层设计，结合本单位的业务发展特点，"
                                 "在充分论证的基础上提出明确的业务目标和信息化建设需求"),
            message="申报依据（basis）中没有本区或本领域的信息化顶层设计",
            hint="在 project.yaml 的 basis 加一项 type: 顶层设计，写明西城区信息化（大数据）顶层设计方案或本领域顶层设计的名称")
def top_level_design(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    进入初审前，`basis` 是否至少有一项类型为“顶层设计”、写了名称的依据（西城区信息化（大数据）顶层设计方案，
    或本领域信息化顶层设计）。

    ## 为什么
    第七条：全区顶层设计方案报区政府批准后实施，各领域牵头制定本领域顶层设计并报区科技和信息化局备案，
    “作为项目申报、评审的依据”；第八条：项目单位应当依据本区、本领域信息化顶层设计提出需求。

    ## 通过示例
    ```yaml
    basis: [{type: 顶层设计, title: 西城区信息化（大数据）顶层设计方案}]
    ```
    ## 不通过示例
    ```yaml
    basis: [{type: 上级文件, title: 关于……的通知}]
    ```
    """
    designs = [item for _, item in project.items("project.yaml", "basis")
               if item.get("type") == "顶层设计" and not blank(item.get("title"))]
    if not designs:
        yield Finding("project.yaml", ("basis",))


@RULES.rule("XC081", "申报意见未经专业领域牵头部门统筹", severity="error", stages=since("prereview"),
            citation=cite("第八条", "经信息化各专业领域牵头部门统筹后形成项目的申报意见"),
            message="没有记录信息化专业领域牵头部门统筹后形成的项目申报意见",
            hint="在 documents.field_opinion 写申报意见的名称（或文号）并附扫描件")
def field_opinion(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    进入初审前，`documents.field_opinion`（专业领域牵头部门申报意见）是否写了名称并附证据文件。

    ## 为什么
    第八条：需求“经信息化各专业领域牵头部门统筹后形成项目的申报意见”，再向区科技和信息化局申报。

    ## 通过示例
    ```yaml
    documents: {field_opinion: {title: 区民政局关于养老服务领域信息化项目的统筹意见, evidence: [evidence/领域统筹意见.pdf]}}
    ```
    ## 不通过示例
    ```yaml
    documents: {}
    ```
    """
    yield from require_document(project, "field_opinion", "专业领域牵头部门申报意见", need=("title", "evidence"))


@RULES.rule("XC082", "未向区科技和信息化局申报", severity="error", stages=since("prereview"),
            citation=cite("第八条", "按照《北京市西城区人民政府办公室关于印发〈西城区加强信息化项目统筹建设实施意见(试行)〉的通知》"
                                 "（西政办字〔2020〕3号）的相关要求，向区科技和信息化局申报。"),
            message="没有记录向区科技和信息化局申报的日期和申报材料",
            hint="在 events.declared 写申报日期，evidence 附申报材料")
def declared(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    进入初审前，`events.declared` 是否写了申报日期并附申报材料（证据文件）。申报材料的具体要求见西政办字〔2020〕3号，
    不在本办法文本中，不逐项检查。

    ## 为什么
    第八条：项目单位按西政办字〔2020〕3号的要求“向区科技和信息化局申报”；第十五条的初审从申报开始。

    ## 通过示例
    ```yaml
    events: {declared: {date: 2026-01-12, evidence: [evidence/申报材料.pdf]}}
    ```
    ## 不通过示例
    ```yaml
    events: {declared: {date: 2026-01-12}}
    ```
    """
    yield from require_event(project, "declared", "向区科技和信息化局申报", need=("date", "evidence"))


@RULES.rule("XC091", "购买服务未依据本单位购买服务指导性目录", severity="error", stages=since("prereview"),
            citation=cite("第九条", "涉及购买服务的信息化项目，项目单位应严格按照本单位购买服务指导性目录，编制购买服务预算和项目申报材料。"),
            message="涉及购买服务，但没有记录编制预算和申报材料所依据的本单位购买服务指导性目录",
            hint="在 documents.service_catalogue 写目录名称（文号）并附目录文件")
def service_catalogue(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    涉及购买服务的项目——项目类型为“购买服务和资源”（`kind: service`），或 budget.yaml 有类别为“服务”的预算明细——
    进入初审前，`documents.service_catalogue`（本单位购买服务指导性目录）是否写了名称并附文件。
    所购服务是否确在目录之内，需要对照目录人工判断。

    ## 为什么
    第九条：“涉及购买服务的信息化项目，项目单位应严格按照本单位购买服务指导性目录，编制购买服务预算和项目申报材料。”
    “应”是强制要求，所以是错误（obligations.md 标为 warning，以条文为准）。

    ## 通过示例
    ```yaml
    kind: service
    documents: {service_catalogue: {title: 区金融办2027年度政府购买服务指导性目录, evidence: [evidence/购买服务目录.pdf]}}
    ```
    ## 不通过示例
    ```yaml
    kind: service
    documents: {}
    ```
    """
    involved = project.kind == "service" or any(
        line.get("category") == "服务" for _, line in project.items("budget.yaml", "lines"))
    if involved:
        yield from require_document(project, "service_catalogue", "本单位购买服务指导性目录", need=("title", "evidence"))


@RULES.rule("XC101", "缺少密码应用方案或其专家评审、审核表", severity="error", stages=since("prereview"),
            citation=cite("第十条", "项目单位申报政府投资的关键信息基础设施和重要（网络安全等级保护三级及以上）信息化项目，"
                                 "应当落实国家密码管理有关法律法规和标准规范的要求，编制《信息系统密码应用方案》，"
                                 "经密码领域专家评审通过后，将过审方案、专家评审意见和《政府投资信息化项目密码应用审核表》"
                                 "报区委机要局（区密码管理局）审核"),
            message="关键信息基础设施或等保三级及以上项目，缺少密码应用方案、专家评审（通过）或密码应用审核表",
            hint="在 security.yaml 的 crypto.plan、crypto.review 记录方案和专家评审，在 documents.crypto_form 附审核表")
def crypto_plan(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    关键信息基础设施（security.yaml `cii: true`）或等保三级及以上（`level` ≥ 3）的项目，进入初审前：
    - `crypto.plan`：《信息系统密码应用方案》的名称和文件；
    - `crypto.review`：密码领域专家评审的日期和结论，结论须为通过（pass），附专家评审意见；评审不得早于方案日期；
    - `documents.crypto_form`：《政府投资信息化项目密码应用审核表》，附文件。
    区委机要局（区密码管理局）的审核意见由 XC102 检查。

    ## 为什么
    第十条：这类项目申报时“应当……编制《信息系统密码应用方案》，经密码领域专家评审通过后，将过审方案、专家评审意见和
    《政府投资信息化项目密码应用审核表》报区委机要局（区密码管理局）审核”。“三级及以上”含三级。

    ## 通过示例
    ```yaml
    level: 3
    crypto:
      plan: {title: 养老服务综合监管平台密码应用方案, date: 2025-12-10, evidence: [evidence/密码应用方案.pdf]}
      review: {date: 2025-12-22, result: pass, evidence: [evidence/密码专家评审意见.pdf]}
    ```
    ## 不通过示例
    ```yaml
    level: 3
    crypto:
      plan: {title: 密码应用方案}
      review: {date: 2025-12-22, result: fail}
    ```
    """
    if not _important(project):
        return
    yield from require(project, "security.yaml", ("crypto", "plan", "title"), "《信息系统密码应用方案》名称")
    if project.get("security.yaml", "crypto", "plan", "title"):
        yield from require(project, "security.yaml", ("crypto", "plan", "evidence"), "密码应用方案文件",
                           "把方案文件放入 evidence/ 并在 crypto.plan.evidence 引用")
    review = project.get("security.yaml", "crypto", "review") or {}
    if project.has("security.yaml"):
        if not _date(review.get("date")):
            yield Finding("security.yaml", ("crypto", "review", "date"), "没有记录密码领域专家评审的日期",
                          "在 crypto.review 写评审日期、结论和专家评审意见")
        if review.get("result") != "pass":
            yield Finding("security.yaml", ("crypto", "review", "result"),
                          "密码应用方案未经密码领域专家评审通过" + ("（结论为不通过）" if review.get("result") == "fail" else ""),
                          "按专家意见修改方案后重新评审，通过后在 crypto.review.result 写 pass")
        elif blank(review.get("evidence")):
            yield Finding("security.yaml", ("crypto", "review", "evidence"), "缺少专家评审意见文件",
                          "把专家评审意见放入 evidence/ 并在 crypto.review.evidence 引用")
    planned, reviewed = _date(project.get("security.yaml", "crypto", "plan", "date")), _date(review.get("date"))
    if planned and reviewed and reviewed < planned:
        yield Finding("security.yaml", ("crypto", "review", "date"),
                      f"专家评审（{fmt_date(reviewed)}）早于密码应用方案（{fmt_date(planned)}）", "核对两个日期")
    yield from require_document(project, "crypto_form", "《政府投资信息化项目密码应用审核表》", need=("evidence",))


CRYPTO_BODIES = bodies.Bodies("XC102", "密码应用审核", "第十条", "报区委机要局（区密码管理局）审核",
                              (bodies.Body("区委机要局", ("区密码管理局",)),), "security.yaml 的 crypto.approval.by",
                              ("北京市西城", "西城", "中共北京市西城", "中共西城"))


@RULES.rule("XC102", "立项审批前没有区密码管理局的审核意见", severity="error", stages=since("decision"),
            citation=cite("第十条", "区委机要局（区密码管理局）审核意见作为开展信息化项目立项审批、安排资金的重要依据。"),
            message="关键信息基础设施或等保三级及以上项目，区政府决策前没有区委机要局（区密码管理局）的密码应用审核意见",
            hint="在 security.yaml 的 crypto.approval 记录审核意见的日期、文号、审核机关和文件",
            settings=(bodies.setting("密码应用审核机关"),))
def crypto_approval(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    关键信息基础设施或等保三级及以上的项目，进入“区政府批复”阶段前：
    - `crypto.approval` 有日期、审核机关（`by`，须为区委机要局或区密码管理局：名称须正是其中之一，可带“中共北京市西城”
      “西城”等地名，或在 settings.XC102.bodies 写本单位的叫法）和审核意见文件；
    - 审核意见不早于专家评审（`crypto.review.date`）；
    - 审核意见不晚于区政府决策及批复（`events.approved.date`）和预算安排（`events.budget_arranged.date`），同一天可以。

    ## 为什么
    第十条：审核意见“作为开展信息化项目立项审批、安排资金的重要依据”。西城区的立项审批即第十五条的区政府决策及批复，
    所以审核意见须在区政府决策之前取得，更须在安排资金之前。

    ## 通过示例
    ```yaml
    crypto: {approval: {date: 2026-03-05, doc_no: 西密审〔2026〕7号, by: 中共北京市西城区委机要局（区密码管理局）,
                        evidence: [evidence/密码应用审核意见.pdf]}}
    # events.approved.date: 2026-04-15
    ```
    ## 不通过示例
    ```yaml
    crypto: {approval: {date: 2026-04-16, by: 区密码管理局}}
    # events.approved.date: 2026-04-15
    ```
    """
    if not _important(project) or not project.has("security.yaml"):
        return
    approval = project.get("security.yaml", "crypto", "approval") or {}
    when = _date(approval.get("date"))
    if when is None:
        yield Finding("security.yaml", ("crypto", "approval", "date") if approval else ("crypto",))
        return
    if blank(approval.get("by")):
        yield Finding("security.yaml", ("crypto", "approval", "by"), "没有写审核机关",
                      "在 crypto.approval.by 写 中共北京市西城区委机要局（区密码管理局）")
    yield from bodies.check_by(project, ctx, CRYPTO_BODIES, "security.yaml", ("crypto", "approval", "by"), "审核机关")
    if blank(approval.get("evidence")):
        yield Finding("security.yaml", ("crypto", "approval", "evidence"), "缺少审核意见文件",
                      "把审核意见放入 evidence/ 并在 crypto.approval.evidence 引用")
    reviewed = _date(project.get("security.yaml", "crypto", "review", "date"))
    if reviewed and when < reviewed:
        yield Finding("security.yaml", ("crypto", "approval", "date"),
                      f"审核意见（{fmt_date(when)}）早于专家评审（{fmt_date(reviewed)}）：应在专家评审通过后报审", "核对日期")
    for key, label in (("approved", "区政府决策及批复"), ("budget_arranged", "预算安排")):
        other = project.event_date(key)
        if other and when > other:
            yield Finding("security.yaml", ("crypto", "approval", "date"),
                          f"密码应用审核意见 {fmt_date(when)} 才取得，晚于{label}（{fmt_date(other)}）")


@RULES.rule("XC103", "网络安全预算比例低于规定", severity="error", stages=since("prereview"),
            citation=cite("第十条", "在信息化项目建设投入中，网络安全预算资金投入比例不得低于国家及北京市有关规定。"),
            message="网络安全预算占总投资的比例低于设定的下限",
            hint="增加网络安全预算，或核对预算明细的类别；下限按国家和北京市现行规定在 settings 设置",
            settings=(Setting("min_share", "percent", "网络安全预算资金占总投资的最低比例（%），按国家及北京市现行规定填写；"
                                                     "第十条没有给出数字，所以没有默认值"),
                      Setting("categories", "str", "计入网络安全预算的预算明细类别，用顿号分隔", "安全")),
            boundaries=(threshold("网络安全预算比例（settings.XC103.min_share，办法未给数字）", "不低于", True, "min_share: 10、总投资 386 万元：安全类 38.60 万元（10%）合格，38.59 万元不合格", why="原文“不得低于”：等于下限即合格（“低于”不包括本数，民法典 第一千二百五十九条）"),))
def security_share(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    进入初审起，budget.yaml 中计入网络安全的预算明细（默认类别“安全”，可用参数 `categories` 调整，如“安全、测评”）
    之和占总投资的百分比，是否不低于参数 `min_share`。“不得低于”：等于下限即合格。

    第十条没有给出比例，只说“不得低于国家及北京市有关规定”。govproj 不替用户假定数字：`min_share` 没有默认值，
    未设置时本规则报告“未设置”（警告），设置后才判断。

    例：总投资 386 万元，“安全”类明细 38.60 万元，占 10%；`min_share: 10` 合格，明细为 38.59 万元（9.997%）则不合格。

    ## 为什么
    第十条：“网络安全预算资金投入比例不得低于国家及北京市有关规定。”第四条：安全技术措施同步规划、同步建设、同步使用。

    ## 通过示例
    ```yaml
    settings: {XC103: {min_share: 10}}
    # budget.yaml: total 386.00，安全类 38.60
    ```
    ## 不通过示例
    ```yaml
    settings: {XC103: {min_share: 10}}
    # budget.yaml: total 386.00，安全类 38.59
    ```
    """
    total = project.total
    if total is None or not total:
        return
    minimum = ctx.settings.get("min_share")
    categories = _categories(ctx.settings.get("categories")) or ("安全",)
    if minimum is None:
        yield Finding("budget.yaml", ("total",),
                      "网络安全预算比例下限未设置：第十条只要求“不得低于国家及北京市有关规定”，没有给出数字，无法判断",
                      "在 project.yaml 的 settings 写 XC103: {min_share: 比例}（按现行国家和北京市规定），或在 .govproj/config.yaml 统一设置",
                      severity="warning")
        return
    amount = _category_sum(project, categories)
    share = amount / total * 100
    if share < minimum:
        yield Finding("budget.yaml", ("lines",),
                      f"网络安全预算（{'、'.join(categories)}类）{_money(amount)} 万元，占总投资 {_money(total)} 万元的 "
                      f"{share.quantize(Decimal('0.01'), rounding=ROUND_FLOOR)}%，低于 {_money(minimum)}%", at_key=True)


@RULES.rule("XC111", "政府和社会共同投资项目缺少可行性研究报告", severity="error", stages=since("prereview"),
            citation=cite("第十一条", "对于政府和社会共同投资的信息化项目，项目单位应当编制可行性研究报告，从政府投资必要性、"
                                   "政府投资方式比选、项目全生命周期成本、运营效率、风险管理、是否适宜采用社会资本等方面进行可行性分析论证。"),
            message="政府与社会资本合作项目没有可行性研究报告",
            hint="在 documents.feasibility_study 写报告名称并附报告文件")
def ppp_feasibility(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    政府和社会共同投资的项目——`funding` 含“政府与社会资本合作”，或 budget.yaml 有资金类型为社会资本
    （`sources[].type: 社会资本`）的来源——进入初审前 `documents.feasibility_study`（可行性研究报告）是否写了名称并附文件。
    报告是否从第十一条列出的六个方面论证，由评审判断。

    ## 为什么
    第十一条：政府和社会共同投资的信息化项目，“项目单位应当编制可行性研究报告”。

    ## 通过示例
    ```yaml
    funding: [财政性资金, 政府与社会资本合作]
    documents: {feasibility_study: {title: 可行性研究报告, evidence: [evidence/可研报告.pdf]}}
    ```
    ## 不通过示例
    ```yaml
    funding: [政府与社会资本合作]
    documents: {}
    ```
    """
    social = any(item.get("type") == SOCIAL for _, item in project.items("budget.yaml", "sources"))
    if PPP in _funding(project) or social:
        yield from require_document(project, "feasibility_study", "可行性研究报告", need=("title", "evidence"))


AUTHORIZATION_TERMS = (
    ("subject", "授权主体"), ("conditions", "授权条件"), ("procedure", "授权程序"), ("data_scope", "数据范围"),
    ("platform", "运营平台的服务和使用机制"), ("norms", "运营行为、安全保密规范"), ("evaluation_exit", "运营评价和退出情形"),
)


@RULES.rule("XC121", "公共数据授权运营内容不全或缺少开放风险评估报告", severity="error", stages=since("prereview"),
            citation=cite("第十二条", "涉及公共数据授权运营的信息化项目，项目单位应明确授权主体，授权条件、程序、数据范围，"
                                   "运营平台的服务和使用机制，运营行为、安全保密规范，以及运营评价和退出情形等内容。"
                                   "项目单位应提交公共数据资源开放风险评估报告。"),
            message="涉及公共数据授权运营，但授权内容没有写全，或没有公共数据资源开放风险评估报告",
            hint="在 sharing.yaml 的 authorized_operation 逐项写明，并在 risk_report 附风险评估报告")
def authorized_operation(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    sharing.yaml `authorized_operation.involved: true` 的项目，进入初审前是否写明：授权主体、授权条件、授权程序、
    数据范围、运营平台的服务和使用机制、运营行为和安全保密规范、运营评价和退出情形，
    并提交公共数据资源开放风险评估报告（`risk_report` 的名称和文件）。
    内容是否符合《北京市公共数据管理办法》和西大数据办发〔2020〕1号（第二十四条），需要人工审查。

    ## 为什么
    第十二条逐项列出了授权运营须明确的内容，并要求“提交公共数据资源开放风险评估报告”。

    ## 通过示例
    ```yaml
    authorized_operation:
      involved: true
      subject: 北京市西城区金融服务办公室
      conditions: …
      procedure: …
      data_scope: …
      platform: …
      norms: …
      evaluation_exit: …
      risk_report: {title: 公共数据资源开放风险评估报告, evidence: [evidence/开放风险评估报告.pdf]}
    ```
    ## 不通过示例
    ```yaml
    authorized_operation: {involved: true, subject: 北京市西城区金融服务办公室}
    ```
    """
    if project.get("sharing.yaml", "authorized_operation", "involved") is not True:
        return
    for key, label in AUTHORIZATION_TERMS:
        yield from require(project, "sharing.yaml", ("authorized_operation", key), label,
                           f"在 authorized_operation.{key} 写明{label}（第十二条）")
    yield from require(project, "sharing.yaml", ("authorized_operation", "risk_report", "title"),
                       "公共数据资源开放风险评估报告", "在 authorized_operation.risk_report 写报告名称并附报告文件")
    if project.get("sharing.yaml", "authorized_operation", "risk_report", "title"):
        yield from require(project, "sharing.yaml", ("authorized_operation", "risk_report", "evidence"),
                           "公共数据资源开放风险评估报告文件", "把报告放入 evidence/ 并在 risk_report.evidence 引用")


# Contracts of these roles are part of building the project; a 咨询 contract (e.g. for writing the declaration) is not.
BUILD_ROLES = ("承建", "监理", "测评", "运维")


@RULES.rule("XC131", "先建后报、边建边报", severity="error", stages=(),
            citation=cite("第十三条", "对申报材料的真实性和完整性负责，坚决杜绝虚假申报、重复申报、先建后报、边建边报等。"),
            message="在取得审查意见函之前就签订了建设合同或开始实施",
            hint="合同签订和开始实施应在区科技和信息化局出具审查意见函（events.review_letter）之后；日期填错的，改正")
def built_before_approval(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    比较已发生的建设行为和申报、审批的日期：
    - 建设行为：contract.yaml 中承建、监理、测评、运维单位的合同签订日期（`signed_on`），和 `events.work_started.date`；
      晚于今天的日期（尚未发生）不比较；咨询合同（如编制申报材料）不算建设行为；
    - 早于申报日（`events.declared.date`），或尚未申报：先建后报；
    - 申报之后、审查意见函（`events.review_letter.date`）之前，或尚未取得审查意见函：边建边报。
    与审查意见函同一天签订合同不算在其之前。

    ## 为什么
    第十三条：“坚决杜绝……先建后报、边建边报”；第十六条：审查意见函是“预算安排、立项采购的前置条件”。

    ## 通过示例
    ```yaml
    events: {declared: {date: 2026-01-12}, review_letter: {date: 2026-04-28}}
    # contract.yaml: 承建 signed_on: 2026-04-28
    ```
    ## 不通过示例
    ```yaml
    events: {declared: {date: 2026-01-12}, review_letter: {date: 2026-04-28}}
    # contract.yaml: 承建 signed_on: 2026-04-27
    ```
    """
    declared_on, letter = project.event_date("declared"), project.event_date("review_letter")
    acts: list[tuple[str, tuple, _dt.date, str]] = []
    for index, party in _parties(project, *BUILD_ROLES):
        signed = _date(party.get("signed_on"))
        if signed:
            acts.append(("contract.yaml", ("parties", index, "signed_on"), signed,
                         f"与{party.get('role')}单位“{party.get('name') or index + 1}”签订合同"))
    started = project.event_date("work_started")
    if started:
        acts.append(("project.yaml", ("events", "work_started", "date"), started, "开始实施"))
    for file, path, when, what in acts:
        if when > ctx.today:
            continue
        if declared_on is None or when < declared_on:
            after = "项目尚未申报" if declared_on is None else f"申报日为 {fmt_date(declared_on)}"
            yield Finding(file, path, f"{fmt_date(when)} {what}，{after}：属于先建后报")
        elif letter is None or when < letter:
            after = "尚未取得审查意见函" if letter is None else f"审查意见函 {fmt_date(letter)} 才出具"
            yield Finding(file, path, f"{fmt_date(when)} {what}，{after}：属于边建边报")


# ---- 第三章 项目评审管理 ------------------------------------------------------------------------------------------

# event, label, the stage whose entry needs it, what it must record, the event before it
REVIEW_CHAIN = (
    ("prereview", "区科技和信息化局初审", "consult", ("date", "result"), "declared", "申报"),
    ("consult", "统筹会商审查", "decision", ("date", "result"), "prereview", "初审"),
    ("approved", "区政府决策及批复", "opinion", ("date", "doc_no"), "consult", "统筹会商审查"),
)


@RULES.rule("XC151", "评审程序（初审、统筹会商、区政府批复）不完整", severity="error", stages=since("consult"),
            citation=cite("第十五条", "区信息化项目评审按照区科技和信息化局初审、统筹会商审查、区政府决策及批复的统筹工作机制实施"),
            message="评审程序缺少一步、未通过或先后顺序不对",
            hint="在 events.prereview、events.consult、events.approved 依次记录日期、结论（或文号）")
def review_chain(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    评审按第十五条的顺序进行，每进入下一阶段，前一步必须已经完成：
    - 进入“统筹会商”：`events.prereview`（初审）有日期且结论为通过；
    - 进入“区政府批复”：`events.consult`（统筹会商审查）有日期且结论为通过；
    - 进入“审查意见函”：`events.approved`（区政府决策及批复）有日期和文号，结论不是 fail；
    - 每一步的日期不早于前一步（初审不早于申报），同一天可以。

    ## 为什么
    第十五条：评审“按照区科技和信息化局初审、统筹会商审查、区政府决策及批复的统筹工作机制实施”；
    第三十三条（二）：未按本规定履行项目申报审批程序的，暂停项目资金拨付。

    ## 通过示例
    ```yaml
    events:
      declared: {date: 2026-01-12}
      prereview: {date: 2026-02-06, result: pass}
      consult: {date: 2026-03-18, result: pass}
    ```
    ## 不通过示例
    ```yaml
    events:
      prereview: {date: 2026-02-06, result: fail}
    ```
    """
    for key, label, gate, need, previous, previous_label in REVIEW_CHAIN:
        if not project.reached(gate):
            continue
        yield from require_event(project, key, label, need=need)
        event = project.event(key) or {}
        if event.get("result") == "fail":
            yield Finding("project.yaml", ("events", key, "result"), f"{label}未通过，不能进入下一步",
                          "按意见修改后重新申报")
        yield from _before(project, key, label, previous, previous_label)


@RULES.rule("XC161", "没有审查意见函即安排预算、立项采购", severity="error", stages=since("build"),
            citation=cite("第十六条", "审核通过后，区科技和信息化局出具信息化项目审查意见函，该审查意见函将作为预算安排、立项采购的前置条件。"),
            message="没有记录区科技和信息化局的信息化项目审查意见函，或预算安排早于审查意见函",
            hint="在 events.review_letter 写审查意见函的日期和文号并附扫描件")
def review_letter(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    进入“建设”阶段前：
    - `events.review_letter`（信息化项目审查意见函）有日期和文号；
    - 审查意见函不早于区政府决策及批复（`events.approved.date`）；
    - 预算安排（`events.budget_arranged.date`，如已记录）不早于审查意见函，同一天可以。
    合同签订、开始实施是否早于审查意见函，由 XC131 检查。

    ## 为什么
    第十六条：审核通过后出具审查意见函，“该审查意见函将作为预算安排、立项采购的前置条件”。

    ## 通过示例
    ```yaml
    events:
      approved: {date: 2026-04-15, doc_no: 西政函〔2026〕31号}
      review_letter: {date: 2026-04-28, doc_no: 西科信函〔2026〕57号}
      budget_arranged: {date: 2026-05-20}
    ```
    ## 不通过示例
    ```yaml
    events:
      review_letter: {date: 2026-04-28, doc_no: 西科信函〔2026〕57号}
      budget_arranged: {date: 2026-04-27}
    ```
    """
    yield from require_event(project, "review_letter", "信息化项目审查意见函", need=("date", "doc_no"))
    yield from _before(project, "review_letter", "审查意见函", "approved", "区政府决策及批复")
    yield from _before(project, "budget_arranged", "预算安排", "review_letter", "审查意见函")


# ---- 第四章 项目建设管理 ------------------------------------------------------------------------------------------

CONTRACT_CLAUSES = (
    ("保密责任", ("保密",)),
    ("运维责任", ("运维", "运行维护")),
    ("免费质保期限", ("质保",)),
    ("项目成果归属", ("成果",)),
)


@RULES.rule("XC181", "委托合同未写明保密、运维、质保、成果归属", severity="error", stages=since("build"),
            citation=cite("第十八条", "项目单位与承建单位签订的项目委托合同应与区科技和信息化局、投资主管部门批复的信息化项目建设内容保持一致，"
                                   "应当明确承建单位的保密责任、运维责任、免费质保期限和项目成果归属等内容。"),
            message="与承建单位的项目委托合同没有写明保密责任、运维责任、免费质保期限或项目成果归属",
            hint="在 contract.yaml 承建单位的 clauses 列出这些条款，如“免费质保期限：终验后3年（第12条）”")
def contract_clauses(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    contract.yaml 中每个承建单位的合同条款（`clauses`）是否分别写明：保密责任（含“保密”）、运维责任（含“运维”或
    “运行维护”）、免费质保期限（含“质保”）、项目成果归属（含“成果”）。建设阶段记录了承建合同即检查；
    进入“验收申请”时必须已有承建单位的委托合同。合同内容是否与批复的建设内容一致，需要对照审查意见函人工判断。

    ## 为什么
    第十八条：委托合同“应当明确承建单位的保密责任、运维责任、免费质保期限和项目成果归属等内容”。

    ## 通过示例
    ```yaml
    parties:
      - role: 承建
        clauses: [保密责任：第9条, 运维责任：第10条, 免费质保期限：终验后3年, 项目成果归属：归西城区人民政府所有]
    ```
    ## 不通过示例
    ```yaml
    parties:
      - role: 承建
        clauses: [保密责任：第9条, 运维责任：第10条]
    ```
    """
    parties = _parties(project, "承建")
    if not parties:
        if project.reached("apply"):
            yield Finding("contract.yaml", ("parties",), "没有记录与承建单位签订的项目委托合同",
                          "在 contract.yaml 的 parties 写承建单位、合同编号、签订日期和合同条款", at_key=project.has("contract.yaml"))
        return
    for index, party in parties:
        clauses = _clauses(party)
        missing = [label for label, words in CONTRACT_CLAUSES if not any(w in c for c in clauses for w in words)]
        if missing:
            yield Finding("contract.yaml", ("parties", index, "clauses") if clauses else ("parties", index),
                          f"与承建单位“{party.get('name') or index + 1}”的合同没有写明{'、'.join(missing)}")


@RULES.rule("XC201", "未确定安全保护等级", severity="error", stages=since("prereview"),
            citation=cite("第二十条", "项目单位应当按照国家信息安全等级保护管理规范和技术标准，确定网络与信息系统的安全保护等级"),
            message="security.yaml 没有写网络安全等级保护级别（1 至 5）",
            hint="在 security.yaml 写 level，按定级结果填 1 至 5")
def level_determined(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    进入初审前，security.yaml 的 `level`（安全保护等级）是否已填写，且在 1 至 5 之间。

    ## 为什么
    第二十条要求确定安全保护等级，并“根据确定的安全保护等级，同步开展网络与信息系统安全建设”；
    第十条按等级（三级及以上）决定是否须编制密码应用方案，所以申报时就要确定。

    ## 通过示例
    ```yaml
    level: 3
    ```
    ## 不通过示例
    ```yaml
    level:
    ```
    """
    level = _level(project)
    if level is None:
        yield from require(project, "security.yaml", ("level",), "安全保护等级")
    elif not 1 <= level <= 5:
        yield Finding("security.yaml", ("level",), f"安全保护等级“{level}”不存在", "等级为 1 至 5")


@RULES.rule("XC202", "等保二级及以上未备案", severity="error", stages=since("acceptance"),
            citation=cite("第二十条", "并按照国家和本市有关规定进行备案、审批。"),
            message="等保二级及以上的系统，竣工验收前没有记录等级保护备案",
            hint="在 security.yaml 的 filing 写备案日期、备案编号并附备案证明")
def level_filed(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    等保二级及以上（`level` ≥ 2）的项目，进入“竣工验收”前 security.yaml 的 `filing` 是否有备案日期，以及备案编号或备案证明。

    第二十条没有写备案的时间。本规则按条文的顺序理解：先定级、备案，再“根据确定的安全保护等级”同步建设，
    验收前进行等级测评（同条第二款），所以最迟在验收前检查。一级系统按国家规定自主保护，不检查备案。

    ## 为什么
    第二十条：确定安全保护等级，“并按照国家和本市有关规定进行备案、审批”。

    ## 通过示例
    ```yaml
    level: 3
    filing: {date: 2026-07-20, doc_no: 11010223456-00001, evidence: [evidence/等保备案证明.pdf]}
    ```
    ## 不通过示例
    ```yaml
    level: 3
    filing: {}
    ```
    """
    level = _level(project)
    if level is None or level < 2:
        return
    filing = project.get("security.yaml", "filing") or {}
    if not _date(filing.get("date")):
        yield Finding("security.yaml", ("filing", "date") if filing else ("filing",),
                      f"等保{LEVEL_ZH.get(level, level)}级系统没有记录等级保护备案日期")
    elif blank(filing.get("doc_no")) and blank(filing.get("evidence")):
        yield Finding("security.yaml", ("filing",), "等级保护备案缺少备案编号和备案证明", "写备案编号或附备案证明", at_key=True)


@RULES.rule("XC203", "等保二级项目验收前未进行等级测评", severity="error", stages=since("acceptance"),
            citation=cite("第二十条", "安全等级保护二级的项目，验收前应当进行信息系统安全等级测评。"),
            message="等保二级项目验收前没有进行信息系统安全等级测评",
            hint="在 security.yaml 的 assessments 记录等级测评：type 等级测评、日期、结论、测评机构和报告")
def grading_level2(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    等保二级（`level: 2`）的项目，进入“竣工验收”前 `assessments` 是否有一项类型为“等级测评”的记录；
    已记录验收日期时，测评日期不得晚于验收日期（同一天可以）。测评未通过须整改，由 XC209 检查。

    ## 为什么
    第二十条：“安全等级保护二级的项目，验收前应当进行信息系统安全等级测评。”

    ## 通过示例
    ```yaml
    level: 2
    assessments: [{type: 等级测评, date: 2026-09-10, result: pass, by: 某测评中心}]
    ```
    ## 不通过示例
    ```yaml
    level: 2
    assessments: [{type: 软件测评, date: 2026-09-10, result: pass}]
    ```
    """
    if _level(project) == 2:
        yield from _missing_tests(project, (GRADING,))


@RULES.rule("XC204", "等保三级及以上项目验收前未进行等级测评和密评", severity="error", stages=since("acceptance"),
            citation=cite("第二十条", "安全等级保护三级及以上的项目，验收前应当进行安全等级测评和密码应用安全性评估"),
            message="等保三级及以上项目验收前没有进行安全等级测评或密码应用安全性评估",
            hint="在 security.yaml 的 assessments 分别记录等级测评和密码应用安全性评估")
def grading_level3(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    等保三级及以上（`level` ≥ 3，“及以上”含三级）的项目，进入“竣工验收”前 `assessments` 是否既有“等级测评”、
    又有“密码应用安全性评估”；已记录验收日期时，二者都不得晚于验收日期（同一天可以）。

    ## 为什么
    第二十条：“安全等级保护三级及以上的项目，验收前应当进行安全等级测评和密码应用安全性评估”。

    ## 通过示例
    ```yaml
    level: 3
    assessments:
      - {type: 等级测评, date: 2026-10-10, result: pass}
      - {type: 密码应用安全性评估, date: 2026-10-15, result: pass}
    ```
    ## 不通过示例
    ```yaml
    level: 3
    assessments:
      - {type: 等级测评, date: 2026-10-10, result: pass}
    ```
    """
    level = _level(project)
    if level is not None and level >= 3:
        yield from _missing_tests(project, (GRADING, CRYPTO_TEST))


@RULES.rule("XC205", "密码应用安全性评估报告未备案", severity="error", stages=since("om_filing"),
            citation=cite("第二十条", "密码应用安全性评估报告应报区委机要局（区密码管理局）备案。"),
            message="密码应用安全性评估报告没有报区委机要局（区密码管理局）备案",
            hint="在该评估记录的 filed_on 写报备案的日期，evidence 附备案回执")
def crypto_report_filed(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    等保三级及以上的项目，竣工验收之后（“运维方案备案”阶段起），`assessments` 中每一项今天以前的密码应用安全性评估
    是否写了报备案日期（`filed_on`），且不早于评估日期。

    条文没有写备案的期限，本规则在验收通过后检查：验收前的评估报告到此时应已备案；运行期间每年的评估，报告出具后即应备案。

    ## 为什么
    第二十条：“密码应用安全性评估报告应报区委机要局（区密码管理局）备案。”

    ## 通过示例
    ```yaml
    assessments: [{type: 密码应用安全性评估, date: 2025-10-15, result: pass, filed_on: 2025-10-22}]
    ```
    ## 不通过示例
    ```yaml
    assessments: [{type: 密码应用安全性评估, date: 2025-10-15, result: pass}]
    ```
    """
    level = _level(project)
    if level is None or level < 3:
        return
    for index, item in _assessments(project, CRYPTO_TEST):
        when, filed = _date(item.get("date")), _date(item.get("filed_on"))
        if when and when > ctx.today:
            continue
        if filed is None:
            yield Finding("security.yaml", ("assessments", index),
                          f"{fmt_date(when) + '的' if when else ''}密码应用安全性评估报告没有记录报备案日期（filed_on）")
        elif when and filed < when:
            yield Finding("security.yaml", ("assessments", index, "filed_on"),
                          f"报备案日期 {fmt_date(filed)} 早于评估日期 {fmt_date(when)}", "核对两个日期")


@RULES.rule("XC206", "运行期间未每年进行等级测评和密评", severity="error", stages=since("operation"),
            citation=cite("第二十条", "后续运行过程中，安全等级保护三级及以上的项目应当每年至少进行一次安全等级测评和密码应用安全性评估。"),
            message="等保三级及以上项目运行期间，某一年没有进行安全等级测评或密码应用安全性评估",
            hint="在 security.yaml 的 assessments 记录每年的等级测评和密码应用安全性评估")
def yearly_tests(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    等保三级及以上、已竣工验收的项目，在“运行”阶段起：
    - 验收之后每个已经过完的日历年（验收次年起到去年），`assessments` 中是否都有该年的等级测评和密码应用安全性评估
      （按测评日期所在年份；结论不论，未通过的由 XC209 要求整改）；
    - 今年（晚于验收年份时）还没有的，提示应在今年12月31日前完成。
    验收当年已有验收前的测评，不再要求。

    例：2024-06-28 验收；今天 2026-11-25。2025 年须各有一次：测评日期 2025-12-31 算 2025 年，2026-01-01 不算；
    2026 年的尚未记录时提示。

    ## 为什么
    第二十条：“后续运行过程中，安全等级保护三级及以上的项目应当每年至少进行一次安全等级测评和密码应用安全性评估。”

    ## 通过示例
    ```yaml
    # 2024-06-28 验收
    assessments:
      - {type: 等级测评, date: 2025-12-31, result: pass}
      - {type: 密码应用安全性评估, date: 2025-09-20, result: pass}
    ```
    ## 不通过示例
    ```yaml
    # 2024-06-28 验收
    assessments:
      - {type: 等级测评, date: 2026-01-01, result: pass}
    ```
    """
    level, accepted = _level(project), project.event_date("accepted")
    if level is None or level < 3 or accepted is None:
        return
    for kind in (GRADING, CRYPTO_TEST):
        years = {d.year for _, item in _assessments(project, kind) if (d := _date(item.get("date")))}
        missing = [y for y in range(accepted.year + 1, ctx.today.year) if y not in years]
        if missing:
            yield Finding("security.yaml", ("assessments",),
                          f"{'、'.join(map(str, missing))} 年没有进行{kind}（{fmt_date(accepted)} 验收，此后每年至少一次）",
                          at_key=project.get("security.yaml", "assessments") is not None)
        if ctx.today.year > accepted.year and ctx.today.year not in years:
            yield Finding("security.yaml", ("assessments",),
                          f"{ctx.today.year} 年尚未记录{kind}，应在 {fmt_date(_dt.date(ctx.today.year, 12, 31))} 前完成",
                          severity="info", at_key=project.get("security.yaml", "assessments") is not None)


@RULES.rule("XC207", "软件开发投资100万元以上，验收前未进行软件测评", severity="error", stages=since("acceptance"),
            citation=cite("第二十条", "软件开发投资在 100 万元（含 100 万元）以上的项目，以及其他有必要进行软件测评的项目，"
                                   "项目验收前应当进行软件测评。"),
            message="软件开发投资在100万元（含）以上、或经认定有必要进行软件测评的项目，验收前没有进行软件测评",
            hint="在 security.yaml 的 assessments 记录软件测评：type 软件测评、日期、结论、测评机构和报告",
            boundaries=(threshold("软件开发投资100万元", "以上", True, "100.00 万元须软件测评，99.99 万元不要求", spelled="100 万元（含 100 万元）以上"),))
def software_test(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    budget.yaml 中类别为“软件开发”的预算明细之和（软件开发投资）大于或等于 100 万元时，进入“竣工验收”前
    `assessments` 是否有“软件测评”，且不晚于验收日期。“100 万元（含 100 万元）以上”含本数：100.00 万元须测评，
    99.99 万元不要求。
    “其他有必要进行软件测评的项目”由审查意见等认定：`decisions.software_test` 写了 `applies: true`（和出具机关、文号）
    的项目，软件开发投资不足 100 万元也须测评；`applies: false` 不能免除 100 万元以上项目的测评。

    ## 为什么
    第二十条：“软件开发投资在 100 万元（含 100 万元）以上的项目……项目验收前应当进行软件测评。”

    ## 通过示例
    ```yaml
    # budget.yaml：软件开发 218.00
    assessments: [{type: 软件测评, date: 2026-10-09, result: pass}]
    ```
    ## 不通过示例
    ```yaml
    # budget.yaml：软件开发 100.00
    assessments: []
    ```
    """
    amount = _category_sum(project, ("软件开发",))
    needed = decided(project, "software_test")
    if amount >= HUNDRED:
        why = f"软件开发投资 {_money(amount)} 万元，在100万元（含）以上，"
    elif needed is not None:
        why = f"审查意见认定有必要进行软件测评{decision_words(needed)}，"
    else:
        return
    for finding in _missing_tests(project, (SOFTWARE_TEST,)):
        yield Finding(finding.file, finding.path, why + finding.message, at_key=finding.at_key)


@RULES.rule("XC208", "软硬件投资100万元以上未实行监理", severity="warning", stages=since("build"),
            citation=cite("第二十条", "软硬件投资合计金额在 100 万元（含 100 万元）以上的项目原则上应当实行监理。"),
            message="软硬件投资合计在100万元（含）以上，没有监理单位",
            hint="在 contract.yaml 的 parties 记录监理单位（role: 监理）；确不实行监理的，用豁免写明理由",
            settings=(Setting("categories", "str", "计入软硬件投资的预算明细类别，用顿号分隔", "软件开发、硬件购置"),),
            boundaries=(threshold("软硬件投资合计100万元", "以上", True, "100.00 万元原则上应当监理，99.99 万元不要求", spelled="100 万元（含 100 万元）以上"),))
def supervision(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    软硬件投资合计（budget.yaml 中类别为“软件开发”“硬件购置”的明细之和；参数 `categories` 可加入如“系统集成”）
    大于或等于 100 万元的项目，contract.yaml 是否有监理单位（`role: 监理`）。
    “100 万元（含 100 万元）以上”含本数：合计 100.00 万元须监理，99.99 万元不要求。
    建设阶段在记录了承建单位后检查，进入“验收申请”起一律检查。

    ## 为什么
    第二十条：“软硬件投资合计金额在 100 万元（含 100 万元）以上的项目原则上应当实行监理。”
    “原则上”允许例外，所以是警告。

    ## 通过示例
    ```yaml
    parties:
      - {role: 承建, name: 北京某某科技有限公司}
      - {role: 监理, name: 北京某某工程监理有限公司}
    ```
    ## 不通过示例
    ```yaml
    # 软件开发 80.00 + 硬件购置 20.00 = 100.00
    parties:
      - {role: 承建, name: 北京某某科技有限公司}
    ```
    """
    categories = _categories(ctx.settings.get("categories")) or ("软件开发", "硬件购置")
    amount = _category_sum(project, categories)
    if amount < HUNDRED or _parties(project, "监理"):
        return
    if project.stage == "build" and not _parties(project, "承建"):
        return
    yield Finding("contract.yaml", ("parties",),
                  f"软硬件投资（{'、'.join(categories)}）合计 {_money(amount)} 万元，在100万元（含）以上，没有记录监理单位",
                  at_key=project.has("contract.yaml"))


TESTS = (SOFTWARE_TEST, GRADING, CRYPTO_TEST)


@RULES.rule("XC209", "测评未通过，未整改", severity="error", stages=since("build"),
            citation=cite("第二十条", "未通过软件测评、安全等级测评、密码应用安全性评估的项目，项目单位应对项目进行整改。"),
            message="软件测评、安全等级测评或密码应用安全性评估未通过，没有整改后通过的记录",
            hint="整改后重新测评，在 assessments 新增一条通过（pass）的记录；原不通过的记录保留")
def failed_test(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    对软件测评、等级测评、密码应用安全性评估分别看最近的一次（按日期；没有日期的按记录顺序）：
    结论为不通过（fail）的，说明整改后还没有重新测评通过。

    ## 为什么
    第二十条：“未通过软件测评、安全等级测评、密码应用安全性评估的项目，项目单位应对项目进行整改。”

    ## 通过示例
    ```yaml
    assessments:
      - {type: 等级测评, date: 2026-09-10, result: fail}
      - {type: 等级测评, date: 2026-10-20, result: pass}
    ```
    ## 不通过示例
    ```yaml
    assessments:
      - {type: 等级测评, date: 2026-09-10, result: fail}
    ```
    """
    for kind in TESTS:
        items = _assessments(project, kind)
        if not items:
            continue
        index, latest = max(items, key=lambda pair: (_date(pair[1].get("date")) or _dt.date.min, pair[0]))
        if latest.get("result") == "fail":
            when = _date(latest.get("date"))
            yield Finding("security.yaml", ("assessments", index, "result"),
                          f"{fmt_date(when) + '的' if when else ''}{kind}未通过，尚无整改后通过的记录")


@RULES.rule("XC211", "信息资源未完成入云、更新、上链、确权", severity="error", stages=since("acceptance"),
            citation=cite("第二十一条", "完成项目入云、更新、上链、确权等相关工作。"),
            message="涉及信息资源建设的项目，没有记录入云、更新、上链、确权的完成日期",
            hint="在 sharing.yaml 的 resource_work 写各项工作的完成日期")
def resource_work(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    涉及信息资源建设（sharing.yaml `resource_building: true`）的项目，进入“竣工验收”前 `resource_work` 是否记录了
    入云（`cloud_on`）、更新（`updated_on`）、上链（`chained_on`）、确权（`rights_on`）的完成日期。

    条文没有写完成的时间；这些工作属于第四章“项目建设管理”，所以在建设结束、验收之前检查。具体做法见
    西政发〔2018〕7号《西城区政务信息资源管理办法（试行）》，不在本办法文本中。

    ## 为什么
    第二十一条：项目单位应按西政发〔2018〕7号等制度规范，“完成项目入云、更新、上链、确权等相关工作”。

    ## 通过示例
    ```yaml
    resource_building: true
    resource_work: {cloud_on: 2026-10-12, updated_on: 2026-10-20, chained_on: 2026-10-22, rights_on: 2026-10-28}
    ```
    ## 不通过示例
    ```yaml
    resource_building: true
    resource_work: {cloud_on: 2026-10-12}
    ```
    """
    if project.get("sharing.yaml", "resource_building") is not True:
        return
    for key, label in (("cloud_on", "入云"), ("updated_on", "更新"), ("chained_on", "上链"), ("rights_on", "确权")):
        yield from require(project, "sharing.yaml", ("resource_work", key), f"{label}完成日期",
                           f"在 resource_work.{key} 写{label}完成的日期")


@RULES.rule("XC231", "未报送项目中期报告", severity="error", stages=since("apply"),
            citation=cite("第二十三条", "强化事中管理，项目单位应向区科技和信息化局、区财政局报送项目中期报告，"
                                     "内容包括项目建设进度、数据资源建设、安全体系建设和预算执行等情况。"),
            message="建设期间没有向区科技和信息化局、区财政局报送项目中期报告",
            hint="在 events.midterm_reported 写报送日期，evidence 附中期报告")
def midterm_report(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    进入“验收申请”前，`events.midterm_reported` 是否有报送日期并附中期报告；报送日期不早于审查意见函（建设开始之后）。
    报告是否写了建设进度、数据资源建设、安全体系建设和预算执行等情况，需要人工审查。

    ## 为什么
    第二十三条：“项目单位应向区科技和信息化局、区财政局报送项目中期报告”。

    ## 通过示例
    ```yaml
    events: {midterm_reported: {date: 2026-09-30, evidence: [evidence/中期报告.pdf]}}
    ```
    ## 不通过示例
    ```yaml
    events: {}
    ```
    """
    yield from require_event(project, "midterm_reported", "中期报告报送", need=("date", "evidence"))
    yield from _before(project, "midterm_reported", "中期报告", "review_letter", "审查意见函")


@RULES.rule("XC232", "建设延期未报告", severity="error", stages=("build", "apply"),
            citation=cite("第二十三条", "项目建设过程中出现延期、投资损失风险等情况，项目单位应当及时报告区科技和信息化局。"),
            message="已过计划完成日期仍未验收，没有向区科技和信息化局报告延期",
            hint="在 events.delay_reported 写报告日期并附报告；或核对 planned_finish",
            boundaries=(period("计划完成日期（planned_finish）", "到期", True, "计划 2026-12-31 完成：当天完成不算延期，2027-01-01 起未完成即延期、须报告", why="计划完成日期是期日：当天24时前完成都不算延期，次日起算延期（民法典 第二百零三条第二款）；不因休假日顺延"),))
def delay_reported(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    建设和验收申请阶段，今天已晚于计划完成日期（project.yaml `planned_finish`）、尚未竣工验收的项目，
    是否记录了向区科技和信息化局的延期报告（`events.delay_reported.date`）。计划完成日期当天不算延期，次日起算。
    没有填计划完成日期时给出提示（无法判断是否延期）。投资损失风险无法从数据判断。

    ## 为什么
    第二十三条：“项目建设过程中出现延期、投资损失风险等情况，项目单位应当及时报告区科技和信息化局。”

    ## 通过示例
    ```yaml
    planned_finish: 2026-11-25   # 今天 2026-11-25
    ```
    ## 不通过示例
    ```yaml
    planned_finish: 2026-11-24   # 今天 2026-11-25，没有 events.delay_reported
    ```
    """
    finish = DEADLINES.first("XC232", project, ctx)
    if finish is None:
        yield Finding("project.yaml", ("planned_finish",), "没有填计划完成日期，无法判断是否延期",
                      "在 planned_finish 写审查意见函或合同约定的完成日期", severity="info")
        return
    if finish.status == OVERDUE and project.event_date("delay_reported") is None:
        yield Finding("project.yaml", ("planned_finish",),
                      f"计划 {fmt_date(finish.due)} 完成，到今天 {fmt_date(ctx.today)} 仍未验收，没有记录延期报告")


DEADLINES.declare("XC232", "按计划完成并竣工验收（逾期须报告区科技和信息化局）", Period(postpone=False),
                  start=FieldValue("project.yaml", ("planned_finish",), "计划完成日期"), done=EventDate("accepted"),
                  bound=BY, term="计划完成日期（含当天）")


# ---- 第五章 项目验收归档 ------------------------------------------------------------------------------------------

@RULES.rule("XC251", "验收申请未提前15个工作日或未获批准", severity="error", stages=("apply",) + since("acceptance"),
            citation=cite("第二十五条", "项目单位在项目验收前不低于 15 个工作日，应向区科技和信息化局提交验收申请表及验收材料，"
                                     "经批准后方可由项目单位组织项目竣工验收。"),
            message="验收申请应在验收前不低于15个工作日提交，并经批准后方可组织竣工验收",
            hint="在 events.acceptance_applied 记录提交日期和验收材料，在 events.acceptance_approved 记录批准日期；验收日期至少在申请后第15个工作日",
            boundaries=(period("15个工作日（验收申请到验收）", "不低于", True, "2025-09-30 提交：第15个工作日是 2025-10-28（国庆中秋假期不计、10-11 调休上班计入），10-28 验收合格；10-09 才提交则最早 10-29 验收", why="民法典 第二百零一条至第二百零三条：申请当日不计入，数到第15个工作日当天即可验收（“不低于”含本数）；工作日按国务院放假安排"),))
def acceptance_application(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    - 进入“竣工验收”前：`events.acceptance_applied` 有提交日期并附验收申请表及验收材料；`events.acceptance_approved`
      有批准日期，且不早于提交日期；
    - 已记录验收日期（`events.accepted.date`）时：验收日期不早于提交申请后的第15个工作日（申请当日不计，数到第15个
      工作日即可验收），且不早于批准日期；
    - 尚未记录验收日期时（含“验收申请”阶段）：提示最早可以组织验收的日期。
    申请日和验收日都是工作日时，这与“从验收日往前数15个工作日（验收当日不计）为最晚申请日”是同一个结果。
    工作日按国务院放假安排（含调休）计算；没有官方安排的年份按法定节假日估算，并在提示中说明。

    例：2025-10-28（星期二）验收，往前数15个工作日（跳过国庆中秋假期 10月1日至8日，10月11日星期六调休上班）是
    2025-09-30：9月30日提交，第15个工作日正是10月28日，合格；下一个工作日10月9日才提交，最早要到10月29日才能验收，不合格。

    ## 为什么
    第二十五条：“项目单位在项目验收前不低于 15 个工作日，应向区科技和信息化局提交验收申请表及验收材料，
    经批准后方可由项目单位组织项目竣工验收。”“不低于”含本数。

    ## 通过示例
    ```yaml
    events:
      acceptance_applied: {date: 2025-09-30, evidence: [evidence/验收申请表.pdf]}
      acceptance_approved: {date: 2025-10-10}
      accepted: {date: 2025-10-28, result: pass}
    ```
    ## 不通过示例
    ```yaml
    events:
      acceptance_applied: {date: 2025-10-09, evidence: [evidence/验收申请表.pdf]}
      acceptance_approved: {date: 2025-10-10}
      accepted: {date: 2025-10-28, result: pass}
    ```
    """
    approved, accepted = project.event_date("acceptance_approved"), project.event_date("accepted")
    if project.stage != "apply":
        yield from require_event(project, "acceptance_applied", "提交验收申请", need=("date", "evidence"))
        yield from require_event(project, "acceptance_approved", "验收申请获批准")
        yield from _before(project, "acceptance_approved", "验收申请获批准", "acceptance_applied", "提交验收申请")
    window = DEADLINES.first("XC251", project, ctx)
    if window is None:
        return  # no application yet
    applied, earliest, note = window.event_date, window.due, estimate_note(window.estimated_years)
    assert applied is not None
    if window.status != DONE:
        yield Finding("project.yaml", ("events", "acceptance_applied", "date"),
                      f"{fmt_date(applied)} 提交验收申请，最早可于 {fmt_date(earliest)} 组织竣工验收（不低于15个工作日）{note}",
                      severity="info")
        return
    if not window.on_time:
        yield Finding("project.yaml", ("events", "acceptance_applied", "date"),
                      f"{fmt_date(applied)} 提交验收申请，{fmt_date(window.done_on)} 就组织了竣工验收：不足15个工作日，"
                      f"最早应在 {fmt_date(earliest)}{note}")
    if approved and accepted and accepted < approved:
        yield Finding("project.yaml", ("events", "accepted", "date"),
                      f"竣工验收（{fmt_date(accepted)}）早于验收申请获批准（{fmt_date(approved)}）：经批准后方可组织验收")


DEADLINES.declare("XC251", "组织竣工验收（提交验收申请后满15个工作日）", Workdays(15),
                  start=EventDate("acceptance_applied"), done=EventDate("accepted"), bound=FROM,
                  term="验收前不低于15个工作日提交申请（申请当日不计，第15个工作日起可验收）")


INVESTMENT_AUTHORITIES = ("发展和改革", "发展改革", "发改", "财政")


@RULES.rule("XC252", "竣工验收未邀请区科技和信息化局、投资主管部门", severity="error", stages=since("acceptance"),
            citation=cite("第二十五条", "项目竣工验收应当邀请区科技和信息化局、投资主管部门及其他有关主管部门参加。"),
            message="竣工验收的参加单位中没有区科技和信息化局或投资主管部门",
            hint="在 events.accepted.participants 列出参加单位，如 北京市西城区科学技术和信息化局、北京市西城区财政局")
def acceptance_participants(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    已记录竣工验收的，`events.accepted.participants` 是否包括区科技和信息化局（名称含“科学技术和信息化”“科技和信息化”或
    “科信”）和投资主管部门（名称含“发展和改革”“发展改革”“发改”或“财政”）。“其他有关主管部门”因项目而异，不检查。

    ## 为什么
    第二十五条：“项目竣工验收应当邀请区科技和信息化局、投资主管部门及其他有关主管部门参加。”

    ## 通过示例
    ```yaml
    events: {accepted: {participants: [北京市西城区科学技术和信息化局, 北京市西城区财政局]}}
    ```
    ## 不通过示例
    ```yaml
    events: {accepted: {participants: [北京市西城区财政局]}}
    ```
    """
    if project.event_date("accepted") is None:
        return  # not accepted yet; XC261 asks for the acceptance from 运维方案备案 on
    names = [p for p in project.get("project.yaml", "events", "accepted", "participants", default=[]) if isinstance(p, str)]
    missing = []
    if not any(w in p for p in names for w in ("科学技术和信息化", "科技和信息化", "科信")):
        missing.append("区科技和信息化局")
    if not any(w in p for p in names for w in INVESTMENT_AUTHORITIES):
        missing.append("投资主管部门")
    if missing:
        yield Finding("project.yaml", ("events", "accepted", "participants") if names else ("events", "accepted"),
                      f"竣工验收的参加单位中没有{'和'.join(missing)}")


@RULES.rule("XC261", "未通过竣工验收", severity="error", stages=since("om_filing"),
            citation=cite("第二十六条", "未通过竣工验收的项目，区财政局不予安排后续实施和运维经费。"),
            message="没有记录通过的竣工验收，不予安排后续实施和运维经费",
            hint="在 events.accepted 写验收日期和结论；未通过的，整改后重新申请验收")
def acceptance_passed(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    进入“运维方案备案”前，`events.accepted` 是否有验收日期和结论，且结论不是不通过（fail）。
    有条件通过（conditional）视为通过。

    ## 为什么
    第二十六条：“未通过竣工验收的项目，区财政局不予安排后续实施和运维经费。”第三十三条（四）：项目未验收的，暂停项目资金拨付。

    ## 通过示例
    ```yaml
    events: {accepted: {date: 2025-10-28, result: pass}}
    ```
    ## 不通过示例
    ```yaml
    events: {accepted: {date: 2025-10-28, result: fail}}
    ```
    """
    yield from require_event(project, "accepted", "竣工验收", need=("date", "result"))
    if (project.event("accepted") or {}).get("result") == "fail":
        yield Finding("project.yaml", ("events", "accepted", "result"),
                      "竣工验收未通过：区财政局不予安排后续实施和运维经费", "整改后重新申请验收（第二十五条）")


@RULES.rule("XC271", "投入使用前未备案运行维护方案", severity="error", stages=since("operation"),
            citation=cite("第二十七条", "项目投入使用前，项目单位应当制定运行维护方案，并报区科技和信息化局备案。"),
            message="投入使用前没有制定运行维护方案并报区科技和信息化局备案",
            hint="在 documents.om_plan 附运行维护方案，在 events.om_plan_filed 写备案日期")
def om_plan(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    进入“运行”阶段前：`documents.om_plan`（运行维护方案）有名称和文件，`events.om_plan_filed` 有备案日期；
    已记录投入使用日期（`events.in_use.date`）的，备案日期不得晚于投入使用日期（同一天可以）。

    ## 为什么
    第二十七条：“项目投入使用前，项目单位应当制定运行维护方案，并报区科技和信息化局备案。”

    ## 通过示例
    ```yaml
    documents: {om_plan: {title: 运行维护方案, evidence: [evidence/运行维护方案.pdf]}}
    events: {om_plan_filed: {date: 2025-11-05}, in_use: {date: 2025-11-05}}
    ```
    ## 不通过示例
    ```yaml
    events: {om_plan_filed: {date: 2025-11-06}, in_use: {date: 2025-11-05}}
    ```
    """
    yield from require_document(project, "om_plan", "运行维护方案", need=("title", "evidence"))
    yield from require_event(project, "om_plan_filed", "运行维护方案备案")
    filed, in_use = project.event_date("om_plan_filed"), project.event_date("in_use")
    if filed and in_use and filed > in_use:
        yield Finding("project.yaml", ("events", "om_plan_filed", "date"),
                      f"运行维护方案 {fmt_date(filed)} 才备案，晚于投入使用（{fmt_date(in_use)}）")


@RULES.rule("XC281", "项目成果未约定归区政府所有", severity="error", stages=since("build"), kinds=("new", "upgrade", "om"),
            citation=cite("第二十八条", "使用财政性资金建设实施的信息化项目，项目完成后，形成的项目成果归区政府所有"),
            message="使用财政性资金建设实施的项目，合同的项目成果归属条款没有约定成果归区政府所有",
            hint="在承建合同的成果归属条款写明“项目成果归北京市西城区人民政府所有”")
def results_owned(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    `funding` 含“财政性资金”、项目类型为工程建设、升级改造或运行维护（即第二条（一）“使用财政性资金建设实施”；
    购买服务项目属第二条（二），不适用）的项目：每个承建单位合同中含“成果”的条款，是否写明归区政府（含“区政府”或
    “区人民政府”）。没有成果归属条款的，由 XC181 报告。

    ## 为什么
    第二十八条：“使用财政性资金建设实施的信息化项目，项目完成后，形成的项目成果归区政府所有”；
    第十八条要求委托合同明确项目成果归属。

    ## 通过示例
    ```yaml
    parties: [{role: 承建, clauses: [项目成果归属：项目成果归北京市西城区人民政府所有]}]
    ```
    ## 不通过示例
    ```yaml
    parties: [{role: 承建, clauses: [项目成果归属：知识产权归承建单位所有]}]
    ```
    """
    if FISCAL not in _funding(project):
        return
    for index, party in _parties(project, "承建"):
        clauses = _clauses(party)
        about = [i for i, c in enumerate(clauses) if "成果" in c]
        if about and not any("区政府" in clauses[i] or "区人民政府" in clauses[i] for i in about):
            yield Finding("contract.yaml", ("parties", index, "clauses", about[0]),
                          f"与承建单位“{party.get('name') or index + 1}”的合同约定“{clauses[about[0]]}”，没有写明成果归区政府所有")


@RULES.rule("XC291", "未建立项目档案", severity="error", stages=since("apply"),
            citation=cite("第二十九条", "项目单位应当建立项目档案。项目档案管理应当与项目实施同步进行。"),
            message="没有记录项目档案", hint="在 documents.archive 写档案名称并附档案目录")
def archive(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    进入“验收申请”前，`documents.archive`（项目档案）是否写了名称并附档案目录等文件。
    档案是否与实施“同步”整理，需要人工检查。
    这是本辖区声明的归档材料：`govproj archive` 用同一检查在档案目录中逐项列出（见 docs/archive.md）。

    ## 为什么
    第二十九条：“项目单位应当建立项目档案。项目档案管理应当与项目实施同步进行。”

    ## 通过示例
    ```yaml
    documents: {archive: {title: 项目档案（建设期）, evidence: [evidence/档案目录.pdf]}}
    ```
    ## 不通过示例
    ```yaml
    documents: {}
    ```
    """
    yield from archive_findings(project, ARCHIVE_ITEMS)


# 第二十九条 as the pack's archive declaration: XC291 checks it, `govproj archive` lists it in the catalogue
ARCHIVE_ITEMS: tuple[ArchiveItem, ...] = (ArchiveItem("archive", "项目档案", "XC291", need=("title", "evidence")),)


@RULES.rule("XC301", "未完成软硬件资产登记", severity="error", stages=since("operation"),
            citation=cite("第三十条", "项目单位应当做好资产管理，及时完成项目软硬件资产登记。"),
            message="没有记录项目软硬件资产登记", hint="在 events.assets_registered 写登记日期并附资产登记凭证")
def assets(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    进入“运行”阶段前，`events.assets_registered` 是否有软硬件资产登记的日期。“及时”没有具体期限，
    本规则在项目投入运行时检查。

    ## 为什么
    第三十条：“项目单位应当做好资产管理，及时完成项目软硬件资产登记。”

    ## 通过示例
    ```yaml
    events: {assets_registered: {date: 2025-11-20}}
    ```
    ## 不通过示例
    ```yaml
    events: {}
    ```
    """
    yield from require_event(project, "assets_registered", "软硬件资产登记")


@RULES.rule("XC311", "限期整改未按期完成或暂停期间继续推进", severity="error", stages=(),
            citation=cite("第三十一条", "发现违反国家和本市有关规定或者批复要求的，应当要求项目单位限期整改。逾期不整改或者整改后仍不符合要求的，"
                                   "项目审批部门可以对其进行通报批评、暂缓安排投资计划、暂停项目建设直至终止项目。"),
            message="监督检查要求的限期整改没有按期完成，或暂停建设期间项目继续推进",
            hint="在 orders 该项写整改完成或经同意恢复建设的日期（done_on）并附材料")
def orders_xc311(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    project.yaml 的 `orders` 里区科技和信息化局等监督检查部门提出的限期整改、暂停建设要求：
    - 每项写了要求日期（`date`）；
    - 整改：有期限的，在期限内（含当天）完成（`done_on`）；期限已过仍未完成的报告；没有期限、尚未完成的只作提示；
    - 暂停建设：没有记录经同意恢复建设的日期（`done_on`）之前，项目不得推进到建设之后的阶段；
    办法没有规定整改的期限，govproj 不替它规定：要求里写了期限（`deadline`）才判断是否逾期，期限当天完成不算逾期。

    ## 为什么
    第三十一条：监督检查“发现违反国家和本市有关规定或者批复要求的，应当要求项目单位限期整改。逾期不整改或者整改后仍不符合要求的，项目审批部门可以对其进行通报批评、暂缓安排投资计划、暂停项目建设直至终止项目。”

    ## 通过示例
    ```yaml
    orders: [{date: 2026-10-09, kind: 限期整改, deadline: 2026-11-09, done_on: 2026-11-09, evidence: [evidence/整改报告.pdf]}]
    ```
    ## 不通过示例
    ```yaml
    orders: [{date: 2026-10-09, kind: 限期整改, deadline: 2026-11-09}]   # 2026-11-25 检查：期限已过，没有记录整改完成
    ```
    """
    yield from order_findings(project, ctx.today, ('限期整改', '暂停建设'), stopped=since("apply"), body="监督检查部门")


# ---- 第六章 项目监督评价 ------------------------------------------------------------------------------------------

@RULES.rule("XC321", "验收满一年未报送绩效自评报告", severity="error", stages=since("operation"),
            citation=cite("第三十二条", "项目验收满一年后，项目单位应向区科技和信息化局报送项目绩效自评报告。"),
            message="项目验收满一年后应报送绩效自评报告",
            hint="在 events.self_evaluation 写报送日期并附绩效自评报告",
            boundaries=(period("验收满一年", "满", False, "2025-10-28 验收：2026-10-28 24时届满，10-28 报送早了，2026-10-29 起为满一年后"),))
def self_evaluation(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    以竣工验收日（`events.accepted.date`）起满一年之日为准：期间按《民法典》第二百零一条至第二百零三条计算
    （core/periods.py，各地共用），起算日不计入，到对应日 24时届满，“满一年”自次日起成立，不因节假日顺延
    （2025-10-28 验收，2026-10-28 24时届满，2026-10-29 起满一年）：
    - 已报送（`events.self_evaluation.date`）的，报送日期不得早于满一年之日，否则不是“满一年后”的自评；
    - “运行”阶段尚未报送：满一年前提示何时满一年；满一年后警告应报送（条文没有规定满一年后多久内报送，所以是警告）；
    - 进入“绩效自评”阶段时必须已经报送（错误）。

    ## 为什么
    第三十二条：“项目验收满一年后，项目单位应向区科技和信息化局报送项目绩效自评报告。”
    评估意见作为以后项目申报审核、项目预算和运维资金安排的重要依据。

    ## 通过示例
    ```yaml
    events: {accepted: {date: 2025-10-28}, self_evaluation: {date: 2026-10-29}}
    ```
    ## 不通过示例
    ```yaml
    events: {accepted: {date: 2025-10-28}, self_evaluation: {date: 2026-10-28}}
    ```
    """
    year = DEADLINES.first("XC321", project, ctx)
    if year is None:
        return  # not accepted yet
    accepted, due, reported = year.event_date, year.due, year.done_on
    assert accepted is not None
    if reported is not None:
        if not year.on_time:
            yield Finding("project.yaml", ("events", "self_evaluation", "date"),
                          f"绩效自评报告 {fmt_date(reported)} 报送，{fmt_date(accepted)} 验收，{fmt_date(due)} 起才满一年")
        return
    if project.stage == "evaluation":
        yield Finding("project.yaml", ("events", "self_evaluation"),
                      f"{fmt_date(accepted)} 验收，{fmt_date(due)} 起满一年，没有记录绩效自评报告的报送")
    elif ctx.today >= due:
        yield Finding("project.yaml", ("events", "accepted", "date"),
                      f"{fmt_date(accepted)} 验收，{fmt_date(due)} 起已满一年，应报送绩效自评报告", severity="warning")
    else:
        yield Finding("project.yaml", ("events", "accepted", "date"),
                      f"{fmt_date(accepted)} 验收，{fmt_date(due)} 起满一年，届时应报送绩效自评报告", severity="info")


DEADLINES.declare("XC321", "报送项目绩效自评报告（验收满一年后）", Period(years=1, elapsed=True),
                  start=EventDate("accepted"), done=EventDate("self_evaluation"), bound=FROM,
                  term="验收满一年后（对应日届满，次日起）")
