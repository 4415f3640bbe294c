"""`govproj export` and `govproj report` over many generated projects, cold, against `govproj status` on the same folder.

    python benchmarks/bench_export.py                 # 1,000 projects, 3 runs of each
    python benchmarks/bench_export.py --projects 200 --repeat 1 --keep

The projects are bench_scale.py's (every example of every pack, varied), committed into one git repository so that
export reads a real trail (one commit: every project's "created" entry). Every run is cold: the cache folder is
emptied before it. Each command runs as a separate process, as a user runs it. Target (issue 16): export and report
take at most 1.5 times as long as `status`. Not a test: nothing here asserts a time.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import bench_env, finish, timed
from bench_scale import TODAY, generate


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--projects", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement; the median is reported")
    parser.add_argument("--keep", action="store_true", help="keep the generated projects and print where")
    opts = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="govproj-bench-export-"))
    try:
        started = time.perf_counter()
        per_pack = generate(work / "projects", opts.projects)
        env = bench_env(work)
        git_env = {**env, "GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@example.gov.cn",
                   "GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "bench@example.gov.cn",
                   "GIT_AUTHOR_DATE": "2026-11-01T09:00:00+08:00", "GIT_COMMITTER_DATE": "2026-11-01T09:00:00+08:00"}
        for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "各项目加入仓库"]):
            subprocess.run(["git", *args], cwd=work / "projects", env=git_env, check=True)
        print(f"生成 {opts.projects} 个项目（{', '.join(f'{k} {v}' for k, v in sorted(per_pack.items()))}）并提交到 git，"
              f"用时 {time.perf_counter() - started:.1f} s：{work / 'projects'}")
        govproj = [sys.executable, "-m", "govproj"]
        timed(govproj + ["--version"], env, ok=(0,))  # compile the bytecode once, outside the measurements
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
        print(f"CPU 核：{cores}；Python {sys.version.split()[0]}；今天按 {TODAY}")
        target = str(work / "projects")
        commands = {
            "status": ["status", target],
            "export .sqlite": ["export", target, "--to", str(work / "out" / "s.sqlite")],
            "export .jsonl": ["export", target, "--to", str(work / "out" / "s.jsonl")],
            "report": ["report", target, "-o", str(work / "out" / "report.html")],
        }
        try:
            import duckdb  # noqa: F401
            commands["export .parquet"] = ["export", target, "--to", str(work / "out" / "s.parquet")]
        except ImportError:
            print("（没有安装 DuckDB：不测 .parquet）")
        times: dict[str, list[float]] = {name: [] for name in commands}
        names = list(commands)
        for run in range(opts.repeat):
            # interleaved, and in another order each round, so that a change of load hits every command alike
            for name in names[run % len(names):] + names[:run % len(names)]:
                args = commands[name]
                shutil.rmtree(work / "cache", ignore_errors=True)
                times[name].append(timed(govproj + args + ["--today", TODAY], env, ok=(0,)))
        base = statistics.median(times["status"])
        print()
        print(f"| 命令（{opts.projects} 个项目，冷：清空缓存） | 墙钟时间 | 相对 status |")
        print("|---|---|---|")
        for name, values in times.items():
            median = statistics.median(values)
            print(f"| govproj {name} | {median:.2f} s | {median / base:.2f}× |")
        print(f"\n（每项为 {opts.repeat} 次交替运行的中位数）")
    finally:
        finish(work, opts.keep)
    return 0


if __name__ == "__main__":
    sys.exit(main())
