"""An outcome needs its record: `advance --outcome fail` (and the other declared loops) is refused without the review,
acceptance or report that decides it, dated on or before the day of the step, with the result the step names."""
from __future__ import annotations

import copy
import datetime as _dt
from pathlib import Path

import pytest

from gitfixture import clean_git_env, example_project, git, make_repo, render
from govproj.cli import main
from govproj.core.format import file_specs
from govproj.packs import available, get_pack

TODAY = "2026-11-25"

# pack, example, stage the project stands at, --to, the record the loop needs (event key), the result it must carry
LOOPS = [
    ("bj", "new", "acceptance", "acceptance", "accepted", "fail"),
    ("xc", "new", "acceptance", "build", "accepted", "fail"),
    ("yb", "build", "acceptance", "acceptance", "accepted", "fail"),
    ("jl", "unified", "final", "final", "final_failed", ""),
    ("gs", "new", "acceptance", "acceptance", "accepted", "fail"),
]


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    with pytest.MonkeyPatch.context() as patch:
        clean_git_env(patch)
        yield make_repo(tmp_path_factory.mktemp("outcomes") / "repo")


def dry_run(capsys, folder: Path, target: str) -> tuple[int, str]:
    code = main(["advance", str(folder), "--to", target, "--outcome", "fail", "--dry-run", "--today", TODAY])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def with_event(repo: Path, folder: Path, files: dict, pack_id: str, key: str, event: dict | None) -> None:
    data = copy.deepcopy(files["project.yaml"])
    data.setdefault("events", {}).pop(key, None)
    if event is not None:
        data["events"][key] = event
    render(folder, "project.yaml", data, pack_id)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--allow-empty", "-m", f"记录 {key}")  # the example may have had no such record


@pytest.mark.parametrize("pack_id,example,stage,target,key,result", LOOPS, ids=[row[0] for row in LOOPS])
def test_fail_outcome_needs_its_record(repo: Path, capsys, monkeypatch, pack_id, example, stage, target, key,
                                       result) -> None:
    monkeypatch.chdir(repo)
    with pytest.MonkeyPatch.context() as patch:
        clean_git_env(patch)
        folder, files = example_project(repo, f"p-{pack_id}", pack_id, example, stage=stage)
        # no record at all: refused, and the message names the record the text's loop rests on
        with_event(repo, folder, files, pack_id, key, None)
        code, out = dry_run(capsys, folder, target)
        assert code == 1 and "GP070" in out and f"events.{key}" in out, out
        wanted = {"result": result} if result else {}
        # the record dated after the day of the step: the failure has not happened yet
        with_event(repo, folder, files, pack_id, key, {"date": _dt.date(2026, 11, 26), **wanted})
        code, out = dry_run(capsys, folder, target)
        assert code == 1 and "GP070" in out and "晚于今天 2026-11-25" in out, out
        if result:  # a record that says the review passed cannot send the project back as failed
            with_event(repo, folder, files, pack_id, key, {"date": _dt.date(2026, 11, 25), "result": "pass"})
            code, out = dry_run(capsys, folder, target)
            assert code == 1 and "GP070" in out and "记录的是“pass”" in out, out
        # recorded on the day of the step, with its result: GP070 has nothing to say
        with_event(repo, folder, files, pack_id, key, {"date": _dt.date(2026, 11, 25), **wanted})
        code, out = dry_run(capsys, folder, target)
        assert "GP070" not in out, out


def test_every_fail_transition_names_its_record() -> None:
    """Each fail loop of the five packs says what record decides it (an event of the pack, or a list of the format
    with dated items), or why the text makes no record its condition."""
    seen = 0
    for pid in available():
        pack = get_pack(pid)
        events = {key for key, _, _ in pack.events}
        specs = file_specs(pack)
        for t in pack.transitions:
            if t.outcome == "fail":
                assert t.record or t.unrecorded, f"{pid} {t.source}→{t.target}: no record declared"
            if not t.record:
                continue
            seen += 1
            if ":" in t.record:
                file, key = t.record.split(":", 1)
                spec = specs[file].child(key)
                assert spec is not None and spec.kind == "list" and any(f.key == "date" for f in spec.fields), t
                if t.result:
                    assert any(f.key == "result" and t.result in f.choices for f in spec.fields), t
            else:
                assert t.record in events, f"{pid}: {t.record} is not an event of the pack"
            assert t.result in ("", "pass", "fail")
    assert seen >= 25


def test_a_second_failure_needs_its_own_record(tmp_path, capsys, monkeypatch) -> None:
    """After one failed acceptance has sent the project round the loop, the same record cannot send it round again:
    the next failure is dated on or after the day the project came back (the previous advance)."""
    from gitfixture import TEST_DAY, on_day

    clean_git_env(monkeypatch)
    repo = make_repo(tmp_path / "repo")
    monkeypatch.chdir(repo)
    folder, files = example_project(repo, "p", "yb", "build", stage="acceptance")
    for later_event in ("delivered", "archived", "evaluated"):  # the example has gone further: back to acceptance
        files["project.yaml"]["events"].pop(later_event, None)
    day = _dt.date.fromisoformat(TEST_DAY)
    first = day - _dt.timedelta(days=5)
    with_event(repo, folder, files, "yb", "accepted", {"date": first, "result": "fail"})
    code = main(["advance", "p", "--to", "acceptance", "--outcome", "fail"])
    out = capsys.readouterr().out
    assert code == 0, out
    later = (day + _dt.timedelta(days=10)).isoformat()
    for key, value in on_day(later).items():
        monkeypatch.setenv(key, value)
    code = main(["advance", "p", "--to", "acceptance", "--outcome", "fail"])
    out = capsys.readouterr().out
    assert code == 1 and "GP070" in out and f"{first.isoformat()} 早于项目进入本阶段的 {TEST_DAY}" in out, out
    with_event(repo, folder, files, "yb", "accepted", {"date": _dt.date.fromisoformat(later), "result": "fail"})
    code = main(["advance", "p", "--to", "acceptance", "--outcome", "fail"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert main(["verify", "p"]) == 0, capsys.readouterr().out
