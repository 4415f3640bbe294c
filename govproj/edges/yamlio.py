"""Read YAML into values that remember their position; write the user's YAML back by round trip (ruamel.yaml)."""
from __future__ import annotations

import datetime as _dt
import os
import re
import stat
import tempfile
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Callable, Iterator

from govproj.errors import LoadError, UsageError, WriteError

# Reading: ruamel.yaml's libyaml-based C parser gives events with 1-based-able marks; we build the values ourselves,
# iteratively, from the events, so that every value keeps its position, money keeps its exact text, duplicate keys,
# aliases and deep nesting are refused at the place they occur, and nothing recurses (a file nested 10,000 deep is a
# message, not a RecursionError). ruamel.yaml is imported only when a file is parsed: Doc and Pos are cheap to import.

from govproj.core.doc import SHAPE_HINT, Doc, Pos  # noqa: E402,F401  (the records live in the core; the reader fills them)

Path_ = tuple  # a path inside a document: keys and list indexes, e.g. ("lines", 0, "amount")

MAX_FILE_BYTES = 2 * 1024 * 1024  # project files are a few KB; refuse before parsing (a 60 MB file took minutes)
MAX_NODES = 200_000  # far above any real project file; a guard against generated monsters
MAX_DEPTH = 64  # real files nest 5 levels; far below what could exhaust a stack anywhere downstream
_MAX_NUMBER_TEXT = 40  # longer digit strings (or exponents beyond ±40) stay text: int() and format() would choke

_EMPTY: Any = object()


# ---- bytes to text ----------------------------------------------------------------------------------------------

_UTF_HINT = "另存为 UTF-8：WPS/记事本“另存为 → 编码选 UTF-8”，或在命令行 iconv -f {enc} -t UTF-8 原文件 > 新文件"


def _size(number: int) -> str:
    return f"{number / 1024 / 1024:.1f} MB" if number >= 1024 * 1024 else f"{number / 1024:.0f} KB"


def read_text(path: Path, display: str) -> str:
    """The file as text: UTF-8 with or without BOM; anything else (GBK, UTF-16, oversized) is a clear LoadError."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise LoadError("文件不存在", file=display, hint="检查路径是否正确") from None
    except OSError as exc:
        raise LoadError(f"无法读取文件（{exc.strerror}）", file=display) from None
    if size > MAX_FILE_BYTES:  # checked on the size alone: parsing a huge file would take minutes and gigabytes
        raise _too_big(display, size)
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise LoadError("这是一个文件夹，不是文件", file=display,
                        hint="项目的 YAML 文件必须是文件：把这个文件夹改名或移走，再用 govproj new 或模板补上这个文件") from None
    except OSError as exc:
        raise LoadError(f"无法读取文件（{exc.strerror}）", file=display) from None
    if len(data) > MAX_FILE_BYTES:  # grew between stat and read
        raise _too_big(display, len(data))
    return decode(data, display)


def _too_big(display: str, size: int) -> LoadError:
    return LoadError(f"文件太大（{_size(size)}），超过 YAML 文件的上限 {_size(MAX_FILE_BYTES)}，没有读取", file=display,
                     hint="项目的 YAML 文件通常只有几 KB：检查是否误把数据、日志或附件内容粘贴进了这个文件；"
                          "附件放进 evidence/，在 YAML 里只写文件名")


def decode(data: bytes, display: str) -> str:
    """UTF-8 (a BOM is dropped). UTF-16/32 and GBK are refused by name: git shows UTF-16 as binary, and one encoding
    keeps the hashes and diffs of the audit trail meaningful; the hint says how to convert."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        raise LoadError("文件是 UTF-32 编码（带 BOM），不是 UTF-8 编码", file=display, line=1,
                        hint=_UTF_HINT.format(enc="UTF-32"))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise LoadError("文件是 UTF-16 编码（带 BOM，Windows 记事本的“Unicode”），不是 UTF-8 编码", file=display, line=1,
                        hint=_UTF_HINT.format(enc="UTF-16") + "（git 会把 UTF-16 文件当作二进制，差异和审计记录都看不出内容）")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        try:
            data.decode("gb18030")
        except UnicodeDecodeError:
            raise LoadError("文件不是 UTF-8 编码（也不是 GBK），无法识别", file=display, line=line,
                            hint=_UTF_HINT.format(enc="原编码")) from None
        raise LoadError("文件不是 UTF-8 编码：看起来是 GBK（GB2312/GB18030）编码，从这一行开始出现了非 UTF-8 字节",
                        file=display, line=line, hint=_UTF_HINT.format(enc="GBK")) from None


# ---- parsing ----------------------------------------------------------------------------------------------------

def load_doc(path: Path, display: str, *, allow_empty: bool = False) -> Doc:
    """Parse one YAML file; every syntax-level problem is a LoadError naming file and line."""
    text = read_text(path, display)
    return parse_doc(text, display, allow_empty=allow_empty)


# `verify` replays every advance of every project: the same file text (a project.yaml two advances apart differs
# only in its stage line; evidence lists and budgets not at all) is parsed again and again. While a replay runs,
# parsed documents are remembered by their exact text (`remember_parses`); nothing mutates a parsed Doc.
_PARSED: dict[tuple[str, str, bool], Doc] | None = None
_PARSED_MAX = 4096


def remember_parses() -> None:
    """Turn on the memo of parsed documents for this process (used by `verify`'s workers)."""
    global _PARSED
    if _PARSED is None:
        _PARSED = {}


def parse_doc(text: str, display: str, *, allow_empty: bool = False) -> Doc:
    if _PARSED is not None:
        key = (display, text, allow_empty)
        doc = _PARSED.get(key)
        if doc is None:
            doc = _parse_doc(text, display, allow_empty=allow_empty)
            if len(_PARSED) >= _PARSED_MAX:
                _PARSED.clear()
            _PARSED[key] = doc
        return doc
    return _parse_doc(text, display, allow_empty=allow_empty)


def _parse_doc(text: str, display: str, *, allow_empty: bool = False) -> Doc:
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\t" in text:
        # YAML forbids tabs for indentation; libyaml's message for it is cryptic, ours names the line
        for number, line in enumerate(text.splitlines(), 1):
            stripped = line.lstrip(" ")
            if stripped.startswith("\t"):
                raise LoadError("缩进里有制表符（Tab）", file=display, line=number,
                                hint="YAML 只能用空格缩进，把 Tab 换成空格（编辑器里可设置“用空格代替 Tab”）")
    if len(text) > MAX_FILE_BYTES:  # text that did not come through read_text (git blobs, tests)
        raise _too_big(display, len(text.encode("utf-8")))
    doc = Doc(file=display, data=None, text=text)
    errors = _errors()
    try:
        data = _Builder(doc, _events(text)).run()
    except errors as exc:
        raise _syntax_error(exc, display, text) from None
    if data is _EMPTY:
        if allow_empty:
            doc.data = {}
            return doc
        raise LoadError("文件是空的", file=display, line=1,
                        hint="用 `govproj new` 重新生成该文件的模板，或从示例项目复制")
    doc.data = data
    if not isinstance(data, dict):
        where = doc.values.get((), Pos(1, 1))
        raise LoadError("文件的顶层应当是“键: 值”的映射", file=display, line=where.line, column=where.column,
                        hint=SHAPE_HINT)
    return doc


_C_PARSER: Any = None


def _events(text: str) -> Callable[[], Any]:
    """A function returning the next parse event: ruamel.yaml's C parser when built, its pure one otherwise."""
    global _C_PARSER
    if _C_PARSER is None:
        try:  # ruamel.yaml.clib, then the newer clibz; both are libyaml compiled for ruamel.yaml
            from _ruamel_yaml import CParser  # type: ignore[import-not-found]
        except ImportError:
            try:
                from _ruamel_yaml_clibz import CParser  # type: ignore[import-not-found]
            except ImportError:  # pragma: no cover - a platform without wheels: slower, same results
                CParser = False
        _C_PARSER = CParser
    if _C_PARSER:
        return _C_PARSER(text).get_event  # type: ignore[no-any-return]
    from ruamel.yaml import YAML  # pragma: no cover

    return iter(YAML(typ="safe", pure=True).parse(text)).__next__  # pragma: no cover


def _errors() -> tuple[type[BaseException], ...]:
    from ruamel.yaml.error import YAMLError

    return (YAMLError,)


# libyaml's (and ruamel's pure parser's) problem texts, by prefix, in the words a form-filler understands
_PROBLEMS = (
    ("mapping values are not allowed", "这里不能出现“键: 值”（多半是缩进不对，或值里的冒号后面需要加引号：写成 \"a: b\"）"),
    ("could not find expected ':'", "缺少冒号“:”（上一行的“键: 值”没有写完，或缩进不对）"),
    ("found character that cannot start any token", "出现了不能作为开头的字符（值以 @ ` % 等符号开头时请加引号）"),
    ("found a tab character", "缩进里有制表符（Tab）"),
    ("did not find expected key", "缩进没有对齐（同一层的键要左对齐），或列表项“- ”的位置不对"),
    ("did not find expected '-' indicator", "列表项“- ”和其他内容的缩进不一致"),
    ("did not find expected ',' or ']'", "方括号“[”没有闭合：列表缺少“]”或项之间缺少逗号"),
    ("did not find expected ',' or '}'", "花括号“{”没有闭合：映射缺少“}”或项之间缺少逗号"),
    ("did not find expected node content", "这里缺少值（多了一个“]”“}”或“,”）"),
    ("did not find expected <document start>", "文件在这里之后还有多余的内容（括号闭合之后又写了东西，或缩进不对）"),
    ("expected <block end>", "缩进不对"),
    ("found unexpected end of stream", "文件意外结束：引号或括号没有闭合"),
    ("found unknown escape character", "双引号字符串里有无法识别的转义（\\）：Windows 路径请用单引号"),
    ("found undefined tag handle", "不认识的标签（以 ! 开头的写法）"),
    ("did not find expected alphabetic or numeric character", "“&”或“*”后面缺少名字（值以 & * 开头时请加引号）"),
    ("did not find expected comment or line break", "引号闭合后这一行还有多余的内容"),
    ("control characters are not allowed", "文件里有不可见的控制字符"),
    ("found unexpected ':'", "这里出现了多余的冒号“:”（值里有冒号时请加引号）"),
    ("while scanning a quoted scalar", "引号没有闭合"),
    ("while scanning a simple key", "缺少冒号“:”"),
    ("sequence entries are not allowed", "这里不能出现列表项“- ”（缩进不对）"),
    # the same problems in the words of ruamel's pure-Python parser (used only where no C parser is installed)
    ("expected ',' or ']'", "方括号“[”没有闭合：列表缺少“]”或项之间缺少逗号"),
    ("expected ',' or '}'", "花括号“{”没有闭合：映射缺少“}”或项之间缺少逗号"),
    ("special characters are not allowed", "文件里有不可见的控制字符"),
)


def _translate(problem: str, context: str | None) -> str:
    for english, chinese in _PROBLEMS:
        if problem.startswith(english):
            return chinese
    return f"无法解析这一处（原文：{problem}{'，' + context if context else ''}）"


def _syntax_error(exc: BaseException, display: str, text: str) -> LoadError:
    problem = str(getattr(exc, "problem", None) or getattr(exc, "reason", None) or str(exc).split("\n", 1)[0])
    context = getattr(exc, "context", None)
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    opened = getattr(exc, "context_mark", None)
    line = mark.line + 1 if mark is not None else None
    column = mark.column + 1 if mark is not None else None
    if mark is None and isinstance(getattr(exc, "position", None), int):  # the reader's errors carry an offset only
        position = exc.position  # type: ignore[attr-defined]
        # libyaml counts bytes of the UTF-8 it was given; ruamel's pure reader counts characters
        before = text.encode("utf-8")[:position].decode("utf-8", "ignore") if _C_PARSER else text[:position]
        line = len(_BREAKS.findall(before)) + 1
        column = len(before) - max(before.rfind("\n"), before.rfind("\r")) if line > 1 else len(before) + 1
    if context and "quoted" in context and problem.startswith("found unexpected end of stream") and opened is not None:
        # the end of the file is where libyaml noticed; the opening quote is where the user must look
        return LoadError("YAML 格式错误：引号没有闭合（这里开始的引号直到文件末尾都没有对应的结束引号）", file=display,
                         line=opened.line + 1, column=opened.column + 1,
                         hint="在值的末尾补上同样的引号（' 或 \"）；值里本身有引号时，用另一种引号把整个值括起来")
    message = f"YAML 格式错误：{_translate(problem, context)}"
    if opened is not None and mark is not None and opened.line != mark.line and context and "flow" in context:
        message += f"（括号从第 {opened.line + 1} 行开始）"
    hint = ("删掉这个看不见的字符（多半是从网页、Word 或聊天软件复制时带进来的）"
            if problem.startswith(("control characters", "special characters"))
            else "检查这一行及上一行的缩进（只用空格）、冒号后的空格、引号和括号是否成对")
    return LoadError(message, file=display, line=line, column=column, hint=hint)


class _Builder:
    """Values from parse events, with an explicit stack: positions, raw text, and every refusal in one pass."""

    def __init__(self, doc: Doc, get: Callable[[], Any]) -> None:
        self.doc = doc
        self.get = get

    def error(self, message: str, mark: Any, hint: str) -> LoadError:
        return LoadError(message, file=self.doc.file, line=mark.line + 1, column=mark.column + 1, hint=hint)

    def run(self) -> Any:
        from ruamel.yaml import events as ev

        get = self.get
        get()  # stream start
        first = get()
        if type(first) is ev.StreamEndEvent:
            return _EMPTY
        doc = self.doc
        values, keys, raw, tags = doc.values, doc.keys, doc.raw, doc.tags
        resolve = _resolver()
        scalar_t, map_t, seq_t = ev.ScalarEvent, ev.MappingStartEvent, ev.SequenceStartEvent
        map_end, seq_end, alias_t = ev.MappingEndEvent, ev.SequenceEndEvent, ev.AliasEvent
        # a frame: [container, its path, the key awaiting its value (None: next scalar is a key), is a mapping]
        stack: list[list[Any]] = []
        root: Any = _EMPTY
        count = 0
        while True:
            event = get()
            kind = type(event)
            if kind is not map_end and kind is not seq_end:
                count += 1
                if count > MAX_NODES:
                    raise self.error(f"文件过大：超过 {MAX_NODES} 个节点", event.start_mark,
                                     "项目文件不应包含成千上万个条目；请拆分或精简")
            if stack:
                frame = stack[-1]
                if frame[3] and frame[2] is None:  # a mapping expects a key
                    if kind is scalar_t:
                        m = event.start_mark
                        key = event.value
                        if key == "<<" and event.implicit[0]:
                            raise self.error("不支持 YAML 合并键（<<）", m, "把要合并的内容直接写出来")
                        path = frame[1] + (key,)
                        if key in frame[0]:
                            raise self.error(f"键“{key}”重复出现（第一次在第 {keys[path].line} 行）", m,
                                             "删除或合并重复的键：YAML 只会保留其中一个，另一个会被悄悄丢掉")
                        keys[path] = Pos(m.line + 1, m.column + 1)
                        frame[2] = key
                        continue
                    if kind is map_end:
                        stack.pop()
                        if not stack:
                            break
                        continue
                    if kind is alias_t:
                        raise self.alias(event)
                    raise self.error("键必须是简单的文字", event.start_mark, "把键写成一个词，例如 name:，不要写成列表或映射")
                path = frame[1] + ((frame[2],) if frame[3] else (len(frame[0]),))
            else:
                path = ()
            if kind is scalar_t:
                m = event.start_mark
                values[path] = Pos(m.line + 1, m.column + 1)
                text = event.value
                raw[path] = text
                tag = event.tag
                if tag is None or tag == "!":
                    tag = resolve(text) if event.implicit[0] else _STR
                tags[path] = tag
                value = text if tag is _STR or event.style else _scalar(text, tag, event.style)
            elif kind is map_t or kind is seq_t:
                m = event.start_mark
                if len(stack) >= MAX_DEPTH:
                    raise self.error(f"嵌套太深：超过 {MAX_DEPTH} 层", m,
                                     "项目文件只需要几层缩进；检查是否误粘贴了生成的数据，或括号没有配对")
                values[path] = Pos(m.line + 1, m.column + 1)
                value = {} if kind is map_t else []
            elif kind is alias_t:
                raise self.alias(event)
            elif kind is seq_end:
                stack.pop()
                if not stack:
                    break
                continue
            else:  # pragma: no cover - the parser emits nothing else inside a document
                raise self.error("YAML 格式错误：无法识别的结构", event.start_mark, SHAPE_HINT)
            if stack:
                if frame[3]:
                    frame[0][frame[2]] = value
                    frame[2] = None
                else:
                    frame[0].append(value)
            else:
                root = value
            if kind is map_t:
                stack.append([value, path, None, True])
            elif kind is seq_t:
                stack.append([value, path, None, False])
            elif not stack:
                break
        get()  # document end
        after = get()
        if type(after) is not ev.StreamEndEvent:
            raise self.error("一个文件里只能有一个 YAML 文档（“---”之后又开始了一个）", after.start_mark,
                             "删掉多余的“---”及其后的内容，或把内容合并到同一个文档")
        if root is None or (isinstance(root, str) and root == "" and tags.get(()) == "tag:yaml.org,2002:null"):
            return _EMPTY
        return root

    def alias(self, event: Any) -> LoadError:
        return self.error("不支持 YAML 锚点和别名（& 和 *）", event.start_mark,
                          "把被引用的内容直接写出来：表单里每个值都应一目了然")


_RESOLVE: Any = None
_STR = "tag:yaml.org,2002:str"


def _resolver() -> Callable[[str], str]:
    """Implicit tags for plain scalars from ruamel.yaml's own YAML 1.1 table (as PyYAML read them before: yes/on are
    booleans), without the per-scalar Tag objects and path bookkeeping of its Resolver class."""
    global _RESOLVE
    if _RESOLVE is None:
        from ruamel.yaml.resolver import implicit_resolvers

        table: dict[str, list[tuple[str, Any]]] = {}
        for versions, tag, regexp, first in implicit_resolvers:
            if (1, 1) in versions:
                for char in first:
                    table.setdefault(char, []).append((tag, getattr(regexp, "lazy_self", lambda: regexp)()))  # lazily compiled
        memo: dict[str, str] = {}  # field names, units, enum values repeat across files: match each text once

        def resolve(value: str) -> str:
            tag = memo.get(value)
            if tag is None:
                tag = _STR
                for name, regexp in table.get(value[:1], ()):
                    if regexp.match(value):
                        tag = name
                        break
                if len(memo) > 100_000:
                    memo.clear()
                memo[value] = tag
            return tag

        _RESOLVE = resolve
    return _RESOLVE  # type: ignore[no-any-return]


_INT = re.compile(r"^[-+]?[0-9]+$")


def _scalar(value: str, tag: str, style: Any) -> Any:
    if style:  # quoted or block scalars are strings, whatever they look like
        return value
    kind = tag.rsplit(":", 1)[-1]
    if kind == "str":
        return value
    if kind == "null":
        return None
    if kind == "bool":
        if value in ("y", "Y", "n", "N"):
            return value  # ruamel's YAML 1.1 table has these; PyYAML (and so this tool before) read them as text
        return value.lower() in ("true", "yes", "on")
    if len(value) > _MAX_NUMBER_TEXT:
        return value  # 4,300+ digits make int() raise; the schema reports what it should be
    if kind == "int":
        if _INT.match(value):
            return int(value)
        return value  # 0x.., 0o.., 1_000: keep the text; the schema says what it should be
    if kind == "float":
        try:
            number = Decimal(value)  # never a float: money must stay exact
        except InvalidOperation:
            return value
        if not number.is_finite() or abs(number.adjusted()) > _MAX_NUMBER_TEXT:
            return value  # 1e+99999999 would overflow arithmetic and make a 100-million-digit string
        return number
    if kind == "timestamp":
        try:
            return _dt.date.fromisoformat(value)
        except ValueError:
            return value  # a date with a time, or a loose form: the schema reports it
    return value


# ---- writing ----------------------------------------------------------------------------------------------------

_BREAKS = re.compile(r"\r\n|\r|\n|\x85|\u2028|\u2029")  # what YAML (and so libyaml's line numbers) counts as a break


def _lines(text: str) -> list[str]:
    """Lines with their breaks, split where YAML splits them."""
    out, start = [], 0
    for match in _BREAKS.finditer(text):
        out.append(text[start:match.end()])
        start = match.end()
    if start < len(text):
        out.append(text[start:])
    return out


def set_top_scalar(text: str, key: str, value: str, display: str, what: str = "") -> str:
    """`text` with the top-level `key:` set to `value` by a ruamel.yaml round trip: comments, order, quoting, BOM and
    line endings kept, and every line other than that key's byte-identical (else a UsageError, nothing written)."""
    import io

    from ruamel.yaml import YAML
    from ruamel.yaml.scalarstring import ScalarString

    what = what or f"{key} 的值"
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    body = text[len(bom):]
    doc = parse_doc(body, display)  # our reader first: the same refusals and Chinese messages as `check`
    where, key_at = doc.values.get((key,)), doc.keys.get((key,))
    if where is None or key_at is None or not isinstance(doc.data.get(key), str):
        raise UsageError(f"{display} 里没有可以替换的{what}", file=display, hint=f"在 {display} 的顶层写 {key}: <值>")
    lines = _lines(body)
    row = key_at.line - 1
    if where.line != key_at.line or lines[row][where.column - 1:where.column] in ("|", ">"):
        raise UsageError(f"无法在 {display} 中定位{what}（写成了多行或块文字）", file=display, line=key_at.line,
                         hint=f"把 {key} 写成一行，如 {key}: {value}")
    # The round trip is of the key's own line: a one-key mapping with its comment, quoting and spacing. Every other
    # line is kept byte for byte by construction, and a whole-file round trip (pure Python: about 0.1 s for a
    # project.yaml) is not paid by `advance`, nor a thousand times by `verify`, which recomputes each advance's edit.
    ending = lines[row][len(lines[row].rstrip("\r\n\x85\u2028\u2029")):]
    yaml = YAML()  # round trip
    yaml.preserve_quotes = True
    yaml.width = 1 << 30  # never re-wrap a long line
    data = yaml.load(lines[row][: len(lines[row]) - len(ending)])
    old = data[key]
    data[key] = type(old)(value) if isinstance(old, ScalarString) else value  # keep '…' or "…" if it had them
    out = io.StringIO()
    yaml.dump(data, out)
    fresh = out.getvalue().rstrip("\n")
    if "\n" in fresh:  # the value would need more than one line: not a stage id
        raise UsageError(f"无法把{what}写成一行", file=display, line=key_at.line, hint=f"{key} 的值应是一个编号，如 {key}: {value}")
    new_lines = lines[:row] + [fresh + ending] + lines[row + 1:]
    result = "".join(new_lines)
    check = parse_doc(result, display)
    if check.data.get(key) != value or {**check.data, key: None} != {**doc.data, key: None}:
        raise UsageError(f"修改 {key} 后 {display} 的其他内容会改变，已放弃", file=display, line=key_at.line,
                         hint=f"把 {key} 单独写成一行“{key}: 值”后再试")
    return bom + result


_QUOTER: Any = None


def quote_scalar(text: str) -> str:
    """`text` as a one-line YAML scalar that this reader gives back unchanged: plain when it can be, quoted when it
    would otherwise read as a number, date, boolean (YAML 1.1: yes/on too), null or syntax. ruamel.yaml decides."""
    global _QUOTER
    if _QUOTER is None:
        import io

        from ruamel.yaml import YAML
        from ruamel.yaml.resolver import BaseResolver, implicit_resolvers

        class Resolver11(BaseResolver):  # the table _resolver() reads with, so the emitter quotes what it must
            def __init__(self, version: Any = None, loader: Any = None, loadumper: Any = None) -> None:
                BaseResolver.__init__(self, loadumper=loader or loadumper)

        for versions, tag, regexp, first in implicit_resolvers:
            if (1, 1) in versions:
                Resolver11.add_implicit_resolver_base(tag, regexp, first)
        yaml = YAML(typ="safe", pure=True)
        yaml.Resolver = Resolver11
        yaml.default_flow_style = True
        yaml.width = 1 << 30
        yaml.allow_unicode = True

        def quote(value: str) -> str:
            out = io.StringIO()
            yaml.dump(value, out)
            dumped = out.getvalue().rstrip("\n")
            if dumped.endswith("\n..."):
                dumped = dumped[: -len("\n...")]
            return dumped.strip()

        _QUOTER = quote
    return _QUOTER(text)  # type: ignore[no-any-return]


_UMASK: int | None = None


def _umask() -> int:
    """The process umask (read once: os.umask can only be read by setting it)."""
    global _UMASK
    if _UMASK is None:
        _UMASK = os.umask(0o022)
        os.umask(_UMASK)
    return _UMASK


def _write_problem(exc: OSError, display: str) -> WriteError:
    import errno

    reason = {errno.EACCES: "没有写入权限", errno.EPERM: "没有写入权限", errno.EROFS: "所在的文件系统是只读的",
              errno.ENOSPC: "磁盘空间已满", errno.EDQUOT: "超过了磁盘配额", errno.EISDIR: "这是一个文件夹",
              errno.ENOTDIR: "路径中有一段不是文件夹", errno.ENAMETOOLONG: "文件名太长"}.get(exc.errno or 0)
    hint = {errno.ENOSPC: "清理磁盘空间后重新运行", errno.EDQUOT: "清理磁盘空间后重新运行",
            errno.EISDIR: "给出一个文件名（例如 -o 结果/报告.json），而不是文件夹"}.get(
        exc.errno or 0, "检查文件和所在文件夹的权限（ls -l），或换一个可以写入的位置")
    return WriteError(f"无法写入文件（{reason or exc.strerror or exc}），原文件没有改动", file=display, hint=hint)


def _write_into(target: Path, text: str | bytes, shown: str) -> None:
    try:
        with open(target, "wb") as handle:
            handle.write(text if isinstance(text, bytes) else text.encode("utf-8"))
    except OSError as exc:
        raise _write_problem(exc, shown) from None


def atomic_write(path: Path, text: str | bytes, *, display: str | None = None) -> None:
    """Write all or nothing: a temp file in the same folder, fsync, then rename over the target (text as UTF-8).

    The file gets the mode an ordinary write would give it: an existing file keeps its mode, a new one follows the
    umask (mkstemp alone would make every file 0600, unreadable to colleagues on a shared server). A symlink is
    written through (its target is replaced, the link stays). Any failure is a WriteError (exit 2) and leaves the
    old file as it was."""
    shown = display or str(path)
    target = Path(os.path.realpath(path)) if os.path.islink(path) else path  # a dangling link: what it points to
    try:
        info = path.stat()  # through links
        if stat.S_ISDIR(info.st_mode):
            raise WriteError("这是一个文件夹，不能写成文件，没有写入", file=shown,
                             hint="给出一个文件名（例如 -o 结果/报告.json），而不是文件夹")
        if not stat.S_ISREG(info.st_mode):  # a device or pipe (-o /dev/stdout): write into it, never replace it
            _write_into(path, text, shown)
            return
        mode = info.st_mode & 0o7777
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    except OSError as exc:
        raise _write_problem(exc, shown) from None
    tmp = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=str(target.parent))
        with (os.fdopen(fd, "wb") if isinstance(text, bytes) else
              os.fdopen(fd, "w", encoding="utf-8", newline="\n")) as handle:
            os.fchmod(handle.fileno(), mode)
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
        tmp = None
    except OSError as exc:
        raise _write_problem(exc, shown) from None
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _trailing(node: Any) -> tuple[Any, Any] | None:
    """(the mapping, its last key) holding the comment after `node`'s last line (ruamel keeps it at the deepest last key)."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(node, CommentedMap) and node:
        key = list(node)[-1]
        inner = _trailing(node[key]) if isinstance(node[key], (CommentedMap, CommentedSeq)) and node[key] else None
        return inner or (node, key)
    if isinstance(node, CommentedSeq) and node:
        return _trailing(node[-1])
    return None


def _move_trailing_comment(old: Any, new: Any) -> None:
    source, target = _trailing(old), _trailing(new)
    if source is None or target is None:
        return
    entry = source[0].ca.items.get(source[1])
    if not entry or len(entry) < 3 or entry[2] is None:
        return
    token = entry[2]
    text = token.value
    # an end-of-line comment (`amount: 5  # 注`) is the line's own, not what follows: keep it, move the rest
    first, sep, rest = text.partition("\n")
    if first.strip():
        if not rest.strip():
            return
        token.value = first + sep
        from ruamel.yaml.tokens import CommentToken

        moved = CommentToken("\n" + rest if not rest.startswith("\n") else rest, token.start_mark, None)
    else:
        entry[2] = None
        moved = token
    slot = target[0].ca.items.setdefault(target[1], [None, None, None, None])
    slot[2] = moved


def set_paths(text: str, display: str, changes: list[tuple[tuple[str, ...], Any]],
              appends: list[tuple[tuple[str, ...], dict[str, Any]]] | None = None) -> str:
    """`text` with each (path, value) of `changes` set by a ruamel.yaml round trip of the whole file: comments, key
    order, quoting and layout kept; missing or empty mappings on the way are created; each (path, item) of `appends`
    is added at the end of the list at path (an empty `lines:` or `lines: []` becomes a block list; the comments
    after the key, such as the scaffold's commented example, stay where they are, after the new items). Read back
    with our reader: the changed values must read as given and every other value must be unchanged (else a
    UsageError, nothing written). Values: str (quoted when it would otherwise read as something else), date, bool,
    Decimal, int, list of str, mappings of these (items), None."""
    import copy
    import datetime as _dt
    import io

    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import LiteralScalarString, SingleQuotedScalarString

    bom = "\ufeff" if text.startswith("\ufeff") else ""
    body = text[len(bom):]
    crlf = "\r\n" in body
    if crlf:
        body = body.replace("\r\n", "\n")
    doc = parse_doc(body, display, allow_empty=True)  # our reader first: the same refusals and messages as `check`

    def plain(value: Any) -> Any:
        if isinstance(value, str):
            if "\n" in value:
                return LiteralScalarString(value)
            return SingleQuotedScalarString(value) if quote_scalar(value) != value else value
        if isinstance(value, list):
            seq = CommentedSeq(plain(v) for v in value)
            return seq
        if isinstance(value, dict):
            return CommentedMap((k, plain(v)) for k, v in value.items())
        return value

    from ruamel.yaml.representer import RoundTripRepresenter

    class Representer(RoundTripRepresenter):  # money stays exact: a Decimal is written as its digits
        pass

    def money(rep: Any, value: Decimal) -> Any:  # 168 is written as an integer: a plain "168" tagged float is quoted
        text = f"{value:f}"
        return rep.represent_scalar("tag:yaml.org,2002:" + ("float" if "." in text else "int"), text)

    Representer.add_representer(Decimal, money)

    def loader() -> Any:
        yaml = YAML()
        yaml.Representer = Representer
        yaml.preserve_quotes = True
        yaml.width = 1 << 30
        yaml.indent(mapping=2, sequence=4, offset=2)
        return yaml

    data = loader().load(body) or CommentedMap()
    def parent_of(path: tuple) -> Any:
        """The mapping that holds path[-1], made on the way where it is missing."""
        node = data
        for part in path[:-1]:
            child = node.get(part)
            if not isinstance(child, dict):
                child = CommentedMap()
                node[part] = child
            node = child
        return node

    for path, value in changes:
        parent_of(path)[path[-1]] = plain(value)
    for path, item in appends or []:
        node = parent_of(path)
        seq = node.get(path[-1])
        if not isinstance(seq, list):
            seq = CommentedSeq()
            node[path[-1]] = seq
        seq.fa.set_block_style()
        new = plain(item)
        if seq:  # the comment after the last item (the scaffold's example) stays after the list: move it to the new one
            _move_trailing_comment(seq[-1], new)
        seq.append(new)
    out = io.StringIO()
    loader().dump(data, out)
    result = out.getvalue()
    check = parse_doc(result, display)
    expected = copy.deepcopy(doc.data) if isinstance(doc.data, dict) else {}
    for path, value in changes:
        node = expected
        for part in path[:-1]:
            if not isinstance(node.get(part), dict):
                node[part] = {}
            node = node[part]
        node[path[-1]] = value if not isinstance(value, _dt.datetime) else value.date()
    for path, item in appends or []:
        node = expected
        for part in path[:-1]:
            if not isinstance(node.get(part), dict):
                node[part] = {}
            node = node[part]
        node[path[-1]] = list(node.get(path[-1]) or []) + [item]
    if check.data != expected:
        raise UsageError(f"写入后 {display} 的内容与预期不一致，已放弃（文件未修改）", file=display,
                         hint="检查该文件的写法（如重复的键、特殊的引号），或手工修改后运行 govproj check")
    if crlf:
        result = result.replace("\n", "\r\n")
    return bom + result
