"""Development environment markers and the example environment file."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path

import pytest

from auditor.discover import discover
from auditor.index.build import build_index
from auditor.index.facts.environment import dev_environment, env_example
from auditor.index.facts.sources import FactSources
from auditor.index.repository import RepositoryIndex

MakeIndex = Callable[..., RepositoryIndex]


@pytest.fixture
def fresh_index(make_repo: Callable[..., Path]) -> MakeIndex:
    """Like `make_index`, but each call indexes a repository of its own (no files carried over)."""
    names = itertools.count()

    def make(files: dict[str, str]) -> RepositoryIndex:
        root = make_repo(files, name=f"repo{next(names)}")
        return build_index(discover(root), want_syntax=False)

    return make


def markers(fresh_index: MakeIndex, files: dict[str, str]) -> tuple[str, ...]:
    return dev_environment(FactSources(fresh_index(files)))


def example(fresh_index: MakeIndex, files: dict[str, str]) -> str | None:
    return env_example(FactSources(fresh_index(files)))


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
def test_each_marker(fresh_index: MakeIndex, path: str, marker: str) -> None:
    assert markers(fresh_index, {path: "x\n"}) == (marker,)


def test_nothing_marks_nothing(fresh_index: MakeIndex) -> None:
    assert markers(fresh_index, {"README.md": "hi"}) == ()
    assert example(fresh_index, {"README.md": "hi"}) is None


def test_task_runners_count_only_at_the_root(fresh_index: MakeIndex) -> None:
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
    assert markers(fresh_index, files) == ()


def test_version_pins_in_project_directories_only(fresh_index: MakeIndex) -> None:
    assert markers(fresh_index, {"web/package.json": "{}", "web/.nvmrc": "20\n"}) == (
        "version_pin",
    )
    assert markers(fresh_index, {"tests/fixtures/app/.nvmrc": "20\n"}) == ()


def test_tox_configured_in_pyproject_or_setup_cfg(fresh_index: MakeIndex) -> None:
    pyproject = '[tool.tox]\nlegacy_tox_ini = """\n[tox]\n"""\n'
    assert markers(fresh_index, {"pyproject.toml": pyproject}) == ("tox",)
    assert markers(fresh_index, {"setup.cfg": "[metadata]\nname = x\n\n[tox:tox]\n"}) == ("tox",)
    assert markers(fresh_index, {"setup.cfg": "[metadata]\nname = x\n"}) == ()


def test_a_realistic_environment(fresh_index: MakeIndex) -> None:
    files = {
        ".devcontainer/devcontainer.json": '{"image": "python:3.12"}',
        ".python-version": "3.12\n",
        "Makefile": "test:\n\tpytest\n",
        "docker-compose.yml": "services: {}\n",
        "noxfile.py": "import nox\n",
        "pyproject.toml": '[project]\nname = "x"\n',
        ".env.example": "DATABASE_URL=\n",
    }
    assert markers(fresh_index, files) == (
        "devcontainer",
        "dockerfile",
        "makefile",
        "nox",
        "version_pin",
    )
    assert example(fresh_index, files) == ".env.example"


@pytest.mark.parametrize(
    "name",
    [".env.example", ".env.sample", ".env.template", ".env.dist", "example.env", "env.example"],
)
def test_every_env_example_name(fresh_index: MakeIndex, name: str) -> None:
    assert example(fresh_index, {name: "A=1\n"}) == name


def test_the_shallowest_env_example_wins(fresh_index: MakeIndex) -> None:
    files = {
        "services/api/.env.example": "",
        "deploy/.env.sample": "",
        "backend/.env.template": "",
        "tests/fixtures/app/.env.example": "",
    }
    assert example(fresh_index, files) == "backend/.env.template"
    assert example(fresh_index, {"tests/fixtures/.env.example": "", ".env": "SECRET=1"}) is None


def test_malformed_pyproject_does_not_break_the_environment(fresh_index: MakeIndex) -> None:
    index = fresh_index({"pyproject.toml": "[tool.tox", "Makefile": ""})
    src = FactSources(index)
    assert dev_environment(src) == ("makefile",)
    assert [d.path for d in src.diagnostics] == ["pyproject.toml"]
