"""The rule-set digest: equal for the same rules, options and weights, different otherwise."""

from __future__ import annotations

import pytest

from auditor import scoring
from auditor.engine import SelectedRule
from auditor.model import Severity
from auditor.rule_set import rules_digest
from tests.rulefactory import make_rule


def test_the_digest_follows_rules_options_and_weights(monkeypatch: pytest.MonkeyPatch) -> None:
    one, two = make_rule("AAA001"), make_rule("AAA002")
    base = rules_digest([SelectedRule(one, {"limit": 3}), SelectedRule(two, {})])
    assert base == rules_digest([SelectedRule(two, {}), SelectedRule(one, {"limit": 3})])
    assert base != rules_digest([SelectedRule(one, {"limit": 4}), SelectedRule(two, {})])
    assert base != rules_digest([SelectedRule(one, {"limit": 3})])
    harsher = make_rule("AAA002", severity=Severity.CRITICAL)
    assert base != rules_digest([SelectedRule(one, {"limit": 3}), SelectedRule(harsher, {})])
    monkeypatch.setitem(scoring.SEVERITY_WEIGHT, Severity.LOW, 9.0)
    assert base != rules_digest([SelectedRule(one, {"limit": 3}), SelectedRule(two, {})])
