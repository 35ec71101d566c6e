"""Directories holding test data, samples, docs or vendored code, not the repository's projects."""

from __future__ import annotations

ASIDE_DIRS = frozenset({
    "test", "tests", "__tests__", "testdata", "testing", "e2e",
    "fixture", "fixtures", "__fixtures__", "playground", "playgrounds",
    "example", "examples", "sample", "samples", "demo", "demos",
    "benchmark", "benchmarks", "doc", "docs", "template", "templates",
    "node_modules", "vendor", "third_party", "third-party",
})  # fmt: skip
"""A manifest below a directory of one of these names says nothing about how the repository
itself is built: it belongs to test data, a sample, the docs or vendored code."""

TEST_DATA_DIRS = frozenset({
    "__tests__", "testdata", "fixture", "fixtures", "__fixtures__", "node_modules", "vendor",
})  # fmt: skip
"""Directory names that hold test data or vendored code even when a workspace glob reaches
them (unlike `docs` or `testing`, which are also common names of real packages)."""
TEST_SUFFIXES = ("-test", "-tests", "_test", "_tests", "-e2e")
"""`integration-tests/`, `maven_tests/`: named for the tests they hold."""


def is_aside(part: str) -> bool:
    """Whether a directory named `part` is set aside: listed, a test suite's, hidden, templated."""
    lower = part.lower()
    return (
        lower in ASIDE_DIRS or lower.endswith(TEST_SUFFIXES) or part.startswith(".") or "{{" in part
    )


def lies_aside(directory: str) -> bool:
    """Whether any directory on the path `directory` is set aside."""
    return any(is_aside(part) for part in directory.split("/") if part)
