"""The CI gate: whether a report fails the thresholds the user set.

A rule that was not judged (it raised, or it could not read an input: `Report.unjudged`)
may have hidden findings, so the gate counts it against the user as far as it could matter:
`--fail-on` fails when an unjudged rule's severity is at or above the threshold, and
`--fail-under` fails when the score, with the unjudged rules counted as failing, would be
below it. A repository cannot switch the gate off by making a rule fail to run.

Against a baseline (`--baseline`, or the base commit in pull-request mode) `--fail-on` and
`--fail-on-new` count only new findings; suppressed findings are never counted. The ratchet
(`--fail-on-regression`) fails when the score or the level is below the baseline's, and names
the rules, failing now but not then, that made the difference.
"""

from __future__ import annotations

from auditor.baseline import is_new
from auditor.model import BaselineComparison, Finding, Report, RuleResult, Severity, Status

NAMED = 5
"""How many new findings a gate line names before it says "and N more"."""


def gate_failures(
    report: Report,
    fail_under: float | None,
    fail_on: Severity | None,
    *,
    fail_on_new: bool = False,
    fail_on_regression: bool = False,
) -> list[str]:
    """One line per reason the gate fails (empty when it passes)."""
    reasons = []
    counted = [f for f in report.findings if is_new(f)]
    new = "new " if report.baseline is not None else ""
    if fail_under is not None:
        reasons += _score_failures(report, fail_under)
    if fail_on is not None:
        reasons += _severity_failures(report, counted, fail_on, new)
    if fail_on_new and counted:
        reasons.append(f"{len(counted)} new finding(s) (--fail-on-new): {_named(counted)}")
    if fail_on_regression and report.baseline is not None:
        reasons += regression(report, report.baseline)
    return reasons


def regression(report: Report, baseline: BaselineComparison) -> list[str]:
    """Why the score or the level is below the baseline's, naming the rules failing now that
    did not fail then (with the points each costs); empty when neither is lower."""
    score, level = report.score.score, report.score.level
    lower = []
    if round(score, 1) < round(baseline.score, 1):
        lower.append(f"score {score:.1f} is below the baseline's {baseline.score:.1f}")
    if level < baseline.level:
        lower.append(f"level {level} is below the baseline's {baseline.level}")
    if not lower:
        return []
    before = set(baseline.failing_rules)
    worse = sorted(
        (r for r in report.score.rules if r.status is Status.FAIL and r.id not in before),
        key=lambda r: (-r.gain, r.id),
    )
    errored = [r.id for r in report.score.rules if r.status is Status.ERROR]
    cause = ", ".join(f"{r.id} {r.title} (-{r.gain:.1f})" for r in worse)
    if errored:
        cause += ("; " if cause else "") + f"not judged: {', '.join(errored)}"
    why = f": newly failing {cause}" if worse else (f": {cause}" if cause else "")
    return [f"{' and '.join(lower)} (--fail-on-regression){why}"]


def _severity_failures(
    report: Report, counted: list[Finding], fail_on: Severity, new: str
) -> list[str]:
    """The `--fail-on` reasons: counted findings and unjudged rules at or above `fail_on`."""
    reasons = []
    hits = [f for f in counted if f.severity.rank >= fail_on.rank]
    if hits:
        reasons.append(
            f"{len(hits)} {new}finding(s) at or above {fail_on.value} severity (--fail-on): "
            + _named(hits)
        )
    reasons += [
        f"{u.rule} ({u.severity.value}) was not judged"
        + (f" for {u.path}" if u.path is not None else "")
        + f": {u.reason} (--fail-on {fail_on.value})"
        for u in report.unjudged
        if u.severity.rank >= fail_on.rank
    ]
    return reasons


def _named(findings: list[Finding]) -> str:
    """`NAV003 app.py:12, SAF002 .env and 3 more`: where the first few findings are."""
    shown = []
    for finding in findings[:NAMED]:
        where = finding.path or "(repository)"
        where += f":{finding.line}" if finding.path and finding.line else ""
        shown.append(f"{finding.rule} {where}")
    more = len(findings) - NAMED
    return ", ".join(shown) + (f" and {more} more" if more > 0 else "")


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
