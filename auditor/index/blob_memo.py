"""What indexing a commit's file produced, kept for the next commit a process indexes.

`history` indexes commit after commit, and most of their files are the same blobs: a blob
already indexed under the same path is neither read from git again nor measured, scanned or
looked up in the caches. The key is the path, the blob id and what the index was asked to
parse; only files that left no diagnostic are kept, so replaying one adds nothing to say.
"""

from __future__ import annotations

from dataclasses import dataclass

from auditor.git_tree import REGULAR_MODES, GitTree
from auditor.index.cache_store import retained
from auditor.index.records import FileSyntax, SourceFile

Key = tuple[str, str, bool, bool]
"""(path, blob id, whether sources are parsed, whether tests are)."""


@dataclass(frozen=True, slots=True)
class Indexed:
    """One file's part of an index: its record, the text kept in memory, its syntax."""

    record: SourceFile
    text: str | None
    syntax: FileSyntax | None


class BlobMemo:
    """The files of the commits this process indexed last, by `Key`, within a bound."""

    def __init__(self) -> None:
        self._entries: dict[Key, Indexed] = {}

    def key(self, tree: GitTree, path: str, want_syntax: bool, test_syntax: bool) -> Key | None:
        """The key of `path` in `tree`, or None when it is not a regular file."""
        entry = tree.entries.get(path)
        if entry is None or entry.mode not in REGULAR_MODES:
            return None
        return (path, entry.sha, want_syntax, test_syntax)

    def get(self, key: Key) -> Indexed | None:
        return self._entries.get(key)

    def keep(self, indexed: dict[Key, Indexed]) -> None:
        """Keep this commit's files first, then the earlier ones, within the bound."""
        self._entries = retained(indexed, self._entries)


MEMO = BlobMemo()
