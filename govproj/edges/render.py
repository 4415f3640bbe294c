"""The docx edge: template lookup, the Jinja environment, filling templates, reproducible files, PDF, lint.

The only runtime module that imports docx, docxtpl and jinja2, and only inside the functions that need them, so
importing this module costs nothing on the `check` path.

Safety: a project's text is data, never template code. Templates are rendered by docxtpl with autoescape in a
sandboxed Jinja environment; strings are cleaned of characters XML cannot hold; and docxtpl's post-render rewrite of
"{_{" into "{{" (a template-escaping feature) is switched off, so whatever the user wrote appears literally.

Reproducibility: the same input gives the same bytes. The core properties carry a fixed timestamp and the zip is
rewritten with its entries in a fixed order, with fixed times and attributes.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import tempfile
import zipfile
import importlib
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, Iterable
from xml.sax.saxutils import escape as xml_escape

from govproj.errors import UsageError
from govproj.forms import Form, custom_form, forms_for
from govproj.forms.common import fmt_date, fmt_month

if TYPE_CHECKING:
    from govproj.core.project import Project

BUILTIN = Path(importlib.import_module("govproj.templates").__file__).parent  # top-level templates/, installed
MANIFEST = ".govproj-forms.json"
PROJECT_TEMPLATES = "templates"  # <project>/templates/
REPO_TEMPLATES = ".govproj/templates"  # <repository>/.govproj/templates/

ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can carry
FIXED_STAMP = "2000-01-01T00:00:00Z"  # created/modified of every produced document (SOURCE_DATE_EPOCH overrides)

BOX = ("■", "□")
RADIO = ("●", "○")
PEN_DATE = "　　　　年　　月　　日"
PEN_MONTH = "　　　　年　　月"


# ---- template lookup --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Source:
    """A folder that may hold templates, and how to name it to the user."""

    path: Path
    origin: str  # --templates / 项目 / 仓库 / 内置


@dataclass(frozen=True)
class Template:
    form: Form
    path: Path
    origin: str


def template_sources(project_root: Path | None, templates: str | None) -> list[Source]:
    """Where templates are looked up, first match wins: --templates DIR, the project's templates/, the
    repository's .govproj/templates/, then the built-in ones."""
    sources: list[Source] = []
    if templates:
        folder = Path(templates)
        if not folder.is_dir():
            raise UsageError(f"模板文件夹“{templates}”不存在", hint="--templates 写一个包含 .docx 模板的文件夹")
        sources.append(Source(folder, "--templates"))
    if project_root is not None:
        own = project_root / PROJECT_TEMPLATES
        if own.is_dir():
            sources.append(Source(own, "项目"))
        for candidate in (project_root.resolve(), *project_root.resolve().parents):
            repo = candidate / REPO_TEMPLATES
            if repo.is_dir():
                sources.append(Source(repo, "仓库"))
                break
            if (candidate / ".git").exists():
                break
    sources.append(Source(BUILTIN, "内置"))
    return sources


def _candidates(source: Source, jurisdiction: str, name: str) -> list[Path]:
    if source.origin == "内置":
        return [source.path / jurisdiction / name]
    return [source.path / jurisdiction / name, source.path / name]


def find_template(form: Form, sources: list[Source]) -> Template:
    for source in sources:
        for path in _candidates(source, form.jurisdiction, form.template):
            if path.is_file():
                return Template(form, path, source.origin)
    raise UsageError(f"找不到表单“{form.label}”的模板 {form.jurisdiction}/{form.template}",
                     hint="重新安装 govproj，或在 --templates 指定的文件夹中放入该模板")


def available_forms(jurisdiction: str, sources: list[Source]) -> list[Form]:
    """The jurisdiction's declared forms, then the templates a user added beside them (custom forms)."""
    forms = list(forms_for(jurisdiction))
    known = {f.id for f in forms}
    for source in sources:
        if source.origin == "内置":
            continue
        folders = [source.path / jurisdiction, source.path]
        for folder in folders:
            if not folder.is_dir():
                continue
            for path in sorted(folder.glob("*.docx")):
                if path.name.startswith(("~$", ".")) or path.stem in known:
                    continue
                known.add(path.stem)
                forms.append(custom_form(jurisdiction, path.stem))
    return forms


# ---- the Jinja environment --------------------------------------------------------------------------------------

def _printable(value: Any) -> str:
    """How a value prints in a form: 万元 with two decimals, 2026年5月31日, 是/否, lists joined by 、."""
    from jinja2 import Undefined

    from govproj.core.money import Money
    from govproj.forms.common import wan

    if value is None or isinstance(value, Undefined):
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (Money, Decimal)):
        return wan(value)
    if isinstance(value, _dt.date):
        return fmt_date(value)
    if isinstance(value, (list, tuple)):
        return "、".join(text for text in (_printable(v) for v in value) if text)
    if isinstance(value, dict):
        return ""
    return str(value)


def _chosen(value: Any, option: Any) -> bool:
    if isinstance(value, (list, tuple, set)):
        return option in value
    return value is not None and type(value) is type(option) and value == option


def _box(value: Any, option: Any) -> str:
    return BOX[0] if _chosen(value, option) else BOX[1]


def _radio(value: Any, option: Any) -> str:
    return RADIO[0] if _chosen(value, option) else RADIO[1]


def _tick(value: Any) -> str:
    return BOX[0] if value else BOX[1]


def _pen(value: Any, width: int = 6) -> str:
    text = _printable(value)
    return text if text else "　" * width


def _pendate(value: Any) -> str:
    return fmt_date(value) if isinstance(value, _dt.date) else PEN_DATE


def _penmonth(value: Any) -> str:
    return fmt_month(value) if isinstance(value, _dt.date) else PEN_MONTH


FILTERS = {"box": _box, "radio": _radio, "tick": _tick, "pen": _pen, "pendate": _pendate, "penmonth": _penmonth, "date": _printable,
           "month": fmt_month, "money": _printable, "text": _printable}


def environment():
    """Sandboxed, autoescaping Jinja for docx XML; dict keys win over dict methods (`x.items` is the data)."""
    from jinja2 import ChainableUndefined
    from jinja2.exceptions import SecurityError
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    class Env(ImmutableSandboxedEnvironment):
        def getattr(self, obj: Any, attribute: str) -> Any:
            if isinstance(obj, dict):
                if attribute in obj:
                    return obj[attribute]
                if attribute.startswith("_"):
                    return self.unsafe_undefined(obj, attribute)
                return self.undefined(obj=obj, name=attribute)
            return super().getattr(obj, attribute)

        def unsafe_undefined(self, obj: Any, attribute: str) -> Any:
            # refuse instead of rendering an empty undefined that hides the attempt
            error = SecurityError(f"不允许访问 {type(obj).__name__} 对象的属性“{attribute}”")
            error.attribute = attribute  # type: ignore[attr-defined]
            raise error

    env = Env(autoescape=True, undefined=ChainableUndefined, finalize=_printable, keep_trailing_newline=True)
    env.filters.update(FILTERS)
    return env


# XML 1.0 can hold tab, newline and everything from U+0020 except surrogates and U+FFFE/U+FFFF
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(value: Any, *, paragraphs: bool = False) -> Any:
    """A copy of the context whose strings XML can hold: control characters removed, line ends made LF.

    With `paragraphs`, every line end becomes "\a", which docxtpl turns into a new paragraph of the same style:
    a justified line that ends in a mere line break would be stretched across the whole width.
    """
    if isinstance(value, str):
        text = _NOT_XML.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
        return text.replace("\n", "\a") if paragraphs else text
    if isinstance(value, dict):
        return {k: clean(v, paragraphs=paragraphs) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [clean(v, paragraphs=paragraphs) for v in value]
    return value


# ---- filling ----------------------------------------------------------------------------------------------------

class TemplateFailure(Exception):
    """An error raised while a part of a template renders, with the tag where it happened."""

    def __init__(self, error: BaseException, where: str) -> None:
        super().__init__(str(error))
        self.error, self.where = error, where


def _part_label(partname: str) -> str:
    name = PurePosixPath(str(partname)).name
    return "页眉" if name.startswith("header") else "页脚" if name.startswith("footer") else "正文"


def _template_line(exc: BaseException) -> int | None:
    """The template line an error was raised on: Jinja rewrites the traceback with frames named after the template."""
    if getattr(exc, "lineno", None):
        return int(exc.lineno)  # syntax errors
    line = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _docx_template(path: Path):
    from docxtpl import DocxTemplate

    class Tpl(DocxTemplate):
        def render_xml_part(self, src_xml, part, context, jinja_env=None):  # type: ignore[override]
            # docxtpl's own version, minus the rewrite of "{_{" → "{{" after rendering, which would alter user text
            src_xml = re.sub(r"<w:p([ >])", r"\n<w:p\1", src_xml)
            self.current_rendering_part = part
            try:
                dst_xml = jinja_env.from_string(src_xml).render(context)
            except Exception as exc:  # noqa: BLE001 — said with the tag and its place, see fill()
                line = _template_line(exc)
                label = _part_label(getattr(part, "partname", ""))
                needle = getattr(exc, "attribute", "") or ""
                where = _place(label, src_xml, line, needle, tag_only=True) if line else label
                raise TemplateFailure(exc, where) from exc
            dst_xml = re.sub(r"\n<w:p([ >])", r"<w:p\1", dst_xml)
            return self.resolve_listing(dst_xml)

    return Tpl(str(path))


def fill(path: Path, context: dict[str, Any], *, core: dict[str, str]) -> bytes:
    """Render one template with the context; the reproducible .docx bytes.

    Whatever a template does wrong (an unsafe attribute, include, a range too big, a syntax error) stops the render
    as the template's error (exit 2) naming the file and the tag, never an internal defect."""
    from jinja2.exceptions import SecurityError

    tpl = _docx_template(path)
    try:
        tpl.render(clean(context, paragraphs=True), environment(), autoescape=True)
    except TemplateFailure as failure:
        exc = failure.error
        if isinstance(exc, SecurityError):
            raise UsageError(f"模板 {path} 中有不安全的访问，已停止生成：{failure.where}：{exc}",
                             hint="模板只能读取项目数据，不能访问 Python 对象的内部属性，也不能包含其他文件") from None
        raise UsageError(f"模板 {path} 有错误，已停止生成：{failure.where}：{_describe(exc)}",
                         hint="改正模板中的这个标签；`govproj render --lint` 列出模板的全部问题") from None
    except Exception as exc:  # noqa: BLE001 — a broken .docx or a failure outside a part's Jinja
        raise UsageError(f"模板 {path} 有错误：{_describe(exc)}",
                         hint="用 Word 或 WPS 打开并另存这个模板，或换回内置模板") from None
    buffer = io.BytesIO()
    tpl.save(buffer)
    return normalize_docx(buffer.getvalue(), core=core)


def _describe(exc: BaseException) -> str:
    """A template error in Chinese where Jinja's words would puzzle a user."""
    text = str(exc)
    if isinstance(exc, OverflowError) or "MAX_RANGE" in text:
        return "range() 的范围太大（模板中最多 100000 项）"
    if "no loader" in text:
        return "模板不能用 include、import、extends 引用其他文件"
    if type(exc).__name__ == "TemplateSyntaxError":
        return f"Jinja 语法错误：{getattr(exc, 'message', text)}"
    return f"{type(exc).__name__}: {text}"


def core_properties(form: Form, project: "Project") -> dict[str, str]:
    return {"title": form.title, "subject": project.name, "creator": str(project.get("project.yaml", "unit") or ""),
            "description": f"govproj 根据项目 {project.id} 生成；{project.pack.doc}{project.pack.title}"}


# ---- reproducible zip -------------------------------------------------------------------------------------------

def _stamp() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return _dt.datetime.fromtimestamp(int(epoch), _dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return FIXED_STAMP


def core_xml(props: dict[str, str]) -> bytes:
    stamp = _stamp()

    def element(tag: str, key: str) -> str:
        return f"<{tag}>{xml_escape(clean(props.get(key, '')))}</{tag}>"

    return ("<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            + element("dc:title", "title") + element("dc:subject", "subject") + element("dc:creator", "creator")
            + element("dc:description", "description") + "<cp:lastModifiedBy>govproj</cp:lastModifiedBy>"
            "<cp:revision>1</cp:revision><dc:language>zh-CN</dc:language>"
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
            "</cp:coreProperties>").encode("utf-8")


def normalize_docx(data: bytes, *, core: dict[str, str] | None = None, drop: Iterable[str] = ()) -> bytes:
    """The same document with fixed core-property timestamps and a zip in a fixed order with fixed entry times.

    `drop` removes parts (and the relationships and content types that name them): the template builder uses it
    to leave out python-docx's sample thumbnail, stylesWithEffects and customXml.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as zin:
        entries = {info.filename: zin.read(info.filename) for info in zin.infolist()}
    dropped = set(drop)
    for name in dropped:
        entries.pop(name, None)
    if dropped:
        for name in [n for n in entries if n.endswith(".rels")]:
            entries[name] = _drop_relationships(name, entries[name], dropped)
        types = entries["[Content_Types].xml"].decode("utf-8")
        for name in dropped:
            types = re.sub(rf'<Override PartName="/{re.escape(name)}"[^>]*/>', "", types)
        entries["[Content_Types].xml"] = types.encode("utf-8")
    if core is not None:
        entries["docProps/core.xml"] = core_xml(core)
    first = ["[Content_Types].xml", "_rels/.rels"]
    order = [n for n in first if n in entries] + sorted(n for n in entries if n not in first)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            zout.writestr(info, entries[name])
    return out.getvalue()


def _drop_relationships(rels_name: str, blob: bytes, dropped: set[str]) -> bytes:
    source_dir = PurePosixPath(rels_name).parent.parent  # word/_rels/document.xml.rels -> word

    def keep(match: re.Match) -> str:
        target = re.search(r'Target="([^"]+)"', match.group(0))
        if not target:
            return match.group(0)
        resolved = os.path.normpath(str(source_dir / target.group(1))).replace(os.sep, "/").lstrip("./")
        return "" if resolved in dropped or target.group(1).lstrip("/") in dropped else match.group(0)

    return re.sub(r"<Relationship [^>]*/>", keep, blob.decode("utf-8")).encode("utf-8")


# ---- writing: refuse to overwrite hand edits --------------------------------------------------------------------

def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_manifest(out_dir: Path) -> dict[str, str]:
    path = out_dir / MANIFEST
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        files = data.get("files", {})
        return {str(k): str(v) for k, v in files.items()} if isinstance(files, dict) else {}
    except (ValueError, OSError, AttributeError):
        return {}


def write_manifest(out_dir: Path, files: dict[str, str]) -> None:
    from govproj.edges.yamlio import atomic_write

    text = json.dumps({"note": "govproj render 写入的文件及其 SHA-256；文件被手工修改后，govproj 不会覆盖它（除非 --force）",
                       "files": dict(sorted(files.items()))}, ensure_ascii=False, indent=2) + "\n"
    atomic_write(out_dir / MANIFEST, text)


def hand_edited(out_dir: Path, outputs: dict[str, bytes], manifest: dict[str, str]) -> list[str]:
    """Files that exist and differ both from what govproj last wrote there and from what it would write now."""
    edited = []
    for name, data in outputs.items():
        target = out_dir / name
        if not target.is_file():
            continue
        current = sha256(target.read_bytes())
        if current != manifest.get(name) and current != sha256(data):
            edited.append(name)
    return edited


def write_outputs(out_dir: Path, outputs: dict[str, bytes], *, force: bool) -> dict[str, str]:
    """Write every output, all or none: name -> 新建 / 更新 / 未变化."""
    from govproj.edges.yamlio import atomic_write

    manifest = read_manifest(out_dir)
    edited = [] if force else hand_edited(out_dir, outputs, manifest)
    foreign = [name for name in edited if name not in manifest]
    changed = [name for name in edited if name in manifest]
    if edited:
        parts = []
        if foreign:
            parts.append("以下文件不是 govproj 生成的（输出文件夹的清单 " + MANIFEST + " 里没有它们）：\n"
                         + "\n".join(f"  {out_dir / name}" for name in foreign))
        if changed:
            parts.append("以下文件在 govproj 上次生成后被手工修改过：\n"
                         + "\n".join(f"  {out_dir / name}" for name in changed))
        raise UsageError("\n".join(parts) + "\n为免覆盖它们，本次什么也没有写",
                         hint="把这些文件移到别处（或用 -o 换一个输出文件夹）后重新生成，或加 --force 覆盖")
    status = {}
    for name, data in outputs.items():
        target = out_dir / name
        old = target.read_bytes() if target.is_file() else None
        if old == data:
            status[name] = "未变化"
        else:
            atomic_write(target, data)
            status[name] = "新建" if old is None else "更新"
        manifest[name] = sha256(data)
    write_manifest(out_dir, manifest)
    return status


# ---- PDF --------------------------------------------------------------------------------------------------------

SOFFICE_PLACES = ("/Applications/LibreOffice.app/Contents/MacOS/soffice",
                  r"C:\Program Files\LibreOffice\program\soffice.exe",
                  r"C:\Program Files (x86)\LibreOffice\program\soffice.exe")


def find_soffice() -> str | None:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return next((p for p in SOFFICE_PLACES if Path(p).is_file()), None)


def require_soffice() -> str:
    found = find_soffice()
    if not found:
        raise UsageError("没有找到 LibreOffice（soffice 命令），无法转换为 PDF；本次什么也没有写",
                         hint="安装 LibreOffice 后重试（Debian/Ubuntu：apt-get install libreoffice-writer；"
                              "Windows/macOS：https://zh-cn.libreoffice.org），或去掉 --pdf 只生成 .docx，"
                              "再用 Word、WPS 另存为 PDF")
    return found


def to_pdf(docx: dict[str, bytes], soffice: str, timeout: int = 300) -> dict[str, bytes]:
    """Convert .docx files with LibreOffice in a private profile; name.pdf -> bytes."""
    with tempfile.TemporaryDirectory(prefix="govproj-pdf-") as tmp:
        work = Path(tmp)
        for name, data in docx.items():
            (work / name).write_bytes(data)
        profile = (work / "profile").resolve().as_uri()
        command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", "pdf",
                   "--outdir", str(work / "pdf"), *[str(work / name) for name in docx]]
        env = {**os.environ, "TZ": "UTC"}  # its creation date in UTC ("Z"), which stable_pdf then fixes
        try:
            result = subprocess.run(command, capture_output=True, timeout=timeout, check=False, env=env)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise UsageError(f"LibreOffice 转换 PDF 失败：{exc}", hint="确认 LibreOffice 能正常启动，或去掉 --pdf") from None
        out = {}
        for name in docx:
            pdf = work / "pdf" / (Path(name).stem + ".pdf")
            if not pdf.is_file():
                detail = (result.stderr or result.stdout).decode("utf-8", "replace").strip()[-300:]
                raise UsageError(f"LibreOffice 没有生成 {pdf.name}" + (f"：{detail}" if detail else ""),
                                 hint="确认 LibreOffice 能正常启动（可先关闭正在运行的 LibreOffice），或去掉 --pdf")
            out[pdf.name] = stable_pdf(pdf.read_bytes())
        return out


_PDF_DATE = re.compile(rb"/(CreationDate|ModDate)\s*\(D:(\d{14})")
_PDF_ID = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]")
_PDF_CHECKSUM = re.compile(rb"/DocChecksum\s*/([0-9A-Fa-f]+)")


def stable_pdf(data: bytes) -> bytes:
    """LibreOffice's PDF with what differs between two conversions of the same document made fixed: the creation
    date (the documents' fixed stamp, as in the .docx core properties), the file /ID and /DocChecksum (both derived
    from the content instead of the clock). Every replacement keeps its length, so the cross-reference offsets hold."""
    digits = re.sub(r"\D", "", _stamp())[:14].encode("ascii")
    data = _PDF_DATE.sub(lambda m: m.group(0)[:-14] + digits, data)
    zeroed = _fill(_fill(data, _PDF_ID, b"0"), _PDF_CHECKSUM, b"0")
    digest = hashlib.md5(zeroed).hexdigest().upper().encode("ascii")  # an identifier, not a security measure
    return _fill(_fill(data, _PDF_ID, digest), _PDF_CHECKSUM, digest)


def _fill(data: bytes, pattern: re.Pattern, hexdigits: bytes) -> bytes:
    """Every hex group of the pattern's matches overwritten in place by `hexdigits`, repeated to its length."""
    def one(match: re.Match) -> bytes:
        whole, base = bytearray(match.group(0)), match.start()
        for index in range(1, (pattern.groups or 0) + 1):
            start, end = match.span(index)
            whole[start - base:end - base] = (hexdigits * (end - start))[:end - start]
        return bytes(whole)

    return pattern.sub(one, data)


# ---- lint -------------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class LintItem:
    severity: str  # error: the template names something the project files cannot have; info: not filled in
    expr: str
    message: str
    places: tuple[str, ...]


def _parts_xml(path: Path) -> list[tuple[str, str]]:
    """(part label, patched XML) of the body, headers and footers, as docxtpl will render them."""
    from docx.oxml import parse_xml

    tpl = _docx_template(path)
    tpl.init_docx()
    parts = [("正文", tpl.patch_xml(tpl.get_xml()))]
    for label, uri in (("页眉", tpl.HEADER_URI), ("页脚", tpl.FOOTER_URI)):
        for _, part in tpl.get_headers_footers(uri):
            parts.append((label, tpl.patch_xml(tpl.xml_to_string(parse_xml(part.blob)))))
    return parts


def _place(label: str, source: str, lineno: int, needle: str, *, tag_only: bool = False) -> str:
    """"表格1 第3行第2格「…」": where the tag reading `needle` stands, on line `lineno` of the Jinja source
    (docxtpl puts every paragraph on a line of its own). With `tag_only`, the quote is the tag itself."""
    import html

    lines = source.split("\n")
    index = max(0, min(lineno - 1, len(lines) - 1))
    line = lines[index]
    start = sum(len(text) + 1 for text in lines[:index])
    word = re.compile(rf"(?<![\w.]){re.escape(needle)}(?!\w)")
    tags = list(re.finditer(r"\{[{%].*?[}%]\}", line))
    tag = next((m for m in tags if word.search(m.group(0))), None)
    if tag is None and needle:
        tag = next((m for m in tags if needle in m.group(0)), None)
    at = start + (tag.start() if tag else 0)
    tables = 0
    stack: list[list[int]] = []  # per open table: [table number, row, cell]
    for match in re.finditer(r"<(/?)w:(tbl|tr|tc)[ >]", source[:at]):
        closing, kind = match.group(1) == "/", match.group(2)
        if kind == "tbl":
            if closing and stack:
                stack.pop()
            elif not closing:
                tables += 1
                stack.append([tables, 0, 0])
        elif stack and not closing:
            if kind == "tr":
                stack[-1][1] += 1
                stack[-1][2] = 0
            else:
                stack[-1][2] += 1
    end = line.find("</w:p>")
    paragraph = source[:start].count("\n<w:p") + 1
    if tag is not None and 0 <= end < tag.start():  # a {%p %} / {%tr %} tag: the paragraph it replaced
        text = tag.group(0)
        paragraph += 1
    elif tag is not None and tag_only:
        text = html.unescape(tag.group(0))
    else:
        text = re.sub(r"<[^>]+>", "", line[:end] if end >= 0 else line).strip()
    text = text if len(text) <= 40 or tag_only else text[:39] + "…"
    if stack:
        where = f"表格{stack[-1][0]} 第{stack[-1][1]}行第{stack[-1][2]}格"
    elif label == "正文":
        where = f"正文第{paragraph}段"
    else:
        where = label
    return f"{where}「{text}」" if text else where


def _references(node: Any, bound: dict[str, Any], out: list[tuple[tuple, int, str]],
                decide: Any = None) -> None:
    """Collect the data paths a template reads: ("needs", "signoffs", "business_head", "name"); a loop
    variable stands for an item of its list: ("sharing", "resources", "[]", "name"). `decide(test, bound)` says
    whether an `if` holds for this project (None: cannot tell); the branches not taken are not read."""
    from jinja2 import nodes

    if isinstance(node, nodes.If) and decide is not None:
        _references(node.test, bound, out, decide)
        holds = decide(node.test, bound)
        if holds is not False:
            for child in node.body:
                _references(child, bound, out, decide)
        if holds is True:
            return
        rest = list(node.elif_)
        if rest:
            _references(nodes.If(rest[0].test, rest[0].body, rest[1:], node.else_, lineno=rest[0].lineno),
                        bound, out, decide)
        else:
            for child in node.else_:
                _references(child, bound, out, decide)
        return

    def chain(expr: Any) -> tuple | None:
        parts: list[Any] = []
        while True:
            if isinstance(expr, nodes.Getattr):
                parts.append(expr.attr)
                expr = expr.node
            elif isinstance(expr, nodes.Getitem) and isinstance(expr.arg, nodes.Const):
                parts.append(expr.arg.value)
                expr = expr.node
            elif isinstance(expr, nodes.Name):
                root = bound.get(expr.name, (expr.name,)) if expr.name in bound else (expr.name,)
                return None if root is None else tuple(root) + tuple(reversed(parts))
            else:
                return None

    if isinstance(node, (nodes.Getattr, nodes.Getitem, nodes.Name)):
        path = chain(node)
        if path is not None:
            name = node
            while not isinstance(name, nodes.Name):
                name = name.node
            out.append((path, node.lineno, name.name))
            return
    if isinstance(node, nodes.For):
        _references(node.iter, bound, out, decide)
        inner = dict(bound)
        item = chain(node.iter)
        single = isinstance(node.target, nodes.Name)
        for name in [node.target] if single else list(node.target.find_all(nodes.Name)):
            inner[name.name] = (item + ("[]",)) if item is not None and single else None
        inner["loop"] = None
        for child in node.body:
            _references(child, inner, out, decide)
        if node.test is not None:
            _references(node.test, inner, out, decide)
        for child in node.else_:
            _references(child, bound, out, decide)
        return
    if isinstance(node, nodes.Assign):
        _references(node.node, bound, out, decide)
        targets = [node.target] if isinstance(node.target, nodes.Name) else list(node.target.find_all(nodes.Name))
        for name in targets:
            bound[name.name] = None
        return
    for child in node.iter_child_nodes():
        _references(child, bound, out, decide)


def _spec_label(spec: Any, path: tuple) -> tuple[bool, str]:
    """Whether a YAML path exists in the file's declarations, and its labels (签字 › 业务部门负责人意见 › 签字人)."""
    labels = []
    node = spec
    for part in path:
        if part == "[]" or isinstance(part, int):
            if node.kind != "list":
                return False, ""
            if node.item != "map":
                return True, " › ".join(labels)
            node = type(node)(node.key, "map", node.label, fields=node.fields)
            continue
        if node.kind != "map":
            return False, ""
        child = node.child(str(part))
        if child is None:
            return False, ""
        labels.append(child.label)
        node = child
    return True, " › ".join(labels)


def _value(ctx: Any, path: tuple) -> tuple[bool, Any]:
    """(found, value) of a path in the context; through a list ("[]"): found when any item has it."""
    node = ctx
    for i, part in enumerate(path):
        if part == "[]":
            if not isinstance(node, list) or not node:
                return True, node  # an empty list: the loop prints nothing; reported on the list itself
            results = [_value(item, path[i + 1:]) for item in node]
            values = [v for found, v in results if found]
            return (bool(values), next((v for v in values if not _empty(v)), values[0] if values else None))
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
        else:
            return False, None
    return True, node


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _dotted(path: tuple) -> str:
    out = ""
    for part in path:
        if part == "[]":
            out += "[]"
        elif isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def _unsafe(tree: Any) -> list[tuple[int, str, str]]:
    """(line, needle, message) of what the sandbox refuses, found without rendering: internal attributes
    (`x.__class__`, `x['_y']`, `x|attr('__y')`) and tags that reach other files (include, import, extends)."""
    from jinja2 import nodes

    found = []
    for node in tree.find_all((nodes.Getattr, nodes.Getitem, nodes.Filter, nodes.Include, nodes.Import,
                               nodes.FromImport, nodes.Extends)):
        if isinstance(node, (nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)):
            word = {nodes.Include: "include", nodes.Import: "import", nodes.FromImport: "import",
                    nodes.Extends: "extends"}[type(node)]
            found.append((node.lineno, word, f"不安全：模板不能用 {word} 引用其他文件，生成时会停止（退出码 2）"))
            continue
        if isinstance(node, nodes.Getattr):
            name = node.attr
        elif isinstance(node, nodes.Getitem):
            name = node.arg.value if isinstance(node.arg, nodes.Const) else None
        else:
            name = node.args[0].value if node.name == "attr" and node.args and isinstance(node.args[0], nodes.Const) \
                else None
        if isinstance(name, str) and name.startswith("_"):
            found.append((node.lineno, name, f"不安全：模板访问了内部属性“{name}”，生成时会停止（退出码 2）"))
    return found


def _decider(env: Any, context: dict[str, Any]) -> Any:
    """Evaluate an `if` test against the project's context: True / False, or None when it reads a loop or `set`
    variable, or fails (then both branches count)."""
    from jinja2 import nodes

    data = clean(context, paragraphs=True)

    def decide(test: Any, bound: dict[str, Any]) -> bool | None:
        if any(n.name in bound for n in test.find_all(nodes.Name)):
            return None
        tree = nodes.Template([nodes.Output([nodes.CondExpr(test, nodes.Const("1"), nodes.Const("0"))])])
        try:
            return env.from_string(tree).render(data) == "1"
        except Exception:  # noqa: BLE001 — a test that fails here fails at render time too, reported there
            return None

    return decide


def lint(template: Template, project: "Project", context: dict[str, Any]) -> list[LintItem]:
    """Template variables the project does not provide: names no project file can have (errors) and values the
    project leaves empty (info), each with the place in the template; errors first, each group in document order."""
    import difflib

    from jinja2 import TemplateSyntaxError

    from govproj.core.format import file_specs
    from govproj.forms import sources as form_sources
    from govproj.forms.common import NAMESPACES

    env = environment()
    specs = {NAMESPACES[file]: spec for file, spec in file_specs(project.pack).items()}
    files = {ns: file for file, ns in NAMESPACES.items()}
    sources = form_sources(template.form)
    found: dict[tuple[str, str, str], list[str]] = {}
    order: dict[tuple[str, str, str], tuple[int, int]] = {}

    def note(key: tuple[str, str, str], place: str, position: tuple[int, int]) -> None:
        places = found.setdefault(key, [])
        order.setdefault(key, position)
        if place not in places:
            places.append(place)

    for index, (label, xml) in enumerate(_parts_xml(template.path)):
        source = re.sub(r"<w:p([ >])", r"\n<w:p\1", xml)
        try:
            tree = env.parse(source)
        except TemplateSyntaxError as exc:
            note(("error", "", f"Jinja 语法错误：{exc.message}"),
                 _place(label, source, exc.lineno or 1, "", tag_only=True), (index, exc.lineno or 1))
            continue
        for lineno, needle, message in _unsafe(tree):
            note(("error", "", message), _place(label, source, lineno, needle, tag_only=True), (index, lineno))
        refs: list[tuple[tuple, int, str]] = []
        _references(tree, {}, refs)  # every tag, for errors
        live: list[tuple[tuple, int, str]] = []
        _references(tree, {}, live, _decider(env, context))  # the branches this project takes, for hints
        read = set(live)
        for path, lineno, needle in refs:
            root = path[0]
            if root in env.globals or root == "loop":
                continue
            key = _judge(path, context, specs, files, sources, difflib)
            if key is not None and (key[0] == "error" or (path, lineno, needle) in read):
                note(key, _place(label, source, lineno, needle), (index, lineno))
    items = [LintItem(sev, expr, message, tuple(places)) for (sev, expr, message), places in found.items()]
    return sorted(items, key=lambda i: (i.severity != "error", order[(i.severity, i.expr, i.message)]))


def _judge(path: tuple, context: dict[str, Any], specs: dict, files: dict, sources: dict,
           difflib: Any) -> tuple[str, str, str] | None:
    root, expr = path[0], _dotted(path)
    if root not in context:
        close = difflib.get_close_matches(str(root), list(context), n=1)
        return ("error", expr, f"项目数据中没有变量“{root}”" + (f"，是不是“{close[0]}”？" if close else ""))
    if root in specs:
        known, labels = _spec_label(specs[root], path[1:])
        if not known:
            return ("error", expr, f"{files[root]} 中没有字段“{_dotted(path[1:])}”，模板写错了或字段已改名"
                    "（字段见 govproj schema）")
        if "[]" in path:
            return None  # a field of each item: an empty list is reported once, where the loop reads it
        found, value = _value(context, path)
        if found and not _empty(value):
            return None
        where = f"{files[root]} → {_dotted(path[1:])}" + (f"（{labels}）" if labels else "")
        return ("info", expr, f"未填写：{where}，表单中留空或显示提示文字")
    if "[]" in path:
        return None
    found, value = _value(context, path)
    if found and not _empty(value):
        return None
    hint = sources.get(expr) or sources.get(str(root)) or ""
    return ("info", expr, "未填写" + (f"：{hint}" if hint else f"：{expr}") + "，表单中留空或显示提示文字")
