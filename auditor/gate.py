"""The CI gate: whether a report fails the thresholds the user set.

A rule that was not judged (it raised, or it could not read an input: `Report.unjudged`)
may have hidden findings, so the gate counts it against the user as far as it could matter:
`--fail-on` fails when an unjudged rule's severity is at or above the threshold, and
`--fail-under` fails when the score, with the unjudged rules counted as failing, would be
below it. A repository cannot switch the gate off by making a rule fail to run.
"""

from __future__ import annotations

from auditor.model import Report, RuleResult, Severity, Status


def gate_failures(report: Report, fail_under: float | None, fail_on: Severity | None) -> list[str]:
    """One line per reason the gate fails (empty when it passes)."""
    reasons = []
    if fail_under is not None:
        reasons += _score_failures(report, fail_under)
    if fail_on is not None:
        hits = [f for f in report.findings if f.severity.rank >= fail_on.rank]
        if hits:
            reasons.append(
                f"{len(hits)} finding(s) at or above {fail_on.value} severity (--fail-on)"
            )
        reasons += [
            f"{u.rule} ({u.severity.value}) was not judged"
            + (f" for {u.path}" if u.path is not None else "")
            + f": {u.reason} (--fail-on {fail_on.value})"
            for u in report.unjudged
            if u.severity.rank >= fail_on.rank
        ]
    return reasons


def _score_failures(report: Report, fail_under: float) -> list[str]:
    score = report.score.score
    if score < fail_under:
        return [f"score {score:.1f} is below --fail-under {fail_under:g}"]
    errored = [r for r in report.score.rules if r.status is Status.ERROR]
    worst = worst_score(report.score.rules)
    if worst >= fail_under:
        return []
    ids = ", ".join(r.id for r in errored)
    return [
        f"score {score:.1f} leaves out {len(errored)} rule(s) not judged ({ids}); counted as "
        f"failing it would be {worst:.1f}, below --fail-under {fail_under:g}"
    ]


def worst_score(rules: tuple[RuleResult, ...]) -> float:
    """The score with every errored (unjudged) rule counted as failing."""
    earned = sum(r.weight for r in rules if r.status is Status.PASS)
    total = sum(r.weight for r in rules if r.status in (Status.PASS, Status.FAIL, Status.ERROR))
    return round(100.0 * earned / total, 2) if total else 100.0
