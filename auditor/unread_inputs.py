"""Rules whose verdict is incomplete because the index could not read one of their inputs."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from auditor.change_scope import kinds_of
from auditor.engine import SelectedRule
from auditor.model import Diagnostic, ReportFacts, Unjudged
from auditor.rule import Reads

UNREAD = frozenset({"unreadable"})
"""Diagnostic kinds of a file that exists but could not be read (permissions, I/O)."""
JUDGED_KINDS = frozenset({Reads.INSTRUCTIONS, Reads.CI, Reads.MANIFESTS})
"""The inputs whose loss leaves a rule unjudged: a chmod-000 AGENTS.md is no missing one."""


def unread_inputs(
    selected: Sequence[SelectedRule], diagnostics: Iterable[Diagnostic], facts: ReportFacts
) -> list[Unjudged]:
    """One entry per rule and unreadable file of a kind it reads (`Rule.reads`): the
    instruction rules cannot judge an AGENTS.md they could not read, and must not pass or
    fail as if it were absent."""
    unread = sorted({d.path for d in diagnostics if d.kind in UNREAD and d.path})
    found = []
    for path in unread:
        kinds = kinds_of(path, [facts]) & JUDGED_KINDS
        if kinds:  # as in change_scope: a rule that reads anything reads this (INS005)
            kinds.add(Reads.ANY)
        for chosen in selected:
            if chosen.rule.reads & kinds:
                reason = f"could not read {path}: the verdict leaves it out"
                found.append(Unjudged(chosen.rule.id, chosen.rule.severity, reason, path))
    return found


def in_package(package: str, unjudged: Iterable[Unjudged]) -> list[Unjudged]:
    """A workspace package's unjudged rules, their paths re-rooted at the repository."""
    return [
        Unjudged(
            u.rule,
            u.severity,
            f"{u.reason} (package {package})",
            f"{package}/{u.path}" if u.path else package,
        )
        for u in unjudged
    ]
