"""Tests: frameworks, directories, test files, and which CI commands run them.

The test command itself is chosen in `command`."""

from __future__ import annotations

import re

from auditor.facts.sources import FactSources
from auditor.facts.testing.frameworks import framework_evidence

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
