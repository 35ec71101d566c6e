"""A build tool or package manager named where its manifest is not: the judge says so."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from auditor.facts.references.dangling import dangling_references
from auditor.facts.subject import Subject

Make = Callable[..., Subject]
POLYGLOT = {
    "go/go.mod": "module example.com/x\n\ngo 1.22\n",
    "go/internal/e2e/e2e_test.go": "package e2e\n",
    "rust/Cargo.toml": '[package]\nname = "core"\nversion = "0.1.0"\n',
    "pyproject.toml": '[project]\nname = "x"\nversion = "0"\n\n'
    '[project.optional-dependencies]\ntest = ["pytest"]\n\n[dependency-groups]\ndev = ["ruff"]\n',
    "requirements-dev.txt": "pytest\n",
    "web/package.json": '{"name": "web"}\n',
    "svc/go.mod": "module example.com/svc\n",
    "svc/tools/go.mod": "module example.com/svc/tools\n",
}


def problems(make_subject: Make, agents: str) -> list[str]:
    subject = make_subject({**POLYGLOT, "AGENTS.md": f"# A\n\n{agents}\n"})
    return [r.problem for r in dangling_references(subject) if r.kind == "command"]


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("Build: `cargo build`", "`cargo build`: no Cargo.toml in the repository root or above"),
        ("Test: `go test ./go/internal/e2e`", "`go test`: no go.mod in the repository root or "
         "above"),
        ("Set up: `pip install -r requirements.txt`", "`pip install -r requirements.txt`: no "
         "requirements.txt in the repository root"),
        ("Set up: `pip install -e '.[tests]'`", "`pip install .[tests]`: the project declares no "
         "extra `tests`"),
        ("Set up: `uv sync --group test`", "`uv sync --group test`: pyproject.toml declares no "
         "`test`"),
        ("Set up: `mvn install`", "`mvn`: no pom.xml in the repository root"),
        ("Set up: `npm ci`", "`npm ci`: no package.json in the repository root"),
        ("Set up: `cd web && npm ci`", "`npm ci`: no package-lock.json to install from"),
        ("Test: `cd svc && go test ./tools/...`", "`go test ./tools/...`: svc/tools/ is a module "
         "of its own (svc/tools/go.mod)"),
    ],
)  # fmt: skip
def test_a_command_without_its_manifest_does_not_resolve(
    make_subject: Make, line: str, problem: str
) -> None:
    assert problems(make_subject, line) == [problem]


@pytest.mark.parametrize(
    "line",
    [
        "`cd rust && cargo build`",
        "`cd go && go test ./internal/e2e`",
        "`cd svc && go test ./...`",
        "`pip install -r requirements-dev.txt` and `pip install -e '.[test]'`",
        "`uv sync --group dev` and `uv sync --extra test`",
        "`cd web && npm install`",
        "`go install golang.org/x/tools/gopls@latest` and `cargo install ripgrep`",
        "`mvn --version` and `gradle init`",
        "`pip install ./path-to-wheel-file.whl` and `pip install dist/x-1.0.tar.gz`",
        "`pip install` with no arguments",
    ],
)
def test_a_command_run_where_its_manifest_is_resolves(make_subject: Make, line: str) -> None:
    assert problems(make_subject, line) == []


def test_a_readme_may_show_commands_for_the_readers_project(make_subject: Make) -> None:
    subject = make_subject(
        {"README.md": "Then run `cargo build` in your crate.\n", "AGENTS.md": "x\n"}
    )
    assert dangling_references(subject) == ()
