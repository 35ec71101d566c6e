"""Duplicated code: blocks of significant lines that appear in more than one place."""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from auditor.index.records import FileSyntax, SourceFile
from auditor.index.syntax.fingerprints import SAMPLE, WINDOW

MAX_GAP = WINDOW + 3 * SAMPLE
"""Kept windows further apart than this are not joined into one repeated block."""
COPIED_DIRECTORIES = frozenset({"examples", "example", "samples", "sample", "playground"})
"""Examples, samples, playgrounds and templates (`template-react/`) are meant to be copied
whole: repetition there is the point, so they are not compared."""
MAX_CLONES = 50
"""Clones kept for the report, largest first; the share counts every one of them."""


@dataclass(frozen=True, slots=True)
class Clone:
    """A block of code (`path`, lines `line`-`end_line`) that repeats one seen earlier."""

    path: str
    line: int
    end_line: int
    original_path: str
    original_line: int
    original_end_line: int
    significant_lines: int
    """Significant lines (not blank, comment, import or punctuation) the block repeats."""


@dataclass(frozen=True, slots=True)
class Duplication:
    """How much of the hand-written, non-test source repeats itself."""

    code_lines: int
    """Significant lines of the files compared (parsed, non-test, non-generated source)."""
    duplicated_lines: int
    """Significant lines inside a window of WINDOW lines that occurs more than once."""
    clones: tuple[Clone, ...]
    """The largest repeated blocks, at most MAX_CLONES, each pointing at its first occurrence."""

    @property
    def share(self) -> float:
        return self.duplicated_lines / self.code_lines if self.code_lines else 0.0


@dataclass(frozen=True, slots=True, eq=False)
class _Windows:
    path: str
    hashes: array[int]
    places: array[int]
    """(window index, first line, last line) per kept window, flattened."""
    code_lines: int

    def index(self, at: int) -> int:
        return self.places[3 * at]

    def first_line(self, at: int) -> int:
        return self.places[3 * at + 1]

    def last_line(self, at: int) -> int:
        return self.places[3 * at + 2]


def find_duplication(files: Iterable[tuple[SourceFile, FileSyntax]]) -> Duplication:
    """Compare the clone windows of `files` (in path order) and measure what repeats."""
    compared = [_windows(record, syntax) for record, syntax in files if _compared(record, syntax)]
    repeated = _repeated(compared)
    first: dict[int, tuple[_Windows, int]] = {}
    clones: list[Clone] = []
    duplicated = 0
    for windows in compared:
        if repeated.isdisjoint(windows.hashes):
            continue
        runs = _runs(windows, [value in repeated for value in windows.hashes])
        duplicated += sum(windows.index(end) - windows.index(start) + WINDOW for start, end in runs)
        clones += _clones(windows, runs, first)
    clones.sort(key=lambda c: (-c.significant_lines, c.path, c.line))
    code_lines = sum(windows.code_lines for windows in compared)
    return Duplication(code_lines, duplicated, tuple(clones[:MAX_CLONES]))


def _repeated(compared: list[_Windows]) -> set[int]:
    """Window hashes seen more than once, within a file or across files.

    One array of every hash, counted in C: per-file sets cost twice as much on sympy.
    """
    every = array("q")
    for windows in compared:
        every.extend(windows.hashes)
    return {value for value, count in Counter(every).items() if count > 1}


def _compared(record: SourceFile, syntax: FileSyntax) -> bool:
    if not record.is_source or record.is_test or not syntax.code_lines:
        return False
    directories = record.path.lower().split("/")[:-1]
    return not any(d in COPIED_DIRECTORIES or d.startswith("template") for d in directories)


def _windows(record: SourceFile, syntax: FileSyntax) -> _Windows:
    hashes, places = array("q"), array("I")
    hashes.frombytes(syntax.clone_windows)
    places.frombytes(syntax.clone_places)
    return _Windows(record.path, hashes, places, syntax.code_lines)


def _runs(windows: _Windows, flags: list[bool]) -> list[tuple[int, int]]:
    """Runs of consecutive repeated kept windows, as (first, last) positions.

    The windows between two kept ones were sampled out, not missing: when both kept windows
    repeat and lie at most MAX_GAP windows apart, the lines between them count as repeated.
    """
    runs: list[tuple[int, int]] = []
    for at, flag in enumerate(flags):
        if not flag:
            continue
        if runs and runs[-1][1] == at - 1 and windows.index(at) <= windows.index(at - 1) + MAX_GAP:
            runs[-1] = (runs[-1][0], at)
        else:
            runs.append((at, at))
    return runs


def _clones(
    windows: _Windows, runs: list[tuple[int, int]], first: dict[int, tuple[_Windows, int]]
) -> list[Clone]:
    """Record where each window first occurs; a run that starts at an earlier copy is a clone."""
    found: list[Clone] = []
    for start, end in runs:
        seen = first.get(windows.hashes[start])
        for at in range(start, end + 1):
            first.setdefault(windows.hashes[at], (windows, at))
        if seen is None:
            continue
        original, at = seen
        last = min(at + end - start, len(original.hashes) - 1)
        found.append(
            Clone(
                path=windows.path,
                line=windows.first_line(start),
                end_line=windows.last_line(end),
                original_path=original.path,
                original_line=original.first_line(at),
                original_end_line=original.last_line(last),
                significant_lines=windows.index(end) - windows.index(start) + WINDOW,
            )
        )
    return found
