"""Scoring: weights, N/A and errors out of the denominator, levels, next level, top fixes."""

from __future__ import annotations

import pytest

from auditor.model import Category, Grade, Severity, Status
from auditor.scoring import Judged, score, top_fixes, weight
from tests.rulefactory import make_rule


def judged(rule_id: str, status: Status, **kw: object) -> Judged:
    return Judged(make_rule(rule_id, **kw), status)  # type: ignore[arg-type]


def test_weight_grows_with_severity_and_evidence() -> None:
    low = make_rule(severity=Severity.LOW, grade=Grade.CONVENTION)
    high = make_rule(severity=Severity.HIGH, grade=Grade.CONVENTION)
    strong = make_rule(severity=Severity.HIGH, grade=Grade.STRONG)
    assert weight(low) < weight(high) < weight(strong)


def test_score_is_weighted_share_of_passing_rules() -> None:
    result = score(
        [
            judged("AAA001", Status.PASS, severity=Severity.CRITICAL, grade=Grade.STRONG),  # 12
            judged("AAA002", Status.FAIL, severity=Severity.LOW, grade=Grade.CONVENTION),  # 1
            judged("AAA003", Status.FAIL, severity=Severity.LOW, grade=Grade.MODERATE),  # 2
        ]
    )
    assert result.score == pytest.approx(100 * 12 / 15, abs=0.01)
    by_id = {r.id: r for r in result.rules}
    assert by_id["AAA001"].contribution == pytest.approx(80.0)
    assert by_id["AAA002"].gain == pytest.approx(100 / 15, abs=0.01)
    assert sum(r.contribution for r in result.rules) == pytest.approx(result.score, abs=0.05)


def test_not_applicable_and_errors_leave_the_denominator() -> None:
    base = [judged("AAA001", Status.PASS), judged("AAA002", Status.FAIL)]
    extra = [judged("AAA003", Status.NOT_APPLICABLE), judged("AAA004", Status.ERROR)]
    assert score(base).score == score(base + extra).score == 50.0
    listed = {r.id: r.status for r in score(base + extra).rules}
    assert listed["AAA003"] is Status.NOT_APPLICABLE and listed["AAA004"] is Status.ERROR


def test_level_needs_80_percent_of_each_level_and_below() -> None:
    rules = [judged(f"LVA00{i}", Status.PASS, level=1) for i in range(5)]
    rules += [judged("LVB001", Status.PASS, level=2), judged("LVB002", Status.FAIL, level=2)]
    rules += [judged("LVC001", Status.PASS, level=3)]
    result = score(rules)
    assert result.level == 1  # level 2 is at 50%, so level 3's pass does not count
    assert result.next_level is not None
    assert result.next_level.level == 2 and result.next_level.blocking == ("LVB002",)
    assert result.next_level.needed == 1


def test_level_with_no_applicable_rule_is_met() -> None:
    result = score([judged("AAA001", Status.PASS, level=1), judged("AAA002", Status.PASS, level=4)])
    assert result.level == 5 and result.next_level is None


def test_failing_basics_keep_level_one_and_block_the_next() -> None:
    result = score([judged("AAA001", Status.FAIL, level=1), judged("AAA002", Status.PASS, level=2)])
    assert result.level == 1
    assert result.next_level is not None and result.next_level.blocking == ("AAA001",)


def test_categories_score_their_own_rules_and_unknown_is_none() -> None:
    result = score(
        [
            judged("AAA001", Status.PASS, category=Category.SAFETY),
            judged("AAA002", Status.FAIL, category=Category.SAFETY),
            judged("AAA003", Status.NOT_APPLICABLE, category=Category.DOCUMENTATION),
        ]
    )
    cats = {c.id: c for c in result.categories}
    assert cats[Category.SAFETY].score == 50.0 and cats[Category.SAFETY].failed == 1
    assert cats[Category.DOCUMENTATION].score is None


def test_top_fixes_order_by_gain_then_severity() -> None:
    result = score(
        [
            judged("AAA001", Status.FAIL, severity=Severity.LOW),
            judged("AAA002", Status.FAIL, severity=Severity.CRITICAL),
            judged("AAA003", Status.PASS),
        ]
    )
    assert [r.id for r in top_fixes(result)] == ["AAA002", "AAA001"]
