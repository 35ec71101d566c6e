"""Workspace member patterns: confined to the root, expanded against directories that exist."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from fnmatch import fnmatchcase

MAX_BRACE_EXPANSIONS = 64
"""`{a,b}` alternatives expanded per pattern; hostile patterns cannot multiply past this."""
MAX_BRACE_GROUPS = 8
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
) -> tuple[str, ...]:
    """The candidate directories some pattern matches and no exclusion does (sorted).

    Patterns are globs relative to `base`: `*` and `?` within one path segment (never a
    leading dot), `**` across any number of segments, `{a,b}` alternatives. A pattern starting
    with `!` is an exclusion, as in pnpm and npm; an excluded directory excludes the tree
    below it, as Cargo's and uv's `exclude` do. The root ("") is never selected.
    """
    wanted: list[tuple[str, ...]] = []
    unwanted: list[tuple[str, ...]] = []
    for raw in patterns:
        negated = raw.startswith("!")
        _compile_into(unwanted if negated else wanted, raw[1:] if negated else raw, base)
    for raw in exclude:
        _compile_into(unwanted, raw, base)
    chosen = set()
    for directory in candidates:
        if not directory:
            continue
        parts = tuple(directory.split("/"))
        if not any(matches(pattern, parts) for pattern in wanted):
            continue
        prefixes = (parts[:depth] for depth in range(1, len(parts) + 1))
        if not any(matches(pattern, prefix) for prefix in prefixes for pattern in unwanted):
            chosen.add(directory)
    return tuple(sorted(chosen))


def _compile_into(patterns: list[tuple[str, ...]], raw: str, base: str) -> None:
    for alternative in expand_braces(raw):
        path = confined(alternative, base)
        if path:
            patterns.append(tuple(path.split("/")))


def matches(pattern: tuple[str, ...], parts: tuple[str, ...]) -> bool:
    """Whether the path segments `parts` match the glob segments `pattern` (linear in both)."""
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
