"""The content-keyed cache of `check`/`status`/`deadlines`: hits, misses, invalidation, corruption, identical output."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from casebuild import build_project
from govproj.edges import cache
from govproj.cli import main

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _cache(isolated: Path, monkeypatch) -> Path:
    """The cache on (every other test runs with it off) in a folder of this test's own."""
    monkeypatch.delenv("GOVPROJ_NO_CACHE", raising=False)
    monkeypatch.setenv("GOVPROJ_CACHE_DIR", str(isolated / "cache"))
    return isolated / "cache"


def entries(root: Path) -> list[Path]:
    return sorted(root.glob("v*/*/*.json"))


def cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def check(capsys, *args: str) -> tuple[int, str]:
    code, out, _ = cli(capsys, "check", *args, "--today", "2026-11-25")
    return code, out


@pytest.fixture
def projects() -> Path:
    build_project({"base": "bj/upgrade"}, Path("projects/a"))
    build_project({"base": "bj/new"}, Path("projects/b"))
    return Path("projects")


def test_second_run_reads_the_cache(capsys, projects: Path, _cache: Path) -> None:
    first = check(capsys, str(projects))
    assert len(entries(_cache)) == 2
    # Prove the second run reads the entry instead of checking again: doctor one (keeping its key).
    path = next(p for p in entries(_cache) if '"project":"projects/a"' in p.read_text(encoding="utf-8"))
    entry = json.loads(path.read_text(encoding="utf-8"))
    entry["payload"]["result"]["diagnostics"] = [
        ["projects/a/project.yaml", 1, 1, "BJ011", "error", "来自缓存", "h", "c", "r", "projects/a"]]
    path.write_text(json.dumps(entry, ensure_ascii=False), encoding="utf-8")
    code, out = check(capsys, str(projects))
    assert code == 1 and "来自缓存" in out
    # --no-cache neither reads nor writes it.
    assert check(capsys, str(projects), "--no-cache") == first
    assert "来自缓存" in path.read_text(encoding="utf-8")
    # status and deadlines share the entries written by check.
    code, out, _ = cli(capsys, "status", str(projects), "--today", "2026-11-25", "--format", "json")
    assert json.loads(out)["summary"]["errors"] == 1


def test_an_edit_invalidates_only_that_project(capsys, projects: Path, _cache: Path) -> None:
    check(capsys, str(projects))
    before = {p.name for p in entries(_cache)}
    text = (projects / "a" / "project.yaml").read_text(encoding="utf-8")
    (projects / "a" / "project.yaml").write_text(text.replace("platforms:", "platforms: []\nplatforms_old:", 1),
                                                  encoding="utf-8")
    code, out = check(capsys, str(projects))
    assert code == 1 and "GP002" in out  # the edit is seen: an unknown key
    after = {p.name for p in entries(_cache)}
    assert len(after - before) == 1 and before <= after


def test_evidence_and_outside_calendar_are_part_of_the_key(capsys, projects: Path) -> None:
    assert check(capsys, str(projects))[0] == 0
    (projects / "a" / "evidence" / "申报函.pdf").unlink()
    code, out = check(capsys, str(projects))
    assert code == 1 and "GP011" in out and "申报函.pdf" in out
    # A repository-wide calendar.yaml (outside the project) changes BJ131's date: the key must notice.
    (Path(".git")).mkdir()
    _, before, _ = cli(capsys, "deadlines", str(projects / "a"), "--today", "2026-11-25", "--format", "json")
    calendar = Path(".govproj/calendar.yaml")
    calendar.parent.mkdir()
    calendar.write_text("years:\n  2027:\n    source: 测试\n    holidays: [2027-08-16]\n", encoding="utf-8")
    _, after, _ = cli(capsys, "deadlines", str(projects / "a"), "--today", "2026-11-25", "--format", "json")

    def due(text: str) -> str:
        return next(d["due"] for p in json.loads(text)["projects"] for d in p["deadlines"] if d["code"] == "BJ131")

    assert (due(before), due(after)) == ("2027-08-16", "2027-08-17")


def test_today_and_stage_are_part_of_the_key(capsys, projects: Path, _cache: Path) -> None:
    check(capsys, str(projects))
    cli(capsys, "check", str(projects), "--today", "2026-11-26")
    assert len(entries(_cache)) == 4
    code, out = check(capsys, str(projects / "a"), "--stage", "approval")
    assert "检查 approval" in out and len(entries(_cache)) == 5


def test_corrupt_or_foreign_entries_are_misses(capsys, projects: Path, _cache: Path) -> None:
    first = check(capsys, str(projects))
    a, b = entries(_cache)
    a.write_bytes(b"\x00\xffnot json")
    b.write_text(json.dumps({"key": "another", "payload": {}}), encoding="utf-8")
    assert check(capsys, str(projects)) == first
    for path in (a, b):  # rewritten with good entries
        assert json.loads(path.read_text(encoding="utf-8"))["key"] == path.stem
    a.write_text(json.dumps({"key": a.stem, "payload": {"result": "wrong shape"}}), encoding="utf-8")
    assert check(capsys, str(projects)) == first
    assert not list(_cache.rglob("*.tmp"))  # writes are temp file + rename: nothing half-written is left


def test_an_unusable_cache_folder_is_never_an_error(capsys, projects: Path, monkeypatch, tmp_path) -> None:
    first = check(capsys, str(projects), "--no-cache")
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("GOVPROJ_CACHE_DIR", str(blocker / "cache"))  # below a file: cannot be created
    assert check(capsys, str(projects)) == first


def test_output_is_identical_cold_warm_uncached_and_parallel(capsys, tmp_path) -> None:
    """Every bundled example plus copies, enough to use the process pool: the same bytes every way."""
    shutil.copytree(REPO / "examples", "ex")
    for i in range(14):
        shutil.copytree(REPO / "examples" / "bj-hotline-kb", f"ex/copies/c{i:02d}")
    reference = check(capsys, "ex", "--no-cache", "--jobs", "1")
    assert check(capsys, "ex") == reference  # cold: in parallel, writing the entries
    assert check(capsys, "ex") == reference  # warm
    assert check(capsys, "ex", "--no-cache", "--jobs", "2") == reference
    for fmt in ("json", "sarif"):  # the entries serve every output format
        assert check(capsys, "ex", "--format", fmt) == check(capsys, "ex", "--format", fmt, "--no-cache", "--jobs", "1")
    for verb in ("status", "deadlines"):
        cold = cli(capsys, verb, "ex", "--format", "json", "--today", "2026-11-25", "--no-cache")
        assert cli(capsys, verb, "ex", "--format", "json", "--today", "2026-11-25") == cold


def test_check_prints_what_the_engine_finds_project_by_project(capsys) -> None:
    """The batch path (cache, pool) changes nothing: the same report as checking folder by folder with the engine."""
    import datetime
    import io

    from govproj.edges.output import format_json, format_text
    from govproj.core.engine import check_folder, load_repo_config
    from govproj.core.project import find_projects

    shutil.copytree(REPO / "examples", "ex")
    folders = find_projects([Path("ex")])
    config = load_repo_config(folders[0])
    results = [check_folder(f, today=datetime.date(2026, 11, 25), repo_config=config) for f in folders]
    for fmt, formatter in (("text", format_text), ("json", format_json)):
        expected = io.StringIO()
        formatter(results, expected, False)
        code, out = check(capsys, "ex", "--format", fmt)
        assert out == expected.getvalue()
        assert code == (1 if any(r.count("error") for r in results) else 0)


# ---- git: baselines are read from tags; a new tag must invalidate -----------------------------------------------------

def _git(*args: str, cwd: Path) -> str:
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("GIT_")}, "GIT_AUTHOR_NAME": "t",
           "GIT_AUTHOR_EMAIL": "t@example.invalid", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"}
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


def test_git_tags_and_baseline_shortcut(tmp_path, projects: Path) -> None:
    repo = tmp_path
    _git("init", "-q", cwd=repo)
    _git("add", "projects", cwd=repo)
    _git("commit", "-q", "-m", "init", cwd=repo)
    assert not cache.has_baseline_tag(repo, "bj-2027-gis-upgrade")
    untagged = cache.git_refs_fingerprint(repo)
    _git("tag", "other", cwd=repo)
    assert not cache.has_baseline_tag(repo, "bj-2027-gis-upgrade")
    other = cache.git_refs_fingerprint(repo)
    _git("tag", "-a", "-m", "基线", "govproj/bj-2027-gis-upgrade/baseline-1", cwd=repo)
    assert cache.has_baseline_tag(repo, "bj-2027-gis-upgrade")
    assert not cache.has_baseline_tag(repo, "bj-2026-hotline-kb")
    tagged = cache.git_refs_fingerprint(repo)
    assert len({untagged, other, tagged}) == 3
    _git("pack-refs", "--all", cwd=repo)  # tags moved into packed-refs: still seen
    assert cache.has_baseline_tag(repo, "bj-2027-gis-upgrade")
    # With a baseline tag, HEAD is part of the key (a baseline is the latest tag reachable from HEAD).
    packed = cache.git_refs_fingerprint(repo)
    (repo / "projects" / "a" / "needs.yaml").write_text("service_targets: []\n", encoding="utf-8")
    _git("commit", "-q", "-am", "edit", cwd=repo)
    assert cache.git_refs_fingerprint(repo) != packed
    assert cache.git_refs_fingerprint(None) == "no-repo"


def test_tag_prefix_matches_the_ledger() -> None:
    from govproj.edges import ledger

    assert cache.TAG_PREFIX == ledger.TAG_PREFIX


def test_cache_location(monkeypatch, tmp_path) -> None:
    monkeypatch.delenv("GOVPROJ_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    assert cache.cache_dir() == tmp_path / "xdg-cache" / "govproj"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")
    assert cache.cache_dir() == Path.home() / ".cache" / "govproj"
    monkeypatch.setenv("GOVPROJ_NO_CACHE", "1")
    assert cache.cache_dir() is None


def test_repository_config_is_part_of_the_key(capsys, projects: Path, _cache: Path) -> None:
    """The config is keyed by its bytes (a hit reads no YAML): an edit is seen, a broken file is still an error."""
    (Path(".git")).mkdir()
    config = Path(".govproj/config.yaml")
    config.parent.mkdir()
    config.write_text("rules: {}\n", encoding="utf-8")
    (projects / "a" / "evidence" / "申报函.pdf").unlink()
    code, out = check(capsys, str(projects))
    assert code == 1 and "错误  GP011" in out
    config.write_text("rules: {GP011: warning}\n", encoding="utf-8")  # a gate cannot be lowered: read, refused
    code, _, err = cli(capsys, "check", str(projects), "--today", "2026-11-25")
    assert code == 2 and "不能把它降为“warning”" in err and "config.yaml" in err
    config.write_text("rules: {GP999: off}\n", encoding="utf-8")  # valid YAML, unknown rule: read, not a hit
    code, _, err = cli(capsys, "check", str(projects), "--today", "2026-11-25")
    assert code == 2 and "GP999" in err
    config.write_text("rules: [\n", encoding="utf-8")
    code, _, err = cli(capsys, "check", str(projects), "--today", "2026-11-25")
    assert code == 2 and "config.yaml" in err
    config.write_text("rules: {}\n", encoding="utf-8")
    written = len(entries(_cache))
    assert check(capsys, str(projects))[0] == 1 and len(entries(_cache)) == written  # the same bytes: a hit


def test_a_cache_hit_imports_no_yaml_rules_packs_or_engine(projects: Path, _cache: Path) -> None:
    """The pre-commit path: with every answer in the cache, `check` prints it without the heavy modules."""
    import sys

    probe = ("import json, sys\nfrom govproj.cli import main\ncode = main(sys.argv[1:])\n"
             "sys.stderr.write('\\nMODULES ' + json.dumps(sorted(sys.modules)) + '\\n')\nsys.exit(code)\n")
    heavy = ("govproj.core.engine", "govproj.core.rules", "govproj.core.deadlines", "govproj.packs", "yaml",
             "ruamel")

    def run() -> tuple[int, str, list[str]]:
        done = subprocess.run([sys.executable, "-c", probe, "check", str(projects / "a"), "--today", "2026-11-25"],
                              capture_output=True, text=True, encoding="utf-8", cwd=Path.cwd())
        line = next(x for x in done.stderr.splitlines() if x.startswith("MODULES "))
        return done.returncode, done.stdout, json.loads(line[len("MODULES "):])

    def loaded(mods: list[str]) -> list[str]:
        return [m for m in mods if any(m == h or m.startswith(h + ".") for h in heavy)]

    cold = run()
    assert "govproj.core.engine" in cold[2] and "ruamel.yaml" in cold[2]  # the first run really checks
    warm = run()
    assert warm[:2] == cold[:2]  # the same report and exit code
    assert loaded(warm[2]) == []


def test_the_code_fingerprint_covers_the_whole_package_and_the_yaml_library() -> None:
    from govproj.edges.cache import code_lines

    names = {line.split("\0", 1)[0] for line in code_lines()}
    for part in ("core/engine.py", "core/fields.py", "packs/bj/rules.py", "packs/shared.py", "edges/yamlio.py",
                 "commands/check.py", "cli.py"):
        assert part in names, part
    assert any(name.startswith("ruamel.yaml/") for name in names)


def test_link_loops_and_links_to_big_trees_do_not_hang_the_key(capsys, projects: Path) -> None:
    """The fingerprint follows no directory link: a loop in evidence/ and a link to / cost nothing."""
    import sys

    os.symlink(".", projects / "a" / "evidence" / "loop")
    os.symlink("/", projects / "a" / "evidence" / "root")
    # a real process with a timeout: following the links would never end (the test fails instead of hanging)
    done = subprocess.run([sys.executable, "-m", "govproj", "check", str(projects), "--today", "2026-11-25"],
                          capture_output=True, text=True, timeout=120, env={**os.environ, "NO_COLOR": "1"})
    assert done.returncode in (0, 1), done.stderr
    assert "projects/a" in done.stdout and "projects/b" in done.stdout


def test_a_retargeted_link_and_a_dot_folder_change_the_key(capsys, projects: Path, _cache: Path) -> None:
    """A cited evidence file that is a link: pointing it elsewhere is a different key (the answer can differ); a
    file in a dot folder too. Neither may be answered from a stale entry."""
    from govproj.edges.cache import project_fingerprint

    folder = projects / "a"
    real = sorted((folder / "evidence").iterdir())[0]
    (folder / "evidence" / "elsewhere.pdf").write_bytes(b"%PDF other")
    moved = folder / "evidence" / "moved.pdf"
    os.rename(real, moved)
    os.symlink(moved.name, real)
    before = project_fingerprint(folder)
    os.remove(real)
    os.symlink("elsewhere.pdf", real)
    assert project_fingerprint(folder) != before
    os.remove(real)
    os.symlink("nowhere.pdf", real)  # dangling: GP011 must be seen, not a cached pass
    code, out = check(capsys, str(projects))
    assert code == 1 and "GP011" in out
    before = project_fingerprint(folder)
    (folder / ".notes").mkdir()
    (folder / ".notes" / "a.txt").write_text("x", encoding="utf-8")
    assert project_fingerprint(folder) != before
