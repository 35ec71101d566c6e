"""The GitLab Code Quality report: the fields GitLab documents, one issue per finding, stable."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import jsonschema

from auditor.model import RenderOptions, Report
from auditor_reports.gitlab import render
from tests.reports.sample import sample_report

CODE_QUALITY = {
    "description": "What GitLab reads of a Code Quality report (docs.gitlab.com/ci/testing/"
    "code_quality: 'Code Quality report format'): an array of issues, each with these fields.",
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "minLength": 1},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "required": ["path", "lines"],
                "properties": {
                    "path": {"type": "string", "pattern": "^(?!/)(?!\\.\\./)[^\\\\]+$"},
                    "lines": {
                        "type": "object",
                        "required": ["begin"],
                        "properties": {"begin": {"type": "integer", "minimum": 1}},
                    },
                },
            },
        },
    },
}


def issues(report: Report) -> list[dict[str, Any]]:
    parsed: list[dict[str, Any]] = json.loads(render(report, RenderOptions()))
    return parsed


def test_the_report_has_every_field_gitlab_documents() -> None:
    report = sample_report()
    found = issues(report)
    jsonschema.validate(found, CODE_QUALITY)
    assert len(found) == len(report.findings)
    assert len({i["fingerprint"] for i in found}) == len(found)  # GitLab keys issues by it
    by_print = {i["fingerprint"]: i for i in found}
    for finding in report.findings:
        issue = by_print[finding.fingerprint]
        assert issue["check_name"] == finding.rule and finding.message in issue["description"]
        if finding.path:
            assert issue["location"]["path"] == finding.path
            assert issue["location"]["lines"]["begin"] == (finding.line or 1)


def test_severities_map_onto_gitlab_s_scale() -> None:
    severities = {i["check_name"]: i["severity"] for i in issues(sample_report())}
    rules = {f.rule: f.severity.value for f in sample_report().findings}
    expected = {"low": "minor", "medium": "major", "high": "critical", "critical": "blocker"}
    assert severities == {rule: expected[severity] for rule, severity in rules.items()}


def test_suppressed_findings_are_left_out_and_output_is_stable() -> None:
    report = sample_report()
    first, *rest = report.findings
    muted = dataclasses.replace(report, findings=(dataclasses.replace(first, suppressed="ok"),
                                                  *rest))  # fmt: skip
    assert first.fingerprint not in {i["fingerprint"] for i in issues(muted)}
    assert render(report, RenderOptions()) == render(report, RenderOptions())
    assert render(report, RenderOptions()).endswith("]\n")


def test_audit_writes_it_with_format_gitlab(make_repo: Any, capsys: Any) -> None:
    from auditor.cli import run

    root = make_repo({"README.md": "# app\n", "app.py": "def f():\n    return 1\n"})
    assert run(["audit", str(root), "--no-cache", "--format", "gitlab"]) == 0
    found = json.loads(capsys.readouterr().out)
    jsonschema.validate(found, CODE_QUALITY)
    assert found and {i["location"]["path"] for i in found} <= {
        "README.md",
        "app.py",
        "AGENTS.md",
        ".gitignore",
        "CONTRIBUTING.md",
    }
