"""A unit's repository of projects for the export and report tests: real git, a real `govproj advance` trail.

`build_portfolio(root, unit)` makes a repository whose projects are
  projects/a-yb      渝北 example advanced three times (a baseline tag on entering 纳入预算),
  projects/b-late    北京 upgrade whose pre-review is overdue on TODAY (with `late`), one of its findings waived,
  projects/c-new     北京 new-build example, clean,
  projects/d-broken  a project.yaml that cannot be read,
every loadable project's `unit` set to `unit`.
"""
from __future__ import annotations

import contextlib
import datetime as _dt
import io
from pathlib import Path

from casebuild import build_project
from gitfixture import commit_all, make_repo

TODAY = "2026-11-25"
D = _dt.date
WAIVED_RULE = "BJ071"  # waived in b-late: one of the late upgrade's warnings


def build_portfolio(root: Path, unit: str, *, advances: int = 3, late: bool = True) -> Path:
    """The repository at `root` (the caller has cleaned the GIT_* environment: gitfixture.clean_git_env)."""
    from govproj.cli import main

    repo = make_repo(root)
    projects = repo / "projects"
    build_project({"base": "yb/build", "set": {"project.yaml": {"stage": "deliberation", "unit": unit}}},
                  projects / "a-yb")
    late_events = {"events.prereview_accepted.date": D(2026, 9, 18)} if late else {}
    build_project({"base": "bj/upgrade",
                   "set": {"project.yaml": {"id": "bj-2026-late", "unit": unit, **late_events,
                                            "platforms": [],
                                            "waivers": [{"rule": WAIVED_RULE, "reason": "经批准暂缓",
                                                         "approved_by": "孙卫东", "expires": D(2099, 12, 31)}]}},
                   "delete": {"project.yaml": ["events.prereview_opinion", "documents.application"] if late else []}},
                  projects / "b-late")
    build_project({"base": "bj/new", "set": {"project.yaml": {"unit": unit}}}, projects / "c-new")
    (projects / "d-broken").mkdir(parents=True)
    (projects / "d-broken" / "project.yaml").write_text("id: x\njurisdiction: bj\nname: [未闭合\n", encoding="utf-8")
    commit_all(repo, "各项目加入仓库")
    for _ in range(advances):
        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out), contextlib.chdir(repo):
            code = main(["advance", "projects/a-yb", "--today", TODAY])
        assert code == 0, out.getvalue()
    return repo
