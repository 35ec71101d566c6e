"""FEE012: lint and type-check suppressions are dense: the checks say little about the code."""

from __future__ import annotations

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

COUNTED = "lint-suppression"


def applies(ctx: RuleContext) -> bool:
    lines = sum(f.lines for f in ctx.code_files())
    return lines >= int(ctx.option("min_lines"))


def check(ctx: RuleContext) -> Iterator[Violation]:
    sources = list(ctx.code_files())
    lines = sum(f.lines for f in sources)
    total = sum(f.count(COUNTED) for f in sources)
    density = total * 1000 / max(lines, 1)
    if density <= float(ctx.option("max_per_kloc")):
        return
    worst = sorted(sources, key=lambda f: (-f.count(COUNTED), f.path))[:3]
    named = ", ".join(f"{f.path} ({f.count(COUNTED)})" for f in worst)
    yield Violation(
        f"{total} lint suppressions in {lines} lines of code ({density:.1f} per 1,000 lines; "
        f"most in {named})",
        key="density",
    )


NOQA = "import os  # noqa: F401\n"

RULE = Rule(
    id="FEE012",
    name="dense-lint-suppressions",
    title="Many lint suppressions",
    category=Category.FEEDBACK,
    severity=Severity.LOW,
    level=5,
    evidence=Evidence(
        Grade.CONVENTION,
        "Practitioner consensus, no agent study: suppressions hide the signals linters and "
        "type checkers give; Lee, Hassan and Hindle 2026 (arXiv 2602.17955) found agents use "
        "TypeScript's `any` about nine times as often as humans.",
    ),
    rationale=(
        "Linters and type checkers are an agent's fastest feedback, and every `# noqa`, "
        "`# type: ignore`, `eslint-disable`, `//nolint`, `@SuppressWarnings` or "
        "`#[allow(...)]` is a place where that feedback is switched off. Agents copy what "
        "they see: a codebase dense with suppressions teaches them to silence a check rather "
        "than fix the code. Counted per 1,000 lines of hand-written source."
    ),
    fix=(
        "Fix the code behind the most common suppressions, or turn a rule the project does "
        "not want off once in the linter's configuration instead of line by line."
    ),
    fix_prompt=(
        "Lint and type-check suppressions are dense in this repository. List them (grep for "
        "`noqa`, `type: ignore`, `eslint-disable`, `nolint`, `@SuppressWarnings`, "
        "`#[allow(`), group them by rule code, and for the most frequent codes either fix "
        "the underlying code or disable the rule once in the linter configuration with a "
        "comment saying why. Keep behaviour unchanged and run the test suite and the "
        "linters. Verify with: auditor audit . --select FEE012"
    ),
    check=check,
    reads=frozenset({Reads.SOURCES}),
    applies=applies,
    options=(
        Option("max_per_kloc", 10.0, "Most suppressions per 1,000 source lines."),
        Option("min_lines", 1000, "Judge only code bases with at least this many source lines."),
    ),
    examples=(
        passing({"app.py": "x = 1\n" * 1200 + NOQA}),
        failing({"app.py": "x = 1\n" * 1000 + NOQA * 20}),
        failing({"app.py": "x = 1\n" * 100 + NOQA * 3}, "smaller code base", min_lines=50),
        not_applicable({"app.py": NOQA}, "too little code to judge"),
    ),
    per_package=False,
    profiles=CODE_PROFILES,
)
