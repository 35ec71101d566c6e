"""FEE001: the repository has source code but no tests."""

from __future__ import annotations

import re
from collections.abc import Iterator

from auditor.facts import Facts
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

INLINE_TESTS = {"rust": re.compile(r"#\[(?:cfg\(test\)|test|[\w:]+::test)\]")}
"""Languages whose unit tests usually live inside the source files, not in test files."""


def applies(ctx: RuleContext) -> bool:
    """Code to test; for a workspace package without tests of its own, only when the
    workspace keeps no tests outside its packages (uv workspaces often test every package
    from the root's `tests/`: such a package may well be tested)."""
    facts = ctx.facts
    return facts.primary_language is not None and (
        facts.test_file_count > 0 or not tested_from_root(facts)
    )


def tested_from_root(facts: Facts) -> bool:
    root = facts.parent
    if root is None or root.workspace is None:
        return False
    packages = root.workspace.packages
    return any(not any(d == p or d.startswith(p + "/") for p in packages) for d in root.test_dirs)


def has_inline_tests(ctx: RuleContext, language: str) -> bool:
    pattern = INLINE_TESTS.get(language)
    if pattern is None:
        return False
    sources = (f for f in ctx.code_files() if f.language == language)
    return any(pattern.search(ctx.index.text(f.path) or "") for f in sources)


def check(ctx: RuleContext) -> Iterator[Violation]:
    facts = ctx.facts
    language = facts.primary_language or ""
    if facts.test_file_count == 0 and not has_inline_tests(ctx, language):
        yield Violation(f"no tests for this {language} code")


RULE = Rule(
    id="FEE001",
    name="missing-tests",
    title="No tests",
    category=Category.FEEDBACK,
    severity=Severity.CRITICAL,
    level=1,
    evidence=Evidence(
        Grade.STRONG,
        "Mathews & Nagappan, ASE 2024 (arXiv 2402.13521): tests given with the task raised LLM "
        "correctness by 9-30 points; Mehtiyev & Assuncao 2026 (arXiv 2604.02547, 9,374 "
        "trajectories): agents that validate their work succeed more often; Anthropic's Claude "
        "Code best practices call a way to verify work the highest-leverage practice.",
    ),
    rationale=(
        "Tests are how an agent finds out whether its change works. Without them it can only "
        "read its own diff and hope, and neither it nor the reviewer learns about a regression "
        "until a user does. Giving a model tests measurably raises the share of correct code it "
        "writes."
    ),
    fix=(
        "Add a test suite in the language's usual layout (tests/test_*.py, *_test.go, "
        "*.test.ts, ...) with at least one test of the main code path, and make it runnable "
        "with one command. `auditor scaffold-tests . --write` starts one: an import test and a "
        "skipped to-do test per public function, riskiest modules first."
    ),
    fix_prompt=(
        "This repository has no tests. Set up the standard test runner for its main language "
        "(pytest for Python, go test, cargo test, vitest or jest for JavaScript/TypeScript), "
        "configured in the project's manifest, and write a first small set of tests that "
        "exercise the main public entry points with real assertions, not placeholders. Run "
        "the suite and make sure it passes. Verify with: auditor audit . --select FEE001"
    ),
    check=check,
    reads=frozenset({Reads.SOURCES, Reads.TREE}),
    profiles=CODE_PROFILES,
    applies=applies,
    examples=(
        passing(
            {
                "app.py": "def add(a, b):\n    return a + b\n",
                "tests/test_app.py": "def test_add():\n    assert add(1, 2) == 3\n",
            }
        ),
        passing({"sum.go": "package sum\n", "sum_test.go": "package sum\n"}, "Go's *_test.go"),
        passing(
            {
                "src/lib.rs": "pub fn one() -> u8 { 1 }\n\n#[cfg(test)]\nmod tests {\n    #[test]\n"
                "    fn one_is_one() { assert_eq!(super::one(), 1); }\n}\n"
            },
            "Rust unit tests inside the source",
        ),
        failing({"app.py": "def add(a, b):\n    return a + b\n"}),
        not_applicable({"README.md": "# Notes\n"}, "no source code to test"),
    ),
)
