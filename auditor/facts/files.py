"""The narrow, read-only view of a repository's files that the fact detectors read."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from auditor.index.records import FileSyntax, SourceFile

if TYPE_CHECKING:
    from auditor.index.imports import ImportGraph


class RepositoryFiles(Protocol):
    """Paths, file records, texts and syntax summaries of a repository (or one package of it).

    `auditor.index.RepositoryIndex` is the implementation; the facts never see more of it than
    this, and the index never imports the facts. Paths are POSIX, relative to `root`.
    """

    root: Path
    links: Mapping[str, str]
    dir_links: Mapping[str, str]
    symlinks: tuple[str, ...]
    excluded: tuple[str, ...]

    @property
    def files(self) -> tuple[SourceFile, ...]: ...

    def file(self, path: str) -> SourceFile | None: ...

    def is_dir(self, path: str) -> bool: ...

    def exists(self, path: str) -> bool: ...

    def under(self, directory: str) -> tuple[SourceFile, ...]: ...

    def glob(self, *patterns: str) -> tuple[SourceFile, ...]: ...

    def text(self, path: str) -> str | None: ...

    def syntax(self, path: str) -> FileSyntax | None: ...

    def parsed(self) -> Iterator[tuple[SourceFile, FileSyntax]]: ...

    @property
    def import_graph(self) -> ImportGraph: ...
