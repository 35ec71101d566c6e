"""Multi-package workspaces: uv, pnpm, npm, yarn, bun, cargo, go modules, maven modules, gradle."""

from __future__ import annotations

from typing import Any

from auditor.facts.ecosystem.build_modules import go_modules, gradle_projects, maven_modules
from auditor.facts.ecosystem.member_globs import dirs_holding, select_dirs
from auditor.facts.ecosystem.tables import string_at, strings, table_at, value_at
from auditor.facts.layout.aside_dirs import TEST_DATA_DIRS, lies_aside
from auditor.facts.model import Workspace
from auditor.facts.sources import FactSources

KINDS = ("uv", "pnpm", "yarn", "npm", "bun", "cargo", "go", "maven", "gradle")
"""Every workspace kind, in the order that breaks ties between two declared workspaces."""
JS_MANAGERS = frozenset({"npm", "pnpm", "yarn", "bun"})
YARN_FILES = ("yarn.lock", ".yarnrc.yml", ".yarnrc")
BUN_FILES = ("bun.lockb", "bun.lock")


def find_workspace(src: FactSources) -> Workspace | None:
    """The workspace the repository declares, with its package directories, or None.

    Only declarations at the root count, and only member directories that exist in the index
    and hold the member's own manifest (pyproject.toml, package.json, Cargo.toml, go.mod,
    pom.xml; for gradle, any indexed directory). Members a wildcard finds inside examples,
    fixtures, tests, playgrounds or docs (`examples/*`, `packages/**/__tests__/**`) are samples
    and test data, not packages; members named literally always count, and go modules below
    such directories (except testdata) count too. The root itself is never one of the packages:
    a single-package repository has no workspace. When several tools declare one (a Rust
    project with a JavaScript docs workspace), the one with the most packages wins; ties go
    by `KINDS`.
    """
    found = declared_workspaces(src)
    if not found:
        return None
    return max(found, key=lambda space: (len(space.packages), -KINDS.index(space.kind)))


def declared_workspaces(src: FactSources) -> tuple[Workspace, ...]:
    """Every workspace declared at the root that has at least one member package."""
    candidates = (
        uv_workspace(src),
        js_workspace(src),
        cargo_workspace(src),
        go_modules(src),
        maven_modules(src),
        gradle_projects(src),
    )
    return tuple(space for space in candidates if space is not None and space.packages)


def uv_workspace(src: FactSources) -> Workspace | None:
    """`[tool.uv.workspace]` in the root pyproject.toml: `members` globs minus `exclude`."""
    table = table_at(src.toml("pyproject.toml"), "tool", "uv", "workspace")
    if table is None:
        return None
    return Workspace(
        "uv", _members(src, "pyproject.toml", table.get("members"), table.get("exclude"))
    )


def cargo_workspace(src: FactSources) -> Workspace | None:
    """`[workspace]` in the root Cargo.toml: `members` globs minus `exclude`."""
    table = table_at(src.toml("Cargo.toml"), "workspace")
    if table is None:
        return None
    return Workspace(
        "cargo", _members(src, "Cargo.toml", table.get("members"), table.get("exclude"))
    )


def js_workspace(src: FactSources) -> Workspace | None:
    """pnpm-workspace.yaml `packages`, else root package.json `workspaces` (npm, yarn or bun).

    pnpm reads only its own file, so when it exists package.json's `workspaces` is ignored.
    """
    if src.repo.file("pnpm-workspace.yaml") is not None:
        patterns = value_at(src.yaml("pnpm-workspace.yaml"), "packages")
        return Workspace("pnpm", _members(src, "package.json", patterns))
    manifest = src.json("package.json")
    declared = value_at(manifest, "workspaces")
    patterns = declared if isinstance(declared, list) else value_at(declared, "packages")
    if not strings(patterns):
        return None
    return Workspace(js_workspace_kind(src, manifest), _members(src, "package.json", patterns))


def js_workspace_kind(src: FactSources, manifest: Any) -> str:
    """Which tool runs a package.json workspace: `packageManager`, else the lockfile's tool."""
    named = declared_package_manager(manifest)
    if named is not None:
        return named
    if any(src.repo.file(name) for name in BUN_FILES):
        return "bun"
    if any(src.repo.file(name) for name in YARN_FILES):
        return "yarn"
    if src.repo.file("pnpm-lock.yaml"):
        return "pnpm"
    return "npm"


def declared_package_manager(manifest: Any) -> str | None:
    """The tool named by package.json's `packageManager` ("pnpm@9.1.0" -> pnpm), if known."""
    value = string_at(manifest, "packageManager")
    if value is None:
        return None
    name = value.strip().partition("@")[0].lower()
    return name if name in JS_MANAGERS else None


def _members(
    src: FactSources, manifest: str, patterns: Any, exclude: Any = None
) -> tuple[str, ...]:
    candidates = dirs_holding((record.path for record in src.repo.files), manifest)
    return select_dirs(candidates, strings(patterns), strings(exclude), wildcard_skips=_in_aside)


def _in_aside(directory: str) -> bool:
    """Whether a member a wildcard found is test data, or lies inside examples, tests, docs..."""
    parent, _, name = directory.rpartition("/")
    return name.lower() in TEST_DATA_DIRS or lies_aside(parent)
