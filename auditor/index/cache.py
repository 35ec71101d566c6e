"""The on-disk cache of syntax summaries, keyed by file content hash."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from auditor.index.records import FileSyntax, FunctionInfo

FORMAT = 1


class SyntaxCache:
    """Syntax summaries of one repository's files from the last run, by content digest.

    One JSON file per repository under `directory`; it is rewritten with exactly the current
    files' entries, so it never grows beyond the repository. A corrupt file is ignored.
    """

    def __init__(self, directory: Path, root: Path, parser_version: str) -> None:
        key = hashlib.blake2b(str(root).encode(), digest_size=8).hexdigest()
        self.path = directory / f"{key}.json"
        self._version = f"{FORMAT}:{parser_version}"
        self._entries: dict[str, FileSyntax] = {}
        self._dirty = False

    def load(self) -> None:
        try:
            raw = json.loads(self.path.read_bytes())
        except (OSError, ValueError):
            return
        if not isinstance(raw, dict) or raw.get("version") != self._version:
            return
        try:
            self._entries = {k: _decode(v) for k, v in raw.get("files", {}).items()}
        except (TypeError, ValueError, IndexError):
            self._entries = {}

    def get(self, digest: str) -> FileSyntax | None:
        return self._entries.get(digest)

    def save(self, current: Mapping[str, FileSyntax]) -> None:
        """Keep exactly `current` (digest -> syntax); write only if something changed."""
        if not self._dirty and current.keys() == self._entries.keys():
            return
        payload = {"version": self._version, "files": {k: _encode(v) for k, v in current.items()}}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(payload, out, separators=(",", ":"))
            os.replace(tmp, self.path)
        except OSError:
            pass  # a cache that cannot be written costs speed, never correctness

    def mark_dirty(self) -> None:
        self._dirty = True


def _encode(syntax: FileSyntax) -> list[object]:
    functions = [[f.name, f.line, f.end_line, f.complexity, f.nesting] for f in syntax.functions]
    return [syntax.language, functions, list(syntax.error_lines)]


def _decode(value: Any) -> FileSyntax:
    """Rebuild a summary from its JSON form; a malformed entry raises TypeError or ValueError."""
    language, functions, errors = value
    return FileSyntax(
        language=str(language),
        functions=tuple(
            FunctionInfo(str(n), int(a), int(b), int(c), int(d)) for n, a, b, c, d in functions
        ),
        error_lines=tuple(int(e) for e in errors),
    )
