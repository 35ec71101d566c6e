"""Running rules over an index: every rule yields a status, a crashing rule an error result.

A rule that raised, or that yielded `NotJudged` for an input it could not read, is also
listed as unjudged (`unjudged`): the gate must not pass over it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from auditor.baseline import fingerprint
from auditor.facts.subject import Subject
from auditor.index.read_log import is_reusing
from auditor.model import Finding, MeasureValue, Status, Unjudged
from auditor.outcome_reuse import reused_outcome
from auditor.rule import NotJudged, Review, Rule, RuleContext, Violation


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
    not_judged: tuple[NotJudged, ...] = ()
    """Inputs the rule could not judge: with no violation, the outcome is an error."""
    measure: tuple[tuple[str, MeasureValue], ...] | None = None
    """What the rule measured (`Rule.measure`), when it judged and measures anything."""


def evaluate(selected: SelectedRule, subject: Subject) -> Outcome:
    """Run one rule; an exception inside it becomes an `error` outcome, never a crash, and so
    does an input it could not judge when it found nothing else. While `read_log.reusing`,
    an outcome on an index that read the same is given again (`outcome_reuse`)."""
    if is_reusing():
        return reused_outcome(selected, subject, _evaluate)
    return _evaluate(selected, subject)


def _evaluate(selected: SelectedRule, subject: Subject) -> Outcome:
    rule = selected.rule
    ctx = RuleContext(subject=subject, options=MappingProxyType(dict(selected.options)))
    try:
        if rule.profiles is not None and not rule.fits(ctx.facts.profile):
            return Outcome(rule, Status.NOT_APPLICABLE, message=f"not for {ctx.facts.profile}")
        if not rule.applies(ctx):
            return Outcome(rule, Status.NOT_APPLICABLE)
        yielded = tuple(rule.check(ctx))
    except Exception as error:
        return Outcome(rule, Status.ERROR, message=f"{type(error).__name__}: {error}")
    violations = tuple(v for v in yielded if not isinstance(v, NotJudged))
    unread = tuple(dict.fromkeys(v for v in yielded if isinstance(v, NotJudged)))
    if unread and not violations:
        reasons = "; ".join(f"{n.path}: {n.reason}" for n in unread)
        return Outcome(rule, Status.ERROR, message=f"not judged: {reasons}", not_judged=unread)
    status = Status.FAIL if violations else Status.PASS
    return Outcome(rule, status, violations, not_judged=unread, measure=_measure(rule, ctx))


def _measure(rule: Rule, ctx: RuleContext) -> tuple[tuple[str, MeasureValue], ...] | None:
    """The rule's raw measure, sorted by name; None when it has none or measuring raised
    (the verdict stands: the measure only explains it)."""
    if rule.measure is None:
        return None
    try:
        measured = rule.measure(ctx)
    except Exception:
        return None
    return tuple(sorted(measured.items()))


def run(rules: Iterable[SelectedRule], subject: Subject) -> tuple[Outcome, ...]:
    """Evaluate every selected rule, in id order; then let the reviewing rules (`Rule.review`)
    judge the findings of the others."""
    ordered = sorted(rules, key=lambda s: s.rule.id)
    outcomes = [evaluate(s, subject) for s in ordered]
    reviewing = [i for i, s in enumerate(ordered) if s.rule.review is not None]
    if not reviewing:
        return tuple(outcomes)
    others = [o for i, o in enumerate(outcomes) if i not in reviewing]
    judged = frozenset(
        name
        for o in others
        if o.status in (Status.PASS, Status.FAIL)
        for name in (o.rule.id, *o.rule.aliases)
    )
    review = Review(findings(others), judged)
    for i in reviewing:
        outcomes[i] = _reviewed(ordered[i], outcomes[i], subject, review)
    return tuple(outcomes)


def _reviewed(
    selected: SelectedRule, outcome: Outcome, subject: Subject, review: Review
) -> Outcome:
    """`outcome` with what the rule's review finds added; a review that raises is an error."""
    rule = selected.rule
    if outcome.status not in (Status.PASS, Status.FAIL) or rule.review is None:
        return outcome
    ctx = RuleContext(subject=subject, options=MappingProxyType(dict(selected.options)))
    try:
        added = tuple(rule.review(ctx, review))
    except Exception as error:
        return Outcome(rule, Status.ERROR, message=f"{type(error).__name__}: {error}")
    violations = (*outcome.violations, *added)
    return Outcome(rule, Status.FAIL if violations else Status.PASS, violations)


def unjudged(outcomes: Iterable[Outcome]) -> tuple[Unjudged, ...]:
    """The rules whose verdict is incomplete, sorted: one entry per input a rule could not
    judge, and one for a rule that raised (its first line of message)."""
    found = []
    for outcome in outcomes:
        rule = outcome.rule
        found += [Unjudged(rule.id, rule.severity, n.reason, n.path) for n in outcome.not_judged]
        if outcome.status is Status.ERROR and not outcome.not_judged:
            message = (outcome.message.splitlines() or ["no message"])[0]
            message = message if len(message) <= 200 else message[:199] + "…"
            found.append(Unjudged(rule.id, rule.severity, f"the rule raised {message}"))
    return tuple(sorted(found, key=Unjudged.sort_key))


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
