"""`govproj check` and `govproj status` over many generated projects: cold, warm (cache), and without the cache.

    python benchmarks/bench_scale.py                 # 1,000 projects, 3 runs of each
    python benchmarks/bench_scale.py --projects 200 --repeat 1 --keep

The projects are every example of every available pack, varied (own id and name, event dates moved back by up to
four months, some events or documents removed so that checks find problems and deadlines fall due), written into
a temporary folder. Each command runs as a separate process, as a user runs it, with a cache folder of its own.

The interpreter may write bytecode for the runs (PYTHONDONTWRITEBYTECODE is removed and PYTHONPYCACHEPREFIX points
into the temporary folder): an installed govproj has its .pyc files, and compiling every module on each start is
not what users see. Not a test: nothing here asserts a time.
"""
from __future__ import annotations

import argparse
import copy
import datetime as _dt
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from _common import bench_env, finish, timed

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-11-25"


def _examples() -> list[tuple[Any, str, dict[str, Any]]]:
    from govproj.packs import available, get_pack

    out = []
    for pid in available():
        try:
            pack = get_pack(pid)
        except Exception as exc:  # a pack being written may not import yet
            print(f"  （跳过辖区 {pid}：{exc}）", file=sys.stderr)
            continue
        for kind, build in pack.examples.items():
            out.append((pack, kind, build()))
    return out


def _shift(value: Any, days: int) -> Any:
    """Every date inside `value` moved by `days`."""
    if isinstance(value, _dt.date):
        return value + _dt.timedelta(days=days)
    if isinstance(value, dict):
        return {k: _shift(v, days) for k, v in value.items()}
    if isinstance(value, list):
        return [_shift(v, days) for v in value]
    return value


def generate(folder: Path, count: int) -> dict[str, int]:
    """Write `count` varied projects below `folder`; returns how many came from each pack."""
    from govproj.core.format import FILE_TITLES, file_specs
    from govproj.core.scaffold import render_file

    examples = _examples()
    if not examples:
        raise SystemExit("没有可用的示例项目")
    per_pack: dict[str, int] = {}
    for i in range(count):
        pack, kind, built = examples[i % len(examples)]
        rng = random.Random(i)
        files = copy.deepcopy(built["files"])
        project = files["project.yaml"]
        project["id"] = f"{project['id']}-{i:04d}"
        project["name"] = f"{project.get('name', '')}（样本 {i}）"
        if rng.random() < 0.5:  # half of them: everything happened up to four months earlier
            project["events"] = _shift(project.get("events") or {}, -rng.randint(1, 120))
        if rng.random() < 0.15 and project.get("events"):  # some miss an event: findings, open deadlines
            project["events"].pop(rng.choice(sorted(project["events"])))
        if rng.random() < 0.1 and project.get("documents"):
            project["documents"].pop(rng.choice(sorted(project["documents"])))
        target = folder / pack.id / f"p{i:04d}"
        target.mkdir(parents=True)
        specs = file_specs(pack)
        for name, data in files.items():
            (target / name).write_text(render_file(specs[name], data, title=FILE_TITLES[name], schema_ref=None),
                                       encoding="utf-8")
        for rel, text in built.get("evidence", {}).items():
            path = target / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        per_pack[pack.id] = per_pack.get(pack.id, 0) + 1
    return per_pack


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--projects", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement; the median is reported")
    parser.add_argument("--keep", action="store_true", help="keep the generated projects and print where")
    opts = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="govproj-bench-"))
    try:
        started = time.perf_counter()
        per_pack = generate(work / "projects", opts.projects)
        print(f"生成 {opts.projects} 个项目（{', '.join(f'{k} {v}' for k, v in sorted(per_pack.items()))}）"
              f"用时 {time.perf_counter() - started:.1f} s：{work / 'projects'}")
        env = bench_env(work)
        govproj = [sys.executable, "-m", "govproj"]
        target = str(work / "projects")
        timed(govproj + ["--version"], env, ok=(0,))  # compile the bytecode once, outside the measurements
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
        print(f"CPU 核：{cores}；Python {sys.version.split()[0]}；今天按 {TODAY}")

        rows = []
        for verb in ("check", "status"):
            base = govproj + [verb, target, "--today", TODAY] + (["--format", "json"] if verb == "check" else [])
            cold, warm, serial, parallel = [], [], [], []
            for _ in range(opts.repeat):
                shutil.rmtree(work / "cache", ignore_errors=True)
                cold.append(timed(base, env, ok=(0, 1)))
                warm.append(timed(base, env, ok=(0, 1)))
                serial.append(timed(base + ["--no-cache", "--jobs", "1"], env, ok=(0, 1)))
                parallel.append(timed(base + ["--no-cache"], env, ok=(0, 1)))
            rows.append((verb, statistics.median(cold), statistics.median(warm), statistics.median(serial),
                         statistics.median(parallel)))
        print()
        print(f"| 命令（{opts.projects} 个项目） | 冷（写缓存，并行） | 热（读缓存） | 不用缓存，1 个进程 | 不用缓存，并行 |")
        print("|---|---|---|---|---|")
        for verb, cold_s, warm_s, serial_s, parallel_s in rows:
            print(f"| govproj {verb} | {cold_s:.2f} s | {warm_s:.2f} s | {serial_s:.2f} s | {parallel_s:.2f} s |")
        print(f"\n（每项为 {opts.repeat} 次运行的中位数）")
    finally:
        finish(work, opts.keep)
    return 0


if __name__ == "__main__":
    sys.exit(main())
