"""`auditor diff` gates on what the new audit could not judge, as `audit --fail-on` does."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.hostile.conftest import Invoke

UNJUDGED = {
    "rule": "INS035",
    "severity": "critical",
    "path": ".mcp.json",
    "reason": "cannot read it: nested too deeply",
}


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    from auditor.cli import run
    from tests.conftest import write_repo

    root = write_repo(tmp_path_factory.mktemp("repo"), {"README.md": "# x\n", "app.py": "x = 1\n"})
    out = tmp_path_factory.mktemp("out") / "report.json"
    assert run(["audit", str(root), "--no-cache", "-q", "-o", str(out)]) in (0, 1)
    document: dict[str, Any] = json.loads(out.read_text())
    assert document["unjudged"] == []
    return document


def _write(path: Path, document: dict[str, Any], unjudged: list[dict[str, Any]]) -> Path:
    path.write_text(json.dumps({**document, "unjudged": unjudged}), encoding="utf-8")
    return path


@pytest.mark.parametrize("threshold", ["critical", "high"])
def test_an_unjudged_rule_in_the_new_report_fails_fail_on(
    threshold: str, report: dict[str, Any], tmp_path: Path, invoke: Invoke
) -> None:
    old = _write(tmp_path / "old.json", report, [])
    new = _write(tmp_path / "new.json", report, [UNJUDGED])
    outcome = invoke("diff", old, new, "--fail-on", threshold)
    assert outcome.code == 1
    assert "INS035 not judged in .mcp.json: cannot read it: nested too deeply" in outcome.err
    assert invoke("diff", old, old, "--fail-on", threshold).code == 0


def test_fail_on_regression_fails_only_on_a_rule_newly_unjudged(
    report: dict[str, Any], tmp_path: Path, invoke: Invoke
) -> None:
    before = _write(tmp_path / "before.json", report, [])
    after = _write(tmp_path / "after.json", report, [UNJUDGED])
    assert invoke("diff", before, after, "--fail-on-regression").code == 1
    assert invoke("diff", after, after, "--fail-on-regression").code == 0  # no worse than before


def test_an_unjudged_entry_of_the_wrong_shape_is_refused(
    report: dict[str, Any], tmp_path: Path, invoke: Invoke
) -> None:
    good = _write(tmp_path / "good.json", report, [])
    bad = _write(tmp_path / "bad.json", report, [{**UNJUDGED, "rule": 7}])
    outcome = invoke("diff", good, bad, "--fail-on", "low")
    assert outcome.code == 2 and "unjudged[].rule is not a string" in outcome.err
