"""Generate docs/rules.md and docs/coverage.md from the rule declarations: `python -m govproj.docsgen`.

A test fails when the committed files differ from what this writes, so the docs cannot drift from the code.
"""
from __future__ import annotations

import sys
from pathlib import Path

from govproj.packs import PACK_NAMES, available, core, get_pack

ROOT = Path(__file__).resolve().parent.parent


def rules_md() -> str:
    from govproj.commands.explain import explain_markdown
    from govproj.commands.rules import markdown, rule_record

    parts = ["# 规则参考", "",
             "本文件由 `python -m govproj.docsgen` 从规则声明生成，请勿手工修改。每条规则也可以用 `govproj explain 编号` 查看。", "",
             "## 通用格式规则（所有辖区）", ""]
    parts += [explain_markdown(r) for r in core.RULES]
    for pid in available():
        pack = get_pack(pid)
        parts.append(markdown(pack, [rule_record(r, pack) for r in pack.rules]))
        parts += [explain_markdown(r) for r in pack.rules]
    return "\n".join(parts).rstrip("\n") + "\n"


def coverage_md() -> str:
    parts = ["# 条款覆盖情况", "",
             "本文件由 `python -m govproj.docsgen` 生成，请勿手工修改。`shared/spec/obligations.md` 的每一行义务，",
             "要么由规则检查（列出规则编号），要么说明为什么无法由机器检查。测试会核对两者一一对应。", ""]
    for pid in PACK_NAMES:
        if pid not in available():
            parts += [f"## {PACK_NAMES[pid]}", "", "规则包尚未提供。", ""]
            continue
        pack = get_pack(pid)
        parts += [f"## {pack.name}：{pack.doc}{pack.title}", "", f"状态：{pack.status}", "",
                  "| 义务 | 条款 | 规则 | 说明 / 无法检查的原因 |", "|---|---|---|---|"]
        for row in pack.coverage:
            rules = "、".join(row.rules) if row.rules else "—"
            parts.append(f"| {row.id} | {row.article} | {rules} | {row.reason} |")
        extra = getattr(pack, "coverage_notes", "")
        parts.append("")
        if extra:
            parts += [extra, ""]
    return "\n".join(parts).rstrip("\n") + "\n"


GENERATED = {"docs/rules.md": rules_md, "docs/coverage.md": coverage_md}


def main() -> int:
    for rel, build in GENERATED.items():
        path = ROOT / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(build(), encoding="utf-8")
        sys.stdout.write(f"wrote {rel}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
