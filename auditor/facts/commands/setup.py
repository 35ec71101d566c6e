"""The set-up command: the project's own set-up target, else its manager's install with the
extras or groups that hold the test tools."""

from __future__ import annotations

import re

from auditor.facts.ecosystem.python_extras import PythonExtras, python_extras, test_name
from auditor.facts.files import RepositoryFiles
from auditor.facts.runners.registry import TaskRunners
from auditor.facts.shell.invocations import invocations
from auditor.facts.sources import FactSources

SETUP_TARGETS = ("setup", "bootstrap", "dev-setup", "setup-dev", "install-dev", "dev-install")
"""Task-runner targets that set up a development environment, best first (not `install`,
which often installs the project for its users, nor `dev`, which often starts a server)."""
SETUP_SCRIPTS = tuple(
    f"{directory}/{name}{suffix}"
    for directory, names in (
        ("script", ("bootstrap", "setup", "install")),
        ("scripts", ("bootstrap", "setup", "install")),
        ("bin", ("setup",)),
    )
    for name in names
    for suffix in ("", ".sh")
)
"""Set-up scripts by convention (GitHub's "scripts to rule them all", encode's
`scripts/install`, Rails' `bin/setup`)."""
DEVELOPMENT_REQUIREMENTS = re.compile(r"^[^\S\n]*(?:-e\s+\.|pytest\b|-r\s+\S*(?:dev|test))", re.M)
"""A root requirements.txt beside a pyproject.toml that installs the project itself or the
test tools is the development set, not the project's dependencies."""
DEFAULT_SETUP = {
    "pipenv": "pipenv install --dev",
    "pnpm": "pnpm install",
    "yarn": "yarn install",
    "bun": "bun install",
    "bundler": "bundle install",
    "composer": "composer install",
    "go": "go mod download",
}
REQUIREMENTS = ("requirements-dev.txt", "requirements_dev.txt", "requirements-test.txt",
                "requirements/dev.txt", "requirements/test.txt")  # fmt: skip


ALL_WORDS = frozenset({"--all-extras", "--all-groups", ":all"})


def own_setup(runners: TaskRunners, files: RepositoryFiles) -> str | None:
    """`make setup`, `just bootstrap`, `./script/bootstrap`: the project's own way to set up."""
    for name in SETUP_TARGETS:
        if name in runners.make():
            return f"make {name}"
        if name in runners.just:
            return f"just {name}"
        if name in runners.tasks:
            return f"task {name}"
    return next((f"./{path}" for path in SETUP_SCRIPTS if files.file(path)), None)


def manager_setup(manager: str | None, src: FactSources) -> str | None:
    """The manager's install command with the extras or groups named for testing."""
    files = src.repo
    declared = python_extras(src)
    option, name = extras_for_tests(manager, declared) or ("", "")
    if manager == "npm":
        return "npm ci" if files.file("package-lock.json") else "npm install"
    if manager == "pip":
        return _pip_setup(files, name, option)
    base = {"uv": "uv sync", "poetry": "poetry install", "pdm": "pdm install"}.get(manager or "")
    if base is not None:
        return f"{base} {option} {name}" if name else base
    return DEFAULT_SETUP.get(manager or "")


def extras_for_tests(manager: str | None, declared: PythonExtras | None) -> tuple[str, str] | None:
    """(option, name) that makes `manager` install the test tools, or None when its default
    install already does (`uv sync` installs its default groups, `dev` unless
    `tool.uv.default-groups` says otherwise; `poetry install` every group not
    marked optional; `pdm install` every dev group)."""
    if declared is None:
        return None
    extra = test_name(declared.extras)
    if manager == "pip":
        return _pip_selection(extra, test_name(declared.groups))
    if manager == "uv":
        group = test_name(declared.groups)
        if group and group not in declared.uv_default_groups:
            return "--group", group
        return ("--extra", extra) if extra and group is None else None
    if manager == "poetry":
        group = test_name(declared.optional_poetry_groups)
        if group:
            return "--with", group
        return ("--extras", extra) if extra and not test_name(declared.poetry_groups) else None
    if manager == "pdm":
        return ("-G", extra) if extra else None
    return None


def installs_test_tools(text: str, manager: str | None, src: FactSources) -> bool:
    """Whether the install command `text` installs the extra or group named for testing, when
    the manager's default install would not (`pip install -e .` leaves out `.[test]`)."""
    selection = extras_for_tests(manager, python_extras(src))
    if selection is None:
        return True
    args = {a for invocation in invocations(text) for a in invocation.args}
    named = {part.strip("'\"[] ") for a in args for part in a.replace("[", ",").split(",")}
    return selection[1] in named or bool(args & ALL_WORDS)


def _pip_selection(extra: str | None, group: str | None) -> tuple[str, str] | None:
    """pip installs an extra with the project, else a PEP 735 group (`--group`, pip 25.1)."""
    if extra:
        return "", extra
    return ("--group", group) if group else None


PIP_WITH_GROUPS = 'python -m pip install -U "pip>=25.1"'
"""pip learned `--group` (PEP 735) in 25.1; older pips stop at the option, so the set-up
line brings pip up to it first and runs as written on any machine."""


def _pip_setup(files: RepositoryFiles, extra: str, option: str = "") -> str | None:
    for name in REQUIREMENTS:
        if files.file(name):
            return f"python -m pip install -r {name}"
    if DEVELOPMENT_REQUIREMENTS.search(files.text("requirements.txt") or ""):
        return "python -m pip install -r requirements.txt"
    if files.file("pyproject.toml") or files.file("setup.py") or files.file("setup.cfg"):
        if option:
            return f"{PIP_WITH_GROUPS} && python -m pip install -e . {option} {extra}"
        return f'python -m pip install -e ".[{extra}]"' if extra else "python -m pip install -e ."
    if files.file("requirements.txt"):
        return "python -m pip install -r requirements.txt"
    return None
