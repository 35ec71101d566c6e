"""The on-disk cache of content scans (markers, counts, generated headers), by content hash."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from auditor.index import literal_tables, markers, suppressions
from auditor.index.cache_store import Remembered, retained
from auditor.index.suppressions import Suppression


@dataclass(frozen=True, slots=True)
class Scan:
    """What the one-pass scan found in a file's bytes."""

    markers: frozenset[str]
    generated: bool
    counts: tuple[tuple[str, int], ...]
    suppressions: tuple[Suppression, ...] = ()


def scan_file(data: bytes, language: str | None, is_test: bool = False, style: str = "any") -> Scan:
    found, generated = markers.scan(data, language, is_test)
    counts = markers.count(data, language)
    if language is not None and not is_test and len(data) >= literal_tables.TABLE_BYTES:
        percent = literal_tables.literal_percent(data)
        if percent:
            counts = (*counts, (literal_tables.LITERAL_PERCENT, percent))
    return Scan(found, generated, counts, suppressions.find(data, style))


def _patterns_version() -> str:
    """Changes whenever a marker, a counted pattern or the generated-header rules change."""
    described: list[object] = [
        (
            m.name,
            m.needle,
            m.pattern.pattern,
            sorted(m.languages or ()),
            m.max_bytes,
            m.folded,
            m.skip_tests,
        )
        for m in (*markers.MARKERS, *markers.COUNTED)
    ]
    described.append((markers.GENERATED.pattern, markers.SCAFFOLDED.pattern))
    described.append(literal_tables.VERSION)
    described.append((suppressions.PATTERN.pattern, sorted(suppressions.OPENERS.items())))
    return hashlib.blake2b(repr(described).encode(), digest_size=8).hexdigest()


class ScanCache:
    """Scans of one repository's files, keyed by digest and language: this run's and, up to
    a bound, earlier runs' (`cache_store.retained`).

    An unchanged file then costs a read and a hash: its bytes are not searched again. One JSON
    file per repository; a corrupt file (one malformed entry is enough) is ignored whole and
    rebuilt by this run.
    """

    def __init__(self, directory: Path, root: Path) -> None:
        key = hashlib.blake2b(str(root).encode(), digest_size=8).hexdigest()
        self.path = directory / f"{key}.scans.json"
        self._version = _patterns_version()
        self._entries: dict[str, Scan] = {}
        self._current: dict[str, Scan] = {}

    def load(self) -> None:
        self._entries = _REMEMBERED.load(self.path, self._version, _decoded_all)

    def scan(
        self,
        digest: str,
        language: str | None,
        data: bytes,
        is_test: bool = False,
        style: str = "any",
    ) -> Scan:
        """The scan of `data`, from the cache when its content was scanned before."""
        key = f"{digest}:{language or ''}:{'t' if is_test else ''}:{style}"
        found = self._entries.get(key)
        if found is None:
            found = scan_file(data, language, is_test, style)
        self._current[key] = found
        return found

    def save(self) -> None:
        """Keep this run's scans and what earlier runs left, within the bound; write only when
        this run scanned something the file does not hold."""
        if all(key in self._entries for key in self._current):
            return
        self._entries = retained(dict(sorted(self._current.items())), self._entries)
        files = {
            key: [
                sorted(s.markers),
                s.generated,
                [list(c) for c in s.counts],
                [[u.line, list(u.rules), u.reason] for u in s.suppressions],
            ]
            for key, s in self._entries.items()
        }
        _REMEMBERED.save(
            self.path, self._version, self._entries, {"version": self._version, "files": files}
        )


_REMEMBERED: Remembered[Scan] = Remembered()


def _decoded_all(files: dict[str, Any]) -> dict[str, Scan]:
    return {str(key): _decoded(entry) for key, entry in files.items()}


def _decoded(entry: Any) -> Scan:
    """A cached scan, checked; TypeError or ValueError when it is not one."""
    found: Any
    generated: Any
    counts: Any
    written: Any
    found, generated, counts, written = entry
    pairs = [(name, count) for name, count in counts]
    names_ok = all(isinstance(name, str) for name in found)
    counts_ok = all(isinstance(n, str) and type(c) is int for n, c in pairs)
    if not (names_ok and counts_ok and isinstance(generated, bool)):
        raise ValueError("malformed scan")
    return Scan(frozenset(found), generated, tuple(pairs), tuple(map(_suppression, written)))


def _suppression(entry: Any) -> Suppression:
    line: Any
    rules: Any
    reason: Any
    line, rules, reason = entry
    if type(line) is not int or not isinstance(reason, str):
        raise ValueError("malformed suppression")
    if not all(isinstance(rule, str) for rule in rules):
        raise ValueError("malformed suppression")
    return Suppression(line, tuple(rules), reason)
