"""Which root manifests declare dependencies: the projects a lockfile would pin.

Parsed through the run's shared parse cache (`FactSources`); a manifest that cannot be parsed
counts as declaring dependencies (the safe side for a rule that asks for a lockfile). `setup.py`
and `setup.cfg` count when they name `install_requires`: they cannot be read without running.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from auditor.facts.sources import FactSources

GO_REQUIRE = re.compile(r"^[^\S\n]*require\b", re.MULTILINE)
GEM = re.compile(r"^[^\S\n]*gem\s", re.MULTILINE)
REQUIREMENT = re.compile(r"^[^\S\n]*[A-Za-z0-9-]", re.MULTILINE)


def _pyproject(data: Any) -> bool:
    project = data.get("project", {})
    poetry = data.get("tool", {}).get("poetry", {})
    return bool(
        project.get("dependencies")
        or project.get("optional-dependencies")
        or data.get("dependency-groups")
        or set(poetry.get("dependencies", {})) - {"python"}
        or poetry.get("group")
        or poetry.get("dev-dependencies")
    )


def _package_json(data: Any) -> bool:
    keys = ("dependencies", "devDependencies", "optionalDependencies", "peerDependencies")
    return any(data.get(key) for key in keys)


def _cargo(data: Any) -> bool:
    keys = ("dependencies", "dev-dependencies", "build-dependencies")
    return any(data.get(key) for key in keys) or bool(data.get("workspace", {}).get("members"))


def _composer(data: Any) -> bool:
    wanted = {**data.get("require", {}), **data.get("require-dev", {})}
    return any(name != "php" and not name.startswith("ext-") for name in wanted)


MANIFESTS: dict[str, tuple[str, Callable[[Any], bool]]] = {
    "pyproject.toml": ("toml", _pyproject),
    "Pipfile": ("toml", lambda d: bool(d.get("packages") or d.get("dev-packages"))),
    "package.json": ("json", _package_json),
    "Cargo.toml": ("toml", _cargo),
    "composer.json": ("json", _composer),
    "go.mod": ("text", lambda text: bool(GO_REQUIRE.search(text))),
    "Gemfile": ("text", lambda text: bool(GEM.search(text))),
    "requirements.txt": ("text", lambda text: bool(REQUIREMENT.search(text))),
    "setup.py": ("text", lambda text: "install_requires" in text),
    "setup.cfg": ("text", lambda text: "install_requires" in text),
}
"""Manifest name -> (how it is read, whether the read manifest declares a dependency)."""


def manifests_with_dependencies(src: FactSources) -> list[str]:
    """The root manifests that declare at least one dependency, sorted."""
    found = []
    requirements = sorted(
        record.path
        for record in src.repo.files
        if "/" not in record.path and "requirements" in record.path and record.path.endswith(".txt")
    )
    tables = {**MANIFESTS, **{path: MANIFESTS["requirements.txt"] for path in requirements}}
    for name, (kind, declares) in sorted(tables.items()):
        if src.repo.file(name) is None:
            continue
        data = (
            src.text(name)
            if kind == "text"
            else src.toml(name)
            if kind == "toml"
            else src.json(name)
        )
        try:
            if data is None or declares(data):  # malformed: assume it declares some
                found.append(name)
        except (ValueError, AttributeError, TypeError):
            found.append(name)
    return found
