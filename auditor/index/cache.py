"""The on-disk cache of syntax summaries, keyed by file content hash."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from auditor.index.records import DocumentedParameters, FileSyntax, FunctionInfo
from auditor.structured_text import MalformedDocument, load_json

FORMAT = 2


class SyntaxCache:
    """Syntax summaries of one repository's files from the last run, by content digest.

    One JSON file per repository under `directory`; it is rewritten with exactly the current
    files' entries, so it never grows beyond the repository. A corrupt file (bad JSON, a
    wrong shape, one malformed entry) is ignored whole and rebuilt by this run.
    """

    def __init__(self, directory: Path, root: Path, parser_version: str) -> None:
        key = hashlib.blake2b(str(root).encode(), digest_size=8).hexdigest()
        self.path = directory / f"{key}.json"
        # Clone fingerprints are tuple hashes: their width depends on the platform, so the
        # interpreter is part of the version (a cache is never shared across machines anyway).
        self._version = f"{FORMAT}:{parser_version}:{sys.hash_info.width}:{sys.version_info[:2]}"
        self._entries: dict[str, FileSyntax] = {}
        self._dirty = False

    def load(self) -> None:
        files = read_cache_file(self.path, self._version)
        if files is None:
            return
        try:
            self._entries = {str(k): _decode(v) for k, v in files.items()}
        except (TypeError, ValueError, IndexError):
            self._entries = {}

    def get(self, digest: str) -> FileSyntax | None:
        return self._entries.get(digest)

    def save(self, current: Mapping[str, FileSyntax]) -> None:
        """Keep exactly `current` (digest -> syntax); write only if something changed."""
        if not self._dirty and current.keys() == self._entries.keys():
            return
        payload = {"version": self._version, "files": {k: _encode(v) for k, v in current.items()}}
        write_cache_file(self.path, payload)

    def mark_dirty(self) -> None:
        self._dirty = True


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


def write_cache_file(path: Path, payload: object) -> None:
    """Replace `path` with `payload` as JSON, through a temporary file beside it. A cache that
    cannot be written (a file where the directory should be, no permission, a full disk)
    costs speed, never correctness: the failure is dropped, and so is the temporary file."""
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(payload, out, separators=(",", ":"))
        os.replace(tmp, path)
    except OSError:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


_NESTED, _ANNOTATED, _UNANNOTATED, _DOCUMENTED = 1, 2, 4, 8
"""Bits of a function's flags column (annotated is None when neither bit is set)."""


def _encode(syntax: FileSyntax) -> list[object]:
    """A summary as JSON, its functions by column (decoding rows one by one is slow)."""
    numbers: list[int] = []
    documented: list[list[str]] = []
    for function in syntax.functions:
        flags = _NESTED * function.nested
        if function.annotated is not None:
            flags |= _ANNOTATED if function.annotated else _UNANNOTATED
        if function.docstring is not None:
            flags |= _DOCUMENTED
            documented.append([",".join(function.docstring.params), *function.docstring.documented])
        numbers += [function.line, function.end_line, function.complexity, function.nesting, flags]
    return [
        syntax.language,
        [function.name for function in syntax.functions],
        numbers,
        documented,
        list(syntax.error_lines),
        list(syntax.imports),
        list(syntax.escape_hatches),
        base64.b64encode(syntax.clone_windows).decode("ascii"),
        base64.b64encode(syntax.clone_places).decode("ascii"),
        syntax.code_lines,
    ]


def _decode(value: Any) -> FileSyntax:
    """Rebuild a summary from its JSON form; a malformed entry raises TypeError or ValueError."""
    language, names, numbers, documented, errors, imports, hatches, *rest = value
    windows, places, code_lines = rest
    if len(numbers) != 5 * len(names) or not _all(numbers, int) or not _all(names, str):
        raise ValueError("malformed functions")
    if not (_all(errors, int) and _all(imports, str) and _all(hatches, int)):
        raise ValueError("malformed lists")
    if not isinstance(language, str) or type(code_lines) is not int or code_lines < 0:
        raise ValueError("malformed language or line count")
    clone_windows = base64.b64decode(windows, validate=True)
    clone_places = base64.b64decode(places, validate=True)
    if len(clone_windows) % 8 or len(clone_places) != len(clone_windows) // 8 * 12:
        raise ValueError("malformed clone windows")  # 8-byte hashes, three 4-byte places each
    flags = numbers[4::5]
    functions = map(
        FunctionInfo,
        names,
        numbers[0::5],
        numbers[1::5],
        numbers[2::5],
        numbers[3::5],
        [bool(flag & _NESTED) for flag in flags],
        [None if not flag & 6 else bool(flag & _ANNOTATED) for flag in flags],
        _docstrings(flags, documented),
    )
    return FileSyntax(
        language=language,
        functions=tuple(functions),
        error_lines=tuple(errors),
        imports=tuple(imports),
        escape_hatches=tuple(hatches),
        clone_windows=clone_windows,
        clone_places=clone_places,
        code_lines=code_lines,
    )


def _all(values: list[Any], kind: type) -> bool:
    return set(map(type, values)) <= {kind}


def _docstrings(flags: list[int], documented: list[Any]) -> list[DocumentedParameters | None]:
    """The documented parameters of the functions flagged as having them, None elsewhere."""
    if sum(1 for flag in flags if flag & _DOCUMENTED) != len(documented):
        raise ValueError("malformed docstrings")
    found: list[DocumentedParameters | None] = [None] * len(flags)
    if not documented:
        return found
    rows = iter(documented)
    for at, flag in enumerate(flags):
        if flag & _DOCUMENTED:
            params, *names = next(rows)
            if not isinstance(params, str) or not _all(names, str) or not names:
                raise ValueError("malformed docstrings")
            found[at] = DocumentedParameters(
                tuple(params.split(",")) if params else (), tuple(names)
            )
    return found
