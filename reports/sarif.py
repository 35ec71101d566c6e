"""The SARIF 2.1.0 report, for GitHub code scanning and other static-analysis viewers."""

from __future__ import annotations

from typing import Any

from auditor.model import Diagnostic, RenderOptions, Report, RuleResult, Status

from . import sarif_results, sarif_rules
from .json_report import dumps
from .rule_docs import PROJECT_URL

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"


def render(report: Report, options: RenderOptions) -> str:
    """The report as a SARIF log: one run, every rule, one result per finding; byte-stable.

    `options` is accepted for the renderer contract and ignored: the log is always complete.
    """
    log = {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run(report)]}
    return dumps(log)


def run(report: Report) -> dict[str, Any]:
    """The single run: tool and rules, the invocation with its notifications, the results."""
    rules = _rules(report)
    index = {rule.id: position for position, rule in enumerate(rules)}
    findings = sorted(report.findings, key=lambda f: f.sort_key())
    return {
        "tool": {
            "driver": {
                "name": report.tool_name,
                "version": report.tool_version,
                "semanticVersion": report.tool_version,
                "informationUri": PROJECT_URL,
                "rules": [sarif_rules.descriptor(rule) for rule in rules],
            }
        },
        "originalUriBaseIds": {
            sarif_results.SRCROOT: {"description": {"text": "The audited repository's root."}}
        },
        "invocations": [_invocation(report.diagnostics, rules, index)],
        "results": [
            sarif_results.result(finding, index[finding.rule], report.facts) for finding in findings
        ],
        "properties": {
            "repository": report.repository.name,
            "score": round(report.score.score, 1) + 0.0,
            "level": report.score.level,
        },
    }


def _rules(report: Report) -> list[RuleResult]:
    """Every rule in the report, sorted by id, plus a bare entry for any rule only a finding
    names (so every result has a rule to point at)."""
    by_id = {rule.id: rule for rule in report.score.rules}
    for finding in report.findings:
        if finding.rule not in by_id:
            by_id[finding.rule] = RuleResult(
                id=finding.rule, name=finding.rule.lower(), title=finding.rule,
                category=finding.category, severity=finding.severity, level=1,
                evidence=finding.evidence, status=Status.FAIL, weight=0.0, contribution=0.0,
                gain=0.0, fix=finding.fix, fix_prompt=finding.fix_prompt,
            )  # fmt: skip
    return [by_id[rule_id] for rule_id in sorted(by_id)]


def _invocation(
    diagnostics: tuple[Diagnostic, ...], rules: list[RuleResult], index: dict[str, int]
) -> dict[str, Any]:
    ordered = sorted(diagnostics, key=lambda d: (d.path, d.kind, d.message))
    notifications = [sarif_results.file_notification(d) for d in ordered]
    notifications += [
        sarif_results.rule_notification(rule, index[rule.id])
        for rule in rules
        if rule.status is Status.ERROR
    ]
    return {"executionSuccessful": True, "toolExecutionNotifications": notifications}
