"""The AGENTS.md block `auditor agents-md` manages: its markers, finding and replacing it."""

from __future__ import annotations

import re
from dataclasses import dataclass

BEGIN = "<!-- auditor:begin -->"
END = "<!-- auditor:end -->"
BEGIN_LINE = re.compile(r"^[ \t]*<!--\s*auditor:begin\b[^>]*-->[ \t]*$", re.MULTILINE)
END_LINE = re.compile(r"^[ \t]*<!--\s*auditor:end\b[^>]*-->[ \t]*$", re.MULTILINE)
HEADING = re.compile(r"^(?:#{1,6}[ \t].*|#{1,6})$|^[^\n]+\n(?:=+|-+)[ \t]*$", re.MULTILINE)
"""A Markdown heading: ATX (`# Title`) or setext (a line underlined with `===` or `---`)."""
FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})", re.MULTILINE)


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
    """The first complete managed block of `text`, or None (no markers, or no end marker)."""
    begin = BEGIN_LINE.search(text)
    if begin is None:
        return None
    end = END_LINE.search(text, begin.end())
    if end is None:
        return None
    body = text[begin.end() : end.start()].removeprefix("\n")
    return ManagedBlock(
        start=begin.start(),
        end=end.end(),
        first_line=text.count("\n", 0, begin.start()) + 1,
        last_line=text.count("\n", 0, end.start()) + 1,
        body=body,
    )


def has_markers(text: str) -> bool:
    """Whether `text` holds a begin marker (complete or not): the file is managed."""
    return BEGIN_LINE.search(text) is not None


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
    fences = [(m.start(), m.group(1)[0]) for m in FENCE.finditer(text)]
    for heading in HEADING.finditer(text):
        opened = sum(1 for at, _ in fences if at < heading.start())
        if opened % 2 == 0:
            return heading
    return None
