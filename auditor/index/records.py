"""The per-file records of the index: a file's measurements and its syntax summary."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SourceFile:
    """One file of the repository as the index measured it."""

    path: str
    """Repository-relative POSIX path."""
    size: int
    digest: str
    """Content hash (BLAKE2b, 128 bits, hex): the cache key of everything derived from the file."""
    language: str | None
    """Programming language (lowercase), or None for docs, config and data."""
    lines: int
    tokens: int
    """Estimated model tokens: bytes / 4 (0.250 tokens/byte measured across five languages)."""
    is_text: bool
    is_test: bool
    is_generated: bool
    """Its leading comment says it is generated (`@generated`, `Code generated ... DO NOT EDIT`).
    Paths `.gitattributes` marks linguist-generated are excluded and never indexed."""
    markers: frozenset[str] = frozenset()
    """Content markers found by the one-pass scan (see `auditor.index.markers`)."""

    @property
    def is_source(self) -> bool:
        """Hand-written program source: has a language, is text, is not generated."""
        return self.language is not None and self.is_text and not self.is_generated


@dataclass(frozen=True, slots=True)
class FunctionInfo:
    """A function, method or closure found in a syntax tree."""

    name: str
    line: int
    """1-based first line."""
    end_line: int
    complexity: int
    """McCabe cyclomatic complexity: 1 + decision points inside the function's own body."""
    nesting: int
    """Deepest nesting of blocks (if/for/while/try/with/match...) inside the function."""

    @property
    def lines(self) -> int:
        return self.end_line - self.line + 1


@dataclass(frozen=True, slots=True)
class FileSyntax:
    """What a parse of one file yields for the rules."""

    language: str
    functions: tuple[FunctionInfo, ...]
    error_lines: tuple[int, ...] = ()
    """1-based lines of syntax errors; the tree is partial there but still used."""
