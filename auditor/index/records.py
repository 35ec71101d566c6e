"""The per-file records of the index: a file's measurements and its syntax summary."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, NamedTuple, TypeVar, overload

from auditor.index.read_log import ROOT_TAG, Tag, note_record
from auditor.index.suppressions import Suppression

T = TypeVar("T")
FIELDS = (
    "path", "language", "is_text", "is_test", "is_generated", "_size", "_digest", "_lines",
    "_tokens", "_markers", "_counts", "_suppressions", "tag",
)  # fmt: skip
"""A `SourceFile`'s slots, in the order its constructor sets them (the tag last)."""


class Measured(Generic[T]):
    """A measure of a `SourceFile`'s content, kept in the slot of its name with a leading
    underscore: reading it notes a read of the file (`read_log.note_record`)."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.slot = f"_{name}"

    @overload
    def __get__(self, record: None, owner: type | None = None) -> Measured[T]: ...

    @overload
    def __get__(self, record: SourceFile, owner: type | None = None) -> T: ...

    def __get__(self, record: SourceFile | None, owner: type | None = None) -> Any:
        if record is None:
            return self
        note_record(record.tag, record.path)
        return getattr(record, self.slot)


class SourceFile:
    """One file of the repository as the index measured it.

    What it is (path, language, text or not, test, generated) is plain; what its content
    measures (digest, size, lines, tokens, markers, counts, suppressions) is read through a
    property that notes a read of the file (`read_log`): a computation that enumerates the
    files but reads none of their contents still holds when one file's content changes.
    """

    __slots__ = FIELDS

    path: str
    """Repository-relative POSIX path."""
    language: str | None
    """Programming language (lowercase), or None for docs, config and data."""
    is_text: bool
    is_test: bool
    is_generated: bool
    """Its leading comment says it is generated (`@generated`, `Code generated ... DO NOT EDIT`).
    Paths `.gitattributes` marks linguist-generated are excluded and never indexed."""
    tag: Tag
    """The index (view) the record belongs to (`read_log.tag_of`)."""
    _size: int
    _digest: str
    _lines: int
    _tokens: int
    _markers: frozenset[str]
    _counts: tuple[tuple[str, int], ...]
    _suppressions: tuple[Suppression, ...]

    def __init__(
        self,
        path: str,
        size: int,
        digest: str,
        language: str | None,
        lines: int,
        tokens: int,
        is_text: bool,
        is_test: bool,
        is_generated: bool,
        markers: frozenset[str] = frozenset(),
        counts: tuple[tuple[str, int], ...] = (),
        suppressions: tuple[Suppression, ...] = (),
        *,
        tag: Tag = ROOT_TAG,
    ) -> None:
        values = (
            path, language, is_text, is_test, is_generated, size, digest, lines, tokens,
            markers, counts, suppressions, tag,
        )  # fmt: skip
        for name, value in zip(FIELDS, values, strict=True):
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a SourceFile is read-only ({name})")

    def _fields(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in FIELDS[:-1])

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SourceFile) and self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return f"SourceFile({self.path!r}, {self._digest!r})"

    def rerooted(self, path: str, tag: Tag) -> SourceFile:
        """The same file as a package view (`tag`) names it."""
        return SourceFile(
            path, self._size, self._digest, self.language, self._lines, self._tokens,
            self.is_text, self.is_test, self.is_generated, self._markers, self._counts,
            self._suppressions, tag=tag,
        )  # fmt: skip

    size: Measured[int] = Measured()
    digest: Measured[str] = Measured()
    """Content hash (BLAKE2b, 128 bits, hex): the cache key of everything derived from it."""
    lines: Measured[int] = Measured()
    tokens: Measured[int] = Measured()
    """Estimated model tokens: bytes / 4 (0.250 tokens/byte measured across five languages)."""
    markers: Measured[frozenset[str]] = Measured()
    """Content markers found by the one-pass scan (see `auditor.index.markers`)."""
    counts: Measured[tuple[tuple[str, int], ...]] = Measured()
    """How often each counted pattern occurs (`auditor.index.markers.COUNTED`), by name."""
    suppressions: Measured[tuple[Suppression, ...]] = Measured()
    """Its inline `auditor: ignore[...]` comments (`auditor.index.suppressions`)."""

    @property
    def content_digest(self) -> str:
        """The digest, read without noting it (for the index's own bookkeeping)."""
        return self._digest

    def count(self, name: str) -> int:
        """How often the counted pattern `name` occurs in the file (0 when never)."""
        return next((n for counted, n in self.counts if counted == name), 0)

    @property
    def is_source(self) -> bool:
        """Hand-written program source: has a language, is text, is not generated."""
        return self.language is not None and self.is_text and not self.is_generated

    def identity(self) -> tuple[str, str | None, bool, bool, bool]:
        """What the file is, without its content (`read_log`: what a listing answers)."""
        return (self.path, self.language, self.is_text, self.is_test, self.is_generated)


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
