"""Gitignore-style globs over index paths: one RE2 expression, behind literals a match contains.

Most globs a fact or a rule asks for name a file (`Cargo.toml`, `*.csproj`,
`/requirements*.txt`): a path can match only if it contains the pattern's longest literal
run, and a substring test is far cheaper than a regular expression call. The literal is a
prefilter; the expression still decides.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from auditor.ignore_patterns import ignore_spec, spec_regexes
from auditor.linear_regex import any_of

WILDCARDS = re.compile(r"[*?/]+")
PLAIN = re.compile(r"^[^!#\\\[\]]*$")
"""A pattern whose literal runs are literal: no negation, comment, escape or bracket."""


@functools.lru_cache(maxsize=256)
def path_matcher(patterns: tuple[str, ...]) -> Callable[[str], bool]:
    """A predicate for gitignore-style `patterns`, behind their literals when all have one."""
    matches = expression_matcher(patterns)
    needles = _needles(patterns)
    if needles is None:
        return matches
    return lambda path: any(n in path for n in needles) and matches(path)


def expression_matcher(patterns: tuple[str, ...]) -> Callable[[str], bool]:
    """A predicate for gitignore-style `patterns`: one regex when none of them negates."""
    spec = ignore_spec(patterns)
    regexes = spec_regexes(spec)
    if regexes is None or not all(p.include for p in spec.patterns if p.include is not None):
        return lambda path: bool(spec.match_file(path))
    return any_of(regexes) or (lambda path: False)


def _needles(patterns: tuple[str, ...]) -> tuple[str, ...] | None:
    """For each pattern, its longest literal run (a path it matches contains it); None when
    some pattern has no such run, or one whose runs are not plain text."""
    needles = []
    for pattern in patterns:
        if not PLAIN.match(pattern):
            return None
        runs = [run.strip() for run in WILDCARDS.split(pattern)]
        longest = max(runs, key=len, default="")
        if not longest:
            return None
        needles.append(longest)
    return tuple(dict.fromkeys(needles))
