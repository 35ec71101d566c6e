"""The JSON report: a versioned, byte-stable document, and the JSON Schema that describes it."""

from __future__ import annotations

import json
import re
from importlib.resources import files
from typing import Any

from auditor.model import (
    BaselineComparison,
    CategoryScore,
    Change,
    Diagnostic,
    Finding,
    NextLevel,
    PackageReport,
    RenderOptions,
    Report,
    RuleResult,
    Unjudged,
)

SCHEMA_RESOURCE = ("schemas", "report.schema.json")


def render(report: Report, options: RenderOptions) -> str:
    """The report as JSON: sorted keys, two-space indent, UTF-8 text, one trailing newline.

    Findings and top fixes keep the order the engine gave them; rules, categories, packages
    and diagnostics are sorted, so the same audit always gives the same bytes. `options` is
    accepted for the renderer contract and otherwise ignored: the document is always complete.
    """
    return dumps(to_document(report))


_RAW_CONTROLS = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
"""What `json.dumps` leaves raw with `ensure_ascii=False` that a terminal may act on: DEL,
the C1 controls (U+009B is CSI), line separators and bidirectional controls."""


def dumps(document: Any) -> str:
    """`document` as JSON text: sorted keys, two-space indent, UTF-8, one trailing newline.

    Every control character is written as a `\\u` escape (json escapes C0 itself), so the
    text printed on a terminal is inert; the values it decodes to are unchanged.
    """
    text = json.dumps(document, sort_keys=True, indent=2, ensure_ascii=False, allow_nan=False)
    return _RAW_CONTROLS.sub(lambda match: f"\\u{ord(match.group()):04x}", text) + "\n"


def to_document(report: Report) -> dict[str, Any]:
    """The report as plain JSON values, before serialisation."""
    score = report.score
    return {
        "schema_version": report.schema_version,
        "tool": {"name": report.tool_name, "version": report.tool_version},
        "repository": {
            "name": report.repository.name,
            "commit": report.repository.commit,
            "commit_date": report.repository.commit_date,
            "profile": report.repository.profile,
        },
        "rules_digest": report.rules_digest,
        "score": _round(score.score, 1),
        "level": score.level,
        "next_level": _next_level(score.next_level),
        "categories": [_category(c) for c in sorted(score.categories, key=lambda c: c.id.value)],
        "facts": report.facts.to_json(),
        "findings": [_finding(f) for f in report.findings],
        "rules": [_rule(r) for r in sorted(score.rules, key=lambda r: r.id)],
        "top_fixes": [_top_fix(r) for r in report.top_fixes],
        "packages": [_package(p) for p in sorted(report.packages, key=lambda p: p.path)],
        "diagnostics": [_diagnostic(d) for d in sorted(report.diagnostics, key=_diagnostic_key)],
        "unjudged": [_unjudged(u) for u in sorted(report.unjudged, key=Unjudged.sort_key)],
        "baseline": _baseline(report.baseline),
        "change": _change(report.change),
    }


def load_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the document `render` writes."""
    resource = files("auditor_reports").joinpath(*SCHEMA_RESOURCE)
    schema: dict[str, Any] = json.loads(resource.read_text(encoding="utf-8"))
    return schema


def _round(value: float, digits: int) -> float:
    """`value` rounded, with negative zero folded into zero so the text never reads -0.0."""
    return round(value, digits) + 0.0


def _next_level(next_level: NextLevel | None) -> dict[str, Any] | None:
    if next_level is None:
        return None
    return {
        "level": next_level.level,
        "blocking": list(next_level.blocking),
        "needed": next_level.needed,
    }


def _category(category: CategoryScore) -> dict[str, Any]:
    return {
        "id": category.id.value,
        "score": None if category.score is None else _round(category.score, 1),
        "weight": _round(category.weight, 4),
        "passed": category.passed,
        "failed": category.failed,
    }


def _finding(finding: Finding) -> dict[str, Any]:
    document = _finding_fields(finding)
    if finding.baseline is not None:
        document["baseline"] = finding.baseline.value
    if finding.suppressed is not None:
        document["suppressed"] = finding.suppressed
    return document


def _baseline(baseline: BaselineComparison | None) -> dict[str, Any] | None:
    if baseline is None:
        return None
    return {
        "source": baseline.source,
        "score": _round(baseline.score, 1),
        "level": baseline.level,
        "new": baseline.new,
        "known": baseline.known,
        "failing_rules": list(baseline.failing_rules),
        "fixed": [
            {"fingerprint": e.fingerprint, "rule": e.rule, "path": e.path, "message": e.message}
            for e in baseline.fixed
        ],
    }


def _change(change: Change | None) -> dict[str, Any] | None:
    if change is None:
        return None
    return {
        "ref": change.ref,
        "base": change.base,
        "changed": list(change.changed),
        "base_score": None if change.base_score is None else _round(change.base_score, 1),
        "base_level": change.base_level,
        "left_out": change.left_out,
        "not_scored": change.not_scored,
    }


def _finding_fields(finding: Finding) -> dict[str, Any]:
    return {
        "rule": finding.rule,
        "severity": finding.severity.value,
        "category": finding.category.value,
        "message": finding.message,
        "path": finding.path,
        "line": finding.line,
        "fingerprint": finding.fingerprint,
        "fix": finding.fix,
        "fix_prompt": finding.fix_prompt,
        "evidence": finding.evidence.value,
    }


def _rule(rule: RuleResult) -> dict[str, Any]:
    return {
        "id": rule.id,
        "name": rule.name,
        "title": rule.title,
        "category": rule.category.value,
        "severity": rule.severity.value,
        "level": rule.level,
        "evidence": rule.evidence.value,
        "status": rule.status.value,
        "weight": _round(rule.weight, 4),
        "contribution": _round(rule.contribution, 2),
        "gain": _round(rule.gain, 2),
        "findings": rule.findings,
        "message": rule.message,
        "measure": None if rule.measure is None else dict(rule.measure),
    }


def _top_fix(rule: RuleResult) -> dict[str, Any]:
    return {
        "rule": rule.id,
        "title": rule.title,
        "gain": _round(rule.gain, 2),
        "fix": rule.fix,
        "fix_prompt": rule.fix_prompt,
    }


def _package(package: PackageReport) -> dict[str, Any]:
    return {
        "path": package.path,
        "score": _round(package.score, 1),
        "level": package.level,
        "facts": package.facts.to_json(),
        "failing": list(package.failing),
    }


def _diagnostic(diagnostic: Diagnostic) -> dict[str, str]:
    return {"path": diagnostic.path, "kind": diagnostic.kind, "message": diagnostic.message}


def _unjudged(unjudged: Unjudged) -> dict[str, str | None]:
    return {
        "rule": unjudged.rule,
        "severity": unjudged.severity.value,
        "path": unjudged.path,
        "reason": unjudged.reason,
    }


def _diagnostic_key(diagnostic: Diagnostic) -> tuple[str, str, str]:
    return (diagnostic.path, diagnostic.kind, diagnostic.message)
