"""The on-disk cache of syntax summaries, keyed by file content hash."""

from __future__ import annotations

import base64
import hashlib
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from auditor.index.cache_store import Remembered, retained
from auditor.index.records import DocumentedParameters, FileSyntax, FunctionInfo

FORMAT = 2


class SyntaxCache:
    """Syntax summaries of one repository's files, by content digest: this run's and, up to
    a bound, earlier runs' (`cache_store.retained`).

    One JSON file per repository under `directory`. A corrupt file (bad JSON, a wrong shape,
    one malformed entry) is ignored whole and rebuilt by this run.
    """

    def __init__(self, directory: Path, root: Path, parser_version: str) -> None:
        key = hashlib.blake2b(str(root).encode(), digest_size=8).hexdigest()
        self.path = directory / f"{key}.json"
        # Clone fingerprints are tuple hashes: their width depends on the platform, so the
        # interpreter is part of the version (a cache is never shared across machines anyway).
        self._version = f"{FORMAT}:{parser_version}:{sys.hash_info.width}:{sys.version_info[:2]}"
        self._entries: dict[str, FileSyntax] = {}

    def load(self) -> None:
        self._entries = _REMEMBERED.load(self.path, self._version, _decode_all)

    def get(self, digest: str) -> FileSyntax | None:
        return self._entries.get(digest)

    def save(self, current: Mapping[str, FileSyntax]) -> None:
        """Keep `current` (digest -> syntax) and what earlier runs left, within the bound;
        write only when `current` holds a summary the file does not (a new digest, or one
        parsed again as another language)."""
        if all(self._entries.get(k) is v for k, v in current.items()):
            return
        self._entries = retained(current, self._entries)
        payload = {
            "version": self._version,
            "files": {k: _encode(v) for k, v in self._entries.items()},
        }
        _REMEMBERED.save(self.path, self._version, self._entries, payload)


_REMEMBERED: Remembered[FileSyntax] = Remembered()


def _decode_all(files: dict[str, Any]) -> dict[str, FileSyntax]:
    return {str(k): _decode(v) for k, v in files.items()}


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
