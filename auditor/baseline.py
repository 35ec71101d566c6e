"""Finding fingerprints and the baseline comparison: which findings are new, known or fixed.

A finding's identity is its rule, its path and the rule's stable key (never its line), so
code that moves, grows or gains a neighbour keeps its fingerprint. A baseline is matched by
fingerprint with multiplicity: two identical fingerprints in the baseline match two findings.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections import Counter
from collections.abc import Iterable

from auditor.model import (
    BaselineComparison,
    BaselineEntry,
    BaselineState,
    Finding,
    Report,
    Status,
)


def fingerprint(rule: str, path: str | None, key: str, occurrence: int = 0) -> str:
    """A 16-hex-digit identity from the rule, the path and the rule's key (never the line)."""
    text = "\0".join((rule, path or "", key, str(occurrence)))
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()[:16]


def entry(finding: Finding) -> BaselineEntry:
    """What a baseline records of `finding`."""
    return BaselineEntry(finding.fingerprint, finding.rule, finding.path, finding.message)


def failing_rules(report: Report) -> tuple[str, ...]:
    """The ids of the rules that failed in `report`, sorted."""
    return tuple(sorted(r.id for r in report.score.rules if r.status is Status.FAIL))


def compare(
    report: Report,
    recorded: Iterable[BaselineEntry],
    *,
    source: str,
    score: float,
    level: int,
    failing: tuple[str, ...],
) -> Report:
    """`report` with each finding marked new or known against `recorded`, and the recorded
    findings it no longer has listed as fixed. Suppressed findings are marked too: a
    suppression does not make a finding new."""
    remaining = Counter(e.fingerprint for e in recorded)
    marked = []
    for finding in report.findings:
        known = remaining[finding.fingerprint] > 0
        remaining[finding.fingerprint] -= known
        state = BaselineState.KNOWN if known else BaselineState.NEW
        marked.append(dataclasses.replace(finding, baseline=state))
    fixed = []
    for item in sorted(recorded, key=BaselineEntry.sort_key):
        if remaining[item.fingerprint] > 0:
            remaining[item.fingerprint] -= 1
            fixed.append(item)
    comparison = BaselineComparison(
        source=source,
        score=score,
        level=level,
        new=sum(f.baseline is BaselineState.NEW and f.suppressed is None for f in marked),
        known=sum(f.baseline is BaselineState.KNOWN and f.suppressed is None for f in marked),
        fixed=tuple(fixed),
        failing_rules=failing,
    )
    return dataclasses.replace(report, findings=tuple(marked), baseline=comparison)


def is_new(finding: Finding) -> bool:
    """Whether the gate counts `finding`: not suppressed, and not known to a baseline."""
    return finding.suppressed is None and finding.baseline is not BaselineState.KNOWN
