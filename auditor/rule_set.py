"""The identity of a run's rule set: one hash of the selected rules, their options and weights."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable

from auditor import scoring
from auditor.engine import SelectedRule


def rules_digest(selected: Iterable[SelectedRule]) -> str:
    """A SHA-256 (hex) of what decides a score: each selected rule's id, category, severity,
    level, evidence grade, weight and resolved options, and the scoring constants. Reports
    with equal digests were judged and weighted alike, whatever the tool version."""
    rules = [
        {
            "id": s.rule.id,
            "category": s.rule.category.value,
            "severity": s.rule.severity.value,
            "level": s.rule.level,
            "evidence": s.rule.evidence.grade.value,
            "weight": scoring.weight(s.rule),
            "per_package": s.rule.per_package,
            "options": {name: _plain(value) for name, value in sorted(s.options.items())},
        }
        for s in sorted(selected, key=lambda s: s.rule.id)
    ]
    weights = {
        "severity": {k.value: v for k, v in sorted(scoring.SEVERITY_WEIGHT.items())},
        "evidence": {k.value: v for k, v in sorted(scoring.EVIDENCE_WEIGHT.items())},
        "level_threshold": scoring.LEVEL_THRESHOLD,
    }
    text = json.dumps({"rules": rules, "weights": weights}, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _plain(value: object) -> object:
    """An option value as JSON: tuples and frozensets as sorted lists, the rest as it is."""
    if isinstance(value, frozenset | set):
        return sorted(map(str, value))
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    return value
