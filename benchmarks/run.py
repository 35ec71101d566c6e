"""Benchmark: wall time, files/s and peak memory of `auditor audit`, cold and warm cache.

Usage:
    python benchmarks/run.py [REPO ...] [--synthetic 1000,10000,50000] [--tiny 100000]
                             [--jobs N] [--runs 3] [--mcp]

Each audit runs as a separate process (`python -P -m auditor audit REPO --format json`), so the
figures include interpreter start-up, as a user sees them. "cold" starts from an empty cache
directory, "warm" reuses the cache the cold run wrote. Peak memory is the largest resident set
of the audit process and its parser workers. Synthetic repositories are generated under a
temporary directory: a mix of Python, TypeScript and Go files with tests, configs and docs.

With --mcp, each repository is also served by `auditor mcp` (benchmarks/mcp_calls.py, needs
the [mcp] extra): the first `repository_facts` call (to compare with "cold s"), the median
and slowest of the later calls, and the call after a file changed.

`--tiny N` generates the hostile suite's case of N one-line files (a thousand per directory):
its time and peak memory are measured here, never asserted by a test.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.mcp_calls import measure_mcp
from benchmarks.synthetic import make_synthetic_repo

CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
"""Audits run as after `pip install`: with compiled bytecode, not recompiling every import."""


@dataclass(frozen=True)
class Measurement:
    seconds: float
    peak_mb: float
    files: int


def audit_once(repo: Path, cache: Path, jobs: int | None) -> Measurement:
    """One audit in a child process: its wall time, and the peak RSS of it and its workers."""
    args = [sys.executable, "-P", "-m", "auditor", "audit", str(repo), "--format", "json", "-q"]
    args += ["--cache-dir", str(cache)] + (["--jobs", str(jobs)] if jobs else [])
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(args, stdout=out, stderr=err, env=CHILD_ENV)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode not in (0, 1):
            err.seek(0)
            raise SystemExit(
                f"audit of {repo} failed ({process.returncode}): {err.read()[-400:]!r}"
            )
        out.seek(0)
        languages = json.loads(out.read())["facts"]["languages"]
    files = sum(stat["files"] for stat in languages.values())
    return Measurement(seconds, usage.ru_maxrss / 1024, files)


def measure(repo: Path, runs: int, jobs: int | None) -> tuple[Measurement, Measurement]:
    """Median cold and warm measurements over `runs` runs each."""
    colds, warms = [], []
    for _ in range(runs):
        cache = Path(tempfile.mkdtemp(prefix="auditor-bench-cache-"))
        try:
            colds.append(audit_once(repo, cache, jobs))
            warms.append(audit_once(repo, cache, jobs))
        finally:
            shutil.rmtree(cache, ignore_errors=True)
    return _median(colds), _median(warms)


def _median(items: list[Measurement]) -> Measurement:
    return Measurement(
        statistics.median(m.seconds for m in items),
        max(m.peak_mb for m in items),
        items[0].files,
    )


def make_tiny_files(root: Path, count: int) -> Path:
    """`count` one-line Python files, a thousand per directory (the hostile suite's case)."""
    for index in range(count):
        folder = root / f"p{index // 1000}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"m{index}.py").write_text("x = 1\n", encoding="utf-8")
    return root


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("repos", nargs="*", type=Path, help="real repositories to audit")
    parser.add_argument("--synthetic", default="", help="sizes of generated repos, e.g. 1000,10000")
    parser.add_argument("--tiny", default="", help="counts of one-line files, e.g. 100000")
    parser.add_argument("--jobs", type=int, default=None, help="parser processes (default: CPUs)")
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (median)")
    parser.add_argument("--mcp", action="store_true", help="also time `auditor mcp` calls")
    args = parser.parse_args()
    targets = [(repo.name, repo) for repo in args.repos]
    scratch = Path(tempfile.mkdtemp(prefix="auditor-bench-"))
    try:
        for size in filter(None, args.synthetic.split(",")):
            targets.append((f"synthetic-{size}", make_synthetic_repo(scratch / size, int(size))))
        for count in filter(None, args.tiny.split(",")):
            targets.append((f"tiny-{count}", make_tiny_files(scratch / f"tiny{count}", int(count))))
        print(
            f"{'repository':<20} {'source files':>12} {'cold s':>8} {'warm s':>8} "
            f"{'files/s cold':>13} {'peak MB':>8}"
        )
        for name, repo in targets:
            runs = (
                1
                if name.startswith(("synthetic-", "tiny-")) and int(name.split("-")[1]) > 10000
                else args.runs
            )
            cold, warm = measure(repo, runs, args.jobs)
            print(
                f"{name:<20} {cold.files:>12} {cold.seconds:>8.2f} {warm.seconds:>8.2f} "
                f"{cold.files / cold.seconds:>13.0f} {max(cold.peak_mb, warm.peak_mb):>8.0f}",
                flush=True,
            )
            if args.mcp:
                served = measure_mcp(repo, args.jobs)
                print(
                    f"{'  mcp':<20} repository_facts: first {served.first_s:.2f} s, "
                    f"later {served.later_ms:.1f} ms (max {served.later_max_ms:.1f} ms), "
                    f"after a change {served.refresh_s:.2f} s",
                    flush=True,
                )
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
