"""Benchmark: pull-request mode on a one-file change against a cold full audit.

Usage:
    python -m benchmarks.changed [REPO ...] [--synthetic 10000] [--runs 3]

Each REPO (a git work tree) is cloned into a temporary directory, so it is never changed.
"cold" is `auditor audit` with an empty cache. "first" is `auditor audit --changed-since
HEAD` after one source file was edited, with the cache the cold run left: the work tree is
audited (cache warm) and the merge base from git objects. "later" is the same after a second
edit, the merge base's audit now kept in the cache: what a CI job with a kept cache, or the
pre-commit hook between two commits on one base, pays for a one-file change. Each audit is a
fresh process, interpreter start-up included.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.run import CHILD_ENV
from benchmarks.synthetic import make_synthetic_repo

GIT = ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.com"]
EDIT = "\n\ndef added_by_the_benchmark(value: int) -> int:\n    return value + 1\n"


def timed(args: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run(args, cwd=cwd, env=CHILD_ENV, capture_output=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(args)} failed ({done.returncode}): {done.stderr[-400:]!r}")
    return seconds


def one_source_file(repo: Path) -> Path:
    """A Python (else any) tracked source file to edit: the first in git's order."""
    listed = subprocess.run([*GIT, "ls-files"], cwd=repo, capture_output=True, text=True).stdout
    paths = listed.splitlines()
    chosen = next((p for p in paths if p.endswith(".py")), None) or paths[0]
    return repo / chosen


def measure(repo: Path, runs: int) -> tuple[float, float, float]:
    """Median seconds of a cold full audit, a first and a later one-file-change audit."""
    colds, firsts, laters = [], [], []
    audit = [sys.executable, "-P", "-m", "auditor", "audit", ".", "--format", "json", "-q"]
    for _ in range(runs):
        scratch = Path(tempfile.mkdtemp(prefix="auditor-bench-change-"))
        try:
            clone, cache = scratch / "repo", scratch / "cache"
            subprocess.run([*GIT, "clone", "-q", "--no-hardlinks", str(repo), str(clone)],
                           check=True)  # fmt: skip
            colds.append(timed([*audit, "--cache-dir", str(cache)], clone))
            edited = one_source_file(clone)
            changed = [*audit, "--cache-dir", str(cache), "--changed-since", "HEAD"]
            for times in (firsts, laters):
                edited.write_text(edited.read_text(errors="replace") + EDIT)
                times.append(timed(changed, clone))
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
    return statistics.median(colds), statistics.median(firsts), statistics.median(laters)


def _git_repo(root: Path) -> Path:
    subprocess.run([*GIT, "init", "-q", "-b", "main"], cwd=root, check=True)
    subprocess.run([*GIT, "add", "-A"], cwd=root, check=True)
    subprocess.run([*GIT, "commit", "-q", "-m", "synthetic"], cwd=root, check=True)
    return root


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("repos", nargs="*", type=Path, help="git work trees to measure")
    parser.add_argument("--synthetic", default="", help="sizes of generated repos, e.g. 10000")
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (median)")
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="auditor-bench-"))
    try:
        targets = [(repo.name, repo) for repo in args.repos]
        for size in filter(None, args.synthetic.split(",")):
            made = make_synthetic_repo(scratch / size, int(size))
            targets.append((f"synthetic-{size}", _git_repo(made)))
        print(f"{'repository':<20} {'cold s':>8} {'first s':>8} {'ratio':>6} "
              f"{'later s':>8} {'ratio':>6}")  # fmt: skip
        for name, repo in targets:
            cold, first, later = measure(repo, args.runs)
            print(f"{name:<20} {cold:>8.2f} {first:>8.2f} {first / cold:>6.2f} "
                  f"{later:>8.2f} {later / cold:>6.2f}", flush=True)  # fmt: skip
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
