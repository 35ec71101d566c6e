"""Parsing many files: in this process for small batches, over a process pool for large ones."""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass

from auditor.index.records import FileSyntax
from auditor.index.syntax import parse_syntax
from auditor.model import Diagnostic

POOL_MIN_FILES = 300
POOL_MIN_BYTES = 4 * 1024 * 1024
"""Below both, starting a pool costs more than it saves (measured on flask: 83 files)."""
BATCH_BYTES = 512 * 1024
IN_FLIGHT_PER_WORKER = 4
"""Batches queued per worker: bounds the bytes held in memory while parsing."""

Outcome = FileSyntax | Diagnostic


@dataclass(frozen=True, slots=True)
class ParseJob:
    path: str
    language: str
    digest: str
    data: bytes


def parse_all(
    work: list[ParseJob],
    *,
    jobs: int = 1,
    progress: Callable[[str, int, int], None] | None = None,
) -> Iterator[tuple[ParseJob, Outcome]]:
    """Parse every job, yielding each with its summary or the diagnostic that replaced it."""
    total = len(work)
    size = sum(len(job.data) for job in work)
    if jobs > 1 and (total >= POOL_MIN_FILES or size >= POOL_MIN_BYTES):
        results = _in_pool(work, jobs)
    else:
        results = ((job, _parse_one(job)) for job in work)
    for done, result in enumerate(results, 1):
        if progress is not None and (done % 100 == 0 or done == total):
            progress("parsing", done, total)
        yield result


def _parse_one(job: ParseJob) -> Outcome:
    try:
        return parse_syntax(job.language, job.data, job.path)
    except RecursionError:
        return Diagnostic(job.path, "parse-error", "nested too deeply to parse")
    except Exception as error:
        return Diagnostic(
            job.path, "parse-error", f"parser failed: {type(error).__name__}: {error}"
        )


def _parse_batch(batch: list[ParseJob]) -> list[Outcome]:
    return [_parse_one(job) for job in batch]


def _batches(work: list[ParseJob]) -> Iterator[list[ParseJob]]:
    batch: list[ParseJob] = []
    size = 0
    for job in work:
        batch.append(job)
        size += len(job.data)
        if size >= BATCH_BYTES:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _in_pool(work: list[ParseJob], jobs: int) -> Iterator[tuple[ParseJob, Outcome]]:
    method = "fork" if sys.platform == "linux" else None
    context = multiprocessing.get_context(method)
    pending: list[tuple[list[ParseJob], Future[list[Outcome]]]] = []
    batches = _batches(work)
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        for batch in batches:
            pending.append((batch, pool.submit(_parse_batch, batch)))
            if len(pending) >= jobs * IN_FLIGHT_PER_WORKER:
                yield from _collect(pending.pop(0))
        while pending:
            yield from _collect(pending.pop(0))


def _collect(
    item: tuple[list[ParseJob], Future[list[Outcome]]],
) -> Iterator[tuple[ParseJob, Outcome]]:
    batch, future = item
    yield from zip(batch, future.result(), strict=True)
