"""The extras and dependency groups a pyproject.toml declares, as each manager names them."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from auditor.facts.ecosystem.tables import strings, table_at, value_at
from auditor.facts.sources import FactSources

TEST_NAMES = ("test", "tests", "testing", "dev", "develop", "development", "all")
"""Names of the extras and groups that hold the test tools, best first."""


@dataclass(frozen=True, slots=True)
class PythonExtras:
    """What `pip install .[X]`, `uv sync --group X`, `poetry install --with X` and
    `pdm install -G X` may name for one project."""

    extras: tuple[str, ...]
    """`[project.optional-dependencies]`."""
    groups: tuple[str, ...]
    """PEP 735 `[dependency-groups]` (uv's legacy `tool.uv.dev-dependencies` counts as `dev`)."""
    poetry_groups: tuple[str, ...]
    """`[tool.poetry.group.X]` (legacy `[tool.poetry.dev-dependencies]` counts as `dev`)."""
    pdm_groups: tuple[str, ...]
    """`[tool.pdm.dev-dependencies]` groups, dependency groups and extras (`-G` takes all)."""
    optional_poetry_groups: tuple[str, ...] = ()
    """Poetry groups marked `optional = true`: installed only when named with `--with`."""
    uv_default_groups: tuple[str, ...] = ("dev",)
    """The groups a plain `uv sync` installs (`tool.uv.default-groups`, else `dev`)."""


def python_extras(src: FactSources, directory: str = "") -> PythonExtras | None:
    """The extras and groups of the pyproject.toml in `directory`, or None without one."""
    data = src.toml(posixpath.join(directory, "pyproject.toml"))
    if data is None:
        return None
    extras = tuple(table_at(data, "project", "optional-dependencies") or ())
    groups = list(table_at(data, "dependency-groups") or ())
    if table_at(data, "tool", "uv") and "dev-dependencies" in (table_at(data, "tool", "uv") or {}):
        groups.append("dev")
    poetry = list(table_at(data, "tool", "poetry", "group") or ())
    if table_at(data, "tool", "poetry", "dev-dependencies") is not None:
        poetry.append("dev")
    optional = [
        name
        for name in poetry
        if (table_at(data, "tool", "poetry", "group", name) or {}).get("optional") is True
    ]
    defaults = value_at(data, "tool", "uv", "default-groups")
    uv_defaults = tuple(groups) if defaults == "all" else strings(defaults) or ("dev",)
    pdm = [*(table_at(data, "tool", "pdm", "dev-dependencies") or ()), *groups, *extras]
    return PythonExtras(
        extras=extras,
        groups=tuple(dict.fromkeys(groups)),
        poetry_groups=tuple(dict.fromkeys(poetry)),
        pdm_groups=tuple(dict.fromkeys(pdm)),
        optional_poetry_groups=tuple(optional),
        uv_default_groups=uv_defaults,
    )


def test_name(names: tuple[str, ...]) -> str | None:
    """The extra or group among `names` that holds the test tools, if one is named so."""
    ranked = [name for name in TEST_NAMES if name in names]
    return ranked[0] if ranked else None
