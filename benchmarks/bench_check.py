"""`govproj check` on the bundled examples against `yamllint` on the same YAML files, in one run; and what `check`
imports (it runs as a pre-commit hook: git, docx, jinja2 must stay out of its path).

yamllint is not a dependency of govproj. Install it into the same environment for this benchmark only:

    pip install yamllint
    python benchmarks/bench_check.py            # 15 alternating runs of each
    python benchmarks/bench_check.py --repeat 30

The target (issue 3) is a wall time of at most 0.6 × yamllint's. Both run as separate processes from the same
interpreter, alternately, so that a busy machine slows both alike; the median is reported. Bytecode may be written
for the runs (PYTHONPYCACHEPREFIX points into a temporary folder), as in an installed environment. Not a test.
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


def imports(env: dict[str, str], *args: str) -> list[tuple[str, int, int]]:
    """(module, self µs, cumulative µs) of every module `govproj check` imports, from `python -X importtime`."""
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "govproj", "check", *args], env=env,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    rows = []
    for line in done.stderr.splitlines():
        match = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|(\s*)(\S+)", line)
        if match:
            rows.append((match.group(4), int(match.group(1)), int(match.group(2))))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--example", help="one folder of examples/ (e.g. bj-gis-upgrade) instead of all of them")
    parser.add_argument("--relaxed", action="store_true", help="yamllint -d relaxed instead of its default rules")
    opts = parser.parse_args()
    if importlib.util.find_spec("yamllint") is None:
        print("没有安装 yamllint。只为本基准测试安装：\n"
              f"  {sys.executable} -m pip install yamllint", file=sys.stderr)
        return 2
    target = EXAMPLES / opts.example if opts.example else EXAMPLES
    files = sorted(str(p) for p in target.rglob("*.yaml"))
    work = Path(tempfile.mkdtemp(prefix="govproj-bench-check-"))
    try:
        env = bench_env(work)
        yamllint = [sys.executable, "-m", "yamllint", "-f", "parsable", *(["-d", "relaxed"] if opts.relaxed else []),
                    *files]
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
        print(f"{len(files)} 个 YAML 文件、{projects} 个项目（{target.relative_to(ROOT)}/），"
              f"每项 {opts.repeat} 次交替运行的中位数：\n")
        print("| 命令 | 墙钟时间 | 相对 yamllint |")
        print("|---|---|---|")
        print(f"| yamllint（{'-d relaxed' if opts.relaxed else '默认规则'}） | {med['yamllint'] * 1000:.0f} ms | 1.00× |")
        print(f"| govproj check（缓存命中） | {med['check'] * 1000:.0f} ms | {med['check'] / med['yamllint']:.2f}× |")
        print(f"| govproj check --no-cache | {med['uncached'] * 1000:.0f} ms | "
              f"{med['uncached'] / med['yamllint']:.2f}× |")
        if opts.example:  # issue 10: one project, cold, against yamllint -d relaxed
            print(f"\n目标（一个项目，冷）≤ 1.10×：{'达到' if med['uncached'] <= 1.1 * med['yamllint'] else '未达到'}")
        else:
            print(f"\n目标 ≤ 0.60×：{'达到' if max(med['check'], med['uncached']) <= 0.6 * med['yamllint'] else '未达到'}")

        rows = imports(env, str(target), "--no-cache")
        names = {name for name, _, _ in rows}
        heavy = [m for m in HEAVY if m in names]
        print(f"\n`check --no-cache` 导入 {len(rows)} 个模块，导入总耗时 "
              f"{sum(s for _, s, _ in rows) / 1000:.0f} ms；重模块：{'、'.join(heavy) if heavy else '无'}")
        print("自身耗时最多的 govproj 模块：")
        for name, own, _ in sorted((r for r in rows if r[0].startswith("govproj")), key=lambda r: -r[1])[:8]:
            print(f"  {name:<32} {own / 1000:6.1f} ms")
        yaml = [r for r in rows if "yaml" in r[0].lower() and not r[0].startswith("govproj")]
        print(f"YAML 库的模块 {len(yaml)} 个，自身耗时合计 {sum(s for _, s, _ in yaml) / 1000:.1f} ms；最多的：")
        for name, own, _ in sorted(yaml, key=lambda r: -r[1])[:8]:
            print(f"  {name:<32} {own / 1000:6.1f} ms")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
