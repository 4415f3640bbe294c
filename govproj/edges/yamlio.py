"""Read YAML into plain values that remember their line and column; refuse what YAML allows but a form must not.

PyYAML's `compose` (with libyaml when present) gives nodes with marks; we build the values ourselves so that
every value keeps its position, money keeps its exact text, duplicate keys and aliases are refused, and a
malformed file yields one message with file and line instead of a traceback.
"""
from __future__ import annotations

import datetime as _dt
import os
import re
import tempfile
from pathlib import Path
from typing import Any

import yaml

from govproj.core.doc import Doc, Pos  # the records live in the core; the reader fills them
from govproj.errors import LoadError

try:  # libyaml is several times faster; fall back to pure Python where it is not built
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader

Path_ = tuple  # a path inside a document: keys and list indexes, e.g. ("lines", 0, "amount")

_MAX_NODES = 200_000  # far above any real project file; a guard against generated monsters


def read_text(path: Path, display: str) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise LoadError("文件不存在", file=display, hint="检查路径是否正确") from None
    except IsADirectoryError:
        raise LoadError("这是一个文件夹，不是文件", file=display) from None
    except OSError as exc:
        raise LoadError(f"无法读取文件（{exc.strerror}）", file=display) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise LoadError(
            "文件不是 UTF-8 编码",
            file=display,
            line=line,
            hint="用编辑器把文件另存为 UTF-8 编码（WPS/记事本：另存为 → 编码选 UTF-8）",
        ) from None


def load_doc(path: Path, display: str, *, allow_empty: bool = False) -> Doc:
    """Parse one YAML file; every syntax-level problem is a LoadError naming file and line."""
    text = read_text(path, display)
    return parse_doc(text, display, allow_empty=allow_empty)


def parse_doc(text: str, display: str, *, allow_empty: bool = False) -> Doc:
    if "\t" in text:
        # YAML forbids tabs for indentation; libyaml's message for it is cryptic, ours names the line
        for number, line in enumerate(text.splitlines(), 1):
            stripped = line.lstrip(" ")
            if stripped.startswith("\t"):
                raise LoadError("缩进里有制表符（Tab）", file=display, line=number,
                                hint="YAML 只能用空格缩进，把 Tab 换成两个空格")
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        column = mark.column + 1 if mark else None
        problem = _translate(exc.problem or exc.context or "格式错误")
        raise LoadError(f"YAML 格式错误：{problem}", file=display, line=line, column=column,
                        hint="检查这一行及上一行的缩进、冒号后的空格和引号是否成对") from None
    except yaml.YAMLError as exc:
        raise LoadError(f"YAML 格式错误：{exc}", file=display) from None
    doc = Doc(file=display, data=None, text=text)
    if node is None or (isinstance(node, yaml.ScalarNode) and node.value == "" and node.tag.endswith("null")):
        if allow_empty:
            doc.data = {}
            return doc
        raise LoadError("文件是空的", file=display, line=1,
                        hint="用 `govproj new` 重新生成该文件的模板，或从示例项目复制")
    builder = _Builder(doc)
    doc.data = builder.build(node, ())
    if not isinstance(doc.data, dict):
        raise LoadError("文件的顶层应当是“键: 值”的映射", file=display, line=node.start_mark.line + 1,
                        column=node.start_mark.column + 1, hint="参照 docs/format.md 中该文件的写法")
    return doc


_PROBLEMS = {
    "mapping values are not allowed here": "这里不能出现“键: 值”（多半是缩进不对，或值里的冒号需要加引号）",
    "could not find expected ':'": "缺少冒号“:”",
    "found character that cannot start any token": "出现了不能作为开头的字符（值里有 @ ` 等符号时请加引号）",
    "did not find expected key": "缩进不对齐，或列表项“- ”的位置不对",
    "found undefined alias": "引用了未定义的别名",
    "expected <block end>, but found '-'": "列表项“- ”的缩进不对",
    "found unexpected end of stream": "文件意外结束（引号或括号没有闭合）",
    "did not find expected node content": "缺少内容",
    "found unknown escape character": "双引号字符串里有无法识别的转义（\\）",
}


def _translate(problem: str) -> str:
    for english, chinese in _PROBLEMS.items():
        if problem.startswith(english):
            return chinese
    return problem


class _Builder:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.seen: set[int] = set()
        self.count = 0

    def _pos(self, node: yaml.Node) -> Pos:
        return Pos(node.start_mark.line + 1, node.start_mark.column + 1)

    def build(self, node: yaml.Node, path: tuple) -> Any:
        self.count += 1
        if self.count > _MAX_NODES:
            raise LoadError("文件过大（节点过多）", file=self.doc.file, hint="项目文件不应包含成千上万个条目；请拆分或精简")
        if id(node) in self.seen:
            line, column = _first_alias(self.doc.text) or (node.start_mark.line + 1, node.start_mark.column + 1)
            raise LoadError("不支持 YAML 锚点和别名（& 和 *）", file=self.doc.file, line=line, column=column,
                            hint="把被引用的内容直接写出来：表单里每个值都应一目了然")
        self.seen.add(id(node))
        self.doc.values[path] = self._pos(node)
        if isinstance(node, yaml.MappingNode):
            out: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    raise LoadError("不支持 YAML 合并键（<<）", file=self.doc.file,
                                    line=key_node.start_mark.line + 1, hint="把要合并的内容直接写出来")
                if not isinstance(key_node, yaml.ScalarNode):
                    raise LoadError("键必须是简单的文字", file=self.doc.file, line=key_node.start_mark.line + 1)
                key = key_node.value
                if key_node.tag.endswith(":int"):
                    key = key  # keep numeric keys (years in calendar files) as their text
                if key in out:
                    first = self.doc.keys[path + (key,)]
                    raise LoadError(f"键“{key}”重复出现（第一次在第 {first.line} 行）", file=self.doc.file,
                                    line=key_node.start_mark.line + 1, column=key_node.start_mark.column + 1,
                                    hint="删除或合并重复的键：YAML 只会保留其中一个，另一个会被悄悄丢掉")
                self.doc.keys[path + (key,)] = self._pos(key_node)
                out[key] = self.build(value_node, path + (key,))
            return out
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        self.doc.raw[path] = node.value
        self.doc.tags[path] = node.tag
        return _scalar(node, self.doc, path)


def _first_alias(text: str) -> tuple[int, int] | None:
    """Where the first alias (*name) stands: composed nodes share the anchor's position, events do not."""
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            return event.start_mark.line + 1, event.start_mark.column + 1
    return None


_INT = re.compile(r"^[-+]?[0-9]+$")


def _scalar(node: yaml.ScalarNode, doc: Doc, path: tuple) -> Any:
    tag = node.tag.rsplit(":", 1)[-1]
    value = node.value
    if node.style:  # quoted or block scalars are strings, whatever they look like
        return value
    if tag == "null":
        return None
    if tag == "bool":
        return value.lower() in ("true", "yes", "on")
    if tag == "int":
        if _INT.match(value):
            return int(value)
        return value  # 0x.., 0o.., 1_000: keep the text; the schema says what it should be
    if tag == "float":
        from decimal import Decimal, InvalidOperation

        try:
            return Decimal(value)  # never a float: money must stay exact
        except InvalidOperation:
            return value
    if tag == "timestamp":
        try:
            return _dt.date.fromisoformat(value)
        except ValueError:
            return value  # a date with a time, or a loose form: the schema reports it
    return value


def atomic_write(path: Path, text: str | bytes) -> None:
    """Write all or nothing: a temp file in the same folder, fsync, then rename over the target (text as UTF-8)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=str(path.parent))
    try:
        with (os.fdopen(fd, "wb") if isinstance(text, bytes) else
              os.fdopen(fd, "w", encoding="utf-8", newline="\n")) as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
