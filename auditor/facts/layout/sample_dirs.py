"""Directories whose manifests describe samples, templates or test data, not this repository."""

from __future__ import annotations

import functools

from auditor.facts.layout.aside_dirs import is_aside

TEST_TREES = frozenset({"test", "tests", "__tests__", "testing", "e2e"})
"""Set aside for project discovery, but their manifests say how this repository is tested."""


@functools.lru_cache(maxsize=8192)
def is_sample_dir(directory: str) -> bool:
    """Under test data, examples, docs, vendored code (`aside_dirs`) or a scaffold template
    (`template-react-ts/`): its Makefile and package scripts are not this repository's."""
    parts = [part for part in directory.split("/") if part]
    return any(is_aside(part) or part.startswith("template") for part in parts)


@functools.lru_cache(maxsize=8192)
def is_sample_outside_tests(directory: str) -> bool:
    """Like `is_sample_dir`, but test trees (`test/`, `e2e/`) count as the repository's own:
    the test projects of a .NET solution or an e2e package live there."""
    parts = [part for part in directory.split("/") if part and part.lower() not in TEST_TREES]
    return any(is_aside(part) or part.startswith("template") for part in parts)
