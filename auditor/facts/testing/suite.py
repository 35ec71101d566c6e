"""Tests: frameworks, directories, test files, and the commands that run them."""

from __future__ import annotations

import re

from auditor.facts.model import Command
from auditor.facts.runners.registry import runners_of
from auditor.facts.sources import FactSources
from auditor.facts.testing.defaults import default_test_commands
from auditor.facts.testing.frameworks import framework_evidence
from auditor.facts.testing.invocations import test_environment
from auditor.facts.testing.targets import runner_test_commands, runs_tests

TEST_DIR_NAMES = frozenset(
    {
        "test",
        "tests",
        "__tests__",
        "spec",
        "specs",
        "e2e",
        "testing",
        "integration_tests",
        "integration-tests",
        "unit_tests",
        "Tests",
    }
)
"""Directory names that hold tests (`src/test` in Maven and Gradle layouts)."""
SOURCE_SET = re.compile(r"^[a-z]+Test$")
"""Gradle and Kotlin test source sets: `src/androidTest`, `src/jvmTest`, `src/integrationTest`."""
DATA_DIRS = frozenset(
    {
        "testdata",
        "test_data",
        "test-data",
        "fixtures",
        "fixture",
        "__fixtures__",
        "__snapshots__",
        "snapshots",
        "resources",
    }
)
"""Directories of test data: files below them are inputs of tests, not tests."""
DOCUMENTED = ("instructions", "docs", "ci")
RUNNER_ORIGINS = ("make", "just", "task", "npm-script", "tox", "nox", "hatch", "pdm", "poe")
INSTRUCTION_NAMES = ("AGENTS.md", "CLAUDE.md")
TEMPLATE_MARKS = ("${{", "{{", "$(", "${", "<")
"""A command holding these is not runnable as written (`tox -e ${{ matrix.env }}`)."""


def test_frameworks(src: FactSources) -> tuple[str, ...]:
    """Names of the test frameworks in use (pytest, unittest, jest, go test, cargo test, junit,
    ...), sorted."""
    return tuple(sorted(framework_evidence(src)))


def _is_data(path: str) -> bool:
    return any(part in DATA_DIRS for part in path.split("/")[:-1])


def test_dirs(src: FactSources) -> tuple[str, ...]:
    """The top-most directories holding test files (`tests`, `src/test`, `pkg/__tests__`)."""
    found: set[str] = set()
    for record in src.repo.files:
        if not _is_test_file(record.path, record.is_test, record.language, record.lines):
            continue
        parts = record.path.split("/")[:-1]
        for depth, part in enumerate(parts):
            source_set = depth > 0 and parts[depth - 1] == "src" and SOURCE_SET.match(part)
            if part in TEST_DIR_NAMES or source_set:
                found.add("/".join(parts[: depth + 1]))
                break
    return tuple(sorted(d for d in found if not any(d.startswith(o + "/") for o in found)))


def _is_test_file(path: str, is_test: bool, language: str | None, lines: int) -> bool:
    return is_test and language is not None and lines > 0 and not _is_data(path)


def test_file_count(src: FactSources) -> int:
    """Test files written in a programming language, without test data (fixtures, testdata,
    snapshots) and empty files (`tests/__init__.py`)."""
    return sum(
        1
        for f in src.repo.files
        if _is_test_file(f.path, f.is_test, f.language, f.lines) and not f.is_generated
    )


def test_commands(src: FactSources, commands: tuple[Command, ...]) -> tuple[Command, ...]:
    """Every way found to run the whole test suite, the canonical one first.

    Canonical is what the agent instructions say (AGENTS.md, CLAUDE.md, ...), then
    CONTRIBUTING and development guides, then the README, then the instruction files of
    subdirectories (they speak for one package); else what CI runs; else a task
    runner's test target (make, just, task, package scripts, tox, nox, hatch, pdm, poe); else
    the framework's own default command (origin `default`). A command counts only when what it
    needs exists: `make test` a `test` target, `npm test` a real `test` script, `tox -e X` an
    env X, `pytest` Python tests. Commands that cannot run as written (`${{ matrix.env }}`)
    rank after the task runners. Identical texts keep the best-ranked one.
    """
    runners = runners_of(src)
    frameworks = framework_evidence(src)
    env = test_environment(src, frozenset(frameworks))
    documented = [c for c in commands if c.origin in DOCUMENTED and runs_tests(runners, env, c)]
    candidates = [
        *documented,
        *runner_test_commands(runners, env),
        *default_test_commands(src, frameworks, env),
    ]
    order = {command: i for i, command in enumerate(candidates)}
    best: dict[str, Command] = {}
    for command in sorted(candidates, key=lambda c: (_rank(c), order[c])):
        best.setdefault(command.text, command)
    return tuple(best.values())


def _rank(command: Command) -> tuple[int, int, str, int]:
    path, line = command.path, command.line or 0
    depth = path.count("/")
    if any(mark in command.text for mark in TEMPLATE_MARKS) and command.origin != "default":
        return (6, 0, path, line)
    if command.origin == "instructions":
        name = path.rsplit("/", 1)[-1]
        known = INSTRUCTION_NAMES.index(name) if name in INSTRUCTION_NAMES else 2
        if path.startswith(".") or "/" not in path:  # the root's, or .github/, .cursor/ rules
            return (0, known, path, line)
        return (2, 10 + depth, path, line)  # a package's own: after the root's documents
    if command.origin == "docs":
        readme = path.rsplit("/", 1)[-1].lower().startswith("readme")
        return (2 if readme else 1, depth, path, line)
    if command.origin == "ci":
        return (3, 0, path, line)
    if command.origin in RUNNER_ORIGINS:
        return (4, RUNNER_ORIGINS.index(command.origin), "", 0)
    return (7, 0, "", 0)
