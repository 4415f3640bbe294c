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
