"""The repository an MCP server serves: read once, read again only when its files change."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable, Sequence
from pathlib import Path
from typing import Any

from auditor import api, registry
from auditor.config import load_config
from auditor.engine import SelectedRule
from auditor.facts.subject import Subject
from auditor.index.freshness import Stamp, Stamper
from auditor.model import Report


class Workspace:
    """One repository, prepared (discovered, indexed, facts derived) on first use and kept.

    Every call first takes the index's stamp (`index.freshness`: one `lstat` per indexed
    file and directory); when it differs, the repository is prepared again, its config
    re-read, and the content-hash caches under `cache_dir` keep that to the files that
    changed. Reports are judged on demand, once per selection, from the prepared index.
    Tools run in worker threads: one re-entrant lock serialises them.
    """

    def __init__(self, root: Path, cache_dir: Path | None, jobs: int | None = None) -> None:
        self.root = api.check_root(root)
        self.cache_dir = cache_dir
        self.jobs = jobs
        self.preparations = 0
        """How many times the repository was read (the first time, then once per change)."""
        self._lock = threading.RLock()
        self._prepared: api.Prepared | None = None
        self._stamp: Stamp | None = None
        self._stamper: Stamper | None = None
        self._reports: dict[tuple[str, ...], Report] = {}
        self._answers: dict[Hashable, Any] = {}

    def current(self) -> api.Prepared:
        """The prepared repository, as its files are now."""
        with self._lock:
            return self._current()

    def _current(self) -> api.Prepared:
        if self._stamper is not None and self._stamper.take() == self._stamp:
            assert self._prepared is not None
            return self._prepared
        started = time.time_ns()
        config = load_config(self.root, None)
        prepared = api.prepare(self.root, config, cache_dir=self.cache_dir, jobs=self.jobs)
        stamper = Stamper(prepared.index)
        now, finished = stamper.take(), time.time_ns()
        changed_while_read = any(s is not None and started <= s[1] <= finished for s in now)
        self._prepared, self._stamper, self._reports, self._answers = prepared, stamper, {}, {}
        self._stamp = None if changed_while_read else now  # then read it again next time
        self.preparations += 1
        return prepared

    def top(self) -> tuple[Subject, str]:
        """The whole repository's subject and the served directory in it ("" for its top)."""
        subject = self.current().subject
        if subject.parent is None:
            return subject, ""
        return subject.parent, subject.directory

    def answer(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        """`compute()`, once per preparation: a tool's answer for the files as they are now
        (the plan behind repository_facts costs more than the stamp that guards it)."""
        with self._lock:
            self._current()
            if key not in self._answers:
                self._answers[key] = compute()
            return self._answers[key]

    def report(self, select: Sequence[str] = ()) -> Report:
        """The audit of the repository as it is now, by the configured rules narrowed to
        `select` (ids, id prefixes or categories, as `--select` takes them)."""
        with self._lock:
            prepared = self._current()
            key = tuple(select)
            if key not in self._reports:
                self._reports[key] = api.judge(prepared, _narrowed(prepared.selected, key))
            return self._reports[key]


def _narrowed(selected: Sequence[SelectedRule], select: Sequence[str]) -> tuple[SelectedRule, ...]:
    """The rules of `selected` that `select` names (all of them when it names none)."""
    if not select:
        return tuple(selected)
    kept = {rule.id for rule in registry.select([s.rule for s in selected], select, ())}
    return tuple(s for s in selected if s.rule.id in kept)
