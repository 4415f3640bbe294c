"""The template sandbox refuses: unsafe accesses and template mistakes in a user's override stop the render, exit 2."""
from __future__ import annotations

import pytest

docx = pytest.importorskip("docx")


def _override(folder, text):
    from govproj.edges.render import BUILTIN

    (folder / "templates").mkdir(exist_ok=True)
    doc = docx.Document(str(BUILTIN / "bj" / "needs.docx"))
    doc.add_paragraph(text)
    doc.save(str(folder / "templates" / "needs.docx"))


@pytest.mark.parametrize("tag, word", [
    ("{{ cycler.__init__.__globals__ }}", "__init__"),
    ("{{ lipsum.__globals__ }}", "__globals__"),
    ("{{ project|attr('__class__') }}", "__class__"),
])
def test_unsafe_access_stops_the_render(run, example, tag, word):
    bj = example("bj", "upgrade")
    _override(bj, "补充：" + tag)
    code, out, err = run("render", str(bj), "--form", "needs")
    assert code == 2, (out, err)
    assert "不安全" in err and word in err and "needs.docx" in err
    assert not (bj / "forms" / "附件1-信息化项目需求确认表.docx").exists()


@pytest.mark.parametrize("tag", ["{{ range(10**9)|list|length }}", "{% include 'x.docx' %}", "{{ 1 + }}"])
def test_template_errors_are_usage_errors(run, example, tag):
    bj = example("bj", "upgrade")
    _override(bj, "补充：" + tag)
    code, out, err = run("render", str(bj), "--form", "needs")
    assert code == 2, (out, err)
    assert "needs.docx" in err and "有错误" in err
    assert "内部" not in err


def test_the_message_names_the_tag(run, example):
    bj = example("bj", "upgrade")
    _override(bj, "补充：{{ cycler.__init__.__globals__ }}")
    code, out, err = run("render", str(bj), "--form", "needs")
    assert code == 2 and "「{{ cycler.__init__.__globals__ }}」" in err and "正文第" in err


def test_lint_reports_unsafe_tags(run, example):
    bj = example("bj", "upgrade")
    _override(bj, "补充：{{ lipsum.__globals__ }}{% include 'x.docx' %}")
    code, out, err = run("render", str(bj), "--form", "needs", "--lint")
    assert code == 1, (out, err)
    assert "内部属性“__globals__”" in out and "include" in out and "模板用到的数据项目都已提供" not in out


def test_render_runs_the_lint_and_writes_nothing_on_errors(run, example):
    bj = example("bj", "upgrade")
    _override(bj, "补充：{{ project.nme }}{{ budjet.total }}")
    code, out, err = run("render", str(bj), "--form", "needs")
    assert code == 1, (out, err)
    assert out.index("“nme”") < out.index("“budjet”")  # document order
    assert "什么也没有写" in out and not (bj / "forms").exists()


def test_render_counts_the_hints_and_lint_skips_branches_not_taken(run, example):
    bj = example("bj", "upgrade")
    code, out, err = run("render", str(bj))
    assert code == 0 and "项数据未填写" in out and "--lint" in out
    code, out, err = run("render", str(bj), "--lint", "--form", "sharing")
    # sharing is provided: the basis and reason for not providing it are not asked for
    assert "sharing.basis" not in out and "sharing.reason" not in out
