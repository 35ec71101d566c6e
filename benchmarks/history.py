"""Benchmark: `auditor history` over the last N commits against one warm `auditor audit`.

Usage:
    python -m benchmarks.history REPO [--commits 50] [--jobs 1] [--runs 3]

REPO is a git work tree (a clone: `git clone URL`). Every command runs as its own process,
as a user runs it. The warm audit reuses a cache the first audit filled; history runs on a
fresh database, once with that warm cache and once with an empty one (cold), so the figure
shows what the content-hash cache saves across commits. The multiple is history's wall time
over one warm audit's: how many warm audits the whole history costs.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.run import CHILD_ENV


def timed(args: list[str]) -> float:
    """Wall seconds of one auditor command in a child process (exit 0 or 1 expected)."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-P", "-m", "auditor", *args], capture_output=True, env=CHILD_ENV
    )
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"auditor {' '.join(args)} failed: {done.stderr[-400:]!r}")
    return seconds


def measure(repo: Path, commits: int, jobs: int, runs: int) -> dict[str, float]:
    audits, warm_histories, cold_histories = [], [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="auditor-history-bench-") as scratch:
            cache, cold = Path(scratch) / "cache", Path(scratch) / "cold"
            audit = ["audit", str(repo), "--format", "json", "-q", "--cache-dir", str(cache)]
            timed(audit)  # fills the cache
            audits.append(timed(audit))
            history = ["history", str(repo), "--commits", str(commits), "-q", "--jobs", str(jobs)]
            history += ["--format", "json"]
            db = Path(scratch) / "warm.sqlite3"
            warm_histories.append(timed([*history, "--db", str(db), "--cache-dir", str(cache)]))
            db = Path(scratch) / "cold.sqlite3"
            cold_histories.append(timed([*history, "--db", str(db), "--cache-dir", str(cold)]))
    audit_s = statistics.median(audits)
    warm_s, cold_s = statistics.median(warm_histories), statistics.median(cold_histories)
    return {
        "warm_audit_s": audit_s,
        "history_warm_cache_s": warm_s,
        "history_cold_cache_s": cold_s,
        "multiple_warm": warm_s / audit_s,
        "multiple_cold": cold_s / audit_s,
        "per_commit_s": warm_s / commits,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("repo", type=Path)
    parser.add_argument("--commits", type=int, default=50)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    figures = measure(options.repo, options.commits, options.jobs, options.runs)
    print(f"{options.repo.name}: history of {options.commits} commits, --jobs {options.jobs}")
    print(f"  one warm audit:            {figures['warm_audit_s']:7.2f} s")
    print(
        f"  history, warm cache:       {figures['history_warm_cache_s']:7.2f} s "
        f"({figures['multiple_warm']:.1f}x one warm audit, "
        f"{figures['per_commit_s']:.2f} s a commit)"
    )
    print(
        f"  history, empty cache:      {figures['history_cold_cache_s']:7.2f} s "
        f"({figures['multiple_cold']:.1f}x)"
    )


if __name__ == "__main__":
    main()
