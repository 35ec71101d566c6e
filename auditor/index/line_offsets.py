"""Line numbers of offsets in a text: line starts found once, each offset placed by bisection."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

_NEWLINE = re.compile("\n")


class LineOffsets:
    """The offsets where the lines of one text start, found in one pass.

    `text.count("\\n", 0, offset)` per match costs the text's length for every match, so a file
    of many matches costs its length squared; this costs one pass, then a bisection per match.
    """

    __slots__ = ("_starts",)

    def __init__(self, text: str) -> None:
        self._starts = [0, *(m.end() for m in _NEWLINE.finditer(text))]

    def line(self, offset: int) -> int:
        """The 1-based number of the line holding `offset`."""
        return bisect_right(self._starts, offset)


@lru_cache(maxsize=16)
def line_offsets(text: str) -> LineOffsets:
    """The `LineOffsets` of `text`, kept for the few texts in use (one per file being scanned)."""
    return LineOffsets(text)


def line_at(text: str, offset: int) -> int:
    """The 1-based line of `text` holding `offset` (`text.count("\\n", 0, offset) + 1`)."""
    return line_offsets(text).line(offset)
