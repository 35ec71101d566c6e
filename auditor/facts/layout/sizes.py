"""The largest hand-written source files."""

from __future__ import annotations

from typing import TYPE_CHECKING

from auditor.facts.model import FileSize

if TYPE_CHECKING:
    from auditor.facts.files import RepositoryFiles

LARGEST = 10


def largest_files(
    index: RepositoryFiles, set_aside: frozenset[str] = frozenset()
) -> tuple[FileSize, ...]:
    """The ten hand-written source files with the most tokens (ties: by path), the vendored,
    generated, data and fixture files (`set_aside`) left out."""
    sources = [f for f in index.files if f.is_source and f.path not in set_aside]
    sources.sort(key=lambda f: (-f.tokens, f.path))
    return tuple(FileSize(f.path, f.lines, f.tokens) for f in sources[:LARGEST])
