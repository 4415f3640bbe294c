"""The zip edge of `govproj archive`: a reproducible zip, the SHA256SUMS manifest, and reading a package back.

Reproducible: the same files give the same bytes. Entries are sorted, every entry carries the same time (the
archived commit's date, never the clock), the same permissions (0644, Unix), no extra fields, and the UTF-8 name
flag; the compression is deflate at a fixed level.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from govproj.errors import UsageError

MANIFEST = "SHA256SUMS"
MODE = 0o100644  # a regular file, rw-r--r--


def zip_time(when: _dt.datetime) -> tuple[int, int, int, int, int, int]:
    """A zip entry's date_time for a commit date (as the committer's clock showed it; zip cannot hold 1979)."""
    if when.year < 1980:
        return (1980, 1, 1, 0, 0, 0)
    return (when.year, when.month, when.day, when.hour, when.minute, when.second - when.second % 2)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _escaped(name: str) -> tuple[str, str]:
    """GNU coreutils' form of a name in a checksum line: a backslash or newline is escaped and the line starts
    with a backslash."""
    if "\\" in name or "\n" in name or "\r" in name:
        return "\\", name.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")
    return "", name


def sha256sums(files: dict[str, bytes]) -> str:
    """The manifest as `sha256sum` writes it and `sha256sum -c` reads it: "<hex>  <name>", names sorted."""
    lines = []
    for name in sorted(files):
        mark, text = _escaped(name)
        lines.append(f"{mark}{sha256(files[name])}  {text}\n")
    return "".join(lines)


def parse_sha256sums(text: str) -> tuple[dict[str, str], list[str]]:
    """(name -> hex) of a manifest, and the lines that are not checksum lines."""
    sums: dict[str, str] = {}
    bad: list[str] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        escaped = line.startswith("\\")
        body = line[1:] if escaped else line
        digest, sep, name = body.partition("  ")
        if not sep or len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest.lower()):
            bad.append(f"第 {number} 行：{line[:80]}")
            continue
        if escaped:
            name = name.replace("\\\\", "\0").replace("\\n", "\n").replace("\\r", "\r").replace("\0", "\\")
        sums[name] = digest.lower()
    return sums, bad


def build_zip(files: dict[str, bytes], when: _dt.datetime) -> bytes:
    """The package: every file under its name, in sorted order, with fixed times and permissions."""
    stamp = zip_time(when)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix: the permissions below mean what they say
            info.external_attr = MODE << 16
            zout.writestr(info, files[name], compresslevel=9)
    return out.getvalue()


def write_zip(path: Path, data: bytes) -> None:
    """All or nothing, as every write of govproj (a temp file beside it, then a rename)."""
    from govproj.edges.yamlio import atomic_write

    try:
        atomic_write(path, data)
    except OSError as exc:
        raise UsageError(f"无法写入档案包 {path}：{exc.strerror}", hint="检查文件夹是否存在且可写，或用 -o 写到别处") from None


@dataclass
class Package:
    """A package read back: its top folder, its files (name below the top folder -> bytes)."""

    path: Path
    top: str
    files: dict[str, bytes] = field(default_factory=dict)
    outside: list[str] = field(default_factory=list)  # entries not under the top folder


def read_zip(path: Path) -> Package:
    if not path.is_file():
        raise UsageError(f"档案包 {path} 不存在", hint="写出 govproj archive 生成的 .zip 文件的路径")
    try:
        with zipfile.ZipFile(path) as zin:
            entries = {info.filename: zin.read(info) for info in zin.infolist() if not info.is_dir()}
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise UsageError(f"{path} 不是可读的 zip 文件（{exc}）", hint="写出 govproj archive 生成的档案包") from None
    except NotImplementedError as exc:  # a compression method zipfile lacks: not one of ours
        raise UsageError(f"{path} 使用了无法读取的压缩方式（{exc}）", hint="写出 govproj archive 生成的档案包") from None
    tops = sorted({name.split("/", 1)[0] for name in entries if "/" in name})
    manifests = [name for name in entries if name.endswith("/" + MANIFEST) and name.count("/") == 1]
    top = manifests[0].split("/", 1)[0] if len(manifests) == 1 else (tops[0] if len(tops) == 1 else "")
    package = Package(path, top)
    for name, data in entries.items():
        if top and name.startswith(top + "/"):
            package.files[name[len(top) + 1:]] = data
        else:
            package.outside.append(name)
    return package
