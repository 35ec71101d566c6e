"""Build throwaway rules for tests of the engine, scoring and registry."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from auditor.model import Category, Evidence, Grade, Severity
from auditor.rule import Rule, RuleContext, Violation, failing, passing


def make_rule(
    rule_id: str = "TST001",
    *,
    check: Callable[[RuleContext], Iterable[Violation]] = lambda ctx: (),
    severity: Severity = Severity.MEDIUM,
    grade: Grade = Grade.MODERATE,
    level: int = 1,
    category: Category = Category.FEEDBACK,
    **extra: object,
) -> Rule:
    return Rule(
        id=rule_id,
        name=f"test-rule-{rule_id.lower()}",
        title=f"Test rule {rule_id}",
        category=category,
        severity=severity,
        level=level,
        evidence=Evidence(grade, "test"),
        rationale="Because tests need it.",
        fix="Do the thing.",
        fix_prompt="Do the thing; verify with: auditor audit .",
        check=check,
        examples=(passing({}), failing({"x": "y"})),
        **extra,  # type: ignore[arg-type]
    )
