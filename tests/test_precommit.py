"""The shipped pre-commit hooks, run for real by pre-commit in a temporary repository (offline).

The hooks are taken from this checkout's .pre-commit-hooks.yaml and installed as `repo: local` hooks with
`language: system` (the manifest's own `language: python` would make pre-commit build a virtualenv from the network).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from gitfixture import clean_git_env, commit_all, example_project, git, make_repo
from govproj.cli import main

ROOT = Path(__file__).resolve().parent.parent
PROJECT = "projects/hotline"


def manifest() -> list[dict]:
    return yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


def test_manifest_declares_both_hooks() -> None:
    hooks = {h["id"]: h for h in manifest()}
    assert set(hooks) == {"govproj-check", "govproj-stage-guard"}
    for hook in hooks.values():
        assert hook["entry"].startswith("govproj hook ") and hook["language"] == "python" and hook["name"]
    # the guard reads the staged changes itself: it must also run for a commit that only deletes evidence
    assert hooks["govproj-stage-guard"]["always_run"] is True and hooks["govproj-stage-guard"]["pass_filenames"] is False


@pytest.fixture
def repo(tmp_path: Path, monkeypatch) -> Path:
    clean_git_env(monkeypatch)
    bin_dir = str(Path(sys.executable).parent)  # where `govproj` and `pre-commit` are installed
    monkeypatch.setenv("PATH", bin_dir + os.pathsep + os.environ.get("PATH", ""))
    monkeypatch.setenv("PRE_COMMIT_HOME", str(tmp_path / "pre-commit-cache"))
    monkeypatch.setenv("GOVPROJ_NO_CACHE", "1")
    repo = make_repo(tmp_path / "repo")
    monkeypatch.chdir(repo)
    hooks = [{**hook, "language": "system"} for hook in manifest()]
    (repo / ".pre-commit-config.yaml").write_text(
        yaml.safe_dump({"repos": [{"repo": "local", "hooks": hooks}]}, allow_unicode=True), encoding="utf-8")
    commit_all(repo, "pre-commit 配置")
    run(repo, shutil.which("pre-commit") or "pre-commit", "install")
    example_project(repo, PROJECT, "bj", "new")  # committed through the hooks: the example is clean
    return repo


def run(repo: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items()}
    return subprocess.run(list(args), cwd=str(repo), capture_output=True, text=True, env=env)


def commit(repo: Path, message: str) -> subprocess.CompletedProcess:
    git(repo, "add", "-A")
    return run(repo, "git", "commit", "-q", "-m", message)


def test_a_clean_change_is_checked_and_committed(repo: Path) -> None:
    budget = repo / PROJECT / "needs.yaml"
    budget.write_text(budget.read_text(encoding="utf-8").replace("4.6万条", "4.7万条"), encoding="utf-8")
    done = commit(repo, "更正条目数")
    assert done.returncode == 0, done.stdout + done.stderr
    assert git(repo, "log", "-1", "--format=%s").strip() == "更正条目数"


def test_a_change_with_errors_is_refused(repo: Path) -> None:
    budget = repo / PROJECT / "budget.yaml"
    budget.write_text(budget.read_text(encoding="utf-8").replace("total: 168.00", "total: 170.00"), encoding="utf-8")
    done = commit(repo, "改总投资")
    output = done.stdout + done.stderr
    assert done.returncode != 0
    assert "govproj check（检查改动涉及的项目）" in output and "Failed" in output
    assert "GP020" in output and "projects/hotline/budget.yaml" in output
    assert git(repo, "log", "-1", "--format=%s").strip() != "改总投资"


def test_files_outside_projects_are_ignored(repo: Path) -> None:
    (repo / "会议纪要.txt").write_text("无关文件\n", encoding="utf-8")
    done = commit(repo, "纪要")
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_stage_edited_by_hand_is_refused(repo: Path) -> None:
    path = repo / PROJECT / "project.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("\nstage: refine\n", "\nstage: contract\n"),
                    encoding="utf-8")
    done = commit(repo, "直接改阶段")
    output = done.stdout + done.stderr
    assert done.returncode != 0
    assert "不能手工修改项目阶段（stage）" in output and "阶段由“refine”改为“contract”" in output
    assert "govproj advance" in output


def test_advance_passes_through_the_hooks(repo: Path, capsys) -> None:
    code = main(["advance", PROJECT, "--today", "2026-11-25"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert git(repo, "log", "-1", "--format=%s").strip() == "推进阶段：bj-2026-hotline-kb 细化建设内容 → 确定承建单位"
    assert git(repo, "status", "--porcelain") == ""


def test_advance_refused_by_a_hook_leaves_everything_as_it_was(repo: Path, capsys) -> None:
    config = repo / ".pre-commit-config.yaml"
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    data["repos"][0]["hooks"].append({"id": "freeze", "name": "封账期间禁止提交", "entry": "false",
                                      "language": "system", "always_run": True, "pass_filenames": False})
    config.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    git(repo, "add", ".pre-commit-config.yaml")
    git(repo, "commit", "-q", "--no-verify", "-m", "封账")
    before = (git(repo, "rev-parse", "HEAD"), (repo / PROJECT / "project.yaml").read_bytes(), git(repo, "ls-files", "-s"))
    code = main(["advance", PROJECT, "--today", "2026-11-25"])
    err = capsys.readouterr().err
    assert code == 2 and "git 提交失败，推进已撤销" in err and "封账期间禁止提交" in err
    assert (git(repo, "rev-parse", "HEAD"), (repo / PROJECT / "project.yaml").read_bytes(),
            git(repo, "ls-files", "-s")) == before
    assert git(repo, "status", "--porcelain") == ""


# ---- the README's snippet, as a user copies it -------------------------------------------------------------------

def readme_config() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    marker = text.index("<!-- pre-commit-config:")
    start = text.index("```yaml\n", marker) + len("```yaml\n")
    return text[start:text.index("```", start)]


@pytest.fixture
def user_repo(tmp_path: Path, monkeypatch) -> Path:
    """A repository set up exactly as the README says: its .pre-commit-config.yaml, `pre-commit install`."""
    clean_git_env(monkeypatch)
    monkeypatch.setenv("PATH", str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", ""))
    monkeypatch.setenv("PRE_COMMIT_HOME", str(tmp_path / "pre-commit-cache"))
    monkeypatch.setenv("GOVPROJ_NO_CACHE", "1")
    repo = make_repo(tmp_path / "repo")
    monkeypatch.chdir(repo)
    (repo / ".pre-commit-config.yaml").write_text(readme_config(), encoding="utf-8")
    commit_all(repo, "pre-commit 配置")
    assert run(repo, shutil.which("pre-commit") or "pre-commit", "install").returncode == 0
    return repo


def test_readme_snippet_lets_a_fresh_scaffold_in_and_says_what_the_next_stage_needs(user_repo: Path) -> None:
    assert main(["new", "projects/p", "--jurisdiction", "bj", "--kind", "new"]) == 0
    done = commit(user_repo, "新建项目")
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert git(user_repo, "log", "-1", "--format=%s").strip() == "新建项目"
    assert "可以提交（工作进行中）" in output and "进入下一阶段“确认业务需求”（needs）前还需要" in output
    assert "projects/p/project.yaml:8  GP010  必填项“项目名称”（name）未填" in output


def test_readme_snippet_refuses_malformed_files_current_stage_violations_and_hand_edited_stages(
        user_repo: Path) -> None:
    assert main(["new", "projects/p", "--jurisdiction", "bj", "--kind", "new"]) == 0
    assert commit(user_repo, "新建项目").returncode == 0
    project = user_repo / "projects/p/project.yaml"
    original = project.read_text(encoding="utf-8")

    (user_repo / "projects/p/notes.yaml").write_text("items: [\n", encoding="utf-8")
    budget = user_repo / "projects/p/budget.yaml"
    budget_text = budget.read_text(encoding="utf-8")
    budget.write_text(budget_text + "lines: [\n", encoding="utf-8")
    done = commit(user_repo, "坏文件")
    assert done.returncode != 0 and "无法读取" in done.stdout + done.stderr and "拒绝提交" in done.stdout + done.stderr
    budget.write_text(budget_text, encoding="utf-8")
    (user_repo / "projects/p/notes.yaml").unlink()

    project.write_text(original.replace("kind: new", "kind: rebuild"), encoding="utf-8")
    done = commit(user_repo, "错误的类型")
    assert done.returncode != 0 and "GP003" in done.stdout + done.stderr, done.stdout + done.stderr

    project.write_text(original.replace("stage: plan", "stage: needs"), encoding="utf-8")
    done = commit(user_repo, "手工改阶段")
    assert done.returncode != 0 and "不能手工修改项目阶段" in done.stdout + done.stderr
    assert git(user_repo, "log", "-1", "--format=%s").strip() == "新建项目"


def test_ci_workflow_checks_and_verifies_with_the_full_history(tmp_path: Path, monkeypatch) -> None:
    """docs/ci/github-actions.yml: a full-history checkout, and its govproj steps pass in a real clone."""
    workflow = yaml.safe_load((ROOT / "docs/ci/github-actions.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["govproj"]["steps"]
    checkout = next(s for s in steps if str(s.get("uses", "")).startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0
    commands = [s["run"] for s in steps if "run" in s and s["run"].startswith("govproj ")]
    assert any("govproj check" in c for c in commands) and any("govproj verify" in c for c in commands)

    clean_git_env(monkeypatch)
    monkeypatch.setenv("PATH", str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", ""))
    monkeypatch.setenv("GOVPROJ_NO_CACHE", "1")
    origin = make_repo(tmp_path / "origin")
    monkeypatch.chdir(origin)
    example_project(origin, PROJECT, "bj", "new")
    assert main(["advance", PROJECT]) in (0, 1)
    full = tmp_path / "full"
    subprocess.run(["git", "clone", "-q", f"file://{origin}", str(full)], check=True)
    for command in commands:
        done = subprocess.run(command, shell=True, cwd=full, capture_output=True, text=True)
        assert done.returncode == 0, (command, done.stdout, done.stderr)
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{origin}", str(shallow)], check=True)
    done = subprocess.run("govproj verify projects/", shell=True, cwd=shallow, capture_output=True, text=True)
    assert done.returncode == 2 and "浅克隆" in done.stdout + done.stderr


def test_hashed_evidence_cannot_be_replaced_or_deleted_and_verify_reports_it_once(repo: Path, capsys) -> None:
    """What `verify` reports, the hook refuses: an evidence file an advance hashed is neither replaced nor deleted
    through a commit; forced past the hook, `verify` reports the one replacement once, however many advances
    recorded that file."""
    two = "projects/two"
    example_project(repo, two, "bj", "new", stage="approval", edits={"project.yaml": {"id": "bj-2026-two"}})
    assert main(["advance", two]) == 0  # 项目立项 → 细化建设内容 (through the hooks)
    assert main(["advance", two]) == 0  # → 确定承建单位: the same evidence hashed again
    capsys.readouterr()
    evidence = sorted((repo / two / "evidence").iterdir())[0]
    name = evidence.relative_to(repo).as_posix()
    original = evidence.read_bytes()
    evidence.write_bytes(original + b" replaced")
    done = commit(repo, "换了一份扫描件")
    output = done.stdout + done.stderr
    assert done.returncode != 0 and "不能替换或删除" in output and name in output and "内容被替换" in output
    evidence.write_bytes(original)
    git(repo, "reset", "-q")
    evidence.unlink()
    done = commit(repo, "删掉扫描件")
    output = done.stdout + done.stderr
    assert done.returncode != 0 and "被删除" in output and name in output
    git(repo, "checkout", "-q", "HEAD", "--", name)
    assert git(repo, "status", "--porcelain") == ""  # restored: nothing left over from the refusals
    evidence.write_bytes(original + b" replaced")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--no-verify", "-m", "绕过钩子换了扫描件")
    capsys.readouterr()
    assert main(["verify", two]) == 1
    out = capsys.readouterr().out
    assert out.count(f"证据文件 {evidence.relative_to(repo / two).as_posix()} 已被替换") == 1, out
