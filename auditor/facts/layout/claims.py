"""What one piece of evidence claims: which paths are vendored, generated, data or fixtures."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

KINDS = ("vendored", "generated", "fixture", "data")
"""The kinds of file an agent should not edit as the repository's own code, in the order a
path's words are tried (`tests/data/` is a fixture before it is data)."""
KIND_WORDS = {
    "vendored": re.compile(r"vendor|third[-_]?party|(?:^|/)externals?/|(?:^|/)extern/", re.I),
    "generated": re.compile(
        r"generated|autogen|codegen|(?:^|[/_.])gen(?:$|[/_.])|_pb2|\.pb\.|\.min\.", re.I
    ),
    "fixture": re.compile(r"fixtures?|testdata|test[-_]data|__snapshots__|cassettes", re.I),
    "data": re.compile(r"(?<![a-z])data(?![a-z])", re.I),
}
"""Words that name each kind, in a path and in the exclude pattern that names the path."""


@dataclass(frozen=True, slots=True)
class Claim:
    """A pattern some file says to skip (`source`, `line`): its matches are set aside when
    their own path names a kind the pattern also names (`exclude: ^src/pkg/_vendor/` sets
    aside `src/pkg/_vendor/six.py` as vendored, never `docs/conf.py`)."""

    source: str
    line: int | None
    reason: str
    pattern: str
    matches: Callable[[str], bool]

    @property
    def kinds(self) -> tuple[str, ...]:
        return kinds_named(self.pattern)

    def kind_of(self, path: str) -> str | None:
        """The kind `path` is set aside as under this claim, or None."""
        wanted = self.kinds
        return next((kind for kind in kinds_named(path) if kind in wanted), None)


def kinds_named(text: str) -> tuple[str, ...]:
    """The kinds whose words occur in `text`, in `KINDS` order."""
    return tuple(kind for kind in KINDS if KIND_WORDS[kind].search(text))


def line_of(text: str, needle: str, start: int = 0) -> int | None:
    """The 1-based line of `text` where `needle` (its first line) first occurs, or None."""
    first = next((part.strip() for part in needle.splitlines() if part.strip()), "")
    at = text.find(first, start) if first else -1
    return text.count("\n", 0, at) + 1 if at >= 0 else None
