"""Test frameworks, test directories, test files, and the commands that run the tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from auditor.facts.model import Facts
from auditor.facts.subject import Subject
from auditor.facts.testing import suite as testing

MakeSubject = Callable[..., Subject]
PY_TEST = "import pytest\n\ndef test_a():\n    assert True\n"


def workflow(*runs: str) -> str:
    steps = "".join(f"      - run: {run}\n" for run in runs)
    return "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n" + steps


def facts(make_subject: MakeSubject, files: dict[str, str]) -> Facts:
    return make_subject(files).facts


def commands(make_subject: MakeSubject, files: dict[str, str]) -> list[tuple[str, str]]:
    return [(c.text, c.origin) for c in facts(make_subject, files).test_commands]


@pytest.mark.parametrize(
    ("files", "frameworks"),
    [
        ({"pyproject.toml": "[tool.pytest.ini_options]\n"}, ("pytest",)),
        ({"setup.cfg": "[tool:pytest]\naddopts = -q\n"}, ("pytest",)),
        ({"tox.ini": "[pytest]\n"}, ("pytest",)),
        ({"requirements-dev.txt": "pytest-cov\npytest>=8\n"}, ("pytest",)),
        ({"requirements-dev.txt": "pytest-cov\n"}, ()),
        (
            {"tests/test_a.py": "import unittest\n\nclass T(unittest.TestCase): ...\n"},
            ("unittest",),
        ),
        ({"tests/test_a.py": "from unittest import mock\n"}, ()),
        ({"tests/conftest.py": "", "tests/test_a.py": PY_TEST}, ("pytest",)),
        (
            {"package.json": '{"devDependencies": {"vitest": "1", "@playwright/test": "1"}}'},
            ("playwright", "vitest"),
        ),
        ({"jest.config.ts": "export default {}\n"}, ("jest",)),
        ({"go.mod": "module x\n", "x_test.go": "package x\n"}, ("go test",)),
        ({"go.mod": "module x\n", "testdata/x_test.go": "package x\n"}, ()),
        (
            {"Cargo.toml": "[package]\n", "src/lib.rs": "#[cfg(test)]\nmod tests {}\n"},
            ("cargo test",),
        ),
        ({"Cargo.toml": "[package]\n", "src/lib.rs": "pub fn f() {}\n"}, ()),
        (
            {
                "pom.xml": "<project><dependencies><dependency><artifactId>junit-jupiter"
                "</artifactId></dependency></dependencies></project>"
            },
            ("junit",),
        ),
        (
            {"build.gradle.kts": 'dependencies { testImplementation("org.testng:testng:7") }\n'},
            ("testng",),
        ),
        ({"Gemfile": "gem 'rspec'\n"}, ("rspec",)),
        ({"composer.json": '{"require-dev": {"phpunit/phpunit": "^10"}}'}, ("phpunit",)),
        ({"App.Tests/App.Tests.csproj": '<PackageReference Include="xunit" />'}, ("xunit",)),
        ({"CMakeLists.txt": "enable_testing()\n"}, ("ctest",)),
        ({"README.md": "We use pytest and jest.\n"}, ()),
    ],
)
def test_frameworks(
    make_subject: MakeSubject, files: dict[str, str], frameworks: tuple[str, ...]
) -> None:
    assert testing.test_frameworks(make_subject(files).sources) == frameworks


def test_test_dirs_are_the_top_most_and_data_is_not_counted(make_subject: MakeSubject) -> None:
    files = {
        "tests/test_a.py": PY_TEST,
        "tests/unit/test_b.py": PY_TEST,
        "tests/fixtures/sample.py": "x = 1\n",
        "tests/__init__.py": "",
        "core/src/test/java/FooTest.java": "class FooTest {}\n",
        "web/src/__tests__/a.test.ts": "test('a', () => {})\n",
        "android/src/androidTest/java/okhttp/test/ATest.kt": "class ATest\n",
        "pkg/x_test.go": "package pkg\n",
        "testdata/input.py": "x = 1\n",
        "tests/data.json": "{}",
    }
    src = make_subject(files).sources
    assert testing.test_dirs(src) == (
        "android/src/androidTest",
        "core/src/test",
        "tests",
        "web/src/__tests__",
    )
    assert testing.test_file_count(src) == 6


def test_python_repo_with_uv_pre_commit_and_actions(make_subject: MakeSubject) -> None:
    files = {
        "pyproject.toml": '[project]\nname = "app"\n[tool.uv]\ndev-dependencies = ["pytest"]\n',
        "uv.lock": "version = 1\n",
        ".github/workflows/ci.yml": workflow("uv sync --locked", "uv run pytest"),
        ".pre-commit-config.yaml": (
            "repos:\n- repo: https://github.com/astral-sh/ruff-pre-commit\n  rev: v0.6.0\n"
            "  hooks:\n  - id: ruff\n- repo: https://github.com/pre-commit/mirrors-mypy\n"
            "  rev: v1.11.0\n  hooks:\n  - id: mypy\n"
        ),
        "src/app/__init__.py": "x = 1\n",
        "tests/test_app.py": PY_TEST,
    }
    found = facts(make_subject, files)
    assert [(c.text, c.origin, c.line) for c in found.test_commands] == [
        ("uv run pytest", "ci", 7),
    ]
    assert found.single_test_command == "uv run pytest tests/test_app.py::test_a"
    assert found.test_frameworks == ("pytest",)
    assert (found.linters, found.type_checkers, found.pre_commit) == (("ruff",), ("mypy",), True)


def test_poetry_and_tox_docs_win_over_ci(make_subject: MakeSubject) -> None:
    files = {
        "pyproject.toml": '[tool.poetry]\nname = "app"\n[tool.poetry.group.dev.dependencies]\n'
        'pytest = "^8"\n',
        "poetry.lock": "",
        "tox.ini": "[tox]\nenvlist = py311, lint\n[testenv]\nallowlist_externals = poetry\n"
        "commands = poetry run pytest {posargs}\n[testenv:lint]\n"
        "commands = poetry run ruff check .\n",
        ".github/workflows/ci.yml": workflow("pip install tox", "tox"),
        "CONTRIBUTING.md": "Run the tests:\n\n```console\n$ poetry run pytest\n```\n",
        "app/__init__.py": "",
        "tests/test_app.py": PY_TEST,
    }
    assert commands(make_subject, files) == [
        ("poetry run pytest", "docs"),
        ("tox", "ci"),
    ]


def test_pnpm_workspace_uses_the_repository_package_manager(make_subject: MakeSubject) -> None:
    files = {
        "package.json": '{"private": true, "scripts": {"test": "vitest run", "lint": "eslint ."},'
        ' "devDependencies": {"vitest": "^2", "eslint": "^9"}}',
        "pnpm-workspace.yaml": "packages:\n  - packages/*\n",
        "pnpm-lock.yaml": "lockfileVersion: '9.0'\n",
        "packages/a/package.json": '{"name": "a"}',
        "packages/a/src/index.ts": "export const a = 1;\n",
        "packages/a/src/index.test.ts": "test('a', () => {});\n",
        "eslint.config.js": "export default [];\n",
    }
    found = facts(make_subject, files)
    assert [(c.text, c.origin, c.path) for c in found.test_commands] == [
        ("pnpm test", "npm-script", "package.json"),
    ]
    assert found.test_frameworks == ("vitest",)
    assert [(t.name, t.kind, t.config) for t in found.tools] == [
        ("eslint", "linter", "eslint.config.js")
    ]


def test_cargo_repo_tested_in_ci(make_subject: MakeSubject) -> None:
    files = {
        "Cargo.toml": '[package]\nname = "x"\n',
        "src/lib.rs": "pub fn f() {}\n#[cfg(test)]\nmod tests {\n    #[test]\n    fn t() {}\n}\n",
        ".github/workflows/ci.yml": workflow(
            "cargo test --all-features", "cargo clippy -- -D warnings", "cargo fmt --check"
        ),
    }
    found = facts(make_subject, files)
    assert [(c.text, c.origin) for c in found.test_commands] == [
        ("cargo test --all-features", "ci"),
        ("cargo test", "build-tool"),
    ]
    assert (found.linters, found.formatters) == (("clippy",), ("rustfmt",))


def test_go_module_with_golangci_lint_action(make_subject: MakeSubject) -> None:
    files = {
        "go.mod": "module example.com/x\n",
        "x.go": "package x\n",
        "x_test.go": "package x\n",
        ".golangci.yml": "linters: {}\n",
        ".github/workflows/ci.yml": (
            "on: push\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n"
            "      - uses: golangci/golangci-lint-action@v6\n        with:\n"
            "          version: v1.60\n"
            "  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: go test -race ./...\n"
        ),
    }
    found = facts(make_subject, files)
    assert [(c.text, c.origin) for c in found.test_commands] == [
        ("go test -race ./...", "ci"),
        ("go test ./...", "build-tool"),
    ]
    (tool,) = found.tools
    assert (tool.name, tool.kind, tool.config) == ("golangci-lint", "linter", ".golangci.yml")
    assert [(c.text, c.line) for c in tool.runs] == [("uses: golangci/golangci-lint-action", 6)]


def test_maven_project(make_subject: MakeSubject) -> None:
    files = {
        "pom.xml": "<project><dependencies><dependency><groupId>org.junit.jupiter</groupId>"
        "<artifactId>junit-jupiter</artifactId></dependency></dependencies></project>",
        "mvnw": "#!/bin/sh\n",
        "src/main/java/App.java": "class App {}\n",
        "src/test/java/AppTest.java": "class AppTest {}\n",
        ".github/workflows/ci.yml": workflow("./mvnw -B verify"),
    }
    found = facts(make_subject, files)
    assert [(c.text, c.origin) for c in found.test_commands] == [
        ("./mvnw -B verify", "ci"),
        ("./mvnw test", "build-tool"),
    ]
    assert (found.test_frameworks, found.test_dirs) == (("junit",), ("src/test",))


def test_instructions_naming_a_missing_make_target_are_not_canonical(
    make_subject: MakeSubject,
) -> None:
    files = {
        "AGENTS.md": "# Agents\n\nRun the tests with `make test`.\n",
        "Makefile": "lint:\n\truff check .\n",
        "pyproject.toml": "[tool.pytest.ini_options]\n",
        "tests/test_a.py": PY_TEST,
    }
    assert commands(make_subject, files) == [("pytest", "default")]


def test_instructions_win_over_ci_and_runners(make_subject: MakeSubject) -> None:
    files = {
        "CLAUDE.md": "```bash\nmake test\n```\n",
        "AGENTS.md": "Test with `uv run pytest -q`.\n",
        "README.md": "```sh\npytest\n```\n",
        "Makefile": "test:\n\tuv run pytest\n",
        ".github/workflows/ci.yml": workflow("tox -e ${{ matrix.env }}", "make test"),
        "tox.ini": "[testenv]\ncommands = pytest\n",
        "tests/test_a.py": PY_TEST,
    }
    assert commands(make_subject, files) == [
        ("uv run pytest -q", "instructions"),
        ("make test", "instructions"),
        ("pytest", "docs"),
        ("tox", "tox"),
        ("tox -e ${{ matrix.env }}", "ci"),
    ]


def test_a_documented_pytest_needs_python_tests(make_subject: MakeSubject) -> None:
    files = {"README.md": "```sh\npytest\nnpm test\n```\n", "main.go": "package main\n"}
    assert commands(make_subject, files) == []


def test_npm_test_needs_a_real_test_script(make_subject: MakeSubject) -> None:
    files = {
        "package.json": '{"scripts": {"test": "echo \\"Error: no test specified\\" && exit 1"}}',
        "README.md": "```sh\nnpm test\n```\n",
        "index.js": "module.exports = 1;\n",
    }
    assert commands(make_subject, files) == []


def test_partial_runs_are_not_the_test_suite(make_subject: MakeSubject) -> None:
    files = {
        "README.md": "```sh\npytest tests/test_a.py::test_a\npytest -k slow\npytest tests\n```\n",
        "tests/test_a.py": PY_TEST,
    }
    assert commands(make_subject, files)[0] == ("pytest tests", "docs")


def test_runs_that_rewrite_snapshots_are_not_test_commands(make_subject: MakeSubject) -> None:
    files = {
        "AGENTS.md": "```sh\npython -m pytest --snapshot-update\npython -m pytest\n```\n",
        "tests/test_a.py": PY_TEST,
    }
    texts = [text for text, _ in commands(make_subject, files)]
    assert texts[0] == "python -m pytest"
    assert "python -m pytest --snapshot-update" not in texts


def test_runner_targets_in_order(make_subject: MakeSubject) -> None:
    files = {
        "Makefile": "check: lint test\nlint:\n\truff check .\ntest:\n\tpytest\n",
        "justfile": "test:\n    pytest\n",
        "noxfile.py": "import nox\n@nox.session\ndef tests(session):\n    session.run('pytest')\n"
        "@nox.session\ndef lint(session):\n    session.run('ruff', 'check')\n",
        "tests/test_a.py": PY_TEST,
    }
    assert commands(make_subject, files) == [
        ("make test", "make"),
        ("just test", "just"),
        ("nox -s tests", "nox"),
        ("make check", "make"),  # lints too: after every run of the tests alone
        ("pytest", "default"),
    ]


def test_no_tests_no_test_command(make_subject: MakeSubject) -> None:
    found = facts(make_subject, {"app.py": "print('hi')\n", "README.md": "Run `python app.py`.\n"})
    assert (found.test_command, found.test_commands, found.test_file_count) == (None, (), 0)


def test_malformed_manifests_do_not_raise(make_subject: MakeSubject) -> None:
    files = {
        ".github/workflows/ci.yml": "jobs:\n  t: [\n",
        "package.json": "{",
        "pyproject.toml": "[tool.pytest.ini_options\n",
        "tox.ini": "[testenv\ncommands = pytest\n",
        "pom.xml": "<project>",
        "tests/test_a.py": PY_TEST,
    }
    found = facts(make_subject, files)
    assert [(c.text, c.origin) for c in found.test_commands] == [("pytest", "default")]
    assert {d.path for d in found.diagnostics} >= {".github/workflows/ci.yml", "package.json"}


def test_gradle_builds_that_skip_assemble_or_only_lint_tests(make_subject: MakeSubject) -> None:
    files = {
        "build.gradle.kts": 'dependencies { testImplementation("junit:junit:4") }\n',
        "gradlew": "#!/bin/sh\n",
        "src/test/java/ATest.java": "class ATest {}\n",
        ".github/workflows/ci.yml": workflow(
            "./gradlew check -x test",
            "./gradlew :app:assembleDebugAndroidTest",
            "./gradlew checkstyleTest",
            "./gradlew jvmTest",
        ),
    }
    assert commands(make_subject, files) == [
        ("./gradlew jvmTest", "ci"),
        ("./gradlew test", "build-tool"),
    ]
