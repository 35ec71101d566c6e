"""Regular expressions built from the audited repository's own text, matched in linear time.

A glob in `.gitignore`, `.gitattributes`, a Cursor rule's `globs`, Copilot's `applyTo` or a
tool's exclude list is translated to a regular expression (by pathspec), and pre-commit's
`exclude:` is one already. Python's `re` backtracks: `*a*a*a*a*a*a*a*a*b` against a 60-character
name, or an exclude like `(a+)+$`, runs for hours. These are compiled by RE2 instead (through
google-re2), whose matching time is linear in the text whatever the pattern; what RE2 cannot
compile (backreferences, lookarounds, `(?x)`) is used through Python's `re` only when it cannot
backtrack badly: no quantifier inside a quantified group and at most two unbounded quantifiers.

RE2 reads UTF-8; a path with undecodable bytes (surrogate-escaped) is matched with U+FFFD in
their place, as the decoded pattern files themselves show them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any, Protocol

import re2

_OPTIONS = re2.Options()
_OPTIONS.log_errors = False  # a refused pattern is reported by the caller, not on stderr


class LinearPattern(Protocol):
    """What is used of a compiled RE2 pattern."""

    def search(self, text: str) -> object | None: ...

    def match(self, text: str) -> object | None: ...


MAX_UNBOUNDED = 2
"""Unbounded quantifiers allowed in a pattern RE2 refuses (each one multiplies the work by the
text's length at worst)."""
REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


class _Encodable:
    """A compiled pattern that matches any `str`, surrogate-escaped bytes included."""

    __slots__ = ("_pattern",)

    def __init__(self, pattern: Any) -> None:
        self._pattern = pattern

    def search(self, text: str) -> object | None:
        found: object | None = self._pattern.search(encodable(text))
        return found

    def match(self, text: str) -> object | None:
        found: object | None = self._pattern.match(encodable(text))
        return found


def encodable(text: str) -> str:
    """`text` with each surrogate-escaped byte read as U+FFFD (RE2 takes UTF-8 only)."""
    if text.isascii():
        return text
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def linear(pattern: str) -> LinearPattern | None:
    """`pattern` compiled for linear-time matching (RE2), or by `re` when RE2 cannot compile
    it and it cannot backtrack badly; None otherwise (or when it does not compile at all)."""
    try:
        return _Encodable(re2.compile(pattern, options=_OPTIONS))
    except (re2.error, TypeError, ValueError):
        pass
    try:
        tree = sre_parse.parse(pattern)
        compiled = re.compile(pattern)
    except (re.error, RecursionError, OverflowError, ValueError):
        return None
    return compiled if _tame(list(tree)) else None


def _tame(items: list[Any]) -> bool:
    """Whether a parsed pattern has no nested quantifier, no backreference and at most
    `MAX_UNBOUNDED` unbounded quantifiers."""
    repeats = list(_repeats(items, 0))
    if any(nesting > 0 and high > 1 for nesting, high in repeats):
        return False
    unbounded: int = sum(high == sre.MAXREPEAT for _, high in repeats)
    return unbounded <= MAX_UNBOUNDED


def _repeats(items: list[Any], nesting: int) -> Iterator[tuple[int, int]]:
    """(how many repeating quantifiers enclose it, its maximum) of every quantifier; a
    backreference counts as a nested unbounded one."""
    for op, av in items:
        if op in REPEATS:
            yield nesting, av[1]
            yield from _repeats(list(av[2]), nesting + (av[1] > 1))
        elif op == sre.GROUPREF:
            yield 1, sre.MAXREPEAT
        elif op == sre.BRANCH:
            for branch in av[1]:
                yield from _repeats(list(branch), nesting)
        elif op == sre.SUBPATTERN:
            yield from _repeats(list(av[-1]), nesting)
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            yield from _repeats(list(av[1]), nesting)


def any_of(patterns: Iterable[str]) -> Callable[[str], bool] | None:
    """A predicate true for a text one of `patterns` matches at its start (one expression, in
    linear time), or None when there are none or RE2 cannot compile one."""
    alternatives = [f"(?:{pattern})" for pattern in patterns]
    if not alternatives:
        return None
    try:
        combined = _Encodable(re2.compile("|".join(alternatives), options=_OPTIONS))
    except (re2.error, TypeError, ValueError):
        return None
    return lambda text: combined.match(text) is not None
