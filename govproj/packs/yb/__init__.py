"""重庆市渝北区：渝北府办发〔2019〕26号《重庆市渝北区政务信息化项目管理暂行办法》."""
from __future__ import annotations

from govproj.packs.model import Pack, Transition
from govproj.packs.yb import change  # noqa: F401  (registers YB111, change control 第十一条)
from govproj.packs.yb.coverage import COVERAGE
from govproj.packs.yb.data import DOCUMENTS, EVENTS, EXTRA_FIELDS, PLATFORMS, FUNDING_TYPES
from govproj.packs.yb.examples import EXAMPLES
from govproj.packs.yb.rules import ARCHIVE_ITEMS, NDRC_BODIES, RULES, STAGES

# 第十一条（二）: a change above 10% of the investment means a new plan, declared again — from any stage after the
# approved plan (the baseline) until the project is built or running
REDECLARE = tuple(Transition(stage, "declare", "fail", "调整或变更涉及金额超过项目投资额10%：重新编制项目方案，按申报、立项程序重新申报",
                             "第十一条",
                             unrecorded="重新申报依据的是与批复基线相比超过10%的调整，由 YB111 对照基线测量；调整写在重新编制的"
                                        "项目方案里，之前不必有变更记录")
                  for stage in ("budget", "om_procure", "approval", "procure", "contract", "implement", "operate"))

PACK = Pack(
    id="yb",
    name="重庆市渝北区",
    doc="渝北府办发〔2019〕26号",
    title="《重庆市渝北区政务信息化项目管理暂行办法》",
    status="暂行（2019年12月12日印发，自公布之日起施行）",
    version="2019.12",
    seed="regulation.txt",
    stages=STAGES,
    kinds=(("build", "建设类"), ("om", "运维类")),
    events=EVENTS,
    documents=DOCUMENTS,
    ruleset=RULES,
    extra_fields=EXTRA_FIELDS,
    platforms=PLATFORMS,
    examples=EXAMPLES,
    transitions=(
        Transition("prereview", "declare", "fail", "未通过初步审核，不得参加专家评审；修改材料后重新申报", "第六条",
                   "prereviewed", "fail"),
        Transition("expert_review", "declare", "fail", "专家评审未通过，按评审意见修改后重新申报", "第七条", "expert_reviewed", "fail"),
        Transition("implement", "implement", "fail", "工程严重逾期或投资重大损失：按要求整改或暂停建设", "第十三条",
                   "project.yaml:incidents"),
        Transition("acceptance", "acceptance", "fail", "未通过验收，整改后重新验收（通过验收后方可交付使用）", "第十四条",
                   "accepted", "fail"),
        Transition("archive", "declare", "pass", "跨年度分期建设：下一期的分期建设方案按同样流程申报", "第八条"),
        Transition("operate", "declare", "pass", "每年底申报下一年度运维需求", "第五条"),
        *REDECLARE,
    ),
    coverage=COVERAGE,
    sample_doc_no="渝北大数据函〔2026〕12号",
    funding_types=FUNDING_TYPES,
    archive=ARCHIVE_ITEMS,
    bodies=(NDRC_BODIES, change.BODIES, change.NDRC),
)

__all__ = ["PACK"]
