"""FEE009: a large test suite with no fast subset an agent can run on each iteration."""

from __future__ import annotations

import re
from collections.abc import Iterator

from auditor.model import Category, Evidence, Grade, Severity
from auditor.rule import (
    CODE_PROFILES,
    Option,
    Reads,
    Rule,
    RuleContext,
    Violation,
    failing,
    not_applicable,
    passing,
)

SUBSET_DIRS = re.compile(
    r"(?:^|/)(?:unit|unit[-_]tests?|integration|integration[-_]tests?|e2e|functional|smoke|"
    r"slow|acceptance|system[-_]tests?|it)/",
    re.IGNORECASE,
)
"""Test directories that split the suite by speed or scope."""
SUBSET_OPTIONS = re.compile(
    r"""\s-m\s*['"]?not\b | \s-short\b | --testPathIgnorePatterns | --exclude-?tag | --skip\b
      | :(?:unit|fast|quick|integration|e2e)\b | \btest[-_:](?:unit|fast|quick|integration|e2e)\b
      | --ignored\b | --selectProjects | -Dgroups= | -DexcludedGroups=""",
    re.VERBOSE,
)
"""Commands that run part of the suite by marker, flag or script name."""
MARKERS_CONFIG = re.compile(r"^[^\S\n]*markers\s*=", re.MULTILINE)
PYTEST_CONFIGS = ("pyproject.toml", "pytest.ini", "setup.cfg", "tox.ini")


def applies(ctx: RuleContext) -> bool:
    return ctx.facts.test_file_count >= int(ctx.option("min_test_files"))


def has_subset(ctx: RuleContext) -> bool:
    tests = [f for f in ctx.index.files if f.is_test]
    if any(SUBSET_DIRS.search(f.path) or "marks-test-subset" in f.markers for f in tests):
        return True
    if any(SUBSET_OPTIONS.search(" " + command.text) for command in ctx.facts.commands):
        return True
    configs = (ctx.index.text(path) if ctx.index.file(path) else None for path in PYTEST_CONFIGS)
    return any(text and MARKERS_CONFIG.search(text) for text in configs)


def check(ctx: RuleContext) -> Iterator[Violation]:
    if not has_subset(ctx):
        yield Violation(
            f"{ctx.facts.test_file_count} test files and no fast subset (markers, unit/"
            "integration directories or a unit-test script) to run on each change"
        )


def suite(count: int, extra: str = "") -> dict[str, str]:
    files = {f"tests/test_m{i}.py": f"def test_{i}():\n    assert True\n" for i in range(count)}
    files["tests/test_m0.py"] = "import pytest\n\n" + extra + "def test_0():\n    assert True\n"
    return files


RULE = Rule(
    id="FEE009",
    name="no-fast-test-subset",
    title="Large test suite without a fast subset",
    category=Category.FEEDBACK,
    severity=Severity.LOW,
    level=5,
    evidence=Evidence(
        Grade.CONVENTION,
        "Mechanism moderate, threshold convention: agents rerun tests many times per task "
        "under per-command timeouts (Yang et al., SWE-agent, arXiv 2405.15793; Anthropic, "
        "Claude Code best practices); the 500-test cut-off is a convention.",
    ),
    rationale=(
        "Agents run the tests after every change, and their shell commands time out. In a "
        "large suite, a defined fast subset (unit tests in their own directory, slow or "
        "integration tests behind a marker, a `test:unit` script, Go's `-short`) gives an "
        "answer in seconds, and the whole suite runs once at the end."
    ),
    fix=(
        "Tag slow or integration tests (pytest markers, JUnit tags, `testing.Short()`) or "
        "move them to their own directory, and document the command that skips them."
    ),
    fix_prompt=(
        "This repository's test suite is large and has no fast subset. Find the slow tests "
        "(network, database, subprocess, end-to-end), tag them with a marker (for pytest: "
        'register `slow` under `markers` and add `-m "not slow"` as the fast command) or '
        "move them to tests/integration, and document the fast command in AGENTS.md. "
        "Verify with: auditor audit . --select FEE009"
    ),
    check=check,
    reads=frozenset({Reads.SOURCES, Reads.CONFIG, Reads.MANIFESTS, Reads.TREE}),
    applies=applies,
    options=(Option("min_test_files", 150, "Judge only suites with this many test files."),),
    examples=(
        passing(suite(4, "@pytest.mark.slow\n"), "a slow marker", min_test_files=3),
        passing(
            {**suite(4), "tests/unit/test_a.py": "def test_a():\n    pass\n"},
            "unit tests in their own directory",
            min_test_files=3,
        ),
        failing(suite(4), min_test_files=3),
        not_applicable(suite(4), "a small suite"),
    ),
    per_package=False,
    profiles=CODE_PROFILES,
)
