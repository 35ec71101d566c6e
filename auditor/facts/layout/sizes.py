"""The largest source files, and what is generated or vendored."""

from __future__ import annotations

from typing import TYPE_CHECKING

from auditor.facts.model import FileSize

if TYPE_CHECKING:
    from auditor.facts.files import RepositoryFiles

LARGEST = 10


def largest_files(index: RepositoryFiles) -> tuple[FileSize, ...]:
    """The ten hand-written source files with the most tokens (ties: by path)."""
    sources = [f for f in index.files if f.is_source]
    sources.sort(key=lambda f: (-f.tokens, f.path))
    return tuple(FileSize(f.path, f.lines, f.tokens) for f in sources[:LARGEST])


def generated_or_vendored(index: RepositoryFiles) -> tuple[str, ...]:
    """Paths left out as vendored or generated, and files whose header says they are generated."""
    generated = (f.path for f in index.files if f.is_generated)
    return tuple(sorted({*index.excluded, *generated}))
