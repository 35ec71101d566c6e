"""SAF001: no .gitignore at the repository root."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.model import Category, Evidence, Grade, Severity
from auditor.rule import Reads, Rule, RuleContext, Violation, failing, passing


def check(ctx: RuleContext) -> Iterator[Violation]:
    if ctx.index.file(".gitignore") is None:
        yield Violation("no .gitignore at the repository root", ".gitignore")


RULE = Rule(
    id="SAF001",
    name="missing-gitignore",
    title="No .gitignore",
    category=Category.SAFETY,
    severity=Severity.MEDIUM,
    level=3,
    evidence=Evidence(
        Grade.CONVENTION,
        "Convention; the risk it guards against is measured: GitGuardian's State of Secrets "
        "Sprawl 2026 found AI-assisted commits leaking secrets at about twice the base rate.",
    ),
    rationale=(
        "Agents create files as they work: virtual environments, caches, build output, local "
        "`.env` files with credentials. An agent that stages with `git add -A` commits all of "
        "them unless a .gitignore says otherwise, and secrets committed by AI-assisted work "
        "are measurably more common."
    ),
    fix=(
        "Add a .gitignore at the root covering the ecosystem's build and cache directories, "
        "virtual environments, editor files and `.env` files."
    ),
    fix_prompt=(
        "This repository has no .gitignore. Create one at the root for the languages and tools "
        "it uses (start from github/gitignore's template for the main language), and make "
        "sure it covers virtual environments, dependency and build directories, caches, "
        "editor files and `.env` / `.env.*` (but not `.env.example`). Check `git status` "
        "afterwards for files that should now be untracked. "
        "Verify with: auditor audit . --select SAF001"
    ),
    check=check,
    reads=frozenset({Reads.CONFIG}),
    examples=(
        passing({".gitignore": "__pycache__/\n.venv/\n.env\n", "app.py": "x = 1\n"}),
        failing({"app.py": "x = 1\n"}),
    ),
    per_package=False,
)
