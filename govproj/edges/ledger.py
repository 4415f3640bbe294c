"""The git edge: advance commits with trailers, baseline tags, the projects' history, trees as they were.

The git history of the repository that holds the projects is the audit trail (审计留痕). Every stage change is one
commit made by `govproj advance`, whose message ends in machine-readable trailers (`Govproj-*`); entering a stage
that fixes the approved baseline also writes an annotated tag `govproj/<project id>/baseline-<n>`.

GitPython is the object model (`git.Repo`, its commits, tags and trees; objects are read through its one persistent
`git cat-file --batch` process), and git is the engine: `repo.git.<cmd>` runs what the model lacks (a commit that
runs the user's hooks, `update-ref`, one `git log` that lists every commit's changed paths). This module, and so
GitPython, is imported only by the commands that touch git, and by `check` only when the repository's files show a
baseline tag of the project (see `govproj.edges.batch.baseline`).
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import os
import re
import sys
import tempfile
import weakref
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from govproj.errors import UsageError

try:  # GitPython runs `git version` when imported: without a git program there is no GitPython either
    import git
    from git.exc import GitCommandError
except ImportError as _exc:  # pragma: no cover - depends on the machine
    git = None  # type: ignore[assignment]
    _IMPORT_ERROR: str | None = str(_exc)
else:
    _IMPORT_ERROR = None

if TYPE_CHECKING:
    from git import Repo

    from govproj.core.project import Project

TAG_PREFIX = "govproj"
ADVANCE_ENV = "GOVPROJ_ADVANCE"  # set while `advance` commits: the stage guard hook lets exactly that change pass
PROJECT_FILE = "project.yaml"


def _require_git() -> None:
    if git is None:
        raise UsageError("找不到 git 程序（或 GitPython 无法使用它）", hint="安装 git 并确认它在 PATH 中"
                         + (f"；GitPython 的报告：{_IMPORT_ERROR}" if _IMPORT_ERROR else ""))


def find_repo(folder: Path) -> tuple["Repo", str] | None:
    """(repository, the folder's path inside it in posix form, "" for the root), or None outside a work tree."""
    _require_git()
    try:
        repo = git.Repo(folder, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError, NotADirectoryError):
        return None
    if repo.bare or not repo.working_tree_dir:
        return None
    try:
        rel = Path(folder).resolve().relative_to(Path(repo.working_tree_dir).resolve()).as_posix()
    except ValueError:  # inside the .git folder, or reached through a link git does not follow
        return None
    if rel == ".git" or rel.startswith(".git/"):
        return None
    return repo, "" if rel == "." else rel


def open_repo(folder: Path) -> tuple["Repo", str]:
    found = find_repo(folder)
    if found is None:
        raise UsageError(f"{folder} 不在 git 仓库中：审计留痕需要 git",
                         hint="在存放项目的文件夹运行 `git init`，提交项目文件后再试")
    return found


def root_of(repo: "Repo") -> Path:
    return Path(repo.working_tree_dir or ".")


def in_project(rel: str, name: str) -> str:
    """The repository path of a file of the project."""
    return f"{rel}/{name}" if rel else name


def _user_locale() -> dict[str, str]:
    """GitPython runs git with LC_ALL=C to parse its output; a commit's hooks and git's own words, which reach
    the user, run in the user's locale instead (an empty value is the same as unset)."""
    return {"LANGUAGE": os.environ.get("LANGUAGE", ""), "LC_ALL": os.environ.get("LC_ALL", "")}


def _stderr(exc: "GitCommandError") -> str:
    """git's own message out of GitPython's decoration (`\\n  stderr: '…'`)."""
    text = str(exc.stderr or "")
    match = re.match(r"^\s*stderr: '(.*)'\s*$", text, re.S)
    return (match.group(1) if match else text).strip()


# ---- state checks before a step ------------------------------------------------------------------------------

IN_PROGRESS = (("MERGE_HEAD", "合并（merge）"), ("rebase-merge", "变基（rebase）"), ("rebase-apply", "变基或补丁（rebase/am）"),
               ("CHERRY_PICK_HEAD", "拣选（cherry-pick）"), ("REVERT_HEAD", "还原（revert）"), ("BISECT_LOG", "二分查找（bisect）"))


def branch(repo: "Repo") -> str:
    """The checked-out branch; refuses a detached HEAD or an operation in progress."""
    for name, label in IN_PROGRESS:  # these live in the work tree's own git dir (a linked worktree has its own)
        if (Path(repo.git_dir) / name).exists():
            raise UsageError(f"仓库正在进行{label}，现在不能推进阶段",
                             hint="先完成或放弃这项操作（如 git merge --abort / git rebase --continue），再推进")
    if repo.head.is_detached:
        raise UsageError("HEAD 处于分离状态（detached HEAD），推进提交无处安放",
                         hint="先切换到一个分支：git switch <分支名>（或 git switch -c <新分支>）")
    return repo.head.reference.path


def uncommitted(repo: "Repo", rel: str) -> list[str]:
    """`git status` lines for the project folder: staged, unstaged and untracked (not ignored) changes."""
    out = repo.git.status("--porcelain=v1", "-z", "--untracked-files=all", "--", rel or ".",
                          stdout_as_string=False, strip_newline_in_stdout=False)
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


LOCK_FILE = "govproj-advance.lock"


@contextmanager
def advance_lock(repo: "Repo") -> Iterator[None]:
    """One `advance` at a time per repository (all worktrees share the git common dir): a second run is refused.

    flock is released by the kernel when the process ends, however it ends: a killed run leaves no stale lock."""
    import fcntl

    path = Path(repo.common_dir) / LOCK_FILE
    try:
        handle = open(path, "a+b")
    except OSError as exc:
        raise UsageError(f"无法打开推进锁文件 {path}：{exc.strerror}",
                         hint="检查 .git 目录是否可写") from None
    with handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise UsageError("另一个 govproj advance 正在这个仓库里推进（推进锁被占用），本次没有修改任何文件",
                             hint="等那一次推进结束后，用 git log -1 看结果，需要时再运行 govproj advance") from None
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def untracked(repo: "Repo", rel: str, names: Iterable[str]) -> list[str]:
    """Of `names` (paths relative to the project folder `rel`), those HEAD does not hold: ignored or never added.

    Their hashes would go into the trailers while the files stay out of the commit, and `verify` could never
    check them."""
    names = list(names)
    if not names:
        return []
    out = repo.git.ls_tree("-r", "-z", "--name-only", "--full-tree", "HEAD", "--", rel or ".",
                           stdout_as_string=False, strip_newline_in_stdout=False)
    held = {e.decode("utf-8", "replace") for e in out.split(b"\0") if e}
    return [name for name in names if in_project(rel, name) not in held]


def head(repo: "Repo") -> str | None:
    """HEAD's commit, or None on a branch without commits yet."""
    try:
        return repo.head.commit.hexsha
    except ValueError:
        return None


def shallow_boundary(repo: "Repo") -> set[str]:
    """The commits a shallow clone cut its history at (`.git/shallow`); empty for a full clone."""
    path = Path(repo.common_dir) / "shallow"
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
    rules_hash: str = ""  # Govproj-Rules: the sha256 of the rule set the gates were judged by (absent before 0.2)


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
        *([f"Govproj-Rules: sha256:{trail.rules_hash}"] if trail.rules_hash else []),
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
    unknown = sorted(set(values) - set(REQUIRED) - {"Evidence", "Baseline", "Label", "Rules"})
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
    rules = (values.get("Rules") or [""])[0]
    if rules and not re.fullmatch(r"sha256:[0-9a-f]{64}", rules):
        problems.append(f"Govproj-Rules 格式不对：{rules}")
    if problems:
        return None, problems
    assert check is not None
    counts = dict(zip(("errors", "warnings", "infos", "waived"), map(int, check.groups())))
    path = one("Path")
    return Trail(one("Project"), "" if path == "." else path, one("From"), one("To"), one("Outcome"), pack, version,
                 one("Tool"), today, counts, None if previous == "none" else previous, tuple(evidence),
                 (values.get("Baseline") or [None])[0], (values.get("Label") or [""])[0],
                 rules.removeprefix("sha256:")), []


# ---- evidence ------------------------------------------------------------------------------------------------

def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def evidence_files(project: "Project", extra: list[Path] = ()) -> list[tuple[str, str]]:
    """(path relative to the project folder, sha256) of every evidence file the project cites, plus `extra`."""
    from govproj.packs.shared import evidence_refs, evidence_target

    root = project.root.resolve()
    found: dict[str, str] = {}
    for _, _, ref in evidence_refs(project):  # the cited files: GP011 has judged them (a bad one blocks advance)
        target, problem, _ = evidence_target(root, ref)
        if target is not None:
            found.setdefault(target.relative_to(root).as_posix(), sha256_file(target))
    for candidate in [Path(p) for p in extra]:
        target, problem, hint = evidence_target(root, os.path.relpath(os.path.realpath(candidate), root))
        if target is None and "项目文件夹之外" in problem:
            raise UsageError(f"证据文件 {candidate} 不在项目文件夹 {project.display} 之内",
                             hint="把证据复制到项目的 evidence/ 下并提交，再推进")
        if target is None:
            raise UsageError(f"--evidence {candidate}：{problem}", hint=hint)
        found.setdefault(target.relative_to(root).as_posix(), sha256_file(target))
    return sorted(found.items())


# ---- objects and commits -------------------------------------------------------------------------------------

BATCH_MIN = 16  # objects: from here on one `git cat-file --batch` over all of them beats a round trip each


def blobs(repo: "Repo", specs: Iterable[str]) -> list[bytes | None]:
    """The contents of `rev:path` objects (None where missing or not a file).

    A few go through GitPython's persistent `git cat-file --batch` (no process each); many go to one
    `cat-file --batch` of their own, all requests at once: a round trip per object costs a context switch of
    both processes, which on a busy machine is most of the time."""
    specs = list(specs)
    if len(specs) < BATCH_MIN:
        return [_one_blob(repo, spec) for spec in specs]
    sent = [spec for spec in specs if "\n" not in spec]  # one request per line
    with tempfile.TemporaryFile() as requests:
        requests.write("".join(f"{spec}\n" for spec in sent).encode("utf-8"))
        requests.seek(0)
        out = repo.git.cat_file("--batch", istream=requests, stdout_as_string=False, strip_newline_in_stdout=False)
    found: dict[str, bytes | None] = {}
    offset = 0
    for spec in sent:
        end = out.index(b"\n", offset)
        header = out[offset:end].split()
        offset = end + 1
        if len(header) == 3 and header[1] in (b"blob", b"tree", b"commit", b"tag"):
            size = int(header[2])
            found[spec] = out[offset:offset + size] if header[1] == b"blob" else None
            offset += size + 1
        else:  # "<spec> missing" / "ambiguous"
            found[spec] = None
    return [found.get(spec) for spec in specs]


def _one_blob(repo: "Repo", spec: str) -> bytes | None:
    try:
        _, kind, _, data = repo.git.get_object_data(spec)
    except ValueError:  # "<spec> missing" / "ambiguous", or a spec git cannot take on one line
        return None
    return data if kind in (b"blob", "blob") else None  # GitPython gives the type as bytes


class Objects:
    """Trees and blobs by id, each read once through GitPython's persistent `cat-file --batch`: an id names its
    content forever, and a project's successive commits share almost every object (the evidence never changes),
    so replaying its history reads each file once. Blobs are kept up to a budget; trees always (they are small)."""

    BUDGET = 64 << 20  # bytes of blobs kept per repository

    def __init__(self, repo: "Repo") -> None:
        self._repo = weakref.ref(repo)  # the memo must not keep its repository (and its git processes) alive
        self.trees: dict[str, list[tuple[str, int, str]]] = {}
        self.blobs: dict[str, bytes] = {}
        self.commits: dict[str, str] = {}
        self.kept = 0

    @property
    def repo(self) -> "Repo | None":
        return self._repo()

    def _read(self, ref: str) -> tuple[str, str, bytes] | None:
        """(id, type, content) of an object, or None when git has none by that name."""
        assert self.repo is not None
        try:
            sha, kind, _, data = self.repo.git.get_object_data(ref)
        except ValueError:
            return None
        return (sha.decode() if isinstance(sha, bytes) else sha), (kind.decode() if isinstance(kind, bytes) else kind), data

    def tree_of(self, rev: str) -> str | None:
        """The root tree of a commit (or of what a tag or other revision names)."""
        if rev in self.commits:
            return self.commits[rev]
        got = self._read(f"{rev}^{{tree}}")
        if got is None:
            return None
        sha = got[0]
        self.trees.setdefault(sha, _tree_entries(got[2]))
        if re.fullmatch(r"[0-9a-f]{40}", rev):  # a commit id names its tree forever; a ref may move
            self.commits[rev] = sha
        return sha

    def entries(self, sha: str) -> list[tuple[str, int, str]]:
        """(name, mode, id) of a tree's entries."""
        if sha not in self.trees:
            got = self._read(sha)
            self.trees[sha] = _tree_entries(got[2]) if got is not None and got[1] == "tree" else []
        return self.trees[sha]

    def blob(self, sha: str) -> bytes | None:
        if sha in self.blobs:
            return self.blobs[sha]
        got = self._read(sha)
        data = got[2] if got is not None and got[1] == "blob" else None
        if data is not None and self.kept + len(data) <= self.BUDGET:
            self.blobs[sha] = data
            self.kept += len(data)
        return data

    def folder(self, rev: str, rel: str) -> str | None:
        """The tree of the folder `rel` at `rev`, or None."""
        current = self.tree_of(rev)
        for part in (rel.split("/") if rel else []):
            if current is None:
                return None
            current = next((sha for name, mode, sha in self.entries(current) if name == part and mode == 0o40000),
                           None)
        return current

    def files(self, tree: str, prefix: str = "") -> Iterator[tuple[str, int, str]]:
        """(path below the tree, mode, blob id) of every file in it, folders included recursively."""
        for name, mode, sha in self.entries(tree):
            if mode == 0o40000:
                yield from self.files(sha, f"{prefix}{name}/")
            elif mode != 0o160000:  # a submodule's commit is no file here
                yield f"{prefix}{name}", mode, sha


def _tree_entries(data: bytes) -> list[tuple[str, int, str]]:
    from git.objects.fun import tree_entries_from_data

    try:
        return [(name, mode, binsha.hex()) for binsha, mode, name in tree_entries_from_data(data)]
    except ValueError:  # GitPython refuses trees with unsafe names ("..", "/"): nothing in them is read
        return []


_OBJECTS: dict[int, Objects] = {}


def objects(repo: "Repo") -> Objects:
    """The object memo of this `git.Repo` instance, gone with it. Keyed by identity: Repo instances compare equal
    by their git dir, and another instance may hold another `cat-file` process (a forked worker's own, say)."""
    found = _OBJECTS.get(id(repo))
    if found is None or found.repo is not repo:
        found = _OBJECTS[id(repo)] = Objects(repo)
        weakref.finalize(repo, _OBJECTS.pop, id(repo), None)
    return found


def _decode(data: bytes | None) -> str | None:
    return None if data is None else data.decode("utf-8", "replace")


@dataclass(frozen=True)
class Commit:
    """What the commands need of a commit, taken from GitPython's `Commit` (plain data: it crosses processes)."""

    sha: str
    parents: tuple[str, ...]
    author: str
    email: str
    date: str  # ISO 8601 with the author's own offset (git's %aI)
    signature: str  # %G?: G good, U good/unknown trust, N none, B bad, E cannot check …; "" when not asked
    message: str
    committed: str = ""  # the committer date, ISO 8601 with its offset (git's %cI): when the commit was made

    @classmethod
    def of(cls, commit: "git.Commit", signature: str = "") -> "Commit":
        message = commit.message
        if isinstance(message, bytes):  # GitPython keeps bytes it could not decode in the commit's encoding
            message = message.decode("utf-8", "replace")
        return cls(commit.hexsha, tuple(p.hexsha for p in commit.parents), commit.author.name or "",
                   commit.author.email or "", commit.authored_datetime.isoformat(), signature, message.rstrip("\n"),
                   commit.committed_datetime.isoformat())

    @property
    def committed_day(self) -> "_dt.date | None":
        """The day the commit was made, in Beijing time (the day the Chinese calendar and deadlines count)."""
        return china_day(_dt.datetime.fromisoformat(self.committed)) if self.committed else None

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
    changed: tuple[str, ...] = ()  # repository paths the commit changed against its first parent

    @property
    def changes_stage(self) -> bool:
        """project.yaml existed before and after, and its stage differs (an unreadable file counts as no stage)."""
        return self.before_text is not None and self.after_text is not None and self.before != self.after

    @property
    def is_advance(self) -> bool:
        return self.trail is not None or bool(self.problems)


# ---- history: one walk for every project of a repository ------------------------------------------------------

@dataclass
class Walk:
    """Every commit reachable from a revision, once, oldest first in topological order, with its parents and the
    paths it changed against its first parent: what one `git log` gives, for all the repository's projects."""

    order: list[str]
    parents: dict[str, tuple[str, ...]]
    changed: dict[str, tuple[str, ...]]
    index: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.index = {sha: i for i, sha in enumerate(self.order)}

    def contains(self, sha: str) -> bool:
        return sha in self.index

    def is_ancestor(self, ancestor: str, sha: str) -> bool:
        """Whether `ancestor` is `sha` or one of its ancestors, from the walk's parents alone (no git process).

        In topological order every ancestor comes before its descendants, so a commit older in the order than
        `ancestor` cannot lead to it: the search stops there (on a linear history it is one step per commit)."""
        if ancestor not in self.index or sha not in self.index:
            return False
        floor = self.index[ancestor]
        seen: set[str] = set()
        todo = [sha]
        while todo:
            current = todo.pop()
            if current == ancestor:
                return True
            if current in seen or self.index.get(current, -1) < floor:
                continue
            seen.add(current)
            todo.extend(self.parents.get(current, ()))
        return False


def walk(repo: "Repo", rev: str = "HEAD") -> Walk | None:
    """The one pass over the history (None when `rev` is no commit, e.g. a branch without commits)."""
    try:
        repo.commit(rev)
    except (ValueError, GitCommandError, git.BadName):
        return None
    # --root: a root commit lists its files; --no-renames: a rename lists both paths (as diff-tree does);
    # --diff-merges=first-parent: a merge lists what it brought onto its branch; --no-show-signature: the
    # user's log.showSignature would write gpg output into the records.
    raw = repo.git.log("--topo-order", "--reverse", "-z", "--name-only", "--root", "--no-renames",
                       "--diff-merges=first-parent", "--no-show-signature", "--format=%x1e%H%x1f%P", rev, "--",
                       stdout_as_string=False, strip_newline_in_stdout=False)
    order: list[str] = []
    parents: dict[str, tuple[str, ...]] = {}
    changed: dict[str, tuple[str, ...]] = {}
    for record in raw.split(b"\x1e")[1:]:
        header, _, names = record.partition(b"\0")
        sha, _, parent_text = header.decode("ascii").partition("\x1f")
        order.append(sha)
        parents[sha] = tuple(parent_text.split())
        changed[sha] = tuple(n.decode("utf-8", "replace") for n in names.lstrip(b"\n").split(b"\0") if n)
    return Walk(order, parents, changed)


def _folder_tree(repo: "Repo", sha: str, rel: str) -> str | None:
    try:
        return repo.git.get_object_header(f"{sha}:{rel}" if rel else f"{sha}^{{tree}}")[0]
    except ValueError:
        return None


def histories(repo: "Repo", projects: Iterable[tuple[str, str]], *, rev: str = "HEAD", signatures: bool = False,
              walked: Walk | None = None, stages: bool = True) -> dict[tuple[str, str], list[Step]]:
    """The history of every (project id, folder) at once, each oldest first: the commits reachable from `rev`
    that touched the project's folder or carry its trailers. One walk and one object reader for all of them.

    With `stages=False` the steps' `before`/`after` stay None until `fill_stages`: reading the stage parses YAML,
    which `verify` leaves to its workers."""
    wanted = list(dict.fromkeys(projects))
    out: dict[tuple[str, str], list[Step]] = {key: [] for key in wanted}
    walked = walked if walked is not None else walk(repo, rev)
    if walked is None or not wanted:
        return out
    by_folder: dict[str, list[tuple[str, str]]] = {}
    for key in wanted:
        by_folder.setdefault(key[1], []).append(key)
    above: dict[str, tuple[str, ...]] = {}  # a changed file's folders that are project folders, memoised

    def owners(name: str) -> tuple[str, ...]:
        folder = name.rpartition("/")[0]
        if folder not in above:
            found, current = [], folder
            while current:
                if current in by_folder:
                    found.append(current)
                current = current.rpartition("/")[0]
            above[folder] = tuple(found)
        return above[folder]

    picked: list[tuple[tuple[str, str], Commit, Trail | None, list[str]]] = []
    for sha in walked.order:
        names = walked.changed[sha]
        folders = {f for name in names for f in owners(name)}
        if names and "" in by_folder:
            folders.add("")
        if len(walked.parents[sha]) > 1:  # a merge belongs to a project only if it differs from every parent there
            folders = {f for f in folders
                       if all(_folder_tree(repo, p, f) != _folder_tree(repo, sha, f) for p in walked.parents[sha])}
        native = git.Commit(repo, bytes.fromhex(sha))  # read through the persistent cat-file process
        message = native.message if isinstance(native.message, str) else native.message.decode("utf-8", "replace")
        has_trailers = TRAILER in message
        if not folders and not has_trailers:
            continue
        trail, problems = parse_trail(message) if has_trailers else (None, [])
        commit: Commit | None = None
        for key in wanted:
            pid, folder = key
            if trail is not None:
                take = trail.project == pid  # another project's advance that touched this folder is not ours
            elif problems:
                take = folder in folders or f"Govproj-Project: {pid}" in message
            else:
                take = folder in folders  # an id in the message that is not a trailer does not count
            if take:
                commit = commit or Commit.of(native)
                picked.append((key, commit, trail, problems))
    if signatures and picked:
        marks = _signatures(repo, list(dict.fromkeys(c.sha for _, c, _, _ in picked)))
        picked = [(key, replace(c, signature=marks.get(c.sha, "")), t, p) for key, c, t, p in picked]
    specs = []
    for (_, folder), commit, _, _ in picked:
        path = in_project(folder, PROJECT_FILE)
        specs += [f"{commit.sha}:{path}", f"{commit.sha}^:{path}"]
    texts = [_decode(data) for data in blobs(repo, specs)]
    for index, (key, commit, trail, problems) in enumerate(picked):
        after_text, before_text = texts[2 * index], texts[2 * index + 1]
        out[key].append(Step(commit, None, None, before_text, after_text, trail, list(problems),
                             walked.changed[commit.sha]))
    if stages:
        fill_stages([step for steps in out.values() for step in steps])
    return out


def fill_stages(steps: list[Step], known: dict[str | None, str | None] | None = None) -> None:
    """Set each step's stage before and after from its project.yaml texts. `known`: texts whose stage the caller
    has already read (`export` knows the stage of each working copy's project.yaml, usually the last commit's)."""
    known = dict(known or {})  # the same text is one commit's after and the next one's before
    for step in steps:
        for text in (step.before_text, step.after_text):
            if text not in known:
                known[text] = stage_of(text)
        step.before, step.after = known[step.before_text], known[step.after_text]


def history(repo: "Repo", rel: str, project_id: str, *, rev: str = "HEAD", signatures: bool = False) -> list[Step]:
    """One project's history (see `histories`)."""
    return histories(repo, [(project_id, rel)], rev=rev, signatures=signatures)[(project_id, rel)]


def _signatures(repo: "Repo", shas: list[str]) -> dict[str, str]:
    """git's %G? of each commit: GitPython does not check signatures, so `git log --no-walk` does (gpg runs only
    for signed commits); a few thousand ids per call keep the command line short."""
    marks: dict[str, str] = {}
    for start in range(0, len(shas), 2000):
        out = repo.git.log("--no-walk=unsorted", "--no-show-signature", "--format=%H %G?", *shas[start:start + 2000],
                           "--")
        for line in out.splitlines():
            sha, _, mark = line.partition(" ")
            marks[sha] = mark.strip()
    return marks


def advances_of(repo: "Repo", project_id: str, rev: str = "HEAD") -> Iterator[tuple[str, Trail]]:
    """(commit, trail) of the project's advance commits reachable from `rev`, newest first. Lazy: `git rev-list
    --grep=Govproj-Project: <id>` is read only as far as the caller goes (usually to the first)."""
    if head(repo) is None:
        return
    for commit in repo.iter_commits(rev, grep=f"Govproj-Project: {project_id}", fixed_strings=True):
        trail, _ = parse_trail(commit.message if isinstance(commit.message, str) else "")
        if trail is not None and trail.project == project_id:
            yield commit.hexsha, trail


def latest_advance(repo: "Repo", project_id: str, rev: str = "HEAD") -> tuple[str, Trail] | None:
    """The project's latest advance reachable from `rev` with its trail, or None: `advance` needs only this one (its
    Govproj-Previous and the day it was judged), so the walk stops there instead of replaying the whole history."""
    return next(advances_of(repo, project_id, rev), None)


def last_advance(repo: "Repo", project_id: str, rev: str = "HEAD") -> str | None:
    """The commit of `latest_advance`, or None."""
    latest = latest_advance(repo, project_id, rev)
    return latest[0] if latest else None


def took_baseline(repo: "Repo", project_id: str, rev: str = "HEAD") -> tuple[str, str] | None:
    """(commit, tag name) of the project's latest advance that took a baseline tag, or None."""
    try:
        return next(((sha, trail.baseline) for sha, trail in advances_of(repo, project_id, rev) if trail.baseline),
                    None)
    except (GitCommandError, ValueError):
        return None


def tags_not_fetched(repo: "Repo") -> bool:
    """Whether a missing govproj tag is most likely one this clone never fetched (rather than one deleted): a remote
    set to fetch no tags (`git clone --no-tags`), or a clone of a remote that holds no govproj tag at all."""
    try:
        remotes = repo.git.remote().split()
        if any(repo.git.config("--get", f"remote.{name}.tagOpt", with_exceptions=False).strip() == "--no-tags"
               for name in remotes):
            return True
        return bool(remotes) and not repo.git.tag("-l", f"{TAG_PREFIX}/*").strip()
    except GitCommandError:
        return False


# ---- baselines -----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Tag:
    name: str
    number: int
    commit: str
    path: str | None = None  # the tag's Govproj-Path: where the project was when tagged (projects may move)




def baseline_tags(repo: "Repo", project_id: str, *, merged: str | None = None) -> list[Tag]:
    """The project's baseline tags (reachable from `merged` when given), by number."""
    tags = baseline_tags_of(repo, [project_id])[project_id]
    if merged:
        tags = [t for t in tags if is_ancestor(repo, t.commit, merged)]
    return tags


def baseline_tags_of(repo: "Repo", project_ids: Iterable[str]) -> dict[str, list[Tag]]:
    """The baseline tags of many projects, by number: the tag names are listed once (from the ref files and
    packed-refs, no git process), and only the wanted projects' tag objects are read."""
    wanted = {pid: [] for pid in project_ids}
    refs: dict[str, list[tuple[int, "git.TagReference"]]] = {pid: [] for pid in wanted}
    for ref in repo.tags:
        head_, sep, rest = ref.name.partition("/")
        pid, _, last = rest.rpartition("/")
        number = last[len("baseline-"):]
        if (head_ == TAG_PREFIX and sep and pid in refs and last.startswith("baseline-") and number.isdigit()
                and number.isascii()):
            refs[pid].append((int(number), ref))
    for pid, found in refs.items():
        for number, ref in found:
            try:
                target = ref.commit.hexsha
            except ValueError:  # a tag of a tree or blob: keep it, so that verify reports it
                target = ref.object.hexsha
            path = None
            if ref.tag is not None:  # annotated: its message names the project's folder
                for key, value in trailer_lines(ref.tag.message or ""):
                    if key == "Path":
                        path = "" if value == "." else value
                        break
            wanted[pid].append(Tag(ref.name, number, target, path))
        wanted[pid].sort(key=lambda t: t.number)
    return wanted


def next_tag_name(repo: "Repo", project_id: str) -> str:
    tags = baseline_tags(repo, project_id)
    return f"{TAG_PREFIX}/{project_id}/baseline-{(tags[-1].number + 1) if tags else 1}"


@contextmanager
def tree_at(repo: "Repo", rev: str, rel: str, *, evidence: bool = True,
            surroundings: bool = False) -> Iterator[Path]:
    """A temporary folder holding the project's files as they were at `rev` (all files, or only the YAML).

    With `surroundings`, the folder sits where it sat in the repository, below a stand-in repository root that holds
    the `.govproj/` settings (config.yaml, calendar.yaml) of `rev` on the way down: a replay then judges with the
    repository configuration and calendar of that commit, not today's."""
    from govproj.core.format import FILES

    store = objects(repo)
    with tempfile.TemporaryDirectory(prefix="govproj-") as tmp:
        if surroundings:
            root = Path(tmp) / "repo"
            (root / ".git").mkdir(parents=True)
            parts = rel.split("/") if rel else []
            for depth in range(len(parts) + 1):
                prefix = "/".join(parts[:depth])
                settings = store.folder(rev, f"{prefix}/.govproj" if prefix else ".govproj")
                if settings is None:
                    continue
                for name, mode, sha in store.entries(settings):
                    if name in ("config.yaml", "calendar.yaml") and mode & 0o170000 == 0o100000:
                        target = root.joinpath(*parts[:depth], ".govproj", name)
                        target.parent.mkdir(parents=True, exist_ok=True)
                        target.write_bytes(store.blob(sha) or b"")
            folder = root.joinpath(*parts)
        else:
            folder = Path(tmp) / "p"
        folder.mkdir(parents=True, exist_ok=True)
        tree = store.folder(rev, rel)
        if tree is not None and evidence:
            for path, mode, sha in store.files(tree):
                if mode & 0o170000 != 0o100000:  # regular files only, as a checkout would write them
                    continue
                target = folder.joinpath(*PurePosixPath(path).parts)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(store.blob(sha) or b"")
        elif tree is not None:
            names = set(FILES) | {"calendar.yaml"}
            for name, mode, sha in store.entries(tree):
                if name in names and mode not in (0o40000, 0o160000):
                    content = store.blob(sha)
                    if content is not None:
                        (folder / name).write_bytes(content)
        yield folder


def load_at(repo: "Repo", rev: str, rel: str, *, label: str | None = None) -> "Project | None":
    """The project as it was at `rev` (YAML only), or None when it did not exist there."""
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


def baseline_at(repo: "Repo", rel: str, project_id: str, rev: str = "HEAD") -> "Project | None":
    """The project at its latest baseline tag reachable from `rev` (newest first: usually one ancestry test)."""
    try:
        for tag in reversed(baseline_tags(repo, project_id)):
            if is_ancestor(repo, tag.commit, rev):
                return load_tag(repo, tag, rel)
        return None
    except (GitCommandError, ValueError):
        return None


def load_tag(repo: "Repo", tag: Tag, rel: str) -> "Project | None":
    """The project at a baseline tag, where the tag says it was (else where it is now)."""
    return load_at(repo, tag.name, tag.path if tag.path is not None else rel, label=tag.name)


# ---- the advance commit --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Written:
    sha: str
    tag: str | None
    interrupted: tuple[str, ...] = ()  # signals that arrived during the step and were held until it was whole


HELD_SIGNALS = ("SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT")
# git and the user's hooks run in a process group of their own: a Ctrl-C at the terminal goes to the foreground group
# (govproj, which holds it), not to a hook halfway through. Same session: a signing prompt still finds the terminal.
_OWN_GROUP: dict[str, Any] = ({"process_group": 0} if sys.version_info >= (3, 11) else
                              {"preexec_fn": os.setpgrp} if hasattr(os, "setpgrp") else {})


@contextmanager
def signals_held(received: list[str]) -> Iterator[None]:
    """Hold Ctrl-C, SIGTERM, SIGHUP and SIGQUIT while the advance writes, commits and tags, so that it is all or
    nothing: the mask is inherited by git and the user's hooks, so a Ctrl-C at the terminal cannot stop them halfway
    either. Signals that came meanwhile are taken off the queue and named in `received`; the caller reports them
    after the step is complete. (SIGKILL cannot be held: docs/audit-trail.md says what a kill -9 can leave.)"""
    import signal

    held = {getattr(signal, name) for name in HELD_SIGNALS if hasattr(signal, name)}
    if not hasattr(signal, "pthread_sigmask"):  # Windows: no signal masks; Ctrl-C is handled by the caller
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        pending = signal.sigpending() & held
        for signum in sorted(pending):
            signal.sigtimedwait({signum}, 0)  # consume it: delivered after the mask is lifted it would kill us
            received.append(signal.Signals(signum).name)
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


CHINA = _dt.timezone(_dt.timedelta(hours=8), "北京时间")  # the rules' days are Beijing days; China has no DST


def china_day(moment: _dt.datetime) -> _dt.date:
    return moment.astimezone(CHINA).date()


def commit_moment(repo: "Repo") -> tuple[str, _dt.date]:
    """(the committer date the advance commit will carry, in git's raw form, and its day in Beijing time).

    Asked of git (`git var GIT_COMMITTER_IDENT`), so that it is the date git itself would write, GIT_COMMITTER_DATE
    included; the commit is then made with exactly this date, and the day an advance is judged on is the day its
    commit records (`verify` checks both)."""
    ident = _step_git(repo, "var", "GIT_COMMITTER_IDENT")
    try:
        stamp, zone = ident.rsplit(" ", 2)[-2:]
        moment = _dt.datetime.fromtimestamp(int(stamp), _dt.timezone.utc)
    except (ValueError, OverflowError, OSError):
        raise UsageError(f"git 给出的提交时间无法读取：{ident}", hint="检查环境变量 GIT_COMMITTER_DATE") from None
    return f"{stamp} {zone}", china_day(moment)


def commit_step(repo: "Repo", rel: str, *, old_text: str, new_text: str, message: str, sign: bool,
                tag: str | None, tag_message: str, branch_ref: str, date: str | None = None) -> Written:
    """Write the new stage, commit only project.yaml, tag; on any failure put everything back as it was. Signals are
    held for the whole step (`signals_held`)."""
    received: list[str] = []
    with signals_held(received):
        written = _commit_step(repo, rel, old_text=old_text, new_text=new_text, message=message, sign=sign, tag=tag,
                               tag_message=tag_message, branch_ref=branch_ref, date=date)
    return Written(written.sha, written.tag, tuple(received))


def _step_git(repo: "Repo", *args: str, check: bool = True) -> str:
    """One git command of the advance step: a fresh process in its own group (`_OWN_GROUP`). GitPython's persistent
    `cat-file` helpers were started before the step, in govproj's group: a Ctrl-C kills them, so the step must not
    rely on them."""
    status, out, err = repo.git.execute(["git", *args], with_extended_output=True, with_exceptions=False, **_OWN_GROUP)
    if status != 0 and check:
        raise GitCommandError(["git", *args], status, err)
    return str(out).strip()


def _commit_step(repo: "Repo", rel: str, *, old_text: str, new_text: str, message: str, sign: bool,
                 tag: str | None, tag_message: str, branch_ref: str, date: str | None) -> Written:
    from govproj.edges.yamlio import atomic_write

    file = root_of(repo) / in_project(rel, PROJECT_FILE)
    path = in_project(rel, PROJECT_FILE)
    before = _step_git(repo, "rev-parse", "-q", "--verify", "HEAD", check=False) or None
    index_entry = _step_git(repo, "ls-files", "-s", "--", path)
    changed = new_text != old_text
    env = {ADVANCE_ENV: path, **_user_locale(), **({"GIT_COMMITTER_DATE": date, "GIT_AUTHOR_DATE": date} if date else {})}
    # `git commit`, not the index model: the user's hooks run and `--only` leaves the rest of the index alone.
    args = ["--only", "--no-edit", "-m", message]
    if sign:
        args.append("-S")
    if changed:
        atomic_write(file, new_text)
        args += ["--", path]
    else:
        args.append("--allow-empty")  # a loop that stays in its stage (延期, 重新验收): the trail still records it
    status, _, stderr = repo.git.execute(["git", "commit", *args], env=env, with_extended_output=True,
                                         with_exceptions=False, **_OWN_GROUP)
    if status != 0:
        if changed:
            atomic_write(file, old_text)
        stderr = stderr.strip()
        raise UsageError("git 提交失败，推进已撤销，工作区和暂存区保持原样" + (f"：\n{_indent(stderr)}" if stderr else ""),
                         hint="多半是 pre-commit 钩子拒绝了提交，或 --sign 时没有配置签名密钥（git config user.signingkey）；"
                              "处理后重新运行 govproj advance")
    sha = _step_git(repo, "rev-parse", "HEAD")
    if tag:
        try:
            repo.git.execute(["git", "tag", "-a", *(["-s"] if sign else []), "-m", tag_message, "--", tag, sha],
                             env=env, **_OWN_GROUP)
        except GitCommandError as exc:
            _undo(repo, branch_ref, sha, before, path, index_entry)
            if changed:
                atomic_write(file, old_text)
            raise UsageError(f"基线标签 {tag} 创建失败，推进提交已撤销：\n{_indent(_stderr(exc))}",
                             hint="检查签名配置，或是否已有同名标签（git tag -l）") from None
    return Written(sha, tag)


def _undo(repo: "Repo", branch_ref: str, sha: str, before: str | None, path: str, index_entry: str) -> None:
    """Take back our own commit: the branch to where it was, project.yaml's index entry to what it was."""
    # update-ref with the expected old value: if anything moved the branch meanwhile, git refuses.
    if before:
        _step_git(repo, "update-ref", "-m", "govproj advance: 撤销", branch_ref, before, sha)
    else:
        _step_git(repo, "update-ref", "-d", branch_ref, sha)
    if index_entry:
        mode, blob, _stage_and_path = index_entry.split(" ", 2)
        _step_git(repo, "update-index", "--cacheinfo", f"{mode},{blob},{path}")


def _indent(text: str) -> str:
    return "\n".join("    " + line for line in text.strip().splitlines())




def resolve(repo: "Repo", rev: str) -> str | None:
    """The commit a revision names, by git itself (every revision syntax git knows), or None."""
    try:
        return repo.git.rev_parse("-q", "--verify", f"{rev}^{{commit}}").strip() or None
    except GitCommandError:
        return None


def is_ancestor(repo: "Repo", sha: str, rev: str = "HEAD") -> bool:
    try:
        return repo.is_ancestor(sha, rev)
    except GitCommandError:  # an object that is no commit, or a revision that does not exist
        return False
