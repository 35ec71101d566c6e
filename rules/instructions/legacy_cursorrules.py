"""INS021: a legacy `.cursorrules` file, which Cursor has deprecated."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.model import Category, Evidence, Grade, Severity
from auditor.rule import Rule, RuleContext, Violation, failing, not_applicable, passing

LEGACY = ".cursorrules"


def applies(ctx: RuleContext) -> bool:
    """Only where there are Cursor rules to judge (`.cursorrules` or `.cursor/rules/`)."""
    return any(
        path == LEGACY or path.startswith(".cursor/") for path in ctx.facts.instruction_files
    )


def check(ctx: RuleContext) -> Iterator[Violation]:
    if LEGACY in ctx.facts.instruction_files:
        yield Violation(
            ".cursorrules is Cursor's deprecated format; move it to .cursor/rules/*.mdc or "
            "AGENTS.md",
            LEGACY,
        )


RULE = Rule(
    id="INS021",
    name="legacy-cursorrules",
    title="Legacy .cursorrules file",
    category=Category.INSTRUCTIONS,
    severity=Severity.LOW,
    level=4,
    evidence=Evidence(
        Grade.CONVENTION,
        "Cursor documentation (cursor.com/docs/context/rules): `.cursorrules` is legacy and "
        "deprecated in favour of Project Rules in .cursor/rules and AGENTS.md.",
    ),
    rationale=(
        "Cursor still reads `.cursorrules`, but only as a legacy fallback that is always "
        "loaded whole, cannot be scoped to paths, and is read by no other agent. Keeping the "
        "instructions there means they may stop working in a future Cursor release and are "
        "invisible to every other agent."
    ),
    fix=(
        "Move the content to AGENTS.md (read by Cursor and most other agents), or to scoped "
        ".cursor/rules/*.mdc files, and delete .cursorrules."
    ),
    fix_prompt=(
        "Migrate .cursorrules: move general instructions (commands, boundaries) into "
        "AGENTS.md and anything specific to some paths into .cursor/rules/<topic>.mdc with "
        "`globs` frontmatter, then delete .cursorrules. Keep only lines an agent would get "
        "wrong without. Verify with: auditor audit . --select INS021"
    ),
    check=check,
    applies=applies,
    examples=(
        passing({".cursor/rules/python.mdc": "---\nalwaysApply: true\n---\nRun `pytest`.\n"}),
        failing({".cursorrules": "Run `pytest` before you finish.\n"}),
        not_applicable({"README.md": "# Project\n"}),
        not_applicable({"AGENTS.md": "Run `pytest`.\n"}, note="no Cursor rules to judge"),
    ),
    per_package=False,
)
