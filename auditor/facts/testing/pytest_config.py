"""The repository's pytest configuration: which file holds it, where it looks for tests.

Read in pytest's own order at the root (`pytest.ini`, `.pytest.ini`, `pyproject.toml`'s
`[tool.pytest.ini_options]` or pytest 9's `[tool.pytest]`, `tox.ini`'s `[pytest]`,
`setup.cfg`'s `[tool:pytest]`): the first that configures pytest is the one pytest uses.
"""

from __future__ import annotations

import configparser
import shlex
from dataclasses import dataclass
from typing import Any

from auditor.facts.sources import FactSources

CONFIG_FILES = (
    ("pytest.ini", "pytest"),
    (".pytest.ini", "pytest"),
    ("pyproject.toml", ""),
    ("tox.ini", "pytest"),
    ("setup.cfg", "tool:pytest"),
)
"""Where pytest looks for its configuration, in its order, with the ini section it reads."""
DEFAULT_PYTHON_FILES = ("test_*.py", "*_test.py")


@dataclass(frozen=True, slots=True)
class PytestConfig:
    """What a pytest configuration says about where tests live and how they run."""

    path: str
    """The file that configures pytest."""
    testpaths: tuple[str, ...] = ()
    python_files: tuple[str, ...] = DEFAULT_PYTHON_FILES
    pythonpath: tuple[str, ...] = ()
    doctest_modules: bool = False
    """`--doctest-modules` is among its `addopts`: docstring examples already run."""
    doctest_optionflags: tuple[str, ...] = ("ELLIPSIS",)
    """How docstring examples are compared (pytest's default: `ELLIPSIS`)."""


def pytest_config(src: FactSources) -> PytestConfig | None:
    """The configuration pytest would use at the repository root, or None when there is none."""
    for path, section in CONFIG_FILES:
        found = _ini(src, path, section) if section else _pyproject(src)
        if found is not None:
            return found
    return None


def _pyproject(src: FactSources) -> PytestConfig | None:
    if src.repo.file("pyproject.toml") is None:
        return None
    data = src.toml("pyproject.toml") or {}
    tool = data.get("tool")
    pytest = tool.get("pytest") if isinstance(tool, dict) else None
    if not isinstance(pytest, dict):
        return None
    options = pytest.get("ini_options", pytest)
    if not isinstance(options, dict):
        options = {}
    return _config("pyproject.toml", options)


def _ini(src: FactSources, path: str, section: str) -> PytestConfig | None:
    text = src.text(path) if src.repo.file(path) is not None else None
    if text is None:
        return None
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    try:
        parser.read_string(text)
    except configparser.Error:
        return None
    if not parser.has_section(section):
        return None
    return _config(path, dict(parser.items(section)))


def _config(path: str, options: dict[str, Any]) -> PytestConfig:
    addopts = _words(options.get("addopts"))
    return PytestConfig(
        path=path,
        testpaths=_words(options.get("testpaths")),
        python_files=_words(options.get("python_files")) or DEFAULT_PYTHON_FILES,
        pythonpath=_words(options.get("pythonpath")),
        doctest_modules="--doctest-modules" in addopts,
        doctest_optionflags=_words(options.get("doctest_optionflags")) or ("ELLIPSIS",),
    )


def _words(value: object) -> tuple[str, ...]:
    """A list option as pytest reads it: a TOML list, or whitespace-separated words."""
    if isinstance(value, list):
        return tuple(str(v) for v in value)
    if isinstance(value, str):
        try:
            return tuple(shlex.split(value))
        except ValueError:
            return tuple(value.split())
    return ()
