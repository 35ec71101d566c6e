"""The Markdown report's findings against a baseline: new first, known counted, fixed and
suppressed in tables of their own."""

from __future__ import annotations

from typing import Any

from auditor.model import Report

from .change_text import change_sentence
from .finding_states import baseline_sentence, states
from .markdown_sections import FINDINGS_LISTED, finding_groups, finding_row, rule_link
from .markdown_text import location, text


def finding_context(report: Report, verbose: bool) -> dict[str, Any]:
    """The template's finding values: the new findings (all of them without a baseline)
    grouped by category, the count of known ones (their rows when verbose), fixed and
    suppressed rows."""
    found = states(report)
    sentence = baseline_sentence(found, with_score=report.change is None)
    fixed = found.baseline.fixed if found.baseline is not None else ()
    change = change_sentence(report)
    return {
        "findings_first": found.compared or report.change is not None,
        "change_sentence": text(change) if change is not None else "",
        "baseline_sentence": text(sentence) if sentence is not None else "",
        "findings_title": "New findings" if found.compared else "Findings",
        "finding_count": len(found.active),
        "finding_groups": finding_groups(found.active, verbose),
        "known_count": len(found.known),
        "known_source": text(found.baseline.source) if found.baseline is not None else "",
        "baseline_file": report.change is None,
        "known_rows": [finding_row(f) for f in found.known[:FINDINGS_LISTED]] if verbose else [],
        "fixed_rows": [
            (location(e.path, None), rule_link(e.rule), text(e.message))
            for e in fixed[:FINDINGS_LISTED]
        ],
        "suppressed_rows": [
            (location(f.path, f.line), rule_link(f.rule), text(f.suppressed or ""))
            for f in found.suppressed[:FINDINGS_LISTED]
        ],
    }
