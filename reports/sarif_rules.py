"""SARIF rule descriptors: every rule in the report, with help text GitHub code scanning shows."""

from __future__ import annotations

from typing import Any

from auditor.model import Category, Grade, RuleResult, Severity

from .rule_docs import rule_doc_url

LEVELS = {
    Severity.CRITICAL: "error",
    Severity.HIGH: "error",
    Severity.MEDIUM: "warning",
    Severity.LOW: "note",
}
PRECISION = {Grade.STRONG: "high", Grade.MODERATE: "medium", Grade.CONVENTION: "low"}
SECURITY_SEVERITY = {
    Severity.CRITICAL: "9.0",
    Severity.HIGH: "7.0",
    Severity.MEDIUM: "5.0",
    Severity.LOW: "3.0",
}
"""GitHub's security-severity scores (critical >= 9.0, high >= 7.0, ...): safety rules only."""
TAG = "agent-readiness"


def descriptor(rule: RuleResult) -> dict[str, Any]:
    """The reportingDescriptor of one rule."""
    properties: dict[str, Any] = {
        "category": rule.category.value,
        "level": rule.level,
        "precision": PRECISION[rule.evidence],
        "tags": [TAG, rule.category.value],
    }
    if rule.category is Category.SAFETY:
        properties["tags"].append("security")
        properties["security-severity"] = SECURITY_SEVERITY[rule.severity]
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": rule.rationale or rule.title},
        "help": {"text": help_text(rule), "markdown": help_markdown(rule)},
        "helpUri": rule_doc_url(rule.id),
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": properties,
    }


def _evidence(rule: RuleResult) -> str:
    source = f" ({rule.evidence_source})" if rule.evidence_source else ""
    return f"{rule.evidence.value}{source}"


def help_text(rule: RuleResult) -> str:
    """Plain help: why, how to fix, the prompt for an agent, the evidence."""
    parts = [rule.rationale or rule.title]
    if rule.fix:
        parts.append(f"Fix: {rule.fix}")
    if rule.fix_prompt:
        parts.append(f"Prompt for a coding agent: {rule.fix_prompt}")
    parts.append(f"Evidence: {_evidence(rule)}")
    parts.append(f"Documentation: {rule_doc_url(rule.id)}")
    return "\n\n".join(parts)


def help_markdown(rule: RuleResult) -> str:
    """The same help in Markdown, the prompt in a fenced block so it copies cleanly."""
    parts = [f"**{rule.title}** ({rule.severity.value}, {rule.category.value}, level {rule.level})"]
    if rule.rationale:
        parts.append(f"**Why it matters.** {rule.rationale}")
    if rule.fix:
        parts.append(f"**How to fix.** {rule.fix}")
    if rule.fix_prompt:
        fence = "````" if "```" in rule.fix_prompt else "```"
        parts.append(f"**Prompt for a coding agent:**\n\n{fence}text\n{rule.fix_prompt}\n{fence}")
    parts.append(f"**Evidence:** {_evidence(rule)}")
    parts.append(f"[Rule documentation]({rule_doc_url(rule.id)})")
    return "\n\n".join(parts)
