"""Whether a path is test code (or test data) by the naming conventions of each ecosystem."""

from __future__ import annotations

import re

TEST_DIRECTORIES = frozenset(
    {"test", "tests", "__tests__", "spec", "specs", "e2e", "testdata", "test_data", "fixtures"}
)
"""Directories whose whole tree is tests or test data (compared case-insensitively: Swift's
`Tests/`, .NET's `Test/`)."""
TEST_FILE = re.compile(
    r"""^(?:
        test_.+\.py | tests\.py | conftest\.py
      | .+_test\.go
      | .+\.(?:test|spec|e2e-spec)\.[cm]?[jt]sx?
      | .+(?:Test|Tests|TestCase|IT|Spec)\.(?:java|kt|scala|groovy|cs|php|swift)
      | Test[A-Z0-9_].*\.(?:java|kt|groovy)
      | .+_(?:spec|test)\.rb | test_.+\.rb
      | test_.+\.(?:c|cc|cpp|rs|sh) | .+_test\.(?:c|cc|cpp|rs|sh|exs)
    )$""",
    re.VERBOSE,
)
"""pytest (`test_*.py`, Django's `tests.py`; `*_test.py` is `SUFFIXED_PYTHON`), go test,
jest/vitest/mocha (`*.test.ts`, `*.spec.js`), surefire (`*Test.java`, `Test*.java`,
`*IT.java`), rspec and minitest, ExUnit, and the common C/C++/Rust/shell spellings."""


SUFFIXED_PYTHON = re.compile(r"^.+_tests?\.py$")
"""pytest's `*_test.py`: a test only when its code is (`single_test.py` may be a module about
single tests)."""
PYTHON_TEST_CODE = re.compile(
    rb"(?m)^(?:async\s+)?def test|^class Test|^(?:import|from) (?:pytest|unittest)\b"
)


def is_test_path(path: str, data: bytes | None = None) -> bool:
    """True for files that are tests or belong to a test tree.

    Helpers named like `testing_utils.py` or `test.py` are not tests by name alone; a module
    named `*_test.py` outside a test tree is one when `data` (its content, if known) holds a
    test function, a `Test` class or a test framework import.
    """
    *directories, name = path.split("/")
    if TEST_FILE.match(name) or any(d.lower() in TEST_DIRECTORIES for d in directories):
        return True
    if SUFFIXED_PYTHON.match(name):
        return data is None or PYTHON_TEST_CODE.search(data) is not None
    return False
