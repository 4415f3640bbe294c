"""What the benchmarks share: the environment the measured commands run in, a wall-clock timer, the work folder."""
from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path


def bench_env(work: Path) -> dict[str, str]:
    """The environment of a measured run: bytecode may be written (into `work`, as an installed package has its
    .pyc files), the cache lives in `work`, no colour, and nothing of the caller's switches the cache off."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "GOVPROJ_NO_CACHE")}
    env.update(PYTHONPYCACHEPREFIX=str(work / "pyc"), GOVPROJ_CACHE_DIR=str(work / "cache"), NO_COLOR="1")
    return env


def timed(args: list[str], env: dict[str, str], *, ok: tuple[int, ...] | None = None) -> float:
    """Seconds of wall time one command takes; with `ok`, any other exit code stops the benchmark."""
    start = time.perf_counter()
    done = subprocess.run(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if ok is not None and done.returncode not in ok:
        raise SystemExit(f"{' '.join(args)} 退出码 {done.returncode}：{done.stderr.decode('utf-8', 'replace')}")
    return elapsed


def finish(work: Path, keep: bool) -> None:
    """Leave the benchmark's work folder for a look (--keep, and say where), or remove it."""
    if keep:
        print(f"保留在 {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)
