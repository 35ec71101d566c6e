"""Every regular expression the auditor applies to repository text stays linear on the classic
worst cases (`tests/hostile/backtracking.py` says how inputs and budgets are made)."""

from __future__ import annotations

import re

import pytest

from tests.hostile.backtracking import CALIBRATION, Attack, attacks, within_budget
from tests.hostile.pattern_catalogue import Found, patterns, unlisted_dynamic_sites

FOUND, DYNAMIC_SITES = patterns()


def test_the_catalogue_finds_the_patterns_of_every_layer() -> None:
    places = {found.where.split(".")[0] for found in FOUND}
    assert {"auditor", "auditor_rules", "auditor_reports"} <= places
    assert len(FOUND) > 300  # module constants, tables of them, and literal call sites
    wheres = {found.where for found in FOUND}
    assert "auditor_rules.instructions.token_patterns.PRIVATE_KEY" in wheres  # the 179-byte hang
    assert "auditor.facts.ecosystem.declared_dependencies.REQUIREMENT" in wheres  # the 48 s one
    assert any(w.startswith("auditor.index.markers.") for w in wheres)  # inside dataclasses


def test_every_pattern_built_at_run_time_is_accounted_for() -> None:
    """A call into `re` whose pattern depends on its function's arguments is listed in
    `pattern_catalogue.DYNAMIC` with the patterns it builds, so none escapes the test below."""
    assert unlisted_dynamic_sites(DYNAMIC_SITES) == []


def test_the_budget_catches_a_quadratic_and_an_exponential_pattern() -> None:
    """The method itself: a known quadratic and a known exponential pattern fail, the
    calibration (linear) passes; otherwise the test below could pass by measuring nothing."""
    for bad in (re.compile(r"^\s*x", re.MULTILINE), re.compile(r"(a+)+b"), re.compile(r".+\.x")):
        assert not all(within_budget(bad, attack).ok for attack in attacks(bad)), bad.pattern
    assert all(within_budget(CALIBRATION, attack).ok for attack in attacks(CALIBRATION))


def test_attacks_pump_each_quantified_group_after_its_prefix() -> None:
    made = attacks(re.compile(r"-----BEGIN [A-Z ]*KEY(?:\n|\s)+(?:[\w-]+: .*\s+)*[A-Z]{40}"))
    assert Attack("pump ' ' after '-----BEGIN '", "-----BEGIN ", " ", "\x00") in made
    assert any(a.prefix.endswith("KEY\n") and a.pump.startswith("a: ") for a in made)
    assert any(a.pump == "\n" and not a.prefix for a in made)  # the blank-line run


@pytest.mark.slow
@pytest.mark.parametrize("found", FOUND, ids=[f.where for f in FOUND])
def test_pattern_is_linear_on_adversarial_text(found: Found) -> None:
    for attack in attacks(found.pattern):
        verdict = within_budget(found.pattern, attack, found.anchored)
        assert verdict.ok, (
            f"{found.where} {found.pattern.pattern!r}: {verdict.label} x{verdict.size} took "
            f"{verdict.seconds:.3f}s, budget {verdict.budget:.3f}s"
        )
