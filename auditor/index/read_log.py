"""What a computation read of an index, so its result can be reused on another index.

While a `ReadLog` records (`recording`), every index accessor notes what it was asked
(`note`): a file's record (`file`, `text`, `syntax`, ...), whether a path exists, the files
under a directory or matching a glob, or all of them (`files`, `parsed`, the import graph).
`Reads.hold` later asks the same questions of another index, the next commit's, and says
whether every answer is the same: then so is the computation's result, which is all a fact
detector or a rule is a function of. What the accessors cannot note (the symbolic links, the
excluded paths, the diagnostics) is compared whole (`shape_of`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, MutableMapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

if TYPE_CHECKING:
    from auditor.index.repository import RepositoryIndex

T = TypeVar("T")
Tag = tuple[str, bool]
ROOT_TAG: Tag = ("", False)
Key = tuple[Tag, str, Any]
"""(the tag of the index asked, what was asked, its argument)."""
ALL = "all"
LISTING = "listing"
WHOLE = "*"
"""The name a computation that read all the facts (a method of theirs) notes them under."""
FILE, EXISTS, DIR, UNDER, GLOB = "file", "exists", "dir", "under", "glob"
_ACTIVE: ContextVar[ReadLog | None] = ContextVar("auditor_read_log", default=None)
_REUSING: ContextVar[bool] = ContextVar("auditor_reusing", default=False)


class ReadLog:
    """The questions one computation asked, in the order first asked."""

    def __init__(self) -> None:
        self.keys: dict[Key, None] = {}
        self.facts: dict[str, Any] = {}


def note(index: RepositoryIndex, kind: str, argument: Any = None) -> None:
    """Say that the running computation asked `index` this (nothing when none records)."""
    log = _ACTIVE.get()
    if log is not None:
        log.keys[(tag_of(index), kind, argument)] = None


def note_record(tag: Tag, path: str) -> None:
    """Say that the running computation read the content of the file `path` of index `tag`
    through its record (`SourceFile.lines`, ...)."""
    log = _ACTIVE.get()
    if log is not None:
        log.keys[(tag, FILE, path)] = None


def note_fact(name: str, value: Any) -> None:
    """Say that the running computation read the fact `name` and found `value`."""
    log = _ACTIVE.get()
    if log is not None:
        log.facts.setdefault(name, value)


def is_recording() -> bool:
    return _ACTIVE.get() is not None


@contextmanager
def reusing() -> Iterator[None]:
    """Within: fact detectors and rules keep their answers with what they read, and give
    them again on an index that answers those reads the same (history, the MCP server)."""
    token = _REUSING.set(True)
    try:
        yield
    finally:
        _REUSING.reset(token)


def is_reusing() -> bool:
    return _REUSING.get()


@contextmanager
def recording() -> Iterator[ReadLog]:
    """Record what the computation inside reads; an enclosing recording notes nothing of it."""
    log = ReadLog()
    token = _ACTIVE.set(log)
    try:
        yield log
    finally:
        _ACTIVE.reset(token)


def replay(log: ReadLog) -> None:
    """Note into the running recording what `log` recorded (a shared computation reused)."""
    outer = _ACTIVE.get()
    if outer is not None and outer is not log:
        outer.keys.update(log.keys)
        for name, value in log.facts.items():
            outer.facts.setdefault(name, value)


def tag_of(index: RepositoryIndex) -> Tag:
    """Which index of a run: its package prefix, and whether it reads its workspace's files."""
    return index.prefix, index.parent is not None


@dataclass(frozen=True, slots=True)
class Reads:
    """The answers a computation got, to compare with another index's."""

    shape: str
    keys: tuple[Key, ...]
    answers: tuple[Any, ...]

    @classmethod
    def of(cls, log: ReadLog, index: RepositoryIndex) -> Reads:
        """The answers `index` (and the indexes above it) gave to what `log` recorded."""
        keys = tuple(log.keys)
        return cls(shape_of(index), keys, answers(index, keys))

    def hold(self, index: RepositoryIndex) -> bool:
        """Whether `index` gives every one of these answers again."""
        return shape_of(index) == self.shape and answers(index, self.keys) == self.answers


def answers(index: RepositoryIndex, keys: tuple[Key, ...]) -> tuple[Any, ...]:
    """What `index` (or the index above it each key's tag names) answers to each question,
    as values to compare (digests, not texts)."""
    token = _ACTIVE.set(None)  # asking again is not a read of the computation being checked
    try:
        resolved: dict[Tag, RepositoryIndex | None] = {}
        found = []
        for tag, kind, argument in keys:
            if tag not in resolved:
                resolved[tag] = _resolve(index, tag)
            asked = resolved[tag]
            found.append(None if asked is None else _answer(asked, kind, argument))
        return tuple(found)
    finally:
        _ACTIVE.reset(token)


def _resolve(index: RepositoryIndex, tag: Tag) -> RepositoryIndex | None:
    """The index of `tag`: `index` itself or one it was cut from."""
    current: RepositoryIndex | None = index
    while current is not None:
        if tag_of(current) == tag:
            return current
        current = current.parent
    return None


def _answer(index: RepositoryIndex, kind: str, argument: Any) -> Any:
    if kind == FILE:
        return index.file_answer(argument)
    if kind == EXISTS:
        return index.exists(argument)
    if kind == DIR:
        return index.is_dir(argument)
    if kind == UNDER:
        return tuple(f.identity() for f in index.under(argument))
    if kind == GLOB:
        return tuple(f.identity() for f in index.glob(*argument))
    if kind == LISTING:
        return index.listing_digest
    return index.content_digest


def shape_of(index: RepositoryIndex) -> str:
    """A digest of what no accessor notes: where the index stands, its links, excluded and
    unlisted paths and its diagnostics, and those of the indexes it was cut from."""
    parts: list[object] = []
    current: RepositoryIndex | None = index
    while current is not None:
        parts.append(current.shape_parts())
        current = current.parent
    return hashlib.blake2b(repr(parts).encode(), digest_size=16).hexdigest()


def shared(cache: MutableMapping[Any, tuple[T, ReadLog]], key: Any, compute: Callable[[], T]) -> T:
    """`compute()`, once per `key` of `cache`, for several readers: each is said to have read
    what the computation read (`replay`), the first one too."""
    found = cache.get(key)
    if found is None:
        with recording() as log:
            value = compute()
        found = cache[key] = (value, log)
    replay(found[1])
    return found[0]


class recorded_property(Generic[T]):
    """`functools.cached_property` for a value several computations share: computed once
    per instance, and each access notes what the computation read (`shared`)."""

    def __init__(self, compute: Callable[[Any], T]) -> None:
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> recorded_property[T]: ...

    @overload
    def __get__(self, instance: object, owner: type | None = None) -> T: ...

    def __get__(self, instance: object | None, owner: type | None = None) -> Any:
        if instance is None:
            return self
        store: dict[str, Any] = instance.__dict__.setdefault("_recorded_properties", {})
        return shared(store, self.name, lambda: self.compute(instance))
