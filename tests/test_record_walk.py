"""The new user's whole Beijing path with `govproj record` alone: `govproj new`, then every fact recorded through the
CLI (no YAML edited by hand), each step committed through the pre-commit hooks installed as the README says, and
`govproj advance` for each stage from 制定规划 to 绩效评估. Every comment of the scaffold is still there at the end.
"""
from __future__ import annotations

import contextlib
import datetime as _dt
import io
import os
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from gitfixture import clean_git_env, commit_all, git, make_repo, on_day
from govproj.cli import main
from govproj.core.format import FILES, file_specs
from govproj.packs import get_pack

ROOT = Path(__file__).resolve().parent.parent
PROJECT = "projects/hotline"
PACK = get_pack("bj")
SPECS = file_specs(PACK)


def cli(*args: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue() + err.getvalue()


def record(*args: str) -> str:
    code, out = cli("record", PROJECT, *args)
    assert code == 0, (args, out)
    return out


def text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:f}"
    return str(value)


def sets(data: dict, spec, prefix: str = "") -> list[str]:
    """--set arguments for the values of `data` (nested mappings dotted, lists one --set per item)."""
    out: list[str] = []
    for key, value in data.items():
        field = spec.child(key)
        if isinstance(value, dict):
            out += sets(value, field, f"{prefix}{key}.")
        elif isinstance(value, list):
            for item in value:
                out += ["--set", f"{prefix}{key}={text(item)}"]
        elif value is not None:
            out += ["--set", f"{prefix}{key}={text(value)}"]
    return out


def record_file(file: str, data: dict, spec, path: tuple[str, ...] = ()) -> None:
    """Record what `data` holds of `file` as a new user would: events, documents, signoffs, list items, fields."""
    plain: dict[str, Any] = {}
    for key, value in data.items():
        field = spec.child(key)
        where = path + (key,)
        if file == "project.yaml" and not path and key in ("events", "documents"):
            flag = [] if key == "events" else ["--document"]
            for name, entry in value.items():
                record(name, *flag, *sets(entry, field.child(name)))
        elif key == "signoffs":
            for name, entry in value.items():
                record(name, "--signoff", *sets(entry, field.child(name)))
        elif field.kind == "list" and field.item == "map":
            for item in value:
                record(".".join(where) if not path else ".".join(where), "--item", *sets(item, field))
        elif field.kind == "map" and field.fields:
            record_file(file, value, field, where)
        elif file == "project.yaml" and not path and key in ("id", "name", "unit", "jurisdiction", "kind", "stage"):
            continue  # written by `govproj new` (stage only by `advance`)
        else:
            plain[key] = value
    if plain:
        record(file + (":" + ".".join(path) if path else ""), *sets(plain, spec))


def comments(folder: Path) -> dict[str, list[str]]:
    return {file: [line.strip() for line in (folder / file).read_text(encoding="utf-8").splitlines()
                   if line.lstrip().startswith("#")] for file in FILES}


def commit(repo: Path, message: str, day: str | None = None) -> None:
    """Commit through the hooks; `day`: the commit is made that day (the hook judges on the day the commit records,
    so the facts recorded must have happened by then)."""
    git(repo, "add", "-A")
    env = {**os.environ, **on_day(day)} if day else None
    done = subprocess.run(["git", "commit", "-q", "-m", message], cwd=str(repo), capture_output=True, text=True,
                          env=env)
    assert done.returncode == 0, done.stdout + done.stderr  # the hooks let it through


def advance(*args: str, today: str) -> str:
    """`govproj advance` on `today`: its commit is made that day (advance judges on the day its commit records)."""
    with pytest.MonkeyPatch.context() as patch:
        for key, value in on_day(today).items():
            patch.setenv(key, value)
        code, out = cli("advance", PROJECT, "--today", today, *args)
    assert code == 0, out
    return out


@pytest.fixture(scope="module")
def walked(tmp_path_factory):
    with pytest.MonkeyPatch.context() as monkeypatch:
        clean_git_env(monkeypatch)
        base = tmp_path_factory.mktemp("recordwalk")
        monkeypatch.setenv("PATH", str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", ""))
        monkeypatch.setenv("PRE_COMMIT_HOME", str(base / "pre-commit-cache"))
        monkeypatch.setenv("GOVPROJ_NO_CACHE", "1")
        repo = make_repo(base / "repo")
        monkeypatch.chdir(repo)
        # the README's snippet, as `repo: local` hooks with `language: system` (offline: no virtualenv is built)
        hooks = [{**h, "language": "system"}
                 for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))]
        (repo / ".pre-commit-config.yaml").write_text(
            yaml.safe_dump({"repos": [{"repo": "local", "hooks": hooks}]}, allow_unicode=True), encoding="utf-8")
        commit_all(repo, "pre-commit 配置")
        subprocess.run([shutil.which("pre-commit") or "pre-commit", "install"], cwd=str(repo), check=True,
                       capture_output=True)
        yield walk(repo)


def walk(repo: Path):
    built = PACK.examples["new"]()
    files = built["files"]
    p = files["project.yaml"]
    code, out = cli("new", PROJECT, "-j", "bj", "-k", "new", "--id", p["id"], "--name", p["name"], "--unit", p["unit"])
    assert code == 0, out
    folder = repo / PROJECT
    scaffold = comments(folder)
    commit(repo, "新建项目")  # a blank project is committed through the hooks
    for name, body in built["evidence"].items():  # the scans: files, not YAML
        (folder / name).write_text(body, encoding="utf-8")
    outputs: list[str] = []
    for file in FILES:
        if file in files:
            record_file(file, files[file], SPECS[file])
    commit(repo, "按实际情况记录规划、需求、申报、评审、立项和细化的材料")
    stages = [s.id for s in PACK.stages]
    for _ in stages[1:7]:  # needs … contract
        outputs.append(advance(today="2026-11-25"))
    # the contractor is chosen and the contract signed
    (folder / "evidence" / "合同.pdf").write_text("合同扫描件", encoding="utf-8")
    record("parties", "--item", "--set", "role=承建", "--by", "北京某某软件有限公司", "--set", "selection=公开招标",
           "--number", "HT-2026-031", "--date", "2026-12-15", "--amount", "112.00", "--evidence", "evidence/合同.pdf")
    commit(repo, "记录承建单位和合同", day="2027-11-01")
    outputs.append(advance(today="2027-11-01"))  # → acceptance
    for name in ("验收意见.pdf", "投入运行使用申请.pdf", "等级测评报告.pdf"):
        (folder / "evidence" / name).write_text(name, encoding="utf-8")
    record("accepted", "--date", "2027-11-20", "--result", "pass", "--participant", "北京市政务服务和数据管理局",
           "--evidence", "evidence/验收意见.pdf")
    record("acceptance_reported", "--date", "2027-11-25")
    record("operation_applied", "--date", "2027-11-28", "--evidence", "evidence/投入运行使用申请.pdf")
    record("assessments", "--item", "--set", "type=等级测评", "--date", "2027-10-30", "--result", "pass",
           "--by", "北京某测评中心", "--evidence", "evidence/等级测评报告.pdf")
    commit(repo, "验收通过，投入运行使用申请", day="2027-12-01")
    outputs.append(advance("--evidence", f"{PROJECT}/evidence/验收意见.pdf", today="2027-12-01"))  # → evaluation
    return repo, folder, scaffold, outputs


def test_the_walk_reaches_evaluation_with_record_alone(walked) -> None:
    repo, folder, _, outputs = walked
    assert "stage: evaluation" in (folder / "project.yaml").read_text(encoding="utf-8")
    subjects = git(repo, "log", "--reverse", "--format=%s").splitlines()
    assert [s for s in subjects if s.startswith("推进阶段")][-1] == "推进阶段：bj-2026-hotline-kb 项目验收 → 绩效评估"
    assert len([s for s in subjects if s.startswith("推进阶段")]) == 8
    assert git(repo, "status", "--porcelain") == ""
    code, out = cli("verify", PROJECT)
    assert code == 0, out


def test_every_scaffold_comment_survives(walked) -> None:
    _, folder, scaffold, _ = walked
    assert comments(folder) == scaffold


def test_the_recorded_lists_are_the_examples(walked) -> None:
    _, folder, _, _ = walked
    code, out = cli("check", PROJECT, "--format", "json", "--today", "2027-12-01")
    assert code == 0, out
    budget = (folder / "budget.yaml").read_text(encoding="utf-8")
    assert "  - name: 知识库应用软件开发" in budget and "total: 168.00" in budget
