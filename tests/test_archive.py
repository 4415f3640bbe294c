"""`govproj archive`: one example project of each pack walked a stage with `advance` in a real repository, archived,
the zip reopened; two runs byte-identical; `--verify` finds changed, missing and extra files and a rewritten trail;
refusals (dirty tree, broken trail) write nothing; a missing item the text requires is a finding of archive and check."""
from __future__ import annotations

import datetime as _dt
import hashlib
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from gitfixture import clean_git_env, commit_all, example_project, git, make_repo
from govproj.cli import main
from govproj.forms import forms_for
from govproj.packs import get_pack
from govproj.packs.shared import evidence_refs

EXAMPLES = {"bj": "upgrade", "xc": "new", "yb": "build", "jl": "self", "gs": "upgrade"}
TODAY = "2026-11-25"


def run(capsys, *args: str) -> tuple[int, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {info.filename: z.read(info) for info in z.infolist()}


@pytest.fixture(scope="module")
def archived(tmp_path_factory):
    """A repository with one example project per pack, each advanced one stage, each archived twice (no PDF)."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        clean_git_env(monkeypatch)
        repo = make_repo(tmp_path_factory.mktemp("archive") / "repo")
        monkeypatch.chdir(repo)
        for pid, example in EXAMPLES.items():
            example_project(repo, f"projects/{pid}", pid, example)
        out = repo.parent / "out"
        results = {}
        for pid in EXAMPLES:
            assert main(["advance", f"projects/{pid}", "--today", TODAY]) == 0
        for pid in EXAMPLES:
            first, second = out / f"{pid}-1.zip", out / f"{pid}-2.zip"
            codes = [main(["archive", f"projects/{pid}", "-o", str(first), "--no-pdf"]),
                     main(["archive", f"projects/{pid}", "-o", str(second), "--no-pdf"])]
            results[pid] = (codes, first, second)
        yield repo, results


@pytest.fixture
def in_repo(archived, monkeypatch):
    clean_git_env(monkeypatch)
    monkeypatch.chdir(archived[0])
    return archived


@pytest.mark.parametrize("pid", list(EXAMPLES))
def test_package_holds_files_evidence_forms_trail_and_verify(archived, pid) -> None:
    repo, results = archived
    codes, first, _ = results[pid]
    assert codes == [0, 0]
    files = members(first)
    from govproj.core.project import load_project

    project = load_project(repo / "projects" / pid)
    top = f"{project.id}-档案/"
    assert all(name.startswith(top) for name in files)
    inner = {name[len(top):]: data for name, data in files.items()}
    # the YAML files and every cited evidence file, byte for byte as committed
    for path in (repo / "projects" / pid).glob("*.yaml"):
        assert inner[f"项目/{path.name}"] == path.read_bytes()
    refs = {ref for _, _, ref in evidence_refs(project)}
    assert refs and all(inner[f"项目/{ref}"] == (project.root / ref).read_bytes() for ref in refs)
    # every form the project needs, as .docx
    needed = [f for f in forms_for(pid) if f.needed is None or f.needed(project)[0]]
    assert sorted(n for n in inner if n.startswith("表单/")) == sorted(f"表单/{f.filename}" for f in needed)
    # the trail, readable and as JSON: one entry per advance with date, who, from → to, commit, gates, evidence
    head = git(repo, "rev-parse", "HEAD").strip()
    advance = git(repo, "log", "-1", "--format=%H", "--grep", f"Govproj-Project: {project.id}").strip()
    trail = json.loads(inner["审计轨迹/审计轨迹.json"])
    assert trail["commit"] == head and trail["path"] == f"projects/{pid}"
    entry = trail["entries"][-1]
    assert entry["kind"] == "advance" and entry["commit"] == advance and entry["author"] == "张三"
    assert entry["evidence"] and entry["check"]["errors"] == 0
    text = inner["审计轨迹/审计轨迹.md"].decode("utf-8")
    pack = get_pack(pid)
    assert f"{pack.stage(entry['from']).name}（{entry['from']}） → {pack.stage(entry['to']).name}（{entry['to']}）" in text
    assert f"- 提交：{advance}" in text and "- 提交人：张三 <zhangsan@example.gov.cn>" in text
    assert f"按 {TODAY} 检查，错误 0" in text
    assert f"sha256:{entry['evidence'][0]['sha256']}" in text
    assert "✓ 审计轨迹完好：1 次推进" in inner["核验/核验结果.txt"].decode("utf-8")
    assert json.loads(inner["核验/核验结果.json"])["projects"][0]["breaks"] == []
    # the manifest covers every other file; the catalogue lists every item with source and date
    sums = dict(reversed(line.split("  ", 1)) for line in inner["SHA256SUMS"].decode("utf-8").splitlines())
    assert set(sums) == set(inner) - {"SHA256SUMS"}
    assert all(hashlib.sha256(inner[name]).hexdigest() == digest for name, digest in sums.items())
    catalogue = inner["档案目录.md"].decode("utf-8")
    assert catalogue.startswith(f"# 项目档案目录：{project.name}（{project.id}）")
    assert f"档案内容来自提交：{head}" in catalogue
    for name in set(inner) - {"SHA256SUMS", "档案目录.md"}:
        assert f"| {name} |" in catalogue
    assert "| 项目/project.yaml | 项目文件 | 提交 " in catalogue


@pytest.mark.parametrize("pid", list(EXAMPLES))
def test_two_runs_are_byte_identical_with_fixed_times(archived, pid) -> None:
    repo, results = archived
    _, first, second = results[pid]
    assert first.read_bytes() == second.read_bytes()
    stamp = _dt.datetime.fromisoformat(git(repo, "log", "-1", "--format=%cI").strip())
    with zipfile.ZipFile(first) as z:
        infos = z.infolist()
    assert [i.filename for i in infos] == sorted(i.filename for i in infos)
    assert {i.date_time for i in infos} == {(stamp.year, stamp.month, stamp.day, stamp.hour, stamp.minute,
                                             stamp.second - stamp.second % 2)}
    assert {i.external_attr >> 16 for i in infos} == {0o100644}
    # the forms' core properties carry the fixed stamp, never the clock
    docx = next(data for name, data in members(first).items() if name.endswith(".docx"))
    import io

    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        core = z.read("docProps/core.xml").decode("utf-8")
    assert "2000-01-01T00:00:00Z" in core


@pytest.mark.skipif(shutil.which("sha256sum") is None, reason="coreutils sha256sum is not installed")
def test_sha256sum_checks_the_unpacked_package(archived, tmp_path) -> None:
    _, results = archived
    _, first, _ = results["xc"]
    with zipfile.ZipFile(first) as z:
        z.extractall(tmp_path)
    (top,) = tmp_path.iterdir()
    done = subprocess.run(["sha256sum", "-c", "--strict", "SHA256SUMS"], cwd=top, capture_output=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.decode("utf-8").count(": OK") == len(list(p for p in top.rglob("*") if p.is_file())) - 1


def rewrite(source: Path, target: Path, change=None, drop=(), add=None) -> None:
    """A copy of the package with one member changed, some dropped, one added (the manifest left as it was)."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
        top = zin.namelist()[0].split("/", 1)[0]
        for info in zin.infolist():
            name = info.filename[len(top) + 1:]
            if name in drop:
                continue
            data = zin.read(info)
            if change and name == change[0]:
                data = change[1](data)
            zout.writestr(info, data)
        for name, data in (add or {}).items():
            zout.writestr(f"{top}/{name}", data)


def test_verify_clean_package_and_trail(in_repo, capsys) -> None:
    _, results = in_repo
    code, out = run(capsys, "archive", "--verify", str(results["bj"][1]))
    assert code == 0, out
    assert "✓ 档案包完好" in out and "审计轨迹与仓库一致：2 条记录" in out


def test_verify_names_changed_missing_and_extra_files(in_repo, capsys, tmp_path) -> None:
    _, results = in_repo
    bad = tmp_path / "bad.zip"
    rewrite(results["gs"][1], bad, change=("项目/budget.yaml", lambda d: d + b"# edited\n"),
            drop=("表单/项目概要.docx",), add={"项目/evidence/补充.pdf": b"x"})
    code, out = run(capsys, "archive", "--verify", str(bad))
    assert code == 1, out
    assert "已修改：项目/budget.yaml" in out
    assert "缺失：表单/项目概要.docx" in out
    assert "多出：项目/evidence/补充.pdf" in out
    assert "档案包有 3 处问题" in out


def test_verify_finds_a_trail_that_does_not_match_the_repository(in_repo, capsys, tmp_path) -> None:
    """A rewritten trail with its manifest line rewritten too passes the manifest, not the repository."""
    _, results = in_repo
    source = results["yb"][1]
    files = members(source)
    top = next(iter(files)).split("/", 1)[0]
    trail = json.loads(files[f"{top}/审计轨迹/审计轨迹.json"])
    trail["entries"][-1]["author"] = "李四"
    files[f"{top}/审计轨迹/审计轨迹.json"] = (json.dumps(trail, ensure_ascii=False, indent=2) + "\n").encode()
    from govproj.edges.archive import build_zip, sha256sums

    inner = {k[len(top) + 1:]: v for k, v in files.items() if not k.endswith("/SHA256SUMS")}
    inner["SHA256SUMS"] = sha256sums(inner).encode()
    forged = tmp_path / "forged.zip"
    forged.write_bytes(build_zip({f"{top}/{k}": v for k, v in inner.items()}, _dt.datetime(2026, 1, 1)))
    code, out = run(capsys, "archive", "--verify", str(forged))
    assert code == 1, out
    assert "审计轨迹与仓库不符：第 2 条记录" in out and "author" in out


def test_verify_outside_a_repository_checks_the_manifest(archived, capsys, tmp_path, monkeypatch) -> None:
    _, results = archived
    monkeypatch.chdir(tmp_path)
    code, out = run(capsys, "archive", "--verify", str(results["jl"][1]))
    assert code == 0 and "不在 git 仓库中，只核对了文件清单" in out, out
    (tmp_path / "no.zip").write_bytes(b"not a zip")
    code, out = run(capsys, "archive", "--verify", "no.zip")
    assert code == 2 and "不是可读的 zip 文件" in out and "Traceback" not in out


# ---- refusals and required items: a repository of their own --------------------------------------------------

@pytest.fixture
def yb_repo(tmp_path, monkeypatch):
    clean_git_env(monkeypatch)
    repo = make_repo(tmp_path / "repo")
    monkeypatch.chdir(repo)
    folder, _ = example_project(repo, "p", "yb", "build")
    return repo, folder


def test_dirty_tree_is_refused_and_force_says_so(yb_repo, capsys) -> None:
    repo, folder = yb_repo
    with (folder / "needs.yaml").open("a", encoding="utf-8") as handle:
        handle.write("# 未提交的修改\n")
    code, out = run(capsys, "archive", "p", "-o", "a.zip", "--no-pdf")
    assert code == 2 and "拒绝生成档案包，什么也没有写" in out and "p/needs.yaml" in out and "--force" in out
    assert not (repo / "a.zip").exists()
    code, out = run(capsys, "archive", "p", "-o", "a.zip", "--no-pdf", "--force")
    assert code == 0, out
    catalogue = next(d for n, d in members(repo / "a.zip").items() if n.endswith("档案目录.md")).decode("utf-8")
    assert catalogue.splitlines()[0] == ("**本档案包为强制生成（--force），原因：项目文件夹有 1 处未提交的修改（p/needs.yaml）。**")


def test_broken_trail_is_refused(yb_repo, capsys) -> None:
    repo, folder = yb_repo
    text = (folder / "project.yaml").read_text(encoding="utf-8")
    (folder / "project.yaml").write_text(text.replace("\nstage: archive\n", "\nstage: evaluation\n"), encoding="utf-8")
    commit_all(repo, "手工改阶段")
    code, out = run(capsys, "archive", "p", "-o", "a.zip", "--no-pdf")
    assert code == 2 and "govproj verify 发现审计轨迹有 1 处问题" in out, out
    assert not (repo / "a.zip").exists()


def test_missing_acceptance_report_is_a_finding_of_archive_and_check(yb_repo, capsys) -> None:
    repo, folder = yb_repo
    assert main(["advance", "p", "--today", TODAY]) == 0  # 资料归档 → 综合评价
    capsys.readouterr()
    text = (folder / "project.yaml").read_text(encoding="utf-8")
    start = text.index("\n  acceptance_report:")
    end = text.index("\n  ", start + 5)
    while text[end + 3] == " ":  # the entry's own lines are indented deeper
        end = text.index("\n  ", end + 3)
    (folder / "project.yaml").write_text(text[:start] + text[end:], encoding="utf-8")
    commit_all(repo, "删去验收报告")
    code, out = run(capsys, "archive", "p", "-o", "a.zip", "--no-pdf")
    assert code == 1, out
    assert "YB152 缺少材料“验收报告”（依据：渝北府办发〔2019〕26号 第十五条" in out
    catalogue = next(d for n, d in members(repo / "a.zip").items() if n.endswith("档案目录.md")).decode("utf-8")
    assert "| 验收报告 | 渝北府办发〔2019〕26号 第十五条 | 缺失 |" in catalogue
    code, out = run(capsys, "check", "p", "--today", TODAY)
    assert code == 1 and "YB152" in out and "验收报告" in out and "第十五条" in out, out


def test_items_not_yet_due_are_listed_not_found(in_repo) -> None:
    """The Jilin project is before 竣工验收, where 第二十三条 wants the electronic archive: listed, not a finding."""
    _, results = in_repo
    catalogue = next(d for n, d in members(results["jl"][1]).items() if n.endswith("档案目录.md")).decode("utf-8")
    assert "| 电子档案 | 吉林省政务信息系统项目管理办法（试行） 第二十三条 | 尚未归档（自竣工验收（final）起要求） |" in catalogue
    assert "✓ 辖区要求的归档材料和引用的证据文件齐全" in catalogue
    bj = next(d for n, d in members(results["bj"][1]).items() if n.endswith("档案目录.md")).decode("utf-8")
    assert "没有规定项目档案应包含的材料" in bj


@pytest.mark.skipif(shutil.which("soffice") is None and shutil.which("libreoffice") is None,
                    reason="LibreOffice (soffice) is not installed")
def test_pdfs_are_in_the_package_and_byte_stable(yb_repo, capsys) -> None:
    repo, _ = yb_repo
    assert run(capsys, "archive", "p", "-o", "a.zip")[0] == 0
    assert run(capsys, "archive", "p", "-o", "b.zip")[0] == 0
    assert (repo / "a.zip").read_bytes() == (repo / "b.zip").read_bytes()
    pdfs = [n for n, d in members(repo / "a.zip").items() if n.endswith(".pdf") and "/表单/" in n]
    assert pdfs and all(members(repo / "a.zip")[n].startswith(b"%PDF") for n in pdfs)


def test_help_has_examples() -> None:
    import io
    import contextlib

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["archive", "--help"]) == 0
    text = out.getvalue()
    assert "示例：" in text and "govproj archive --verify" in text and "sha256sum -c SHA256SUMS" in text
