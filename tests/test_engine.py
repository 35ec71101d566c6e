"""The engine: statuses, crashing rules as errors, findings fingerprinted and sorted."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.engine import SelectedRule, evaluate, findings, run, unjudged
from auditor.index.repository import RepositoryIndex
from auditor.model import Severity, Status, Unjudged
from auditor.rule import NotJudged, RuleContext, Violation
from tests.rulefactory import make_rule

EMPTY = RepositoryIndex(root=__import__("pathlib").Path("."), files=(), texts={}, syntax={})


def boom(ctx: RuleContext) -> Iterator[Violation]:
    raise RuntimeError("rule bug")
    yield  # pragma: no cover


def test_pass_fail_and_not_applicable() -> None:
    ok = SelectedRule(make_rule("AAA001"), {})
    bad = SelectedRule(make_rule("AAA002", check=lambda ctx: [Violation("x", "a.py", 3)]), {})
    na = SelectedRule(make_rule("AAA003", applies=lambda ctx: False), {})
    statuses = [o.status for o in run([bad, na, ok], EMPTY)]
    assert statuses == [Status.PASS, Status.FAIL, Status.NOT_APPLICABLE]


def test_a_crashing_rule_is_an_error_result_not_a_crash() -> None:
    outcome = evaluate(SelectedRule(make_rule(check=boom), {}), EMPTY)
    assert outcome.status is Status.ERROR and "RuntimeError: rule bug" in outcome.message


def test_an_input_not_judged_keeps_a_rule_from_passing() -> None:
    rule = make_rule(check=lambda ctx: [NotJudged("a.json", "cannot parse json: x")])
    outcome = evaluate(SelectedRule(rule, {}), EMPTY)
    assert outcome.status is Status.ERROR
    assert outcome.message == "not judged: a.json: cannot parse json: x"
    assert unjudged([outcome]) == (
        Unjudged("TST001", Severity.MEDIUM, "cannot parse json: x", "a.json"),
    )


def test_a_failing_rule_still_lists_what_it_could_not_judge() -> None:
    rule = make_rule(check=lambda ctx: [Violation("x", "b.md", 1), NotJudged("a.json", "why")])
    outcome = evaluate(SelectedRule(rule, {}), EMPTY)
    assert outcome.status is Status.FAIL and len(outcome.violations) == 1
    assert [(u.path, u.reason) for u in unjudged([outcome])] == [("a.json", "why")]


def test_a_crashing_rule_is_unjudged_as_a_whole() -> None:
    outcome = evaluate(SelectedRule(make_rule(check=boom), {}), EMPTY)
    assert unjudged([outcome]) == (
        Unjudged("TST001", Severity.MEDIUM, "the rule raised RuntimeError: rule bug"),
    )
    passing = evaluate(SelectedRule(make_rule("TST002"), {}), EMPTY)
    assert unjudged([passing]) == ()


def test_options_reach_the_rule() -> None:
    seen = []
    rule = make_rule(check=lambda ctx: seen.append(ctx.option("limit")) or ())
    evaluate(SelectedRule(rule, {"limit": 7}), EMPTY)
    assert seen == [7]


def test_fingerprints_ignore_lines_and_disambiguate_repeats() -> None:
    def violations(line: int) -> list[Violation]:
        return [
            Violation("long", "a.py", line, key="f"),
            Violation("long", "a.py", line + 9, key="f"),
        ]

    first = findings([evaluate(SelectedRule(make_rule(check=lambda c: violations(1)), {}), EMPTY)])
    moved = findings([evaluate(SelectedRule(make_rule(check=lambda c: violations(40)), {}), EMPTY)])
    assert {f.fingerprint for f in first} == {f.fingerprint for f in moved}
    assert len({f.fingerprint for f in first}) == 2


def test_findings_are_sorted_and_package_paths_prefixed() -> None:
    rule = make_rule(
        check=lambda c: [Violation("b", "z.py", 2), Violation("a", "a.py", 9), Violation("r")]
    )
    found = findings([evaluate(SelectedRule(rule, {}), EMPTY)], prefix="pkg/")
    assert [f.path for f in found] == [None, "pkg/a.py", "pkg/z.py"]


def test_a_measure_is_kept_sorted_and_a_raising_one_leaves_the_verdict() -> None:
    measured = make_rule(measure=lambda ctx: {"z": 1, "a": "x"})
    assert evaluate(SelectedRule(measured, {}), EMPTY).measure == (("a", "x"), ("z", 1))
    broken = make_rule(check=lambda ctx: [Violation("x")], measure=lambda ctx: {"a": 1 / 0})
    outcome = evaluate(SelectedRule(broken, {}), EMPTY)
    assert outcome.status is Status.FAIL and outcome.measure is None
    unmeasured = make_rule(applies=lambda ctx: False, measure=lambda ctx: {"a": 1})
    assert evaluate(SelectedRule(unmeasured, {}), EMPTY).measure is None
