"""`govproj new` scaffolds through the real CLI: every empty list of records shows one commented item of its full
shape, which, uncommented, is a valid item; changes.yaml is written; signoffs take evidence."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from govproj.cli import main
from govproj.core.fields import validate
from govproj.core.format import FILES, file_specs
from govproj.core.scaffold import EXAMPLE_HEAD
from govproj.edges.yamlio import parse_doc
from govproj.packs import available, get_pack


def _lists(spec, path=()):
    """Dotted paths of the lists of records a scaffold shows (not those inside a list item)."""
    for f in spec.fields:
        if f.kind == "list" and f.item == "map":
            yield ".".join(path + (f.key,)), f
        elif f.kind == "map" and f.fields:
            yield from _lists(f, path + (f.key,))


def _uncomment(text: str) -> str:
    """The text with every commented example item turned into a real item (what a user does by hand)."""
    out, pad = [], None
    for line in text.splitlines():
        if line.strip() == EXAMPLE_HEAD:
            pad = line[: len(line) - len(line.lstrip())]
            continue
        if pad is not None and line.startswith(pad + "# ") and line[len(pad) + 2:].startswith(("- ", "  ")):
            out.append(pad + line[len(pad) + 2:])
            continue
        pad = None
        out.append(line)
    return "\n".join(out) + "\n"


@pytest.fixture(scope="module")
def scaffolds(tmp_path_factory) -> dict[tuple[str, str], Path]:
    root = tmp_path_factory.mktemp("scaffolds")
    out = {}
    for pid in available():
        for kind, _ in get_pack(pid).kinds:
            folder = root / f"{pid}-{kind}"
            assert main(["new", str(folder), "-j", pid, "-k", kind]) == 0
            out[(pid, kind)] = folder
    return out


def test_every_list_of_records_shows_one_commented_item_of_its_shape(scaffolds, capsys) -> None:
    capsys.readouterr()
    for (pid, kind), folder in scaffolds.items():
        specs = file_specs(get_pack(pid))
        for file in FILES:
            text = (folder / file).read_text(encoding="utf-8")
            doc = parse_doc(text, file)
            for dotted, f in _lists(specs[file]):
                parts = dotted.split(".")
                line = doc.keys[tuple(parts)].line
                lines = text.splitlines()
                assert lines[line - 1].rstrip().endswith(f"{parts[-1]}:"), (pid, file, dotted, lines[line - 1])
                assert lines[line].strip() == EXAMPLE_HEAD, (pid, file, dotted)
                shown = [re.match(r"#\s*-?\s*(\w+):", lines[line + 1 + i].strip()) for i in range(len(f.fields))]
                assert [m.group(1) if m else None for m in shown][:1] == [f.fields[0].key], (pid, file, dotted)
                for child in f.fields:  # every key of the item's shape is in the example, with its label
                    assert any(re.search(rf"#\s+-?\s*{child.key}:.*# {re.escape(child.label)}", x)
                               for x in lines[line + 1:]), (pid, file, dotted, child.key)


def test_uncommented_examples_are_valid_items(scaffolds, capsys) -> None:
    capsys.readouterr()
    for (pid, kind), folder in scaffolds.items():
        specs = file_specs(get_pack(pid))
        for file in FILES:
            text = _uncomment((folder / file).read_text(encoding="utf-8"))
            doc = parse_doc(text, file)
            typed = validate(doc, specs[file])
            assert typed.problems == [], (pid, kind, file, typed.problems)
            for dotted, _ in _lists(specs[file]):
                node = typed.data
                for part in dotted.split("."):
                    node = node[part]
                assert isinstance(node, list) and len(node) == 1 and isinstance(node[0], dict), (pid, file, dotted)


def test_blank_scaffold_checks_like_before_and_has_changes_yaml(scaffolds, capsys) -> None:
    capsys.readouterr()
    for (pid, kind), folder in scaffolds.items():
        assert (folder / "changes.yaml").is_file()
        code = main(["check", str(folder), "--format", "json"])
        out = capsys.readouterr().out
        assert code in (0, 1)
        assert not re.search(r'"code": "GP00[1-4]"', out), (pid, kind, out)  # an empty `lines:` is an empty list


def test_signoffs_take_evidence_and_do_not_repeat_their_label(scaffolds, tmp_path, capsys) -> None:
    capsys.readouterr()
    folder = scaffolds[("bj", "new")]
    text = (folder / "construction.yaml").read_text(encoding="utf-8")
    assert "业务主管部门意见：业务主管部门意见" not in text
    assert "# 业务主管部门意见：签字人、意见和签字日期；纸面签字后把扫描件放入 evidence/" in text
    copy = tmp_path / "p"
    assert main(["new", str(copy), "-j", "bj"]) == 0
    (copy / "evidence" / "签字页.pdf").write_bytes(b"%PDF")
    assert main(["record", str(copy), "business_dept", "--signoff", "--by", "张三", "--date", "2026-05-10",
                 "--evidence", "evidence/签字页.pdf"]) == 0
    assert "      - evidence/签字页.pdf" in (copy / "construction.yaml").read_text(encoding="utf-8")
    capsys.readouterr()
    assert main(["check", str(copy), "--format", "json"]) in (0, 1)
    assert "GP002" not in capsys.readouterr().out


@pytest.mark.parametrize("pid", ["xc", "yb", "jl", "gs"])
def test_examples_and_comments_belong_to_the_pack(scaffolds, pid, capsys) -> None:
    capsys.readouterr()
    pack = get_pack(pid)
    for kind, _ in pack.kinds:
        text = "".join((scaffolds[(pid, kind)] / file).read_text(encoding="utf-8") for file in FILES)
        assert "京发改" not in text and "〔2026〕12号" in text
        assert f"如 {pack.sample_doc_no}" in text  # the events' 文号 example is the pack's own
        assert not re.search(r"\bBJ\d{3}\b", text)  # waiver and settings examples name the pack's own rules
        if pid != "xc":  # 西城 is a district of Beijing: its example companies may be in Beijing
            assert "北京" not in text.replace("bj 北京市", "")  # the jurisdictions' list names them all


def test_beijing_keeps_its_own_numbers(scaffolds, capsys) -> None:
    text = (scaffolds[("bj", "new")] / "project.yaml").read_text(encoding="utf-8")
    assert "如 京发改〔2026〕12号" in text and re.search(r"- rule: BJ\d{3}", text)
