"""Parsing many files: in this process for small batches, over a process pool for large ones."""

from __future__ import annotations

import multiprocessing
import os
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

MAX_WORKERS = 32
"""Never more parser processes than this, whatever is asked: past it they wait on the reader."""

Outcome = FileSyntax | Diagnostic


def worker_count(asked: int | None = None) -> int:
    """Parser processes for a run: `asked` (a flag or the config), by default one per CPU this
    process may use, and never more than those CPUs or MAX_WORKERS. A repository's own config
    can so lower the count but never raise it above what the user's machine gives by default."""
    try:
        usable = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        usable = os.cpu_count() or 1
    return max(1, min(asked or usable, usable, MAX_WORKERS))


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
        self._children_before: set[int | None] = set()
        self._in_flight: deque[tuple[list[ParseJob], Future[list[Outcome]]]] = deque()
        self._queued = 0
        self._done = 0
        self.diagnostics: list[Diagnostic] = []
        """Why the work was done in this process when workers were asked for."""

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
            self._children_before = {p.pid for p in multiprocessing.active_children()}
            self._pool = ProcessPoolExecutor(max_workers=self._workers, mp_context=context)
        if self._pool is not None and self._waiting_bytes >= BATCH_BYTES:
            yield from self._submit()
        while self._in_flight and self._in_flight[0][1].done():
            yield from self._collect()

    def finish(self) -> Iterator[tuple[ParseJob, Outcome]]:
        if self._pool is not None:
            try:
                if self._waiting:
                    yield from self._submit()
                while self._in_flight:
                    yield from self._collect()
            finally:
                if self._pool is not None:  # None once its workers could not start
                    self._pool.shutdown()
        for job in self._waiting:  # no pool, or one that could not start
            yield from self._count([(job, _parse_one(job))])
        self._waiting = []

    def _submit(self) -> Iterator[tuple[ParseJob, Outcome]]:
        """Send the waiting jobs to the pool in batches of about BATCH_BYTES."""
        assert self._pool is not None
        first, size = 0, 0
        for at, job in enumerate(self._waiting):
            size += len(job.data)
            if size >= BATCH_BYTES or at == len(self._waiting) - 1:
                batch = self._waiting[first : at + 1]
                try:
                    future = self._pool.submit(_parse_batch, batch)
                except OSError as error:  # a worker could not start: a process limit, no memory
                    self._abandon_pool(error, self._waiting[first:])
                    return
                self._in_flight.append((batch, future))
                first, size = at + 1, 0
                while len(self._in_flight) > self._workers * IN_FLIGHT_PER_WORKER:
                    yield from self._collect()
        self._waiting, self._waiting_bytes = [], 0

    def _abandon_pool(self, error: OSError, unsent: list[ParseJob]) -> None:
        """Stop the workers that did start and parse everything in this process from now on:
        the jobs sent to them and those not sent yet wait for `finish`."""
        assert self._pool is not None
        for process in multiprocessing.active_children():
            if process.pid not in self._children_before:
                process.terminate()
                process.join()
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = None
        self._waiting = [*(job for batch, _ in self._in_flight for job in batch), *unsent]
        self._waiting_bytes = sum(len(job.data) for job in self._waiting)
        self._in_flight.clear()
        reason = error.strerror or type(error).__name__
        message = f"could not start {self._workers} parser processes ({reason}): parsed here"
        self.diagnostics.append(Diagnostic("", "workers", message))
        self._workers = 1

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
