"""`govproj verify` over a repository of many advanced projects, and `govproj advance` in long histories.

    python benchmarks/bench_git.py                          # 200 projects × 5 advances; advance at 200 and 1,000
    python benchmarks/bench_git.py --projects 50 --repeat 1 --keep

The verify repository: one Beijing example project is advanced five times with the real `govproj advance`
(需求 → … → 细化建设内容 with its baseline tag → 确定承建单位); that trail is then copied to `--projects` projects
(own id, own folder, own `Govproj-Previous` chain, own baseline tag), interleaved as a team's history would be:
every project is added, then every project takes its first step, and so on (1,200 commits for 200 projects).
The copies are written as git objects straight into `.git/objects` (zlib + sha1, as git stores loose objects):
porcelain would take minutes to build the fixture. The advance repositories hold one project and `--commits`
ordinary commits that each touch a file in the project folder.

Each command runs as a separate process, with bytecode allowed (see benchmarks/README.md). Not a test.
"""
from __future__ import annotations

import argparse
import datetime as _dt
import hashlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

from _common import bench_env, finish, timed

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]  # the code being measured, and the test fixtures' git helpers

from gitfixture import example_project, git, git_env, make_repo  # noqa: E402

TODAY = "2026-11-25"
TEMPLATE = "projects/hotline"


# ---- git objects without git ----------------------------------------------------------------------------------

class Objects:
    """Loose objects written into a repository's object store: what `git hash-object -w` does, per object."""

    def __init__(self, repo: Path) -> None:
        self.folder = repo / ".git" / "objects"

    def write(self, kind: str, data: bytes) -> str:
        raw = f"{kind} {len(data)}".encode() + b"\0" + data
        sha = hashlib.sha1(raw).hexdigest()
        path = self.folder / sha[:2] / sha[2:]
        if not path.exists():
            path.parent.mkdir(exist_ok=True)
            path.write_bytes(zlib.compress(raw, 1))
        return sha

    def tree(self, entries: dict[str, tuple[str, str]]) -> str:
        """entries: name → (mode, sha); git sorts a folder's name as if it ended in '/'."""
        def key(name: str) -> bytes:
            return (name + "/" if entries[name][0] == "40000" else name).encode()
        data = b"".join(f"{entries[n][0]} {n}".encode() + b"\0" + bytes.fromhex(entries[n][1])
                        for n in sorted(entries, key=key))
        return self.write("tree", data)

    def commit(self, tree: str, parent: str | None, message: bytes, when: int) -> str:
        person = f"张三 <zhangsan@example.gov.cn> {when} +0800"
        head = f"tree {tree}\n" + (f"parent {parent}\n" if parent else "") + f"author {person}\ncommitter {person}\n"
        return self.write("commit", head.encode() + b"\n" + message)


def files_tree(objects: Objects, files: dict[str, bytes]) -> str:
    """A tree of nested files (posix paths → bytes)."""
    nested: dict[str, dict[str, bytes] | bytes] = {}
    for path, data in files.items():
        head, sep, rest = path.partition("/")
        if sep:
            nested.setdefault(head, {})[rest] = data  # type: ignore[index]
        else:
            nested[head] = data
    entries = {}
    for name, value in nested.items():
        if isinstance(value, dict):
            entries[name] = ("40000", files_tree(objects, value))
        else:
            entries[name] = ("100644", objects.write("blob", value))
    return objects.tree(entries)


# ---- the fixtures -------------------------------------------------------------------------------------------------

def _run(args: list[str], cwd: Path) -> str:
    done = subprocess.run(args, cwd=str(cwd), capture_output=True, env=git_env())
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)} 失败：{done.stdout.decode()}{done.stderr.decode()}")
    return done.stdout.decode("utf-8", "replace")


def template(work: Path) -> tuple[dict[str, bytes], list[tuple[bytes, bytes, bytes | None]], str]:
    """One project advanced five times by govproj itself: (its files as added, [(project.yaml, commit message,
    tag message or None)] per advance, its id)."""
    repo = make_repo(work / "template")
    folder, files = example_project(repo, TEMPLATE, "bj", "new", stage="needs")
    project_id = files["project.yaml"]["id"]
    added = {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
    steps = []
    for _ in range(5):
        _run([sys.executable, "-m", "govproj", "advance", TEMPLATE, "--today", TODAY], repo)
        message = _run(["git", "cat-file", "commit", "HEAD"], repo).encode().split(b"\n\n", 1)[1]
        tag = _run(["git", "tag", "--points-at", "HEAD"], repo).strip()
        tag_message = _run(["git", "cat-file", "tag", tag], repo).encode().split(b"\n\n", 1)[1] if tag else None
        steps.append(((folder / "project.yaml").read_bytes(), message, tag_message))
    return added, steps, project_id


def verify_repo(work: Path, count: int) -> Path:
    """`count` copies of the template's trail in one repository, interleaved round by round."""
    added, steps, template_id = template(work)
    repo = make_repo(work / "verify")
    objects = Objects(repo)
    ids = [f"{template_id}-{i:03d}" for i in range(count)]
    rels = [f"p{i:03d}" for i in range(count)]
    trees = {}  # project folder → (mode, tree sha) in projects/
    files = {}
    # commits from 00:00 Beijing time of TODAY, a minute apart (1,200 of them stay within the day): the day each
    # advance was judged on is the day its commit records, as verify checks
    parent, when = None, int(_dt.datetime.fromisoformat(f"{TODAY}T00:00:00+08:00").timestamp())
    previous: dict[int, str] = {}
    tags: list[tuple[str, str, bytes]] = []
    for round_ in range(len(steps) + 1):
        for i in range(count):
            if round_ == 0:
                files[i] = {name: (data.replace(template_id.encode(), ids[i].encode()) if name == "project.yaml"
                                   else data) for name, data in added.items()}
                message = f"新建项目 {ids[i]}\n".encode()
            else:
                text, message, tag_message = steps[round_ - 1]
                files[i]["project.yaml"] = text.replace(template_id.encode(), ids[i].encode())
                lines = []
                for line in message.replace(template_id.encode(), ids[i].encode()).split(b"\n"):
                    if line.startswith(b"Govproj-Path: "):
                        line = f"Govproj-Path: projects/{rels[i]}".encode()
                    elif line.startswith(b"Govproj-Previous: "):
                        line = f"Govproj-Previous: {previous.get(i, 'none')}".encode()
                    lines.append(line)
                message = b"\n".join(lines)
            trees[rels[i]] = ("40000", files_tree(objects, files[i]))
            root = objects.tree({"projects": ("40000", objects.tree(trees))})
            when += 60
            parent = objects.commit(root, parent, message, when)
            if round_:
                previous[i] = parent
                if tag_message is not None:
                    tag_text = tag_message.replace(template_id.encode(), ids[i].encode()).replace(
                        TEMPLATE.encode(), f"projects/{rels[i]}".encode())
                    tags.append((f"govproj/{ids[i]}/baseline-1", parent, tag_text))
    git(repo, "update-ref", "refs/heads/main", parent)
    for name, sha, text in tags:
        body = (f"object {sha}\ntype commit\ntag {name}\ntagger 张三 <zhangsan@example.gov.cn> {when} +0800\n\n"
                ).encode() + text
        git(repo, "update-ref", f"refs/tags/{name}", objects.write("tag", body))
    git(repo, "reset", "-q", "--hard", "main")
    return repo


def advance_repo(work: Path, commits: int) -> Path:
    """One project (at 需求) and `commits` ordinary commits that touch a notes file in its folder."""
    repo = make_repo(work / f"advance-{commits}")
    folder, _ = example_project(repo, TEMPLATE, "bj", "new", stage="needs")
    objects = Objects(repo)
    added = {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
    parent = git(repo, "rev-parse", "HEAD").strip()
    when = 1_764_000_000
    for n in range(commits - 1):
        files = {**added, "记录.txt": f"第 {n} 次会议纪要\n".encode()}
        root = objects.tree({"projects": ("40000", objects.tree({"hotline": ("40000", files_tree(objects, files))}))})
        when += 60
        parent = objects.commit(root, parent, f"会议纪要 {n}\n".encode(), when)
    git(repo, "update-ref", "refs/heads/main", parent)
    git(repo, "reset", "-q", "--hard", "main")
    return repo


# ---- measuring ----------------------------------------------------------------------------------------------------

def timed_in(repo: Path, args: list[str], env: dict[str, str], ok: tuple[int, ...]) -> float:
    cwd = os.getcwd()
    os.chdir(repo)
    try:
        return timed(args, env, ok=ok)
    finally:
        os.chdir(cwd)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--projects", type=int, default=200)
    parser.add_argument("--commits", type=int, nargs="+", default=[200, 1000], help="history lengths for advance")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement; the median is reported")
    parser.add_argument("--verify-repeat", type=int, default=None, help="runs of verify (default: --repeat)")
    parser.add_argument("--keep", action="store_true", help="keep the generated repositories and print where")
    opts = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="govproj-bench-git-"))
    try:
        env = {**bench_env(work), **git_env()}
        env["PYTHONPATH"] = str(ROOT)  # `-m govproj` runs the code beside this script, wherever the cwd is
        govproj = [sys.executable, "-m", "govproj"]
        timed(govproj + ["--version"], env, ok=(0,))  # compile the bytecode once, outside the measurements
        started = time.perf_counter()
        verify = verify_repo(work, opts.projects)
        advance = {n: advance_repo(work, n) for n in opts.commits}
        count = int(git(verify, "rev-list", "--count", "HEAD"))
        print(f"生成仓库用时 {time.perf_counter() - started:.1f} s：verify 仓库 {opts.projects} 个项目、{count} 个提交；"
              + "、".join(f"advance 仓库 {n} 个提交" for n in opts.commits))
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
        print(f"CPU 核：{cores}；Python {sys.version.split()[0]}；git {git(verify, 'version').split()[-1]}")

        times: dict[str, list[float]] = {}
        verify_runs = opts.verify_repeat if opts.verify_repeat is not None else opts.repeat
        for run in range(max(opts.repeat, verify_runs)):  # interleaved: every measurement once per round
            if run < verify_runs:
                times.setdefault("verify", []).append(
                    timed_in(verify, govproj + ["verify", "projects", "--format", "json"], env, ok=(0, 1)))
            if run < opts.repeat:
                for n, repo in advance.items():
                    times.setdefault(f"advance-{n}", []).append(
                        timed_in(repo, govproj + ["advance", TEMPLATE, "--today", TODAY], env, ok=(0,)))
                    git(repo, "reset", "-q", "--hard", "HEAD~1")  # undo the step for the next round
        if opts.keep:
            with open(work / "verify.json", "wb") as out:
                subprocess.run(govproj + ["verify", "projects", "--format", "json"], cwd=verify, env=env, stdout=out)
        print()
        print("| 测量 | 中位数 | 各次 |")
        print("|---|---|---|")
        print(f"| `govproj verify`（{opts.projects} 个项目 × 5 次推进，{count} 个提交） | "
              f"{statistics.median(times['verify']):.2f} s | {' '.join(f'{t:.2f}' for t in times['verify'])} |")
        for n in opts.commits:
            values = times[f"advance-{n}"]
            print(f"| `govproj advance`（{n} 个提交） | {statistics.median(values):.2f} s | "
                  f"{' '.join(f'{t:.2f}' for t in values)} |")
    finally:
        finish(work, opts.keep)
    return 0


if __name__ == "__main__":
    sys.exit(main())
