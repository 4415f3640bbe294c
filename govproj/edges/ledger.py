"""The git edge: advance commits with trailers, baseline tags, the project's history, trees as they were.

The git history of the repository that holds the projects is the audit trail (审计留痕). Every stage change is one
commit made by `govproj advance`, whose message ends in machine-readable trailers (`Govproj-*`); entering a stage
that fixes the approved baseline also writes an annotated tag `govproj/<project id>/baseline-<n>`. Everything here
runs the `git` program (no GitPython) and is imported only by the commands that need it, and by `check` lazily when
a change-control rule asks for the baseline.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import io
import os
import re
import subprocess
import tarfile
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Iterator

from govproj.errors import UsageError

if TYPE_CHECKING:
    from govproj.core.project import Project

TAG_PREFIX = "govproj"
ADVANCE_ENV = "GOVPROJ_ADVANCE"  # set while `advance` commits: the stage guard hook lets exactly that change pass
PROJECT_FILE = "project.yaml"


class GitFailed(Exception):
    """A git command failed; `stderr` is git's own message."""

    def __init__(self, args: tuple[str, ...], code: int, stderr: str) -> None:
        super().__init__(f"git {' '.join(args)}: {stderr.strip()}")
        self.args_ = args
        self.code = code
        self.stderr = stderr.strip()


@dataclass(frozen=True)
class Repo:
    """A git working tree. Every call is `git -C <root> …`."""

    root: Path

    def run(self, *args: str, input: bytes | None = None, env: dict[str, str] | None = None,
            check: bool = True) -> subprocess.CompletedProcess:
        full_env = None if env is None else {**os.environ, **env}
        try:
            done = subprocess.run(["git", "-C", str(self.root), *args], input=input, capture_output=True,
                                  env=full_env)
        except FileNotFoundError:
            raise UsageError("找不到 git 程序", hint="安装 git 并确认它在 PATH 中") from None
        if check and done.returncode != 0:
            raise GitFailed(args, done.returncode, done.stderr.decode("utf-8", "replace"))
        return done

    def text(self, *args: str, input: bytes | None = None) -> str:
        return self.run(*args, input=input).stdout.decode("utf-8", "replace")

    def ok(self, *args: str) -> bool:
        return self.run(*args, check=False).returncode == 0

    def git_path(self, name: str) -> Path:
        path = Path(self.text("rev-parse", "--git-path", name).strip())
        return path if path.is_absolute() else self.root / path


def find_repo(folder: Path) -> tuple[Repo, str] | None:
    """(repository, the folder's path inside it in posix form, "" for the root), or None outside a work tree."""
    try:
        done = subprocess.run(["git", "-C", str(folder), "rev-parse", "--show-toplevel", "--show-prefix"],
                              capture_output=True)
    except (FileNotFoundError, NotADirectoryError):
        return None
    if done.returncode != 0:
        return None
    lines = done.stdout.decode("utf-8", "replace").split("\n")
    if not lines or not lines[0]:
        return None
    return Repo(Path(lines[0])), (lines[1] if len(lines) > 1 else "").strip().rstrip("/")


def open_repo(folder: Path) -> tuple[Repo, str]:
    found = find_repo(folder)
    if found is None:
        raise UsageError(f"{folder} 不在 git 仓库中：审计留痕需要 git",
                         hint="在存放项目的文件夹运行 `git init`，提交项目文件后再试")
    return found


def in_project(rel: str, name: str) -> str:
    """The repository path of a file of the project."""
    return f"{rel}/{name}" if rel else name


# ---- state checks before a step ------------------------------------------------------------------------------

IN_PROGRESS = (("MERGE_HEAD", "合并（merge）"), ("rebase-merge", "变基（rebase）"), ("rebase-apply", "变基或补丁（rebase/am）"),
               ("CHERRY_PICK_HEAD", "拣选（cherry-pick）"), ("REVERT_HEAD", "还原（revert）"), ("BISECT_LOG", "二分查找（bisect）"))


def branch(repo: Repo) -> str:
    """The checked-out branch; refuses a detached HEAD or an operation in progress."""
    for name, label in IN_PROGRESS:
        if repo.git_path(name).exists():
            raise UsageError(f"仓库正在进行{label}，现在不能推进阶段",
                             hint="先完成或放弃这项操作（如 git merge --abort / git rebase --continue），再推进")
    done = repo.run("symbolic-ref", "-q", "HEAD", check=False)
    if done.returncode != 0:
        raise UsageError("HEAD 处于分离状态（detached HEAD），推进提交无处安放",
                         hint="先切换到一个分支：git switch <分支名>（或 git switch -c <新分支>）")
    return done.stdout.decode().strip()


def uncommitted(repo: Repo, rel: str) -> list[str]:
    """`git status` lines for the project folder: staged, unstaged and untracked (not ignored) changes."""
    out = repo.run("status", "--porcelain=v1", "-z", "--untracked-files=all", "--", rel or ".").stdout
    entries = [e.decode("utf-8", "replace") for e in out.split(b"\0") if e]
    lines: list[str] = []
    skip = False
    for entry in entries:
        if skip:  # the source path of a rename
            skip = False
            continue
        if entry[:1] in ("R", "C"):
            skip = True
        lines.append(entry)
    return lines


def head(repo: Repo) -> str | None:
    done = repo.run("rev-parse", "-q", "--verify", "HEAD^{commit}", check=False)
    return done.stdout.decode().strip() if done.returncode == 0 else None


def is_shallow(repo: Repo) -> bool:
    return repo.text("rev-parse", "--is-shallow-repository").strip() == "true"


def shallow_boundary(repo: Repo) -> set[str]:
    path = repo.git_path("shallow")
    return set(path.read_text().split()) if path.is_file() else set()


# ---- editing the stage ---------------------------------------------------------------------------------------

def replace_stage(text: str, target: str) -> str:
    """project.yaml with `stage:` set by a ruamel.yaml round trip: comments, quoting, BOM, line endings and every other
    line kept byte for byte (`verify` recomputes this to prove an advance changed nothing else)."""
    from govproj.edges.yamlio import set_top_scalar

    return set_top_scalar(text, "stage", target, PROJECT_FILE, what="阶段值（stage）")


def stage_of(text: str | None) -> str | None:
    """The `stage:` of a project.yaml text, or None when absent or unreadable."""
    if text is None:
        return None
    from govproj.errors import GovprojError
    from govproj.edges.yamlio import parse_doc

    try:
        value = parse_doc(text.removeprefix("\ufeff"), PROJECT_FILE).data.get("stage")
    except GovprojError:
        return None
    return str(value) if value not in (None, "") else None


def read_exact(path: Path) -> str:
    """A text file exactly as it is (BOM and line endings kept), for writing it back unchanged."""
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


# ---- trailers ------------------------------------------------------------------------------------------------

TRAILER = "Govproj-"
REQUIRED = ("Project", "Path", "From", "To", "Outcome", "Pack", "Tool", "Today", "Check", "Previous")
_CHECK = re.compile(r"^errors=(\d+) warnings=(\d+) infos=(\d+) waived=(\d+)$")
_EVIDENCE = re.compile(r"^sha256:([0-9a-f]{64}) (\S.*)$")
_SHA = re.compile(r"^[0-9a-f]{40}$")


@dataclass(frozen=True)
class Trail:
    """The trailers of one advance commit, parsed."""

    project: str
    path: str
    source: str
    target: str
    outcome: str
    pack: str
    pack_version: str
    tool: str
    today: _dt.date
    counts: dict[str, int]
    previous: str | None
    evidence: tuple[tuple[str, str], ...]  # (path relative to the project folder, sha256)
    baseline: str | None = None
    label: str = ""


def format_trailers(trail: Trail) -> str:
    c = trail.counts
    lines = [
        f"Govproj-Project: {trail.project}",
        f"Govproj-Path: {trail.path or '.'}",
        f"Govproj-From: {trail.source}",
        f"Govproj-To: {trail.target}",
        f"Govproj-Outcome: {trail.outcome}",
    ]
    if trail.label:
        lines.append(f"Govproj-Label: {trail.label}")
    lines += [
        f"Govproj-Pack: {trail.pack} {trail.pack_version}",
        f"Govproj-Tool: {trail.tool}",
        f"Govproj-Today: {trail.today.isoformat()}",
        f"Govproj-Check: errors={c['errors']} warnings={c['warnings']} infos={c['infos']} waived={c['waived']}",
        f"Govproj-Previous: {trail.previous or 'none'}",
    ]
    lines += [f"Govproj-Evidence: sha256:{digest} {path}" for path, digest in trail.evidence]
    if trail.baseline:
        lines.append(f"Govproj-Baseline: {trail.baseline}")
    return "\n".join(lines)


def trailer_lines(message: str) -> list[tuple[str, str]]:
    """(key without the Govproj- prefix, value) of the message's last paragraph, when it holds Govproj trailers."""
    paragraphs = [p for p in re.split(r"\n\s*\n", message.strip()) if p.strip()]
    if not paragraphs:
        return []
    out = []
    for line in paragraphs[-1].splitlines():
        key, sep, value = line.partition(": ")
        if sep and key.startswith(TRAILER):
            out.append((key[len(TRAILER):], value.strip()))
    return out


def parse_trail(message: str) -> tuple[Trail | None, list[str]]:
    """The advance trailers of a commit message: (Trail, []) when well formed, (None, problems) otherwise.

    (None, []) means the commit carries no govproj trailers at all.
    """
    pairs = trailer_lines(message)
    if not pairs:
        return None, []
    problems: list[str] = []
    values: dict[str, list[str]] = {}
    for key, value in pairs:
        values.setdefault(key, []).append(value)
    for key in REQUIRED:
        if len(values.get(key, [])) != 1:
            problems.append(f"Govproj-{key} " + ("缺失" if key not in values else "出现了多次"))
    unknown = sorted(set(values) - set(REQUIRED) - {"Evidence", "Baseline", "Label"})
    if unknown:
        problems.append("不认识的尾注：" + "、".join(f"Govproj-{k}" for k in unknown))
    if problems:
        return None, problems

    def one(key: str) -> str:
        return values[key][0]

    try:
        today = _dt.date.fromisoformat(one("Today"))
    except ValueError:
        problems.append(f"Govproj-Today 不是日期：{one('Today')}")
        today = _dt.date.min
    check = _CHECK.match(one("Check"))
    if not check:
        problems.append(f"Govproj-Check 格式不对：{one('Check')}")
    if one("Outcome") not in ("pass", "fail"):
        problems.append(f"Govproj-Outcome 只能是 pass 或 fail：{one('Outcome')}")
    previous = one("Previous")
    if previous != "none" and not _SHA.match(previous):
        problems.append(f"Govproj-Previous 应是40位提交号或 none：{previous}")
    pack, _, version = one("Pack").partition(" ")
    if not version:
        problems.append(f"Govproj-Pack 应写“辖区 版本”：{one('Pack')}")
    evidence = []
    for value in values.get("Evidence", []):
        match = _EVIDENCE.match(value)
        if match:
            evidence.append((match.group(2), match.group(1)))
        else:
            problems.append(f"Govproj-Evidence 格式不对：{value}")
    if problems:
        return None, problems
    assert check is not None
    counts = dict(zip(("errors", "warnings", "infos", "waived"), map(int, check.groups())))
    path = one("Path")
    return Trail(one("Project"), "" if path == "." else path, one("From"), one("To"), one("Outcome"), pack, version,
                 one("Tool"), today, counts, None if previous == "none" else previous, tuple(evidence),
                 (values.get("Baseline") or [None])[0], (values.get("Label") or [""])[0]), []


# ---- evidence ------------------------------------------------------------------------------------------------

def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def evidence_files(project: "Project", extra: list[Path] = ()) -> list[tuple[str, str]]:
    """(path relative to the project folder, sha256) of every evidence file the project cites, plus `extra`."""
    from govproj.packs.shared import evidence_refs

    root = project.root.resolve()
    found: dict[str, str] = {}
    candidates = [root / ref for _, _, ref in evidence_refs(project)] + [Path(p) for p in extra]
    for candidate in candidates:
        target = candidate.resolve()
        try:
            rel = target.relative_to(root).as_posix()
        except ValueError:
            raise UsageError(f"证据文件 {candidate} 不在项目文件夹 {project.display} 之内",
                             hint="把证据复制到项目的 evidence/ 下并提交，再推进") from None
        if target.is_file() and rel not in found:
            found[rel] = sha256_file(target)
        elif not target.exists() and candidate in [Path(p) for p in extra]:
            raise UsageError(f"证据文件 {candidate} 不存在", hint="检查路径")
    return sorted(found.items())


# ---- history -------------------------------------------------------------------------------------------------

_FORMAT = "%H%x1f%P%x1f%an%x1f%ae%x1f%aI%x1f%G?%x1f%B%x1e"
_FORMAT_NOSIG = _FORMAT.replace("%G?", "")


@dataclass(frozen=True)
class Commit:
    sha: str
    parents: tuple[str, ...]
    author: str
    email: str
    date: str  # ISO 8601 with the author's own offset
    signature: str  # %G?: G good, U good/unknown trust, N none, B bad, E cannot check …; "" when not asked
    message: str

    @property
    def short(self) -> str:
        return self.sha[:7]

    @property
    def subject(self) -> str:
        return self.message.split("\n", 1)[0]


@dataclass
class Step:
    """A commit of the project's history: its stage before and after, and its advance trailers if any."""

    commit: Commit
    before: str | None
    after: str | None
    before_text: str | None
    after_text: str | None
    trail: Trail | None
    problems: list[str] = field(default_factory=list)

    @property
    def changes_stage(self) -> bool:
        """project.yaml existed before and after, and its stage differs (an unreadable file counts as no stage)."""
        return self.before_text is not None and self.after_text is not None and self.before != self.after

    @property
    def is_advance(self) -> bool:
        return self.trail is not None or bool(self.problems)


def _commits(repo: Repo, shas: list[str], *, signatures: bool) -> list[Commit]:
    if not shas:
        return []
    fmt = _FORMAT if signatures else _FORMAT_NOSIG
    out = repo.text("log", "--no-walk=unsorted", "--stdin", f"--format={fmt}", input="\n".join(shas).encode() + b"\n")
    commits = []
    for record in out.split("\x1e"):
        record = record.lstrip("\n")
        if not record:
            continue
        sha, parents, author, email, date, sig, message = record.split("\x1f", 6)
        commits.append(Commit(sha, tuple(parents.split()), author, email, date, sig, message.rstrip("\n")))
    order = {sha: i for i, sha in enumerate(shas)}
    return sorted(commits, key=lambda c: order[c.sha])


def blobs(repo: Repo, specs: list[str]) -> list[bytes | None]:
    """The contents of `rev:path` objects in one `git cat-file --batch` call (None where missing)."""
    if not specs:
        return []
    out = repo.run("cat-file", "--batch", input="".join(f"{s}\n" for s in specs).encode()).stdout
    result: list[bytes | None] = []
    offset = 0
    for _ in specs:
        end = out.index(b"\n", offset)
        header = out[offset:end].decode("utf-8", "replace").split()
        offset = end + 1
        if len(header) == 3 and header[1] in ("blob", "tree", "commit", "tag"):
            size = int(header[2])
            result.append(out[offset:offset + size] if header[1] == "blob" else None)
            offset += size + 1
        else:  # "<spec> missing" / "ambiguous"
            result.append(None)
    return result


def _decode(data: bytes | None) -> str | None:
    return None if data is None else data.decode("utf-8", "replace")


def history(repo: Repo, rel: str, project_id: str, *, rev: str = "HEAD", signatures: bool = False) -> list[Step]:
    """Every commit reachable from `rev` that touched the project folder or carries its trailers, oldest first."""
    if repo.run("rev-parse", "-q", "--verify", f"{rev}^{{commit}}", check=False).returncode != 0:
        return []
    touched = repo.text("rev-list", "--topo-order", "--reverse", rev, "--", rel or ".").split()
    marked = repo.text("rev-list", "--topo-order", "--reverse", "--fixed-strings",
                       f"--grep=Govproj-Project: {project_id}", rev).split()
    wanted = set(touched) | set(marked)
    if set(marked) <= set(touched):
        order = touched
    else:
        order = [s for s in repo.text("rev-list", "--topo-order", "--reverse", rev).split() if s in wanted]
    commits = _commits(repo, order, signatures=signatures)
    path = in_project(rel, PROJECT_FILE)
    texts = blobs(repo, [spec for c in commits for spec in (f"{c.sha}:{path}", f"{c.sha}^:{path}")])
    steps = []
    for index, commit in enumerate(commits):
        after_text, before_text = _decode(texts[2 * index]), _decode(texts[2 * index + 1])
        trail, problems = parse_trail(commit.message)
        if trail is not None and trail.project != project_id:
            continue  # another project's advance that happened to touch this folder
        if trail is None and not problems and commit.sha not in touched:
            continue  # the id appears in the message, but it is not a trailer
        steps.append(Step(commit, stage_of(before_text), stage_of(after_text), before_text, after_text, trail,
                          problems))
    return steps


# ---- baselines -----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Tag:
    name: str
    number: int
    commit: str


def tag_glob(project_id: str) -> str:
    return f"{TAG_PREFIX}/{project_id}/baseline-*"


def baseline_tags(repo: Repo, project_id: str, *, merged: str | None = None) -> list[Tag]:
    """The project's baseline tags (reachable from `merged` when given), by number."""
    args = ["for-each-ref", "--format=%(refname:short)%09%(*objectname)%09%(objectname)"]
    if merged:
        args.append(f"--merged={merged}")
    args.append(f"refs/tags/{tag_glob(project_id)}")
    tags = []
    for line in repo.text(*args).splitlines():
        name, peeled, own = (line.split("\t") + ["", ""])[:3]
        match = re.search(r"/baseline-(\d+)$", name)
        if match:
            tags.append(Tag(name, int(match.group(1)), peeled or own))
    return sorted(tags, key=lambda t: t.number)


def next_tag_name(repo: Repo, project_id: str) -> str:
    tags = baseline_tags(repo, project_id)
    return f"{TAG_PREFIX}/{project_id}/baseline-{(tags[-1].number + 1) if tags else 1}"


@contextmanager
def tree_at(repo: Repo, rev: str, rel: str, *, evidence: bool = True) -> Iterator[Path]:
    """A temporary folder holding the project's files as they were at `rev` (all files, or only the YAML)."""
    with tempfile.TemporaryDirectory(prefix="govproj-") as tmp:
        folder = Path(tmp) / "p"
        folder.mkdir()
        if evidence:
            data = repo.run("archive", "--format=tar", rev, "--", rel or ".").stdout
            strip = PurePosixPath(rel) if rel else None
            with tarfile.open(fileobj=io.BytesIO(data)) as archive:
                for member in archive.getmembers():
                    if not member.isfile():
                        continue
                    path = PurePosixPath(member.name)
                    inner = path.relative_to(strip) if strip else path
                    if ".." in inner.parts or inner.is_absolute():
                        continue
                    target = folder.joinpath(*inner.parts)
                    target.parent.mkdir(parents=True, exist_ok=True)
                    handle = archive.extractfile(member)
                    target.write_bytes(handle.read() if handle else b"")
        else:
            from govproj.core.format import FILES

            names = list(FILES) + ["calendar.yaml"]
            for name, content in zip(names, blobs(repo, [f"{rev}:{in_project(rel, n)}" for n in names])):
                if content is not None:
                    (folder / name).write_bytes(content)
        yield folder


def load_at(repo: Repo, rev: str, rel: str, *, label: str | None = None) -> "Project | None":
    """The project as it was at `rev` (YAML only, held in memory), or None when it did not exist there."""
    from govproj.core.project import load_project

    with tree_at(repo, rev, rel, evidence=False) as folder:
        if not (folder / PROJECT_FILE).is_file():
            return None
        project = load_project(folder)
    return replace(project, display=f"{label or rev}:{rel or '.'}")


def baseline_for(project: "Project", *, rev: str = "HEAD") -> "Project | None":
    """The project as approved: its files at the latest baseline tag reachable from `rev`, or None."""
    found = find_repo(project.root)
    if found is None:
        return None
    repo, rel = found
    return baseline_at(repo, rel, project.id, rev)


def baseline_at(repo: Repo, rel: str, project_id: str, rev: str = "HEAD") -> "Project | None":
    try:
        tags = baseline_tags(repo, project_id, merged=rev)
        if not tags:
            return None
        return load_at(repo, tags[-1].name, _tag_path(repo, tags[-1], rel), label=tags[-1].name)
    except GitFailed:
        return None


def _tag_path(repo: Repo, tag: Tag, rel: str) -> str:
    """Where the project was when tagged: the tag's Govproj-Path (projects may move), else where it is now."""
    message = repo.text("for-each-ref", "--format=%(contents)", f"refs/tags/{tag.name}")
    for key, value in trailer_lines(message):
        if key == "Path":
            return "" if value == "." else value
    return rel


# ---- the advance commit --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Written:
    sha: str
    tag: str | None


def commit_step(repo: Repo, rel: str, *, old_text: str, new_text: str, message: str, sign: bool,
                tag: str | None, tag_message: str, branch_ref: str) -> Written:
    """Write the new stage, commit only project.yaml, tag; on any failure put everything back as it was."""
    from govproj.edges.yamlio import atomic_write

    file = repo.root / in_project(rel, PROJECT_FILE)
    path = in_project(rel, PROJECT_FILE)
    before = head(repo)
    index_entry = repo.text("ls-files", "-s", "--", path).strip()
    changed = new_text != old_text
    env = {ADVANCE_ENV: path}
    args = ["commit", "--only", "--no-edit", "-m", message]
    if sign:
        args.append("-S")
    if changed:
        atomic_write(file, new_text)
        args += ["--", path]
    else:
        args.append("--allow-empty")  # a loop that stays in its stage (延期, 重新验收): the trail still records it
    try:
        repo.run(*args, env=env)
    except GitFailed as exc:
        if changed:
            atomic_write(file, old_text)
        raise UsageError("git 提交失败，推进已撤销，工作区和暂存区保持原样" + (f"：\n{_indent(exc.stderr)}" if exc.stderr else ""),
                         hint="多半是 pre-commit 钩子拒绝了提交，或 --sign 时没有配置签名密钥（git config user.signingkey）；"
                              "处理后重新运行 govproj advance") from None
    sha = head(repo) or ""
    if tag:
        try:
            repo.run("tag", "-a", *(["-s"] if sign else []), "-m", tag_message, tag, sha)
        except GitFailed as exc:
            _undo(repo, branch_ref, sha, before, path, index_entry)
            if changed:
                atomic_write(file, old_text)
            raise UsageError(f"基线标签 {tag} 创建失败，推进提交已撤销：\n{_indent(exc.stderr)}",
                             hint="检查签名配置，或是否已有同名标签（git tag -l）") from None
    return Written(sha, tag)


def _undo(repo: Repo, branch_ref: str, sha: str, before: str | None, path: str, index_entry: str) -> None:
    """Take back our own commit: the branch to where it was, project.yaml's index entry to what it was."""
    if before:
        repo.run("update-ref", "-m", "govproj advance: 撤销", branch_ref, before, sha)
    else:
        repo.run("update-ref", "-d", branch_ref, sha)
    if index_entry:
        mode, blob, _stage_and_path = index_entry.split(" ", 2)
        repo.run("update-index", "--cacheinfo", f"{mode},{blob},{path}")


def _indent(text: str) -> str:
    return "\n".join("    " + line for line in text.strip().splitlines())


def changed_files(repo: Repo, sha: str) -> list[str]:
    """Repository paths a commit changed against its first parent (all of its files for a root commit)."""
    out = repo.run("diff-tree", "--no-commit-id", "--name-only", "-r", "-z", "--root", "-m", "--first-parent",
                   sha).stdout
    return sorted({p.decode("utf-8", "replace") for p in out.split(b"\0") if p})


def is_ancestor(repo: Repo, sha: str, rev: str = "HEAD") -> bool:
    return repo.ok("merge-base", "--is-ancestor", sha, rev)
