"""Reading a file of any size as text in bounded, overlapping chunks (`RepositoryIndex.chunks`)."""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from typing import BinaryIO, cast

from auditor.index.limits import MAX_SCAN_BYTES, SCAN_OVERLAP_BYTES
from auditor.index.records import TextChunk, lines_started

MAX_UTF8_CONTINUATION = 3
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
"""Byte-order marks of the encodings other than UTF-8 a text file announces (UTF-32 first: its
little-endian mark starts with UTF-16's)."""


def as_utf8(stream: BinaryIO) -> BinaryIO:
    """`stream` as UTF-8: one that starts with a UTF-16 or UTF-32 byte-order mark (an
    instruction file saved by a Windows editor) is decoded as it says, a piece at a time,
    undecodable units replaced; any other is read as it is."""
    head = stream.peek(4)[:4] if hasattr(stream, "peek") else b""
    for bom, encoding in BOMS:
        if head.startswith(bom):
            recoded = codecs.EncodedFile(stream, "utf-8", encoding, errors="replace")
            return cast(BinaryIO, recoded)
    return stream


def read_chunks(
    stream: BinaryIO, size: int = MAX_SCAN_BYTES, overlap: int = SCAN_OVERLAP_BYTES
) -> Iterator[TextChunk]:
    """The text of `stream` (UTF-8, undecodable bytes replaced), `size` bytes at a time.

    Each chunk's own part ends after its last line break (mid-line, at a character boundary,
    only when a line is longer than `size`), and the chunk reads up to `overlap` bytes of the
    next part as well, again to a line break where it has one. At most `size + overlap` bytes
    are held at a time.
    """
    buffer = stream.read(size + overlap)
    first_line = 1
    while buffer:
        if len(buffer) <= size:
            yield _chunk(buffer, len(buffer), len(buffer), first_line)
            return
        cut = buffer.rfind(b"\n", 0, size) + 1 or max(_boundary(buffer, size), 1)
        ahead = buffer.rfind(b"\n", cut, cut + overlap) + 1 or _boundary(buffer, cut + overlap)
        yield _chunk(buffer, cut, max(ahead, cut), first_line)
        first_line += buffer.count(b"\n", 0, cut)
        buffer = buffer[cut:] + stream.read(cut)


def _chunk(buffer: bytes, cut: int, end: int, first_line: int) -> TextChunk:
    """The chunk of `buffer[:end]` whose own part is `buffer[:cut]`."""
    own = buffer[:cut].decode("utf-8", "replace")
    text = own + buffer[cut:end].decode("utf-8", "replace")
    return TextChunk(text, first_line, len(own), lines_started(text, len(own)))


def _boundary(buffer: bytes, at: int) -> int:
    """`at`, moved back off UTF-8 continuation bytes so no character is split (at most 3)."""
    at = min(at, len(buffer))
    for _ in range(MAX_UTF8_CONTINUATION):
        if at <= 1 or at >= len(buffer) or buffer[at] & 0xC0 != 0x80:
            break
        at -= 1
    return at
