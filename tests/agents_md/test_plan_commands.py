"""The command lines of the plan: the right set-up, labels that fit, nothing that waits."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from auditor.agents_md.house_rules import forbidden_commands
from auditor.agents_md.plan import managed_plan
from auditor.facts.commands.unattended import unattended_form
from auditor.facts.runners.registry import runners_of
from auditor.facts.subject import Subject

Make = Callable[..., Subject]
PYTEST = {"tests/test_a.py": "def test_a():\n    pass\n", "pkg/__init__.py": ""}


def commands(subject: Subject) -> dict[str, tuple[str, ...]]:
    return {line.label: line.spans for line in managed_plan(subject).commands}


def test_whole_runs_are_never_labelled_lint_format_or_type_check(make_subject: Make) -> None:
    makefile = (
        "all: lint test\n\nlint:\n\truff check .\n\ntest:\n\tpytest\n\n"
        "check-all:\n\truff format --check .\n\tmypy pkg\n\tpytest\n"
    )
    pyproject = '[project]\nname = "p"\nversion = "0"\n\n[tool.ruff]\n\n[tool.mypy]\n'
    subject = make_subject({**PYTEST, "Makefile": makefile, "pyproject.toml": pyproject})
    lines = commands(subject)
    assert lines["Lint (ruff)"] == ("make lint",)
    assert not any("make all" in s or "check-all" in s for v in lines.values() for s in v)
    assert "Type-check" not in lines and "Format" not in lines


def test_a_test_script_running_vitest_once_is_no_format_line(make_subject: Make) -> None:
    scripts = {
        "test": "pnpm lint && pnpm test:types && vitest --run --coverage",
        "lint": "eslint --cache . && prettier -c src test",
        "test:types": "tsc --noEmit",
    }
    package = json.dumps({"scripts": scripts, "devDependencies": {"vitest": "3", "prettier": "3"}})
    files = {
        "package.json": package,
        "pnpm-lock.yaml": "lockfileVersion: '9.0'\n",
        "eslint.config.js": "export default [];\n",
        ".prettierrc": "{}\n",
        "tsconfig.json": "{}\n",
        "test/a.test.ts": "test('a', () => {})\n",
    }
    lines = commands(make_subject(files))
    assert lines["Run the tests"] == ("pnpm test",)
    assert lines["Lint and format (eslint, prettier)"] == ("pnpm run lint",)
    assert ("pnpm test",) not in [v for k, v in lines.items() if k != "Run the tests"]


@pytest.mark.parametrize(
    ("files", "setup"),
    [
        (
            {"Makefile": "setup:\n\tuv sync\n", "uv.lock": "", "pyproject.toml": "[project]\n"},
            "make setup",
        ),
        (
            {"script/bootstrap": "#!/bin/sh\npip install -e .\n", "setup.py": ""},
            "./script/bootstrap",
        ),
        (
            {
                "pyproject.toml": '[tool.poetry]\nname = "p"\n\n[tool.poetry.group.test]\n'
                'optional = true\n\n[tool.poetry.group.test.dependencies]\npytest = "*"\n\n'
                '[tool.uv]\nconstraint-dependencies = []\n',
                "poetry.lock": "",
            },
            "poetry install --with test",
        ),
        (
            {
                "pyproject.toml": '[project]\nname = "p"\nversion = "0"\n\n'
                '[project.optional-dependencies]\ntest = ["pytest"]\n',
                "README.md": "Install: `pip install -e .` or `pip install -r requirements.txt`.\n",
            },
            'python -m pip install -e ".[test]"',
        ),
        (
            {
                "pyproject.toml": '[build-system]\nrequires = ["pdm-backend"]\n'
                'build-backend = "pdm.backend"\n\n[project]\nname = "p"\nversion = "0"\n\n'
                '[project.optional-dependencies]\ndev = ["pytest"]\n\n[tool.pdm.build]\n'
                'includes = ["pkg"]\n',
            },
            'python -m pip install -e ".[dev]"',
        ),
        (
            {
                "pyproject.toml": '[project]\nname = "p"\nversion = "0"\n\n'
                '[project.optional-dependencies]\ntesting = ["pytest"]\n',
                "uv.lock": "",
            },
            "uv sync --extra testing",
        ),
        (
            {
                "pyproject.toml": '[project]\nname = "p"\nversion = "0"\n\n[dependency-groups]\n'
                'dev = ["ruff"]\ntests = ["pytest"]\n',
                "uv.lock": "",
            },
            "uv sync --group tests",
        ),
        (
            {
                "pyproject.toml": '[project]\nname = "p"\nversion = "0"\n\n[dependency-groups]\n'
                'dev = ["ruff"]\ntests = ["pytest"]\n\n'
                '[tool.uv]\ndefault-groups = ["dev", "tests"]\n',
                "uv.lock": "",
            },
            "uv sync",
        ),
    ],
    ids=["make-setup", "bootstrap-script", "poetry-not-uv", "pip-test-extra", "pdm-backend-only",
         "uv-extra", "uv-group", "uv-default-groups"],
)  # fmt: skip
def test_setup_installs_what_the_tests_need(
    make_subject: Make, files: dict[str, str], setup: str
) -> None:
    assert commands(make_subject({**PYTEST, **files}))["Set up"] == (setup,)


VITEST = '{"scripts": {"test": "vitest", "lint": "eslint ."}, "devDependencies": {"vitest": "1"}}'


def test_a_watching_test_script_is_run_once(make_subject: Make) -> None:
    files = {"package.json": VITEST, "package-lock.json": "{}", "src/a.test.ts": "test()\n"}
    assert commands(make_subject(files))["Run the tests"] == ("npm test -- --run",)


def test_the_repositorys_own_watch_off_flag_is_used(make_subject: Make) -> None:
    files = {
        "package.json": VITEST,
        "pnpm-lock.yaml": "",
        "src/a.test.ts": "test()\n",
        "CLAUDE.md": "Never start watch mode: always pass `--watch false` to the test runner.\n",
    }
    assert commands(make_subject(files))["Run the tests"] == ("pnpm test --watch false",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("vitest", "vitest run"),
        ("vitest run", "vitest run"),
        ("npx vitest --coverage", "npx vitest --coverage --run"),
        ("react-scripts test", "react-scripts test --watchAll=false"),
        ("CI=true react-scripts test", "CI=true react-scripts test"),
        ("jest --watch", None),
        ("tsc -w", None),
        ("cargo watch -x test", None),
        ("tox -e pypy3", None),
        ("tox -e py312-lint", "tox -e py312-lint"),
        ("pytest -q", "pytest -q"),
    ],
)
def test_commands_are_made_to_run_unattended_or_dropped(
    make_subject: Make, text: str, expected: str | None
) -> None:
    runners = runners_of(make_subject({"README.md": "x\n"}).sources)
    assert unattended_form(text, runners) == expected


@pytest.mark.parametrize(
    ("rule", "forbidden"),
    [
        ("Use `pnpm test` instead of `npm test`.", {"npm test"}),
        ("Do not run `make all`; run `make check`.", {"make all"}),
        ("Never run `npm install` \u2014 use `pnpm install`.", {"npm install"}),
        ("Never edit `uv.lock` or `src/gen/`.", set()),
        ("Run `pytest -q` before you push.", set()),
    ],
)
def test_the_repositorys_own_rules_name_the_forbidden_commands(
    make_subject: Make, rule: str, forbidden: set[str]
) -> None:
    subject = make_subject({"AGENTS.md": f"# Rules\n\n- {rule}\n"})
    assert forbidden_commands(subject) == forbidden


def test_a_command_the_repository_forbids_is_not_generated(make_subject: Make) -> None:
    files = {
        "package.json": '{"scripts": {"test": "node --test", "lint": "eslint ."}}',
        "package-lock.json": "{}",
        "eslint.config.js": "export default [];\n",
        "src/a.test.js": "test()\n",
        "CLAUDE.md": "Never run `npm run lint` here: CI lints.\n",
    }
    lines = commands(make_subject(files))
    assert lines["Set up"] == ("npm ci",)
    assert not any("npm run lint" in s for spans in lines.values() for s in spans)


@pytest.mark.parametrize(
    ("files", "shown"),
    [
        (
            {
                "package.json": '{"scripts": {"test": "eslint . && prettier --check ."}}',
                "package-lock.json": "{}",
                "src/a.test.js": "test()\n",
            },
            False,
        ),
        (
            {
                "package.json": '{"scripts": {"test": "eslint . && node --test"}}',
                "package-lock.json": "{}",
                "src/a.test.js": "test()\n",
            },
            True,
        ),
    ],
    ids=["test-script-is-the-linter", "test-script-lints-then-tests"],
)
def test_a_test_line_that_only_lints_is_not_written(
    make_subject: Make, files: dict[str, str], shown: bool
) -> None:
    assert ("Run the tests" in commands(make_subject(files))) is shown


def test_an_ellipsis_standing_for_arguments_is_not_written(make_subject: Make) -> None:
    files = {
        **PYTEST,
        "pyproject.toml": '[project]\nname = "p"\nversion = "0"\n',
        "AGENTS.md": "- Cross-version testing: `pytest ...` with each Python.\n",
    }
    lines = commands(make_subject(files))
    assert lines["Set up"] == ("python -m pip install -e .",)
    assert not any("..." in span for spans in lines.values() for span in spans)


def test_pip_set_up_installs_the_dependency_group_named_for_tests(make_subject: Make) -> None:
    pyproject = (
        '[project]\nname = "p"\nversion = "0"\n\n'
        '[dependency-groups]\ntest = ["pytest", "hypothesis"]\ndocs = ["sphinx"]\n'
    )
    lines = commands(make_subject({**PYTEST, "pyproject.toml": pyproject}))
    assert lines["Set up"] == (
        'python -m pip install -U "pip>=25.1" && python -m pip install -e . --group test',
    )  # --group needs pip 25.1, so the line upgrades pip first
