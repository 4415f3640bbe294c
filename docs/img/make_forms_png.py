"""Make docs/img/forms.png: two forms rendered by `govproj render --pdf` from the bundled examples, side by side.

Needs LibreOffice (soffice) and poppler (pdftoppm). Run from the repository root:

    python docs/img/make_forms_png.py

On Linux the Chinese fonts the templates name (仿宋, 黑体, 楷体, 方正小标宋简体) are mapped to Noto CJK / AR PL UKai when
those are installed (fonts-noto-cjk, fonts-arphic-ukai), through a private fontconfig file; Word and WPS on Windows
use the named fonts themselves. Pure standard library: the two pages are joined and written as PNG with zlib.
"""
from __future__ import annotations

import os
import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent / "forms.png"
FORMS = (("bj", "upgrade", "needs", "附件1-信息化项目需求确认表.pdf"),
         ("yb", "build", "declaration", "附件1-渝北区政务信息化项目需求申报表.pdf"))
DPI, GAP, BACKGROUND = 70, 24, (0xE6, 0xE6, 0xE6)

FONTS_CONF = """<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>
<include ignore_missing="yes">/etc/fonts/fonts.conf</include>
<alias binding="same"><family>仿宋</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
<alias binding="same"><family>宋体</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
<alias binding="same"><family>黑体</family><prefer><family>Noto Sans CJK SC</family></prefer></alias>
<alias binding="same"><family>楷体</family><prefer><family>AR PL UKai CN</family></prefer></alias>
<match target="pattern"><test name="family"><string>方正小标宋简体</string></test>
<edit name="family" mode="assign" binding="same"><string>Noto Serif CJK SC</string></edit>
<edit name="weight" mode="assign" binding="same"><const>bold</const></edit></match></fontconfig>"""


def read_ppm(data: bytes) -> tuple[int, int, bytes]:
    """Width, height and RGB bytes of a binary PPM (P6, maxval 255) as pdftoppm writes it."""
    fields, pos = [], 0
    while len(fields) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        if data[pos:pos + 1] == b"#":
            pos = data.index(b"\n", pos)
            continue
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    assert fields[0] == b"P6" and fields[3] == b"255"
    return int(fields[1]), int(fields[2]), data[pos + 1:]


def side_by_side(pages: list[tuple[int, int, bytes]]) -> tuple[int, int, list[bytes]]:
    height = max(h for _, h, _ in pages) + 2 * GAP
    width = sum(w for w, _, _ in pages) + GAP * (len(pages) + 1)
    background = bytes(BACKGROUND)
    rows = []
    for y in range(height):
        row = bytearray(background * GAP)
        for w, h, rgb in pages:
            top = y - GAP
            row += rgb[top * w * 3:(top + 1) * w * 3] if 0 <= top < h else background * w
            row += background * GAP
        rows.append(bytes(row))
    return width, height, rows


def write_png(path: Path, width: int, height: int, rows: list[bytes]) -> None:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    raw = b"".join(b"\x00" + row for row in rows)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from govproj.cli import main as govproj

    with tempfile.TemporaryDirectory() as tmp:
        fonts = Path(tmp) / "fonts.conf"
        fonts.write_text(FONTS_CONF, encoding="utf-8")
        os.environ.setdefault("FONTCONFIG_FILE", str(fonts))
        pages = []
        for jurisdiction, kind, form, pdf in FORMS:
            folder = Path(tmp) / jurisdiction
            assert govproj(["new", str(folder), "--jurisdiction", jurisdiction, "--kind", kind, "--example"]) == 0
            assert govproj(["render", str(folder), "--form", form, "--pdf"]) == 0
            ppm = subprocess.run(["pdftoppm", "-r", str(DPI), "-f", "1", "-l", "1", str(folder / "forms" / pdf)],
                                 capture_output=True, check=True).stdout
            pages.append(read_ppm(ppm))
        write_png(OUT, *side_by_side(pages))
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
