"""`govproj render`: the engine (lookup, safe filling, reproducible files, hand-edit protection, lint, typography)
and every Beijing form, reopened with python-docx and read cell by cell."""
from __future__ import annotations

import copy
import io
import os
import subprocess
import sys
import re
import zipfile
from pathlib import Path

import pytest

from casebuild import build_project

docx = pytest.importorskip("docx")

BJ_FORMS = ["附件1-信息化项目需求确认表.docx", "附件2-市级共性平台列表.docx", "附件3-信息资源共享开放情况表.docx",
            "附件4-信息化项目建设内容确认表.docx", "项目概要.docx"]

HOSTILE = ("A&B <w:p>断开</w:p> \"双引号\" '单引号' {{ 7*7 }} {% if true %}X{% endif %} {_{ y }_} {#c#} ]]> &amp;\n"
           "第二行\t制表\n𠀀𪚥䶵 ㊣ 🙂 é ñ ‮RTL\u3000全角空格")


def cells(table) -> list[list[str]]:
    """Each row's distinct cells (a merged cell counted once), text with paragraphs joined by newlines."""
    out = []
    for row in table.rows:
        seen, texts = set(), []
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            texts.append(cell.text)
        out.append(texts)
    return out


def open_docx(path: Path):
    return docx.Document(str(path))


@pytest.fixture
def bj(example):
    return example("bj", "upgrade")


# ---- every Beijing form -----------------------------------------------------------------------------------------

def test_render_all_beijing_forms(run, bj):
    code, out, err = run("render", str(bj))
    assert code == 0, err
    for name in BJ_FORMS:
        assert f"新建  {name}" in out
        assert (bj / "forms" / name).is_file()
    assert (bj / "forms" / ".govproj-forms.json").is_file()


def test_needs_form_cells(run, bj):
    run("render", str(bj), "--form", "needs")
    doc = open_docx(bj / "forms" / BJ_FORMS[0])
    assert [p.text for p in doc.paragraphs][:2] == ["附件1", "信息化项目需求确认表"]
    (table,) = doc.tables
    rows = cells(table)
    assert len(rows) == 7
    assert rows[0] == ["项目名称", "市规划和自然资源委政务地理信息服务平台升级改造项目"]
    assert rows[1][0] == "服务对象"
    assert rows[1][1] == "□社会公众和企业　■政府单位　■机关工作人员\n□事业单位　□其他"
    assert rows[2][0] == "应用\n现状"
    assert rows[2][1] == "是否已有应用系统：●有　　○无\n是否有历史数据：●有　　○无"
    assert rows[3][1].startswith("一期平台2024年建成")
    assert "\n地名地址库存量约320万条" in rows[3][1]  # a YAML line break becomes a paragraph
    assert rows[4][1].startswith("背景：城市更新和规划审批需要三维场景和实时地名地址。")
    assert rows[5][0].startswith("业务部门负责人意见：同意")
    assert rows[5][0].endswith("签字：刘海涛　　日期：2026年6月22日")
    assert rows[6][0].endswith("签字：孙卫东　　日期：2026年6月25日")


def test_signature_and_date_stay_blank_for_the_pen(run, tmp_path):
    folder = tmp_path / "p"
    build_project({"base": "bj/upgrade", "delete": {"needs.yaml": ["signoffs"]},
                   "set": {"needs.yaml": {"existing_system": None, "service_targets": []}}}, folder)
    code, _, err = run("render", str(folder), "--form", "附件1")
    assert code == 0, err
    rows = cells(open_docx(folder / "forms" / BJ_FORMS[0]).tables[0])
    assert rows[5][0] == "业务部门负责人意见：\n\n签字：" + "　" * 7 + "　　日期：　　　　年　　月　　日"
    assert rows[2][1].startswith("是否已有应用系统：○有　　○无")
    assert "■" not in rows[1][1]


def test_guidance_shows_where_the_project_has_no_text(run, tmp_path):
    folder = tmp_path / "p"
    build_project({"base": "bj/upgrade", "delete": {"needs.yaml": ["current_state", "description"]}}, folder)
    run("render", str(folder), "--form", "needs")
    doc = open_docx(folder / "forms" / BJ_FORMS[0])
    rows = cells(doc.tables[0])
    assert rows[3][1] == "内容包括：已有系统概述、应用情况、数据资源情况等，可另附说明。"
    (run_,) = [r for r in doc.tables[0].rows[3].cells[1].paragraphs[0].runs if r.text]
    assert run_.style.name == "提示文字"  # grey guidance, not data


def test_platforms_form_marks_the_platforms_used(run, bj):
    run("render", str(bj), "--form", "platforms")
    doc = open_docx(bj / "forms" / BJ_FORMS[1])
    rows = cells(doc.tables[0])
    assert rows[0] == ["序号", "市级共性平台名称", "联系方式", "本项目\n使用※"]
    assert doc.paragraphs[1].text == "市级共性平台列表"  # the annex's own title
    assert len(rows) == 23
    used = {r[1] for r in rows[1:] if r[3] == "■"}
    assert used == {"市级政务云", "市政务信息资源共享交换平台", "市政务地理空间信息共享服务平台（政务外网、互联网、京津冀）"}
    assert rows[15] == ["15", "市级政务云", "市公共信息服务中心\n联系电话：89158303", "■"]
    assert rows[4][1].startswith("首都之窗政务网站共性平台（网上调查平台、")
    note = next(p.text for p in doc.paragraphs if p.text.startswith("※"))
    assert "不是附件2原有内容" in note and "共 3 个" in note


def test_sharing_form_lists_and_reasons(run, example):
    upgrade, new = example("bj", "upgrade", "u"), example("bj", "new", "n")
    run("render", str(upgrade), "--form", "附件3")
    run("render", str(new), "--form", "信息资源共享开放情况表")
    rows = cells(open_docx(upgrade / "forms" / BJ_FORMS[2]).tables[0])
    assert len(rows) == 8
    assert rows[1] == ["信息\n资源\n建设", "是否涉及信息资源建设：●是　　　　○否"]
    assert rows[2][1] == "信息资源来源：\n■其他部门 ■本部门 □全市共性平台及基础库 □其他"
    assert "（2）行政区划数据：区、街道、社区边界；来源：其他部门，提供单位：北京市民政局（函件京民函〔2026〕77号）" in rows[3][1]
    assert rows[4][1] == "是否提供信息资源共享：●是　　　　○否"
    assert "（1）地名地址数据：标准地名、地址、坐标；范围：全市政务部门；频率：每日；方式：共享交换平台接口" in rows[5][1]
    rows = cells(open_docx(new / "forms" / BJ_FORMS[2]).tables[0])
    assert rows[6][1] == "是否提供信息资源开放：○是　　　　●否"
    assert rows[7][1] == ("不能提供开放的依据：《北京市公共数据管理办法》第十九条\n"
                          "理由：知识条目含内部处理口径，不宜向社会开放；办事指南已通过首都之窗公开")


def test_construction_form(run, example):
    new = example("bj", "new", "n")
    run("render", str(new), "--form", "construction")
    rows = cells(open_docx(new / "forms" / BJ_FORMS[3]).tables[0])
    assert len(rows) == 8
    assert rows[1] == ["涉及的\n主要业务", "热线知识采编、审核、检索和过期提醒"]
    assert rows[2][1].startswith("□社会公众和企业　□政府单位　■机关工作人员")
    assert rows[4][1] == "知识库应用系统一套，部署于市级政务云；数据迁移4.6万条；等保二级防护。"
    assert rows[7][0].startswith("信息化工作主管领导意见：同意")
    assert rows[7][0].endswith("签字：许志刚　　日期：2026年8月6日")


def test_summary(run, bj):
    run("render", str(bj), "--form", "summary")
    doc = open_docx(bj / "forms" / BJ_FORMS[4])
    main, events, documents = doc.tables
    rows = {r[0]: r[1:] for r in cells(main)}
    assert rows["项目编号"] == ["bj-2027-gis-upgrade", "预算年度", "2027"]
    assert rows["总投资"] == ["486.50 万元", "重大项目", "否"]
    assert rows["项目类型"] == ["升级改造", "当前阶段", "前置评审（第4步，共9步）"]
    assert rows["资金来源"] == ["市级财政资金 486.50万元"]
    event_rows = cells(events)
    assert event_rows[0] == ["事件", "日期、文号、主体、结论"]
    assert ["前置评审意见函", "2026年8月14日，京经信审〔2026〕156号，通过"] in event_rows
    assert len(event_rows) == 1 + 5  # recorded events only, not the blank keys of the scaffold
    assert ["申报函", "《关于申报政务地理信息服务平台升级改造项目的函》，京规自函〔2026〕1203号，已盖章"] in cells(documents)


# ---- user text is data ------------------------------------------------------------------------------------------

def test_hostile_text_appears_literally(run, tmp_path):
    folder = tmp_path / "p"
    long_text = "很长的文字" * 4000
    build_project({"base": "bj/upgrade", "set": {
        "project.yaml": {"name": HOSTILE.replace("\n", " ")},
        "needs.yaml": {"current_state": HOSTILE, "description": long_text,
                       "signoffs.business_head.opinion": "同意 <b>&</b>\x01\x1b"}}}, folder)
    code, _, err = run("render", str(folder))
    assert code == 0, err
    for name in BJ_FORMS:
        with zipfile.ZipFile(folder / "forms" / name) as z:
            assert z.testzip() is None
        open_docx(folder / "forms" / name)  # every produced file opens
    rows = cells(open_docx(folder / "forms" / BJ_FORMS[0]).tables[0])
    assert rows[0][1] == HOSTILE.replace("\n", " ")
    assert rows[3][1] == HOSTILE  # every character, newlines as paragraph breaks; nothing evaluated
    assert "49" not in rows[3][1]
    assert rows[4][1] == long_text
    assert rows[5][0].startswith("业务部门负责人意见：同意 <b>&</b>\n")  # control characters dropped
    summary = cells(open_docx(folder / "forms" / BJ_FORMS[4]).tables[0])
    assert summary[0][1] == HOSTILE.replace("\n", " ")


def test_hostile_text_in_core_properties(run, tmp_path):
    folder = tmp_path / "p"
    build_project({"base": "bj/upgrade", "set": {"project.yaml": {"name": "<x>&\"名\"", "unit": "单位&<>"}}}, folder)
    run("render", str(folder), "--form", "needs")
    props = open_docx(folder / "forms" / BJ_FORMS[0]).core_properties
    assert props.subject == "<x>&\"名\""
    assert props.author == "单位&<>"
    assert props.title == "信息化项目需求确认表"


# ---- reproducible and protected ---------------------------------------------------------------------------------

def test_rerender_is_byte_identical(run, bj, tmp_path, monkeypatch):
    run("render", str(bj), "--out", "a")
    first = {n: (tmp_path / "a" / n).read_bytes() for n in BJ_FORMS}
    run("render", str(bj), "--out", "b")
    for name in BJ_FORMS:
        assert (tmp_path / "b" / name).read_bytes() == first[name], name
    code, out, _ = run("render", str(bj), "--out", "a")
    assert code == 0 and out.count("未变化") == len(BJ_FORMS)
    with zipfile.ZipFile(io.BytesIO(first[BJ_FORMS[0]])) as z:
        names = z.namelist()
        assert names[:2] == ["[Content_Types].xml", "_rels/.rels"] and names[2:] == sorted(names[2:])
        assert {info.date_time for info in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = z.read("docProps/core.xml").decode()
    assert "2000-01-01T00:00:00Z" in core
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    run("render", str(bj), "--out", "c", "--form", "needs")
    with zipfile.ZipFile(tmp_path / "c" / BJ_FORMS[0]) as z:
        assert "2026-01-01T00:00:00Z" in z.read("docProps/core.xml").decode()


def test_refuses_to_overwrite_a_hand_edited_file(run, bj):
    run("render", str(bj))
    target = bj / "forms" / BJ_FORMS[0]
    doc = open_docx(target)
    doc.add_paragraph("手工补充的说明")
    doc.save(str(target))
    edited = target.read_bytes()
    other = (bj / "forms" / BJ_FORMS[1]).read_bytes()
    code, out, err = run("render", str(bj))
    assert code == 2
    assert "手工修改" in err and BJ_FORMS[0] in err and "--force" in err
    assert target.read_bytes() == edited
    code, out, err = run("render", str(bj), "--force")
    assert code == 0, err
    assert f"更新  {BJ_FORMS[0]}" in out
    assert target.read_bytes() != edited
    assert (bj / "forms" / BJ_FORMS[1]).read_bytes() == other


def test_refuses_a_file_govproj_did_not_write(run, bj):
    (bj / "forms").mkdir()
    (bj / "forms" / BJ_FORMS[0]).write_bytes(b"someone else's file")
    code, _, err = run("render", str(bj), "--form", "needs")
    assert code == 2 and "不是 govproj 生成的" in err and "手工修改" not in err
    assert (bj / "forms" / BJ_FORMS[0]).read_bytes() == b"someone else's file"


def test_project_changes_update_the_form(run, tmp_path):
    folder = tmp_path / "p"
    build_project({"base": "bj/upgrade"}, folder)
    run("render", str(folder), "--form", "needs")
    build_project({"base": "bj/upgrade", "set": {"needs.yaml": {"current_state": "改过的现状"}}}, folder)
    code, out, err = run("render", str(folder), "--form", "needs")
    assert code == 0, err
    assert f"更新  {BJ_FORMS[0]}" in out
    assert cells(open_docx(folder / "forms" / BJ_FORMS[0]).tables[0])[3][1] == "改过的现状"


def test_check_does_not_look_inside_forms(run, bj, tmp_path):
    code_before, out_before, _ = run("check", ".", "--format", "json", "--today", "2026-11-25")
    run("render", str(bj))
    (bj / "forms" / "project.yaml").write_text("jurisdiction: nowhere\n", encoding="utf-8")
    code_after, out_after, _ = run("check", ".", "--format", "json", "--today", "2026-11-25")
    assert (code_after, out_after) == (code_before, out_before)


def test_check_path_imports_nothing_of_render(tmp_path, run, bj):
    script = ("import sys\nfrom govproj.cli import main\nmain(['check', sys.argv[1], '--format', 'json'])\n"
              "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('docx', 'docxtpl', 'jinja2', 'lxml')"
              " or m.startswith(('govproj.edges.render', 'govproj.forms', 'govproj.templates')))\n"
              "sys.stderr.write('HEAVY=' + ','.join(heavy))\n")
    result = subprocess.run([sys.executable, "-c", script, str(bj)], capture_output=True, text=True,
                            env={**os.environ, "GOVPROJ_NO_CACHE": "1"})
    assert "HEAVY=" in result.stderr
    assert result.stderr.rsplit("HEAVY=", 1)[1].strip() == ""


# ---- selection, listing, templates ------------------------------------------------------------------------------

def test_list_names_every_form_and_its_article(run):
    code, out, _ = run("render", "--list", "--jurisdiction", "bj")
    assert code == 0
    for line in ("needs", "附件1 信息化项目需求确认表（依据：第4条）", "附件2 市级共性平台列表（依据：第7条）",
                 "附件3 信息资源共享开放情况表（依据：第8条）", "附件4 信息化项目建设内容确认表（依据：第18条）", "项目概要"):
        assert line in out
    code, out, _ = run("render", "--list")
    assert code == 0 and all(f"{j}  " in out for j in ("bj", "xc", "yb", "jl", "gs"))
    code, _, err = run("render", "--list", "--jurisdiction", "bjj")
    assert code == 2 and "bj" in err


def test_unknown_form_is_a_usage_error(run, bj):
    code, _, err = run("render", str(bj), "--form", "need")
    assert code == 2
    assert "没有表单“need”" in err and "needs" in err
    assert not (bj / "forms").exists()


def test_not_a_project(run, tmp_path):
    (tmp_path / "empty").mkdir()
    code, _, err = run("render", "empty")
    assert code == 2 and "没有找到项目" in err


def test_project_template_overrides_the_builtin_one(run, bj):
    from govproj.edges.render import BUILTIN

    (bj / "templates").mkdir()
    doc = open_docx(BUILTIN / "bj" / "needs.docx")
    doc.add_paragraph("本单位补充：{{ project.unit }}")
    doc.save(str(bj / "templates" / "needs.docx"))
    code, out, err = run("render", str(bj), "--form", "needs")
    assert code == 0, err
    texts = [p.text for p in open_docx(bj / "forms" / BJ_FORMS[0]).paragraphs]
    assert "本单位补充：北京市规划和自然资源委员会" in texts


def test_repository_templates_and_their_precedence(run, example, tmp_path):
    from govproj.edges.render import BUILTIN

    (tmp_path / ".git").mkdir()  # the repository root: lookup stops here
    folder = example("bj", "upgrade", "projects/u")
    repo = tmp_path / ".govproj" / "templates" / "bj"
    repo.mkdir(parents=True)
    for where, words in ((repo, "仓库模板"), (folder / "templates", "项目模板")):
        where.mkdir(parents=True, exist_ok=True)
        doc = open_docx(BUILTIN / "bj" / "summary.docx")
        doc.add_paragraph(words)
        doc.save(str(where / "summary.docx"))
    run("render", str(folder), "--form", "summary")
    assert "项目模板" in [p.text for p in open_docx(folder / "forms" / "项目概要.docx").paragraphs]
    (folder / "templates" / "summary.docx").unlink()
    run("render", str(folder), "--form", "summary")
    assert "仓库模板" in [p.text for p in open_docx(folder / "forms" / "项目概要.docx").paragraphs]


def test_custom_form_from_templates_dir(run, bj, tmp_path):
    folder = tmp_path / "mine" / "bj"
    folder.mkdir(parents=True)
    doc = docx.Document()
    doc.add_paragraph("{{ project.name }}｜{{ total }}万元｜{{ project.events.declared.date }}｜"
                      "{{ needs.existing_system }}｜{{ project.platforms }}")
    doc.save(str(folder / "备忘.docx"))
    code, out, _ = run("render", "--list", str(bj), "--templates", "mine")
    assert "备忘" in out and "自定义表单" in out
    code, out, err = run("render", str(bj), "--templates", "mine", "--form", "备忘")
    assert code == 0, err
    text = open_docx(bj / "forms" / "备忘.docx").paragraphs[0].text
    assert text == ("市规划和自然资源委政务地理信息服务平台升级改造项目｜486.50万元｜2026年7月15日｜是｜"
                    "市级政务云、市政务信息资源共享交换平台、市政务地理空间信息共享服务平台")


def test_missing_templates_dir(run, bj):
    code, _, err = run("render", str(bj), "--templates", "nowhere")
    assert code == 2 and "nowhere" in err


def test_several_projects(run, example, tmp_path):
    example("bj", "upgrade", "all/u")
    example("bj", "new", "all/n")
    code, out, err = run("render", "all", "--out", "printed", "--form", "summary")
    assert code == 0, err
    assert (tmp_path / "printed" / "u" / "项目概要.docx").is_file()
    assert (tmp_path / "printed" / "n" / "项目概要.docx").is_file()


# ---- lint -------------------------------------------------------------------------------------------------------

def test_lint_builtin_templates_have_no_errors(run, example):
    for kind in ("upgrade", "new"):
        folder = example("bj", kind, kind)
        code, out, err = run("render", str(folder), "--lint")
        assert code == 0, out + err
        assert "错误" not in out


def test_lint_reports_what_the_project_does_not_provide(run, bj):
    (bj / "templates").mkdir()
    doc = docx.Document()
    doc.add_paragraph("开头")
    doc.add_paragraph("{{ needs.current_stat }} 与 {{ budjet.total }}")
    table = doc.add_table(rows=2, cols=2)
    table.cell(1, 1).text = "{{ needs.service_targets_other }}"
    table.cell(0, 1).text = "{% for r in sharing.resources %}{{ r.nmae }}{% endfor %}"
    doc.save(str(bj / "templates" / "检查.docx"))
    code, out, err = run("render", str(bj), "--lint", "--form", "检查")
    assert code == 1
    assert "needs.yaml 中没有字段“current_stat”" in out and "正文第2段" in out
    assert "项目数据中没有变量“budjet”，是不是“budget”？" in out
    assert "sharing.yaml 中没有字段“resources[].nmae”" in out and "表格1 第1行第2格" in out
    assert "提示  未填写：needs.yaml → service_targets_other（其他服务对象）" in out
    assert "表格1 第2行第2格" in out
    assert not (bj / "forms").exists()


def test_lint_reports_template_syntax_errors(run, bj):
    (bj / "templates").mkdir()
    doc = docx.Document()
    doc.add_paragraph("好")
    doc.add_paragraph("{% if project.name %}没有结束")
    doc.save(str(bj / "templates" / "坏.docx"))
    code, out, _ = run("render", str(bj), "--lint", "--form", "坏")
    assert code == 1 and "Jinja 语法错误" in out
    code, _, err = run("render", str(bj), "--form", "坏")
    assert code == 2 and "模板" in err and "--lint" in err


# ---- typography -------------------------------------------------------------------------------------------------

def test_typography(run, bj):
    run("render", str(bj), "--form", "needs")
    path = bj / "forms" / BJ_FORMS[0]
    doc = open_docx(path)
    section = doc.sections[0]
    def mm(length) -> float:
        return round(length.mm, 1)

    assert (mm(section.page_width), mm(section.page_height)) == (210, 297)
    assert [mm(m) for m in (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)] == [
        37, 35, 27, 25]
    assert section.page_width.twips - section.left_margin.twips - section.right_margin.twips == 28 * 320  # 28 字 of 3号
    with zipfile.ZipFile(path) as z:
        styles = z.read("word/styles.xml").decode()
        document = z.read("word/document.xml").decode()
        settings = z.read("word/settings.xml").decode()
        footers = [z.read(n).decode() for n in z.namelist() if n.startswith("word/footer")]
    assert "ja-JP" not in styles + settings and 'w:eastAsia="zh-CN"' in styles
    assert 'w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"' in settings
    assert "eastAsiaTheme" not in styles
    assert "<w:evenAndOddHeaders/>" in settings
    assert doc.styles["Title"].font.size.pt == 22
    assert 'w:eastAsia="方正小标宋简体"' in styles and 'w:eastAsia="仿宋"' in styles
    assert doc.paragraphs[0].text == "附件1" and 'w:eastAsia="黑体"' in doc.paragraphs[0].runs[0]._r.xml
    assert 'w:eastAsia="仿宋"' in document  # on the runs too, not only the styles
    assert len(footers) == 2
    # GB/T 9704 7.1: 22 lines of 28 characters, the body's exact line spacing on that pitch
    assert '<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="0"/>' in document
    assert 'w:line="579" w:lineRule="exact"' in styles
    for footer in footers:
        assert "— " in footer and " —" in footer and "PAGE" in footer and 'w:eastAsia="宋体"' in footer
        # one character (4号, 280 twips) in from the edge, in twips for LibreOffice and in characters for Word
        assert re.search(r'w:(right|left)="280"', footer) and re.search(r'w:(right|left)Chars="100"', footer)


def test_templates_are_current():
    import importlib.util
    spec = importlib.util.spec_from_file_location("build_templates", Path(__file__).resolve().parent.parent / "tools" / "build_templates.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)

    assert build.main(["--check"]) == 0, "run python tools/build_templates.py"


def test_templates_are_package_data():
    text = (Path(__file__).parent.parent / "pyproject.toml").read_text(encoding="utf-8")
    assert '"*.docx"' in text
    from govproj.edges.render import BUILTIN

    assert sorted(p.name for p in (BUILTIN / "bj").glob("*.docx")) == sorted(
        ["needs.docx", "platforms.docx", "sharing.docx", "construction.docx", "summary.docx"])


# ---- PDF --------------------------------------------------------------------------------------------------------

def test_pdf_without_libreoffice_says_so(tmp_path, run, bj):
    env = {k: v for k, v in os.environ.items() if k != "PATH"}
    env["PATH"] = str(tmp_path / "nothing")
    result = subprocess.run([sys.executable, "-m", "govproj", "render", str(bj), "--pdf"], capture_output=True,
                            text=True, env=env)
    if result.returncode == 0:  # pragma: no cover - LibreOffice at a fixed install path
        pytest.skip("LibreOffice found at its default install path")
    assert result.returncode == 2
    assert "没有找到 LibreOffice" in result.stderr and "去掉 --pdf" in result.stderr
    assert not (bj / "forms").exists()


def test_copy_of_context_is_not_mutated(bj):
    from govproj.forms import context, forms_for
    from govproj.core.project import load_project

    project = load_project(bj)
    before = copy.deepcopy(project.data)
    for form in forms_for("bj"):
        context(form, project)
    assert project.data == before


def test_new_ignores_render_output_so_the_tree_stays_clean(tmp_path, monkeypatch, capsys):
    from gitfixture import clean_git_env, commit_all, git, make_repo
    from govproj.cli import main

    clean_git_env(monkeypatch)
    repo = make_repo(tmp_path / "repo")
    monkeypatch.chdir(repo)
    assert main(["new", "p", "-j", "bj", "-k", "new", "--example"]) == 0
    out = capsys.readouterr().out
    assert "govproj render p" in out and "填写各 YAML 文件" not in out
    assert (repo / "p" / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "forms/"
    commit_all(repo, "新建项目")
    assert main(["render", "p"]) == 0
    assert list((repo / "p" / "forms").glob("*.docx"))
    assert git(repo, "status", "--porcelain") == ""  # the forms do not block the next advance
