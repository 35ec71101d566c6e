"""How documented commands narrow a test run to one test, file or package, per runner."""

from __future__ import annotations

import re

SELECTOR = re.compile(
    r"""::\w | \s-k[\s=] | \s-run[\s=] | \s--?t(?:estNamePattern)?[\s=] | \s--tests?[\s=]
      | -Dtest= | --filter\b | \s(?:-p|--package)\s | \bcargo\s+(?:\S+\s+)*test\s+[\w:]
      | \bgo\s+test\s+(?:-\S+\s+)*\./\w | (?<![\w/.-])[\w/.-]*\btests?/[\w/.-]+\.\w+\b
      | \b\w+_test\.(?:go|py)\b | \btest_\w+\.py\b | \.(?:test|spec)\.[cm]?[jt]sx?\b
      | _spec\.rb\b | \bTest\w+\.(?:java|kt)\b | \b(?:TESTS?|RUN|FILTER|TESTARGS)=
      | \b(?:npm|pnpm|yarn|bun)\s+(?:run\s+)?test[\w:-]*\s+(?:--\s+)?[\w.\[/]
      | \bworkspace\s+\S+\s+(?:run\s+)?test | \s<(?:path|file|test|name|pattern)[\w-]*>""",
    re.VERBOSE,
)
"""What narrows a run to one test, file or package: `path::name`, `-k`, `-run`, `-t`,
`--tests`, `-Dtest=`, `--filter`, `-p crate`, `cargo test name`, `go test ./pkg`, a test file,
`make test TESTS=...`, a test script given a filter (`pnpm run test-unit [match]`), one
workspace's tests (`yarn workspace NAME test`)."""
TESTING = re.compile(
    r"\b(?:tests?|spec|jest|vitest|pytest|mocha|rspec|phpunit|tox|nox)\b|test[-_:]"
)
"""A command about tests: names a test runner, a test task or test paths."""
DIRECT = frozenset({
    "pytest", "py.test", "go", "cargo", "jest", "vitest", "mocha", "rspec", "phpunit", "dotnet",
    "deno", "ctest", "swift", "mix",
})  # fmt: skip
"""Test runners whose own, widely known selectors (`-k`, `-run`, `cargo test NAME`, `-t`) an
agent can use when the canonical command runs them directly."""
UNIVERSAL = frozenset({"go", "rust"})
"""Languages whose toolchain runs any test directly (`go test -run`, `cargo test NAME`),
whatever wrapper the project puts around it."""
