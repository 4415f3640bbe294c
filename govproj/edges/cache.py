"""Content-keyed cache of per-project results, so a second run over unchanged files skips loading and checking.

Where it lives: `$GOVPROJ_CACHE_DIR` if set, else `$XDG_CACHE_HOME/govproj`, else `~/.cache/govproj`; entries are
`<dir>/v1/<2 hex>/<sha256>.json`. Bypass it with `--no-cache` (or GOVPROJ_NO_CACHE=1); clear it by deleting the
folder. Nothing is ever written into the projects or the repository.

The key is a sha256 over everything a result depends on: the project's files (YAML by content; evidence and other
files by name, size and modification time, since rules only test that evidence exists), the calendar.yaml files
outside the project and the repository's config, the git tags (baselines), the stage asked for, today's date, and
a fingerprint of the code (govproj's version and every file of the package, which covers each pack's version and
data, plus the installed calendar libraries). A changed input gives another key; stale entries are never read.

Writes are atomic (temp file + rename). An entry that cannot be read or parsed, or whose stored key differs, is a
miss and is overwritten: a corrupt cache is never an error. Entries untouched for 14 days are pruned (at most once a
day). Nothing here is imported on the plain check of one project unless the cache is used.
"""
from __future__ import annotations

import os
import stat
import time
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

FORMAT = 1
PRUNE_AFTER = 14 * 86400  # seconds an entry may stay unwritten and unread before it is deleted
_YAML = (".yaml", ".yml")
TAG_PREFIX = "govproj"  # baseline tags are govproj/<project id>/baseline-<n> (ledger.TAG_PREFIX; a test checks)


def cache_dir() -> Path | None:
    """The cache folder, or None when caching is switched off by the environment."""
    if os.environ.get("GOVPROJ_NO_CACHE"):
        return None
    explicit = os.environ.get("GOVPROJ_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME")
    if base and os.path.isabs(base):  # relative values are invalid per the XDG spec
        return Path(base) / "govproj"
    try:
        return Path.home() / ".cache" / "govproj"
    except RuntimeError:  # no home directory
        return None


# ---- fingerprints ------------------------------------------------------------------------------------------------

try:  # the interpreter's built-in SHA-256: hashlib's OpenSSL binding costs ~3 ms to load, a tenth of a warm run
    from _sha256 import sha256 as _sha256  # Python ≤ 3.11
except ImportError:  # pragma: no cover
    try:
        from _sha2 import sha256 as _sha256  # Python ≥ 3.12
    except ImportError:
        from hashlib import sha256 as _sha256


def _sha(data: bytes) -> str:
    return _sha256(data).hexdigest()


def _stat_line(path: Path, rel: str) -> str:
    try:
        st = path.stat()
    except OSError:
        return f"{rel}\0missing"
    return f"{rel}\0{st.st_size}\0{st.st_mtime_ns}"


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """govproj's version, every file of the installed package, and the calendar and YAML libraries it reads."""
    return _sha("\n".join(code_lines()).encode("utf-8"))


def code_lines() -> list[str]:
    """What the code fingerprint is made of: one line a file (path, size, mtime)."""
    from govproj import __version__

    package = Path(__file__).resolve().parent.parent  # govproj/, not only govproj/edges/
    lines = [f"govproj {__version__}"]
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix not in (".pyc", ".pyo"):
            lines.append(_stat_line(path, path.relative_to(package).as_posix()))
    for module in ("chinese_calendar", "lunardate", "ruamel.yaml", "_ruamel_yaml"):  # the YAML library and its C parser
        origin = _module_origin(module)
        if origin:
            folder = Path(origin).parent if Path(origin).name == "__init__.py" else Path(origin)
            files = sorted(folder.glob("*.py")) if folder.is_dir() else [folder]
            lines.extend(_stat_line(p, f"{module}/{p.name}") for p in files)
        else:
            lines.append(f"{module}\0absent")
    return lines


def _module_origin(module: str) -> str | None:
    """Where a module's file is, without importing it or its parent package (`find_spec("ruamel.yaml")` would
    import the `ruamel` namespace: a cache hit imports no YAML library at all)."""
    import importlib.util
    import sys

    if "." not in module:
        try:
            spec = importlib.util.find_spec(module)
        except (ImportError, ValueError):
            return None
        return getattr(spec, "origin", None) if spec else None
    parts = module.split(".")
    for entry in sys.path:
        candidate = Path(entry or ".", *parts, "__init__.py")
        if candidate.is_file():
            return str(candidate)
    return None


def file_digest(path: Path) -> str:
    """sha256 of a file's bytes, or "absent". Not memoised: an edit within the clock's granularity that keeps the
    size would fool a (size, mtime) memo, and hashing a project's few YAML files costs well under a millisecond."""
    try:
        return _sha(path.read_bytes())
    except FileNotFoundError:
        return "absent"
    except OSError:
        return "unreadable"


MAX_FINGERPRINT_ENTRIES = 20_000  # a real project holds a few hundred files; beyond this, do not cache at all


def project_fingerprint(folder: Path) -> str:
    """The project's files: YAML by content, every other file by relative name, size and modification time.

    Directory links are never followed (a link loop or a link to / would never end): a link is keyed by where it
    points and, for a file, by its target's size and time, so a retargeted link is a different key. Dot folders count
    (only .git and __pycache__ are skipped). The walk is bounded: a folder with more entries than any project has gets
    a key that never matches, so it is checked afresh instead of answered from a stale entry.
    Plain os.scandir and strings: this runs for every project on every run, and pathlib objects cost more than the
    hashing."""
    lines: list[str] = []

    def walk(directory: str, prefix: str) -> bool:
        try:
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError:
            lines.append(f"{prefix}\0unreadable")
            return True
        for entry in entries:
            if len(lines) > MAX_FINGERPRINT_ENTRIES:
                return False
            rel = prefix + entry.name
            try:
                if entry.is_symlink():
                    target = os.readlink(entry.path)
                    try:
                        st = os.stat(entry.path)
                        what = "dir" if stat.S_ISDIR(st.st_mode) else f"{st.st_size}\0{st.st_mtime_ns}"
                    except OSError:
                        what = "dangling"
                    lines.append(f"{rel}\0link\0{target}\0{what}")
                elif entry.is_dir(follow_symlinks=False):
                    if entry.name not in (".git", "__pycache__") and not walk(entry.path, rel + "/"):
                        return False
                elif not prefix and entry.name.endswith(_YAML):
                    with open(entry.path, "rb") as handle:
                        lines.append(f"{rel}\0{_sha(handle.read())}")
                else:
                    st = entry.stat(follow_symlinks=False)
                    lines.append(f"{rel}\0{st.st_size}\0{st.st_mtime_ns}")
            except OSError:
                lines.append(f"{rel}\0unreadable")
        return True

    if not walk(os.fspath(folder), ""):
        return "uncacheable-" + os.urandom(16).hex()
    return _sha("\n".join(lines).encode("utf-8"))


def _git_dirs(repo: Path) -> tuple[Path, Path]:
    """(the repository's git dir, where HEAD is; its common dir, where refs are), following worktree files."""
    git = repo / ".git"
    if git.is_file():  # a worktree or submodule: "gitdir: <path>"; shared refs live in its common dir
        try:
            text = git.read_text(encoding="utf-8").strip()
        except OSError:
            return git, git
        if text.startswith("gitdir:"):
            git = (repo / text[len("gitdir:"):].strip()).resolve()
    common = git
    try:
        common = (git / (git / "commondir").read_text(encoding="utf-8").strip()).resolve()
    except OSError:
        pass
    return git, common


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def git_tags(repo: Path) -> tuple[dict[str, str], str]:
    """({tag name: what it points to}, the packed-refs text) read from the repository's files, without git."""
    _, common = _git_dirs(repo)
    packed = _read(common / "packed-refs")
    tags: dict[str, str] = {}
    for line in packed.splitlines():
        parts = line.split(" ", 1)
        if len(parts) == 2 and parts[1].startswith("refs/tags/"):
            tags[parts[1][len("refs/tags/"):]] = parts[0]
    folder = common / "refs" / "tags"
    if folder.is_dir():
        for dirpath, _, filenames in os.walk(folder):
            for name in filenames:
                path = Path(dirpath) / name
                tags[path.relative_to(folder).as_posix()] = _read(path).strip()  # a loose ref wins over packed
    return tags, packed


def has_baseline_tag(repo: Path | None, project_id: str) -> bool:
    """Whether the repository may hold a baseline tag of the project (`govproj/<id>/baseline-<n>`).

    False only when it certainly holds none: then `ledger.baseline_for` would find none either, and `check` need
    not start git twice for the project. Whenever git may see more than the files show, True."""
    if os.environ.get("GIT_DIR") or os.environ.get("GIT_COMMON_DIR"):
        return True  # git looks elsewhere than the files below say
    if repo is None:
        return False  # no .git at or above the project: git finds no repository either
    prefix = f"{TAG_PREFIX}/{project_id}/baseline-"
    return any(name.startswith(prefix) for name in git_tags(repo)[0])


def git_refs_fingerprint(repo: Path | None) -> str:
    """The git state `check` may read, without running git: the tags, and HEAD when govproj baseline tags exist
    (a baseline is the latest baseline tag reachable from HEAD, see ledger.baseline_for).

    Callers memoise it for one run only: tags change between runs (`govproj advance` tags a baseline)."""
    if repo is None:
        return "no-repo"
    git, common = _git_dirs(repo)
    tags, packed = git_tags(repo)
    lines = [f"packed\0{_sha(packed.encode('utf-8'))}"] + [f"{k}\0{v}" for k, v in sorted(tags.items())]
    lines.append(f"shallow\0{(common / 'shallow').exists()}")  # a shallow clone cannot see its baselines (GP051)
    if any(name.startswith(f"{TAG_PREFIX}/") for name in tags):
        head = _read(git / "HEAD").strip()
        if head.startswith("ref:"):
            ref = head[4:].strip()
            value = _read(common / ref).strip() or _read(git / ref).strip()
            if not value:  # only in packed-refs
                value = next((line.split()[0] for line in packed.splitlines() if line.endswith(" " + ref)), "")
            head = f"{ref}\0{value}"
        lines.append(f"HEAD\0{head}")
    return _sha("\n".join(lines).encode("utf-8"))


def make_key(parts: Iterable[Any]) -> str:
    """sha256 over the JSON of the parts (dates and other values as text)."""
    import json  # not on the path of `check --no-cache`

    text = json.dumps([FORMAT, *parts], ensure_ascii=False, sort_keys=True, default=str)
    return _sha(text.encode("utf-8"))


# ---- the store ---------------------------------------------------------------------------------------------------

class Store:
    """JSON entries under `root/v1/`. Every failure to read is a miss; every failure to write is ignored."""

    def __init__(self, root: Path | None) -> None:
        self.root = root / f"v{FORMAT}" if root is not None else None
        self.hits = 0
        self.misses = 0
        self._pruned = False

    @property
    def enabled(self) -> bool:
        return self.root is not None

    def _path(self, key: str) -> Path:
        assert self.root is not None
        return self.root / key[:2] / f"{key}.json"

    def get(self, key: str) -> Any:
        """The stored payload, or None (absent, unreadable, corrupt, or stored under another key)."""
        import json  # not on the path of `check --no-cache`

        if self.root is None:
            return None
        try:
            entry = json.loads(self._path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError, UnicodeDecodeError):
            entry = None
        if not isinstance(entry, dict) or entry.get("key") != key or "payload" not in entry:
            self.misses += 1
            return None
        self.hits += 1
        return entry["payload"]

    def put(self, key: str, payload: Any) -> None:
        import json  # not on the path of `check --no-cache`

        if self.root is None:
            return
        path = self._path(key)
        text = json.dumps({"key": key, "payload": payload}, ensure_ascii=False, separators=(",", ":"))
        tmp = path.with_name(f".{path.name}.{os.getpid()}.{time.monotonic_ns()}.tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # No fsync: a cache entry lost in a power cut is only a miss; the rename keeps readers from ever
            # seeing half an entry.
            tmp.write_text(text, encoding="utf-8")
            os.replace(tmp, path)
        except OSError:
            try:
                tmp.unlink()
            except OSError:
                pass
            return
        self._prune_once()

    def _prune_once(self) -> None:
        """Delete entries not written for PRUNE_AFTER seconds; at most once a day, marked by a file's mtime."""
        if self._pruned or self.root is None:
            return
        self._pruned = True
        marker = self.root / "last-prune"
        now = time.time()
        try:
            if now - marker.stat().st_mtime < 86400:
                return
        except OSError:
            pass
        try:
            marker.parent.mkdir(parents=True, exist_ok=True)
            marker.write_text(str(int(now)), encoding="utf-8")
            for sub in self.root.iterdir():
                if not sub.is_dir():
                    continue
                for entry in sub.iterdir():
                    try:
                        if now - entry.stat().st_mtime > PRUNE_AFTER:
                            entry.unlink()
                    except OSError:
                        pass
        except OSError:
            pass
