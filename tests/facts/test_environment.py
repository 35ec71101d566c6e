"""Development environment markers and the example environment file."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path

import pytest

from auditor.discover import discover
from auditor.facts.environment.dev_environment import dev_environment, env_example
from auditor.facts.sources import FactSources
from auditor.facts.subject import Subject
from auditor.index.build import build_index

MakeSubject = Callable[..., Subject]


@pytest.fixture
def fresh_subject(make_repo: Callable[..., Path]) -> MakeSubject:
    """Like `make_subject`, but each call builds a repository of its own (no files carried over)."""
    names = itertools.count()

    def make(files: dict[str, str]) -> Subject:
        root = make_repo(files, name=f"repo{next(names)}")
        return build_index(discover(root), want_syntax=False)

    return make


def markers(fresh_subject: MakeSubject, files: dict[str, str]) -> tuple[str, ...]:
    return dev_environment(FactSources(fresh_subject(files)))


def example(fresh_subject: MakeSubject, files: dict[str, str]) -> str | None:
    return env_example(FactSources(fresh_subject(files)))


@pytest.mark.parametrize(
    ("path", "marker"),
    [
        (".devcontainer/devcontainer.json", "devcontainer"),
        (".devcontainer/python/devcontainer.json", "devcontainer"),
        (".devcontainer.json", "devcontainer"),
        ("Dockerfile", "dockerfile"),
        ("services/api/Dockerfile", "dockerfile"),
        ("docker/dev.Dockerfile", "dockerfile"),
        ("Dockerfile.dev", "dockerfile"),
        ("Containerfile", "dockerfile"),
        ("docker-compose.yml", "dockerfile"),
        ("deploy/docker-compose.override.yaml", "dockerfile"),
        ("compose.yaml", "dockerfile"),
        ("Makefile", "makefile"),
        ("GNUmakefile", "makefile"),
        ("makefile", "makefile"),
        ("justfile", "justfile"),
        ("Justfile", "justfile"),
        ("Taskfile.yml", "taskfile"),
        ("Taskfile.yaml", "taskfile"),
        ("tox.ini", "tox"),
        ("noxfile.py", "nox"),
        ("flake.nix", "nix"),
        ("shell.nix", "nix"),
        ("default.nix", "nix"),
        (".python-version", "version_pin"),
        (".nvmrc", "version_pin"),
        (".node-version", "version_pin"),
        (".tool-versions", "version_pin"),
        ("rust-toolchain", "version_pin"),
        ("rust-toolchain.toml", "version_pin"),
        (".go-version", "version_pin"),
        (".java-version", "version_pin"),
        (".ruby-version", "version_pin"),
        (".sdkmanrc", "version_pin"),
        ("mise.toml", "version_pin"),
        (".mise.toml", "version_pin"),
        (".github/workflows/copilot-setup-steps.yml", "copilot_setup"),
    ],
)
def test_each_marker(fresh_subject: MakeSubject, path: str, marker: str) -> None:
    assert markers(fresh_subject, {path: "x\n"}) == (marker,)


def test_nothing_marks_nothing(fresh_subject: MakeSubject) -> None:
    assert markers(fresh_subject, {"README.md": "hi"}) == ()
    assert example(fresh_subject, {"README.md": "hi"}) is None


def test_task_runners_count_only_at_the_root(fresh_subject: MakeSubject) -> None:
    files = {
        "sub/Makefile": "",
        "sub/justfile": "",
        "sub/Taskfile.yml": "",
        "sub/tox.ini": "",
        "sub/noxfile.py": "",
        "sub/flake.nix": "",
        "sub/.devcontainer/devcontainer.json": "{}",
        "sub/.github/workflows/copilot-setup-steps.yml": "",
        "docs/Makefile.md": "",
    }
    assert markers(fresh_subject, files) == ()


def test_version_pins_in_project_directories_only(fresh_subject: MakeSubject) -> None:
    assert markers(fresh_subject, {"web/package.json": "{}", "web/.nvmrc": "20\n"}) == (
        "version_pin",
    )
    assert markers(fresh_subject, {"tests/fixtures/app/.nvmrc": "20\n"}) == ()


def test_tox_configured_in_pyproject_or_setup_cfg(fresh_subject: MakeSubject) -> None:
    pyproject = '[tool.tox]\nlegacy_tox_ini = """\n[tox]\n"""\n'
    assert markers(fresh_subject, {"pyproject.toml": pyproject}) == ("tox",)
    assert markers(fresh_subject, {"setup.cfg": "[metadata]\nname = x\n\n[tox:tox]\n"}) == ("tox",)
    assert markers(fresh_subject, {"setup.cfg": "[metadata]\nname = x\n"}) == ()


def test_a_realistic_environment(fresh_subject: MakeSubject) -> None:
    files = {
        ".devcontainer/devcontainer.json": '{"image": "python:3.12"}',
        ".python-version": "3.12\n",
        "Makefile": "test:\n\tpytest\n",
        "docker-compose.yml": "services: {}\n",
        "noxfile.py": "import nox\n",
        "pyproject.toml": '[project]\nname = "x"\n',
        ".env.example": "DATABASE_URL=\n",
    }
    assert markers(fresh_subject, files) == (
        "devcontainer",
        "dockerfile",
        "makefile",
        "nox",
        "version_pin",
    )
    assert example(fresh_subject, files) == ".env.example"


@pytest.mark.parametrize(
    "name",
    [".env.example", ".env.sample", ".env.template", ".env.dist", "example.env", "env.example"],
)
def test_every_env_example_name(fresh_subject: MakeSubject, name: str) -> None:
    assert example(fresh_subject, {name: "A=1\n"}) == name


def test_the_shallowest_env_example_wins(fresh_subject: MakeSubject) -> None:
    files = {
        "services/api/.env.example": "",
        "deploy/.env.sample": "",
        "backend/.env.template": "",
        "tests/fixtures/app/.env.example": "",
    }
    assert example(fresh_subject, files) == "backend/.env.template"
    assert example(fresh_subject, {"tests/fixtures/.env.example": "", ".env": "SECRET=1"}) is None


def test_malformed_pyproject_does_not_break_the_environment(fresh_subject: MakeSubject) -> None:
    index = fresh_subject({"pyproject.toml": "[tool.tox", "Makefile": ""})
    src = FactSources(index)
    assert dev_environment(src) == ("makefile",)
    assert [d.path for d in src.diagnostics] == ["pyproject.toml"]
