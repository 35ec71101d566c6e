"""The command matching FEE003 and FEE004 fall back on when the index has not classified a
command: by the head of a test command, or by a task or script named for tests."""

from __future__ import annotations

import pytest

from auditor.facts import Command
from auditor_rules.feedback.runs_tests import (
    runs_test_task,
    runs_tests,
    script_commands,
    script_paths,
)


def command(text: str, origin: str = "docs") -> Command:
    return Command(text, "README.md", 1, origin)


@pytest.mark.parametrize(
    ("test", "text", "expected"),
    [
        ("pytest", "pytest -x tests/", True),
        ("pytest", "$ uv run pytest", True),
        ("pytest", "cd src && python -m pytest", True),
        ("pytest", "COVERAGE=1 pytest", True),
        ("pytest", "pip install pytest", False),
        ("pytest", "ruff check .", False),
        ("go test ./...", "go test -race ./...", True),
        ("go test ./...", "go vet ./...", False),
        ("npm test", "npm run test", True),
        ("npm test", "pnpm test", True),
        ("npm test", "npm run build", False),
        ("make test", "make test", True),
        ("make test", "make lint", False),
        ("hatch run test:unit", "hatch run test:unit -x", True),
        ("cd tests && pytest", "pytest", True),
        ("pytest", "echo 'unterminated", False),
    ],
)
def test_runs_tests_by_head(test: str, text: str, expected: bool) -> None:
    assert runs_tests(command(text), (command(test, "make"),)) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("make test-race", True),
        ("make tests", True),
        ("just test", True),
        ("npm run test:unit", True),
        ("bash scripts/tests-start.sh", True),
        ("./ci/test-complete", True),
        ("make latest", False),
        ("make testdata", False),
        ("make lint", False),
        ("bash scripts/deploy.sh", False),
    ],
)
def test_runs_test_task_by_name(text: str, expected: bool) -> None:
    assert runs_test_task(command(text, "ci")) is expected


@pytest.mark.parametrize(
    ("text", "paths"),
    [
        ("bash .ci/run", [".ci/run"]),
        ("./scripts/test.sh --fast", ["scripts/test.sh"]),
        ("CI=true sh ci/build.sh && make", ["ci/build.sh"]),
        ("python -c 'print(1)'", []),
        ("/usr/bin/env true", []),
        ("pytest", []),
    ],
)
def test_script_paths(text: str, paths: list[str]) -> None:
    assert script_paths(command(text, "ci")) == paths


def test_script_commands_join_continuations_and_skip_comments() -> None:
    text = "#!/bin/sh\n# set up\npip install \\\n  -e .\n\npython -m pytest\n"
    found = script_commands(".ci/run", text)
    assert [(c.text, c.line) for c in found] == [
        ("pip install -e .", 3),
        ("python -m pytest", 6),
    ]
