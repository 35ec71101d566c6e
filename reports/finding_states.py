"""Findings split the way every human-readable report shows them: new first, known counted,
suppressed apart, fixed listed."""

from __future__ import annotations

from dataclasses import dataclass

from auditor.model import BaselineComparison, BaselineState, Finding, Report


@dataclass(frozen=True, slots=True)
class FindingStates:
    """The report's findings by state. Without a baseline every unsuppressed finding is in
    `active`; with one, `active` holds the new findings and `known` the baseline's."""

    active: tuple[Finding, ...]
    known: tuple[Finding, ...]
    suppressed: tuple[Finding, ...]
    baseline: BaselineComparison | None

    @property
    def compared(self) -> bool:
        return self.baseline is not None


def states(report: Report) -> FindingStates:
    """`report`'s findings by state, each in the engine's order."""
    suppressed = tuple(f for f in report.findings if f.suppressed is not None)
    live = [f for f in report.findings if f.suppressed is None]
    return FindingStates(
        active=tuple(f for f in live if f.baseline is not BaselineState.KNOWN),
        known=tuple(f for f in live if f.baseline is BaselineState.KNOWN),
        suppressed=suppressed,
        baseline=report.baseline,
    )


def baseline_sentence(found: FindingStates, with_score: bool = True) -> str | None:
    """`3 new, 30 known and 2 fixed against .auditor-baseline.json (score 72.4, level 2)`,
    None without a baseline; plain text for the renderer to escape. Without `with_score`
    (pull-request mode, whose change line gives the base's score) the score is left out."""
    baseline = found.baseline
    if baseline is None:
        return None
    score = f" (score {baseline.score:.1f}, level {baseline.level})" if with_score else ""
    return (
        f"{len(found.active)} new, {len(found.known)} known and {len(baseline.fixed)} fixed "
        f"against {baseline.source}{score}"
    )
