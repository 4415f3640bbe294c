"""The bad-input corpus: every way a project file can be wrong that users (or generators) have produced.

Each case breaks one thing in `projects/p` (the Beijing 12345 example, committed in a real git repository) beside a
good project `projects/ok` (the 西城 example), runs the real CLI over the whole folder and asserts:
the exit code; no traceback and no "内部错误"; a message that names the file and line and says what to do
(处理办法); the good project still reported; and the working tree and index exactly as they were.
"""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Callable

import pytest

from gitfixture import clean_git_env, commit_all, example_project, git, make_repo, snapshot
from govproj.cli import main

P = Path("projects/p")
Edit = Callable[[Path], None]


def sub(file: str, old: str, new: str, count: int = 1) -> Edit:
    def edit(folder: Path) -> None:
        path = folder / file
        text = path.read_text(encoding="utf-8")
        assert old in text, (file, old)
        path.write_text(text.replace(old, new, count), encoding="utf-8")
    return edit


def append(file: str, text: str) -> Edit:
    def edit(folder: Path) -> None:
        path = folder / file
        path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")
    return edit


def write(file: str, data: bytes | str) -> Edit:
    def edit(folder: Path) -> None:
        path = folder / file
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        else:
            path.write_bytes(data)
    return edit


def both(*edits: Edit) -> Edit:
    def edit(folder: Path) -> None:
        for one in edits:
            one(folder)
    return edit


def evidence_ref(ref: str) -> Edit:
    return sub("project.yaml", "evidence: [evidence/立项批复.pdf]", f"evidence: [{json.dumps(ref, ensure_ascii=False)}]")


def special(kind: str) -> Edit:
    def edit(folder: Path) -> None:
        target = folder / "evidence" / "特殊.pdf"
        if kind == "loop":
            os.symlink("特殊.pdf", target)
        elif kind == "fifo":
            os.mkfifo(target)
        elif kind == "dir":
            target.mkdir()
        elif kind == "outside":
            os.symlink("/etc", target)
        evidence_ref("evidence/特殊.pdf")(folder)
    return edit


def deep(style: str, depth: int = 700) -> Edit:
    if style == "flow":
        text = "deep: " + "[" * depth + "]" * depth + "\n"
    else:
        text = "deep:\n" + "".join("  " * (i + 1) + f"k{i}:\n" for i in range(depth)) + "  " * (depth + 1) + "v\n"
    return append("needs.yaml", text)


def alias_bomb() -> str:
    rows = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for i in range(1, 9):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        rows.append(f"{cur}: &{cur} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]")
    return "\n".join(rows) + "\n"


# (id, edit, exit code, file the message names, the line it must name: the first line of the edited file holding
#  one of the |-separated needles, "@N" for line N, None for the file alone; words the message or hint holds)
CASES: list[tuple[str, Edit, int, str, str | None, str]] = [
    # budget.yaml: syntax, encodings, size, shapes
    ("budget-unterminated-flow", sub("budget.yaml", "total: 168.00", "total: [168.00"), 2, "budget.yaml", None, "YAML"),
    ("budget-tab-indent", sub("budget.yaml", "  - name: 数据迁移", "\t- name: 数据迁移"), 2, "budget.yaml", "\t", "制表符"),
    ("budget-duplicate-key", append("budget.yaml", "total: 170\n"), 2, "budget.yaml", None, "重复"),
    ("budget-empty", write("budget.yaml", ""), 2, "budget.yaml", "@1", "空"),
    ("budget-gbk", write("budget.yaml", "unit: 万元\ntotal: 168.00\n".encode("gbk")), 2, "budget.yaml", "@1", "UTF-8"),
    ("budget-utf16", write("budget.yaml", "unit: 万元\ntotal: 168.00\n".encode("utf-16")), 2, "budget.yaml", None, "UTF-16"),
    ("budget-nul-byte", write("budget.yaml", b"unit: \xe4\xb8\x87\xe5\x85\x83\ntotal: 1\x0068\n"), 2, "budget.yaml", None, ""),
    ("budget-top-level-list", write("budget.yaml", "- total: 168\n"), 2, "budget.yaml", "@1", ""),
    ("budget-scalar-file", write("budget.yaml", "168\n"), 2, "budget.yaml", "@1", ""),
    ("budget-3mb", write("budget.yaml", "unit: 万元\n# " + "x" * (3 * 1024 * 1024) + "\n"), 2, "budget.yaml", None, "太大"),
    ("budget-alias-bomb", write("budget.yaml", alias_bomb()), 2, "budget.yaml", None, ""),
    ("budget-unknown-key", sub("budget.yaml", "total: 168.00", "totle: 168.00"), 1, "budget.yaml", "totle", "total"),
    ("budget-lines-not-list", sub("budget.yaml", "lines:\n", "lines: 全部软件\nold_lines:\n"), 1, "budget.yaml", "lines:", "列表"),
    # budget.yaml: money
    ("money-exponent-huge", sub("budget.yaml", "total: 168.00", "total: 1.0e+99999999"), 1, "budget.yaml", "total", "科学计数法"),
    ("money-exponent-tiny", sub("budget.yaml", "total: 168.00", "total: 1e-99999999"), 1, "budget.yaml", "total", "科学计数法"),
    ("money-1e400", sub("budget.yaml", "total: 168.00", "total: 1e400"), 1, "budget.yaml", "total", "科学计数法"),
    ("money-1e30", sub("budget.yaml", "total: 168.00", "total: 1e30"), 1, "budget.yaml", "total", "太大"),
    ("money-5000-digits", sub("budget.yaml", "total: 168.00", "total: " + "9" * 5000), 1, "budget.yaml", "total", "太大"),
    ("money-29-digits", sub("budget.yaml", "total: 168.00", "total: 12345678901234567890123.45"), 1, "budget.yaml", "total",
     "太大"),
    ("money-negative-total", sub("budget.yaml", "total: 168.00", "total: -168.00"), 1, "budget.yaml", "total", "负数"),
    ("money-negative-line", sub("budget.yaml", "amount: 28.00", "amount: -28.00"), 1, "budget.yaml", None, "负数"),
    ("money-finer-than-fen", sub("budget.yaml", "total: 168.00", "total: 168.0000001"), 1, "budget.yaml", "total", "分"),
    ("money-words", sub("budget.yaml", "total: 168.00", "total: 一百六十八万"), 1, "budget.yaml", "total", "不是数字"),
    ("money-fullwidth", sub("budget.yaml", "total: 168.00", "total: １６８"), 1, "budget.yaml", "total", "全角"),
    ("money-bool", sub("budget.yaml", "total: 168.00", "total: true"), 1, "budget.yaml", "total", "数字"),
    ("money-list", sub("budget.yaml", "total: 168.00", "total: [168]"), 1, "budget.yaml", "total", "数字"),
    ("money-nan", sub("budget.yaml", "total: 168.00", "total: .nan"), 1, "budget.yaml", "total", "数字"),
    # project.yaml: identity and stage
    ("unknown-jurisdiction", sub("project.yaml", "jurisdiction: bj", "jurisdiction: zz"), 2, "project.yaml", "jurisdiction:", "zz"),
    ("jurisdiction-list", sub("project.yaml", "jurisdiction: bj", "jurisdiction: [bj]"), 2, "project.yaml", "jurisdiction:", ""),
    ("unknown-kind", sub("project.yaml", "kind: new", "kind: brandnew"), 1, "project.yaml", "kind:", "brandnew"),
    ("unknown-stage", sub("project.yaml", "stage: refine", "stage: finished"), 1, "project.yaml", "stage:", "finished"),
    ("name-is-list", sub("project.yaml", "name: 12345", "name:\n  - 12345"), 1, "project.yaml", "- 12345", "文字"),
    ("events-is-list", sub("project.yaml", "events:\n", "events: []\nold_events:\n"), 1, "project.yaml", "events:", ""),
    ("project-yaml-is-folder", both(lambda f: (f / "project.yaml").unlink(), lambda f: (f / "project.yaml").mkdir()),
     2, "project.yaml", None, "文件夹"),
    ("control-char-in-yaml", sub("project.yaml", "name: 12345", "name: 12\x07345"), 2, "project.yaml", "name:", ""),
    ("duplicate-id", lambda f: shutil.copytree(f, f.parent / "p-copy"), 1, "project.yaml", "id:", "相同"),
    # project.yaml: dates
    ("date-nonexistent", sub("project.yaml", "date: 2026-03-20", "date: 2026-11-31"), 1, "project.yaml", "date: 2026-11-31|date: 9999|date: 0001|date: 2026/|date: 2026年|date: 2026-13|date: 20260320", "不是存在的日期"),
    ("date-9999", sub("project.yaml", "date: 2026-03-20", "date: 9999-12-31"), 1, "project.yaml", "date: 2026-11-31|date: 9999|date: 0001|date: 2026/|date: 2026年|date: 2026-13|date: 20260320", "长期有效"),
    ("date-year-1", sub("project.yaml", "date: 2026-03-20", "date: 0001-01-01"), 1, "project.yaml", "date: 2026-11-31|date: 9999|date: 0001|date: 2026/|date: 2026年|date: 2026-13|date: 20260320", "范围"),
    ("date-slashes", sub("project.yaml", "date: 2026-03-20", "date: 2026/03/20"), 1, "project.yaml", "date: 2026-11-31|date: 9999|date: 0001|date: 2026/|date: 2026年|date: 2026-13|date: 20260320", "YYYY-MM-DD"),
    ("date-chinese", sub("project.yaml", "date: 2026-03-20", "date: 2026年3月20日"), 1, "project.yaml", "date: 2026-11-31|date: 9999|date: 0001|date: 2026/|date: 2026年|date: 2026-13|date: 20260320", "YYYY-MM-DD"),
    ("date-month-13", sub("project.yaml", "date: 2026-03-20", "date: 2026-13-01"), 1, "project.yaml", "date: 2026-11-31|date: 9999|date: 0001|date: 2026/|date: 2026年|date: 2026-13|date: 20260320", "日期"),
    ("date-number", sub("project.yaml", "date: 2026-03-20", "date: 20260320"), 1, "project.yaml", "date: 2026-11-31|date: 9999|date: 0001|date: 2026/|date: 2026年|date: 2026-13|date: 20260320", "YYYY-MM-DD"),
    # evidence
    ("evidence-nul", evidence_ref("evidence/立项\x00批复.pdf"), 1, "project.yaml", "evidence: [\"|evidence: {", "控制字符"),
    ("evidence-absolute", evidence_ref("/etc/passwd"), 1, "project.yaml", "evidence: [\"|evidence: {", "绝对路径"),
    ("evidence-url", evidence_ref("https://example.gov.cn/批复.pdf"), 1, "project.yaml", "evidence: [\"|evidence: {", "网址"),
    ("evidence-outside", evidence_ref("../../README.txt"), 1, "project.yaml", "evidence: [\"|evidence: {", "之外"),
    ("evidence-missing", evidence_ref("evidence/没有这个文件.pdf"), 1, "project.yaml", "evidence: [\"|evidence: {", "不存在"),
    ("evidence-link-loop", special("loop"), 1, "project.yaml", "evidence: [\"|evidence: {", "无法解析"),
    ("evidence-fifo", special("fifo"), 1, "project.yaml", "evidence: [\"|evidence: {", "不是普通文件"),
    ("evidence-folder", special("dir"), 1, "project.yaml", "evidence: [\"|evidence: {", "文件夹"),
    ("evidence-link-outside", special("outside"), 1, "project.yaml", "evidence: [\"|evidence: {", "之外"),
    ("evidence-link-loop-unreferenced", lambda f: os.symlink(".", f / "evidence" / "loop"), 0, "", None, ""),
    ("evidence-link-to-root-unreferenced", lambda f: os.symlink("/", f / "evidence" / "root"), 0, "", None, ""),
    ("evidence-not-list", sub("project.yaml", "evidence: [evidence/立项批复.pdf]", "evidence: {a: 1}"), 1,
     "project.yaml", "evidence: [\"|evidence: {", "列表"),
    # waivers and settings
    ("waiver-incomplete", sub("project.yaml", "waivers:\n", "waivers:\n  - {rule: BJ071}\n"), 1, "project.yaml", "  - {rule:", "理由"),
    ("waiver-unknown-rule", sub("project.yaml", "waivers:\n",
                                "waivers:\n  - {rule: BJ999, reason: 无, approved_by: 王五, expires: 2099-12-31}\n"),
     1, "project.yaml", "  - {rule:", "BJ999"),
    ("waiver-bad-expiry", sub("project.yaml", "waivers:\n",
                              "waivers:\n  - {rule: BJ071, reason: 无, approved_by: 王五, expires: 长期}\n"),
     1, "project.yaml", "  - {rule:", "日期"),
    ("settings-unknown-rule", sub("project.yaml", "settings: {}", "settings: {BJ999: warning}"), 1, "project.yaml", "settings:",
     "BJ999"),
    ("settings-lower-gate", sub("project.yaml", "settings: {}", "settings: {GP011: off}"), 1, "project.yaml", "settings:",
     "不能把它降为"),
    ("settings-bad-severity", sub("project.yaml", "settings: {}", "settings: {BJ071: loud}"), 1, "project.yaml", "settings:",
     "无效"),
    ("settings-unknown-parameter", sub("project.yaml", "settings: {}", "settings: {BJ071: {colour: red}}"), 1,
     "project.yaml", "settings:", "参数"),
    ("settings-not-map", sub("project.yaml", "settings: {}", "settings: [BJ071]"), 1, "project.yaml", "settings:", ""),
    # other files
    ("needs-duplicate-key", append("needs.yaml", "existing_system: true\n"), 2, "needs.yaml", None, "重复"),
    ("needs-description-map", sub("needs.yaml", "description: |-", "description:\n  a: 1\nold_description: |-"), 1,
     "needs.yaml", None, "文字"),
    ("needs-deep-flow", deep("flow"), 2, "needs.yaml", None, "嵌套太深"),
    ("needs-deep-block", deep("block"), 2, "needs.yaml", None, "嵌套太深"),
    ("needs-signoff-date", sub("needs.yaml", "date: 2026-03-10", "date: 2026-02-30"), 1, "needs.yaml", None, "不是存在的日期"),
    ("contract-parties-map", write("contract.yaml", "parties: {a: 1}\n"), 1, "contract.yaml", None, "列表"),
    ("changes-negative", write("changes.yaml", "changes:\n  - {id: C1, date: 2026-09-01, what: 增加功能, amount: -5}\n"),
     1, "changes.yaml", "- {id: C1", "负数"),
    ("changes-not-list", write("changes.yaml", "changes: 增加了一个模块\n"), 1, "changes.yaml", "changes:", "列表"),
    ("calendar-malformed", write("calendar.yaml", "holidays: [2026-10-01\n"), 2, "calendar.yaml", None, ""),
    ("calendar-bad-date", write("calendar.yaml", "years:\n  2026:\n    source: 国办发明电〔2025〕7号\n    holidays: [2026-02-30]\n"), 2, "calendar.yaml", "holidays", "日期"),
    ("unknown-yaml-file", write("notes.yaml", "a: [\n"), 0, "", None, ""),
]


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    with pytest.MonkeyPatch.context() as monkeypatch:
        clean_git_env(monkeypatch)
        repo = make_repo(tmp_path_factory.mktemp("corpus") / "repo")
        example_project(repo, "projects/p", "bj", "new")
        example_project(repo, "projects/ok", "xc", "new")
        (repo / "README.txt").write_text("项目仓库\n", encoding="utf-8")
        commit_all(repo, "两个项目")
    return repo


def _anchor(path: Path, at: str | None) -> int | None:
    if at is None:
        return None
    if at.startswith("@"):
        return int(at[1:])
    rows = path.read_text(encoding="utf-8", errors="replace").splitlines()
    return next(n for n, row in enumerate(rows, 1) if any(needle in row for needle in at.split("|")))


def test_the_corpus_is_large_and_distinct() -> None:
    assert len(CASES) >= 60 and len({c[0] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("name, edit, code, file, at, words", CASES, ids=[c[0] for c in CASES])
def test_bad_input(tmp_path: Path, monkeypatch, capsys, template: Path, name, edit, code, file, at, words) -> None:
    clean_git_env(monkeypatch)
    monkeypatch.setenv("NO_COLOR", "1")
    repo = tmp_path / "repo"
    shutil.copytree(template, repo, symlinks=True)
    monkeypatch.chdir(repo)
    edit(repo / P)
    line = _anchor(repo / P / file, at) if file else None
    before = snapshot(repo)
    rc = main(["check", "projects", "--format", "json", "--today", "2026-11-25"])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err and "内部错误" not in out + err, err
    assert rc == code, (rc, out[-2000:], err)
    assert snapshot(repo) == before, "check must change nothing"
    if code == 2 and not out.strip().startswith("{"):  # the whole run stopped: only for repository-wide files
        raise AssertionError(f"one bad project stopped the run: {err}")
    report = json.loads(out)
    projects = {p["path"]: p for p in report["projects"]}
    assert "projects/ok" in projects and not projects["projects/ok"].get("load_error"), "the good project is reported"
    if not file:
        return
    shown = f"projects/p/{file}"
    loaded = projects.get("projects/p", {}).get("load_error")
    if loaded:
        assert loaded.startswith(shown + (f":{line}:" if line else "")), loaded
        assert "处理办法" in loaded and (not words or words in loaded), loaded
        return
    found = [d for d in report["diagnostics"] if d["file"] == shown and (line is None or d["line"] == line)
             and words in d["message"] + d["hint"]]
    assert found, [(d["file"], d["line"], d["code"], d["message"]) for d in report["diagnostics"]]
    assert all(d["hint"] and d["citation"] for d in found)
