"""INS003: an agent instruction file longer than the length vendors advise."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.model import Category, Evidence, Grade, Severity
from auditor.rule import Option, Rule, RuleContext, Violation, failing, not_applicable, passing


def applies(ctx: RuleContext) -> bool:
    return bool(ctx.facts.instruction_files)


def check(ctx: RuleContext) -> Iterator[Violation]:
    limit = int(ctx.option("max_lines"))
    for path in ctx.facts.instruction_files:
        record = ctx.index.file(path)
        if record is not None and record.lines > limit:
            yield Violation(f"{path} is {record.lines:,} lines (limit {limit:,})", path)


RULE = Rule(
    id="INS003",
    name="long-instruction-file",
    title="Agent instruction file too long",
    category=Category.INSTRUCTIONS,
    severity=Severity.MEDIUM,
    level=3,
    evidence=Evidence(
        Grade.MODERATE,
        "Claude Code memory docs: keep each CLAUDE.md under about 200 lines, longer files cost "
        "context and are followed less; Gloaguen et al. 2026 (arXiv 2602.11988): context files "
        "raised agent cost by about 20% and unneeded requirements made tasks harder.",
    ),
    rationale=(
        "Instruction files are loaded into the context on every turn, so each line is paid "
        "for again and again. Past a couple of hundred lines agents follow the file less "
        "reliably, and the measured gains of context files come from short, specific ones; "
        "length dilutes the few rules that matter."
    ),
    fix=(
        "Cut the file to what an agent would get wrong without it: exact commands, boundaries "
        "and non-obvious conventions. Move reference material into docs and link to it, or "
        "split per directory."
    ),
    fix_prompt=(
        "Shorten the agent instruction file named in the finding to under 200 lines. For each "
        "line ask: would an agent make a mistake without it? Keep exact build/test/lint "
        "commands and negative constraints; delete overviews, directory trees, tech-stack "
        "lists and style rules the formatter or linter already enforces; move long reference "
        "material into docs/ with a one-line link. Verify with: auditor audit . --select INS003"
    ),
    check=check,
    applies=applies,
    options=(Option("max_lines", 200, "Lines an instruction file may have."),),
    examples=(
        passing({"AGENTS.md": "# Agents\n\nRun the tests with `pytest -q`.\n"}),
        failing({"CLAUDE.md": "- Prefer small functions.\n" * 250}),
        failing({"AGENTS.md": "Run `pytest`.\n" * 20}, "a stricter limit", max_lines=10),
        not_applicable({"README.md": "# Project\n"}),
    ),
)
