"""`govproj archive`: the project's 档案 as one verifiable zip, made from the committed state; `--verify` re-checks one."""
from __future__ import annotations

import io
import json
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path, PurePosixPath
from types import SimpleNamespace
from typing import Any, Optional

import typer

from govproj.commands import options as opt
from govproj.commands.options import command

HELP = "生成项目档案包"
DESCRIPTION = ("把项目的档案打成一个可核验的 zip：按最近一次提交（HEAD）中的项目文件生成，内容为\n"
               "  项目/      项目的 YAML 文件和它引用的全部证据文件（路径与项目文件夹中相同）；\n"
               "  表单/      按提交时的内容生成的全部表单 .docx（装有 LibreOffice 时另有 PDF）；\n"
               "  审计轨迹/  git 历史中的每一次阶段变化（时间、提交人、阶段、提交号、门槛检查、证据哈希），.md 和 .json；\n"
               "  核验/      govproj verify 的结果，.txt 和 .json；\n"
               "  档案目录.md  每一项的来源和日期，以及辖区办法要求归档的材料是否齐全；\n"
               "  SHA256SUMS  全部文件的 SHA-256，解压后可用 sha256sum -c SHA256SUMS 核对。\n"
               "同一提交生成的档案包逐字节相同。项目文件夹有未提交的修改，或 verify 发现审计轨迹有问题时拒绝生成，\n"
               "什么也不写；--force 仍然生成，档案目录第一行写明是强制生成及原因。\n\n"
               "--verify 档案包：核对档案包中每个文件与 SHA256SUMS 是否一致（被修改、缺失、多出的文件逐个列出），\n"
               "在项目所在的仓库中运行时，还核对审计轨迹与仓库的 git 历史是否一致。\n\n"
               "退出码：0 完成（或档案包完好）；1 辖区要求的归档材料缺失、证据文件缺失，或档案包与清单不符；\n"
               "2 拒绝生成（未提交的修改、审计轨迹有问题）、用法错误或文件无法读取。")
EPILOG = """示例：
  govproj archive projects/hotline                        # → ./<项目编号>-档案.zip
  govproj archive projects/hotline -o 归档/hotline.zip
  govproj archive projects/hotline --no-pdf               # 不转 PDF（更快）
  govproj archive projects/hotline --force                # 有未提交的修改也生成，档案目录中注明
  govproj archive --verify 归档/hotline.zip               # 核对档案包（在项目仓库中运行时也核对审计轨迹）
  unzip 归档/hotline.zip && cd <项目编号>-档案 && sha256sum -c SHA256SUMS
"""

CATALOGUE = "档案目录.md"
TRAIL_MD, TRAIL_JSON = "审计轨迹/审计轨迹.md", "审计轨迹/审计轨迹.json"
VERIFY_TXT, VERIFY_JSON = "核验/核验结果.txt", "核验/核验结果.json"
PROJECT_DIR, FORMS_DIR = "项目", "表单"

app = opt.app()


@command(app, "archive", help=DESCRIPTION, epilog=EPILOG)
def main(
    path: str = opt.path("项目文件夹（默认当前文件夹）；与 --verify 一起用时，是核对审计轨迹所用的仓库中的位置"),
    output: Optional[str] = opt.output("档案包写到这个文件（默认当前文件夹下的 <项目编号>-档案.zip）"),
    verify: Optional[str] = typer.Option(None, "--verify", metavar="档案包",
                                         help="不生成，核对这个档案包：文件与 SHA256SUMS、审计轨迹与仓库"),
    force: bool = typer.Option(False, "--force", help="有未提交的修改或审计轨迹有问题时仍然生成（档案目录第一行注明）"),
    pdf: bool = typer.Option(True, "--pdf/--no-pdf", help="表单是否同时转为 PDF（默认：装有 LibreOffice 时转换）"),
) -> int:
    return run(SimpleNamespace(path=path, output=output, verify=verify, force=force, pdf=pdf))


def run(args: SimpleNamespace) -> int:
    if args.verify:
        return verify_package(Path(args.verify), Path(args.path))
    return make(args)


# ---- making the package ------------------------------------------------------------------------------------------

@dataclass
class Item:
    """One file of the package, for the catalogue."""

    name: str  # below the package's top folder
    kind: str  # 项目文件 / 证据文件 / 表单 / 审计轨迹 / 核验结果
    source: str
    date: str
    data: bytes


@dataclass
class Built:
    items: list[Item] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)  # what makes the archive incomplete (exit 1)
    required: list[tuple[str, str, str, str]] = field(default_factory=list)  # label, citation, state, files
    skipped: list[str] = field(default_factory=list)  # forms not produced, and why


def _one_project(path: Path) -> Path:
    from govproj.core.project import find_projects
    from govproj.errors import UsageError

    folders = find_projects([path])
    if not folders:
        raise UsageError(f"{path} 下没有找到项目（含 project.yaml 的文件夹）", hint="给出一个项目文件夹")
    if len(folders) > 1:
        from govproj.core.project import display_path

        listing = "、".join(display_path(f) for f in folders[:5]) + ("等" if len(folders) > 5 else "")
        raise UsageError(f"{path} 下有 {len(folders)} 个项目（{listing}），一个档案包只装一个项目",
                         hint="每个项目分别运行 govproj archive <项目文件夹>")
    return folders[0]


def make(args: SimpleNamespace) -> int:
    from govproj.commands.verify import verify_project
    from govproj.edges import archive as zipedge
    from govproj.edges import ledger
    from govproj.errors import UsageError

    folder = _one_project(Path(args.path))
    repo, rel = ledger.open_repo(folder)
    head = ledger.head(repo)
    if head is None:
        raise UsageError("仓库还没有任何提交，没有可归档的内容", hint="先提交项目文件（git add、git commit）")
    committed = ledger.load_at(repo, head, rel)
    if committed is None:
        raise UsageError(f"项目 {rel or '.'} 还没有提交到 git，档案按提交的内容生成", hint="先提交项目文件，再生成档案包")
    out = Path(args.output) if args.output else Path.cwd() / f"{committed.id}-档案.zip"
    if out.suffix.lower() != ".zip":
        raise UsageError(f"档案包的文件名应以 .zip 结尾：{out}", hint="如 -o 归档/项目档案.zip")
    if out.is_dir():
        raise UsageError(f"{out} 是一个文件夹", hint="-o 写档案包的文件名，如 -o 归档/项目档案.zip")

    reasons: list[str] = []
    dirty = [line for line in ledger.uncommitted(repo, rel) if not _is_output(line, repo, out)]
    if dirty:
        shown = "、".join(line[3:] for line in dirty[:5]) + ("等" if len(dirty) > 5 else "")
        reasons.append(f"项目文件夹有 {len(dirty)} 处未提交的修改（{shown}）")
    report = verify_project(folder)
    report.project = rel or "."
    if report.unverifiable:
        reasons.append(f"审计轨迹无法核验：{report.unverifiable}")
    elif report.breaks:
        reasons.append(f"govproj verify 发现审计轨迹有 {len(report.breaks)} 处问题")
    if reasons and not args.force:
        raise UsageError("拒绝生成档案包，什么也没有写：" + "；".join(reasons),
                         hint="提交或撤销修改（git status 查看），用 govproj verify 查明并处理审计轨迹的问题后再生成；"
                              "确需按现状生成时加 --force，档案目录第一行会注明")

    commit = repo.commit(head)
    when = commit.committed_datetime
    built = _build(repo, rel, head, when.isoformat(), report, args.pdf)
    top = f"{committed.id}-档案"
    catalogue = _catalogue(committed, rel, head, when.isoformat(), built, reasons if args.force else [])
    files = {item.name: item.data for item in built.items}
    files[CATALOGUE] = catalogue.encode("utf-8")
    files[zipedge.MANIFEST] = zipedge.sha256sums(files).encode("utf-8")
    data = zipedge.build_zip({f"{top}/{name}": content for name, content in files.items()}, when)
    zipedge.write_zip(out, data)

    from govproj.core.project import display_path

    sys.stdout.write(f"{committed.name or committed.id}（{committed.pack.name}）→ {display_path(out)}\n")
    sys.stdout.write(f"  按提交 {head[:10]}（{when.isoformat()[:10]}）生成，{len(files)} 个文件，"
                     f"sha256:{zipedge.sha256(data)}\n")
    if reasons:
        sys.stdout.write("  ⚠ 强制生成：" + "；".join(reasons) + "\n")
    for line in built.skipped:
        sys.stdout.write(f"  · {line}\n")
    for finding in built.findings:
        sys.stdout.write(f"  ✗ {finding}\n")
    if built.findings:
        sys.stdout.write(f"  档案不完整：{len(built.findings)} 个问题（详见档案包中的 {CATALOGUE}）\n")
    else:
        sys.stdout.write("  ✓ 辖区要求的归档材料和引用的证据文件齐全\n")
    return 1 if built.findings else 0


def _is_output(line: str, repo: Any, out: Path) -> bool:
    """A `git status` line for the package itself (written inside the project folder by a previous run)."""
    from govproj.edges import ledger

    name = line[3:].strip().strip('"')
    try:
        return (ledger.root_of(repo) / name).resolve() == out.resolve()
    except OSError:
        return False


def _last_changes(repo: Any, head: str, rel: str) -> dict[str, str]:
    """Repository path -> the date of the last commit (up to `head`) that changed it: one `git log`."""
    raw = repo.git.log("-z", "--name-only", "--no-renames", "--no-show-signature", "--format=%x1e%cI", head, "--",
                       rel or ".", stdout_as_string=False, strip_newline_in_stdout=False)
    dates: dict[str, str] = {}
    for record in raw.split(b"\x1e")[1:]:
        header, _, names = record.partition(b"\0")
        date = header.decode("ascii").strip()
        for name in names.lstrip(b"\n").split(b"\0"):
            if name:
                dates.setdefault(name.decode("utf-8", "replace"), date)
    return dates


def _build(repo: Any, rel: str, head: str, head_date: str, report: Any, pdf: bool) -> Built:
    from govproj.commands import log, verify
    from govproj.commands.render import render_outputs, selected
    from govproj.core.project import load_project
    from govproj.edges import ledger
    from govproj.edges.render import BUILTIN, Source, available_forms, find_soffice
    from govproj.packs.shared import evidence_refs

    built = Built()
    short = head[:10]
    changed = _last_changes(repo, head, rel)
    with ledger.tree_at(repo, head, rel) as tree, ledger.tree_at(repo, head, ".govproj/templates") as shared:
        project = load_project(tree)
        for path in sorted(p for p in tree.iterdir() if p.is_file() and p.suffix in (".yaml", ".yml")):
            built.items.append(Item(f"{PROJECT_DIR}/{path.name}", "项目文件", f"提交 {short} 中的 {path.name}",
                                    changed.get(ledger.in_project(rel, path.name), head_date), path.read_bytes()))
        cited: dict[str, list[str]] = {}
        for file, where, ref in evidence_refs(project):
            cited.setdefault(ref, []).append(f"{file} {'.'.join(str(p) for p in where[:-1])}")
        seen: set[str] = set()
        for ref in sorted(cited):
            target = (tree / ref).resolve()
            try:
                inside = target.relative_to(tree.resolve()).as_posix()
            except ValueError:
                built.findings.append(f"证据文件 {ref} 不在项目文件夹内，无法归档（{cited[ref][0]}）")
                continue
            if not target.is_file():
                built.findings.append(f"引用的证据文件 {ref} 不在提交 {short} 中（{cited[ref][0]}）")
                continue
            if inside in seen:
                continue
            seen.add(inside)
            where = "；".join(dict.fromkeys(cited[ref]))
            built.items.append(Item(f"{PROJECT_DIR}/{inside}", "证据文件", f"提交 {short} 中的 {inside}，引用：{where}",
                                    changed.get(ledger.in_project(rel, inside), head_date), target.read_bytes()))
        # the forms from the committed files, with the templates of the commit (project, repository), else built-in
        sources = [Source(tree / "templates", "项目")] if (tree / "templates").is_dir() else []
        sources += [Source(shared, "仓库")] if any(shared.iterdir()) else []
        sources.append(Source(BUILTIN, "内置"))
        chosen, skipped = selected(project, available_forms(project.pack.id, sources), None)
        soffice = find_soffice() if pdf else None
        for name, data in sorted(render_outputs(project, sources, chosen, soffice=soffice).items()):
            built.items.append(Item(f"{FORMS_DIR}/{name}", "表单", f"按提交 {short} 的项目文件生成", head_date, data))
        for form, reason in skipped:
            built.skipped.append(f"未生成{form.label}：{reason}")
        if pdf and soffice is None:
            built.skipped.append("没有找到 LibreOffice（soffice），表单只有 .docx，没有 PDF")
        _required(project, built)

    record = log.trail_at(repo, rel, head)
    trail_date = record["entries"][-1]["date"] if record and record["entries"] else head_date
    text = io.StringIO()
    log.write_markdown(record, text)
    built.items.append(Item(TRAIL_MD, "审计轨迹", f"git 历史（截至提交 {short}），govproj log", trail_date,
                            text.getvalue().encode("utf-8")))
    payload = {"version": 1, "commit": head, "committed": head_date, **record}
    built.items.append(Item(TRAIL_JSON, "审计轨迹", f"git 历史（截至提交 {short}），govproj log --format json",
                            trail_date, _json(payload)))
    text = io.StringIO()
    verify.write_text([report], text)
    built.items.append(Item(VERIFY_TXT, "核验结果", f"govproj verify（提交 {short}）", head_date,
                            text.getvalue().encode("utf-8")))
    built.items.append(Item(VERIFY_JSON, "核验结果", f"govproj verify --format json（提交 {short}）", head_date,
                            _json({"version": 1, "commit": head, "projects": [asdict(report)]})))
    return built


def _json(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _required(project: Any, built: Built) -> None:
    """The items the jurisdiction's text requires in the archive (the pack's declaration), each checked with the
    function its rule uses in `check`: missing ones are findings once the rule's stage is reached."""
    from govproj.core.lifecycle import stage_name
    from govproj.core.rules import applicable
    from govproj.packs.helpers import archive_findings, archive_needed

    pack = project.pack
    for item in pack.archive:
        rule = pack.ruleset.rules[item.rule]
        cite = f"{rule.citation.doc} {rule.citation.article}"
        document = project.document(item.key) or {}
        files = "、".join(str(f) for f in document.get("evidence") or [])
        if rule.kinds and project.kind not in rule.kinds:
            built.required.append((item.label, cite, "不适用于本类项目", files))
            continue
        if not archive_needed(project, [item]):
            built.required.append((item.label, cite, f"不需要（仅{item.condition}）", files))
            continue
        problems = list(archive_findings(project, [item]))
        if not problems:
            built.required.append((item.label, cite, "已归档", files))
        elif applicable(rule, project):
            built.required.append((item.label, cite, "缺失", files))
            for problem in problems:
                built.findings.append(f"{rule.code} {problem.message}（依据：{cite}：{rule.citation.quote}）")
        else:
            first = next((s for s in pack.stages if s.id in rule.stages), None)
            due = f"自{stage_name(pack, first.id)}起要求" if first else "尚未到期"
            built.required.append((item.label, cite, f"尚未归档（{due}）", files))


def _catalogue(project: Any, rel: str, head: str, head_date: str, built: Built, forced: list[str]) -> str:
    from govproj import __version__
    from govproj.core.lifecycle import stage_name

    pack = project.pack
    out = io.StringIO()
    if forced:
        out.write("**本档案包为强制生成（--force），原因：" + "；".join(forced) + "。**\n\n")
    out.write(f"# 项目档案目录：{project.name or '未填写项目名称'}（{project.id}）\n\n")
    out.write(f"- 辖区：{pack.name}，依据 {pack.doc}{pack.title}（规则包版本 {pack.version}）\n")
    out.write(f"- 项目文件夹：{rel or '.'}（git 仓库中的位置）\n")
    out.write(f"- 档案内容来自提交：{head}（{head_date}）\n")
    out.write(f"- 当时的阶段：{stage_name(pack, project.recorded_stage)}\n")
    out.write(f"- 生成工具：govproj {__version__}\n")
    out.write(f"- 核对：解压后在本文件夹运行 `sha256sum -c SHA256SUMS`，或 `govproj archive --verify 档案包.zip`\n\n")
    out.write("## 一、档案清单\n\n| 序号 | 文件 | 类别 | 来源 | 日期 | SHA-256（前16位） |\n|---|---|---|---|---|---|\n")
    from govproj.edges.archive import sha256

    for number, item in enumerate(sorted(built.items, key=lambda i: i.name), 1):
        out.write(f"| {number} | {_cell(item.name)} | {item.kind} | {_cell(item.source)} | {item.date[:10]} | "
                  f"{sha256(item.data)[:16]} |\n")
    out.write(f"\n另有本目录（{CATALOGUE}）和全部文件的校验清单（SHA256SUMS）。\n")
    out.write("\n## 二、辖区办法要求归档的材料\n\n")
    if not pack.archive:
        out.write(f"{pack.doc}{pack.title}没有规定项目档案应包含的材料，本档案包按 govproj 的统一内容整理"
                  "（项目文件、证据、表单、审计轨迹、核验结果）。\n")
    else:
        out.write("| 材料 | 依据 | 状态 | 文件 |\n|---|---|---|---|\n")
        for label, cite, state, files in built.required:
            out.write(f"| {label} | {cite} | {state} | {_cell(files) or '—'} |\n")
    if built.skipped:
        out.write("\n## 三、说明\n\n")
        for line in built.skipped:
            out.write(f"- {line}\n")
    out.write(f"\n## {'四' if built.skipped else '三'}、检查结果\n\n")
    if built.findings:
        for finding in built.findings:
            out.write(f"- ✗ {finding}\n")
    else:
        out.write("- ✓ 辖区要求的归档材料和引用的证据文件齐全\n")
    return out.getvalue()


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


# ---- checking a package ------------------------------------------------------------------------------------------

def verify_package(path: Path, where: Path) -> int:
    from govproj.edges import archive as zipedge

    package = zipedge.read_zip(path)
    problems: list[str] = []
    notes: list[str] = []
    manifest = package.files.get(zipedge.MANIFEST)
    if manifest is None:
        from govproj.errors import UsageError

        raise UsageError(f"{path} 中没有 {zipedge.MANIFEST}，不是 govproj archive 生成的档案包（或清单被删除）",
                         hint="用 govproj archive 重新生成档案包")
    sums, bad = zipedge.parse_sha256sums(manifest.decode("utf-8", "replace"))
    problems += [f"{zipedge.MANIFEST} 中有无法识别的行：{line}" for line in bad]
    for name in sorted(sums):
        if name not in package.files:
            problems.append(f"缺失：{name}（清单中有，档案包中没有）")
        elif zipedge.sha256(package.files[name]) != sums[name]:
            problems.append(f"已修改：{name}（SHA-256 与清单不符）")
    for name in sorted(set(package.files) - set(sums) - {zipedge.MANIFEST}):
        problems.append(f"多出：{name}（不在清单中）")
    for name in sorted(package.outside):
        problems.append(f"多出：{name}（不在档案包的文件夹 {package.top or '（无）'}/ 中）")
    ok = len([n for n in sums if n in package.files and zipedge.sha256(package.files[n]) == sums[n]])
    _check_trail(package, where, problems, notes)

    sys.stdout.write(f"{path}（{package.top or '档案包'}）\n")
    for problem in problems:
        sys.stdout.write(f"  ✗ {problem}\n")
    for note in notes:
        sys.stdout.write(f"  · {note}\n")
    if problems:
        sys.stdout.write(f"  档案包有 {len(problems)} 处问题\n")
        return 1
    sys.stdout.write(f"  ✓ 档案包完好：{ok} 个文件与 {zipedge.MANIFEST} 一致\n")
    return 0


TRAIL_KEYS_IGNORED = ("signature",)  # whether a signature can be checked depends on the keys of the machine


def _comparable(entries: list[dict]) -> list[dict]:
    return [{k: v for k, v in e.items() if k not in TRAIL_KEYS_IGNORED} for e in entries]


def _check_trail(package: Any, where: Path, problems: list[str], notes: list[str]) -> None:
    """The package's trail against the repository at hand: the same entries at the same commit."""
    from govproj.commands.log import trail_at
    from govproj.edges import ledger

    data = package.files.get(TRAIL_JSON)
    if data is None:
        return  # reported as missing by the manifest check (or it never was in the manifest)
    try:
        trail = json.loads(data.decode("utf-8"))
        commit, rel, entries = str(trail["commit"]), str(trail["path"]), list(trail["entries"])
    except (ValueError, KeyError, TypeError, AttributeError):
        problems.append(f"{TRAIL_JSON} 不是 govproj archive 写的审计轨迹（无法读取提交号和记录）")
        return
    found = ledger.find_repo(where if where.exists() else Path("."))
    if found is None:
        notes.append("不在 git 仓库中，只核对了文件清单；在项目所在的仓库中运行可同时核对审计轨迹")
        return
    repo = found[0]
    if ledger.resolve(repo, commit) is None:
        notes.append(f"当前仓库中没有提交 {commit[:10]}，未核对审计轨迹（在项目所在的仓库中运行可核对）")
        return
    current = trail_at(repo, "" if rel == "." else rel, commit)
    if current is None:
        problems.append(f"审计轨迹与仓库不符：提交 {commit[:10]} 中没有项目文件夹 {rel}")
        return
    mine, theirs = _comparable(entries), _comparable(current["entries"])
    if mine == theirs:
        notes.append(f"审计轨迹与仓库一致：{len(entries)} 条记录，截至提交 {commit[:10]}")
        return
    for number, (a, b) in enumerate(zip(mine, theirs), 1):
        if a != b:
            keys = "、".join(k for k in sorted(set(a) | set(b)) if a.get(k) != b.get(k))
            problems.append(f"审计轨迹与仓库不符：第 {number} 条记录（提交 {str(b.get('commit', ''))[:10]}）的 {keys} 不同")
            break
    if len(mine) != len(theirs):
        problems.append(f"审计轨迹与仓库不符：档案包中 {len(mine)} 条记录，仓库中 {len(theirs)} 条")
