"""Malformed reports given to `auditor diff` and `auditor badge`: exit 2 and one line."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.hostile.conftest import Invoke

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=6), children, max_size=3)
    ),
    max_leaves=8,
)


@pytest.fixture(scope="module")
def real_report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A JSON report of a small repository with findings, read back as data."""
    from auditor.cli import run
    from tests.conftest import write_repo

    root = write_repo(tmp_path_factory.mktemp("repo"), {"README.md": "# x\n", "app.py": "x = 1\n"})
    out = tmp_path_factory.mktemp("out") / "report.json"
    assert run(["audit", str(root), "--no-cache", "-q", "-o", str(out)]) in (0, 1)
    document: dict[str, Any] = json.loads(out.read_text())
    return document


CONTENTS = {
    "huge-number": '{"schema_version": "1.0", "score": ' + "9" * 5000 + "}",
    "deep": "[" * 100_000 + "]" * 100_000,
    "deep-under-the-recursion-limit": '{"schema_version": "1.0", "x": '
    + "[" * 500
    + "]" * 500
    + "}",
    "binary": "\x00\x01\x02",
    "a-list": "[1, 2]",
    "empty": "",
}


@pytest.mark.parametrize("command", ["diff", "badge"])
@pytest.mark.parametrize("case", sorted(CONTENTS))
def test_a_malformed_report_is_exit_two_with_one_line(
    case: str, command: str, real_report: dict[str, Any], tmp_path: Path, invoke: Invoke
) -> None:
    bad, good = tmp_path / "bad.json", tmp_path / "good.json"
    bad.write_text(CONTENTS[case], encoding="utf-8")
    good.write_text(json.dumps(real_report), encoding="utf-8")
    args = ("diff", good, bad) if command == "diff" else ("badge", bad, "-o", tmp_path / "b")
    outcome = invoke(*args)
    assert outcome.code == 2, outcome.err
    assert outcome.err.startswith(f"auditor: error: {bad}: ") and outcome.err.count("\n") == 1


def _replaced(document: Any, path: list[int], value: Any) -> Any:
    """`document` with the node that `path` picks (indices into sorted keys) set to `value`."""
    if not path or not isinstance(document, dict | list) or not document:
        return value
    keys = sorted(document) if isinstance(document, dict) else list(range(len(document)))
    key = keys[path[0] % len(keys)]
    copy = dict(document) if isinstance(document, dict) else list(document)
    copy[key] = _replaced(document[key], path[1:], value)  # type: ignore[index]
    return copy


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(path=st.lists(st.integers(min_value=0, max_value=50), max_size=5), value=JSON)
def test_a_report_with_any_part_replaced_is_compared_or_refused(
    real_report: dict[str, Any], tmp_path: Path, invoke: Invoke, path: list[int], value: Any
) -> None:
    good, mutated = tmp_path / "good.json", tmp_path / "mutated.json"
    good.write_text(json.dumps(real_report), encoding="utf-8")
    mutated.write_text(json.dumps(_replaced(real_report, path, value)), encoding="utf-8")
    for args in (
        ("diff", good, mutated),
        ("diff", mutated, good),
        ("badge", mutated, "-o", tmp_path),
    ):
        outcome = invoke(*args)
        assert outcome.code in (0, 1, 2), outcome.err
        if outcome.code == 2:
            assert outcome.err.startswith("auditor: error: ") and outcome.err.count("\n") == 1


@pytest.mark.parametrize("rule_id", [None, 7, ["INS001"]])
def test_a_rule_id_that_is_not_a_string_is_refused(
    real_report: dict[str, Any], tmp_path: Path, invoke: Invoke, rule_id: Any
) -> None:
    bad, good = tmp_path / "bad.json", tmp_path / "good.json"
    good.write_text(json.dumps(real_report), encoding="utf-8")
    mutated = {**real_report, "rules": [{**real_report["rules"][0], "id": rule_id}]}
    bad.write_text(json.dumps(mutated), encoding="utf-8")
    outcome = invoke("diff", good, bad)
    assert outcome.code == 2, outcome.err  # found by the property test: a TypeError, exit 3
    assert outcome.err.startswith(f"auditor: error: {bad}: ") and outcome.err.count("\n") == 1


@pytest.mark.parametrize("command", ["diff", "badge"])
@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "over-the-cap"])
def test_a_report_that_is_no_bounded_file_is_refused_unread(
    kind: str,
    command: str,
    real_report: dict[str, Any],
    tmp_path: Path,
    invoke: Invoke,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A FIFO or /dev/zero given as a report would be read without end, and a huge file whole:
    each is refused before it is read, in one line (exit 2)."""
    good = tmp_path / "good.json"
    good.write_text(json.dumps(real_report), encoding="utf-8")
    bad, cap = tmp_path / "bad.json", 0
    if kind == "fifo":
        os.mkfifo(bad)  # nothing ever writes to it: reading it would block forever
    elif kind == "dev-zero":
        bad.symlink_to("/dev/zero")
    else:
        cap = len(json.dumps(real_report)) + 16
        monkeypatch.setattr("auditor.report_document.MAX_REPORT_BYTES", cap)
        bad.write_text(json.dumps(real_report) + " " * 64, encoding="utf-8")
    args = ("diff", good, bad) if command == "diff" else ("badge", bad, "-o", tmp_path / "b")
    outcome = invoke(*args)
    assert outcome.code == 2, outcome.err
    assert outcome.err.startswith(f"auditor: error: {bad}: ") and outcome.err.count("\n") == 1
    if kind == "over-the-cap":
        assert outcome.err.endswith(f"cannot read the report: larger than {cap:,} bytes\n")
    elif command == "diff":  # badge takes what is not a regular file for a repository
        assert outcome.err.endswith("cannot read the report: not a regular file\n")
