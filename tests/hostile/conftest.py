"""Running a command on a hostile repository in-process, and what every such run must show."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from auditor.cli import run


@dataclass(frozen=True)
class Outcome:
    code: int
    out: str
    err: str

    @property
    def report(self) -> dict[str, Any]:
        document: dict[str, Any] = json.loads(self.out)
        return document

    def diagnostics(self, path: str) -> list[str]:
        """The `kind: message` of each diagnostic about `path`."""
        return [
            f"{d['kind']}: {d['message']}" for d in self.report["diagnostics"] if d["path"] == path
        ]


Invoke = Callable[..., Outcome]


@pytest.fixture
def invoke(capsys: pytest.CaptureFixture[str]) -> Invoke:
    """`auditor ARGS` in-process, through the CLI's one error boundary."""

    def call(*args: str | Path) -> Outcome:
        code = run([str(arg) for arg in args])
        captured = capsys.readouterr()
        return Outcome(code, captured.out, captured.err)

    return call


@pytest.fixture
def audit(invoke: Invoke) -> Callable[[Path], Outcome]:
    """`auditor audit ROOT --format json --no-cache`, checked: exit 0 or 1 and a JSON report."""

    def call(root: Path, *args: str) -> Outcome:
        outcome = invoke("audit", root, "--format", "json", "--no-cache", *args)
        assert_survived(outcome)
        assert outcome.report["schema_version"].startswith("1.")
        return outcome

    return call


def assert_survived(outcome: Outcome) -> None:
    """Exit 0 or 1 (never 3, the internal error), and no traceback on stderr."""
    assert outcome.code in (0, 1), outcome.err
    assert "internal error" not in outcome.err and "Traceback" not in outcome.err
