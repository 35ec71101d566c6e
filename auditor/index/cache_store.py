"""Cache files on disk: read and written whole, kept across revisions, decoded once a process.

A cache file is one JSON object, `{"version": ..., "files": {key: entry}}`, replaced
atomically. What it keeps (`retained`) is this run's entries first, then the entries of the
runs before, up to a bound: a pull-request run that audits the work tree and its merge base,
or `history` stepping through commits, finds both sides' summaries instead of evicting one
with the other. Within one process (history, the MCP server, a test run) a file decoded once
is not decoded again while it is unchanged on disk (`Remembered`).
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Callable, Hashable, Mapping
from pathlib import Path
from typing import Any, Generic, TypeVar

from auditor.structured_text import MalformedDocument, load_json

T = TypeVar("T")
K = TypeVar("K", bound=Hashable)
KEPT_BEYOND_CURRENT = 2048
"""Entries of earlier runs a cache keeps beyond this run's own, at least (and at most as
many again as this run's): enough for the merge base's versions of a pull request's files,
or the files that changed over a long history."""


def read_cache_file(path: Path, version: str) -> dict[str, Any] | None:
    """The `files` table of the cache in `path` when it is one of `version`, else None: not
    there, not a regular file (a FIFO in its place would block the run), not JSON, or of
    another shape or version. Its entries are for the caller to check."""
    try:
        raw = load_json(path.read_bytes(), max_depth=None) if path.is_file() else None
    except (OSError, MalformedDocument):
        return None
    if not isinstance(raw, dict) or raw.get("version") != version:
        return None
    files = raw.get("files")
    return files if isinstance(files, dict) else None


def write_cache_file(path: Path, payload: object) -> bool:
    """Replace `path` with `payload` as JSON, through a temporary file beside it; whether it
    was written. A cache that cannot be written (a file where the directory should be, no
    permission, a full disk) costs speed, never correctness: the failure is dropped, and so
    is the temporary file."""
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(payload, out, separators=(",", ":"))
        os.replace(tmp, path)
        return True
    except OSError:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        return False


def retained(current: Mapping[K, T], earlier: Mapping[K, T]) -> dict[K, T]:
    """What a cache keeps: every entry of `current`, then `earlier`'s others, most recent
    first, while the total stays within the bound."""
    limit = len(current) + max(KEPT_BEYOND_CURRENT, len(current))
    kept = dict(current)
    for key, entry in earlier.items():
        if len(kept) >= limit:
            break
        kept.setdefault(key, entry)
    return kept


def _signature(path: Path) -> tuple[int, int, int] | None:
    """What tells a cache file changed on disk: its inode (a rewrite replaces it), size and
    modification time."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_ino, stat.st_size, stat.st_mtime_ns


class Remembered(Generic[T]):
    """The decoded entries of cache files this process read or wrote, while each file is
    unchanged on disk: the second audit of a process skips reading and decoding them."""

    def __init__(self) -> None:
        self._known: dict[tuple[Path, str], tuple[tuple[int, int, int], dict[str, T]]] = {}

    def load(
        self, path: Path, version: str, decode: Callable[[dict[str, Any]], dict[str, T]]
    ) -> dict[str, T]:
        """The entries of the cache in `path` (empty when it has none of `version`, or when
        `decode` raises TypeError or ValueError on a malformed entry: it is rebuilt)."""
        signature = _signature(path)
        known = self._known.get((path, version))
        if known is not None and signature is not None and known[0] == signature:
            return dict(known[1])
        files = read_cache_file(path, version)
        try:
            entries = decode(files) if files is not None else {}
        except (TypeError, ValueError):
            entries = {}
        if signature is not None and files is not None:
            self._known[(path, version)] = (signature, dict(entries))
        return entries

    def save(self, path: Path, version: str, entries: dict[str, T], payload: object) -> None:
        """Write `payload` (the encoded `entries`) to `path`, and remember `entries`."""
        self._known.pop((path, version), None)
        if write_cache_file(path, payload):
            signature = _signature(path)
            if signature is not None:
                self._known[(path, version)] = (signature, dict(entries))
