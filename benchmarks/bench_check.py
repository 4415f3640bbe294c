"""`govproj check` against `yamllint -d relaxed` on the same YAML files, interleaved; and what `check` imports, cold
and warm (it runs as a pre-commit hook: git, docx, jinja2 must stay out of its path, and a cache hit must import no
YAML, rules, packs, deadlines or engine).

yamllint is not a dependency of govproj. Install it into the same environment for this benchmark only:

    pip install yamllint
    python benchmarks/bench_check.py                        # examples/bj-gis-upgrade, 21 interleaved runs of each
    python benchmarks/bench_check.py --project examples     # every bundled example
    python benchmarks/bench_check.py --repeat 31

The targets (issue 10), one project: a warm `check` (cache hit) at most 0.8 × yamllint's wall time, a cold one
(`--no-cache`) at most 1.1 ×. Both run as separate processes from the same interpreter, alternately, so that a busy
machine slows both alike; the median is reported. Bytecode may be written for the runs (PYTHONPYCACHEPREFIX points
into a temporary folder), as in an installed environment. Not a test.
"""
from __future__ import annotations

import argparse
import importlib.util
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from _common import bench_env, timed

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
HEAVY = ("docx", "docxtpl", "jinja2", "lxml", "subprocess", "govproj.edges.ledger", "govproj.core.lifecycle", "git",
         "multiprocessing", "concurrent.futures")


def imports(env: dict[str, str], *args: str, runs: int = 7) -> list[tuple[str, int, int]]:
    """(module, self µs, cumulative µs) of every module `govproj check` imports, from `python -X importtime`: the
    median of `runs` runs per module, since one run on a shared machine is noisy."""
    seen: dict[str, list[tuple[int, int]]] = {}
    for _ in range(runs):
        done = subprocess.run([sys.executable, "-X", "importtime", "-m", "govproj", "check", *args], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        for line in done.stderr.splitlines():
            match = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|(\s*)(\S+)", line)
            if match:
                seen.setdefault(match.group(4), []).append((int(match.group(1)), int(match.group(2))))
    return [(name, int(statistics.median(o for o, _ in v)), int(statistics.median(c for _, c in v)))
            for name, v in seen.items()]


HIT_FREE = ("govproj.core.engine", "govproj.core.rules", "govproj.core.deadlines", "govproj.packs", "yaml", "ruamel")


def tops(rows: list[tuple[str, int, int]], count: int = 10) -> list[str]:
    return [f"  {name:<34} {own / 1000:6.1f} ms（累计 {cum / 1000:5.1f} ms）"
            for name, own, cum in sorted(rows, key=lambda r: -r[1])[:count]]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=21)
    parser.add_argument("--project", default=str(EXAMPLES / "bj-gis-upgrade"),
                        help="a project, or a folder of projects (default: examples/bj-gis-upgrade)")
    opts = parser.parse_args()
    if importlib.util.find_spec("yamllint") is None:
        print("没有安装 yamllint。只为本基准测试安装：\n"
              f"  {sys.executable} -m pip install yamllint", file=sys.stderr)
        return 2
    target = Path(opts.project).resolve()
    files = sorted(str(p) for p in target.rglob("*.yaml") if "evidence" not in p.parts)
    work = Path(tempfile.mkdtemp(prefix="govproj-bench-check-"))
    try:
        env = bench_env(work)
        yamllint = [sys.executable, "-m", "yamllint", "-d", "relaxed", "-f", "parsable", *files]
        check = [sys.executable, "-m", "govproj", "check", str(target), "--format", "json"]
        uncached = check + ["--no-cache"]
        for args in (yamllint, check, uncached):  # bytecode and cache written once, outside the measurements
            timed(args, env)
        times: dict[str, list[float]] = {"yamllint": [], "check": [], "uncached": []}
        for _ in range(opts.repeat):
            times["yamllint"].append(timed(yamllint, env))
            times["check"].append(timed(check, env))
            times["uncached"].append(timed(uncached, env))
        med = {k: statistics.median(v) for k, v in times.items()}
        projects = len({Path(f).parent for f in files})
        print(f"{len(files)} 个 YAML 文件、{projects} 个项目（{target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}），"
              f"每项 {opts.repeat} 次交替运行的中位数：\n")
        print("| 命令 | 墙钟时间 | 相对 yamllint | 目标 |")
        print("|---|---|---|---|")
        print(f"| `yamllint -d relaxed` | {med['yamllint'] * 1000:.0f} ms | 1.00× | |")
        for key, label, goal in (("check", "`govproj check`（缓存命中）", 0.8), ("uncached", "`govproj check --no-cache`", 1.1)):
            ratio = med[key] / med["yamllint"]
            print(f"| {label} | {med[key] * 1000:.0f} ms | {ratio:.2f}× | ≤ {goal}×：{'达到' if ratio <= goal else '未达到'} |")

        cold = imports(env, str(target), "--no-cache")
        names = {name for name, _, _ in cold}
        heavy = [m for m in HEAVY if m in names]
        print(f"\n`check --no-cache` 导入 {len(cold)} 个模块，自身耗时合计 {sum(s for _, s, _ in cold) / 1000:.0f} ms；"
              f"重模块：{'、'.join(heavy) if heavy else '无'}。自身耗时最多的模块：")
        print("\n".join(tops(cold)))
        warm = imports(env, str(target))
        leaked = sorted(n for n, _, _ in warm if any(n == h or n.startswith(h + ".") for h in HIT_FREE))
        print(f"\n`check`（缓存命中）导入 {len(warm)} 个模块，自身耗时合计 {sum(s for _, s, _ in warm) / 1000:.0f} ms；"
              f"YAML、规则、规则包、期限、引擎：{'、'.join(leaked) if leaked else '无'}。自身耗时最多的模块：")
        print("\n".join(tops(warm)))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
