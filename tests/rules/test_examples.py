"""Every registered rule's examples, run through the real pipeline: examples are tests."""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType

import pytest
from syrupy.assertion import SnapshotAssertion

from auditor import api, registry
from auditor.config import Config
from auditor.model import Finding, Status
from auditor.rule import Example, Rule
from tests.conftest import write_repo

RULES = registry.load_rules()
CASES = [
    pytest.param(rule, example, id=f"{rule.id}-{i}-{example.expect.value}")
    for rule in RULES
    for i, example in enumerate(rule.examples)
]


def run_example(rule: Rule, example: Example, root: Path) -> tuple[Status, str, list[Finding]]:
    write_repo(root, example.files)
    options = MappingProxyType({rule.id: MappingProxyType(dict(example.options))})
    report = api.audit(root, Config(select=(rule.id,), rule_options=options), rules=RULES)
    (result,) = [r for r in report.score.rules if r.id == rule.id]
    found = [f for f in report.findings if f.rule == rule.id]
    return result.status, result.message or "; ".join(f.message for f in found), found


@pytest.mark.parametrize(("rule", "example"), CASES)
def test_example(rule: Rule, example: Example, tmp_path: Path, snapshot: SnapshotAssertion) -> None:
    """The status the example declares, and for a failing one what it finds, where, and why.

    The findings (`path:line: message`) are golden in `__snapshots__/test_examples.ambr`.
    """
    status, detail, found = run_example(rule, example, tmp_path / "repo")
    assert status is example.expect, f"{rule.id} {example.note!r}: got {status.value} ({detail})"
    if status is Status.FAIL:
        assert found or detail, f"{rule.id} {example.note!r}: fails with no finding and no message"
        assert ([_located(f) for f in found] or [detail]) == snapshot


def _located(finding: Finding) -> str:
    where = finding.path or "(repository)"
    return (
        f"{where}:{finding.line}: {finding.message}"
        if finding.line
        else f"{where}: {finding.message}"
    )


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_declaration_is_valid(rule: Rule) -> None:
    assert rule.problems() == []
