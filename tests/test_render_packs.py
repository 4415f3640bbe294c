"""Every form of 渝北区, 吉林省, 西城区 and 拱墅区 rendered from the packs' own examples, reopened with python-docx and
read cell by cell; hostile text in each jurisdiction; the 200万 line of 吉林 第十二条; PDF through LibreOffice when
it is installed. A jurisdiction whose pack is not installed is skipped (and only then)."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from casebuild import build_project
from govproj.forms import forms_for
from govproj.packs import available, get_pack
from test_render import HOSTILE, cells, open_docx

pytest.importorskip("docx")

JURISDICTIONS = ("bj", "yb", "jl", "xc", "gs")


def need(pid: str) -> None:
    if pid not in available():  # pragma: no cover - every pack ships with govproj
        pytest.skip(f"pack {pid} is not installed")


def examples():
    for pid in JURISDICTIONS:
        if pid in available():
            for name in get_pack(pid).examples:
                yield pid, name


def render_all(run, pid: str, kind: str, name: str = "p") -> Path:
    code, out, err = run("new", name, "--jurisdiction", pid, "--kind", kind, "--example")
    assert code == 0, err
    folder = Path(name)
    ids = [f.id for f in forms_for(pid)]
    code, out, err = run("render", name, "--form", ",".join(ids))
    assert code == 0, err
    return folder


def headings(doc, level: int = 1) -> list[str]:
    return [p.text for p in doc.paragraphs if p.style.name == f"Heading {level}"]


def hints(doc) -> list[str]:
    return [r.text for p in doc.paragraphs for r in p.runs if r.style.name == "提示文字" and r.text]


# ---- every form of every example opens, has its title, and carries no Jinja ----------------------------------

@pytest.mark.parametrize("pid,kind", list(examples()), ids=[f"{p}-{k}" for p, k in examples()])
def test_every_form_of_every_example(run, tmp_path, pid, kind):
    folder = render_all(run, pid, kind)
    for form in forms_for(pid):
        doc = open_docx(tmp_path / folder / "forms" / form.filename)
        texts = [p.text for p in doc.paragraphs] + [c for t in doc.tables for row in cells(t) for c in row]
        joined = "\n".join(texts)
        assert form.title in joined or form.id == "platforms", form.id
        assert not re.search(r"\{[{%#]|[}%#]\}", joined), f"{form.id}: a template tag survived"
        if form.annex:
            assert doc.paragraphs[0].text == form.annex
    summary = cells(open_docx(tmp_path / folder / "forms" / "项目概要.docx").tables[0])
    project = get_pack(pid).examples[kind]()["files"]["project.yaml"]
    assert summary[0] == ["项目名称", project["name"]]
    assert summary[2] == ["项目单位", project["unit"]]


@pytest.mark.parametrize("pid", JURISDICTIONS)
def test_lint_of_builtin_templates_finds_no_errors(run, pid):
    need(pid)
    for kind in get_pack(pid).examples:
        run("new", kind, "--jurisdiction", pid, "--kind", kind, "--example")
        code, out, err = run("render", kind, "--lint")
        assert code == 0, out + err
        assert "  错误  " not in out


@pytest.mark.parametrize("pid", JURISDICTIONS)
def test_hostile_text_in_every_jurisdiction(run, tmp_path, pid):
    need(pid)
    kind = next(iter(get_pack(pid).examples))
    build_project({"base": f"{pid}/{kind}", "set": {"project.yaml": {"name": HOSTILE, "summary": HOSTILE}}},
                  tmp_path / "p")
    code, _, err = run("render", "p", *[arg for f in forms_for(pid) for arg in ("--form", f.id)])
    assert code == 0, err
    for form in forms_for(pid):
        doc = open_docx(tmp_path / "p" / "forms" / form.filename)
        everything = "\n".join([p.text for p in doc.paragraphs] + [c for t in doc.tables for r in cells(t) for c in r])
        assert "49" not in everything.replace("2049", "")
        if form.id == "summary":
            assert cells(doc.tables[0])[0][1] == HOSTILE


# ---- 重庆市渝北区 -------------------------------------------------------------------------------------------------

def test_yb_declaration_form(run, tmp_path):
    need("yb")
    render_all(run, "yb", "build")
    doc = open_docx(tmp_path / "p" / "forms" / "附件1-渝北区政务信息化项目需求申报表.docx")
    assert doc.paragraphs[2].text == "填报单位（盖章）：重庆市渝北区城市管理局\t填报时间：2026年3月13日"
    rows = cells(doc.tables[0])
    assert len(rows) == 12
    assert rows[0] == ["申报单位", "重庆市渝北区城市管理局", "项目名称", "渝北区智慧城管综合监管平台建设项目（一期）"]
    assert rows[1] == ["联 系 人", "何静", "联系电话", "023-67821456"]
    assert rows[2] == ["项目周期", "2026年6月　至　2026年12月"]
    assert rows[3] == ["项目类别", "■建设类\n□运维类", "采购类别", "□工程类\n■服务类\n■货物类"]
    assert rows[4] == ["资金预算", "合计\n（万元）", "中央财政\n资金", "市财政\n资金", "区财政\n资金", "自有资金"]
    assert rows[5] == ["资金预算", "344.40", "", "50.00", "294.40", ""]  # by source, 万元, blank where none
    assert rows[6][1].startswith("软件开发 168.00万元；硬件购置 96.50万元")
    assert rows[7][0] == "项目内容及功能" and rows[7][1].startswith("问题采集")
    assert rows[10][0] == "单位信息化项目现状及整合情况"
    assert rows[11] == ["备    注", "二期（2027年度）将覆盖11个镇，届时按第八条另行申报。"]


def test_yb_funding_columns_and_pen_blanks(run, tmp_path):
    need("yb")
    build_project({"base": "yb/om", "set": {
        "budget.yaml": {"sources": [{"source": "2027年中央补助", "type": "中央财政资金", "amount": "10.5"},
                                    {"source": "单位自有资金", "type": "自有资金", "amount": "6.30"},
                                    {"source": "社会捐赠", "type": "其他", "amount": "60"}]}},
        "delete": {"project.yaml": ["period", "documents"]}}, tmp_path / "p")
    code, out, err = run("render", "p")
    assert code == 0, err
    assert "跳过  附件2 渝北区政务信息化建设类项目需求说明：运维类项目不需要" in out
    doc = open_docx(tmp_path / "p" / "forms" / "附件1-渝北区政务信息化项目需求申报表.docx")
    rows = cells(doc.tables[0])
    assert rows[5] == ["资金预算", "76.80", "10.50", "", "", "6.30"]
    assert rows[3][1] == "□建设类\n■运维类"
    assert rows[2][1] == "　　　　年　　月　至　　　　　年　　月"
    assert doc.paragraphs[2].text.endswith("填报时间：　　　　年　　月　　日")
    assert rows[11][1].endswith("其他资金来源：社会捐赠 60.00万元")


def test_yb_requirements_outline(run, tmp_path):
    need("yb")
    render_all(run, "yb", "build")
    doc = open_docx(tmp_path / "p" / "forms" / "附件2-渝北区政务信息化建设类项目需求说明.docx")
    assert headings(doc) == ["第一章  项目概述", "第二章  单位现状", "第三章  需求分析", "第四章  建设方案",
                             "第五章  项目实施进度和组织安排", "第六章  项目风险及控制措施", "第七章  总投资详细估算和资金来源",
                             "第八章  经济和社会效益"]
    assert len(headings(doc, 2)) == 6 + 2 + 9 + 9 + 3 + 2
    texts = [p.text for p in doc.paragraphs]
    assert texts[texts.index("1. 项目名称") + 1] == "渝北区智慧城管综合监管平台建设项目（一期）"
    assert texts[texts.index("5. 功能需求分析") + 1].startswith("问题采集")
    assert "（单位职能、人员编制、业务情况、拟建项目与单位职能及业务的关系）" in hints(doc)  # guidance where no data
    assert "项目建设可能遇到的风险及针对性控制措施。" in hints(doc)
    (budget,) = doc.tables
    rows = cells(budget)
    assert rows[0] == ["序号", "名称", "类别", "金额（万元）"] and len(rows) == 1 + 6 + 1
    assert rows[-1] == ["合计", "344.40"]


# ---- 吉林省 -------------------------------------------------------------------------------------------------------

def test_jl_application(run, tmp_path):
    need("jl")
    render_all(run, "jl", "self")
    doc = open_docx(tmp_path / "p" / "forms" / "附件3-吉林省政务信息系统项目申报书.docx")
    texts = [p.text for p in doc.paragraphs]
    for line in ("项目名称：吉林省特种设备智慧监管平台建设项目", "项目立项单位：吉林省市场监督管理厅（盖章）", "项目负责人：赵振东",
                 "项目联系人：刘晓梅", "联系电话：0431-88906215", "电子邮箱：liuxm@example.gov.cn", "申报日期：2025年3月14日"):
        assert line in texts
    assert headings(doc) == ["填写说明", "一、项目基本情况", "二、项目简介", "三、项目建设的必要性及建设目标",
                             "四、项目建设需求分析", "五、项目建设方案", "六、项目初步设计概算", "七、项目实施计划", "八、信息安全"]
    info, budget = doc.tables
    rows = {r[0]: r[1:] for r in cells(info)}
    assert rows["项目类型"] == ["□硬件类 □软件类 □工程类 □服务类 ■信息系统类"]
    assert rows["建设方式"] == ["□统一建设 ■自行建设"]
    assert rows["总投资（万元）"] == ["386.50", "省级财政资金\n（万元）", "386.50"]
    assert cells(budget)[-1] == ["合计", "386.50"]
    assert "主要包括：概算编制说明；初步设计投资概算书（总概算、详细概算）；资金筹措及投资计划（已有上级拨付资金的需要列明）等。" \
        not in hints(doc)  # 六 is filled from the budget
    assert "主要包括网络拓扑图、软件主要功能业务流程图、或与外围其它设备的连接示意图。" in hints(doc)


def test_jl_outlines(run, tmp_path):
    need("jl")
    render_all(run, "jl", "self")
    feasibility = open_docx(tmp_path / "p" / "forms" / "附件1-吉林省政务信息系统建设项目可行性研究报告.docx")
    assert [h.split("  ")[0] for h in headings(feasibility)] == [f"第{n}章" for n in "一二三四五六七八九十"]
    assert "（十四）机房及配套工程建设方案" in headings(feasibility, 2)
    design = open_docx(tmp_path / "p" / "forms" / "附件2-吉林省政务信息系统建设项目初步设计方案和投资概算.docx")
    assert [h.split("  ")[0] for h in headings(design)] == [f"第{n}章" for n in "一二三四五六七八九"]
    assert "（十六）系统软硬件物理部署方案" in headings(design, 2)
    texts = [p.text for p in design.paragraphs]
    assert texts[texts.index("（一）项目名称") + 1] == "吉林省特种设备智慧监管平台建设项目"


@pytest.mark.parametrize("amount,needed", [("200.00", False), ("200.01", True)])
def test_jl_200_line_decides_the_feasibility_study(run, tmp_path, amount, needed):
    need("jl")
    build_project({"base": "jl/unified", "set": {"budget.yaml": {"total": amount, "lines": [
        {"name": "开发", "category": "软件开发", "amount": amount}], "sources": [{"source": "省级财政资金", "type": "省级财政资金", "amount": amount}]},
        "project.yaml": {"design_required": None}}}, tmp_path / "p")
    code, out, err = run("render", "p")
    assert code == 0, err
    produced = (tmp_path / "p" / "forms" / "附件1-吉林省政务信息系统建设项目可行性研究报告.docx").is_file()
    assert produced is needed
    if not needed:
        assert f"拟利用省级财政资金 {amount}万元，不超过200万元（含），可只编制项目申报书（第十二条）" in out
        assert "（需要时用 --form feasibility）" in out
    code, out, err = run("render", "p", "--form", "feasibility")
    assert code == 0 and (tmp_path / "p" / "forms" / "附件1-吉林省政务信息系统建设项目可行性研究报告.docx").is_file()


def test_jl_design_follows_the_approval(run, tmp_path):
    need("jl")
    render_all(run, "jl", "unified", "u")
    code, out, _ = run("render", "u", "--force")
    assert "跳过  附件2 吉林省政务信息系统建设项目初步设计方案和投资概算：立项批复未要求" in out


# ---- 北京市西城区 --------------------------------------------------------------------------------------------------

def test_xc_midterm_report(run, tmp_path):
    need("xc")
    render_all(run, "xc", "upgrade")
    doc = open_docx(tmp_path / "p" / "forms" / "信息化项目中期报告.docx")
    texts = [p.text for p in doc.paragraphs]
    assert texts[:3] == ["信息化项目中期报告", "西城区政务服务“一网通办”综合受理平台升级改造项目", "区科技和信息化局、区财政局："]
    assert headings(doc) == ["一、项目基本情况", "二、项目建设进度", "三、数据资源建设情况", "四、安全体系建设情况", "五、预算执行情况"]
    assert "审查意见函：2025年1月24日，西科信函〔2025〕15号" in texts
    assert any(t.startswith("入云、更新、上链、确权：已完成：入云（2025年9月25日完成）") for t in texts)
    assert "（写明截至报告日已支付金额、预算执行率，与计划的差异及原因）" in hints(doc)
    assert texts[-2:] == ["北京市西城区政务服务管理局（盖章）", "2025年7月15日"]
    assert cells(doc.tables[0])[-1] == ["合计", "268.50"]


# ---- 杭州市拱墅区 --------------------------------------------------------------------------------------------------

def test_gs_reports(run, tmp_path):
    need("gs")
    render_all(run, "gs", "upgrade")
    doc = open_docx(tmp_path / "p" / "forms" / "信息化项目绩效监控报告.docx")
    assert headings(doc) == ["一、项目基本情况", "二、绩效目标实现程度", "三、预算执行进度", "四、项目实施进度", "五、项目监理情况"]
    texts = [p.text for p in doc.paragraphs]
    assert texts[2] == "领导小组办公室、区财政局："
    assert any(t.startswith("绩效目标：《2026年度信息化项目绩效目标表（城市运行管理服务平台）》") for t in texts)
    doc = open_docx(tmp_path / "p" / "forms" / "信息化项目资源申请表.docx")
    info, allocations, connections = doc.tables
    assert cells(allocations)[1][:3] == ["1", "政务云", "云主机 8核32G 6台、对象存储 20TB"]
    rows = cells(connections)
    assert [r[0] for r in rows] == ["对接项", "区数据中枢", "基础服务（公共基础支撑平台）", "数据共享接口"]
    assert rows[1][1:] == ["○是 ●否", "", "计划2026年12月完成对接"]


# ---- PDF --------------------------------------------------------------------------------------------------------

PDF_FORMS = {"bj": ("upgrade", "needs", 1), "yb": ("build", "declaration", 1), "jl": ("self", "application", None),
             "xc": ("upgrade", "midterm", None), "gs": ("upgrade", "resources", 1)}


def pdf_pages(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", data))


@pytest.mark.skipif(shutil.which("soffice") is None and shutil.which("libreoffice") is None,
                    reason="LibreOffice (soffice) is not installed")
@pytest.mark.parametrize("pid", JURISDICTIONS)
def test_pdf_through_libreoffice(run, tmp_path, pid):
    need(pid)
    kind, form_id, pages = PDF_FORMS[pid]
    run("new", "p", "--jurisdiction", pid, "--kind", kind, "--example")
    code, out, err = run("render", "p", "--form", form_id, "--pdf")
    assert code == 0, err
    (form,) = [f for f in forms_for(pid) if f.id == form_id]
    pdf = tmp_path / "p" / "forms" / form.filename.replace(".docx", ".pdf")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    count = pdf_pages(data)
    if pages is not None:
        assert count == pages
    else:
        assert count >= 3  # a cover, the notes, the chapters
    assert f"新建  {pdf.name}" in out
