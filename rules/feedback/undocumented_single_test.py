"""FEE008: the docs never show how to run a single test, only the whole suite."""

from __future__ import annotations

import re
from collections.abc import Iterator

from auditor.facts import Command
from auditor.facts.shell.heads import main_head, names_test_task, runs_same_program
from auditor.model import Category, Evidence, Grade, Severity
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

from .test_selectors import DIRECT, SELECTOR, TESTING, UNIVERSAL

DOCUMENTED = frozenset({"instructions", "docs"})


def applies(ctx: RuleContext) -> bool:
    """Tests run through a wrapper (make, tox, nox, npm scripts, Gradle, Maven, a script):
    how to narrow the run through it is project knowledge an agent cannot guess."""
    test = ctx.facts.test_command
    if ctx.facts.test_file_count == 0 or test is None:
        return False
    if ctx.facts.primary_language in UNIVERSAL:
        return False
    found = main_head(test.text)
    return found is None or found[0] not in DIRECT


def single_test_command(ctx: RuleContext) -> Command | None:
    """The first documented command that runs part of the test suite."""
    tests = [test.text for test in ctx.facts.test_commands]
    for command in ctx.facts.commands:
        if command.origin not in DOCUMENTED or not SELECTOR.search(" " + command.text):
            continue
        text = command.text
        if runs_same_program(text, tests) or names_test_task(text) or TESTING.search(text):
            return command
        if re.search(r"\b(?:go|cargo|dotnet|mvn|gradle|\./gradlew|\./mvnw)\b", command.text):
            return command
    return None


def check(ctx: RuleContext) -> Iterator[Violation]:
    if single_test_command(ctx) is None:
        where = ctx.facts.instruction_files[0] if ctx.facts.instruction_files else None
        yield Violation(
            "no instruction file, README or contributing guide shows how to run one test",
            where or ctx.facts.docs.readme,
        )


PROJECT = {
    "pyproject.toml": '[project]\nname = "app"\n\n[tool.pytest.ini_options]\n',
    "Makefile": "test:\n\tpytest -q\n",
    "tests/test_app.py": "def test_add():\n    assert True\n",
}

RULE = Rule(
    id="FEE008",
    name="undocumented-single-test",
    title="How to run a single test is not documented",
    category=Category.FEEDBACK,
    severity=Severity.LOW,
    level=3,
    evidence=Evidence(
        Grade.MODERATE,
        "Vendor guidance: OpenAI's Codex AGENTS.md and the agents.md sample tell agents to run "
        "the focused test first and the full suite last; Yang et al., SWE-agent (arXiv "
        "2405.15793): agents iterate on short edit-run loops.",
    ),
    rationale=(
        "An agent runs the tests many times per task. When the docs only show the whole "
        "suite, it either waits for every test on each iteration or guesses the selector "
        "syntax. One documented example (`pytest tests/test_x.py::test_name`, `go test -run "
        "TestName ./pkg`, `cargo test name`) keeps the loop short."
    ),
    fix=(
        "Add one line to AGENTS.md (or the README's testing section) that runs a single "
        "test, e.g. `pytest tests/test_app.py::test_name` or `go test -run TestName ./pkg`."
    ),
    fix_prompt=(
        "Agents cannot find how to run one test in this repository. Pick a real test file "
        "and test name, work out the command that runs only that test with the project's "
        "test runner (pytest `path::name` or `-k`, `go test -run`, `cargo test name`, "
        "`vitest -t`, `mvn -Dtest=`), run it to check it selects exactly that test, and add "
        "it in a code span under the testing commands of AGENTS.md. "
        "Verify with: auditor audit . --select FEE008"
    ),
    check=check,
    reads=frozenset({Reads.DOCS, Reads.INSTRUCTIONS, Reads.MANIFESTS, Reads.CONFIG}),
    applies=applies,
    examples=(
        passing({**PROJECT, "AGENTS.md": "Run one test: `pytest tests/test_app.py::test_add`\n"}),
        passing(
            {**PROJECT, "README.md": "## Tests\n\n```sh\npython -m pytest -k add\n```\n"},
            "a -k selector in the README",
        ),
        failing({**PROJECT, "AGENTS.md": "Run the tests: `make test`\n"}),
        not_applicable(
            {**PROJECT, "Makefile": "", "AGENTS.md": "Run the tests: `pytest`\n"},
            "the test runner runs directly",
        ),
        not_applicable({"README.md": "# Notes\n"}),
    ),
    per_package=False,
    profiles=CODE_PROFILES,
)
