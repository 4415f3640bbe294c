"""The layout of every built-in form, as the regulations' annexes print them; `build.py` turns them into .docx.

Each layout is a function of a `Sheet` named `<jurisdiction>_<form id>`; it writes the static text of the annex
and Jinja tags for the project's data (see docs/render.md for the context and the filters box / radio / pen /
pendate / tick). Outline documents (YB 附件2, JL 附件1–3, XC and GS reports) are laid out from the outline
declarations in `govproj/forms/<jurisdiction>.py`, so the headings and the guidance exist in one place only.
"""
from __future__ import annotations

from typing import Callable

from govproj.forms.common import Chapter
from docxkit import EMPTY, B, H, L, P, Sheet, V, box, filled, radio, signature

TARGETS = ("社会公众和企业", "政府单位", "机关工作人员", "事业单位", "其他")
LABEL, VALUE = 30, 126  # mm: label and value columns of the two-column forms (版心 156 mm)


def targets(expr: str, other: str = "") -> tuple[P, P]:
    """服务对象 as the annex prints it, on two lines so that no box is parted from its words:
    □社会公众和企业 □政府单位 □机关工作人员 / □事业单位 □其他（…）."""
    first = (box(expr, TARGETS[0]), "　", box(expr, TARGETS[1]), "　", box(expr, TARGETS[2]))
    second = (box(expr, TARGETS[3]), "　", box(expr, TARGETS[4]),
              f"{{% if {other} %}}（{{{{ {other} }}}}）{{% endif %}}" if other else "")
    return P(*first), P(*second)


def sign_row(grid, title: str, prefix: str) -> None:
    """A full-width opinion row: "XX意见：…", room for the pen, "签字：… 日期：…" at the right."""
    grid.row(V(P(f"{title}：{{{{ {prefix}.opinion }}}}"), P(""), P(*signature(prefix), align="right"),
               span=2, valign="top"), height_mm=25, keep=True)


# ---- 北京市 -------------------------------------------------------------------------------------------------------

def bj_needs(s: Sheet) -> None:
    s.annex("附件1")
    s.title()
    g = s.table([LABEL, VALUE])
    g.row(L("项目名称"), V("{{ project.name }}"), height_mm=12)
    g.row(L("服务对象"), V(*targets("needs.service_targets", "needs.service_targets_other")), height_mm=12)
    first = g.row(L("应用\n现状"),
                  V(P("是否已有应用系统：", radio("needs.existing_system", "true", "有"), "　　",
                      radio("needs.existing_system", "false", "无")),
                    P("是否有历史数据：", radio("needs.historical_data", "true", "有"), "　　",
                      radio("needs.historical_data", "false", "无"))))
    last = g.row(EMPTY, V(P(*filled("needs.current_state", "内容包括：已有系统概述、应用情况、数据资源情况等，可另附说明。")),
                          valign="top"), height_mm=25)
    g.merge_down(0, first, last)
    g.row(L("项目需求\n描述"), V(P(*filled(
        "needs.description", "内容包括：新建或改造的背景、依据、预期目标、业务需求描述（业务范围、业务流程等）、功能和网络安全"
        "需求描述、数据需求描述（业务量、用户量、数据获取方式、数据共享方式等）、与其他系统的关系、历史数据的处理方式等，"
        "可另附说明。")), valign="top"), height_mm=50)
    sign_row(g, "业务部门负责人意见", "needs.signoffs.business_head")
    sign_row(g, "业务主管领导意见", "needs.signoffs.business_leader")


def bj_platforms(s: Sheet) -> None:
    """附件2 as the annex prints it: 序号、市级共性平台名称、联系方式 (the unit, then "联系电话：…" on a line of its own);
    the last column is govproj's own, marked as such. Compact, so that the 22 rows and the notes fit on one page."""
    s.annex("附件2")
    s.title("市级共性平台列表")
    s.add(P("项目名称：{{ project.name }}", style="GovSmall", align="left"))
    g = s.table([10, 78, 50, 18], style="GovList")
    g.row(L("序号"), L("市级共性平台名称"), L("联系方式"), L("本项目\n使用※"), header=True)
    g.loop("for p in platform_rows")
    g.row(V("{{ p.no }}"), V("{{ p.name }}", align="left"),
          V("{{ p.contact }}", align="left"),
          V("{{ p.used|tick }}"))
    g.loop("endfor")
    s.add(P("※ “本项目使用”一栏不是附件2原有内容，由 govproj 增加：标■的为本项目使用的平台，共 {{ platforms_used_count }} 个"
            "{% if other_platforms %}；另填写了不在列表中的平台：{{ other_platforms }}{% endif %}"
            "{% if internal_platforms %}；使用的单位内部共性平台：{{ internal_platforms }}{% endif %}。",
            style="GovSmall", align="left"))


def _duty(g, label: str, section: str, verb: str, hint: str, columns: str) -> None:
    """信息资源共享 / 开放: ○是 ○否, then the list, or the basis and reason for not providing."""
    expr = f"sharing.{section}"
    first = g.row(L(label), V(P(f"是否提供信息资源{verb}：", radio(f"{expr}.provided", "true", "是"), "　　　　",
                                radio(f"{expr}.provided", "false", "否"))))
    last = g.row(EMPTY, V(
        P(f"{{%p if {expr}.provided %}}"),
        P(f"可{verb}的信息资源清单（{columns}）："),
        P(f"{{%p for it in {expr}['items'] %}}"),
        P("（{{ loop.index }}）{{ it.name }}：{{ it.content }}；范围：{{ it.scope }}；频率：{{ it.frequency }}"
          "{% if it.manner %}；方式：{{ it.manner }}{% endif %}"),
        P("{%p endfor %}"),
        P(f"{{%p elif {expr}.provided is sameas false %}}"),
        P(f"不能提供{verb}的依据：{{{{ {expr}.basis }}}}"),
        P(f"理由：{{{{ {expr}.reason }}}}"),
        P("{%p else %}"),
        P(H(hint)),
        P("{%p endif %}"),
        valign="top"), height_mm=30)
    g.merge_down(0, first, last)


def bj_sharing(s: Sheet) -> None:
    s.annex("附件3")
    s.title()
    g = s.table([26, 130])
    g.row(L("项目名称"), V("{{ project.name }}"), height_mm=12)
    first = g.row(L("信息\n资源\n建设"), V(P("是否涉及信息资源建设：", radio("sharing.resource_building", "true", "是"),
                                             "　　　　", radio("sharing.resource_building", "false", "否"))))
    sources = []
    for option in ("其他部门", "本部门", "全市共性平台及基础库", "其他"):
        sources += [box("sharing.sources", option), " "]
    g.row(EMPTY, V(P("信息资源来源："), P(*sources[:-1])))
    last = g.row(EMPTY, V(
        P("具体说明：", *filled("sharing.description",
                              "重点描述信息资源（数据库）名称、数据内容、数据来源及方式、保障机制等。")),
        P("{%p for r in sharing.resources %}"),
        P("（{{ loop.index }}）{{ r.name }}：{{ r.content }}；来源：{{ r.source }}"
          "{% if r.provider %}，提供单位：{{ r.provider }}{% endif %}"
          "{% if r.confirmation.doc_no %}（{{ r.confirmation.type }}{{ r.confirmation.doc_no }}）{% endif %}"),
        P("{%p endfor %}"),
        valign="top"), height_mm=30)
    g.merge_down(0, first, last)
    _duty(g, "信息\n资源\n共享", "sharing", "共享",
          "明确可共享的信息资源清单等内容，包括数据名称、数据具体内容、共享范围、共享频率等。不能提供共享的要说明依据和理由。",
          "数据名称、数据具体内容、共享范围、共享频率")
    _duty(g, "信息\n资源\n开放", "opening", "开放",
          "明确可开放的信息资源清单、共享开放范围、共享开放频率、共享开放方式等内容。不能提供开放的要说明依据和理由。",
          "数据名称、数据具体内容、开放范围、开放频率、开放方式")


def bj_construction(s: Sheet) -> None:
    s.annex("附件4")
    s.title()
    g = s.table([LABEL, VALUE])
    g.row(L("项目名称"), V("{{ project.name }}"), height_mm=12)
    g.row(L("涉及的\n主要业务"), V("{{ construction.business }}"), height_mm=14)
    g.row(L("服务对象"), V(*targets("construction.service_targets")),
          height_mm=12)
    g.row(L("项目需求\n细化描述"), V(P(*filled(
        "construction.refined_needs", "内容包括：新建或改造的背景、依据、预期目标、业务需求描述（业务范围、业务流程图等）、"
        "功能和网络安全需求描述、数据需求描述（业务量、用户量、数据获取方式、数据共享方式等）、与其他系统的关系、"
        "历史数据的处理方式等。")), valign="top"), height_mm=35)
    g.row(L("项目\n建设内容"), V(P(*filled(
        "construction.content", "内容包括：系统概述、应用情况、数据资源情况、网络安全防护等。")), valign="top"), height_mm=30)
    sign_row(g, "业务主管部门意见", "construction.signoffs.business_dept")
    sign_row(g, "信息化主管部门意见", "construction.signoffs.it_dept")
    sign_row(g, "信息化工作主管领导意见", "construction.signoffs.it_leader")


# ---- 重庆市渝北区 ---------------------------------------------------------------------------------------------------

def yb_declaration(s: Sheet) -> None:
    s.annex("附件1")
    s.title()
    s.add(P("填报单位（盖章）：{{ project.unit }}\t填报时间：{{ project.documents.declaration_form.date|pendate }}",
            style="GovSmall", align="left"))
    g = s.table([26, 26, 26, 26, 26, 26], style="GovSmall")
    left = dict(align="left")
    g.row(L("申报单位"), V("{{ project.unit }}", span=2, **left), L("项目名称"), V("{{ project.name }}", span=2, **left),
          height_mm=12)
    g.row(L("联 系 人"), V("{{ contact.name }}", span=2, **left), L("联系电话"), V("{{ contact.phone }}", span=2, **left),
          height_mm=10)
    g.row(L("项目周期"), V("{{ project.period.start|penmonth }}　至　{{ project.period.end|penmonth }}", span=5, **left),
          height_mm=10)
    g.row(L("项目类别"), V(P(box("kind_label", "建设类")), P(box("kind_label", "运维类")), span=2, align="left"),
          L("采购类别"), V(*(P(box("project.procurement_types", t)) for t in ("工程类", "服务类", "货物类")), span=2,
                           align="left"), height_mm=16)
    first = g.row(L("资金预算"), L("合计\n（万元）"), L("中央财政\n资金"), L("市财政\n资金"), L("区财政\n资金"), L("自有资金"))
    last = g.row(EMPTY, V("{{ total }}"), V("{{ funding.central }}"), V("{{ funding.city }}"), V("{{ funding.district }}"),
                 V("{{ funding.own }}"), height_mm=10)
    g.merge_down(0, first, last)
    g.row(L("资金主要\n构成"), V("{{ composition_text }}", span=5, **left), height_mm=14)
    for label, expr in (("项目内容及功能", "needs.functions"), ("信息资源\n上云情况", "needs.cloud_status"),
                        ("信息资源\n共享情况", "needs.sharing_status"), ("单位信息化项目现状及整合情况", "needs.integration")):
        g.row(L(label), V("{{ %s }}" % expr, span=5, **left), height_mm=16)
    g.row(L("备    注"), V("{{ remarks_text }}", span=5, **left), height_mm=14)


# ---- 吉林省 -----------------------------------------------------------------------------------------------------

def jl_application(s: Sheet) -> None:
    from govproj.forms.jl import APPLICATION, APPLICATION_NOTES
    from govproj.packs.jl.data import PROJECT_TYPES

    s.annex("附件3")
    for _ in range(3):
        s.add(P(""))
    s.title("吉林省政务信息系统项目申报书")
    for _ in range(4):
        s.add(P(""))
    for label, expr in (("项目名称", "{{ project.name }}"), ("项目立项单位", "{{ project.unit }}（盖章）"),
                        ("项目负责人", "{{ leader.name }}"), ("项目联系人", "{{ contact.name }}"),
                        ("联系电话", "{{ contact.phone }}"), ("电子邮箱", "{{ contact.email }}"),
                        ("申报日期", "{{ project.documents.application.date|pendate }}")):
        s.add(P(f"{label}：{expr}", style="GovCover"))
    s.page_break()
    s.heading("填写说明", 1)
    for note in APPLICATION_NOTES:
        s.add(P(note, style="GovNote"))
    s.page_break()
    s.heading("一、项目基本情况", 1)
    g = s.table([34, 44, 34, 44], style="GovSmall")
    left = dict(align="left")
    g.row(L("项目名称"), V("{{ project.name }}", span=3, **left))
    g.row(L("项目编号"), V("{{ project.project_no }}", **left), L("预算年度"), V("{{ project.budget_year }}", **left))
    g.row(L("项目立项单位"), V("{{ project.unit }}", span=3, **left))
    g.row(L("项目负责人"), V("{{ leader.name }}", **left), L("项目联系人"), V("{{ contact.name }}", **left))
    g.row(L("联系电话"), V("{{ contact.phone }}", **left), L("电子邮箱"), V("{{ contact.email }}", **left))
    types = []
    for t in PROJECT_TYPES:
        types += [box("project.project_types", t), " "]
    g.row(L("项目类型"), V(*types[:-1], span=3, **left))
    g.row(L("建设方式"), V(box("kind_label", "统一建设"), " ", box("kind_label", "自行建设"), span=3, **left))
    g.row(L("总投资（万元）"), V("{{ total }}", **left), L("省级财政资金\n（万元）"), V("{{ provincial_funds }}", **left))
    g.row(L("资金来源"), V("{{ funding_text }}", span=3, **left))
    g.row(L("建设期"), V("{{ schedule_text }}", span=3, **left))
    g.row(L("跨层级、跨部门"), V("跨层级：{{ project.cross_level }}　跨部门：{{ project.cross_department }}"
                              "{% if project.lead_department %}　牵头部门：{{ project.lead_department }}{% endif %}", span=3,
                              **left))
    g.row(L("基础资源和技术\n服务需求"), V("{{ base_resources_text }}", span=3, **left))
    outline(s, APPLICATION, TABLES)


# ---- reports an article defines by content (西城区, 拱墅区) -----------------------------------------------------------

def report(s: Sheet, chapters: tuple[Chapter, ...], to: str, intro: str, date: str) -> None:
    """A report to the named offices: title, project, addressee, the chapters, the unit's seal and the date."""
    s.title()
    s.subtitle("{{ project.name }}")
    s.add(P(to, style="Normal"))
    s.add(P(intro))
    outline(s, chapters, TABLES)
    s.add(P(""))
    s.add(P("{{ project.unit|pen(10) }}（盖章）", align="right"))
    s.add(P(f"{{{{ {date}|pendate }}}}", align="right"))


def xc_midterm(s: Sheet) -> None:
    from govproj.forms.xc import MIDTERM

    report(s, MIDTERM, "区科技和信息化局、区财政局：",
           "根据《北京市西城区信息化项目管理办法》（西政发〔2022〕7号）第二十三条，现将"
           "{% if project.name %}{{ project.name }}{% else %}本项目{% endif %}的项目建设进度、"
           "数据资源建设、安全体系建设和预算执行等情况报告如下。", "reported.date")


def gs_monitoring(s: Sheet) -> None:
    from govproj.forms.gs import MONITORING

    report(s, MONITORING, "领导小组办公室、区财政局：",
           "根据《拱墅区信息化项目管理办法》五（四），现报送{% if project.name %}{{ project.name }}{% else %}本项目{% endif %}"
           "{% if latest_report.period %}{{ latest_report.period }}{% endif %}的绩效目标实现程度和预算执行进度"
           "“双监控”情况。", "latest_report.date")


def gs_resources(s: Sheet) -> None:
    s.title()
    g = s.table([30, 48, 30, 48], style="GovSmall")
    left = dict(align="left")
    g.row(L("项目名称"), V("{{ project.name }}", span=3, **left))
    g.row(L("项目建设单位"), V("{{ project.unit }}", span=3, **left))
    g.row(L("联系人"), V("{{ contact.name }}", **left), L("联系电话"), V("{{ contact.phone }}", **left))
    s.add(P(B("一、资源申请与分配"), style="GovCell"))
    a = s.table([9, 18, 51, 25, 25, 28], style="GovSmall")
    a.row(L("序号"), L("资源类型"), L("申请内容"), L("申请日期"), L("分配日期"), L("资源分配\n表编号"), header=True)
    a.loop("for r in allocations")
    a.row(V("{{ r.no }}"), V("{{ r.type }}"), V("{{ r.content }}", align="left"), V("{{ r.applied_on }}"),
          V("{{ r.allocated_on }}"), V("{{ r.doc_no }}"), height_mm=10)
    a.loop("endfor")
    s.add(P(B("二、上线前对接情况"), style="GovCell"))
    c = s.table([52, 26, 30, 48], style="GovSmall")
    c.row(L("对接项"), L("是否完成"), L("完成日期"), L("说明"), header=True)
    c.loop("for x in connections")
    c.row(V("{{ x.label }}", align="left"), V("{{ x.connected|radio(true) }}是 {{ x.connected|radio(false) }}否"),
          V("{{ x.date }}"), V("{{ x.note }}", align="left"))
    c.loop("endfor")
    s.add(P(""))
    s.add(P("申请单位（盖章）：{{ project.unit|pen(10) }}\t日期：　　　　年　　月　　日", style="GovCell", align="left"))
    s.add(P("依据：五（六）项目上线前需与基础服务完成对接、完成数据共享接口对接，不得系统与系统间直接对接；"
            "六（二）未接入区数据中枢的系统，不得上线运行。", style="GovCell"))


def listing(s: Sheet, heading: str, header: tuple[str, str], var: str, items: str) -> None:
    """A bold heading and a two-column table with a row per item (label, text)."""
    s.add(P(B(heading), style="GovCell"))
    g = s.table([44, 112], style="GovSmall")
    g.row(L(header[0]), L(header[1]), header=True)
    g.loop(f"for {var} in {items}")
    g.row(V(f"{{{{ {var}.label }}}}"), V(f"{{{{ {var}.text }}}}", align="left"))
    g.loop("endfor")


# ---- every jurisdiction ---------------------------------------------------------------------------------------------

def summary(s: Sheet) -> None:
    s.title()
    s.subtitle("{{ pack.name }} · {{ pack.doc or pack.title }}")
    g = s.table([26, 52, 26, 52], style="GovSmall")
    left = dict(align="left")
    g.row(L("项目名称"), V("{{ project.name }}", span=3, **left))
    g.row(L("项目编号"), V("{{ project.id }}", **left), L("预算年度"), V("{{ project.budget_year }}", **left))
    g.row(L("项目单位"), V("{{ project.unit }}", span=3, **left))
    g.row(L("项目类型"), V("{{ kind_label }}", **left), L("当前阶段"),
          V("{{ stage_label }}{% if stage_position %}（{{ stage_position }}）{% endif %}", **left))
    g.row(L("总投资"), V("{% if total is not none %}{{ total }} 万元{% endif %}", **left), L("重大项目"),
          V("{{ project.major }}", **left))
    g.row(L("资金来源"), V("{{ funding_text }}", span=3, **left))
    g.row(L("项目负责人"), V("{{ leader.name }}　{{ leader.phone }}", **left), L("联系人"),
          V("{{ contact.name }}　{{ contact.phone }}", **left))
    g.row(L("项目概述"), V("{{ project.summary }}", span=3, **left))
    g.row(L("立项依据"), V("{{ basis_text }}", span=3, **left))
    g.row(L("共性平台"), V("{{ platforms_text }}", span=3, **left))
    g.row(L("网络安全"), V("{{ security_text }}", span=3, **left))
    g.row(L("承建等单位"), V("{{ parties_text }}", span=3, **left))
    listing(s, "已记录的事件", ("事件", "日期、文号、主体、结论"), "ev", "events")
    listing(s, "材料", ("材料", "名称、文号、日期、签章"), "doc", "documents")
    s.loop("if changes_count")
    s.add(P("变更记录 {{ changes_count }} 条，详见 changes.yaml。", style="GovCell"))
    s.loop("endif")


# ---- outlines ---------------------------------------------------------------------------------------------------

def outline(s: Sheet, chapters: tuple[Chapter, ...], tables: dict[str, Callable[[Sheet], None]] | None = None) -> None:
    """Chapters and their headings; under each, the project's text or the outline's guidance in grey; a section of
    labelled lines keeps every label, filled or not."""
    tables = tables or {}
    for chapter in chapters:
        s.heading(chapter.title, 1)
        if chapter.fields:
            if chapter.guidance:
                s.add(P(H(chapter.guidance)))
            _fields(s, chapter.key, chapter.fields)
        elif chapter.key:
            s.add(P(*filled(f"outline.{chapter.key}", chapter.guidance or "（请编写本节内容）")))
        elif chapter.guidance:
            s.add(P(H(chapter.guidance)))
        if chapter.table:
            tables[chapter.table](s)
        if chapter.note:
            s.add(P(H(chapter.note)))
        for item in chapter.items:
            s.heading(item.title, 2)
            if item.fields:
                _fields(s, item.key, item.fields)
            else:
                s.add(P(*filled(f"outline.{item.key}", item.guidance or f"（请编写：{_topic(item.title)}）")))
            if item.table:
                tables[item.table](s)
            if item.note:
                s.add(P(H(item.note)))


def _fields(s: Sheet, key: str, fields) -> None:
    """"标签：值" per field; an empty value leaves the label (and the guidance in grey) for the pen."""
    for n, field in enumerate(fields, 1):
        expr = f"outline.{key}_{n}"
        if field.guidance:
            s.add(P(f"{field.label}：", *filled(expr, field.guidance), align="left"))
        else:
            s.add(P(f"{field.label}：{{{{ {expr} }}}}", align="left"))


def _topic(title: str) -> str:
    """"1. 项目名称" / "（一）项目名称" → "项目名称"."""
    import re

    return re.sub(r"^(\d+\.\s*|（[一二三四五六七八九十]+）)", "", title)


def budget_table(s: Sheet) -> None:
    """The budget lines (名称、类别、金额), their total and the sources, all in 万元."""
    g = s.table([14, 70, 30, 42], style="GovSmall")
    g.row(L("序号"), L("名称"), L("类别"), L("金额（万元）"), header=True)
    g.loop("for line in budget_lines")
    g.row(V("{{ line.no }}"), V("{{ line.name }}{% if line.note %}（{{ line.note }}）{% endif %}", align="left"),
          V("{{ line.category }}"), V("{{ line.amount }}", align="right"))
    g.loop("endfor")
    g.loop("if not budget_lines")
    for _ in range(3):  # blank rows to write in
        g.row(V(""), V(""), V(""), V(""), height_mm=8)
    g.loop("endif")
    g.row(L("合计", span=3), V("{{ total }}", align="right"))
    s.add(P("资金来源：{{ funding_text }}", style="GovNote"))


TABLES: dict[str, Callable[[Sheet], None]] = {"budget": budget_table}

LAYOUTS: dict[tuple[str, str], Callable[[Sheet], None]] = {
    ("xc", "midterm"): xc_midterm,
    ("gs", "monitoring"): gs_monitoring,
    ("gs", "resources"): gs_resources,
    ("jl", "application"): jl_application,
    ("yb", "declaration"): yb_declaration,
    ("bj", "needs"): bj_needs,
    ("bj", "platforms"): bj_platforms,
    ("bj", "sharing"): bj_sharing,
    ("bj", "construction"): bj_construction,
}


def layout_for(form) -> Callable[[Sheet], None]:
    """The layout of a declared form: its own, the summary, or its outline (with the annex number and title)."""
    if (form.jurisdiction, form.id) in LAYOUTS:
        return LAYOUTS[(form.jurisdiction, form.id)]
    if form.id == "summary":
        return summary
    if form.outline:
        def outline_document(s: Sheet) -> None:
            s.annex(form.annex)
            s.title()
            s.subtitle("{{ project.name }}")
            outline(s, form.outline, TABLES)
        return outline_document
    raise KeyError(f"no layout for {form.jurisdiction}/{form.id}")
