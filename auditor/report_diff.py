"""Comparing two audits: what got better, what got worse, and whether that fails the gate."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from auditor.model import (
    Category,
    CategoryChange,
    DiffSide,
    Finding,
    PackageChange,
    ReportDiff,
    RuleChange,
    Severity,
    Unjudged,
)
from auditor.report_document import ReportDocument, RuleStatus


def compare(old: ReportDocument, new: ReportDocument) -> ReportDiff:
    """The difference from `old` to `new`; findings are matched by fingerprint, not by line."""
    fixed, introduced, unchanged = _match(old.findings, new.findings)
    return ReportDiff(
        old=_side(old),
        new=_side(new),
        categories=tuple(
            CategoryChange(c, old.categories.get(c), new.categories.get(c))
            for c in Category
            if c in old.categories or c in new.categories
        ),
        rules=_rule_changes(old.rules, new.rules),
        fixed=fixed,
        introduced=introduced,
        unchanged=unchanged,
        packages=_package_changes(old.packages, new.packages),
    )


def _side(document: ReportDocument) -> DiffSide:
    return DiffSide(document.repository, document.tool_version, document.score, document.level)


def _match(
    old: Iterable[Finding], new: Iterable[Finding]
) -> tuple[tuple[Finding, ...], tuple[Finding, ...], int]:
    """(fixed, introduced, unchanged count); a fingerprint seen twice is matched twice."""
    old_list, new_list = list(old), list(new)
    remaining = Counter(f.fingerprint for f in new_list)
    fixed = []
    for finding in old_list:
        if remaining[finding.fingerprint] > 0:
            remaining[finding.fingerprint] -= 1
        else:
            fixed.append(finding)
    kept = Counter(f.fingerprint for f in old_list)
    introduced = []
    for finding in new_list:
        if kept[finding.fingerprint] > 0:
            kept[finding.fingerprint] -= 1
        else:
            introduced.append(finding)
    return _ordered(fixed), _ordered(introduced), len(new_list) - len(introduced)


def _ordered(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    """Most severe first, then by location: the order a reviewer reads them in."""
    return tuple(sorted(findings, key=lambda f: (-f.severity.rank, f.sort_key())))


def _rule_changes(
    old: Mapping[str, RuleStatus], new: Mapping[str, RuleStatus]
) -> tuple[RuleChange, ...]:
    changes = []
    for rule_id in sorted(set(old) | set(new)):
        before, after = old.get(rule_id), new.get(rule_id)
        if before is not None and after is not None and before.status is after.status:
            continue
        known = after or before
        assert known is not None
        changes.append(
            RuleChange(
                id=rule_id,
                title=known.title,
                severity=known.severity,
                old=before.status if before else None,
                new=after.status if after else None,
            )
        )
    return tuple(changes)


def _package_changes(
    old: Mapping[str, tuple[float, int]], new: Mapping[str, tuple[float, int]]
) -> tuple[PackageChange, ...]:
    changes = []
    for path in sorted(set(old) | set(new)):
        before, after = old.get(path), new.get(path)
        if before == after:
            continue
        changes.append(
            PackageChange(
                path=path,
                old_score=before[0] if before else None,
                new_score=after[0] if after else None,
                old_level=before[1] if before else None,
                new_level=after[1] if after else None,
            )
        )
    return tuple(changes)


def regressions(
    diff: ReportDiff,
    *,
    score: bool,
    fail_on: Severity | None,
    unjudged: tuple[tuple[Unjudged, ...], tuple[Unjudged, ...]] = ((), ()),
) -> list[str]:
    """One line per reason the diff fails the gate (empty when it passes).

    `score`: a lower score or level fails, and so does any new finding at or above `fail_on`
    (any new finding when `fail_on` is None). Without `score`, only new findings at or above
    `fail_on` fail, and nothing fails when `fail_on` is None too. `unjudged` (the old and the
    new report's): a rule the new audit could not judge counts as a finding of its severity,
    since its findings may be missing, so that `--fail-on` cannot pass over it; under
    `--fail-on-regression` alone, only one the old audit did judge.
    """
    reasons = []
    if score and diff.new.score < diff.old.score:
        reasons.append(f"score fell from {diff.old.score:.1f} to {diff.new.score:.1f}")
    if score and diff.new.level < diff.old.level:
        reasons.append(f"level fell from {diff.old.level} to {diff.new.level}")
    threshold = fail_on if fail_on is not None else (Severity.LOW if score else None)
    if threshold is not None:
        hits = [f for f in diff.introduced if f.severity.rank >= threshold.rank]
        if hits:
            noun = "finding" if len(hits) == 1 else "findings"
            reasons.append(f"{len(hits)} new {noun} at or above {threshold.value} severity")
        before = {(u.rule, u.path) for u in unjudged[0]} if fail_on is None else set()
        reasons += _unjudged_reasons(unjudged[1], threshold, before)
    return reasons


def _unjudged_reasons(
    unjudged: tuple[Unjudged, ...], threshold: Severity, before: set[tuple[str, str | None]]
) -> list[str]:
    """A line for each rule the new audit could not judge at or above `threshold`, unless the
    old one could not either (`before`)."""
    return [
        f"{entry.rule} not judged{f' in {entry.path}' if entry.path else ''}: {entry.reason}"
        for entry in unjudged
        if entry.severity.rank >= threshold.rank and (entry.rule, entry.path) not in before
    ]
