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
        test_.+\.py | .+_tests?\.py | tests\.py | conftest\.py
      | .+_test\.go
      | .+\.(?:test|spec|e2e-spec)\.[cm]?[jt]sx?
      | .+(?:Test|Tests|TestCase|IT|Spec)\.(?:java|kt|scala|groovy|cs|php|swift)
      | Test[A-Z0-9_].*\.(?:java|kt|groovy)
      | .+_(?:spec|test)\.rb | test_.+\.rb
      | test_.+\.(?:c|cc|cpp|rs|sh) | .+_test\.(?:c|cc|cpp|rs|sh|exs)
    )$""",
    re.VERBOSE,
)
"""pytest (`test_*.py`, `*_test.py`, Django's `tests.py`), go test, jest/vitest/mocha
(`*.test.ts`, `*.spec.js`), surefire (`*Test.java`, `Test*.java`, `*IT.java`), rspec and
minitest, ExUnit, and the common C/C++/Rust/shell spellings."""


def is_test_path(path: str) -> bool:
    """True for files that are tests or belong to a test tree.

    Helpers named like `testing_utils.py` or `test.py` are not tests by name alone.
    """
    *directories, name = path.split("/")
    return bool(TEST_FILE.match(name)) or any(d.lower() in TEST_DIRECTORIES for d in directories)
