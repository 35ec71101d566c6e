"""Progress on long runs: a rich bar on an interactive stderr, nothing otherwise."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from auditor.index.build import Progress

STAGES = {
    "reading": "Reading files",
    "parsing": "Parsing sources",
    "auditing": "Auditing repositories",
    "history": "Auditing commits",
}


def interactive() -> bool:
    """Whether stderr is a terminal a person watches (never in CI)."""
    return sys.stderr.isatty() and not os.environ.get("CI")


@contextmanager
def progress_bar(enabled: bool) -> Iterator[Progress | None]:
    """A progress callback drawing a transient bar on stderr, or None when not enabled."""
    if not enabled:
        yield None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        TaskID,
        TextColumn,
        TimeElapsedColumn,
    )
    from rich.progress import Progress as RichProgress

    bar = RichProgress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    tasks: dict[str, TaskID] = {}

    def update(stage: str, done: int, total: int) -> None:
        if stage not in tasks:
            tasks[stage] = bar.add_task(STAGES.get(stage, stage), total=total)
        bar.update(tasks[stage], completed=done, total=total)

    with bar:
        yield update
