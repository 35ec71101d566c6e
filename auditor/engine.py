"""Running rules over an index: every rule yields a status, a crashing rule an error result."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from auditor.baseline import fingerprint
from auditor.facts.subject import Subject
from auditor.model import Finding, Status
from auditor.rule import Rule, RuleContext, Violation


@dataclass(frozen=True, slots=True)
class SelectedRule:
    """A rule chosen for this run, with its options resolved from defaults and config."""

    rule: Rule
    options: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one rule concluded on one index."""

    rule: Rule
    status: Status
    violations: tuple[Violation, ...] = ()
    message: str = ""


def evaluate(selected: SelectedRule, subject: Subject) -> Outcome:
    """Run one rule; an exception inside it becomes an `error` outcome, never a crash."""
    rule = selected.rule
    ctx = RuleContext(subject=subject, options=MappingProxyType(dict(selected.options)))
    try:
        if rule.profiles is not None and not rule.fits(ctx.facts.profile):
            return Outcome(rule, Status.NOT_APPLICABLE, message=f"not for {ctx.facts.profile}")
        if not rule.applies(ctx):
            return Outcome(rule, Status.NOT_APPLICABLE)
        violations = tuple(rule.check(ctx))
    except Exception as error:
        return Outcome(rule, Status.ERROR, message=f"{type(error).__name__}: {error}")
    return Outcome(rule, Status.FAIL if violations else Status.PASS, violations)


def run(rules: Iterable[SelectedRule], subject: Subject) -> tuple[Outcome, ...]:
    """Evaluate every selected rule, in id order."""
    return tuple(evaluate(s, subject) for s in sorted(rules, key=lambda s: s.rule.id))


def findings(outcomes: Iterable[Outcome], prefix: str = "") -> tuple[Finding, ...]:
    """The findings of all outcomes, fingerprinted and sorted; `prefix` re-roots package paths."""
    found = []
    seen: Counter[tuple[str, str | None, str]] = Counter()
    for outcome in outcomes:
        rule = outcome.rule
        for violation in outcome.violations:
            path = prefix + violation.path if violation.path is not None else None
            identity = (rule.id, path, violation.key)
            found.append(
                Finding(
                    rule=rule.id,
                    severity=rule.severity,
                    category=rule.category,
                    message=violation.message,
                    path=path,
                    line=violation.line,
                    fingerprint=fingerprint(rule.id, path, violation.key, seen[identity]),
                    fix=rule.fix,
                    fix_prompt=rule.fix_prompt,
                    evidence=rule.evidence.grade,
                )
            )
            seen[identity] += 1
    return tuple(sorted(found, key=Finding.sort_key))
