"""The bundled examples: the generated ones match `govproj new --example` exactly; all of them load and check."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from govproj.cli import main
from govproj.commands.new import plan_files
from govproj.packs import available, get_pack
from govproj.edges.yamlio import parse_doc

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _by_id() -> dict[str, Path]:
    out = {}
    for folder in sorted(EXAMPLES.iterdir()):
        if (folder / "project.yaml").is_file():
            data = parse_doc((folder / "project.yaml").read_text(encoding="utf-8"), str(folder)).data
            out[str(data.get("id"))] = folder
    return out


def _pack_examples():
    for pid in available():
        pack = get_pack(pid)
        for kind, build in pack.examples.items():
            yield pytest.param(pid, kind, id=f"{pid}-{kind}")


@pytest.mark.parametrize("pid,kind", list(_pack_examples()))
def test_generated_example_is_current_and_clean(pid: str, kind: str, capsys) -> None:
    pack = get_pack(pid)
    sample_id = pack.examples[kind]()["files"]["project.yaml"]["id"]
    folders = _by_id()
    if sample_id not in folders:
        pytest.fail(f"examples/ has no folder for {pid}/{kind} (id {sample_id}): "
                    f"govproj new examples/<name> -j {pid} -k {kind} --example")
    folder = folders[sample_id]
    expected = plan_files(pack, kind, example=True, name=None, unit=None, project_id=None, folder=folder)
    for rel, text in expected.items():
        assert (folder / rel).read_text(encoding="utf-8") == text, f"{folder / rel} is out of date"
    code = main(["check", str(folder), "--format", "json", "--today", "2026-11-25"])
    payload = json.loads(capsys.readouterr().out)
    assert code == 0 and payload["summary"]["errors"] == 0, payload["diagnostics"]
    # the example sits at a stage from which it can advance: the next stage's gates hold
    current = payload["projects"][0]["stage"]
    ids = [s.id for s in pack.stages]
    later = [s for s in pack.stages[ids.index(current) + 1:] if (not s.kinds or kind in s.kinds) and not s.optional]
    if later:
        nxt = later[0].id
        code = main(["check", str(folder), "--stage", nxt, "--format", "json", "--today", "2026-11-25"])
        payload = json.loads(capsys.readouterr().out)
        assert payload["summary"]["errors"] == 0, payload["diagnostics"]


def test_findings_example_shows_what_a_reviewer_knows(capsys) -> None:
    code = main(["check", str(EXAMPLES / "bj-archive-findings"), "--format", "json", "--today", "2026-11-25"])
    payload = json.loads(capsys.readouterr().out)
    assert code == 1
    assert sorted(d["code"] for d in payload["diagnostics"]) == ["BJ062", "BJ072", "BJ082", "BJ082", "BJ101", "GP020"]
