"""Gitignore-style pattern lists compiled as git reads them: a line git cannot use is skipped.

Every glob is matched by RE2 (pathspec's `re2` backend, `auditor.linear_regex`), in time linear
in the path whatever the glob: `*a*a*a*a*a*a*a*a*b` no longer backtracks for hours.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import pathspec

from auditor.linear_regex import encodable

BACKEND = "re2"


class LinearSpec(pathspec.GitIgnoreSpec):
    """A `GitIgnoreSpec` matched by RE2, taking any path (see `linear_regex.encodable`)."""

    def match_file(self, file: Any, separators: Any = None) -> bool:
        return bool(super().match_file(encodable(str(file)), separators))

    def check_file(self, file: Any, separators: Any = None) -> Any:
        return super().check_file(encodable(str(file)), separators)


GROUP_NAME = re.compile(r"\(\?P<\w+>")
"""pathspec names a group in each pattern; joined patterns would name it twice."""


def ignore_spec(lines: Iterable[str]) -> LinearSpec:
    """The spec of `lines` without the ones pathspec refuses (`!` alone, a trailing backslash,
    a reversed range `[z-a]`): git skips such a line, and one must not cost the others."""
    kept = list(lines)
    try:
        return LinearSpec.from_lines(kept, backend=BACKEND)
    except (ValueError, re.error):
        usable = [p for p in kept if _usable(p)]
        return LinearSpec.from_lines(usable, backend=BACKEND)


def spec_regexes(spec: pathspec.GitIgnoreSpec) -> list[str] | None:
    """The regular expression of each pattern of `spec` that decides (negated or not), its
    named groups made plain so they can be joined (`linear_regex.any_of`, which matches at
    the start: one pathspec leaves unanchored, `*/` as `(?:/)`, may match anywhere); None
    when one has no regular expression."""
    regexes = [getattr(p, "regex", None) for p in spec.patterns if p.include is not None]
    if not all(regexes):
        return None
    plain = [GROUP_NAME.sub("(?:", r.pattern) for r in regexes if r is not None]
    return [r if r.startswith("^") else f".*{r}" for r in plain]


def unusable_patterns(lines: Iterable[str]) -> list[str]:
    """The lines of `lines` that `ignore_spec` would skip, in order."""
    return [line for line in lines if not _usable(line)]


def _usable(line: str) -> bool:
    try:
        pathspec.GitIgnoreSpec.from_lines([line])
    except (ValueError, re.error):
        return False
    return True
