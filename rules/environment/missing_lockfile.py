"""ENV001: dependencies are declared but no lockfile pins them."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.model import Category, Evidence, Grade, Severity
from auditor.rule import Rule, RuleContext, Violation, failing, not_applicable, passing

from .declared_dependencies import manifests_with_dependencies

UNLOCKED_ECOSYSTEMS = frozenset({"maven", "gradle", "dotnet", "swiftpm"})
"""Package managers whose lockfiles are opt-in and rarely used: not asked for one."""


def applies(ctx: RuleContext) -> bool:
    return bool(set(ctx.facts.package_managers) - UNLOCKED_ECOSYSTEMS)


def check(ctx: RuleContext) -> Iterator[Violation]:
    if ctx.facts.lockfiles:
        return
    manifests = manifests_with_dependencies(ctx)
    if manifests:
        managers = ", ".join(sorted(set(ctx.facts.package_managers) - UNLOCKED_ECOSYSTEMS))
        yield Violation(
            f"{manifests[0]} declares dependencies but no lockfile pins them ({managers})",
            manifests[0],
        )


PYPROJECT = (
    '[project]\nname = "app"\ndependencies = ["httpx>=0.27"]\n\n[tool.uv]\ndev-dependencies = []\n'
)

RULE = Rule(
    id="ENV001",
    name="missing-lockfile",
    title="Dependencies without a lockfile",
    category=Category.ENVIRONMENT,
    severity=Severity.MEDIUM,
    level=2,
    evidence=Evidence(
        Grade.MODERATE,
        "GitTaskBench (arXiv 2508.18993): environment set-up errors caused 65% of agent "
        "failures; SetupBench (Microsoft 2025): agents solved 34-62% of set-up tasks; "
        "ModuleNotFoundError is among the commonest errors in SWE-bench agent runs.",
    ),
    rationale=(
        "Without a lockfile every install resolves dependencies afresh, so the agent's "
        "environment drifts from CI's and from the developers', and failures appear that have "
        "nothing to do with its change. Setting up the environment is the largest single cause "
        "of failed agent runs in set-up benchmarks; a lockfile makes the install one "
        "deterministic command."
    ),
    fix=(
        "Commit the package manager's lockfile (uv.lock, poetry.lock, package-lock.json, "
        "pnpm-lock.yaml, Cargo.lock, go.sum, ...), or fully pinned requirements files, and "
        "install from it in CI."
    ),
    fix_prompt=(
        "This repository declares dependencies but commits no lockfile. Generate one with the "
        "package manager the project already uses (`uv lock`, `poetry lock`, `npm install` for "
        "package-lock.json, `pnpm install`, `cargo generate-lockfile`, `go mod tidy` for "
        "go.sum; for plain pip, `pip-compile` or `uv pip compile` into a pinned "
        "requirements file), commit it, make CI install from it, and remove it from "
        ".gitignore if it is listed there. Verify with: auditor audit . --select ENV001"
    ),
    check=check,
    applies=applies,
    examples=(
        passing({"pyproject.toml": PYPROJECT, "uv.lock": "version = 1\n"}),
        passing(
            {"go.mod": "module example.com/app\n\ngo 1.22\n", "main.go": "package main\n"},
            "a Go module without requirements needs no go.sum",
        ),
        failing({"pyproject.toml": PYPROJECT}),
        failing({"package.json": '{"name": "app", "dependencies": {"express": "^4.19.0"}}\n'}),
        not_applicable({"app.py": "print('hi')\n"}, "no package manager"),
    ),
)
