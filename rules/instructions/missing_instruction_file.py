"""INS001: the repository gives coding agents no instruction file at all."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.model import Category, Evidence, Grade, Severity
from auditor.rule import Reads, Rule, RuleContext, Violation, failing, passing


def check(ctx: RuleContext) -> Iterator[Violation]:
    if not ctx.facts.instruction_files:
        yield Violation(
            "no agent instruction file (AGENTS.md, CLAUDE.md, ...) was found", "AGENTS.md"
        )


RULE = Rule(
    id="INS001",
    name="missing-instruction-file",
    title="No agent instruction file",
    category=Category.INSTRUCTIONS,
    severity=Severity.HIGH,
    level=1,
    evidence=Evidence(
        Grade.MODERATE,
        "Lulla et al. 2026 (arXiv 2601.20404): AGENTS.md cut median agent runtime by 29% and "
        "output tokens by 17%; every agent vendor reads one (agents.md, Claude Code, Copilot).",
    ),
    rationale=(
        "An agent starts every task by looking for instructions: how to set up, how to run "
        "the tests, what not to touch. Without a file it rediscovers all of that by trial and "
        "error, on every task. Short, command-centred files make agents faster; long generated "
        "overviews do not help, so the file should be small and true."
    ),
    fix=(
        "Add an AGENTS.md at the repository root with the exact setup, test and lint commands "
        "and a short list of things agents must not do. Keep it short and true: every "
        "command in it should work as written."
    ),
    fix_prompt=(
        "Create AGENTS.md at the repository root, under 60 lines. Include only facts you have "
        "verified in this repository: the setup command, the command that runs the whole test "
        "suite, how to run a single test, the lint/format/type-check commands, and a "
        "'Boundaries' list of negative constraints (generated or vendored paths not to edit, "
        "secrets not to read, no unrelated refactors). No directory tree, no generic advice. "
        "Verify with: auditor audit . --select INS001"
    ),
    check=check,
    reads=frozenset({Reads.INSTRUCTIONS}),
    examples=(
        passing({"AGENTS.md": "# Agents\n\nRun the tests with `pytest`.\n"}),
        passing({"CLAUDE.md": "Run `make test` before you finish.\n"}, "any agent's file counts"),
        failing({"README.md": "# Project\n"}),
        failing(
            {"docs/agents.md": "A page about agents.\n"}, "a docs page is not an instruction file"
        ),
    ),
    per_package=False,
)
