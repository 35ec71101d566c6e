"""The CI gate: whether a report fails the thresholds the user set."""

from __future__ import annotations

from auditor.model import Report, Severity


def gate_failures(report: Report, fail_under: float | None, fail_on: Severity | None) -> list[str]:
    """One line per reason the gate fails (empty when it passes)."""
    reasons = []
    if fail_under is not None and report.score.score < fail_under:
        reasons.append(f"score {report.score.score:.1f} is below --fail-under {fail_under:g}")
    if fail_on is not None:
        hits = [f for f in report.findings if f.severity.rank >= fail_on.rank]
        if hits:
            reasons.append(
                f"{len(hits)} finding(s) at or above {fail_on.value} severity (--fail-on)"
            )
    return reasons
