"""`auditor rules --format json`: every rule's whole declaration, valid against its schema."""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any

import jsonschema
import pytest

from auditor import registry
from auditor.cli import run
from auditor.facts.profile.names import PROFILES
from auditor.model import Category, Evidence, Grade, Severity
from auditor.rule import Option, Rule
from auditor.ruledoc import rule_declaration


def _schema() -> dict[str, Any]:
    text = files("auditor_reports").joinpath("schemas", "rules.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def _listed(capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    assert run(["rules", "--format", "json"]) == 0
    rows: list[dict[str, Any]] = json.loads(capsys.readouterr().out)
    return rows


def test_the_listing_is_valid_against_the_shipped_schema(
    capsys: pytest.CaptureFixture[str],
) -> None:
    schema = _schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    rows = _listed(capsys)
    jsonschema.Draft202012Validator(schema).validate(rows)
    assert [row["id"] for row in rows] == sorted(row["id"] for row in rows)


def test_each_row_carries_the_whole_declaration(capsys: pytest.CaptureFixture[str]) -> None:
    by_id = {row["id"]: row for row in _listed(capsys)}
    rules = registry.load_rules()
    assert by_id.keys() == {rule.id for rule in rules}
    for rule in rules:
        row = by_id[rule.id]
        assert row["rationale"] == rule.rationale.strip()
        assert row["fix_prompt"] == rule.fix_prompt.strip()
        assert row["fix"] == rule.fix.strip()
        assert row["evidence_source"] == rule.evidence.source
        assert row["aliases"] == list(rule.aliases)
        for option in rule.options:
            assert row["options"][option.name]["description"] == option.description
    with_options = [row for row in by_id.values() if row["options"]]
    assert with_options, "some built-in rule declares options"


def test_options_profiles_and_aliases_keep_their_types() -> None:
    rule = registry.load_rules()[0]
    declared = Rule(
        id="XYZ123",
        name="made-up",
        title=rule.title,
        category=Category.SAFETY,
        severity=Severity.HIGH,
        level=2,
        evidence=Evidence(Grade.STRONG, "a study"),
        rationale=" why \n",
        fix="how",
        fix_prompt="do it; verify with: auditor audit .",
        check=rule.check,
        examples=rule.examples,
        options=(
            Option("paths", ("a", "b"), "where"),
            Option("limit", 3, "how many"),
            Option("ratio", 0.5, "how much"),
            Option("strict", False, "whether"),
            Option("name", "x", "what"),
        ),
        aliases=("OLD001",),
        profiles=frozenset({"library", "cli"}),
    )
    row = rule_declaration(declared)
    jsonschema.Draft202012Validator(_schema()).validate([row])
    assert row["rationale"] == "why" and row["evidence_source"] == "a study"
    assert row["profiles"] == ["cli", "library"] and row["aliases"] == ["OLD001"]
    assert {name: o["type"] for name, o in row["options"].items()} == {
        "paths": "array",
        "limit": "integer",
        "ratio": "number",
        "strict": "boolean",
        "name": "string",
    }
    assert row["options"]["paths"]["default"] == ["a", "b"]


def test_the_schema_names_every_category_severity_and_grade() -> None:
    rule = _schema()["$defs"]["rule"]["properties"]
    assert rule["category"]["enum"] == [c.value for c in Category]
    assert rule["severity"]["enum"] == [s.value for s in Severity]
    assert rule["evidence"]["enum"] == [g.value for g in Grade]
    assert rule["profiles"]["oneOf"][1]["items"]["enum"] == list(PROFILES)
