"""FEE011: no checks run before a commit or after an agent's edit: no git or agent hooks."""

from __future__ import annotations

from collections.abc import Iterator

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

GIT_HOOK_DIRS = (".githooks/", ".git-hooks/")


def applies(ctx: RuleContext) -> bool:
    return ctx.facts.primary_language is not None


def agent_hooks(ctx: RuleContext) -> str | None:
    """The first agent settings file that declares hooks."""
    return next((s.path for s in ctx.facts.agent_settings if s.hooks), None)


def check(ctx: RuleContext) -> Iterator[Violation]:
    if ctx.facts.pre_commit or agent_hooks(ctx) is not None:
        return
    if any(ctx.index.is_dir(directory) for directory in GIT_HOOK_DIRS):
        return
    yield Violation("no pre-commit, lefthook or husky hooks and no agent hooks")


HOOKS = '{"hooks": {"PostToolUse": [{"matcher": "Edit", "hooks": [{"type": "command", '
HOOKS += '"command": "ruff format ."}]}]}}\n'

RULE = Rule(
    id="FEE011",
    name="missing-commit-hooks",
    title="No pre-commit or agent hooks",
    category=Category.FEEDBACK,
    severity=Severity.LOW,
    level=4,
    evidence=Evidence(
        Grade.CONVENTION,
        "Vendor practice: Anthropic's Claude Code documentation recommends hooks for checks "
        "that must always run, since instructions are advisory; Factory's readiness model "
        "lists pre-commit hooks. No measurement of the effect on agents.",
    ),
    rationale=(
        "Instructions are advice an agent may forget; a hook runs every time. Pre-commit "
        "hooks (pre-commit, lefthook, husky) or agent hooks (Claude Code `hooks` in "
        ".claude/settings.json) format and lint each change in seconds, before CI spends "
        "minutes, and keep style rules out of the instruction file."
    ),
    fix=(
        "Add a .pre-commit-config.yaml (or lefthook/husky) running the formatter and linter, "
        "or agent hooks in .claude/settings.json that run them after edits."
    ),
    fix_prompt=(
        "This repository runs no checks before commits. Add a .pre-commit-config.yaml whose "
        "hooks run the project's existing formatter and linter (use the versions the project "
        "already pins), run `pre-commit run --all-files` and fix what it reports, and mention "
        "`pre-commit install` in the setup section of AGENTS.md. "
        "Verify with: auditor audit . --select FEE011"
    ),
    check=check,
    reads=frozenset({Reads.CONFIG, Reads.INSTRUCTIONS}),
    applies=applies,
    examples=(
        passing(
            {
                ".pre-commit-config.yaml": "repos:\n  - repo: local\n    hooks:\n"
                "      - id: ruff\n        name: ruff\n        entry: ruff check\n"
                "        language: system\n",
                "app.py": "x = 1\n",
            }
        ),
        passing({".claude/settings.json": HOOKS, "app.py": "x = 1\n"}, "agent hooks"),
        failing({"app.py": "x = 1\n"}),
        not_applicable({"README.md": "# Notes\n"}),
    ),
    per_package=False,
    profiles=CODE_PROFILES,
)
