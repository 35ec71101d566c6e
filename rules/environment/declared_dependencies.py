"""Which root manifests declare dependencies: the projects a lockfile would pin.

Read from the index's texts; a manifest that cannot be parsed counts as declaring dependencies
(the safe side for a rule that asks for a lockfile). `setup.py` and unknown manifests count too:
they cannot be read without running them.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Callable
from typing import Any

from auditor.rule import RuleContext

GO_REQUIRE = re.compile(r"^\s*require\b", re.MULTILINE)
GEM = re.compile(r"^\s*gem\s", re.MULTILINE)
REQUIREMENT = re.compile(r"^\s*[A-Za-z0-9-]", re.MULTILINE)


def _toml(text: str) -> Any:
    return tomllib.loads(text)


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


MANIFESTS: dict[str, tuple[Callable[[str], Any], Callable[[Any], bool]]] = {
    "pyproject.toml": (_toml, _pyproject),
    "Pipfile": (_toml, lambda d: bool(d.get("packages") or d.get("dev-packages"))),
    "package.json": (json.loads, _package_json),
    "Cargo.toml": (_toml, _cargo),
    "composer.json": (json.loads, _composer),
    "go.mod": (str, lambda text: bool(GO_REQUIRE.search(text))),
    "Gemfile": (str, lambda text: bool(GEM.search(text))),
    "requirements.txt": (str, lambda text: bool(REQUIREMENT.search(text))),
    "setup.py": (str, lambda text: "install_requires" in text),
    "setup.cfg": (str, lambda text: "install_requires" in text),
}
"""Manifest name -> (parser, whether the parsed manifest declares a dependency)."""


def manifests_with_dependencies(ctx: RuleContext) -> list[str]:
    """The root manifests that declare at least one dependency, sorted."""
    found = []
    requirements = sorted(
        record.path
        for record in ctx.index.files
        if "/" not in record.path and "requirements" in record.path and record.path.endswith(".txt")
    )
    tables = {**MANIFESTS, **{path: MANIFESTS["requirements.txt"] for path in requirements}}
    for name, (parse, declares) in sorted(tables.items()):
        text = ctx.index.text(name) if ctx.index.file(name) else None
        if text is None:
            continue
        try:
            if declares(parse(text)):
                found.append(name)
        except (ValueError, AttributeError, TypeError):  # malformed: assume it declares some
            found.append(name)
    return found
