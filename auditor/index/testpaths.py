"""Whether a path is test code (or test data) by the naming conventions of each ecosystem."""

from __future__ import annotations

import re

TEST_DIRECTORIES = frozenset(
    {"test", "tests", "__tests__", "spec", "specs", "e2e", "testdata", "test_data", "fixtures"}
)
TEST_FILE = re.compile(
    r"""^(?:
        test_.+\.py | .+_tests?\.py | conftest\.py
      | .+_test\.go
      | .+\.(?:test|spec)\.[cm]?[jt]sx?
      | .+(?:Test|Tests|IT|Spec)\.(?:java|kt|scala|groovy|cs|php|swift)
      | .+_(?:spec|test)\.rb
      | test_.+\.(?:c|cc|cpp|rs|sh) | .+_test\.(?:c|cc|cpp|rs|sh|exs)
    )$""",
    re.VERBOSE,
)


def is_test_path(path: str) -> bool:
    """True for files that are tests or belong to a test tree."""
    *directories, name = path.split("/")
    return bool(TEST_FILE.match(name)) or any(d in TEST_DIRECTORIES for d in directories)
