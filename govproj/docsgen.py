"""Generate docs/rules.md and docs/coverage.md from the rule declarations: `python -m govproj.docsgen`.

A test fails when the committed files differ from what this writes, so the docs cannot drift from the code.
"""
from __future__ import annotations

import sys
from pathlib import Path

from govproj.packs import PACK_NAMES, available, get_pack, shared

ROOT = Path(__file__).resolve().parent.parent


def rules_md() -> str:
    from govproj.commands.explain import explain_markdown
    from govproj.commands.rules import markdown, rule_record

    parts = ["# 规则参考", "",
             "本文件由 `python -m govproj.docsgen` 从规则声明生成，请勿手工修改。每条规则也可以用 `govproj explain 编号` 查看。", "",
             "## 通用格式规则（所有辖区）", ""]
    parts += [explain_markdown(r) for r in shared.RULES]
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
        parts += bodies_and_boundaries(pack, level="###")
    return "\n".join(parts).rstrip("\n") + "\n"


def bodies_and_boundaries(pack, *, level: str) -> list[str]:
    """Two tables from the declarations: who approves or receives each procedure whose body a rule checks, and how
    each threshold and period reads its boundary (the same lines as `govproj explain`)."""
    from govproj.commands.explain import boundary_lines

    parts = [f"{level} {pack.name}：审批、审核、备案的机关", "",
             "规则核对 `by` 时接受的机关：名称须正是所列名称之一（可带所列地名前缀；`by` 写了几个机关时，用“、”分隔或写在括号里的"
             "名称各自核对），含有这几个字的其他名称不算。本单位对它另有叫法或机构已更名的，写在 `settings.<规则>.bodies`。", "",
             "| 规则 | 程序 | 条款与原文 | 接受的机关 | 地名前缀 | 读取 |", "|---|---|---|---|---|---|"]
    for b in pack.bodies:
        note = f"；{b.note}" if b.note else ""
        parts.append(f"| {b.rule} | {b.procedure} | {b.article}“{b.words}” | {b.shown()}{note} | "
                     f"{'、'.join(b.places) or '—'} | {b.where} |")
    parts += ["", f"{level} {pack.name}：门槛和期限的边界", "",
              "边界值本身是否算在内，依据原文的用词和《民法典》第一千二百五十九条（以上、以下、以内、届满含本数；不满、超过、"
              "以外不含本数），期间依据第二百零一条至第二百零三条（govproj/core/periods.py，各地共用）。", "",
              "| 规则 | 门槛或期限 | 原文用词 | 边界值 | 理由与算例 |", "|---|---|---|---|---|"]
    for rule in pack.rules:
        for b, line in zip(rule.boundaries, boundary_lines(rule)):
            reading = line.split("。", 1)[1] if "。" in line else b.why
            parts.append(f"| {rule.code} | {b.what} | {b.word} | {'含' if b.included else '不含'} | {reading} |")
    return parts + [""]


BLOCK_START = "<!-- 以下由 python -m govproj.docsgen 生成：审批机关、门槛和期限的边界。请勿手工修改 -->"
BLOCK_END = "<!-- 生成内容结束 -->"


def pack_doc(pid: str):
    """docs/packs/<pid>.md with its generated block (the rest of the file is written by hand)."""
    def build() -> str:
        path = ROOT / "docs" / "packs" / f"{pid}.md"
        pack = get_pack(pid)
        text = path.read_text(encoding="utf-8") if path.exists() else (
            f"# {pack.name}规则包（`jurisdiction: {pid}`）\n\n依据：**{pack.doc}{pack.title}**。每条规则的全文说明用 "
            f"`govproj explain 规则编号` 查看，全部规则见 `docs/rules.md`，条款覆盖情况见 `docs/coverage.md`。\n")
        block = "\n".join([BLOCK_START, "", *bodies_and_boundaries(pack, level="##"), BLOCK_END])
        if BLOCK_START in text:
            head, rest = text.split(BLOCK_START, 1)
            tail = rest.split(BLOCK_END, 1)[1] if BLOCK_END in rest else ""
            return head + block + tail
        return text.rstrip("\n") + "\n\n" + block + "\n"
    return build


FORMAT_INTRO = """# 项目文件格式

本文件由 `python -m govproj.docsgen` 从字段声明（`govproj/core/format.py`）生成，请勿手工修改；编辑器用的 JSON Schema
由同一份声明导出（`govproj schema`，`govproj new` 也会写到项目的 `.schema/` 下，并在每个文件首行加
`# yaml-language-server: $schema=…`，VS Code 装 YAML 插件即可补全和校验）。

## 项目文件夹

一个项目是一个文件夹，里面每个文件对应管理办法里的一类记录：

| 文件 | 内容 |
|---|---|
{files}
| `evidence/` | 证据文件（签字盖章扫描件、批复、意见函……），在 YAML 的 `evidence` 里以相对路径引用 |
| `calendar.yaml` | （可选）本项目使用的工作日历，见 docs/calendar.md |

只有 `project.yaml` 是必需的；其他文件到了需要的阶段才会被检查（缺少时，规则会指出缺哪个文件）。
`govproj check 文件夹` 会找出文件夹下所有含 `project.yaml` 的项目。

## 值的类型

- **日期**：一律写 `YYYY-MM-DD`（YAML 日期），如 `2026-05-31`。“2026年5月31日”“2026/5/31”都会报 GP001。
- **金额**：单位万元；`budget.yaml` 写了 `unit: 元` 时，该文件里不带单位的金额（总投资、预算明细、资金来源以及
  本辖区加在 budget.yaml 的金额字段）都以元计。写半角数字，如 `180.5`；也可以带上单位写 `"180.5万元"`、
  `"1805000元"`、`"1,805,000元"`，带了单位的以所写单位为准（其他文件也一样）。读入后每个金额都带着单位，
  规则一律换算到同一单位再比较门槛（如 100 万元＝1,000,000 元，含本数的门槛两种写法结果相同），表格一律印万元、
  两位小数。按十进制精确计算，不用浮点数：各项之和必须与总投资分毫不差（GP020）；最多精确到分（以元计 2 位、
  以万元计 6 位小数），不能是负数。全角数字报 GP004。
- **资金类型**：`budget.yaml` 的每个资金来源写两样：`source` 是表格里印的名称，照文件写（如“2027年省级专项资金”）；
  `type` 是本辖区办法所列的资金种类（可选值见下文各辖区一节，如吉林省 `省级财政资金`、渝北区申报表的四栏）。
  凡是取决于资金种类的规则和表格栏目（吉林省第十二条的200万元、西城区第十一条的政府和社会共同投资、渝北区附件1
  的分栏）只看 `type`，不从名称猜；没有写 `type` 的来源报 GP021。
- **是否**：`true`/`false`（也接受“是/否”“有/无”）。
- **可选值**：有固定选项的字段（项目类型、阶段、服务对象、测评结论 pass/fail……）只能取列出的值（GP003）。
- **文字**：多行文字用 `|` 块。
- 拼错的字段名报 GP002，并给出最接近的正确字段名。不支持 YAML 锚点/别名和合并键；重复的键、Tab 缩进、
  非 UTF-8 编码都是无法读取的错误（退出码 2），错误信息写明文件和行号。
- 布尔值按 YAML 1.1 识别（与以前一样）：`true/false`、`yes/no`、`on/off`；要写成文字时加引号。

## 文件怎样读取（YAML）

所有 YAML 文件（项目文件和 `calendar.yaml`）都由同一个读取器（`govproj/edges/yamlio.py`，基于 ruamel.yaml 的
C 解析器）读取，规则相同，错误都是中文、写明文件和行号（退出码 2）：

| 情况 | 处理 |
|---|---|
| 编码 | 只接受 UTF-8（有无 BOM 均可）。GBK/GB18030 文件报“看起来是 GBK”并给出转换命令 `iconv -f GBK -t UTF-8 原文件 > 新文件`；UTF-16、UTF-32（带 BOM，如记事本的“Unicode”）同样拒绝并说明。不按 GBK 读入：推进阶段会写回文件、计算哈希、留下 git 差异，一种编码才能让审计记录可比（git 还会把 UTF-16 当作二进制） |
| 文件大小 | 超过 2 MB（`MAX_FILE_BYTES`）的 YAML 文件在解析前就拒绝，说明大小和上限 |
| 嵌套层数 | 超过 64 层（`MAX_DEPTH`）报“嵌套太深”，指出所在行 |
| 节点数 | 超过 200,000 个（`MAX_NODES`）报“文件过大” |
| 语法错误 | libyaml 的英文提示译成中文（括号或引号没有闭合、缩进不对、缺少冒号、值里的冒号要加引号……）；没有译文的，给出中文说明并附原文 |
| 极大的数 | `1e+99999999` 这类指数超过 ±40 或超过 40 位的数按文字读入，金额规则报 GP004（“不是数字”），不会让程序出错 |
| 多个文档 | 一个文件只能有一个 YAML 文档（`---` 之后再开始一个会报错） |

写回用户的 YAML（`govproj advance` 修改 `stage`）是 ruamel.yaml 的往返编辑：注释、顺序、引号、BOM、换行符都保留，
除 `stage` 所在的那一行外每个字节不变，见 docs/audit-trail.md。

## 阶段、事件和材料

`project.yaml` 的 `stage` 是当前阶段，由 `govproj advance` 维护。规则按阶段生效：某条规则列出的阶段，就是
“进入这些阶段时必须满足”的阶段，所以 `govproj check --stage 某阶段` 回答“要进入该阶段还差什么”。

`events` 记录已经发生的事（日期、文号、主体、结论、证据），`documents` 记录已经具备的材料（名称、文号、是否签字
盖章、证据）。二者的键由辖区规则包定义，见下文各辖区的“事件”和“材料”。

## 豁免（waivers）

```yaml
waivers:
  - rule: BJ071                 # 规则编号
    reason: 涉密系统，不使用市级政务云   # 理由（必填）
    approved_by: 孙卫东          # 批准人（必填）
    expires: 2027-12-31          # 到期日（必填，当天仍有效）
    path: project.yaml           # 可选：只豁免这个文件里的发现
```

缺理由、批准人或到期日的豁免不生效并报 GP040；过期的报 GP041；没有对应任何发现的报 GP042。

依据的条款是强制性规定的规则不能豁免：条文用“不得”“必须”“严禁”“禁止”“一律”“应当”而没有“原则上”或
“除……以外”的例外，对这样的规则的豁免不生效并报 GP040（`govproj explain 编号` 显示“不可豁免”和原文的用词）。

## 规则设置（settings）

在 `project.yaml` 的 `settings`（只对本项目）或仓库根目录的 `.govproj/config.yaml` 的 `rules`（对仓库内全部项目）
按规则编号设置级别（`error`/`warning`/`info`/`off`）和该规则接受的参数（`govproj explain 编号` 列出）：

```yaml
settings:
  BJ071: {severity: info}
```

项目的设置优先于仓库的设置。设置了不存在的规则或参数报 GP030。

设置只能**加严**（把警告、提示升为错误）或调整参数，**不能关掉门槛**：错误级的规则决定能否推进阶段，把它设为
`warning`、`info` 或 `off` 不生效，项目里的这种设置报 GP030，仓库配置里的是无法读取的错误（退出码 2）。
确有正当理由不适用本项目的，只能用上面的豁免，理由、批准人和到期日都记入推进的提交。

## 字段参考
"""


def _field_rows(spec, prefix: str = "") -> list[str]:
    rows = []
    for f in spec.fields:
        key = f"{prefix}{f.key}"
        kind = {"str": "文字", "text": "多行文字", "bool": "是否", "date": "日期", "money": "金额", "int": "整数",
                "enum": "可选值", "list": "列表", "map": "映射", "percent": "百分数"}[f.kind]
        if f.kind == "list" and f.item != "map":
            kind = "列表（" + {"str": "文字", "enum": "可选值"}.get(f.item, f.item) + "）"
        choices = f"：{'、'.join(f.choices)}" if f.choices else ""
        required = "（必填）" if f.required else ""
        text = (f.label + required + (f"。{f.help}" if f.help else "") + choices).replace("|", "\\|")
        rows.append(f"| `{key}` | {kind} | {text} |")
        if f.fields and f.key not in ("events", "documents"):
            child = f"{key}[]." if f.kind == "list" else f"{key}."
            rows.extend(_field_rows(f, child))
    return rows


def format_md() -> str:
    from govproj.core.format import FILE_TITLES, FILES, file_specs

    pack = get_pack("bj")
    files = "\n".join(f"| `{name}` | {FILE_TITLES[name]} |" for name in FILES)
    parts = [FORMAT_INTRO.replace("{files}", files)]
    specs = file_specs(pack)
    for name in FILES:
        parts += [f"### {name}：{FILE_TITLES[name]}", "", "| 字段 | 类型 | 说明 |", "|---|---|---|"]
        parts += _field_rows(specs[name])
        parts.append("")
    parts += ["事件和材料（`events.<键>`、`documents.<键>`）的字段：", "",
              "| 字段 | 类型 | 说明 |", "|---|---|---|"]
    parts += _field_rows(specs["project.yaml"].child("events").fields[0], "events.<键>.")
    parts += _field_rows(specs["project.yaml"].child("documents").fields[0], "documents.<键>.")
    parts.append("")
    parts += ["## 各辖区的项目类型、事件、材料和附加字段", ""]
    for pid in available():
        p = get_pack(pid)
        parts += [f"### {p.name}（`jurisdiction: {pid}`）", "",
                  "项目类型（`kind`）：" + "、".join(f"`{k}` {v}" for k, v in p.kinds), "",
                  "阶段（`stage`）：" + " → ".join(f"`{s.id}` {s.name}" for s in p.stages), "",
                  "| 资金类型 `budget.yaml sources[].type` | 办法中的依据 |", "|---|---|"]
        parts += [f"| `{t}` | {why} |" for t, why in p.funding_types]
        parts += ["", "| 事件 `events.<键>` | 名称 | 说明 |", "|---|---|---|"]
        parts += [f"| `{k}` | {label} | {help_} |" for k, label, help_ in p.events]
        parts += ["", "| 材料 `documents.<键>` | 名称 | 说明 |", "|---|---|---|"]
        parts += [f"| `{k}` | {label} | {help_} |" for k, label, help_ in p.documents]
        extra = [(file, f) for file, fields in p.extra_fields.items() for f in fields]
        if extra:
            parts += ["", "附加字段：", "", "| 文件 | 字段 | 类型 | 说明 |", "|---|---|---|---|"]
            for file, f in extra:
                for row in _field_rows(type("S", (), {"fields": (f,)})()):
                    parts.append(f"| {file} " + row)
        parts.append("")
    return "\n".join(parts).rstrip("\n") + "\n"


GENERATED = {"docs/rules.md": rules_md, "docs/coverage.md": coverage_md, "docs/format.md": format_md,
             **{f"docs/packs/{pid}.md": pack_doc(pid) for pid in ("bj", "xc", "yb", "jl", "gs")}}


def main() -> int:
    for rel, build in GENERATED.items():
        path = ROOT / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(build(), encoding="utf-8")
        sys.stdout.write(f"wrote {rel}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
