"""Whether CI runs the tests and the linters on pull requests, and the evidence for it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from auditor.facts.ci.runs import ci_checks
from auditor.facts.model import CiChecks
from auditor.facts.subject import Subject

MakeSubject = Callable[..., Subject]
CI = ".github/workflows/ci.yml"


def workflow(run: str, on: str = "[push, pull_request]", condition: str = "") -> str:
    job_if = f"    if: {condition}\n" if condition else ""
    return (
        f"on: {on}\njobs:\n  test:\n{job_if}    runs-on: ubuntu-latest\n    steps:\n"
        f"      - uses: actions/checkout@v4\n      - run: {run}\n"
    )


def checks(make_subject: MakeSubject, files: dict[str, str]) -> CiChecks:
    return ci_checks(make_subject(files).sources, frozenset({"ruff"}))


GRADLE = {"gradlew": "#!/bin/sh\n", "build.gradle": "plugins { id 'java' }\n"}
MAVEN = {"pom.xml": "<project><artifactId>x</artifactId></project>\n"}
PYTHON = {"pyproject.toml": '[project]\nname = "x"\n', "tests/test_a.py": "def test_a(): ...\n"}
RUBY = {"Gemfile": "gem 'rspec'\n", "spec/a_spec.rb": "describe 1 do\nend\n"}


@pytest.mark.parametrize(
    ("files", "line", "reason"),
    [
        (
            {**GRADLE, CI: workflow("./gradlew build --no-daemon")},
            7,
            "runs `./gradlew build --no-daemon`",
        ),
        (
            {**MAVEN, CI: workflow("mvn -B verify")},
            7,
            "runs `mvn -B verify`",
        ),
        (
            {
                "build.ps1": "dotnet tool restore\ndotnet cake build.cake @args\n",
                "build.cake": 'Task("Test")\n  .Does(() => {\n    DotNetTest("x.sln");\n  });\n'
                'Task("CI")\n  .IsDependentOn("Test");\n',
                "x.csproj": "<Project />\n",
                CI: workflow("./build.ps1 --target=CI"),
            },
            7,
            "runs build.ps1, which runs the Cake script build.cake, whose task `test` runs the "
            "tests (build.cake:3)",
        ),
        (
            {
                **RUBY,
                "Rakefile": "require 'rspec/core/rake_task'\nRSpec::Core::RakeTask.new(:spec)\n"
                "task default: %i[spec rubocop]\n",
                CI: workflow("bundle exec rake"),
            },
            7,
            "runs rake `default`, which runs the test task `spec` (Rakefile:2)",
        ),
        (
            {
                **PYTHON,
                "Makefile": "richtest:\n\t@$(PYTHON) -m pytest --rich\n\nPYTHON = python3\n",
                CI: workflow("make richtest"),
            },
            7,
            "runs `pytest --rich` through `make richtest` (Makefile:2)",
        ),
        (
            {
                "go.mod": "module x\n",
                "a_test.go": "package x\n",
                CI: workflow("go vet ./...") + "      - run: go test -race ./...\n",
            },
            8,
            "runs `go test -race ./...`",
        ),
        (
            {
                **PYTHON,
                "Makefile": "check: lint test\nlint:\n\truff check .\ntest:\n\tpytest\n",
                CI: workflow("make check"),
            },
            7,
            "runs `pytest` through `make check` (Makefile:5)",
        ),
        (
            {
                **PYTHON,
                "package.json": '{"scripts": {"ci": "CI=1 jest --coverage"}}\n',
                CI: workflow("npm run ci"),
            },
            7,
            "runs `jest --coverage` through `npm run ci` (package.json)",
        ),
    ],
)
def test_ci_runs_the_tests_through_build_tools_and_task_runners(
    make_subject: MakeSubject, files: dict[str, str], line: int, reason: str
) -> None:
    found = checks(make_subject, files).tests_on_pull_requests
    assert [(s.path, s.line, s.job, s.reason, s.trigger) for s in found][:1] == [
        (CI, line, "test", reason, "on: pull_request")
    ]


def test_a_reusable_workflow_is_followed_from_its_caller(make_subject: MakeSubject) -> None:
    files = {
        **PYTHON,
        CI: "on: pull_request\njobs:\n  call:\n    uses: ./.github/workflows/tests.yml\n",
        ".github/workflows/tests.yml": "on: workflow_call\njobs:\n  pytest:\n    runs-on: x\n"
        "    steps:\n      - run: |\n          pip install -e .\n          pytest -q\n",
    }
    (step,) = checks(make_subject, files).tests_on_pull_requests
    assert (step.path, step.line, step.job, step.command) == (
        ".github/workflows/tests.yml",
        8,
        "pytest",
        "pytest -q",
    )
    assert step.trigger == f"on: pull_request; called by job `call` of {CI}"


def test_reusable_workflows_that_call_each_other_are_followed_once(
    make_subject: MakeSubject,
) -> None:
    loop = "on: [pull_request, workflow_call]\njobs:\n  again:\n    uses: ./{}\n"
    files = {
        **PYTHON,
        ".github/workflows/a.yml": loop.format(".github/workflows/b.yml"),
        ".github/workflows/b.yml": loop.format(".github/workflows/a.yml"),
    }
    assert checks(make_subject, files).tests == ()


@pytest.mark.parametrize(
    ("files", "trigger"),
    [
        (
            {**PYTHON, CI: workflow("pytest", condition="github.event_name != 'pull_request'")},
            "`if: github.event_name != 'pull_request'` leaves pull requests out",
        ),
        (
            {**PYTHON, CI: workflow("pytest", on="{push: {tags: ['v*']}}")},
            "on: push only",
        ),
        (
            {**PYTHON, CI: workflow("pytest", on="{push: {branches: [main]}}")},
            "on: push only",
        ),
        (
            {
                **PYTHON,
                CI: workflow("pytest", condition="${{ startsWith(github.ref, 'refs/tags/') }}"),
            },
            "`if: ${{ startsWith(github.ref, 'refs/tags/') }}` leaves pull requests out",
        ),
    ],
)
def test_jobs_that_never_run_on_pull_requests_do_not_count(
    make_subject: MakeSubject, files: dict[str, str], trigger: str
) -> None:
    found = checks(make_subject, files)
    assert found.tests_on_pull_requests == ()
    assert [(s.command, s.trigger) for s in found.tests] == [("pytest", trigger)]


def test_a_push_on_every_branch_tests_pull_request_branches(make_subject: MakeSubject) -> None:
    found = checks(make_subject, {**PYTHON, CI: workflow("pytest", on="push")})
    assert [s.trigger for s in found.tests_on_pull_requests] == [
        "on: push (every branch, so pull-request branches too)"
    ]


def test_a_condition_with_a_pull_request_alternative_still_runs(
    make_subject: MakeSubject,
) -> None:
    condition = "github.event_name == 'push' || github.event_name == 'pull_request'"
    found = checks(make_subject, {**PYTHON, CI: workflow("pytest", condition=condition)})
    assert [s.command for s in found.tests_on_pull_requests] == ["pytest"]


def test_ci_that_only_builds_or_lints_runs_no_tests(make_subject: MakeSubject) -> None:
    files = {
        **GRADLE,
        CI: workflow("./gradlew assemble -x test")
        + "      - run: ./gradlew build -x test\n      - run: ruff check .\n",
    }
    found = checks(make_subject, files)
    assert found.tests == ()
    assert [(s.line, s.reason) for s in found.linters] == [(9, "runs ruff")]


def test_a_script_named_for_tests_counts_when_it_exists(make_subject: MakeSubject) -> None:
    script = {"ci/unit-tests.sh": "#!/bin/sh\n./bin/mystery\n"}
    files = {**PYTHON, **script, CI: workflow("bash ci/unit-tests.sh")}
    assert [s.reason for s in checks(make_subject, files).tests] == [
        "runs ci/unit-tests.sh, a script named for tests"
    ]
    assert checks(make_subject, {**PYTHON, CI: workflow("bash ci/unit-tests.sh")}).tests == ()


def test_linters_in_a_composite_action_and_pre_commit_ci(make_subject: MakeSubject) -> None:
    files = {
        **PYTHON,
        CI: "on: pull_request\njobs:\n  lint:\n    runs-on: x\n    steps:\n"
        "      - uses: ./.github/actions/lint\n",
        ".github/actions/lint/action.yml": "runs:\n  using: composite\n  steps:\n"
        "    - run: ruff check .\n      shell: bash\n",
    }
    (step,) = checks(make_subject, files).linters_on_pull_requests
    assert (step.path, step.line, step.job) == (".github/actions/lint/action.yml", 4, "lint")
    hooks = {
        **PYTHON,
        CI: workflow("pytest"),
        ".pre-commit-config.yaml": "ci:\n  autofix_prs: true\nrepos:\n- repo: local\n  hooks:\n"
        "  - id: ruff\n    name: ruff\n    entry: ruff check\n    language: system\n",
    }
    (step,) = checks(make_subject, hooks).linters_on_pull_requests
    assert (step.path, step.line, step.reason) == (
        ".pre-commit-config.yaml",
        1,
        "pre-commit.ci runs the hooks, which run ruff",
    )


def test_gitlab_jobs_only_on_tags_do_not_count(make_subject: MakeSubject) -> None:
    files = {
        **PYTHON,
        ".gitlab-ci.yml": "test:\n  script:\n    - pytest\nrelease:\n  only: [tags]\n"
        "  script:\n    - pytest -q\n",
    }
    found = checks(make_subject, files)
    assert [(s.job, s.pull_requests) for s in found.tests] == [("test", True), ("release", False)]
