"""Which package managers' projects are libraries whose ecosystem leaves the lockfile optional.

Cargo (since its 2023 change of guidance, "do what is best for the project"; before it,
libraries were told not to commit `Cargo.lock`), Bundler (a gem's `Gemfile.lock` is never
used by the gem's users) and Composer ("for libraries it is not necessary to commit the lock
file") do not ask a library to commit its lockfile; they do ask an application. npm, pnpm,
yarn, uv, poetry and go are not in this list: their guidance is to commit the lockfile
whatever the project is.

- cargo: the root `Cargo.toml` is a library crate (`[lib]` or `src/lib.rs`) without a binary
  (`[[bin]]`, `src/main.rs`, `src/bin/`); a virtual workspace counts when none of its
  published members (members without `publish = false`) has a binary.
- bundler: a `*.gemspec` at the root (the project is a gem).
- composer: `composer.json` names a package whose `type` is `library` (Composer's default)
  and requires no web framework.
"""

from __future__ import annotations

from dataclasses import dataclass

from auditor.facts.ecosystem.tables import has_table, table_at, value_at
from auditor.facts.ecosystem.workspace import cargo_workspace
from auditor.facts.sources import FactSources

COMPOSER_LIBRARY_TYPES = frozenset({"library", "composer-plugin", "symfony-bundle"})
COMPOSER_FRAMEWORKS = frozenset({"laravel/framework", "symfony/framework-bundle"})


@dataclass(frozen=True, slots=True)
class LockOptional:
    """A package manager whose project here is a library, and the evidence for it."""

    manager: str
    path: str
    reason: str


def lock_optional_libraries(src: FactSources) -> tuple[LockOptional, ...]:
    """The managers (cargo, bundler, composer) whose project at the root is a library."""
    found = (_cargo(src), _bundler(src), _composer(src))
    return tuple(item for item in found if item is not None)


def _cargo(src: FactSources) -> LockOptional | None:
    if not src.repo.file("Cargo.toml"):
        return None
    data = src.toml("Cargo.toml")
    if has_table(data, "package"):
        if _crate_has_binary(src, "", data) or not _crate_is_library(src, "", data):
            return None
        return LockOptional("cargo", "Cargo.toml", "a library crate without a binary")
    workspace = cargo_workspace(src)
    if workspace is None:
        return None
    for member in workspace.packages:
        manifest = src.toml(f"{member}/Cargo.toml")
        published = value_at(manifest, "package", "publish") is not False
        if published and _crate_has_binary(src, member, manifest):
            return None
    return LockOptional("cargo", "Cargo.toml", "a workspace of library crates")


def _crate_has_binary(src: FactSources, directory: str, manifest: object) -> bool:
    prefix = f"{directory}/" if directory else ""
    return (
        bool(value_at(manifest, "bin"))
        or src.repo.file(f"{prefix}src/main.rs") is not None
        or src.repo.is_dir(f"{prefix}src/bin")
    )


def _crate_is_library(src: FactSources, directory: str, manifest: object) -> bool:
    prefix = f"{directory}/" if directory else ""
    return has_table(manifest, "lib") or src.repo.file(f"{prefix}src/lib.rs") is not None


def _bundler(src: FactSources) -> LockOptional | None:
    specs = sorted(
        f.path for f in src.repo.files if "/" not in f.path and f.path.endswith(".gemspec")
    )
    if not specs or not (src.repo.file("Gemfile") or src.repo.file("gems.rb")):
        return None
    return LockOptional("bundler", specs[0], "a gem (it has a gemspec)")


def _composer(src: FactSources) -> LockOptional | None:
    if not src.repo.file("composer.json"):
        return None
    manifest = src.json("composer.json")
    if not isinstance(manifest, dict) or not isinstance(manifest.get("name"), str):
        return None
    kind = manifest.get("type", "library")
    if (
        kind not in COMPOSER_LIBRARY_TYPES
        or set(table_at(manifest, "require") or {}) & COMPOSER_FRAMEWORKS
    ):
        return None
    return LockOptional("composer", "composer.json", f"a Composer package of type {kind}")
