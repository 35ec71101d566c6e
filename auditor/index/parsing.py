"""Parsing many files: in this process for small batches, over a process pool for large ones."""

from __future__ import annotations

import multiprocessing
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
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


class ParseQueue:
    """Parses jobs as they arrive: in this process for small repositories, else over a pool.

    The pool starts once enough work has queued up to pay for it; from then on jobs go to the
    workers in batches while the caller keeps reading files, and at most a few batches per
    worker are held in memory. `add` and `finish` yield each job with its outcome.
    """

    def __init__(self, workers: int = 1, progress: Callable[[str, int, int], None] | None = None):
        self._workers = workers
        self._progress = progress
        self._waiting: list[ParseJob] = []
        self._waiting_bytes = 0
        self._pool: ProcessPoolExecutor | None = None
        self._in_flight: deque[tuple[list[ParseJob], Future[list[Outcome]]]] = deque()
        self._queued = 0
        self._done = 0

    def add(self, job: ParseJob) -> Iterator[tuple[ParseJob, Outcome]]:
        self._waiting.append(job)
        self._waiting_bytes += len(job.data)
        self._queued += 1
        if (
            self._pool is None
            and self._workers > 1
            and (len(self._waiting) >= POOL_MIN_FILES or self._waiting_bytes >= POOL_MIN_BYTES)
        ):
            method = "fork" if sys.platform == "linux" else None
            context = multiprocessing.get_context(method)
            self._pool = ProcessPoolExecutor(max_workers=self._workers, mp_context=context)
        if self._pool is not None and self._waiting_bytes >= BATCH_BYTES:
            yield from self._submit()
        while self._in_flight and self._in_flight[0][1].done():
            yield from self._collect()

    def finish(self) -> Iterator[tuple[ParseJob, Outcome]]:
        if self._pool is None:
            for job in self._waiting:
                yield from self._count([(job, _parse_one(job))])
            self._waiting = []
            return
        try:
            if self._waiting:
                yield from self._submit()
            while self._in_flight:
                yield from self._collect()
        finally:
            self._pool.shutdown()

    def _submit(self) -> Iterator[tuple[ParseJob, Outcome]]:
        """Send the waiting jobs to the pool in batches of about BATCH_BYTES."""
        assert self._pool is not None
        batch: list[ParseJob] = []
        size = 0
        for job in self._waiting:
            batch.append(job)
            size += len(job.data)
            if size >= BATCH_BYTES or job is self._waiting[-1]:
                self._in_flight.append((batch, self._pool.submit(_parse_batch, batch)))
                batch, size = [], 0
                while len(self._in_flight) > self._workers * IN_FLIGHT_PER_WORKER:
                    yield from self._collect()
        self._waiting, self._waiting_bytes = [], 0

    def _collect(self) -> Iterator[tuple[ParseJob, Outcome]]:
        batch, future = self._in_flight.popleft()
        try:
            outcomes = future.result()
        except BrokenProcessPool:
            outcomes = [_parse_one(job) for job in batch]  # a worker died: parse here instead
        yield from self._count(zip(batch, outcomes, strict=True))

    def _count(
        self, results: Iterable[tuple[ParseJob, Outcome]]
    ) -> Iterator[tuple[ParseJob, Outcome]]:
        for result in results:
            self._done += 1
            if self._progress is not None and (self._done % 100 == 0 or self._done == self._queued):
                self._progress("parsing", self._done, self._queued)
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
