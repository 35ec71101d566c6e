"""FEE006: no code formatter runs anywhere: not in CI, a git hook, a task runner or a script."""

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

SELF_FORMATTING = frozenset({"go"})
"""Languages whose toolchain ships the one formatter everyone uses (gofmt)."""


def applies(ctx: RuleContext) -> bool:
    primary = ctx.facts.primary_language
    return primary is not None and primary not in SELF_FORMATTING


def check(ctx: RuleContext) -> Iterator[Violation]:
    if not ctx.facts.formatters:
        yield Violation(f"no formatter runs on this {ctx.facts.primary_language} code")


RULE = Rule(
    id="FEE006",
    name="missing-formatter",
    title="No code formatter",
    category=Category.FEEDBACK,
    severity=Severity.LOW,
    level=3,
    evidence=Evidence(
        Grade.CONVENTION,
        "Practice, not measurement: Anthropic documents formatter hooks for Claude Code, and "
        "Codex's own AGENTS.md asks agents to auto-format after edits.",
    ),
    rationale=(
        "With a formatter, style is a command rather than a paragraph of instructions: the "
        "agent runs it and its diffs stay small and reviewable. Without one, agents reformat "
        "code in their own style or burn context on style rules in AGENTS.md, rules that "
        "research found are among the least useful things a context file can say. Only a "
        "formatter something runs (CI, a hook, a task runner) counts. Go is exempt: gofmt "
        "ships with the toolchain and every Go agent knows it."
    ),
    fix=(
        "Configure the ecosystem's formatter (ruff format or black, Prettier or Biome, "
        "rustfmt, google-java-format/spotless) and check it in CI or pre-commit."
    ),
    fix_prompt=(
        "This repository has no code formatter. Add the standard one for its main language "
        "(ruff format for Python, Prettier or Biome for JavaScript/TypeScript, rustfmt for "
        "Rust, spotless with google-java-format for Java), configure it in the project's "
        "manifest, format the code base in one separate commit, and add a format check to CI "
        "or pre-commit. Put the format command in AGENTS.md. "
        "Verify with: auditor audit . --select FEE006"
    ),
    check=check,
    reads=frozenset({Reads.CONFIG, Reads.MANIFESTS, Reads.CI}),
    applies=applies,
    examples=(
        passing(
            {
                "pyproject.toml": '[project]\nname = "app"\n\n[tool.black]\nline-length = 100\n',
                "Makefile": "format:\n\tblack .\n",
                "app.py": "x = 1\n",
            }
        ),
        passing(
            {
                "package.json": '{"name": "app", "scripts": {"format": "prettier --write ."}}\n',
                ".prettierrc": "{}\n",
                "index.js": "export const x = 1;\n",
            },
            "Prettier",
        ),
        failing({"pyproject.toml": '[project]\nname = "app"\n', "app.py": "x = 1\n"}),
        not_applicable(
            {"go.mod": "module example.com/app\n\ngo 1.22\n", "main.go": "package main\n"},
            "gofmt ships with Go",
        ),
        not_applicable({"README.md": "# Notes\n"}),
    ),
    profiles=CODE_PROFILES,
)
