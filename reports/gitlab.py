"""The GitLab Code Quality report: the JSON a merge request shows inline, one issue per finding.

GitLab reads a subset of the Code Climate issue format: `description`, `check_name`,
`fingerprint`, `severity` (info, minor, major, critical, blocker), `location.path` and
`location.lines.begin` (https://docs.gitlab.com/ci/testing/code_quality/). GitLab compares
the merge request's report with its target branch's itself, by fingerprint, so every finding
is listed; suppressed findings are left out (GitLab has no suppressed state).
"""

from __future__ import annotations

from typing import Any

from auditor.model import Finding, RenderOptions, Report, Severity

from .json_report import dumps
from .sarif_results import anchor

SEVERITIES = {
    Severity.LOW: "minor",
    Severity.MEDIUM: "major",
    Severity.HIGH: "critical",
    Severity.CRITICAL: "blocker",
}


def render(report: Report, options: RenderOptions) -> str:
    """The findings as a Code Quality JSON array, sorted, byte-stable; `options` is ignored."""
    findings = sorted(
        (f for f in report.findings if f.suppressed is None), key=lambda f: f.sort_key()
    )
    return dumps([issue(f, report) for f in findings])


def issue(finding: Finding, report: Report) -> dict[str, Any]:
    """One finding as a Code Quality issue; a finding about the whole repository is placed on
    the file it is about (its instruction file, else the README), as in SARIF."""
    return {
        "type": "issue",
        "check_name": finding.rule,
        "description": f"{finding.rule}: {finding.message}",
        "content": {"body": finding.fix},
        "fingerprint": finding.fingerprint,
        "severity": SEVERITIES[finding.severity],
        "location": {
            "path": anchor(finding, report.facts),
            "lines": {"begin": finding.line or 1},
        },
    }
