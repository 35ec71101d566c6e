"""The SARIF report: valid SARIF 2.1.0, what GitHub code scanning needs, and byte stability."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from syrupy.assertion import SnapshotAssertion

from auditor import api
from auditor.model import RenderOptions, Report
from auditor_reports.sarif import render
from tests.reports.sample import sample_report, tidy_report
from tests.reports.snapshots import JSONSnapshot

SCHEMA = Path(__file__).with_name("sarif-schema-2.1.0.json")
"""A copy of the official schema (docs.oasis-open.org sarif-2.1.0 errata 01), kept here so
the test needs no network and no files outside the repository."""


def sarif(report: Report | None = None) -> dict[str, Any]:
    parsed: dict[str, Any] = json.loads(render(report or sample_report(), RenderOptions()))
    return parsed


def run_of(report: Report | None = None) -> dict[str, Any]:
    run: dict[str, Any] = sarif(report)["runs"][0]
    return run


@pytest.mark.parametrize("make", [sample_report, tidy_report], ids=["sample", "tidy"])
def test_matches_snapshot(make: Any, snapshot: SnapshotAssertion) -> None:
    assert render(make(), RenderOptions()) == snapshot.use_extension(JSONSnapshot)


@pytest.mark.parametrize("make", [sample_report, tidy_report], ids=["sample", "tidy"])
def test_validates_against_the_sarif_schema(make: Any) -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    errors = list(validator_class(schema).iter_errors(sarif(make())))
    assert not errors, [error.message for error in errors[:5]]


def test_is_byte_stable() -> None:
    text = render(sample_report(), RenderOptions())
    assert text == render(sample_report(), RenderOptions(verbosity=-1, color=True))
    assert text.endswith("}\n")
    shuffled = dataclasses.replace(sample_report(), findings=sample_report().findings[::-1])
    assert render(shuffled, RenderOptions()) == text


def test_driver_lists_every_rule_with_help() -> None:
    driver = run_of()["tool"]["driver"]
    assert driver["name"] == "auditor" and driver["version"] == "0.1.0"
    assert driver["informationUri"].startswith("https://")
    ids = [rule["id"] for rule in driver["rules"]]
    assert ids == sorted(r.id for r in sample_report().score.rules)
    saf001 = driver["rules"][ids.index("SAF001")]
    assert saf001["shortDescription"]["text"] == "No secrets are committed"
    assert saf001["helpUri"].endswith("/docs/rules/SAF001.md")
    assert saf001["defaultConfiguration"]["level"] == "error"
    assert "```text\nRemove the hard-coded credential" in saf001["help"]["markdown"]
    assert "Fix: Remove the secret" in saf001["help"]["text"]
    assert saf001["properties"]["security-severity"] == "9.0"
    assert "security" in saf001["properties"]["tags"]
    nav001 = driver["rules"][ids.index("NAV001")]
    assert nav001["defaultConfiguration"]["level"] == "warning"
    assert "security-severity" not in nav001["properties"]


def test_results_are_located_and_fingerprinted() -> None:
    run = run_of()
    rules = run["tool"]["driver"]["rules"]
    results = run["results"]
    assert len(results) == len(sample_report().findings)
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        assert not location["artifactLocation"]["uri"].startswith("/")
        assert len(result["partialFingerprints"]["auditorFingerprint/v1"]) == 16
    secret = next(r for r in results if r["ruleId"] == "SAF001")
    assert secret["level"] == "error"
    assert secret["locations"][0]["physicalLocation"]["region"] == {"startLine": 12}
    low = next(r for r in results if r["ruleId"] == "FEE004")
    assert low["level"] == "note"


def test_repository_level_findings_are_anchored_on_a_file() -> None:
    results = run_of()["results"]
    anchors = {
        r["ruleId"]: r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in results
        if r["properties"]["repositoryLevel"]
    }
    assert anchors == {"FEE004": "README.md", "DOC003": "README.md"}
    agents = next(r for r in results if r["ruleId"] == "INS004")
    assert "region" not in agents["locations"][0]["physicalLocation"]


def test_uris_are_percent_encoded() -> None:
    report = sample_report()
    odd = dataclasses.replace(report.findings[0], path="dir with space/a#b.py")
    uri = run_of(dataclasses.replace(report, findings=(odd,)))["results"][0]["locations"][0]
    assert uri["physicalLocation"]["artifactLocation"]["uri"] == "dir%20with%20space/a%23b.py"


def test_diagnostics_and_errored_rules_are_notifications() -> None:
    invocation = run_of()["invocations"][0]
    assert invocation["executionSuccessful"] is True
    notes = invocation["toolExecutionNotifications"]
    kinds = [n["descriptor"]["id"] for n in notes]
    assert kinds == ["binary", "too-large", "encoding", "malformed", "binary", "rule-error"]
    errored = notes[-1]
    assert errored["associatedRule"]["id"] == "NAV003" and errored["level"] == "error"
    assert run_of(tidy_report())["invocations"][0]["toolExecutionNotifications"] == []


def test_a_finding_of_an_unlisted_rule_still_has_a_rule() -> None:
    report = sample_report()
    rules = tuple(r for r in report.score.rules if r.id != "SAF001")
    alone = dataclasses.replace(report, score=dataclasses.replace(report.score, rules=rules))
    run = run_of(alone)
    ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert "SAF001" in ids
    secret = next(r for r in run["results"] if r["ruleId"] == "SAF001")
    assert run["tool"]["driver"]["rules"][secret["ruleIndex"]]["id"] == "SAF001"


POOR = {
    "main.py": "import os\n\nKEY = os.environ['API_KEY']\n\n\ndef run():\n"
    + "".join(f"    print({i})\n" for i in range(130)),
    "notes.txt": "todo\n",
    "blob.py": b"\x00\x01\x02binary",
}


def test_a_real_audit_of_a_poor_repository_is_valid_sarif(
    make_repo: Callable[..., Path],
) -> None:
    report = api.audit(make_repo(POOR, git=True))
    log = json.loads(render(report, RenderOptions()))
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)(schema)
    assert not [error.message for error in validator.iter_errors(log)]
    results = log["runs"][0]["results"]
    assert len(results) == len(report.findings) > 0
    assert all(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results)
    again = api.audit(make_repo(POOR, git=True))  # the same files in another directory
    same_name = dataclasses.replace(again, repository=report.repository)
    assert render(same_name, RenderOptions()) == render(report, RenderOptions())
