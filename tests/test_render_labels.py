"""Every form says what its annex says: the labels of each annex (taken from the seed text, kept beside the template as
templates/<pack>/<form>.labels.txt) appear in the rendered .docx, in order, for a filled and for a blank project; and,
where LibreOffice is installed, every form converts to PDF with the page count it is laid out for."""
from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

docx = pytest.importorskip("docx")

from govproj.cli import main  # noqa: E402
from govproj.edges.render import BUILTIN  # noqa: E402
from govproj.forms import forms_for  # noqa: E402

KINDS = {"bj": "upgrade", "yb": "build", "jl": "self", "xc": "upgrade", "gs": "upgrade"}
FORMS = [(pid, form) for pid in KINDS for form in forms_for(pid) if form.id != "summary"]

# pages of each form as laid out, filled (the example) and blank; None: not fixed (the outline grows with the text)
PAGES = {("bj", "needs"): (1, 1), ("bj", "platforms"): (1, 1), ("bj", "sharing"): (1, 1), ("bj", "construction"): (1, 1),
         ("yb", "declaration"): (1, 1), ("gs", "resources"): (1, 1)}


def _govproj(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = main(list(args))
    return code, out.getvalue()


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[tuple[str, str, str], Path]:
    """(pack, form id, filled|blank) -> the rendered .docx, every form of every pack rendered once."""
    root = tmp_path_factory.mktemp("labels")
    cwd = os.getcwd()
    os.chdir(root)
    out: dict[tuple[str, str, str], Path] = {}
    try:
        for pid, kind in KINDS.items():
            for state, extra in (("filled", ["--example"]), ("blank", [])):
                name = f"{pid}-{state}"
                code, text = _govproj("new", name, "--jurisdiction", pid, "--kind", kind, *extra)
                assert code == 0, text
                ids = [form.id for form in forms_for(pid)]
                code, text = _govproj("render", name, "--form", ",".join(ids))
                assert code == 0, text
                for form in forms_for(pid):
                    out[(pid, form.id, state)] = root / name / "forms" / form.filename
    finally:
        os.chdir(cwd)
    return out


def document_text(path: Path) -> str:
    """The body's text in document order (paragraphs and table cells), as one string."""
    from docx.oxml.ns import qn

    body = docx.Document(str(path)).element.body
    return "\n".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in body.iter(qn("w:p")))


def normal(text: str) -> str:
    """Compare without width, spaces and line breaks: the seed writes (：; where the forms print （：；."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def labels(pid: str, form_id: str) -> list[str]:
    path = BUILTIN / pid / f"{form_id}.labels.txt"
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]


def test_every_annexed_form_has_its_labels():
    missing = [f"{pid}/{form.id}" for pid, form in FORMS if not (BUILTIN / pid / f"{form.id}.labels.txt").is_file()]
    assert not missing


@pytest.mark.parametrize("state", ["filled", "blank"])
@pytest.mark.parametrize("pid, form_id", [(pid, form.id) for pid, form in FORMS])
def test_labels_in_order(rendered, pid, form_id, state):
    text = normal(document_text(rendered[(pid, form_id, state)]))
    at = 0
    for label in labels(pid, form_id):
        found = text.find(normal(label), at)
        assert found >= 0, f"{pid}/{form_id}（{state}）缺少或顺序不对：{label}；前文：…{text[max(0, at - 40):at]}"
        at = found + len(normal(label))


@pytest.mark.parametrize("form_id, chapter", [("feasibility", "第八章"), ("design", "第八章"), ("application", "六、")])
def test_jl_budget_table_follows_the_sentence(rendered, form_id, chapter):
    document = docx.Document(str(rendered[("jl", form_id, "filled")]))
    body = list(document.element.body.iterchildren())
    from docx.oxml.ns import qn

    texts = ["".join(t.text or "" for t in el.iter(qn("w:t"))) for el in body]
    start = next(i for i, t in enumerate(texts) if t.startswith(chapter))
    sentence = next(i for i in range(start, len(texts)) if "预算明细如下表（单位：万元）" in texts[i])
    table = body[sentence + 1]
    assert table.tag == qn("w:tbl") and texts[sentence + 1].startswith("序号名称类别金额（万元）")


def test_jl_application_number_is_the_project_library_number(rendered):
    filled = document_text(rendered[("jl", "application", "filled")])
    assert "项目编号\nJLXM-2025-0137" in filled
    blank = normal(document_text(rendered[("jl", "application", "blank")]))
    assert "项目编号预算年度" in blank  # left empty, not the folder name or govproj's id
    assert "jl-blank" not in blank


@pytest.mark.parametrize("pid, form_id", [("xc", "midterm"), ("gs", "monitoring")])
def test_blank_reports_read_whole(rendered, pid, form_id):
    text = document_text(rendered[(pid, form_id, "blank")])
    assert "现将的" not in text and "现报送的" not in text and "按提纲编写" not in text
    assert "本项目" in text


def test_money_is_printed_with_two_decimals(rendered):
    text = document_text(rendered[("yb", "declaration", "filled")])
    amounts = re.findall(r"\d+\.\d+", text)
    assert amounts and all(len(a.split(".")[1]) == 2 for a in amounts)
    assert "。；" not in text


@pytest.mark.skipif(shutil.which("soffice") is None and shutil.which("libreoffice") is None,
                    reason="LibreOffice (soffice) is not installed")
@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="pdfinfo (poppler-utils) is not installed")
def test_page_counts(rendered, tmp_path):
    """All forms converted in one LibreOffice run; the fixed-layout forms keep their page count."""
    from govproj.edges.render import find_soffice, to_pdf

    docs = {f"{pid}-{form_id}-{state}.docx": path.read_bytes() for (pid, form_id, state), path in rendered.items()}
    pdfs = to_pdf(docs, find_soffice())
    counts = {}
    for name, data in pdfs.items():
        (tmp_path / name).write_bytes(data)
        info = subprocess.run(["pdfinfo", str(tmp_path / name)], capture_output=True, text=True, check=True).stdout
        counts[name] = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    wrong = {}
    for (pid, form_id), (filled, blank) in PAGES.items():
        for state, pages in (("filled", filled), ("blank", blank)):
            name = f"{pid}-{form_id}-{state}.pdf"
            if counts[name] != pages:
                wrong[name] = (counts[name], pages)
    assert not wrong, wrong
    assert all(count >= 1 for count in counts.values())


def test_money_rounds_half_up_for_the_form_only():
    from decimal import Decimal

    from govproj.core.money import Money
    from govproj.forms.common import in_wan, wan

    assert wan(Decimal("123.456789")) == "123.46" and wan(Decimal("0.005")) == "0.01" and wan(Decimal("486.5")) == "486.50"
    budget = in_wan({"unit": "元", "total": Money.yuan("1234567.89")})
    assert budget["total"] == Money.wan("123.456789") and wan(budget["total"]) == "123.46"  # exact in the data
    assert budget["total"].in_wan == Decimal("123.456789") and wan(Money.yuan("50")) == "0.01"
