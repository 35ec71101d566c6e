"""FEE010: linters run somewhere, but no CI job runs them on pull requests."""

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
    facts = ctx.facts
    return bool(facts.linters and facts.ci_files) and facts.ci_checks is not None


def check(ctx: RuleContext) -> Iterator[Violation]:
    checks = ctx.facts.ci_checks
    if checks is None or checks.linters_on_pull_requests:
        return
    names = ", ".join(ctx.facts.linters)
    yield Violation(
        f"no CI job that runs on pull requests runs the linters ({names})", ctx.facts.ci_files[0]
    )


def workflow(trigger: str, step: str) -> str:
    return (
        f"on: {trigger}\njobs:\n  check:\n    runs-on: ubuntu-latest\n    steps:\n"
        f"      - uses: actions/checkout@v4\n      - run: {step}\n"
    )


PROJECT = {
    "pyproject.toml": '[project]\nname = "app"\n',
    "Makefile": "lint:\n\truff check .\n",
    "app.py": "x = 1\n",
}

RULE = Rule(
    id="FEE010",
    name="ci-skips-linters",
    title="CI does not lint pull requests",
    category=Category.FEEDBACK,
    severity=Severity.MEDIUM,
    level=3,
    evidence=Evidence(
        Grade.MODERATE,
        "Ehsani et al. 2026 (arXiv 2601.15195): agent pull requests that are not merged often "
        "fail CI; Yang et al., SWE-agent (arXiv 2405.15793): lint feedback on edits helped.",
    ),
    rationale=(
        "A linter that only runs when someone remembers to run it does not hold an agent's "
        "pull request to the project's rules. Run in CI on pull requests (or by pre-commit.ci), "
        "it rejects the change before review, and the workflow file shows the agent the exact "
        "command. Judged only when the repository has CI and runs a linter somewhere."
    ),
    fix=(
        "Add a lint step to a CI workflow triggered on `pull_request` that runs the same lint "
        "command developers use (or enable pre-commit.ci)."
    ),
    fix_prompt=(
        "The linters of this repository do not run in CI on pull requests. In the CI workflow "
        "that runs on `pull_request` (add the trigger if needed), add a step that runs the "
        "project's existing lint command exactly as developers run it (the task runner target "
        "or `pre-commit run --all-files`). Do not add new lint rules. "
        "Verify with: auditor audit . --select FEE010"
    ),
    check=check,
    reads=frozenset({Reads.CI, Reads.CONFIG, Reads.MANIFESTS}),
    applies=applies,
    examples=(
        passing({**PROJECT, ".github/workflows/ci.yml": workflow("pull_request", "make lint")}),
        passing(
            {
                **PROJECT,
                ".ci/check.sh": "#!/bin/sh\nset -e\nruff check .\npytest\n",
                ".github/workflows/ci.yml": workflow("pull_request", "bash .ci/check.sh"),
            },
            "a script CI runs lints",
        ),
        failing(
            {**PROJECT, ".github/workflows/ci.yml": workflow("pull_request", "pytest")},
            "CI runs only the tests",
        ),
        failing(
            {
                **PROJECT,
                ".github/workflows/ci.yml": workflow("{push: {branches: [main]}}", "make lint"),
            },
            "linted on pushes to main only",
        ),
        not_applicable({**PROJECT}, "no CI"),
    ),
    per_package=False,
    profiles=CODE_PROFILES,
)
