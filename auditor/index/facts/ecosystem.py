"""Package managers and lockfiles."""

from __future__ import annotations

from auditor.index.facts.sources import FactSources


def package_managers(src: FactSources) -> tuple[str, ...]:
    """Lowercase names of the package managers the repository uses (sorted)."""
    return ()


def lockfiles(src: FactSources) -> tuple[str, ...]:
    """Paths of the lockfiles the repository commits (sorted)."""
    return ()
