"""How govproj writes files: the umask's mode for new files, the old mode kept, links written through, and every
failure to write a clear message with exit 2 (never "内部错误"), the old file untouched.

Real processes with a real umask, real symlinks, a real full device (/dev/full).
"""
from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest


def _govproj(cwd: Path, *args: str, umask: int = 0o022) -> subprocess.CompletedProcess:
    def _set() -> None:
        os.umask(umask)

    env = {**os.environ, "NO_COLOR": "1", "GOVPROJ_NO_CACHE": "1"}
    return subprocess.run([sys.executable, "-m", "govproj", *args], cwd=str(cwd), capture_output=True, text=True,
                          env=env, preexec_fn=_set, timeout=120)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("umask, expected", [(0o022, 0o644), (0o027, 0o640), (0o077, 0o600), (0o002, 0o664)])
def test_new_files_follow_the_umask(tmp_path, umask, expected):
    done = _govproj(tmp_path, "new", "p", "--jurisdiction", "bj", "--kind", "new", "--example", umask=umask)
    assert done.returncode == 0, done.stderr
    files = [f for f in (tmp_path / "p").rglob("*") if f.is_file()]
    assert len(files) >= 8
    assert {f.relative_to(tmp_path).as_posix(): _mode(f) for f in files} == \
        {f.relative_to(tmp_path).as_posix(): expected for f in files}


def test_render_and_output_files_follow_the_umask(tmp_path):
    assert _govproj(tmp_path, "new", "p", "--jurisdiction", "bj", "--kind", "new", "--example").returncode == 0
    done = _govproj(tmp_path, "render", "p", "--form", "needs", umask=0o027)
    assert done.returncode == 0, done.stderr
    forms = list((tmp_path / "p" / "forms").iterdir())
    assert forms and all(_mode(f) == 0o640 for f in forms), [(f.name, oct(_mode(f))) for f in forms]
    done = _govproj(tmp_path, "check", "p", "--format", "json", "-o", "out.json", umask=0o022)
    assert done.returncode in (0, 1), done.stderr
    assert _mode(tmp_path / "out.json") == 0o644


def test_an_existing_file_keeps_its_mode(tmp_path):
    assert _govproj(tmp_path, "new", "p", "--jurisdiction", "bj", "--kind", "new").returncode == 0
    target = tmp_path / "p" / "project.yaml"
    target.chmod(0o640)
    done = _govproj(tmp_path, "record", "p", "declared", "--date", "2026-03-02", umask=0o077)
    assert done.returncode in (0, 1), done.stderr
    assert "2026-03-02" in target.read_text(encoding="utf-8")
    assert _mode(target) == 0o640


def test_output_onto_a_symlink_writes_through_it(tmp_path):
    assert _govproj(tmp_path, "new", "p", "--jurisdiction", "bj", "--kind", "new", "--example").returncode == 0
    (tmp_path / "results").mkdir()
    (tmp_path / "results" / "latest.json").write_text("旧内容", encoding="utf-8")
    (tmp_path / "latest.json").symlink_to("results/latest.json")
    done = _govproj(tmp_path, "check", "p", "--format", "json", "-o", "latest.json")
    assert done.returncode in (0, 1), done.stderr
    assert (tmp_path / "latest.json").is_symlink()
    assert os.readlink(tmp_path / "latest.json") == "results/latest.json"
    assert '"version"' in (tmp_path / "results" / "latest.json").read_text(encoding="utf-8")
    (tmp_path / "dangling.json").symlink_to("made/here.json")
    done = _govproj(tmp_path, "check", "p", "--format", "json", "-o", "dangling.json")
    assert done.returncode in (0, 1), done.stderr
    assert (tmp_path / "dangling.json").is_symlink() and (tmp_path / "made" / "here.json").is_file()


@pytest.mark.parametrize("target, words", [
    (".", ["这是一个文件夹", "给出一个文件名"]),
    ("/dev/full", ["磁盘空间已满", "清理磁盘空间"]),
    ("p/project.yaml/out.json", ["无法写入文件", "路径中有一段不是文件夹"]),
])
def test_a_write_that_fails_is_exit_2_with_what_to_do(tmp_path, target, words):
    assert _govproj(tmp_path, "new", "p", "--jurisdiction", "bj", "--kind", "new", "--example").returncode == 0
    before = (tmp_path / "p" / "project.yaml").read_bytes()
    done = _govproj(tmp_path, "check", "p", "--format", "json", "-o", target)
    assert done.returncode == 2, (done.returncode, done.stderr)
    assert "Traceback" not in done.stderr and "内部错误" not in done.stderr
    assert target in done.stderr or os.path.abspath(tmp_path / target) in done.stderr
    for word in words:
        assert word in done.stderr
    assert (tmp_path / "p" / "project.yaml").read_bytes() == before
    assert not [f for f in tmp_path.rglob("*.tmp")]


def test_render_into_a_file_is_exit_2(tmp_path):
    assert _govproj(tmp_path, "new", "p", "--jurisdiction", "bj", "--kind", "new", "--example").returncode == 0
    done = _govproj(tmp_path, "render", "p", "--form", "needs", "--out", "p/project.yaml")
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr and "内部错误" not in done.stderr
    assert "p/project.yaml" in done.stderr


def test_a_foreign_docx_is_refused_as_not_ours(tmp_path):
    assert _govproj(tmp_path, "new", "p", "--jurisdiction", "bj", "--kind", "new", "--example").returncode == 0
    done = _govproj(tmp_path, "render", "p", "--form", "needs", "--out", "out")
    assert done.returncode == 0, done.stderr
    name = next(f.name for f in (tmp_path / "out").glob("*.docx"))
    other = tmp_path / "elsewhere"
    other.mkdir()
    (other / name).write_bytes(b"PK\x03\x04 someone else's document")
    done = _govproj(tmp_path, "render", "p", "--form", "needs", "--out", "elsewhere")
    assert done.returncode == 2
    assert "不是 govproj 生成的" in done.stderr and name in done.stderr and "手工修改过" not in done.stderr
    assert (other / name).read_bytes() == b"PK\x03\x04 someone else's document"
