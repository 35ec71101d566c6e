"""ENV001: dependencies are declared but no lockfile pins them."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.facts.ecosystem.declared_dependencies import manifests_with_dependencies
from auditor.facts.ecosystem.library_locks import lock_optional_libraries
from auditor.model import Category, Evidence, Grade, Severity
from auditor.rule import Reads, Rule, RuleContext, Violation, failing, not_applicable, passing

UNLOCKED_ECOSYSTEMS = frozenset({"maven", "gradle", "dotnet", "swiftpm"})
"""Package managers whose lockfiles are opt-in and rarely used: not asked for one."""
MANIFEST_MANAGERS = {"Cargo.toml": "cargo", "Gemfile": "bundler", "composer.json": "composer"}
"""Manifests whose manager leaves a library's lockfile optional (`library_locks`)."""


def _lock_optional(ctx: RuleContext) -> frozenset[str]:
    """Managers whose project here is a library their ecosystem does not ask to lock."""
    return frozenset(item.manager for item in lock_optional_libraries(ctx.subject.sources))


def _judged(ctx: RuleContext) -> set[str]:
    return set(ctx.facts.package_managers) - UNLOCKED_ECOSYSTEMS - _lock_optional(ctx)


def applies(ctx: RuleContext) -> bool:
    return bool(_judged(ctx))


def check(ctx: RuleContext) -> Iterator[Violation]:
    if ctx.facts.lockfiles:
        return
    optional = _lock_optional(ctx)
    manifests = [
        path
        for path in manifests_with_dependencies(ctx.subject.sources)
        if MANIFEST_MANAGERS.get(path) not in optional
    ]
    if manifests:
        managers = ", ".join(sorted(_judged(ctx)))
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
    reads=frozenset({Reads.MANIFESTS}),
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
        not_applicable(
            {
                "Cargo.toml": '[package]\nname = "lib"\n\n[dependencies]\nserde = "1"\n',
                "src/lib.rs": "pub fn f() {}\n",
            },
            "a Rust library: Cargo leaves its lockfile to the project",
        ),
        failing(
            {
                "Cargo.toml": '[package]\nname = "app"\n\n[dependencies]\nserde = "1"\n',
                "src/main.rs": "fn main() {}\n",
            },
            "a Rust binary is an application",
        ),
    ),
)
