"""杭州市拱墅区：《拱墅区信息化项目管理办法（征求意见稿）》（无文号）."""
from __future__ import annotations

from govproj.packs.model import Pack, Transition
from govproj.packs.gs import change  # noqa: F401  (registers GS049, change control 四（三）)
from govproj.packs.gs.coverage import COVERAGE
from govproj.packs.gs.data import DOCUMENTS, EVENTS, EXTRA_FIELDS, KINDS, FUNDING_TYPES
from govproj.packs.gs.examples import EXAMPLES
from govproj.packs.gs.rules import ACCEPTANCE_BODIES, DOC, RULES, STAGES

PACK = Pack(
    id="gs",
    name="杭州市拱墅区",
    doc=DOC,  # the draft has no document number: its title is what a citation can name
    title="",
    status="征求意见稿（无文号）",
    version="征求意见稿",
    seed="regulation.txt",
    stages=STAGES,
    kinds=KINDS,
    events=EVENTS,
    documents=DOCUMENTS,
    ruleset=RULES,
    extra_fields=EXTRA_FIELDS,
    examples=EXAMPLES,
    transitions=(
        Transition("prereview", "declare", "fail", "预审不合格：按预审意见书完善需求方案（或取消、拆分、合并）后重新申报", "四（二）",
                   "prereview", "fail"),
        Transition("review", "declare", "fail", "专家组审查未通过：项目不得实施，修改实施方案后重新申报", "四（二）",
                   "reviewed", "fail"),
        Transition("tender", "tender", "fail", "招标需求与审定意见不一致或采购不符合要求：不准实施采购，修改招标需求后重新确认",
                   "五（一）", "tender_confirmed", "fail"),
        Transition("acceptance", "acceptance", "fail", "验收不合格：不得投入使用，整改后重新验收", "五（五）", "accepted", "fail"),
        Transition("operation", "operation", "fail", "运维安全检查发现重大安全漏洞或运维保障不到位：立即整改", "六（一）",
                   "security_check", "fail"),
    ),
    coverage=COVERAGE,
    sample_doc_no="拱数函〔2026〕12号",
    funding_types=FUNDING_TYPES,
    bodies=(change.BODIES, ACCEPTANCE_BODIES),
)

__all__ = ["PACK"]
