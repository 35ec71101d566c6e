"""Fact detectors' answers kept for the next index of the same repository (`read_log.reusing`).

A detector is a function of the files it reads and of the earlier facts it is given: when
another index (the next commit's) answers its reads the same (`read_log.Reads.hold`) and
the earlier facts are equal, its answer is the one it gave, and so are the diagnostics it
left on the sources. Only the last answer per detector and index is kept.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from auditor.facts.sources import FactSources
from auditor.index.read_log import Reads, recording, tag_of
from auditor.model import Diagnostic


@dataclass(frozen=True, slots=True)
class Kept:
    """One detector's answer, what it was given and read, and what it said of the files."""

    given: tuple[Any, ...]
    reads: Reads
    value: Any
    said: tuple[tuple[str, Diagnostic], ...]


_KEPT: dict[tuple[str, object, str], Kept] = {}


def reused(src: FactSources, fact: str, detector: Callable[..., Any], args: tuple[Any, ...]) -> Any:
    """`detector(*args)`, or the answer it gave on an index that read the same and was given
    equal earlier facts (`args` but the sources and the index themselves)."""
    index: Any = src.repo
    given = tuple(a for a in args if a is not src and a is not index)
    key = (str(index.root), tag_of(index), fact)
    kept = _KEPT.get(key)
    if kept is not None and kept.given == given and kept.reads.hold(index):
        for path, diagnostic in kept.said:
            src.restate(path, diagnostic)
        return kept.value
    before = src.stated()
    with recording() as log:
        value = detector(*args)
    said = tuple((p, d) for p, d in src.stated().items() if before.get(p) != d)
    _KEPT[key] = Kept(given, Reads.of(log, index), value, said)
    return value
