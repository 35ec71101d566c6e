"""FEE005: no linter runs anywhere: not in CI, a git hook, a task runner or a package script."""

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


def applies(ctx: RuleContext) -> bool:
    return ctx.facts.primary_language is not None


def check(ctx: RuleContext) -> Iterator[Violation]:
    if not ctx.facts.linters:
        yield Violation(f"no linter runs on this {ctx.facts.primary_language} code")


RULE = Rule(
    id="FEE005",
    name="missing-linter",
    title="No linter",
    category=Category.FEEDBACK,
    severity=Severity.MEDIUM,
    level=3,
    evidence=Evidence(
        Grade.MODERATE,
        "Yang et al., SWE-agent (NeurIPS 2024, arXiv 2405.15793): a linter that rejects broken "
        "edits was one of the interface components whose removal hurt; OpenAI's harness "
        "engineering report enforces its invariants with custom linters.",
    ),
    rationale=(
        "A linter gives an agent fast, deterministic feedback on every edit: unused imports, "
        "undefined names and likely bugs show up in seconds instead of in review. It also "
        "turns conventions into checks, so they need not be spelled out in the instruction "
        "file. Only a linter something runs counts (CI, a git hook, a task runner): a "
        "configuration section alone checks nothing."
    ),
    fix=(
        "Configure the ecosystem's standard linter (ruff for Python, ESLint or Biome for "
        "JavaScript/TypeScript, golangci-lint for Go, clippy for Rust) and run it in CI or a "
        "pre-commit hook."
    ),
    fix_prompt=(
        "This repository has no linter. Add the standard linter for its main language (ruff "
        "for Python, configured in pyproject.toml; ESLint or Biome for JavaScript/TypeScript; "
        "golangci-lint for Go; cargo clippy for Rust) with its default rule set, fix or "
        "explicitly ignore what it reports so it passes, and run it in CI and in "
        ".pre-commit-config.yaml if the repository uses pre-commit. Mention the lint command "
        "in AGENTS.md. Verify with: auditor audit . --select FEE005"
    ),
    check=check,
    reads=frozenset({Reads.CONFIG, Reads.MANIFESTS, Reads.CI}),
    applies=applies,
    examples=(
        passing(
            {
                "pyproject.toml": '[project]\nname = "app"\n\n[tool.ruff]\nline-length = 100\n',
                ".pre-commit-config.yaml": "repos:\n  - repo: https://github.com/astral-sh/ruff-pre-commit\n"
                "    rev: v0.6.0\n    hooks:\n      - id: ruff\n",
                "app.py": "x = 1\n",
            }
        ),
        passing(
            {
                "package.json": '{"name": "app", "scripts": {"lint": "eslint ."}}\n',
                "eslint.config.js": "export default [];\n",
                "index.js": "export const x = 1;\n",
            },
            "ESLint",
        ),
        failing({"pyproject.toml": '[project]\nname = "app"\n', "app.py": "x = 1\n"}),
        failing(
            {"pyproject.toml": '[project]\nname = "app"\n\n[tool.ruff]\n', "app.py": "x = 1\n"},
            "configured but never run",
        ),
        not_applicable({"README.md": "# Notes\n"}),
    ),
    profiles=CODE_PROFILES,
)
