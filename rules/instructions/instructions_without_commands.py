"""INS004: the agent instruction files give no command an agent could run."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.model import Category, Evidence, Grade, Severity
from auditor.rule import Reads, Rule, RuleContext, Violation, failing, not_applicable, passing


def applies(ctx: RuleContext) -> bool:
    return bool(ctx.facts.instruction_files)


def check(ctx: RuleContext) -> Iterator[Violation]:
    facts = ctx.facts
    if any(command.origin == "instructions" for command in facts.commands):
        return
    first = min(facts.instruction_files, key=lambda path: (path.count("/"), path))
    names = ", ".join(facts.instruction_files[:3]) + (
        ", ..." if len(facts.instruction_files) > 3 else ""
    )
    yield Violation(f"no command in the agent instruction files ({names})", first)


RULE = Rule(
    id="INS004",
    name="instructions-without-commands",
    title="Agent instructions name no command",
    category=Category.INSTRUCTIONS,
    severity=Severity.MEDIUM,
    level=2,
    evidence=Evidence(
        Grade.MODERATE,
        "Gloaguen et al. 2026 (arXiv 2602.11988): a tool named in a context file was used "
        "1.6-2.5x more often; Chatlatanagulchai et al. 2025 (arXiv 2511.12884): build and run "
        "commands are the commonest content; agents.md, Claude Code, Copilot and the GitHub "
        "analysis of 2,500 agents.md files all put exact commands first.",
    ),
    rationale=(
        "Agents run the commands an instruction file names and rarely invent better ones; a "
        "file of prose alone leaves them to guess how to build, test and lint. Commands in code "
        "formatting are what every vendor asks for first, and they are the part of the file "
        "that can be checked for truth."
    ),
    fix=(
        "Add the exact commands, in code formatting: setup, the full test suite, a single "
        "test, lint, format and type check."
    ),
    fix_prompt=(
        "The agent instruction files of this repository contain no runnable command. Find the "
        "commands this repository really uses (Makefile or justfile targets, package.json "
        "scripts, tox/nox sessions, the CI workflow steps), run each once to confirm it works, "
        "and add them to AGENTS.md as fenced code blocks: setup, the whole test suite, one "
        "test, lint, format, type check. Add nothing you have not run. "
        "Verify with: auditor audit . --select INS004"
    ),
    check=check,
    reads=frozenset({Reads.INSTRUCTIONS}),
    applies=applies,
    examples=(
        passing({"AGENTS.md": "# Agents\n\nBefore you finish, run:\n\n```sh\npytest -q\n```\n"}),
        failing({"AGENTS.md": "# Agents\n\nWrite clean code and be careful with the database.\n"}),
        not_applicable({"README.md": "# Project\n"}),
    ),
    per_package=False,
)
