"""FEE004: there is no CI, or the CI never runs the tests."""

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
    """Code with no CI, or with CI whose steps are known (`facts.ci_checks`)."""
    facts = ctx.facts
    return facts.primary_language is not None and (
        not facts.ci_files or facts.ci_checks is not None
    )


def check(ctx: RuleContext) -> Iterator[Violation]:
    facts = ctx.facts
    if not facts.ci_files:
        yield Violation("no CI configuration found (.github/workflows, .gitlab-ci.yml, ...)")
        return
    checks = facts.ci_checks
    if checks is None or checks.tests_on_pull_requests:
        return
    if checks.tests:
        step = checks.tests[0]
        job = f" (job `{step.job}`)" if step.job else ""
        yield Violation(
            f"the CI runs the tests{job} but not on pull requests: {step.trigger}",
            step.path,
            step.line,
        )
        return
    tests = facts.test_commands
    known = f" (test command: `{tests[0].text}`)" if tests else ""
    count = len(facts.ci_files)
    files = f"{count} CI file{'s' if count != 1 else ''}"
    yield Violation(f"the CI ({files}) runs no test command{known}", facts.ci_files[0])


WORKFLOW = (
    "on: [push, pull_request]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n"
    "      - uses: actions/checkout@v4\n      - run: pip install -e . pytest\n"
)
PROJECT = {
    "pyproject.toml": '[project]\nname = "app"\n\n[tool.pytest.ini_options]\n',
    "app.py": "def add(a, b):\n    return a + b\n",
    "tests/test_app.py": "def test_add():\n    assert True\n",
}

RULE = Rule(
    id="FEE004",
    name="ci-runs-no-tests",
    title="CI does not run the tests",
    category=Category.FEEDBACK,
    severity=Severity.HIGH,
    level=3,
    evidence=Evidence(
        Grade.MODERATE,
        "Ehsani et al. 2026 (arXiv 2601.15195, 33k agent pull requests): agent PRs that were "
        "not merged were often the ones failing CI; GitHub's Copilot coding agent works inside "
        "Actions and reads the CI setup.",
    ),
    rationale=(
        "CI is the check that does not depend on the agent remembering to run the tests. An "
        "agent's pull request that CI tests is judged by the suite before a human spends time "
        "on it, and the workflow file tells the agent exactly how the project is built and "
        "tested. A step counts when it runs on pull requests and runs the tests directly, "
        "through a build tool (`./gradlew build`, `mvn verify`, rake's default task), a task "
        "runner target or a repository script that does; a CI that only lints does not."
    ),
    fix=(
        "Add a CI workflow (for example .github/workflows/ci.yml) that installs the project "
        "and runs the test command on every push and pull request."
    ),
    fix_prompt=(
        "This repository's CI does not run its tests (or there is no CI). Add a job to the CI "
        "configuration (create .github/workflows/ci.yml if there is none) that checks out the "
        "code, installs the project with its locked dependencies and runs the same test command "
        "developers use, on push and on pull_request. Keep it to one job per supported runtime "
        "version. Verify with: auditor audit . --select FEE004"
    ),
    check=check,
    reads=frozenset({Reads.CI, Reads.MANIFESTS, Reads.CONFIG}),
    applies=applies,
    examples=(
        passing({**PROJECT, ".github/workflows/ci.yml": WORKFLOW + "      - run: pytest\n"}),
        failing(PROJECT, "no CI at all"),
        passing(
            {
                **PROJECT,
                "Makefile": "GO ?= pytest\n\ntest-all:\n\t$(GO) -q\n",
                ".github/workflows/ci.yml": WORKFLOW + "      - run: make test-all\n",
            },
            "a task named for tests",
        ),
        passing(
            {
                **PROJECT,
                ".ci/run": "#!/bin/sh\nset -e\npip install -e .\npython -m pytest\n",
                ".github/workflows/ci.yml": WORKFLOW + "      - run: bash .ci/run\n",
            },
            "a script the CI runs",
        ),
        failing(
            {**PROJECT, ".github/workflows/ci.yml": WORKFLOW + "      - run: ruff check .\n"},
            "CI that only lints",
        ),
        failing(
            {
                **PROJECT,
                ".github/workflows/ci.yml": WORKFLOW.replace(
                    "[push, pull_request]", "{push: {branches: [main]}}"
                )
                + "      - run: pytest\n",
            },
            "tests on pushes to main only",
        ),
        not_applicable({"README.md": "# Notes\n"}),
    ),
    per_package=False,
    profiles=CODE_PROFILES,
)
