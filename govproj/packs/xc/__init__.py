"""北京市西城区：西政发〔2022〕7号《北京市西城区信息化项目管理办法》."""
from __future__ import annotations

from govproj.packs.model import Pack, Transition
from govproj.packs.xc import change  # noqa: F401  (registers XC221, change control 第二十二条)
from govproj.packs.xc.coverage import COVERAGE
from govproj.packs.xc.data import DOCUMENTS, EVENTS, EXTRA_FIELDS, KINDS, FUNDING_TYPES
from govproj.packs.xc.examples import EXAMPLES
from govproj.packs.xc.rules import ARCHIVE_ITEMS, CRYPTO_BODIES, RULES, STAGES

PACK = Pack(
    id="xc",
    name="北京市西城区",
    doc="西政发〔2022〕7号",
    title="《北京市西城区信息化项目管理办法》",
    status="现行有效（2022年7月7日印发，自印发之日起施行）",
    version="2022.7",
    seed="regulation.txt",
    stages=STAGES,
    kinds=KINDS,
    events=EVENTS,
    documents=DOCUMENTS,
    ruleset=RULES,
    extra_fields=EXTRA_FIELDS,
    examples=EXAMPLES,
    transitions=(
        Transition("prereview", "declare", "fail", "初审未通过，修改后重新申报", "第十五条", "prereview", "fail"),
        Transition("consult", "declare", "fail", "统筹会商审查未通过，修改后重新申报", "第十五条", "consult", "fail"),
        Transition("decision", "declare", "fail", "区政府决策未批准，修改后重新申报", "第十五条", "approved", "fail"),
        Transition("apply", "build", "fail", "验收申请未获批准（如测评未通过），整改后重新申请", "第二十五条",
                   "acceptance_approved", "fail"),
        Transition("acceptance", "build", "fail", "未通过竣工验收，整改后重新申请验收；其间不予安排后续实施和运维经费",
                   "第二十六条", "accepted", "fail"),
        Transition("operation", "operation", "fail", "年度等级测评或密码应用安全性评估未通过，整改后重新测评", "第二十条",
                   "security.yaml:assessments", "fail"),
    ),
    coverage=COVERAGE,
    sample_doc_no="西科信函〔2026〕12号",
    funding_types=FUNDING_TYPES,
    archive=ARCHIVE_ITEMS,
    bodies=(CRYPTO_BODIES, change.BODIES),
)

__all__ = ["PACK"]
