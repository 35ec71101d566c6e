"""SAF003: the project uses .env files but its .gitignore does not keep them out of git."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.ignore_patterns import ignore_spec
from auditor.model import Category, Evidence, Grade, Severity
from auditor.rule import Reads, Rule, RuleContext, Violation, failing, not_applicable, passing


def uses_env_files(ctx: RuleContext) -> bool:
    """A .env.example (or kin), or a .env* file at the root (deeper ones are mostly fixtures)."""
    if ctx.facts.env_example is not None:
        return True
    return any(f.path == ".env" or f.path.startswith(".env.") for f in ctx.index.files)


def applies(ctx: RuleContext) -> bool:
    return ctx.index.file(".gitignore") is not None and uses_env_files(ctx)


def check(ctx: RuleContext) -> Iterator[Violation]:
    spec = ignore_spec((ctx.index.text(".gitignore") or "").splitlines())
    if not spec.match_file(".env"):
        yield Violation(".gitignore does not ignore `.env`", ".gitignore")


RULE = Rule(
    id="SAF003",
    name="env-not-ignored",
    title=".env files not ignored",
    category=Category.SAFETY,
    severity=Severity.MEDIUM,
    level=3,
    evidence=Evidence(
        Grade.MODERATE,
        "GitGuardian, State of Secrets Sprawl 2026: AI-assisted commits leaked secrets at "
        "3.2% against a 1.5% baseline; ignoring env files is the standard guard against the "
        "commonest leak.",
    ),
    rationale=(
        "Projects configured through environment files have developers and agents create a "
        "local `.env` full of real credentials. If .gitignore does not list it, the first "
        "`git add -A` an agent runs commits it. This rule applies only where the project uses "
        "env files (a .env.example, or a .env* file at the root)."
    ),
    fix="Add `.env` and `.env.*` to .gitignore, with `!.env.example` to keep the template.",
    fix_prompt=(
        "This project uses .env files but .gitignore does not ignore them. Add these lines to "
        "the root .gitignore: `.env`, `.env.*` and `!.env.example` (keep any other template "
        "name the project uses). Then run `git ls-files '*.env*'` and report any real env file "
        "that is already tracked, without printing its contents. "
        "Verify with: auditor audit . --select SAF003"
    ),
    check=check,
    reads=frozenset({Reads.CONFIG}),
    applies=applies,
    examples=(
        passing({".gitignore": ".env\n.env.*\n!.env.example\n", ".env.example": "API_KEY=\n"}),
        passing(
            {".gitignore": "/*.env\n", ".env.example": "API_KEY=\n"},
            "any pattern that ignores it",
        ),
        failing({".gitignore": "__pycache__/\n", ".env.example": "API_KEY=\n"}),
        not_applicable(
            {".gitignore": "__pycache__/\n", "app.py": "x = 1\n"}, "no env files in use"
        ),
        not_applicable(
            {".gitignore": "__pycache__/\n", "playground/env/.env": "FOO=bar\n"},
            "only fixtures below the root",
        ),
    ),
    per_package=False,
)
