"""python-docx building blocks that give every template the typography of GB/T 9704-2012.

A4; margins 天头 37 mm, 下白边 35 mm, 订口 27 mm, 翻口 25 mm (版心 158×225 mm: 28 characters of 3号, 22 lines; see LEFT_TWIPS); titles 2号 方正小标宋简体, "附件N"
3号 黑体 at the top left, headings 黑体 / 楷体 / 仿宋加粗, body 3号 仿宋 (table cells 4号 or 小四); page numbers
"— 1 —" in 4号 宋体, odd pages at the right and even pages at the left, one character in from the edge.

The East Asian font is named explicitly (`w:eastAsia`) on every style and every run: python-docx's `font.name`
sets only the Latin font, and theme font attributes (`w:eastAsiaTheme`) would override an explicit name, so they
are removed. The document language is zh-CN (python-docx's default template says ja-JP for East Asian text,
which makes LibreOffice draw Japanese glyph forms).

Jinja tags are always written as one whole run, so a template stays valid for docxtpl.
Used only by `python tools/build_templates.py`, never at run time.
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Union

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor, Twips

TITLE_FONT, BODY_FONT, HEI, KAI, SONG = "方正小标宋简体", "仿宋", "黑体", "楷体", "宋体"
ALT_NAMES = {TITLE_FONT: "FZXiaoBiaoSong-B05S", BODY_FONT: "FangSong", HEI: "SimHei", KAI: "KaiTi", SONG: "SimSun"}
ER_HAO, SAN_HAO, SI_HAO, XIAO_SI, WU_HAO = 22, 16, 14, 12, 10.5  # 字号 in points

TEXT_HEIGHT_MM = 225  # 版心高
LINES, CHARS = 22, 28  # GB/T 9704 7.1: 每面 22 行，每行 28 字（3号）
LINE_PITCH = int(TEXT_HEIGHT_MM / 25.4 * 1440 / LINES)  # twips: 579 (28.95 pt), the body's exact line spacing too
# 28 characters of 3号 (16 pt) are 8960 twips (158.05 mm). The standard's 156 mm 版心 assumes Word's grid squeezing
# each character into 15.8 pt; LibreOffice instead gives a 16 pt character two grid cells (the line holds 14). So the
# text area is made 28 whole characters wide, with no squeezing (charSpace 0) that either program must honour:
# 订口 27 mm (28 ± 1 mm, 5.2.1), 翻口 25 mm
LEFT_TWIPS, TEXT_TWIPS = 1531, CHARS * 320
RIGHT_TWIPS = 11906 - LEFT_TWIPS - TEXT_TWIPS  # 1415
TEXT_WIDTH_MM = TEXT_TWIPS / 1440 * 25.4  # 版心宽 158.05 mm
CHAR_SPACE = 0
BODY_LINE = LINE_PITCH / 20  # pt
HINT_COLOR = RGBColor(0x7F, 0x7F, 0x7F)

CHECKED_BOX, EMPTY_BOX = "■", "□"  # in GB2312, so every Chinese font has them

# style id -> (name shown in Word, base, font, size pt, bold, alignment, first-line indent chars, line spacing pt)
PARAGRAPH_STYLES = {
    "Normal": (None, None, BODY_FONT, SAN_HAO, False, "justify", 0, BODY_LINE),
    "Title": (None, None, TITLE_FONT, ER_HAO, False, "center", 0, None),
    "Subtitle": (None, None, KAI, SAN_HAO, False, "center", 0, BODY_LINE),
    "Heading1": (None, None, HEI, SAN_HAO, False, "justify", 2, BODY_LINE),
    "Heading2": (None, None, KAI, SAN_HAO, False, "justify", 2, BODY_LINE),
    "Heading3": (None, None, BODY_FONT, SAN_HAO, True, "justify", 2, BODY_LINE),
    "GovBody": ("正文（首行缩进）", "Normal", BODY_FONT, SAN_HAO, False, "justify", 2, BODY_LINE),
    "GovAnnex": ("附件标注", "Normal", HEI, SAN_HAO, False, "left", 0, BODY_LINE),
    "GovCell": ("表格文字", "Normal", BODY_FONT, SI_HAO, False, "justify", 0, 22),
    "GovLabel": ("表格标签", "Normal", HEI, SI_HAO, False, "center", 0, 22),
    "GovSmall": ("表格小字", "Normal", BODY_FONT, WU_HAO, False, "center", 0, 16),
    "GovLabelSmall": ("表格小字标签", "Normal", HEI, WU_HAO, False, "center", 0, 16),
    "GovList": ("密排表格", "Normal", BODY_FONT, WU_HAO, False, "center", 0, 13),
    "GovLabelList": ("密排表格标签", "Normal", HEI, WU_HAO, False, "center", 0, 13),
    "GovNote": ("说明文字", "Normal", BODY_FONT, SI_HAO, False, "justify", 2, 22),
    "GovPageNum": ("页码", "Normal", SONG, SI_HAO, False, "right", 0, None),
    "GovCover": ("封面栏目", "Normal", HEI, SAN_HAO, False, "left", 4, 40),
}
GRID_STYLES = {"Normal", "GovBody", "Heading1", "Heading2", "Heading3", "GovAnnex"}  # body text: on the 28×22 grid
CELL_STYLES = {"GovCell", "GovSmall", "GovList", "GovLabel", "GovLabelSmall", "GovLabelList", "GovNote", "GovCover"}
HINT_STYLE = "GovHint"  # character style of the outline's guidance shown where the project has no data


# ---- content specs ----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class H:
    """A run of guidance text (grey 楷体): what to write here, shown when the project has no data."""

    text: str


@dataclass(frozen=True)
class B:
    """A bold run."""

    text: str


Segment = Union[str, H, B]


@dataclass(frozen=True)
class P:
    """A paragraph: runs, and optionally a style and an alignment other than the style's."""

    segments: tuple[Segment, ...]
    style: str = ""
    align: str = ""

    def __init__(self, *segments: Segment, style: str = "", align: str = "") -> None:
        object.__setattr__(self, "segments", segments)
        object.__setattr__(self, "style", style)
        object.__setattr__(self, "align", align)


@dataclass(frozen=True)
class Cell:
    """A table cell: paragraphs (a plain string is one paragraph), a horizontal span, a label look."""

    content: tuple[Union[P, str], ...] = ()
    span: int = 1
    label: bool = False
    align: str = ""
    valign: str = "center"

    def paragraphs(self) -> list[P]:
        return [c if isinstance(c, P) else P(c) for c in self.content]


def L(text: str, span: int = 1) -> Cell:
    """A label cell ("项目名称")."""
    return Cell((P(text),), span=span, label=True)


def V(*content: Union[P, str, Segment], span: int = 1, align: str = "", valign: str = "center") -> Cell:
    """A value cell: paragraphs, or the segments of one paragraph."""
    if content and all(not isinstance(c, P) for c in content):
        content = (P(*content),)  # type: ignore[arg-type]
    return Cell(tuple(content), span=span, align=align, valign=valign)  # type: ignore[arg-type]


EMPTY = Cell()


def filled(expr: str, hint: str) -> tuple[Segment, ...]:
    """The value of `expr` when the project provides it, else the outline's guidance in grey."""
    return (f"{{% if {expr} %}}{{{{ {expr} }}}}{{% else %}}", H(hint), "{% endif %}")


def box(expr: str, option: str) -> str:
    """"■选项" when `option` is among the chosen values of `expr`, else "□选项"."""
    return f"{{{{ {expr}|box('{option}') }}}}{option}"


def radio(expr: str, value: str, text: str) -> str:
    """"●有" when `expr` equals `value` (a Jinja literal: true, false, 'x'), else "○有"."""
    return f"{{{{ {expr}|radio({value}) }}}}{text}"


def signature(prefix: str) -> tuple[Segment, ...]:
    """"签字：… 日期：…": the recorded signer and date, or blank space for the pen."""
    return (f"签字：{{{{ {prefix}.name|pen(7) }}}}", "　　", f"日期：{{{{ {prefix}.date|pendate }}}}")


# ---- the document -----------------------------------------------------------------------------------------------

class Sheet:
    """One template under construction."""

    def __init__(self, title: str) -> None:
        self.title_text = title
        self.doc = Document()
        self._page()
        self._styles()
        self._footer()
        body = self.doc.element.body
        for p in list(body.iterchildren(qn("w:p"))):  # the default document's empty first paragraph
            body.remove(p)

    # -- setup
    def _page(self) -> None:
        section = self.doc.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(37), Mm(35)
        section.left_margin, section.right_margin = Twips(LEFT_TWIPS), Twips(RIGHT_TWIPS)
        section.header_distance, section.footer_distance = Mm(15), Mm(24)
        settings = self.doc.settings.element
        lang = settings.find(qn("w:themeFontLang"))
        if lang is None:
            lang = OxmlElement("w:themeFontLang")
            settings.append(lang)
        lang.set(qn("w:val"), "en-US")
        lang.set(qn("w:eastAsia"), "zh-CN")
        control = settings.find(qn("w:characterSpacingControl"))
        if control is not None:
            control.set(qn("w:val"), "compressPunctuation")  # 标点挤压, as Chinese typesetting does
        self.doc.settings.odd_and_even_pages_header_footer = True
        # GB/T 9704 7.1: 28 characters a line, 22 lines a page (3号 仿宋). The grid's line pitch is the 版心 height
        # / 22; charSpace is the character pitch (版心 width / 28) minus the default font size, in 1/4096 pt
        sect = section._sectPr
        for old in sect.findall(qn("w:docGrid")):
            sect.remove(old)
        grid = OxmlElement("w:docGrid")
        grid.set(qn("w:type"), "linesAndChars")
        grid.set(qn("w:linePitch"), str(LINE_PITCH))
        grid.set(qn("w:charSpace"), str(CHAR_SPACE))
        sect.append(grid)

    def _styles(self) -> None:
        styles = self.doc.styles
        root = styles.element
        for fonts in root.iter(qn("w:rFonts")):  # theme fonts would win over the names set below
            for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
                fonts.attrib.pop(qn(attr), None)
        defaults = root.find(qn("w:docDefaults"))
        rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
        _fonts(rpr, BODY_FONT)
        _lang(rpr)
        for tag in ("w:sz", "w:szCs"):  # the grid's character pitch is measured against this size
            _child(rpr, tag).set(qn("w:val"), str(SAN_HAO * 2))
        ppr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
        spacing = ppr.find(qn("w:spacing"))
        spacing.set(qn("w:after"), "0")
        for style_id, spec in PARAGRAPH_STYLES.items():
            name, base, font, size, bold, align, indent, line = spec
            style = next((s for s in styles if s.style_id == style_id), None)
            if style is None:
                style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
                style.style_id = style_id
                style.base_style = styles[base] if base else None
                style.quick_style = True
            self._restyle(style, font, size, bold, align, indent, line)
            if style_id not in GRID_STYLES:  # tables and notes keep their own line spacing, off the page's line grid
                ppr = style.element.get_or_add_pPr()
                _child(ppr, "w:snapToGrid", PPR_ORDER).set(qn("w:val"), "0")
            if style_id in CELL_STYLES:  # a long e-mail address or URL wraps at the cell's edge, not as a whole word
                ppr = style.element.get_or_add_pPr()
                _child(ppr, "w:wordWrap", PPR_ORDER).set(qn("w:val"), "0")
            if style_id.startswith("Heading"):
                style.paragraph_format.keep_with_next = True
                style.paragraph_format.space_before = Pt(0)
                style.paragraph_format.space_after = Pt(0)
        title = styles["Title"]
        title.paragraph_format.space_after = Pt(SAN_HAO)
        ppr = title.element.pPr
        for border in ppr.findall(qn("w:pBdr")):  # the default Title is underlined with a blue rule
            ppr.remove(border)
        hint = styles.add_style("提示文字", WD_STYLE_TYPE.CHARACTER)
        hint.style_id = HINT_STYLE
        _fonts(hint.element.get_or_add_rPr(), KAI)
        hint.font.color.rgb = HINT_COLOR
        grid = styles["Table Grid"]
        _fonts(grid.element.get_or_add_rPr(), BODY_FONT)

    @staticmethod
    def _restyle(style, font: str, size: float, bold: bool, align: str, indent: int, line: float | None) -> None:
        rpr = style.element.get_or_add_rPr()
        for child in list(rpr):
            if child.tag in (qn("w:color"), qn("w:i"), qn("w:spacing"), qn("w:kern"), qn("w:caps")):
                rpr.remove(child)
        _fonts(rpr, font)
        _lang(rpr)
        style.font.size = Pt(size)
        _child(rpr, "w:szCs").set(qn("w:val"), str(int(size * 2)))
        style.font.bold = bold
        fmt = style.paragraph_format
        fmt.alignment = {"justify": WD_ALIGN_PARAGRAPH.JUSTIFY, "center": WD_ALIGN_PARAGRAPH.CENTER,
                         "left": WD_ALIGN_PARAGRAPH.LEFT, "right": WD_ALIGN_PARAGRAPH.RIGHT}[align]
        ind = style.element.get_or_add_pPr().get_or_add_ind()
        ind.attrib.clear()
        ind.set(qn("w:firstLineChars"), str(indent * 100))
        ind.set(qn("w:firstLine"), str(int(indent * size * 20)))
        if line:
            fmt.line_spacing = Pt(line)  # exact
        else:
            fmt.line_spacing = 1.0

    def _footer(self) -> None:
        section = self.doc.sections[0]
        for footer, align in ((section.footer, "right"), (section.even_page_footer, "left")):
            footer.is_linked_to_previous = False
            p = footer.paragraphs[0]
            p.style = self.doc.styles["页码"]
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT if align == "right" else WD_ALIGN_PARAGRAPH.LEFT
            ind = p._p.get_or_add_pPr().get_or_add_ind()
            # 空一字: in characters for Word and WPS, and in twips (one 4号 character, 14 pt) for LibreOffice,
            # which ignores rightChars/leftChars
            ind.set(qn("w:right" if align == "right" else "w:left"), str(int(SI_HAO * 20)))
            ind.set(qn("w:rightChars" if align == "right" else "w:leftChars"), "100")
            self._run(p, "— ", SONG)
            begin = self._run(p, "", SONG)
            _field_char(begin, "begin")
            instr = self._run(p, "", SONG)
            text = OxmlElement("w:instrText")
            text.set(qn("xml:space"), "preserve")
            text.text = " PAGE "
            instr._r.append(text)
            _field_char(self._run(p, "", SONG), "separate")
            self._run(p, "1", SONG)
            _field_char(self._run(p, "", SONG), "end")
            self._run(p, " —", SONG)

    # -- runs and paragraphs
    def _run(self, paragraph, text: str, font: str, *, bold: bool = False, hint: bool = False):
        run = paragraph.add_run(text)
        if hint:
            run.style = self.doc.styles["提示文字"]
            font = KAI
        _fonts(run._r.get_or_add_rPr(), font)
        if bold:
            run.bold = True
        return run

    def _fill(self, paragraph, p: P, default_style: str) -> None:
        style = p.style or default_style
        paragraph.style = self.doc.styles[_style_name(style)]
        if p.align:
            paragraph.alignment = {"center": WD_ALIGN_PARAGRAPH.CENTER, "left": WD_ALIGN_PARAGRAPH.LEFT,
                                   "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}[p.align]
        font = PARAGRAPH_STYLES[style][2]
        if any(isinstance(x, str) and "\t" in x for x in p.segments):  # "left\tright": a right tab at the margin
            from docx.enum.text import WD_TAB_ALIGNMENT

            paragraph.paragraph_format.tab_stops.add_tab_stop(Mm(TEXT_WIDTH_MM), WD_TAB_ALIGNMENT.RIGHT)
        for segment in p.segments:
            if isinstance(segment, H):
                self._run(paragraph, segment.text, font, hint=True)
            elif isinstance(segment, B):
                self._run(paragraph, segment.text, font, bold=True)
            elif segment:
                self._run(paragraph, segment, font)

    def add(self, *items: Union[P, str], style: str = "GovBody") -> None:
        for item in items:
            p = item if isinstance(item, P) else P(item)
            self._fill(self.doc.add_paragraph(), p, style)

    def annex(self, label: str) -> None:
        if label:
            self.add(P(label, style="GovAnnex"))

    def title(self, text: str | None = None) -> None:
        self.add(P(text or self.title_text, style="Title"))

    def subtitle(self, text: str) -> None:
        self.add(P(text, style="Subtitle"))

    def heading(self, text: str, level: int = 1) -> None:
        self.add(P(text, style=f"Heading{level}"))

    def loop(self, tag: str) -> None:
        """A `{%p … %}` paragraph: docxtpl replaces the whole paragraph by the tag (loops, conditions)."""
        self.add(P(f"{{%p {tag} %}}", style="GovBody"))

    def table(self, widths_mm: list[float], *, style: str = "GovCell") -> "Grid":
        return Grid(self, widths_mm, style)

    def page_break(self) -> None:
        from docx.enum.text import WD_BREAK

        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def to_bytes(self) -> bytes:
        self._font_table()
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return buffer.getvalue()

    def _font_table(self) -> None:
        """Declare the Chinese fonts with their GB2312 charset: Word and WPS then substitute a Chinese font, not a
        Latin one, on a machine that lacks e.g. 方正小标宋简体."""
        part = next(rel.target_part for rel in self.doc.part.rels.values() if rel.reltype.endswith("/fontTable"))
        from docx.oxml import parse_xml

        root = parse_xml(part.blob)
        for name, alt in ALT_NAMES.items():
            font = OxmlElement("w:font")
            font.set(qn("w:name"), name)
            alt_el = OxmlElement("w:altName")
            alt_el.set(qn("w:val"), alt)
            font.append(alt_el)
            for tag, val in (("w:charset", "86"), ("w:family", "modern" if name != HEI else "auto"),
                             ("w:pitch", "fixed" if name != HEI else "variable")):
                el = OxmlElement(tag)
                el.set(qn("w:val"), val)
                font.append(el)
            root.append(font)
        from lxml import etree

        part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _style_name(style_id: str) -> str:
    names = {"Normal": "Normal", "Title": "Title", "Subtitle": "Subtitle", "Heading1": "Heading 1",
             "Heading2": "Heading 2", "Heading3": "Heading 3"}
    return names.get(style_id) or PARAGRAPH_STYLES[style_id][0]


# the order CT_RPr's children must keep (ECMA-376 §17.3.2.28); Word rejects a document that breaks it
RPR_ORDER = ("rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline",
             "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w",
             "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign",
             "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath")


PPR_ORDER = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
             "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
             "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
             "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
             "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange")


TBLPR_ORDER = ("tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize", "tblW",
               "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook")


def _child(parent, tag: str, order: tuple[str, ...] = RPR_ORDER):
    """The child `tag` of `parent`, created in its schema position when missing."""
    found = parent.find(qn(tag))
    if found is not None:
        return found
    element = OxmlElement(tag)
    rank = order.index(tag.split(":")[1])
    for existing in parent:
        name = existing.tag.split("}")[1]
        if name in order and order.index(name) > rank:
            existing.addprevious(element)
            return element
    parent.append(element)
    return element


def _fonts(rpr, font: str) -> None:
    fonts = _child(rpr, "w:rFonts")
    fonts.attrib.clear()
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), font)
    fonts.set(qn("w:hint"), "eastAsia")  # ambiguous characters (“” — ■ …) take the East Asian font


def _lang(rpr) -> None:
    lang = _child(rpr, "w:lang")
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    lang.set(qn("w:bidi"), "ar-SA")


def _field_char(run, kind: str) -> None:
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    run._r.append(char)


# ---- tables -----------------------------------------------------------------------------------------------------

@dataclass
class Grid:
    """A fixed-layout table 156 mm wide (or as the widths say), bordered, centred."""

    sheet: Sheet
    widths_mm: list[float]
    style: str = "GovCell"
    rows: int = 0
    table: object = field(init=False)

    def __post_init__(self) -> None:
        doc = self.sheet.doc
        self.table = doc.add_table(rows=0, cols=len(self.widths_mm))
        table = self.table
        table.style = doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        tbl_pr = table._tbl.tblPr
        _child(tbl_pr, "w:tblLayout", TBLPR_ORDER).set(qn("w:type"), "fixed")
        width = tbl_pr.find(qn("w:tblW"))
        width.set(qn("w:type"), "dxa")
        width.set(qn("w:w"), str(sum(_twips(w) for w in self.widths_mm)))
        borders = _child(tbl_pr, "w:tblBorders", TBLPR_ORDER)
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
            el = OxmlElement(f"w:{side}")
            for k, v in (("val", "single"), ("sz", "6"), ("space", "0"), ("color", "000000")):
                el.set(qn(f"w:{k}"), v)
            borders.append(el)
        for col, w in zip(table.columns, self.widths_mm):
            col.width = Mm(w)
        grid = table._tbl.tblGrid
        for gc, w in zip(grid.iterchildren(qn("w:gridCol")), self.widths_mm):
            gc.set(qn("w:w"), str(_twips(w)))

    def row(self, *cells: Cell, height_mm: float = 0, header: bool = False, keep: bool = False) -> int:
        """Add a row; cells from left to right, each spanning `span` grid columns. Returns the row index."""
        if sum(c.span for c in cells) != len(self.widths_mm):
            raise ValueError(f"{self.sheet.title_text}: row spans {sum(c.span for c in cells)} of {len(self.widths_mm)}")
        row = self.table.add_row()
        tr_pr = row._tr.get_or_add_trPr()
        if height_mm:
            row.height = Mm(height_mm)
            row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
        if header:
            tr_pr.append(OxmlElement("w:tblHeader"))
        if keep:
            tr_pr.append(OxmlElement("w:cantSplit"))
        col = 0
        for spec in cells:
            cell = row.cells[col]
            if spec.span > 1:
                cell = cell.merge(row.cells[col + spec.span - 1])
            cell.width = Mm(sum(self.widths_mm[col:col + spec.span]))
            cell.vertical_alignment = {"center": WD_CELL_VERTICAL_ALIGNMENT.CENTER,
                                       "top": WD_CELL_VERTICAL_ALIGNMENT.TOP}[spec.valign]
            paragraphs = spec.paragraphs() or [P("")]
            labels = {"GovSmall": "GovLabelSmall", "GovList": "GovLabelList"}
            style = labels.get(self.style, "GovLabel") if spec.label else self.style
            for index, p in enumerate(paragraphs):
                target = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
                self.sheet._fill(target, P(*p.segments, style=p.style or style, align=p.align or spec.align), style)
            col += spec.span
        self.rows += 1
        return self.rows - 1

    def loop(self, tag: str) -> None:
        """A `{%tr … %}` row: docxtpl replaces the whole row by the tag (row loops)."""
        self.row(V(f"{{%tr {tag} %}}", span=len(self.widths_mm)))

    def merge_down(self, col: int, first: int, last: int) -> None:
        """Merge column `col` of rows first..last (a label beside several rows)."""
        top = self.table.cell(first, col)
        top.merge(self.table.cell(last, col))


def _twips(mm: float) -> int:
    return int(round(mm / 25.4 * 1440))
