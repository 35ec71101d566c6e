"""The AGENTS.md block `auditor agents-md` manages: its markers, finding and replacing it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.index.line_offsets import line_at

BEGIN = "<!-- auditor:begin -->"
END = "<!-- auditor:end -->"
BEGIN_LINE = re.compile(r"^[ \t]*<!--\s*auditor:begin\b[^>]*-->[ \t]*$", re.MULTILINE)
END_LINE = re.compile(r"^[ \t]*<!--\s*auditor:end\b[^>]*-->[ \t]*$", re.MULTILINE)
HEADING = re.compile(r"^(?:#{1,6}[ \t].*|#{1,6})$|^[^\n]+\n(?:=+|-+)[ \t]*$", re.MULTILINE)
"""A Markdown heading: ATX (`# Title`) or setext (a line underlined with `===` or `---`)."""
FENCE = re.compile(r"^ {0,3}(`{3,}+|~{3,}+)(.*)")


@dataclass(frozen=True, slots=True)
class ManagedBlock:
    """Where the managed block sits in a text: character offsets and 1-based lines."""

    start: int
    """Offset of the begin marker's line."""
    end: int
    """Offset just after the end marker (its newline not included)."""
    first_line: int
    last_line: int
    body: str
    """The lines between the markers, as written."""


def find_block(text: str) -> ManagedBlock | None:
    """The first complete managed block of `text`, or None (no markers, or no end marker).

    Markers inside fenced code blocks are examples, not markers: a hand-written AGENTS.md
    that shows the block in a fence keeps every line of its own.
    """
    fences = fenced_ranges(text)
    begin = _first(BEGIN_LINE, text, 0, fences)
    if begin is None:
        return None
    end = _first(END_LINE, text, begin.end(), fences)
    if end is None:
        return None
    body = text[begin.end() : end.start()].removeprefix("\n")
    return ManagedBlock(
        start=begin.start(),
        end=end.end(),
        first_line=line_at(text, begin.start()),
        last_line=line_at(text, end.start()),
        body=body,
    )


def begin_offset(text: str) -> int | None:
    """Where the first begin marker outside code blocks starts (complete or not), or None."""
    begin = _first(BEGIN_LINE, text, 0, fenced_ranges(text))
    return begin.start() if begin is not None else None


def has_markers(text: str) -> bool:
    """Whether `text` holds a begin marker (complete or not): the file is managed."""
    return begin_offset(text) is not None


def fenced_ranges(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) offsets of the fenced code blocks of `text`, fence lines included.

    CommonMark's rule: a fence of three or more backticks or tildes, indented at most three
    spaces, closed by a fence of the same character at least as long with nothing after it;
    an unclosed fence runs to the end of the text.
    """
    ranges: list[tuple[int, int]] = []
    opened: tuple[int, str] | None = None
    offset = 0
    for line in text.splitlines(keepends=True):
        fence = FENCE.match(line)
        if opened is None and fence and not (fence[1][0] == "`" and "`" in fence[2]):
            opened = (offset, fence[1])
        elif opened and fence and fence[1].startswith(opened[1]) and not fence[2].strip():
            ranges.append((opened[0], offset + len(line)))
            opened = None
        offset += len(line)
    if opened is not None:
        ranges.append((opened[0], len(text)))
    return tuple(ranges)


def _first(
    marker: re.Pattern[str], text: str, start: int, fences: tuple[tuple[int, int], ...]
) -> re.Match[str] | None:
    """The first match of `marker` from `start` that lies outside every fenced range."""
    return next(
        (
            match
            for match in marker.finditer(text, start)
            if not any(low <= match.start() < high for low, high in fences)
        ),
        None,
    )


def wrap(body: str) -> str:
    """`body` between the markers, one per line, without a trailing newline."""
    return f"{BEGIN}\n{body.rstrip()}\n{END}"


def replace_block(text: str, block: str) -> str:
    """`text` with its managed block replaced by `block` (markers included), or inserted.

    Every character outside the old block is kept. Without markers the block goes after the
    first heading (or at the top when there is none), set off by blank lines.
    """
    found = find_block(text)
    if found is not None:
        return text[: found.start] + block + text[found.end :]
    return _insert(text, block)


def _insert(text: str, block: str) -> str:
    heading = _first_heading(text)
    if heading is None:
        return block + "\n\n" + text if text.strip() else block + "\n"
    cut = heading.end()
    before, after = text[:cut], text[cut:]
    rest = after.lstrip("\n")
    return before + "\n\n" + block + ("\n\n" + rest if rest else "\n")


def _first_heading(text: str) -> re.Match[str] | None:
    """The first heading outside fenced code blocks."""
    return _first(HEADING, text, 0, fenced_ranges(text))
