"""北京市（市级）：京经信委发〔2016〕1号《关于加强政府投资信息化项目全流程管理的通知》."""
from __future__ import annotations

from govproj.packs.model import Pack, Stage, Transition
from govproj.packs.bj import change  # noqa: F401  (registers BJ211, change control 第21条)
from govproj.packs.bj.coverage import COVERAGE
from govproj.packs.bj.data import DOCUMENTS, EVENTS, EXTRA_FIELDS, PLATFORMS, FUNDING_TYPES
from govproj.packs.bj.examples import EXAMPLES
from govproj.packs.bj.rules import APPROVAL_FINANCE, APPROVAL_NDRC, RULES, STAGES

PACK = Pack(
    id="bj",
    name="北京市",
    doc="京经信委发〔2016〕1号",
    title="《关于加强政府投资信息化项目全流程管理的通知》",
    status="现行有效（2016年1月12日印发）",
    version="2016.1",
    seed="regulation.txt",
    stages=STAGES,
    kinds=(("new", "新建"), ("upgrade", "升级改造")),
    events=EVENTS,
    documents=DOCUMENTS,
    ruleset=RULES,
    extra_fields=EXTRA_FIELDS,
    platforms=tuple(name for name, _ in PLATFORMS),
    examples=EXAMPLES,
    transitions=(
        Transition("prereview", "declare", "fail", "前置评审未通过，修改后重新申报", "第11条", "prereview_opinion", "fail"),
        Transition("approval", "approval", "pass", "意见函有效期满仍未立项，申请延期", "第13条", "extension"),
        Transition("acceptance", "acceptance", "fail", "未通过验收，整改后重新验收", "第25条", "accepted", "fail"),
        Transition("evaluation", "evaluation", "fail", "未通过评估，整改", "第29条", "evaluated", "fail"),
    ),
    coverage=COVERAGE,
    sample_doc_no="京发改〔2026〕12号",
    funding_types=FUNDING_TYPES,
    bodies=(APPROVAL_NDRC, APPROVAL_FINANCE, change.BODIES),
)

__all__ = ["PACK", "Stage"]
