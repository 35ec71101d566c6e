"""Where the manifests say a Python package's sources live: the build backend's package
declarations (setuptools, hatch, poetry, flit, pdm, maturin), else the project's own name as
a package directory at the root or under `src/`."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from auditor.facts.sources import FactSources

NAME_SEPARATORS = re.compile(r"[-_.]+")


def python_package_dirs(src: FactSources) -> tuple[str, ...]:
    """The top-level package directories a wheel of this repository holds (`src/shop/`)."""
    pyproject = src.toml("pyproject.toml") or {}
    tool = _table(pyproject, "tool")
    declared = [*_declared(tool)]
    if not declared:
        declared = [*_named(_table(pyproject, "project").get("name") or _setup_cfg_name(src))]
    found: list[str] = []
    for path in declared:
        directory = posixpath.normpath(path).strip("/")
        if directory not in (".", "") and src.repo.is_dir(directory) and directory not in found:
            found.append(directory)
    return tuple(f"{directory}/" for directory in found)


def _declared(tool: dict[str, Any]) -> Iterator[str]:
    """The package directories each build backend's `[tool.*]` table names."""
    for backend in (_setuptools, _hatch, _poetry, _flit, _pdm, _maturin):
        yield from backend(tool)


def _setuptools(tool: dict[str, Any]) -> Iterator[str]:
    setuptools = _table(tool, "setuptools")
    root = _table(setuptools, "package-dir").get("", "")
    packages = setuptools.get("packages")
    if isinstance(packages, list):
        tops = {p.split(".")[0] for p in packages if isinstance(p, str)}
        yield from (posixpath.join(str(root), top) for top in sorted(tops))


def _hatch(tool: dict[str, Any]) -> Iterator[str]:
    wheel = _table(_table(_table(_table(tool, "hatch"), "build"), "targets"), "wheel")
    yield from (p for p in wheel.get("packages") or () if isinstance(p, str))


def _poetry(tool: dict[str, Any]) -> Iterator[str]:
    for entry in _table(tool, "poetry").get("packages") or ():
        if isinstance(entry, dict) and isinstance(entry.get("include"), str):
            include = entry["include"]
            if "*" not in include and not include.endswith(".py"):
                yield posixpath.join(str(entry.get("from", "")), include)


def _flit(tool: dict[str, Any]) -> Iterator[str]:
    module = _table(_table(tool, "flit"), "module").get("name")
    if isinstance(module, str):
        yield from (module.split(".")[0], f"src/{module.split('.')[0]}")


def _pdm(tool: dict[str, Any]) -> Iterator[str]:
    pdm = _table(_table(tool, "pdm"), "build").get("package-dir")
    if isinstance(pdm, str) and pdm not in ("", "."):
        yield pdm


def _maturin(tool: dict[str, Any]) -> Iterator[str]:
    maturin = _table(tool, "maturin")
    if isinstance(maturin.get("python-source"), str):
        name = maturin.get("module-name") or ""
        yield posixpath.join(maturin["python-source"], str(name).split(".")[0])


def _named(name: object) -> Iterator[str]:
    """`My-Package` as `my_package/` or `src/my_package/`."""
    if isinstance(name, str) and name.strip():
        module = NAME_SEPARATORS.sub("_", name.strip()).lower()
        yield from (module, f"src/{module}")


def _setup_cfg_name(src: FactSources) -> str | None:
    text = src.text("setup.cfg") or ""
    match = re.search(r"^\[metadata\][^\[]*?^name\s*=\s*(\S+)", text, re.M | re.S)
    return match.group(1) if match else None


def _table(table: object, key: str) -> dict[str, Any]:
    value = table.get(key) if isinstance(table, dict) else None
    return value if isinstance(value, dict) else {}
