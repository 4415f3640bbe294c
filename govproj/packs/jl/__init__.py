"""吉林省：《吉林省政务信息系统项目管理办法（试行）》（文本未载文号）."""
from __future__ import annotations

from govproj.packs.model import Pack, Transition
from govproj.packs.jl import change  # noqa: F401  (registers JL211, change control 第二十一条)
from govproj.packs.jl.coverage import COVERAGE
from govproj.packs.jl.data import DOCUMENTS, EVENTS, EXTRA_FIELDS, KINDS, FUNDING_TYPES
from govproj.packs.jl.examples import EXAMPLES
from govproj.packs.jl.rules import APPROVAL_BODIES, ARCHIVE_ITEMS, DOC, RULES, STAGES, UNIFIED_BODIES

PACK = Pack(
    id="jl",
    name="吉林省",
    doc=DOC,  # no document number in the text: the title stands in for it
    title="",
    status="试行（文本未载文号和印发日期；自印发之日起施行）",
    version="试行",
    seed="regulation.txt",
    stages=STAGES,
    kinds=KINDS,
    events=EVENTS,
    documents=DOCUMENTS,
    ruleset=RULES,
    extra_fields=EXTRA_FIELDS,
    examples=EXAMPLES,
    transitions=(
        Transition("review", "apply", "fail", "专家评审未通过，修改申报材料后重新申报", "第十一条", "expert_review", "fail"),
        Transition("docreview", "docreview", "fail", "采购文件审核未通过，修改后重新送审", "第十六条", "docs_reviewed", "fail"),
        Transition("build", "build", "fail", "严重逾期或重大损失，按要求整改或暂停建设", "第二十二条", "delay_reported"),
        Transition("preliminary", "preliminary", "fail", "未通过初步验收，一个月内整改后重新组织初步验收", "第二十六条",
                   "preliminary_failed"),
        Transition("final_apply", "final_apply", "fail", "竣工验收申请未通过，补充材料后重新申请", "第二十五条",
                   "final_application_approved", "fail"),
        Transition("final", "final", "fail", "未通过竣工验收，一个月内整改后重新组织竣工验收", "第二十六条", "final_failed"),
        Transition("final", "build", "pass", "多个服务期的项目分期验收：本期验收后进入下一期建设", "第二十五条",
                   "final_accepted", "pass"),
    ),
    coverage=COVERAGE,
    sample_doc_no="吉政数函〔2026〕12号",
    funding_types=FUNDING_TYPES,
    archive=ARCHIVE_ITEMS,
    settings_help="JL221.serious_delay_days：多少天算“工程严重逾期”（办法未规定，默认未设置）",
    bodies=(UNIFIED_BODIES, APPROVAL_BODIES, change.BODIES),
)

__all__ = ["PACK"]
