"""Which findings the inline `auditor: ignore[...]` comments suppress, and which suppress nothing.

A suppression with a reason suppresses the findings of the rules it names on its own line or
the next (a finding about a whole file: in the file's first lines). A suppression without a
reason suppresses nothing: the reason is what a reviewer reads, so it is required. Suppressed
findings stay in the report, marked, and count neither against the score nor for the gate.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Sequence

from auditor.index import RepositoryIndex, Suppression
from auditor.model import Finding


def suppressing(finding: Finding, written: Iterable[Suppression]) -> Suppression | None:
    """The first suppression among `written` (those of the finding's file) that suppresses
    `finding`, or None."""
    for suppression in written:
        named = suppression.reason and finding.rule in suppression.rules
        if named and suppression.covers(finding.line):
            return suppression
    return None


def apply(findings: Sequence[Finding], index: RepositoryIndex) -> tuple[Finding, ...]:
    """`findings` with those an inline suppression covers marked `suppressed` (its reason)."""
    marked = []
    for finding in findings:
        record = index.file(finding.path) if finding.path is not None else None
        found = suppressing(finding, record.suppressions) if record is not None else None
        marked.append(
            finding if found is None else dataclasses.replace(finding, suppressed=found.reason)
        )
    return tuple(marked)


def unused(
    index: RepositoryIndex, findings: Sequence[Finding], judged: frozenset[str]
) -> Iterator[tuple[str, Suppression, str]]:
    """(path, suppression, rule id) for each rule a suppression with a reason names that was
    judged in this run and has no finding there to suppress. Rules not run (`--select`, not
    applicable) are not judged: their suppressions may be needed another day."""
    by_path: dict[str, list[Finding]] = {}
    for finding in findings:
        if finding.path is not None:
            by_path.setdefault(finding.path, []).append(finding)
    for record in index.files:
        for suppression in record.suppressions:
            if not suppression.reason:
                continue
            mine = by_path.get(record.path, [])
            for rule in suppression.rules:
                if rule in judged and not any(
                    f.rule == rule and suppression.covers(f.line) for f in mine
                ):
                    yield record.path, suppression, rule
