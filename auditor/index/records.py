"""The per-file records of the index: a file's measurements and its syntax summary."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from auditor.index.suppressions import Suppression


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
    counts: tuple[tuple[str, int], ...] = ()
    """How often each counted pattern occurs (`auditor.index.markers.COUNTED`), by name."""
    suppressions: tuple[Suppression, ...] = ()
    """Its inline `auditor: ignore[...]` comments (`auditor.index.suppressions`)."""

    def count(self, name: str) -> int:
        """How often the counted pattern `name` occurs in the file (0 when never)."""
        return next((n for counted, n in self.counts if counted == name), 0)

    @property
    def is_source(self) -> bool:
        """Hand-written program source: has a language, is text, is not generated."""
        return self.language is not None and self.is_text and not self.is_generated


@dataclass(frozen=True, slots=True)
class DocumentedParameters:
    """A Python docstring's parameter section beside the parameters the function has."""

    params: tuple[str, ...]
    """Parameter names as written (`*args`, `**kwargs` keep their stars); a leading `self` or
    `cls` and the bare `*` and `/` markers are left out."""
    documented: tuple[str, ...]
    """Names the docstring's parameter section lists (Google `Args:`, NumPy `Parameters`,
    Sphinx `:param x:`), in order, never empty."""


class FunctionInfo(NamedTuple):
    """A function, method or closure found in a syntax tree.

    A named tuple rather than a frozen dataclass: a large repository has tens of thousands of
    them, rebuilt from the cache on every run, and tuples are several times cheaper to make."""

    name: str
    line: int
    """1-based first line."""
    end_line: int
    complexity: int
    """McCabe cyclomatic complexity: 1 + decision points inside the function's own body."""
    nesting: int
    """Deepest nesting of blocks (if/for/while/try/with/match...) inside the function."""
    nested: bool = False
    """Defined inside another function: a closure, never public API."""
    annotated: bool | None = None
    """Python: every parameter (but a leading self/cls) and the return (but `__init__`'s) carry
    a type annotation. None for languages whose signatures are not read."""
    docstring: DocumentedParameters | None = None
    """Python functions whose docstring has a parameter section: what it lists."""

    @property
    def lines(self) -> int:
        return self.end_line - self.line + 1

    @property
    def is_public(self) -> bool:
        """No part of its qualified name is private (`_x`), dunders excepted; not a closure."""
        if self.nested:
            return False
        if not self.name.startswith("_") and "._" not in self.name:
            return True
        return not any(
            part.startswith("_") and not (part.startswith("__") and part.endswith("__"))
            for part in self.name.split(".")
        )


@dataclass(frozen=True, slots=True)
class FileSyntax:
    """What a parse of one file yields for the rules."""

    language: str
    functions: tuple[FunctionInfo, ...]
    error_lines: tuple[int, ...] = ()
    """1-based lines of syntax errors; the tree is partial there but still used."""
    imports: tuple[str, ...] = ()
    """Import specifiers as written, in order: Python dotted names (relative ones keep their
    leading dots; `from a import b` gives `a` and `a.b`), JS/TS module strings, Go import
    paths, Rust `use` paths starting `crate::`/`super::`/`self::`, Java imported names."""
    escape_hatches: tuple[int, ...] = ()
    """1-based lines of type-system escape hatches: Python `Any`, `cast(`, `# type: ignore`;
    TypeScript `any`, `as any`, `@ts-ignore`, `@ts-nocheck`."""
    clone_windows: bytes = b""
    """Hashes (native int64) of a content-chosen sample of windows of consecutive significant
    lines, for clone detection; empty for test files (`auditor.index.syntax.fingerprints`)."""
    clone_places: bytes = b""
    """Per sampled window (native uint32): its index among the windows, first and last line."""
    code_lines: int = 0
    """Significant lines (not blank, comment, import or punctuation); 0 for test files."""


@dataclass(frozen=True, slots=True)
class TextChunk:
    """A piece of a file's text, cut after a line break where one is near (`index.chunks`)."""

    text: str
    first_line: int
    """The file's (1-based) number of the chunk's first line."""
    own_end: int
    """Where the chunk's own text ends. The text after it is the start of the next chunk, read
    here too so that a match crossing the boundary is found whole; a match that starts at or
    after `own_end` is the next chunk's to report."""
    own_lines: int
    """How many of the chunk's lines start before `own_end`: the lines it reports."""

    def owns_line(self, line: int) -> bool:
        """Whether the chunk's line `line` (1-based, counted in the chunk) is its to report."""
        return line <= self.own_lines

    def file_line(self, line: int) -> int:
        """The file's number of the chunk's line `line`."""
        return self.first_line + line - 1

    @classmethod
    def whole(cls, text: str) -> TextChunk:
        """A text read whole, as one chunk."""
        return cls(text, 1, len(text), lines_started(text, len(text)))


def lines_started(text: str, end: int) -> int:
    """How many lines of `text` start before offset `end`."""
    return text.count("\n", 0, end - 1) + 1 if end > 0 else 0
