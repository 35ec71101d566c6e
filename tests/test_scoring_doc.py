"""docs/scoring.md stays true: its weights, threshold and worked example match `scoring`."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest

from auditor import scoring
from auditor.facts.profile.detect import PROFILES
from auditor.model import Category, Grade, Severity, Status
from auditor.registry import load_rules
from auditor.rule import CODE_PROFILES
from tests.rulefactory import make_rule

DOC = Path(__file__).resolve().parents[1] / "docs" / "scoring.md"


@pytest.fixture(scope="module")
def text() -> str:
    return DOC.read_text("utf-8")


def prose(text: str) -> str:
    """`text` with every run of whitespace (line breaks included) as one space."""
    return " ".join(text.split())


def table(text: str, header: str) -> list[list[str]]:
    """The rows of the Markdown table whose header row starts with `| header |`."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"| {header} |"))
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip("|").split("|")])
    return rows


def test_severity_weights_match(text: str) -> None:
    documented = {Severity(name): float(value) for name, value in table(text, "severity")}
    assert documented == scoring.SEVERITY_WEIGHT


def test_evidence_weights_match(text: str) -> None:
    documented = {Grade(name): float(value) for name, value in table(text, "evidence")}
    assert documented == scoring.EVIDENCE_WEIGHT


def test_threshold_matches(text: str) -> None:
    match = re.search(r"\*\*Threshold: (\d+)%\.\*\*", text)
    assert match is not None
    assert int(match.group(1)) / 100 == scoring.LEVEL_THRESHOLD
    assert f"at least {match.group(1)}% of the" in prose(text)


def test_profiles_match(text: str) -> None:
    assert [row[0] for row in table(text, "profile")] == list(PROFILES)
    assert ", ".join(sorted(CODE_PROFILES)) in prose(text)


def test_worked_example_recomputes(text: str) -> None:
    judged = [
        scoring.Judged(
            make_rule(
                rule_id,
                category=Category(category),
                severity=Severity(severity),
                grade=Grade(evidence),
                level=int(level),
            ),
            Status(status),
        )
        for rule_id, category, severity, evidence, level, status in table(text, "rule")
    ]
    result = scoring.score(judged)

    score = re.search(r"- Score: \*\*([\d.]+)\*\*", text)
    level = re.search(r"- Level: \*\*(\d)\*\*", text)
    upcoming = re.search(
        r"- Next level: \*\*(\d)\*\*, blocked by ([A-Z0-9, ]+), (\d+) needed", text
    )
    fixes = re.search(r"- Top fixes: \*\*([A-Z0-9, ]+)\*\*", text)
    assert score and level and upcoming and fixes
    assert result.score == float(score.group(1))
    assert result.level == int(level.group(1))
    assert result.next_level is not None
    assert result.next_level.level == int(upcoming.group(1))
    assert ", ".join(result.next_level.blocking) == upcoming.group(2).strip()
    assert result.next_level.needed == int(upcoming.group(3))
    assert ", ".join(r.id for r in scoring.top_fixes(result)) == fixes.group(1)
    categories = {c.id.value: c.score for c in result.categories}
    assert categories == {name: float(value) for name, value in table(text, "category")}
    assert math.isclose(sum(r.contribution for r in result.rules), result.score, abs_tol=0.05)


def test_worked_example_weights_are_stated(text: str) -> None:
    rows = table(text, "rule")
    weights = [
        scoring.SEVERITY_WEIGHT[Severity(severity)] * scoring.EVIDENCE_WEIGHT[Grade(evidence)]
        for _, _, severity, evidence, _, status in rows
        if status in ("pass", "fail")
    ]
    stated = re.search(r"Weights: ([\d, ]+);", text)
    assert stated is not None
    assert [float(w) for w in stated.group(1).split(", ")] == weights
    passing = sum(w for w, row in zip(weights, rows, strict=False) if row[5] == "pass")
    assert f"The total is {sum(weights):.0f}" in prose(text)
    assert f"the passing rules weigh {passing:.0f}" in prose(text)


def test_profile_exclusions_named_in_the_doc_hold(text: str) -> None:
    rules = {rule.id: rule for rule in load_rules()}
    assert "(FEE001\u2013FEE007)" in prose(text)
    for number in range(1, 8):
        assert rules[f"FEE00{number}"].profiles == CODE_PROFILES
    assert rules["ENV003"].profiles == CODE_PROFILES | {"data"}
    assert rules["ENV001"].profiles is None
    assert rules["FEE001"].per_package and not rules["INS001"].per_package
