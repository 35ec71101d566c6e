"""FEE002: there is code to test but no command the index can find that runs the tests."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.model import Category, Evidence, Grade, MeasureValue, Severity
from auditor.rule import (
    CODE_PROFILES,
    Reads,
    Rule,
    RuleContext,
    Violation,
    failing,
    not_applicable,
    passing,
)


def applies(ctx: RuleContext) -> bool:
    return ctx.facts.primary_language is not None or ctx.facts.test_file_count > 0


def check(ctx: RuleContext) -> Iterator[Violation]:
    facts = ctx.facts
    if facts.test_command is None:
        count = facts.test_file_count
        found = f"{count} test file{'s' if count != 1 else ''}" if count else "no test files"
        yield Violation(f"no command that runs the tests could be found ({found})")


def measure(ctx: RuleContext) -> dict[str, MeasureValue]:
    """The test command chosen, where it was found and how, and the test files counted."""
    command = ctx.facts.test_command
    return {
        "command": command.text if command else None,
        "path": command.path if command else None,
        "line": command.line if command else None,
        "origin": command.origin if command else None,
        "test_files": ctx.facts.test_file_count,
    }


RULE = Rule(
    id="FEE002",
    name="missing-test-command",
    title="No discoverable test command",
    category=Category.FEEDBACK,
    severity=Severity.HIGH,
    level=1,
    evidence=Evidence(
        Grade.STRONG,
        "SetupBench (Microsoft 2025): a large share of failed environment set-ups came from "
        "missing test tooling; Gloaguen et al. 2026 (arXiv 2602.11988): tools a repository "
        "names get used 1.6-2.5x more; every agent vendor asks for the test command first.",
    ),
    rationale=(
        "An agent needs one command it can trust to run the suite. When the runner is not "
        "configured anywhere (no pytest or jest config, no test target, no test script) the "
        "agent guesses, installs the wrong tool or runs the wrong subset, and then reports "
        "success that means nothing."
    ),
    fix=(
        "Make the tests runnable by one conventional command: configure the runner in the "
        "manifest ([tool.pytest.ini_options], package.json `scripts.test`) or add a `test` "
        "target to the Makefile, justfile, tox or nox."
    ),
    fix_prompt=(
        "No command that runs this repository's tests can be derived from its files. Pick the "
        "test runner the existing tests are written for, configure it in the project manifest "
        "(for Python: [tool.pytest.ini_options] with testpaths in pyproject.toml; for "
        "JavaScript: a `test` script in package.json), add a `test` target to the task runner "
        "if there is one, and check that the command runs the whole suite from a clean "
        "checkout. Verify with: auditor audit . --select FEE002"
    ),
    check=check,
    reads=frozenset({Reads.MANIFESTS, Reads.CONFIG, Reads.CI, Reads.TREE}),
    applies=applies,
    measure=measure,
    examples=(
        passing(
            {
                "pyproject.toml": '[project]\nname = "app"\n\n[tool.pytest.ini_options]\n'
                'testpaths = ["tests"]\n',
                "app.py": "def add(a, b):\n    return a + b\n",
                "tests/test_app.py": "def test_add():\n    assert True\n",
            }
        ),
        passing(
            {
                "package.json": '{"name": "app", "scripts": {"test": "vitest run"}}\n',
                "index.js": "export const add = (a, b) => a + b;\n",
            },
            "a package.json test script",
        ),
        failing({"app.py": "def add(a, b):\n    return a + b\n", "README.md": "# App\n"}),
        not_applicable({"README.md": "# Notes\n"}, "nothing to test"),
    ),
    profiles=CODE_PROFILES,
)
