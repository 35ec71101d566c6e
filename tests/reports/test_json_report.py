"""The JSON report: shape, stability, rounding, and agreement with its JSON Schema."""

from __future__ import annotations

import copy
import json
from typing import Any

import jsonschema
import pytest
from syrupy.assertion import SnapshotAssertion

from auditor.model import RenderOptions
from auditor_reports.json_report import load_schema, render
from tests.reports.sample import sample_report, tidy_report
from tests.reports.snapshots import JSONSnapshot

TOP_LEVEL_KEYS = {
    "schema_version",
    "rules_digest",
    "tool",
    "repository",
    "score",
    "level",
    "next_level",
    "categories",
    "facts",
    "findings",
    "rules",
    "top_fixes",
    "packages",
    "diagnostics",
    "unjudged",
    "baseline",
    "change",
}


def document(report: Any = None) -> dict[str, Any]:
    parsed: dict[str, Any] = json.loads(render(report or sample_report(), RenderOptions()))
    return parsed


def validator() -> jsonschema.Draft202012Validator:
    schema = load_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("make", [sample_report, tidy_report], ids=["sample", "tidy"])
def test_matches_snapshot(make: Any, snapshot: SnapshotAssertion) -> None:
    assert render(make(), RenderOptions()) == snapshot.use_extension(JSONSnapshot)


def test_is_byte_stable_sorted_and_newline_terminated() -> None:
    text = render(sample_report(), RenderOptions())
    assert text == render(sample_report(), RenderOptions(verbosity=1, color=True, width=40))
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert text == json.dumps(json.loads(text), sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def test_top_level_shape() -> None:
    doc = document()
    assert set(doc) == TOP_LEVEL_KEYS
    assert doc["tool"] == {"name": "auditor", "version": "0.1.0"}
    assert doc["repository"]["commit"].startswith("3f9c2a1b7d4e")
    assert doc["score"] == 65.6 and doc["level"] == 3
    assert doc["next_level"] == {
        "level": 4,
        "needed": 4,
        "blocking": ["DOC003", "ENV003", "FEE004", "INS003", "NAV001", "NAV002", "SAF001"],
    }


def test_lists_are_ordered_for_stable_diffs() -> None:
    doc = document()
    assert [c["id"] for c in doc["categories"]] == sorted(c["id"] for c in doc["categories"])
    assert [r["id"] for r in doc["rules"]] == sorted(r["id"] for r in doc["rules"])
    assert [p["path"] for p in doc["packages"]] == ["packages/api", "packages/cli"]
    paths = [d["path"] for d in doc["diagnostics"]]
    assert paths == sorted(paths)
    findings = sample_report().findings
    assert [f["fingerprint"] for f in doc["findings"]] == [f.fingerprint for f in findings]
    assert [t["rule"] for t in doc["top_fixes"]][:2] == ["SAF001", "NAV001"]


def test_floats_are_rounded() -> None:
    doc = document()
    numbers = [c["score"] for c in doc["categories"]] + [p["score"] for p in doc["packages"]]
    assert all(round(n, 1) == n for n in numbers)
    points = [r[k] for r in doc["rules"] for k in ("contribution", "gain")]
    assert all(round(p, 2) == p for p in points + [t["gain"] for t in doc["top_fixes"]])
    assert "-0.0" not in render(sample_report(), RenderOptions())


def test_not_applicable_category_and_top_level() -> None:
    doc = document(tidy_report())
    assert doc["next_level"] is None
    assert doc["repository"]["commit"] is None
    assert {c["id"]: c["score"] for c in doc["categories"]}["safety"] is None
    assert doc["findings"] == [] and doc["packages"] == [] and doc["diagnostics"] == []


@pytest.mark.parametrize("make", [sample_report, tidy_report])
def test_reports_validate_against_schema(make: Any) -> None:
    validator().validate(document(make()))


def _drop_key(doc: dict[str, Any]) -> None:
    del doc["findings"]


def _bad_severity(doc: dict[str, Any]) -> None:
    doc["findings"][0]["severity"] = "blocker"


def _extra_key(doc: dict[str, Any]) -> None:
    doc["generated_at"] = "2024-01-01T00:00:00Z"


def _extra_rule_key(doc: dict[str, Any]) -> None:
    doc["rules"][0]["options"] = {}


def _bad_status(doc: dict[str, Any]) -> None:
    doc["rules"][0]["status"] = "skipped"


def _bad_category(doc: dict[str, Any]) -> None:
    doc["categories"][0]["id"] = "testing"


def _score_out_of_range(doc: dict[str, Any]) -> None:
    doc["score"] = 101


def _missing_fact(doc: dict[str, Any]) -> None:
    del doc["facts"]["test_command"]


def _unknown_fact(doc: dict[str, Any]) -> None:
    doc["facts"]["favourite_colour"] = "blue"


def _bad_docs(doc: dict[str, Any]) -> None:
    doc["facts"]["docs"]["readme"] = 1


def _absolute_path(doc: dict[str, Any]) -> None:
    doc["findings"][0]["path"] = "/home/me/repo/config/settings.py"


def _level_zero(doc: dict[str, Any]) -> None:
    doc["level"] = 0


MUTATIONS = [
    _drop_key,
    _bad_severity,
    _extra_key,
    _extra_rule_key,
    _bad_status,
    _bad_category,
    _score_out_of_range,
    _missing_fact,
    _unknown_fact,
    _bad_docs,
    _absolute_path,
    _level_zero,
]


@pytest.mark.parametrize("mutate", MUTATIONS, ids=lambda m: m.__name__.strip("_"))
def test_schema_rejects_mutated_documents(mutate: Any) -> None:
    doc = copy.deepcopy(document())
    mutate(doc)
    assert not validator().is_valid(doc)


def test_schema_ships_with_the_package() -> None:
    schema = load_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert set(schema["required"]) == TOP_LEVEL_KEYS - {"rules_digest"}  # new in 1.2
