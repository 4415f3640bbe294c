"""Where projects are, and their surroundings: the repository, the calendar files and the repository config.

Plain os/pathlib lookups and nothing else: the cache key of `check` needs them before anything heavy is imported.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

from govproj.errors import LoadError

PROJECT_FILE = "project.yaml"
CALENDAR_FILE = "calendar.yaml"
CONFIG_FILE = ".govproj/config.yaml"


def repository_root(start: Path) -> Path | None:
    """Nearest folder at or above `start` that contains `.git` (a folder, or a file in worktrees/submodules)."""
    start = Path(start).absolute()
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return None


def user_calendar_path() -> Path | None:
    """`$XDG_CONFIG_HOME/govproj/calendar.yaml`, default `~/.config/govproj/calendar.yaml`."""
    base = os.environ.get("XDG_CONFIG_HOME")
    if base and os.path.isabs(base):  # the XDG spec says relative values are invalid and must be ignored
        return Path(base) / "govproj" / CALENDAR_FILE
    try:
        return Path.home() / ".config" / "govproj" / CALENDAR_FILE
    except RuntimeError:  # no home directory (some CI containers)
        return None


def calendar_files(project_dir: Path | None = None) -> tuple[Path, ...]:
    """Candidate calendar.yaml paths in lookup order (existing or not).

    project `calendar.yaml` → repository `.govproj/calendar.yaml` → user config. Without `project_dir` the repository
    is the one containing the current directory.
    """
    candidates: list[Path] = []
    if project_dir is not None:
        candidates.append(Path(project_dir) / CALENDAR_FILE)
    repo = repository_root(Path(project_dir) if project_dir is not None else Path.cwd())
    if repo is not None:
        candidates.append(repo / ".govproj" / CALENDAR_FILE)
    user = user_calendar_path()
    if user is not None:
        candidates.append(user)
    unique: list[Path] = []
    for path in candidates:
        if path not in unique:
            unique.append(path)
    return tuple(unique)


def repo_config_path(start: Path) -> Path | None:
    """`.govproj/config.yaml` in the nearest folder at or above `start` that has one, not above the repository."""
    folder = Path(start).resolve()
    for candidate in (folder, *folder.parents):
        path = candidate / CONFIG_FILE
        if path.is_file():
            return path
        if (candidate / ".git").exists():
            break
    return None


def display_path(path: Path) -> str:
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if rel.startswith("..") else rel.replace(os.sep, "/")


def display_file(display: str, file: str) -> str:
    """A project file as messages name it: `projects/gis/budget.yaml`, or `budget.yaml` inside the project."""
    return file if display in (".", "") else f"{display}/{file}"


def is_project(folder: Path) -> bool:
    """A folder holding project.yaml; also when that is not a readable file (a folder, a broken link): the project
    is then reported as unreadable, not silently skipped."""
    return os.path.lexists(folder / PROJECT_FILE)


def find_projects(paths: list[Path]) -> list[Path]:
    """Every project folder at or below the given paths (a folder with project.yaml), sorted, no duplicates."""
    found: dict[str, Path] = {}
    for path in paths:
        if not path.exists():
            raise LoadError("路径不存在", file=str(path), hint="检查路径是否正确")
        if path.is_file():
            # a file names the project it belongs to (project.yaml, budget.yaml, evidence/…), never its neighbours
            owner = next((up for up in (path.parent, *path.parent.parents) if is_project(up)), None)
            if owner is None:
                raise LoadError("这个文件不在任何项目里（它所在的文件夹及上级文件夹都没有 project.yaml）", file=str(path),
                                hint="给出项目文件夹（含 project.yaml），或给出含多个项目的文件夹")
            found[str(owner.resolve())] = owner
            continue
        if is_project(path):
            found[str(path.resolve())] = path
            continue
        for dirpath, dirnames, filenames in os.walk(path):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d not in (
                "node_modules", "__pycache__", "evidence", "output", "forms"))
            if PROJECT_FILE in filenames or os.path.lexists(os.path.join(dirpath, PROJECT_FILE)):
                folder = Path(dirpath)
                found[str(folder.resolve())] = folder
                dirnames[:] = []  # a project does not contain other projects
    return [found[k] for k in sorted(found, key=natural_key)]


def natural_key(text: str) -> list:
    """p1, p2, p10, p100 (numbers compared as numbers); ties keep the plain string order."""
    parts = re.split(r"(\d+)", text)
    return [(0, int(part), part) if part.isdigit() else (1, 0, part) for part in parts]
