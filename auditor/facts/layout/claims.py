"""What one piece of evidence claims: which paths are vendored, generated, data or fixtures."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from auditor.index.line_offsets import line_at

KINDS = ("vendored", "generated", "fixture", "data")
"""The kinds of file an agent should not edit as the repository's own code, in the order a
path's words are tried (`tests/data/` is a fixture before it is data)."""
KIND_WORDS = {
    "vendored": re.compile(r"vendor|third[-_]?party|(?:^|/)externals?/|(?:^|/)extern/", re.I),
    "generated": re.compile(
        r"generated|autogen|codegen|(?:^|[/_.])gen(?:$|[/_.])|_pb2|\.pb\.|\.min\.", re.I
    ),
    "fixture": re.compile(
        r"fixtures?|testdata|test[-_]data|__snapshots__|cassettes|(?:^|/)tests?/(?:.*/)?data/",
        re.I,
    ),
    "data": re.compile(r"(?<![a-z])data(?![a-z])", re.I),
}
"""Words that name each kind, in a path and in the exclude pattern that names the path."""
NAMED_BY_FILE = frozenset({"generated"})
"""The kinds a file's own name can say (`api_pb2.py`); the others only a directory can say
(`news/certifi.vendor.rst` is a news entry, not vendored code)."""
TEST_TREE = re.compile(r"(?:^|/)(?:tests?|__tests__|spec|e2e)/")


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
    test_inputs: bool = False
    """A formatter's ignore list: what it keeps unformatted inside a test tree (`tests/`) is
    the tests' input, a fixture, whatever the pattern's words."""

    @property
    def kinds(self) -> tuple[str, ...]:
        return ("fixture",) if self.test_inputs else kinds_named(self.pattern)

    def kind_of(self, path: str) -> str | None:
        """The kind `path` is set aside as under this claim, or None."""
        if self.test_inputs:
            return "fixture" if TEST_TREE.search(path) else None
        wanted = self.kinds
        return next((kind for kind in path_kinds(path) if kind in wanted), None)


def kinds_named(text: str) -> tuple[str, ...]:
    """The kinds whose words occur in `text`, in `KINDS` order."""
    return tuple(kind for kind in KINDS if KIND_WORDS[kind].search(text))


def path_kinds(path: str) -> tuple[str, ...]:
    """The kinds `path` names: in its directories, or (generated only) in its file name."""
    directory = path[: path.rstrip("/").rfind("/") + 1] if not path.endswith("/") else path
    return tuple(
        kind
        for kind in KINDS
        if KIND_WORDS[kind].search(path if kind in NAMED_BY_FILE else directory)
    )


def line_of(text: str, needle: str, start: int = 0) -> int | None:
    """The 1-based line of `text` where `needle` (its first line) first occurs, or None."""
    first = next((part.strip() for part in needle.splitlines() if part.strip()), "")
    at = text.find(first, start) if first else -1
    return line_at(text, at) if at >= 0 else None
