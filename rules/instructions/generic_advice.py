"""INS029: instruction files spend lines on generic advice every model already follows."""

from __future__ import annotations

import re
from collections.abc import Iterator

from auditor.model import Category, Evidence, Grade, Severity
from auditor.rule import Option, Rule, RuleContext, Violation, failing, not_applicable, passing

from .instruction_text import has_instruction_files, lines_of, own_instruction_files

PLATITUDE = re.compile(
    r"""\b(?:write|writing|produce|keep\s+(?:the\s+)?code)\s+(?:clean|good|high[-\s]quality|
        readable|maintainable|elegant)(?:,?\s+(?:and\s+)?(?:readable|maintainable|efficient|
        well[-\s]documented|testable))*\s+code\b
      | \bfollow(?:ing)?\s+(?:industry\s+|coding\s+|general\s+)?best\s+practices\b
      | \buse\s+best\s+practices\b
      | \b(?:use|choose)\s+(?:meaningful|descriptive|clear)\s+(?:variable\s+)?names\b
      | \bfollow\s+(?:the\s+)?(?:SOLID|DRY|KISS)\s+principles?\b
      | \bwrite\s+(?:clean|good|proper)\s+(?:and\s+\w+\s+)?(?:tests|documentation|comments)\b
      | \bensure\s+(?:high\s+)?code\s+quality\b
      | \bbe\s++(?:careful|thorough|concise)[^\S\n]*+[.!]?+\s*+$""",
    re.IGNORECASE | re.VERBOSE,
)
"""Advice that names no command, path or rule of this repository."""


def platitudes(text: str) -> list[int]:
    return [
        line.number for line in lines_of(text) if not line.in_code and PLATITUDE.search(line.text)
    ]


def check(ctx: RuleContext) -> Iterator[Violation]:
    least = int(ctx.option("min_lines"))
    for path, text in own_instruction_files(ctx):
        found = platitudes(text)
        if len(found) >= least:
            yield Violation(
                f'{len(found)} lines of generic advice ("follow best practices", "write '
                'clean code"); they cost tokens and tell the agent nothing about this '
                "repository",
                path,
                found[0],
                key="platitudes",
            )


RULE = Rule(
    id="INS029",
    name="generic-advice-in-instructions",
    title="Generic advice in instructions",
    category=Category.INSTRUCTIONS,
    severity=Severity.LOW,
    level=4,
    evidence=Evidence(
        Grade.MODERATE,
        "Zhang et al. 2026 (arXiv 2604.11088): positive style directives such as 'follow code "
        "style' were the individually harmful rules; Claude Code best practices: delete any "
        "line whose removal would not cause a mistake.",
    ),
    rationale=(
        "'Write clean code' and 'follow best practices' are what a model does anyway; they "
        "name nothing an agent could check, are paid for on every turn, and dilute the few "
        "lines that matter. Measured, positive style directives hurt more often than helped."
    ),
    fix=(
        "Delete the generic lines, or replace each with the concrete rule it stands for "
        "(the linter command, the naming convention, the path not to touch)."
    ),
    fix_prompt=(
        "Remove generic advice from the instruction file named in the finding ('write clean "
        "code', 'follow best practices', 'use meaningful names'). Where a line stands for a "
        "real rule of this repository, replace it with that rule or the command that checks "
        "it. Verify with: auditor audit . --select INS029"
    ),
    check=check,
    applies=has_instruction_files,
    options=(Option("min_lines", 2, "Generic lines in one file that make a finding."),),
    examples=(
        passing({"AGENTS.md": "Run `ruff check` before you finish.\n"}),
        passing({"AGENTS.md": "- Follow best practices.\n- Run `pytest`.\n"}, "one line is fine"),
        failing({"AGENTS.md": "- Write clean, maintainable code.\n- Follow best practices.\n"}),
        not_applicable({"README.md": "Follow best practices. Write clean code.\n"}),
    ),
    per_package=False,
)
