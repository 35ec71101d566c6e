"""Where a repository's own projects live: the root, workspace packages, shallow manifest dirs."""

from __future__ import annotations

from auditor.facts.ecosystem.workspace import declared_workspaces
from auditor.facts.layout.aside_dirs import lies_aside
from auditor.facts.sources import FactSources

PROJECT_MANIFESTS = frozenset({
    "pyproject.toml", "setup.py", "setup.cfg", "requirements.txt", "Pipfile",
    "package.json", "Cargo.toml", "go.mod", "pom.xml", "build.gradle", "build.gradle.kts",
    "Gemfile", "gems.rb", "composer.json", "Package.swift",
})  # fmt: skip
"""A directory holding one of these is a project."""
DOTNET_PROJECT_SUFFIXES = (".csproj", ".fsproj", ".vbproj")
MAX_PROJECT_DEPTH = 2
"""Outside declared workspaces, projects are looked for this many directories deep."""


def project_dirs(src: FactSources) -> frozenset[str]:
    """The directories ("" for the root) whose manifests and lockfiles are the repository's own.

    These are the root, every package of every workspace declared at the root (at any depth),
    and any other directory at most `MAX_PROJECT_DEPTH` deep that holds a project manifest,
    unless it lies aside (`aside_dirs`: test fixtures, examples, docs and vendored code carry
    manifests that say nothing about how the repository is built).
    """
    found = {""}
    for space in declared_workspaces(src):
        found.update(space.packages)
    for record in src.repo.files:
        directory, _, name = record.path.rpartition("/")
        if (
            directory not in found
            and is_project_manifest(name)
            and is_shallow_project_dir(directory)
        ):
            found.add(directory)
    return frozenset(found)


def is_project_manifest(name: str) -> bool:
    return name in PROJECT_MANIFESTS or name.endswith(DOTNET_PROJECT_SUFFIXES)


def is_shallow_project_dir(directory: str) -> bool:
    return directory.count("/") < MAX_PROJECT_DEPTH and not lies_aside(directory)
