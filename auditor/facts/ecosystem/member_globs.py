"""Workspace member patterns: confined to the root, expanded against directories that exist."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from fnmatch import fnmatchcase

MAX_BRACE_EXPANSIONS = 64
"""`{a,b}` alternatives expanded per pattern; hostile patterns cannot multiply past this."""
MAX_BRACE_GROUPS = 8
MAX_WILDCARD_PATTERNS = 256
MAX_PATTERN_SEGMENTS = 32
"""Member patterns are short; these bound the work a hostile manifest can ask for."""
BRACES = re.compile(r"\{([^{}]*,[^{}]*)\}")
MAGIC = re.compile(r"[*?\[]")
DRIVE = re.compile(r"^[A-Za-z]:")


def confined(member: str, base: str = "") -> str | None:
    """`member` (relative to directory `base`) as a root-relative POSIX path.

    "" names the root itself; None means empty, absolute, or escaping the root (`../..`).
    """
    text = member.strip()
    if not text or text.startswith(("/", "\\")) or DRIVE.match(text) or "\0" in text:
        return None
    path = posixpath.normpath(posixpath.join(base, text) if base else text)
    if path == ".":
        return ""
    if path == ".." or path.startswith("../"):
        return None
    return path


def expand_braces(pattern: str) -> tuple[str, ...]:
    """`a/{b,c}` -> (`a/b`, `a/c`), as npm's minimatch does; bounded for hostile input."""
    results = [pattern]
    for _ in range(MAX_BRACE_GROUPS):
        expanded: list[str] = []
        for item in results:
            match = BRACES.search(item)
            if match is None:
                expanded.append(item)
                continue
            head, tail = item[: match.start()], item[match.end() :]
            expanded.extend(head + option + tail for option in match.group(1).split(","))
        if expanded == results:
            break
        results = expanded[:MAX_BRACE_EXPANSIONS]
    return tuple(results)


def select_dirs(
    candidates: Iterable[str],
    patterns: Iterable[str],
    exclude: Iterable[str] = (),
    base: str = "",
    wildcard_skips: Callable[[str], bool] | None = None,
) -> tuple[str, ...]:
    """The candidate directories some pattern matches and no exclusion does (sorted).

    Patterns are globs relative to `base`: `*` and `?` within one path segment (never a
    leading dot), `**` across any number of segments, `{a,b}` alternatives. A pattern starting
    with `!` is an exclusion, as in pnpm and npm; an excluded directory excludes the tree
    below it, as Cargo's and uv's `exclude` do. A directory that only wildcard patterns reach
    is also left out when `wildcard_skips(directory)` holds; a literal pattern always reaches
    its directory. The root ("") is never selected. Past `MAX_WILDCARD_PATTERNS` wildcard
    patterns, or `MAX_PATTERN_SEGMENTS` segments in one, the rest are ignored.
    """
    wanted, unwanted = _Patterns(), _Patterns()
    for raw in patterns:
        negated = raw.startswith("!")
        (unwanted if negated else wanted).add(raw[1:] if negated else raw, base)
    for raw in exclude:
        unwanted.add(raw, base)
    chosen = set()
    for directory in candidates:
        parts = tuple(directory.split("/"))
        if not directory or not wanted.hit(parts):
            continue
        if parts not in wanted.literal and wildcard_skips is not None and wildcard_skips(directory):
            continue
        if not any(unwanted.hit(parts[:depth]) for depth in range(1, len(parts) + 1)):
            chosen.add(directory)
    return tuple(sorted(chosen))


@dataclass(slots=True)
class _Patterns:
    """Compiled patterns: literal paths in a set, wildcard patterns as segment tuples."""

    literal: set[tuple[str, ...]] = field(default_factory=set)
    wildcard: list[tuple[str, ...]] = field(default_factory=list)

    def add(self, raw: str, base: str) -> None:
        for alternative in expand_braces(raw):
            path = confined(alternative, base)
            if not path or path.count("/") >= MAX_PATTERN_SEGMENTS:
                continue
            segments = tuple(path.split("/"))
            if not MAGIC.search(path):
                self.literal.add(segments)
            elif len(self.wildcard) < MAX_WILDCARD_PATTERNS:
                self.wildcard.append(segments)

    def hit(self, parts: tuple[str, ...]) -> bool:
        return parts in self.literal or any(matches(pattern, parts) for pattern in self.wildcard)


def matches(pattern: tuple[str, ...], parts: tuple[str, ...]) -> bool:
    """Whether the path segments `parts` match the glob segments `pattern` (no backtracking)."""
    states = _closure({0}, pattern)
    for part in parts:
        following: set[int] = set()
        for at in states:
            if at == len(pattern):
                continue
            if pattern[at] == "**":
                if not part.startswith("."):
                    following.add(at)
            elif _segment_matches(pattern[at], part):
                following.add(at + 1)
        states = _closure(following, pattern)
        if not states:
            return False
    return len(pattern) in states


def _closure(states: set[int], pattern: tuple[str, ...]) -> set[int]:
    """`states` plus the positions reached by letting each `**` match no segment."""
    result = set(states)
    for at in sorted(states):
        while at < len(pattern) and pattern[at] == "**":
            at += 1
            result.add(at)
    return result


def _segment_matches(pattern: str, part: str) -> bool:
    if not MAGIC.search(pattern):
        return pattern == part
    if part.startswith(".") and not pattern.startswith("."):
        return False
    return fnmatchcase(part, pattern)


def dirs_holding(files: Iterable[str], *names: str) -> tuple[str, ...]:
    """The directories ("" for the root) holding a file named one of `names` (sorted)."""
    wanted = frozenset(names)
    found = {path.rpartition("/")[0] for path in files if path.rpartition("/")[2] in wanted}
    return tuple(sorted(found))
