"""Scoring, a pure function: rule outcomes -> weighted score, category scores and level.

- A rule's weight is its severity weight times its evidence weight.
- The score is 100 x (weight of passing rules) / (weight of passing and failing rules).
  Not-applicable and errored rules leave the denominator; they are listed, never scored.
- Level k (1-5) is reached when, for every level j <= k, at least 80% of the applicable rules
  of level j pass (a level with no applicable rule is met). Every repository is at least level 1.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from auditor.model import (
    Category,
    CategoryScore,
    Grade,
    MeasureValue,
    NextLevel,
    RuleResult,
    Score,
    Severity,
    Status,
)
from auditor.rule import Rule

SEVERITY_WEIGHT = {
    Severity.LOW: 1.0,
    Severity.MEDIUM: 2.0,
    Severity.HIGH: 3.0,
    Severity.CRITICAL: 4.0,
}
EVIDENCE_WEIGHT = {Grade.CONVENTION: 1.0, Grade.MODERATE: 2.0, Grade.STRONG: 3.0}
LEVEL_THRESHOLD = 0.8
LEVELS = range(1, 6)


@dataclass(frozen=True, slots=True)
class Judged:
    """A rule and its status, with the number of findings and a message (for errors)."""

    rule: Rule
    status: Status
    findings: int = 0
    message: str = ""
    measure: tuple[tuple[str, MeasureValue], ...] | None = None


def weight(rule: Rule) -> float:
    return SEVERITY_WEIGHT[rule.severity] * EVIDENCE_WEIGHT[rule.evidence.grade]


def score(judged: Sequence[Judged]) -> Score:
    """Score a set of judged rules (all from one repository or one package)."""
    scored = [j for j in judged if j.status in (Status.PASS, Status.FAIL)]
    total = sum(weight(j.rule) for j in scored)
    results = tuple(_result(j, total) for j in sorted(judged, key=lambda j: j.rule.id))
    earned = sum(weight(j.rule) for j in scored if j.status is Status.PASS)
    level = _level(judged)
    return Score(
        score=round(100.0 * earned / total, 2) if total else 100.0,
        level=level,
        next_level=_next_level(judged, level),
        categories=tuple(_category(c, judged, total) for c in Category),
        rules=results,
    )


def top_fixes(score: Score, count: int | None = None) -> tuple[RuleResult, ...]:
    """Failing rules, the largest score gain first (then the most severe, then by id)."""
    failing = [r for r in score.rules if r.status is Status.FAIL]
    failing.sort(key=lambda r: (-r.gain, -r.severity.rank, r.id))
    return tuple(failing[:count] if count is not None else failing)


def _result(judged: Judged, total: float) -> RuleResult:
    rule = judged.rule
    share = (
        100.0 * weight(rule) / total
        if total and judged.status in (Status.PASS, Status.FAIL)
        else 0.0
    )
    return RuleResult(
        id=rule.id,
        name=rule.name,
        title=rule.title,
        category=rule.category,
        severity=rule.severity,
        level=rule.level,
        evidence=rule.evidence.grade,
        status=judged.status,
        weight=weight(rule),
        contribution=round(share, 2) if judged.status is Status.PASS else 0.0,
        gain=round(share, 2) if judged.status is Status.FAIL else 0.0,
        findings=judged.findings,
        message=judged.message,
        fix=rule.fix,
        fix_prompt=rule.fix_prompt,
        rationale=rule.rationale,
        evidence_source=rule.evidence.source,
        measure=judged.measure,
    )


def _category(category: Category, judged: Iterable[Judged], total: float) -> CategoryScore:
    mine = [
        j for j in judged if j.rule.category is category and j.status in (Status.PASS, Status.FAIL)
    ]
    own = sum(weight(j.rule) for j in mine)
    passed = [j for j in mine if j.status is Status.PASS]
    return CategoryScore(
        id=category,
        score=round(100.0 * sum(weight(j.rule) for j in passed) / own, 1) if own else None,
        weight=round(own / total, 4) if total else 0.0,
        passed=len(passed),
        failed=len(mine) - len(passed),
    )


def _needed(judged: Iterable[Judged], level: int) -> tuple[int, list[Rule]]:
    """How many more rules of `level` must pass to reach the threshold, and its failing rules."""
    at = [j for j in judged if j.rule.level == level and j.status in (Status.PASS, Status.FAIL)]
    passing = sum(1 for j in at if j.status is Status.PASS)
    required = math.ceil(LEVEL_THRESHOLD * len(at) - 1e-9)
    failing = [j.rule for j in at if j.status is Status.FAIL]
    return max(0, required - passing), failing


def _level(judged: Sequence[Judged]) -> int:
    reached = 1
    for level in LEVELS:
        if _needed(judged, level)[0] > 0:
            break
        reached = level
    return reached


def _next_level(judged: Sequence[Judged], level: int) -> NextLevel | None:
    if level >= LEVELS[-1]:
        return None
    target = level + 1
    needed = 0
    blocking: list[str] = []
    for lower in range(1, target + 1):
        count, failing = _needed(judged, lower)
        if count:
            needed += count
            blocking.extend(rule.id for rule in failing)
    return NextLevel(level=target, blocking=tuple(sorted(blocking)), needed=needed)
