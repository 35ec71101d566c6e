"""Gitignore-style pattern lists compiled as git reads them: a line git cannot use is skipped."""

from __future__ import annotations

import re
from collections.abc import Iterable

import pathspec


def ignore_spec(lines: Iterable[str]) -> pathspec.GitIgnoreSpec:
    """The spec of `lines` without the ones pathspec refuses (`!` alone, a trailing backslash,
    a reversed range `[z-a]`): git skips such a line, and one must not cost the others."""
    kept = list(lines)
    try:
        return pathspec.GitIgnoreSpec.from_lines(kept)
    except (ValueError, re.error):
        return pathspec.GitIgnoreSpec.from_lines([p for p in kept if _usable(p)])


def unusable_patterns(lines: Iterable[str]) -> list[str]:
    """The lines of `lines` that `ignore_spec` would skip, in order."""
    return [line for line in lines if not _usable(line)]


def _usable(line: str) -> bool:
    try:
        pathspec.GitIgnoreSpec.from_lines([line])
    except (ValueError, re.error):
        return False
    return True
