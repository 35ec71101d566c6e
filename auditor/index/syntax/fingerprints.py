"""Clone fingerprints: hashes of a content-chosen sample of windows of significant lines."""

from __future__ import annotations

import zlib
from array import array
from collections.abc import Iterable
from itertools import chain, compress, repeat
from operator import add, and_, mod, not_

WINDOW = 6
"""Significant lines per window: a clone must repeat at least this many to be seen."""
SAMPLE = 4
"""One window in SAMPLE is kept, chosen by its hash, so identical windows are kept in every
copy: a repeated block of 6 significant lines is seen with probability 1/4, of 15 lines 94%,
of 25 lines 99.7%. Keeping all would cost four times the memory, cache and comparison time."""
SKIPPED_PREFIXES: tuple[bytes, ...] = (
    b"#",
    b"//",
    b"/*",
    b"*",
    b"import ",
    b"from ",
    b"use ",
    b"package ",
    b"@",
)
"""Comments, imports and decorators: alike in many files by necessity, not by copying."""
NOISE = b" \t{}()[];,.:"
"""A line made only of these (`});`, `]`, `)`) carries no code of its own."""


def clone_windows(
    data: bytes, comments: Iterable[tuple[int, int]] = ()
) -> tuple[bytes, bytes, int]:
    """(hashes, places, significant lines) of the sampled windows of `data`.

    A significant line is a stripped line that is not blank, punctuation, a comment, an
    import or a decorator; `comments` are the (first, last) 0-based rows of block comments
    whose inner lines carry no comment mark (a licence header in `/* ... */`). Window `i`
    covers significant lines `i` to `i + WINDOW - 1`; its hash is the same in every process
    (CRC-32 per line, then the tuple hash of WINDOW ints). `hashes` packs the kept windows'
    hashes (native int64); `places` packs, per kept window, its index, first line and last
    line (native uint32, lines 1-based).
    """
    # Every step maps a C function over a list: a Python-level loop per line would cost
    # more than the parse (700,000 lines in sympy).
    lines = list(map(bytes.strip, data.split(b"\n")))
    for start, end in comments:
        lines[start : end + 1] = [b""] * (end + 1 - start)
    count = len(lines)
    has_code = map(bool, map(bytes.strip, lines, repeat(NOISE, count)))
    not_skipped = map(not_, map(bytes.startswith, lines, repeat(SKIPPED_PREFIXES, count)))
    significant = list(map(and_, has_code, not_skipped))
    numbers = list(compress(range(1, count + 1), significant))
    hashes = list(map(zlib.crc32, compress(lines, significant)))
    shifted = [hashes[offset:] for offset in range(WINDOW)]  # zip stops at the shortest
    values = list(map(hash, zip(*shifted, strict=False)))
    chosen = list(compress(range(len(values)), map(not_, map(mod, values, repeat(SAMPLE)))))
    first = map(numbers.__getitem__, chosen)
    last = map(numbers.__getitem__, map(add, chosen, repeat(WINDOW - 1)))
    places = array("I", chain.from_iterable(zip(chosen, first, last, strict=True)))
    kept = array("q", map(values.__getitem__, chosen))
    return kept.tobytes(), places.tobytes(), len(hashes)
