"""Linters, formatters and type checkers: counted when run, with their configuration."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from auditor.facts.model import Facts
from auditor.facts.shell.invocations import invocations
from auditor.facts.subject import Subject
from auditor.facts.tools.catalog import invocation_tools

MakeSubject = Callable[..., Subject]


def workflow(*runs: str) -> str:
    steps = "".join(f"      - run: {run}\n" for run in runs)
    return "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n" + steps


def facts(make_subject: MakeSubject, files: dict[str, str]) -> Facts:
    return make_subject(files).facts


def tools(make_subject: MakeSubject, files: dict[str, str]) -> list[tuple[str, str, str | None]]:
    return [(t.name, t.kind, t.config) for t in facts(make_subject, files).tools]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("ruff check .", [("ruff", "linter")]),
        ("uv run ruff format --check .", [("ruff", "formatter")]),
        ("ruff --version", []),
        ("black --check .", [("black", "formatter")]),
        ("python -m mypy src", [("mypy", "type_checker")]),
        (
            "npx eslint . && npx prettier --check .",
            [("eslint", "linter"), ("prettier", "formatter")],
        ),
        ("biome check .", [("biome", "linter"), ("biome", "formatter")]),
        ("tsc --noEmit", [("tsc", "type_checker")]),
        ("go vet ./...", [("govet", "linter")]),
        ('test -z "$(gofmt -l .)"', [("gofmt", "formatter")]),
        ("gofmt -l .", [("gofmt", "formatter")]),
        (
            "go run github.com/golangci/golangci-lint/cmd/golangci-lint@v1.60 run",
            [("golangci-lint", "linter")],
        ),
        ("cargo +nightly fmt --all -- --check", [("rustfmt", "formatter")]),
        ("cargo clippy --all-targets -- -D warnings", [("clippy", "linter")]),
        ("cargo test", []),
        (
            "./mvnw spotless:check checkstyle:check",
            [("spotless", "formatter"), ("checkstyle", "linter")],
        ),
        ("./gradlew spotlessCheck :app:detekt", [("spotless", "formatter"), ("detekt", "linter")]),
        ("hatch fmt --check", [("ruff", "linter"), ("ruff", "formatter")]),
        ("bundle exec rubocop", [("rubocop", "linter")]),
        ("vendor/bin/phpstan analyse", [("phpstan", "linter")]),
        ("shellcheck scripts/*.sh", [("shellcheck", "linter")]),
        ("pip install ruff mypy", []),
    ],
)
def test_invocation_tools(line: str, expected: list[tuple[str, str]]) -> None:
    assert [use for i in invocations(line) for use in invocation_tools(i)] == expected


def test_a_mention_a_dependency_or_a_config_section_alone_does_not_count(
    make_subject: MakeSubject,
) -> None:
    files = {
        "README.md": "Format with `black .` and check with `mypy src`.\n\n```sh\nruff check .\n"
        "```\n",
        "AGENTS.md": "Run `black .` before committing.\n",
        "pyproject.toml": '[project]\nname = "x"\ndependencies = ["black", "mypy"]\n[tool.black]\n'
        "line-length = 100\n",
        "x.py": "x = 1\n",
    }
    assert tools(make_subject, files) == []


def test_tools_reached_through_ci_and_task_runners(make_subject: MakeSubject) -> None:
    files = {
        ".github/workflows/ci.yml": workflow("make lint"),
        "Makefile": "lint:\n\tuv run ruff check .\n\tuv run ruff format --check .\n"
        "types:\n\tuv run mypy src\n",
        "pyproject.toml": "[tool.ruff]\nline-length = 100\n[tool.mypy]\nstrict = true\n",
    }
    found = facts(make_subject, files)
    assert [(t.name, t.kind, t.config) for t in found.tools] == [
        ("ruff", "formatter", "pyproject.toml"),
        ("ruff", "linter", "pyproject.toml"),
        ("mypy", "type_checker", "pyproject.toml"),
    ]
    assert [(c.text, c.path, c.line) for c in found.tools[1].runs] == [
        ("make lint", ".github/workflows/ci.yml", 6),
        ("uv run ruff check .", "Makefile", 2),
    ]
    assert [(c.text, c.origin) for c in found.tools[2].runs] == [("uv run mypy src", "make")]


def test_package_scripts_and_configs(make_subject: MakeSubject) -> None:
    files = {
        "package.json": '{"scripts": {"lint": "eslint . && prettier --check .", "typecheck":'
        ' "tsc -b",'
        ' "test": "vitest run"}, "prettier": {"semi": false}}',
        "eslint.config.mjs": "export default [];\n",
        "tsconfig.json": "{}",
    }
    assert tools(make_subject, files) == [
        ("prettier", "formatter", "package.json"),
        ("eslint", "linter", "eslint.config.mjs"),
        ("tsc", "type_checker", "tsconfig.json"),
    ]


def test_pre_commit_hooks_and_the_pre_commit_action(make_subject: MakeSubject) -> None:
    files = {
        ".pre-commit-config.yaml": (
            "repos:\n- repo: https://github.com/psf/black\n  rev: 24.1.0\n  hooks:\n"
            "  - id: black\n- repo: https://github.com/doublify/pre-commit-rust\n  rev: v1.0\n"
            "  hooks:\n  - id: fmt\n  - id: clippy\n- repo: local\n  hooks:\n  - id: types\n"
            "    name: types\n    entry: pyright\n    language: system\n"
        ),
        ".github/workflows/lint.yml": (
            "on: push\njobs:\n  pre-commit:\n    runs-on: ubuntu-latest\n    steps:\n"
            "      - uses: actions/checkout@v4\n      - uses: pre-commit/action@v3.0.1\n"
        ),
    }
    found = facts(make_subject, files)
    assert [(t.name, t.kind) for t in found.tools] == [
        ("black", "formatter"),
        ("rustfmt", "formatter"),
        ("clippy", "linter"),
        ("pyright", "type_checker"),
    ]
    black = found.tools[0]
    assert [(c.text, c.path) for c in black.runs] == [
        ("uses: pre-commit/action", ".github/workflows/lint.yml"),
        ("black", ".pre-commit-config.yaml"),
    ]


def test_tox_and_nox_run_tools(make_subject: MakeSubject) -> None:
    files = {
        "tox.ini": "[testenv:lint]\ncommands = flake8 src\n[flake8]\nmax-line-length = 100\n",
        "noxfile.py": "import nox\n@nox.session\ndef types(session):\n    session.run('pyright')\n",
    }
    assert tools(make_subject, files) == [
        ("flake8", "linter", "tox.ini"),
        ("pyright", "type_checker", None),
    ]


def test_maven_plugins_bound_to_a_build_that_ci_runs(make_subject: MakeSubject) -> None:
    pom = (
        "<project><build><plugins>"
        "<plugin><artifactId>maven-checkstyle-plugin</artifactId><executions><execution>"
        "<goals><goal>check</goal></goals></execution></executions></plugin>"
        "<plugin><artifactId>maven-pmd-plugin</artifactId></plugin>"
        "<plugin><artifactId>maven-compiler-plugin</artifactId><configuration><compilerArgs>"
        "<arg>-Xplugin:ErrorProne</arg></compilerArgs></configuration></plugin>"
        "</plugins></build></project>"
    )
    files = {"pom.xml": pom, ".github/workflows/ci.yml": workflow("mvn -B verify")}
    assert tools(make_subject, files) == [
        ("checkstyle", "linter", None),
        ("errorprone", "linter", None),
    ]
    files[".github/workflows/ci.yml"] = workflow("mvn -B compile")
    assert tools(make_subject, files) == [("errorprone", "linter", None)]


def test_gradle_plugins_run_with_check(make_subject: MakeSubject) -> None:
    files = {
        "build.gradle.kts": 'plugins {\n    id("com.diffplug.spotless") version "6"\n'
        "    checkstyle\n}\n",
        ".github/workflows/ci.yml": workflow("./gradlew build"),
        "gradlew": "#!/bin/sh\n",
    }
    assert tools(make_subject, files) == [
        ("spotless", "formatter", None),
        ("checkstyle", "linter", None),
    ]


def test_lint_staged_through_husky(make_subject: MakeSubject) -> None:
    files = {
        ".husky/pre-commit": "npx lint-staged\n",
        "package.json": '{"lint-staged": {"*.{js,ts}": ["eslint --fix", "prettier --write"]}}',
        ".prettierrc": "{}",
    }
    assert tools(make_subject, files) == [
        ("prettier", "formatter", ".prettierrc"),
        ("eslint", "linter", None),
    ]


def test_malformed_configs_yield_no_tools_and_no_exception(make_subject: MakeSubject) -> None:
    files = {
        ".pre-commit-config.yaml": "repos:\n  - repo: [\n",
        ".github/workflows/ci.yml": ":\n  - :",
        "package.json": '{"scripts": ',
        "pyproject.toml": "[tool.ruff\n",
        "pom.xml": "<project><build>",
    }
    found = facts(make_subject, files)
    assert found.tools == ()
    assert {d.path for d in found.diagnostics} >= {".pre-commit-config.yaml", "package.json"}


def test_tools_run_by_a_repository_script_through_a_variable_prefix(
    make_subject: MakeSubject,
) -> None:
    check = (
        '#!/bin/sh -e\n\nexport PREFIX=""\nif [ -d venv ]; then\n    export PREFIX="venv/bin/"\n'
        "fi\n\n${PREFIX}ruff format src --diff\n$PREFIX mypy src\n"
    )
    found = facts(
        make_subject,
        {
            ".github/workflows/ci.yml": workflow("scripts/check"),
            "scripts/check": check,
            "src/app.py": "x = 1\n",
        },
    ).tools
    runs = {(t.name, t.kind): [(c.path, c.line, c.origin) for c in t.runs] for t in found}
    assert runs == {
        ("ruff", "formatter"): [
            (".github/workflows/ci.yml", 6, "ci"),
            ("scripts/check", 8, "script"),
        ],
        ("mypy", "type_checker"): [
            (".github/workflows/ci.yml", 6, "ci"),
            ("scripts/check", 9, "script"),
        ],
    }


def test_a_lint_script_run_with_bash_from_a_makefile(make_subject: MakeSubject) -> None:
    found = tools(
        make_subject,
        {
            "Makefile": "lint:\n\tbash scripts/lint.sh\n",
            "scripts/lint.sh": "set -e\n$VENV/bin/flake8 src\n",
            "scripts/notes.txt": "mypy src\n",
            "Makefile.extra": "",
        },
    )
    assert found == [("flake8", "linter", None)]


def test_a_non_shell_file_is_not_read_as_a_script(make_subject: MakeSubject) -> None:
    found = tools(
        make_subject,
        {
            ".github/workflows/ci.yml": workflow("tools/run.py", "bash tools/missing.sh"),
            "tools/run.py": "import os\nruff check .\n",
        },
    )
    assert found == []


def test_a_script_forwards_its_arguments(make_subject: MakeSubject) -> None:
    files = {"scripts/ruff.sh": '#!/usr/bin/env bash\nuv run ruff "$@"\n', "a.py": "x = 1\n"}
    files[".github/workflows/ci.yml"] = workflow("./scripts/ruff.sh format --check .")
    assert tools(make_subject, files) == [("ruff", "formatter", None)]
