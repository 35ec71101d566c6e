"""Package managers and lockfiles, from tiny and realistic fixture repositories."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path

import pytest

from auditor.discover import discover
from auditor.facts.ecosystem.managers import lockfiles, package_managers
from auditor.facts.ecosystem.pinned_requirements import is_fully_pinned
from auditor.facts.subject import Subject
from auditor.index.build import build_index

MakeSubject = Callable[..., Subject]


@pytest.fixture
def fresh_subject(make_repo: Callable[..., Path]) -> MakeSubject:
    """Like `make_subject`, but each call builds a repository of its own (no files carried over)."""
    names = itertools.count()

    def make(files: dict[str, str]) -> Subject:
        root = make_repo(files, name=f"repo{next(names)}")
        return Subject(build_index(discover(root), want_syntax=False))

    return make


PYPROJECT = '[project]\nname = "app"\nversion = "0.1.0"\n'
UV_PROJECT = """\
[project]
name = "app"
version = "0.1.0"
requires-python = ">=3.11"
dependencies = ["httpx>=0.27"]

[dependency-groups]
dev = ["pytest>=8"]

[build-system]
requires = ["hatchling"]
build-backend = "hatchling.build"

[tool.hatch.build.targets.wheel]
packages = ["src/app"]
"""
UV_LOCK = """\
version = 1
requires-python = ">=3.11"

[[package]]
name = "app"
version = "0.1.0"
source = { editable = "." }
"""
POETRY_PROJECT = """\
[tool.poetry]
name = "app"
version = "0.1.0"
description = ""
authors = ["A <a@example.com>"]

[tool.poetry.dependencies]
python = "^3.11"
requests = "^2.31"

[tool.poetry.group.dev.dependencies]
pytest = "^8.0"

[build-system]
requires = ["poetry-core"]
build-backend = "poetry.core.masonry.api"
"""


def managers(fresh_subject: MakeSubject, files: dict[str, str]) -> tuple[str, ...]:
    return package_managers(fresh_subject(files).sources)


def locks(fresh_subject: MakeSubject, files: dict[str, str]) -> tuple[str, ...]:
    return lockfiles(fresh_subject(files).sources)


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"README.md": "hi"}, ()),
        ({"uv.lock": ""}, ("uv",)),
        ({"pyproject.toml": PYPROJECT + "[tool.uv]\ndev-dependencies = []\n"}, ("uv",)),
        ({"requirements.txt": "flask\n"}, ("pip",)),
        ({"requirements-dev.txt": "pytest\n"}, ("pip",)),
        ({"requirements/dev.txt": "pytest\n"}, ("pip",)),
        ({"pyproject.toml": PYPROJECT}, ("pip",)),
        ({"setup.py": "from setuptools import setup\nsetup()\n"}, ("pip",)),
        ({"setup.cfg": "[metadata]\nname = app\n"}, ("pip",)),
        ({"poetry.lock": ""}, ("poetry",)),
        ({"pyproject.toml": '[tool.poetry]\nname = "app"\n'}, ("poetry",)),
        ({"pdm.lock": ""}, ("pdm",)),
        ({"pyproject.toml": PYPROJECT + "[tool.pdm.dev-dependencies]\ntest = []\n"}, ("pdm",)),
        ({"pyproject.toml": PYPROJECT + "[tool.pdm.build]\nincludes = []\n"}, ("pip",)),
        (
            {"pyproject.toml": PYPROJECT + "[tool.hatch.envs.default]\ndependencies = []\n"},
            ("hatch",),
        ),
        ({"pyproject.toml": PYPROJECT + "[tool.hatch.version]\npath = 'app.py'\n"}, ("pip",)),
        ({"pyproject.toml": PYPROJECT, "hatch.toml": "[envs.test]\n"}, ("hatch",)),
        ({"Pipfile": "[packages]\n"}, ("pipenv",)),
        ({"environment.yml": "name: x\ndependencies: [python]\n"}, ("conda",)),
        ({"package.json": "{}"}, ("npm",)),
        ({"package.json": "{}", "package-lock.json": "{}"}, ("npm",)),
        ({"package.json": "{}", "pnpm-lock.yaml": ""}, ("pnpm",)),
        ({"package.json": "{}", "pnpm-workspace.yaml": "packages: []\n"}, ("pnpm",)),
        ({"package.json": '{"packageManager": "pnpm@9.1.0"}'}, ("pnpm",)),
        ({"package.json": "{}", "yarn.lock": ""}, ("yarn",)),
        ({"package.json": "{}", ".yarnrc.yml": "nodeLinker: node-modules\n"}, ("yarn",)),
        ({"package.json": '{"packageManager": "yarn@4.1.0+sha256.abc"}'}, ("yarn",)),
        ({"package.json": "{}", "bun.lockb": ""}, ("bun",)),
        ({"package.json": "{}", "bun.lock": "{}"}, ("bun",)),
        ({"Cargo.toml": "[package]\nname = 'x'\n"}, ("cargo",)),
        ({"go.mod": "module example.com/x\n"}, ("go",)),
        ({"pom.xml": "<project/>"}, ("maven",)),
        ({"build.gradle.kts": ""}, ("gradle",)),
        ({"settings.gradle": ""}, ("gradle",)),
        ({"Gemfile": "source 'https://rubygems.org'\n"}, ("bundler",)),
        ({"composer.json": "{}"}, ("composer",)),
        ({"src/App/App.csproj": "<Project/>"}, ("dotnet",)),
        ({"Package.swift": "// swift-tools-version:5.9\n"}, ("swiftpm",)),
    ],
)
def test_package_manager_from_one_file(
    fresh_subject: MakeSubject, files: dict[str, str], expected: tuple[str, ...]
) -> None:
    assert managers(fresh_subject, files) == expected


def test_python_and_javascript_side_by_side(fresh_subject: MakeSubject) -> None:
    files = {
        "backend/pyproject.toml": PYPROJECT,
        "backend/uv.lock": UV_LOCK,
        "frontend/package.json": "{}",
        "frontend/pnpm-lock.yaml": "",
    }
    assert managers(fresh_subject, files) == ("pnpm", "uv")


def test_manifests_of_fixtures_examples_and_docs_do_not_count(fresh_subject: MakeSubject) -> None:
    files = {
        "pyproject.toml": PYPROJECT,
        "uv.lock": UV_LOCK,
        "tests/fixtures/js/package.json": "{}",
        "tests/fixtures/js/yarn.lock": "",
        "examples/tutorial/pyproject.toml": '[tool.poetry]\nname = "t"\n',
        "docs/requirements.txt": "sphinx\n",
        "a/b/c/Cargo.toml": "[package]\n",
        "maven-tests/pom.xml": "<project/>",
        "node_modules/dep/package.json": "{}",
    }
    assert managers(fresh_subject, files) == ("uv",)
    assert locks(fresh_subject, files) == ("uv.lock",)


def test_workspace_packages_count_at_any_depth(fresh_subject: MakeSubject) -> None:
    files = {
        "Cargo.toml": '[workspace]\nmembers = ["crates/deep/*"]\n',
        "crates/deep/core/Cargo.toml": "[package]\n",
        "crates/deep/core/package.json": "{}",
        "crates/deep/core/yarn.lock": "",
    }
    assert managers(fresh_subject, files) == ("cargo", "yarn")
    assert locks(fresh_subject, files) == ("crates/deep/core/yarn.lock",)


def test_uv_workspace_members_are_not_pip(fresh_subject: MakeSubject) -> None:
    files = {
        "pyproject.toml": PYPROJECT + '[tool.uv.workspace]\nmembers = ["packages/*"]\n',
        "uv.lock": UV_LOCK,
        "packages/a/pyproject.toml": PYPROJECT,
        "packages/b/pyproject.toml": PYPROJECT,
    }
    assert managers(fresh_subject, files) == ("uv",)


def test_python_uv_project(fresh_subject: MakeSubject) -> None:
    files = {
        "pyproject.toml": UV_PROJECT,
        "uv.lock": UV_LOCK,
        ".python-version": "3.12\n",
        "src/app/__init__.py": "",
        "tests/test_app.py": "def test_app():\n    pass\n",
    }
    assert managers(fresh_subject, files) == ("uv",)
    assert locks(fresh_subject, files) == ("uv.lock",)


def test_python_poetry_project(fresh_subject: MakeSubject) -> None:
    files = {
        "pyproject.toml": POETRY_PROJECT,
        "poetry.lock": "# This file is automatically @generated by Poetry\n",
        "app/__init__.py": "",
    }
    assert managers(fresh_subject, files) == ("poetry",)
    assert locks(fresh_subject, files) == ("poetry.lock",)


@pytest.mark.parametrize(
    "name",
    [
        "uv.lock", "poetry.lock", "pdm.lock", "Pipfile.lock", "package-lock.json",
        "npm-shrinkwrap.json", "pnpm-lock.yaml", "yarn.lock", "bun.lockb", "bun.lock",
        "Cargo.lock", "go.sum", "Gemfile.lock", "composer.lock", "packages.lock.json",
        "gradle.lockfile", "flake.lock",
    ],
)  # fmt: skip
def test_every_lockfile_name(fresh_subject: MakeSubject, name: str) -> None:
    assert locks(fresh_subject, {name: "", "sub/" + name: ""}) == (name,)


def test_lockfiles_in_project_directories(fresh_subject: MakeSubject) -> None:
    files = {
        "go.mod": "module x\n",
        "go.sum": "",
        "web/package.json": "{}",
        "web/package-lock.json": "{}",
        "web/node_modules/dep/package-lock.json": "{}",
    }
    assert locks(fresh_subject, files) == ("go.sum", "web/package-lock.json")


PIP_COMPILED = """\
#
# This file is autogenerated by pip-compile with Python 3.12
#
--index-url https://pypi.org/simple

-e file:.
    # via -r requirements.in
certifi==2024.2.2
    # via requests
requests[socks]==2.31.0 ; python_version >= "3.8"
    # via -r requirements.in
"""
UV_HASHED = """\
# This file was autogenerated by uv via the following command:
#    uv pip compile --generate-hashes requirements.in
anyio==4.3.0 \\
    --hash=sha256:048e05d0f6caeed70d731f3db756d35dcc1f35747c8c403364a8332c630441b8
    # via httpx
idna @ https://example.com/idna.whl \\
    --hash=sha256:0123
"""


@pytest.mark.parametrize(
    ("text", "pinned"),
    [
        (PIP_COMPILED, True),
        (UV_HASHED, True),
        ("flask==3.0.0\nclick==8.1.7\n", True),
        ("flask===3.0.0\n", True),
        ("flask==3.0.0\nclick>=8\n", False),
        ("flask==3.*\n", False),
        ("flask\n", False),
        ("-r base.txt\n", False),
        ("", False),
        ("-e git+https://github.com/pallets/flask#egg=flask\nclick==8.1.7\n", False),
        ("./local/package\n", False),
        (
            "push @ git+https://github.com/a/push.git@22fda99641cfbd2f3075a723d92652a8e38220a5\n",
            True,
        ),
        ("push @ git+https://github.com/a/push.git@main\n", False),
        ("wheel @ https://example.com/w-1.0.whl#sha256=0123abcd\n", True),
        ("wheel @ https://example.com/w-1.0.whl\n", False),
    ],
)
def test_fully_pinned_requirements(text: str, pinned: bool) -> None:
    assert is_fully_pinned(text) is pinned


def test_pinned_requirements_files_are_lockfiles(fresh_subject: MakeSubject) -> None:
    files = {
        "requirements.in": "requests\n",
        "requirements.txt": PIP_COMPILED,
        "requirements-dev.txt": "pytest\n",
        "requirements/docs.txt": UV_HASHED,
        "requirements/tests.txt": "pytest>=8\n",
        "requirements.lock": "flask==3.0.0\n",
        "Podfile.lock": "PODS:\n  - Alamofire (5.8.0)\n",
    }
    assert managers(fresh_subject, files) == ("pip",)
    assert locks(fresh_subject, files) == (
        "requirements.lock",
        "requirements.txt",
        "requirements/docs.txt",
    )


def test_malformed_manifests_are_diagnostics(fresh_subject: MakeSubject) -> None:
    index = fresh_subject(
        {
            "pyproject.toml": "[project\nname = ",
            "package.json": '{"packageManager": ',
            "hatch.toml": "[envs",
        }
    )
    src = index.sources
    assert package_managers(src) == ("npm", "pip")
    assert lockfiles(src) == ()
    assert [d.path for d in src.diagnostics] == ["hatch.toml", "package.json", "pyproject.toml"]
    assert {d.kind for d in src.diagnostics} == {"malformed"}
    assert "pyproject.toml" in [d.path for d in index.facts.diagnostics]


@pytest.mark.parametrize(
    "pyproject",
    ["tool = 3\n", "[tool]\nuv = [1, 2]\n", "[tool.pdm]\n", "tool.poetry = 'x'\n"],
)
def test_odd_shapes_of_pyproject_are_not_managers(
    fresh_subject: MakeSubject, pyproject: str
) -> None:
    assert managers(fresh_subject, {"pyproject.toml": pyproject}) == ("pip",)


def test_package_manager_field_of_other_shapes(fresh_subject: MakeSubject) -> None:
    assert managers(fresh_subject, {"package.json": '{"packageManager": 7}'}) == ("npm",)
    assert managers(fresh_subject, {"package.json": '["packageManager"]'}) == ("npm",)
    assert managers(fresh_subject, {"package.json": '{"packageManager": "cnpm@1"}'}) == ("npm",)
