"""SARIF results and notifications: findings located in the repository, skipped files reported."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from auditor.model import BaselineState, Category, Diagnostic, Finding, ReportFacts, RuleResult

from .sarif_rules import LEVELS

SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "auditorFingerprint/v1"
DEFAULT_ANCHOR = "README.md"


def artifact(path: str) -> dict[str, str]:
    """An artifactLocation relative to the repository root (percent-encoded POSIX path)."""
    return {"uri": quote(path, safe="/"), "uriBaseId": SRCROOT}


def anchor(finding: Finding, facts: ReportFacts) -> str:
    """Where a finding is shown: its own file, else the file it is about, else the README.

    GitHub code scanning rejects a result without a location, so repository-level findings
    (no missing file to point at) are anchored on the nearest relevant file.
    """
    if finding.path:
        return finding.path
    if finding.category is Category.INSTRUCTIONS:
        return facts.instruction_files[0] if facts.instruction_files else "AGENTS.md"
    return facts.docs.readme or DEFAULT_ANCHOR


def result(finding: Finding, rule_index: int, facts: ReportFacts) -> dict[str, Any]:
    """One finding as a SARIF result with a stable partial fingerprint."""
    physical: dict[str, Any] = {"artifactLocation": artifact(anchor(finding, facts))}
    if finding.line:
        physical["region"] = {"startLine": finding.line}
    return _states(finding) | {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": physical}],
        "partialFingerprints": {FINGERPRINT_KEY: finding.fingerprint},
        "properties": {
            "category": finding.category.value,
            "severity": finding.severity.value,
            "repositoryLevel": finding.path is None,
        },
    }


BASELINE_STATES = {BaselineState.NEW: "new", BaselineState.KNOWN: "unchanged"}


def _states(finding: Finding) -> dict[str, Any]:
    """SARIF's `baselineState` against a baseline, and an in-source suppression with its
    justification (GitHub code scanning shows suppressed results as dismissed)."""
    states: dict[str, Any] = {}
    if finding.baseline is not None:
        states["baselineState"] = BASELINE_STATES[finding.baseline]
    if finding.suppressed is not None:
        states["suppressions"] = [{"kind": "inSource", "justification": finding.suppressed}]
    return states


def file_notification(diagnostic: Diagnostic) -> dict[str, Any]:
    """A file the auditor skipped or could only partly read."""
    return {
        "level": "warning",
        "descriptor": {"id": diagnostic.kind},
        "message": {"text": f"{diagnostic.path}: {diagnostic.message}"},
        "locations": [{"physicalLocation": {"artifactLocation": artifact(diagnostic.path)}}],
    }


def rule_notification(rule: RuleResult, rule_index: int) -> dict[str, Any]:
    """A rule that raised: its result is left out of the score, and said so here."""
    return {
        "level": "error",
        "descriptor": {"id": "rule-error"},
        "associatedRule": {"id": rule.id, "index": rule_index},
        "message": {"text": f"rule {rule.id} failed to run: {rule.message or 'no message'}"},
    }
