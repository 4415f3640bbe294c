"""Analyse many projects for `check`, `status` and `deadlines`: content-keyed cache, all cores, a progress bar.

One project's analysis (`Outcome`) is its check result at the stage asked, its deadlines and its name. `check`,
`status` and `deadlines` share the analysis and the cache entries, so `status` after `check` is a cache hit.
Cache misses run in this process when there are few of them (the pre-commit hook checks one project: a process
pool would only add start-up time); many misses go to a process pool with one worker per available core.
"""
from __future__ import annotations

import datetime as _dt
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TextIO

from govproj.core.diagnostics import Diagnostic, ProjectResult

if TYPE_CHECKING:
    from govproj.core.deadlines import Deadline

PARALLEL_MIN = 24  # fewer cache misses than this run in-process: forking workers costs more than it saves
CHUNK = 16  # projects per task sent to a worker: amortises the round trip, keeps the progress bar moving

# A cache hit must cost little more than the interpreter's start: this module and what it imports at module level
# (the diagnostic records) stay free of YAML, rules, packs, deadlines and the engine, and free of `dataclasses`
# (which imports `inspect`). Everything a miss needs is imported inside the functions that compute one.


class Outcome:
    """What the batch commands need of one project. Deadlines read from the cache stay JSON until asked for:
    `check` never looks at them, and decoding them would import the deadline declarations."""

    __slots__ = ("result", "name", "_deadlines", "_raw_deadlines", "deadline_error", "missing_stage", "facts")

    def __init__(self, result: ProjectResult, name: str = "", deadlines: list["Deadline"] | None = None,
                 deadline_error: str | None = None, *, raw_deadlines: list[dict[str, Any]] | None = None,
                 missing_stage: tuple[str, str | None] | None = None, facts: dict[str, Any] | None = None) -> None:
        self.result = result
        self.name = name
        self.facts = facts or {}  # what `export` and `report` show of the project besides its check (see `facts`)
        self._deadlines = deadlines if deadlines is not None or raw_deadlines is not None else []
        self._raw_deadlines = raw_deadlines
        self.deadline_error = deadline_error  # the deadlines could not be computed (a broken calendar.yaml)
        self.missing_stage = missing_stage  # (message, hint): the pack has no stage `check --stage` asked for

    @property
    def deadlines(self) -> list["Deadline"]:
        if self._deadlines is None:
            from govproj.core.deadlines import Deadline

            self._deadlines = [Deadline.from_json(d) for d in self._raw_deadlines or ()]
        return self._deadlines

    def to_json(self) -> dict[str, Any]:
        r = self.result
        deadlines = (self._raw_deadlines if self._deadlines is None
                     else [d.to_json() for d in self._deadlines])
        return {
            "result": {"project": r.project, "project_id": r.project_id, "jurisdiction": r.jurisdiction,
                       "stage": r.stage, "checked_stage": r.checked_stage, "waived": r.waived, "error": r.error,
                       "diagnostics": [list(d) for d in r.diagnostics],
                       "waived_diagnostics": [list(d) for d in r.waived_diagnostics]},
            "name": self.name,
            "facts": self.facts,
            "deadlines": deadlines,
            "deadline_error": self.deadline_error,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Outcome":
        r = data["result"]
        diagnostics = [Diagnostic(*row) for row in r["diagnostics"]]
        result = ProjectResult(r["project"], r["project_id"], r["jurisdiction"], r["stage"], r["checked_stage"],
                               diagnostics, r["waived"], r["error"],
                               waived_diagnostics=[Diagnostic(*row) for row in r["waived_diagnostics"]])
        return cls(result, data["name"], None, data["deadline_error"], raw_deadlines=list(data["deadlines"]),
                   facts=dict(data["facts"]))


class Options(NamedTuple):
    """How to analyse: the day, the stage asked, the repository config (read only when a project is not cached)."""

    today: _dt.date
    stage: str | None = None
    repo_config: dict[str, Any] | None = None  # None: not read yet; read from `config_file` before the first miss
    use_cache: bool = True
    jobs: int = 0  # worker processes; 0: one per available core (GOVPROJ_JOBS overrides)
    config_file: str | None = None  # the repository's .govproj/config.yaml, if any (its bytes are in the cache key)
    deadlines: bool = True  # False: `check --no-cache`, which neither prints nor stores the deadlines
    allow_missing_baseline: bool = False  # a baseline that is not at hand is a warning, not an error (GP051)


def analyze(folder: Path, options: Options) -> Outcome:
    """Load, check and list the deadlines of one project, in this process, without the cache."""
    from govproj.core.engine import check_project, load_error_result
    from govproj.errors import GovprojError
    from govproj.core.project import load_project

    try:
        project = load_project(folder)
    except GovprojError as exc:
        return Outcome(load_error_result(folder, exc))
    if options.stage is not None:
        try:
            project.pack.resolve_stage(options.stage)
        except GovprojError as exc:
            # `--stage X` over a folder of several jurisdictions: this project's pack has no stage X. Report it, go on.
            return Outcome(load_error_result(folder, exc), missing_stage=(exc.message, exc.hint))
    try:
        result = check_project(project, stage=options.stage, today=options.today,
                               repo_config=options.repo_config or {},
                               baseline_loader=lambda: baseline(project, optional=options.allow_missing_baseline))
    except GovprojError as exc:  # a file the rules read on demand (the project's calendar.yaml) cannot be read
        from govproj.core.engine import CONFIG_FILE

        if exc.file == CONFIG_FILE:  # the repository's config concerns every project: the run stops, once
            raise
        return Outcome(load_error_result(folder, exc))
    if not options.deadlines:
        return Outcome(result, project.name, facts=facts(project))
    try:
        deadlines = project_deadline_list(project, options.today)
    except GovprojError as exc:  # reported by `deadlines` and `status`; `check` reports what its rules find
        return Outcome(result, project.name, [], exc.render().removeprefix("错误："), facts=facts(project))
    return Outcome(result, project.name, deadlines, facts=facts(project))


def facts(project: Any) -> dict[str, Any]:
    """The project's identity beyond its check, as JSON values (cached with the outcome): unit, kind, total budget.

    The budget total is the exact decimal as text (never a float) with the unit it is written in."""
    total = project.total
    unit = project.get("budget.yaml", "unit") if total is not None else None
    return {"unit": str(project.get("project.yaml", "unit") or ""), "kind": project.kind,
            "budget_total": None if total is None else f"{total.in_unit(str(unit or '万元')):f}",
            "budget_unit": str(unit or "万元") if total is not None else None}


def baseline(project: Any, *, optional: bool = False) -> Any:
    """`ledger.baseline_for`, but without importing GitPython or starting git when the repository's files show no
    baseline tag of the project (most projects, and every one before approval): the import and the git processes
    would cost more than the whole check. A project past its baseline stage whose baseline is not at hand gets a
    `BaselineUnavailable` saying why (`baseline_absence`), so that change control is never skipped silently."""
    from govproj.core.places import repository_root
    from govproj.edges.cache import has_baseline_tag

    root = repository_root(project.root)
    found = None
    if has_baseline_tag(root, project.id):
        from govproj.edges.ledger import baseline_for

        found = baseline_for(project)
    if found is not None:
        return found
    absence = baseline_absence(project, root)
    if absence is None:
        return None
    from govproj.core.rules import BaselineUnavailable

    return BaselineUnavailable(*absence, optional=optional)


def _has_remote(common: Path) -> bool:
    try:
        return '[remote "' in (common / "config").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return True  # cannot tell: ask git


def baseline_absence(project: Any, root: Path | None) -> tuple[str, str] | None:
    """(why, what to do) when the project has passed its baseline stage and its baseline tag is not here: a shallow
    clone, tags not fetched, or the tag deleted. None when no baseline is expected: before the baseline stage, outside
    git, or a project that came into the repository after approval (its trail never took a baseline)."""
    from govproj.packs.shared import past_baseline

    if root is None or not past_baseline(project):
        return None
    from govproj.edges.cache import _git_dirs

    _, common = _git_dirs(root)
    if (common / "shallow").exists():
        return ("这是浅克隆（shallow clone），批复基线标签和它之前的历史不在本地，变更控制无法与批复基线比较",
                "取回完整历史和标签：git fetch --unshallow --tags（GitHub Actions：actions/checkout 设 fetch-depth: 0）；"
                "确知无需变更控制时可加 --allow-missing-baseline")
    if not _has_remote(common):
        # A repository that is nobody's clone has every tag it ever had: a project past approval without one came in
        # after approval, or its tag was deleted, which `verify` reports. Deciding it here needs no git (pre-commit).
        return None
    from govproj.edges.ledger import find_repo, tags_not_fetched, took_baseline

    found = find_repo(project.root)
    if found is None:
        return None
    taken = took_baseline(found[0], project.id)
    if taken is None:
        return None
    if tags_not_fetched(found[0]):
        return (f"推进提交 {taken[0][:7]} 打了批复基线标签 {taken[1]}，本仓库里却没有：标签没有取回"
                "（克隆或拉取时没有带标签），变更控制无法与批复基线比较",
                "取回标签：git fetch --tags（GitHub Actions：actions/checkout 设 fetch-depth: 0）；"
                "确知无需变更控制时可加 --allow-missing-baseline")
    return (f"推进提交 {taken[0][:7]} 打的批复基线标签 {taken[1]} 不见了（标签已取回，它被删除了），"
            "变更控制无法与批复基线比较",
            f"从原仓库取回或重建标签：git fetch origin tag {taken[1]}；删除基线标签会被 govproj verify 报告")


def project_deadline_list(project: Any, today: _dt.date) -> list["Deadline"]:
    from govproj.core.calendar import load_calendar
    from govproj.core.deadlines import project_deadlines
    from govproj.core.rules import Context

    ctx = Context(today=today, settings={}, calendar_loader=lambda: load_calendar(project.root))
    return project_deadlines(project, ctx)


# ---- many projects -------------------------------------------------------------------------------------------------

def analyze_many(folders: list[Path], options: Options, *, label: str = "检查",
                 deadlines: bool = True) -> list[Outcome]:
    """The outcome of every folder, in order: cached where the inputs are unchanged, computed otherwise.

    `deadlines=False` (`check`): cached deadlines are not decoded, so a hit imports nothing of the deadlines."""
    from govproj.edges.cache import Store, cache_dir

    store = Store(cache_dir() if options.use_cache else None)
    outcomes: list[Outcome | None] = [None] * len(folders)
    keys: list[str | None] = [None] * len(folders)
    progress = Progress(len(folders), label)
    memo: dict[Any, str] = {}
    todo: list[int] = []
    for index, folder in enumerate(folders):
        if store.enabled:
            keys[index] = key = project_key(folder, options, memo)
            payload = store.get(key)
            if payload is not None:
                try:
                    outcome = Outcome.from_json(payload)
                    if deadlines:
                        outcome.deadlines  # decoded now, so that an entry of another shape is a miss
                    outcomes[index] = outcome
                except (KeyError, TypeError, ValueError, IndexError, AttributeError):
                    pass  # an entry of another shape: recompute and overwrite
                else:
                    progress.step()
                    continue
        todo.append(index)
    if todo and options.repo_config is None:  # read (and validated) only when something is to be checked
        options = options._replace(repo_config=_read_config(options.config_file))
    if not deadlines and not store.enabled:  # nobody will read them: not printed, not cached for `status`
        options = options._replace(deadlines=False)
    workers = worker_count(options.jobs, len(todo))
    try:
        if workers <= 1:
            for index in todo:
                outcomes[index] = _finish(analyze(folders[index], options), keys[index], store)
                progress.step()
        else:
            _run_pool(folders, todo, keys, options, workers, outcomes, store, progress)
    finally:
        progress.done()
    pairs = [(o, folder) for o, folder in zip(outcomes, folders) if o is not None]
    if pairs and all(o.missing_stage for o, _ in pairs):
        from govproj.errors import UsageError

        # no project of the run has that stage: a mistyped --stage, said once as a usage error
        message, hint = pairs[0][0].missing_stage
        raise UsageError(message, hint=hint)
    duplicate_ids([o for o, _ in pairs], [folder for _, folder in pairs])
    return [o for o, _ in pairs]


def duplicate_ids(outcomes: list[Outcome], folders: list[Path]) -> None:
    """GP050 on every project that shares its id with another of the run (copied folders share baseline tags).

    Added after the cache: an entry is one project's own answer, and whether its id is shared depends on the others."""
    by_id: dict[str, list[int]] = {}
    for index, outcome in enumerate(outcomes):
        r = outcome.result
        if r.error is None and r.project_id:
            by_id.setdefault(r.project_id, []).append(index)
    shared = {pid: rows for pid, rows in by_id.items() if len(rows) > 1}
    if not shared:
        return
    from govproj.core.diagnostics import Diagnostic
    from govproj.core.doc import Pos
    from govproj.core.places import display_file
    from govproj.edges.yamlio import load_doc
    from govproj.errors import GovprojError
    from govproj.packs.shared import RULES

    rule = next(r for r in RULES if r.code == "GP050")
    for pid, rows in shared.items():
        for index in rows:
            r = outcomes[index].result
            others = "、".join(outcomes[i].result.project for i in rows if i != index)
            file = display_file(r.project, "project.yaml")
            try:  # the position of `id:` as `check` reads it (a cached answer holds no positions)
                pos = load_doc(folders[index] / "project.yaml", file).key_pos("id")
            except GovprojError:
                pos = Pos(1, 1)
            r.diagnostics.append(Diagnostic(
                file, pos.line, pos.column, rule.code, rule.severity, f"项目编号 {pid} 与 {others} 相同", rule.hint,
                str(rule.citation), rule.name, r.project))
            r.diagnostics.sort()


def _read_config(path: str | None) -> dict[str, Any]:
    from govproj.core.engine import read_repo_config

    return {} if path is None else read_repo_config(Path(path))


def _finish(outcome: Outcome, key: str | None, store: Any) -> Outcome:
    if key is not None and outcome.result.error is None:  # load errors are cheap to find again: not cached
        store.put(key, outcome.to_json())
    return outcome


def _analyze_chunk(folders: list[Path], keys: list[str | None], options: Options) -> list[Outcome]:
    """Worker side: analyse a few projects and write their cache entries (writes run in parallel too)."""
    from govproj.edges.cache import Store, cache_dir

    store = Store(cache_dir() if options.use_cache else None)
    return [_finish(analyze(folder, options), key, store) for folder, key in zip(folders, keys)]


def _run_pool(folders: list[Path], todo: list[int], keys: list[str | None], options: Options, workers: int,
              outcomes: list[Outcome | None], store: Any, progress: "Progress") -> None:
    import multiprocessing
    from concurrent.futures import FIRST_EXCEPTION, ProcessPoolExecutor, wait

    # fork on Linux: workers inherit the imported packs and calendars instead of importing them again.
    context = multiprocessing.get_context("fork") if sys.platform.startswith("linux") else None
    if context is not None:
        _preload(options.today)
    size = max(1, min(CHUNK, len(todo) // (workers * 4) or 1))
    chunks = [todo[i:i + size] for i in range(0, len(todo), size)]
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        pending = {pool.submit(_analyze_chunk, [folders[i] for i in chunk], [keys[i] for i in chunk], options): chunk
                   for chunk in chunks}
        try:
            while pending:
                done, _ = wait(pending, return_when=FIRST_EXCEPTION)
                for future in done:
                    chunk = pending.pop(future)
                    for index, outcome in zip(chunk, future.result()):  # re-raises a worker's GovprojError
                        outcomes[index] = outcome
                        progress.step()
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise


def _preload(today: _dt.date) -> None:
    """Import what every worker needs once, before forking, instead of once per worker."""
    from govproj.core import engine
    from govproj.core import project  # noqa: F401
    from govproj.core.calendar import WorkCalendar
    from govproj.packs import available, get_pack, shared  # noqa: F401

    for pid in available():
        try:
            get_pack(pid)
        except Exception:  # a broken pack fails in the worker that needs it, with its own message
            pass
    WorkCalendar().is_workday(today)  # imports chinese_calendar and builds this year's table


def worker_count(jobs: int, misses: int, *, minimum: int = PARALLEL_MIN, per_worker: int = 4) -> int:
    """Processes to use for `misses` projects: 1 below `minimum`, else `jobs`, GOVPROJ_JOBS or every core, and no
    more than one per `per_worker` projects."""
    if misses < minimum:
        return 1
    if not jobs:
        try:
            jobs = int(os.environ.get("GOVPROJ_JOBS", "0"))
        except ValueError:
            jobs = 0
    if jobs <= 0:
        affinity = getattr(os, "sched_getaffinity", None)
        jobs = len(affinity(0)) if affinity else (os.cpu_count() or 1)
    return max(1, min(jobs, misses // per_worker or 1))


def map_jobs(function: Any, items: list[Any], workers: int, *, label: str = "") -> list[Any]:
    """`function(item)` for every item, in order: in this process for one worker, else in a pool of forked
    workers (as `analyze_many`), with the progress bar. Items and results must pickle; `function` must be a
    module-level function."""
    progress = Progress(len(items), label)
    try:
        if workers <= 1:
            results = []
            for item in items:
                results.append(function(item))
                progress.step()
            return results
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        context = multiprocessing.get_context("fork") if sys.platform.startswith("linux") else None
        if context is not None:
            _preload(_dt.date.today())
        results = []
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            # small chunks: one project's replay is long enough that balance matters more than round trips
            for result in pool.map(function, items, chunksize=max(1, len(items) // (workers * 8))):
                results.append(result)
                progress.step()
        return results
    finally:
        progress.done()


def project_key(folder: Path, options: Options, memo: dict[Any, Any]) -> str:
    """The cache key of one project's outcome (see govproj/edges/cache.py for what goes into it)."""
    from govproj.core.places import display_path
    from govproj.edges.cache import code_fingerprint, file_digest, git_refs_fingerprint, make_key, project_fingerprint

    repo, outside = _surroundings(folder, memo)
    if ("git", repo) not in memo:
        memo[("git", repo)] = git_refs_fingerprint(repo)
    files = []
    # The repository config by its bytes, not its parsed rules: a hit then needs no YAML. (An entry exists only if
    # a run with these bytes read the config without error.)
    config = () if options.repo_config is None else (("rules", options.repo_config),)
    for path in outside + ((Path(options.config_file),) if options.config_file else ()):
        if ("file", path) not in memo:
            memo[("file", path)] = file_digest(path)
        files.append((str(path), memo[("file", path)]))
    return make_key([code_fingerprint(), display_path(folder), os.path.abspath(folder), options.stage,
                     options.today.isoformat(), list(config), files, memo[("git", repo)], project_fingerprint(folder),
                     options.allow_missing_baseline])


def _surroundings(folder: Path, memo: dict[Any, Any]) -> tuple[Path | None, tuple[Path, ...]]:
    """(the repository root, the calendar.yaml candidates outside the project) — the same for every project below
    one folder, so looked up once per parent folder."""
    from govproj.core.places import calendar_files, repository_root

    if (folder / ".git").exists():
        return repository_root(folder), calendar_files(folder)[1:]
    parent = folder.parent if str(folder.parent) != str(folder) else folder
    key = ("around", os.path.abspath(parent))
    if key not in memo:
        # calendar_files(project)[0] is the project's own calendar.yaml, which is among the project's files.
        memo[key] = (repository_root(parent), calendar_files(parent)[1:])
    return memo[key]


# ---- progress -------------------------------------------------------------------------------------------------------

class Progress:
    """A progress bar (rich) on stderr: only on a terminal, and only once the run has taken more than a moment."""

    DELAY = 0.4  # seconds before the bar appears: a quick run shows nothing at all, and imports nothing for it

    def __init__(self, total: int, label: str, stream: TextIO | None = None) -> None:
        from govproj.edges.term import rich_enabled

        self.stream = stream if stream is not None else sys.stderr
        self.total = total
        self.label = label
        self.count = 0
        self.start = time.monotonic()
        self.bar: Any = None
        self.enabled = total > 1 and rich_enabled(self.stream)

    def step(self, n: int = 1) -> None:
        self.count += n
        if not self.enabled:
            return
        if self.bar is None:
            if time.monotonic() - self.start < self.DELAY:
                return
            from govproj.edges.term import Progress as Bar

            self.bar = Bar(self.total, self.label, self.stream)
            self.bar.step(self.count)
            return
        self.bar.step(n)

    def done(self) -> None:
        if self.bar is not None:
            self.bar.done()


# ---- what the three commands share ----------------------------------------------------------------------------------

def parse_today(text: str | None) -> _dt.date | None:
    from govproj.errors import UsageError

    if not text:
        return None
    try:
        return _dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"日期“{text}”格式不对", hint="写成 YYYY-MM-DD，例如 2026-05-31") from None


def run_over(paths: list[str], args: Any, *, stage: str | None = None, label: str = "检查",
             deadlines: bool = True) -> list[Outcome]:
    """Find the projects below `paths` and analyse them with the options in `args`."""
    return analyse_folders(project_folders(paths), args, stage=stage, label=label, deadlines=deadlines)


def project_folders(paths: list[str]) -> list[Path]:
    """The project folders at or below `paths`, in natural order; a usage error when there are none."""
    from govproj.core.places import find_projects
    from govproj.errors import UsageError

    folders = find_projects([Path(p) for p in paths])
    if not folders:
        raise UsageError("在给出的路径下没有找到项目（含 project.yaml 的文件夹）",
                         hint="用 `govproj new 路径 --jurisdiction bj` 新建一个项目")
    return folders


def analyse_folders(folders: list[Path], args: Any, *, stage: str | None = None, label: str = "检查",
                    deadlines: bool = True) -> list[Outcome]:
    """`run_over` for folders already found: one outcome per folder, in the same order."""
    from govproj.core.places import repo_config_path
    from govproj.errors import UsageError

    if getattr(args, "jobs", 0) < 0:
        raise UsageError("--jobs 不能是负数", hint="写 1 表示不并行，省略表示每个 CPU 核一个进程")
    config = repo_config_path(folders[0])
    use_cache = not args.no_cache
    options = Options(today=parse_today(args.today) or _dt.date.today(), stage=stage,
                      repo_config=None if use_cache else _read_config(str(config) if config else None),
                      use_cache=use_cache, jobs=args.jobs, config_file=str(config) if config else None,
                      allow_missing_baseline=bool(getattr(args, "allow_missing_baseline", False)))
    return analyze_many(folders, options, label=label, deadlines=deadlines)
