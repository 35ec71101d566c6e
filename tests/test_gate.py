"""The gate: findings and unjudged rules against --fail-on, the score against --fail-under."""

from __future__ import annotations

from dataclasses import replace

from auditor.gate import gate_failures, worst_score
from auditor.model import Severity, Status, Unjudged
from tests.reports.sample import tidy_report


def test_an_unjudged_rule_at_or_above_fail_on_fails_the_gate() -> None:
    report = replace(
        tidy_report(),
        findings=(),
        unjudged=(Unjudged("SAF002", Severity.CRITICAL, "cannot parse json: x", ".mcp.json"),),
    )
    assert gate_failures(report, None, Severity.HIGH) == [
        "SAF002 (critical) was not judged for .mcp.json: cannot parse json: x (--fail-on high)"
    ]
    low = replace(report, unjudged=(Unjudged("NAV007", Severity.LOW, "the rule raised X"),))
    assert gate_failures(low, None, Severity.HIGH) == []


def test_fail_under_counts_errored_rules_as_failing() -> None:
    """An errored rule leaves the score; the gate asks what the score would be if it failed."""
    report = tidy_report()
    rules = report.score.rules
    assert worst_score(rules) == report.score.score == 100.0  # nothing errored
    errored = (replace(rules[0], status=Status.ERROR), *rules[1:])
    worst = worst_score(errored)
    assert worst < 100.0
    report = replace(report, score=replace(report.score, score=100.0, rules=errored))
    assert gate_failures(report, worst + 1, None) == [
        f"score 100.0 leaves out 1 rule(s) not judged ({rules[0].id}); counted as failing it "
        f"would be {worst:.1f}, below --fail-under {worst + 1:g}"
    ]
    assert gate_failures(report, worst, None) == []
