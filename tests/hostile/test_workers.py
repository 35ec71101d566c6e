"""Worker counts from flags or the repository's config are bounded; a failed start is serial."""

from __future__ import annotations

import errno
import multiprocessing
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from auditor.index import parsing
from auditor.index.parsing import MAX_WORKERS, ParseJob, ParseQueue, worker_count
from tests.hostile.conftest import Outcome

SOURCE = "".join(f"def f{n}(x):\n    return x + {n}\n" for n in range(40))
MANY = {f"pkg/m{n}.py": SOURCE for n in range(parsing.POOL_MIN_FILES + 20)}
"""Enough Python files for the parser pool to start."""


def usable_cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


@pytest.mark.parametrize("asked", [None, 1, 2, 64, 256, 100_000])
def test_worker_count_never_exceeds_the_usable_cpus(asked: int | None) -> None:
    count = worker_count(asked)
    assert 1 <= count <= min(usable_cpus(), MAX_WORKERS)
    assert count == min(asked or usable_cpus(), usable_cpus(), MAX_WORKERS)


@pytest.fixture
def pool_sizes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The worker count of every parser pool started, recorded."""
    sizes: list[int] = []
    real = parsing.ProcessPoolExecutor

    def recording(max_workers: int, **kwargs: object) -> parsing.ProcessPoolExecutor:
        sizes.append(max_workers)
        return real(max_workers=max_workers, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(parsing, "ProcessPoolExecutor", recording)
    return sizes


@pytest.mark.slow
@pytest.mark.parametrize(
    ("config", "flag"),
    [("", "256"), ("jobs = 64\n", None), ("jobs = 100000\n", None), ("jobs = 100000\n", "2")],
    ids=["flag-256", "config-64", "config-100000", "flag-over-config"],
)
def test_the_pool_is_never_larger_than_the_cpus(
    config: str,
    flag: str | None,
    make_repo: Callable[..., Path],
    audit: Callable[..., Outcome],
    pool_sizes: list[int],
) -> None:
    root = make_repo({**MANY, ".auditor.toml": config})
    outcome = audit(root, "--select", "NAV", *(["--jobs", flag] if flag else []))
    assert outcome.report["facts"]["languages"]["python"]["files"] == len(MANY)
    limit = min(usable_cpus(), int(flag) if flag else usable_cpus())
    assert all(size <= limit for size in pool_sizes)


def test_a_worker_that_cannot_start_means_serial_parsing_with_a_diagnostic(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The second fork fails as under a process limit (EAGAIN): the one started worker is
    stopped, every job is parsed here, once, and no child process is left behind."""
    real_fork, forks = os.fork, []

    def failing_fork() -> int:
        forks.append(1)
        if len(forks) > 1:
            raise BlockingIOError(errno.EAGAIN, "Resource temporarily unavailable")
        return real_fork()

    monkeypatch.setattr(os, "fork", failing_fork)
    queue = ParseQueue(4)
    jobs = [ParseJob(path, "python", f"digest{n}", SOURCE.encode()) for n, path in enumerate(MANY)]
    done = [result for job in jobs for result in queue.add(job)]
    done += list(queue.finish())
    monkeypatch.setattr(os, "fork", real_fork)
    assert sorted(job.path for job, _ in done) == sorted(MANY)
    assert all(not hasattr(outcome, "kind") for _, outcome in done)  # parsed, not diagnostics
    assert [(d.kind, d.message) for d in queue.diagnostics] == [
        (
            "workers",
            "could not start 4 parser processes (Resource temporarily unavailable): parsed here",
        )
    ]
    assert multiprocessing.active_children() == []
