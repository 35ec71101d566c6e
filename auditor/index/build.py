"""Building the index: each discovered file read once, measured, scanned and parsed at most once."""

from __future__ import annotations

import hashlib
import math
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from auditor.bounded_read import NONBLOCK, NotRead
from auditor.discover import Discovery
from auditor.git_command import GitUnusable
from auditor.git_tree import GitTree
from auditor.index.blob_memo import MEMO, Indexed, Key
from auditor.index.cache import SyntaxCache
from auditor.index.languages import language_of
from auditor.index.limits import MAX_SCAN_BYTES, SCAN_CAP
from auditor.index.markers import SECRET_BYTES, is_generated_head
from auditor.index.parsing import ParseJob, ParseQueue
from auditor.index.records import FileSyntax, SourceFile
from auditor.index.repository import RepositoryIndex
from auditor.index.scan_cache import Scan, ScanCache, scan_file
from auditor.index.suppressions import comment_style
from auditor.index.syntax import SYNTAX_LANGUAGES
from auditor.index.testpaths import is_test_path
from auditor.model import Diagnostic

BYTES_PER_TOKEN = 4
MINIFIED_LINE_BYTES = 400
"""Source whose lines average more bytes than this is minified or machine-written: measured,
not parsed (tree-sitter's error recovery on such text costs seconds per megabyte)."""
CHUNK = 1 << 20

Progress = Callable[[str, int, int], None]
"""progress(stage, done, total)"""


@dataclass(slots=True)
class _Build:
    root: Path
    want_syntax: bool
    cache: SyntaxCache | None
    scans: ScanCache | None = None
    test_syntax: bool = True
    files: list[SourceFile] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)
    syntax: dict[str, FileSyntax] = field(default_factory=dict)
    by_digest: dict[str, FileSyntax] = field(default_factory=dict)
    queue: ParseQueue = field(default_factory=ParseQueue)
    pending: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    """Paths waiting for the parse of each (digest, language): identical files parse once."""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    tree: GitTree | None = None
    """A commit's objects, read instead of the work tree at `root` (`audit --rev`)."""


def build_index(
    discovery: Discovery,
    *,
    want_syntax: bool = True,
    test_syntax: bool = True,
    cache: SyntaxCache | None = None,
    scans: ScanCache | None = None,
    jobs: int = 1,
    progress: Progress | None = None,
) -> RepositoryIndex:
    """Read every discovered file once and build the read-only index.

    Source files are parsed only when `want_syntax`, and test files only when `test_syntax`
    too: the index parses what the selected rules will read, and nothing else.
    """
    build = _Build(
        discovery.root,
        want_syntax,
        cache,
        scans,
        test_syntax,
        queue=ParseQueue(jobs, progress),
        tree=discovery.tree,
    )
    if cache is not None:
        cache.load()
    if scans is not None:
        scans.load()
    _read_all(build, discovery, progress)
    if cache is not None and want_syntax:
        cache.save(build.by_digest)
    if scans is not None:
        scans.save()
    return RepositoryIndex(
        root=discovery.root,
        files=build.files,
        texts=build.texts,
        syntax=build.syntax,
        diagnostics=sorted(
            [*discovery.diagnostics, *build.diagnostics, *build.queue.diagnostics],
            key=_diagnostic_key,
        ),
        excluded=discovery.excluded,
        symlinks=discovery.symlinks,
        commit=discovery.commit,
        links=dict(discovery.links),
        dir_links=dict(discovery.dir_links),
        unread=discovery.unread,
        tree=discovery.tree,
    )


def _collect(build: _Build, job: ParseJob, outcome: FileSyntax | Diagnostic) -> None:
    """Record one parse for every path holding the parsed content."""
    for path in build.pending.pop((job.digest, job.language), [job.path]):
        if isinstance(outcome, Diagnostic):
            build.diagnostics.append(Diagnostic(path, outcome.kind, outcome.message))
            continue
        build.syntax[path] = build.by_digest[job.digest] = outcome
        if outcome.error_lines:
            lines = ", ".join(map(str, outcome.error_lines[:5]))
            message = f"syntax errors near line {lines}"
            build.diagnostics.append(Diagnostic(path, "partial-parse", message))


NOTHING_FOUND = Scan(frozenset(), False, ())


def _scan(
    build: _Build, path: str, digest: str, language: str | None, data: bytes, is_test: bool
) -> Scan:
    style = comment_style(path, language)
    if build.scans is not None:
        return build.scans.scan(digest, language, data, is_test, style)
    return scan_file(data, language, is_test, style)


def _read_all(build: _Build, discovery: Discovery, progress: Progress | None) -> None:
    """Index every discovered file: of a commit, the blobs this process indexed before
    under the same path are replayed (`blob_memo`), the others read."""
    total = len(discovery.files)
    tree = discovery.tree
    keys = {}
    if tree is not None:
        flags = (build.want_syntax, build.test_syntax)
        keys = {p: MEMO.key(tree, p, *flags) for p in discovery.files}
        tree.expect([p for p in discovery.files if _recalled(keys[p]) is None], MAX_SCAN_BYTES)
    for done, path in enumerate(discovery.files, 1):
        recalled = _recalled(keys.get(path))
        if recalled is None:
            _add_file(build, path)
        else:
            _replay(build, recalled)
        if progress is not None and (done % 200 == 0 or done == total):
            progress("reading", done, total)
    for job, outcome in build.queue.finish():
        _collect(build, job, outcome)
    if tree is not None:
        MEMO.keep(_indexed(build, keys))
        tree.expect([], MAX_SCAN_BYTES)  # a text read later is one object, not a window


def _recalled(key: Key | None) -> Indexed | None:
    return MEMO.get(key) if key is not None else None


def _replay(build: _Build, indexed: Indexed) -> None:
    """Add a file indexed in an earlier commit of this process, as `_add_file` added it."""
    record = indexed.record
    build.files.append(record)
    if indexed.text is not None:
        build.texts[record.path] = indexed.text
    if indexed.syntax is not None:
        build.syntax[record.path] = build.by_digest[record.digest] = indexed.syntax


def _indexed(build: _Build, keys: dict[str, Key | None]) -> dict[Key, Indexed]:
    """This commit's files that left no diagnostic, by their memo key."""
    noted = {d.path for d in (*build.diagnostics, *build.queue.diagnostics)}
    found = {}
    for record in build.files:
        key = keys.get(record.path)
        if key is not None and record.path not in noted:
            text, syntax = build.texts.get(record.path), build.syntax.get(record.path)
            found[key] = Indexed(record, text, syntax)
    return found


def _diagnostic_key(diagnostic: Diagnostic) -> tuple[str, str, str]:
    return (diagnostic.path, diagnostic.kind, diagnostic.message)


def _read_file(build: _Build, path: str) -> bytes | None:
    """The bytes of `path` (of the work tree or the commit); None when it was counted as a
    file over the scan cap or could not be read, with the diagnostic that says which."""
    full = build.root / path
    try:
        data = _read_bounded(full) if build.tree is None else build.tree.read(path, MAX_SCAN_BYTES)
        if data is None:
            with _open_nonblocking(full) if build.tree is None else build.tree.open(path) as stream:
                _add_huge_file(build, path, stream)
        return data
    except OSError as error:
        build.diagnostics.append(Diagnostic(path, "unreadable", f"cannot read: {error.strerror}"))
    except NotRegular:
        build.diagnostics.append(Diagnostic(path, "special", "not a regular file: not read"))
    except (NotRead, GitUnusable) as error:
        build.diagnostics.append(Diagnostic(path, "unreadable", f"cannot read: {error}"))
    return None


def _add_file(build: _Build, path: str) -> None:
    data = _read_file(build, path)
    if data is None:
        return
    record = _measure(build, path, data)
    build.files.append(record)
    if not record.is_text:
        if language_of(path) is not None:
            build.diagnostics.append(Diagnostic(path, "binary", "source file holds binary data"))
        return
    if record.size > SECRET_BYTES and not record.is_test:
        message = (
            f"over {SECRET_BYTES // 1024} KiB: not searched for credential tokens or secret "
            "assignments (private keys and agent instruction files still are)"
        )
        build.diagnostics.append(Diagnostic(path, "secrets-not-scanned", message))
    text = _decode(build, path, data)
    if record.language is None:  # non-source text stays in memory for the facts and rules
        build.texts[path] = text
    wanted = build.want_syntax and (build.test_syntax or not record.is_test)
    if wanted and record.language in SYNTAX_LANGUAGES and not record.is_generated:
        _queue_parse(build, record, data)


def _measure(build: _Build, path: str, data: bytes) -> SourceFile:
    """The record of a file read whole: digest, language, size, lines, tokens, scan."""
    head = data[:8192]
    is_text = b"\0" not in head
    language = language_of(path, head) if is_text else None
    is_test = is_test_path(path, data)
    digest = hashlib.blake2b(data, digest_size=16).hexdigest()
    found = _scan(build, path, digest, language, data, is_test) if is_text else NOTHING_FOUND
    return SourceFile(
        path=path,
        size=len(data),
        digest=digest,
        language=language,
        lines=_count_lines(data) if is_text else 0,
        tokens=math.ceil(len(data) / BYTES_PER_TOKEN),
        is_text=is_text,
        is_test=is_test,
        is_generated=found.generated and language is not None,
        markers=found.markers,
        counts=found.counts,
        suppressions=found.suppressions,
    )


def _decode(build: _Build, path: str, data: bytes) -> str:
    """The text of a text file; invalid UTF-8 is replaced and reported once."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        message = f"not valid UTF-8 at byte {error.start}; read with replacements"
        build.diagnostics.append(Diagnostic(path, "encoding", message))
        return data.decode("utf-8", "replace")


def _queue_parse(build: _Build, record: SourceFile, data: bytes) -> None:
    if record.size > MINIFIED_LINE_BYTES * max(record.lines, 1) and record.size > 4096:
        message = f"lines average over {MINIFIED_LINE_BYTES} bytes (minified?): not parsed"
        build.diagnostics.append(Diagnostic(record.path, "minified", message))
        return
    known = build.by_digest.get(record.digest)
    if known is None and build.cache is not None:
        known = build.cache.get(record.digest)
    if known is not None and known.language == record.language:
        build.syntax[record.path] = build.by_digest[record.digest] = known
        return
    key = (record.digest, record.language or "")
    if key in build.pending:
        build.pending[key].append(record.path)
        return
    build.pending[key] = [record.path]
    for job, outcome in build.queue.add(ParseJob(record.path, key[1], record.digest, data)):
        _collect(build, job, outcome)


def _read_bounded(full: Path) -> bytes | None:
    """The file's bytes, or None when it holds more than MAX_SCAN_BYTES (the scan cap).

    Reads exactly the size the open file has (`read(n)` allocates n bytes up front, so a
    generous bound would cost megabytes per file); growth after the open is not read.
    The open does not wait (O_NONBLOCK): a file swapped for a FIFO or a device after discovery
    is refused as not a regular file (`NotRegular`) instead of blocking the audit.
    """
    descriptor = os.open(full, NONBLOCK)
    with os.fdopen(descriptor, "rb") as stream:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegular
        return stream.read(info.st_size) if info.st_size <= MAX_SCAN_BYTES else None


def _open_nonblocking(full: Path) -> BinaryIO:
    """The file at `full`, opened without waiting; NotRegular when it is no regular file."""
    descriptor = os.open(full, NONBLOCK)
    stream = os.fdopen(descriptor, "rb")
    if not stat.S_ISREG(os.fstat(descriptor).st_mode):
        stream.close()
        raise NotRegular
    return stream


class NotRegular(Exception):
    """A path discovery saw as a file is, when opened, something else (a FIFO, a device)."""


def _add_huge_file(build: _Build, path: str, stream: BinaryIO) -> None:
    """Count a file over the scan cap: hash it and count its lines a chunk at a time."""
    hasher = hashlib.blake2b(digest_size=16)
    lines = size = 0
    last = b"\n"
    head = stream.read(8192)
    chunk = head
    while chunk:
        hasher.update(chunk)
        lines += chunk.count(b"\n")
        size += len(chunk)
        last = chunk[-1:]
        chunk = stream.read(CHUNK)
    is_text = b"\0" not in head
    language = language_of(path, head) if is_text else None
    lines += 0 if last == b"\n" else 1
    build.files.append(
        SourceFile(
            path=path,
            size=size,
            digest=hasher.hexdigest(),
            language=language,
            lines=lines if is_text else 0,
            tokens=math.ceil(size / BYTES_PER_TOKEN),
            is_text=is_text,
            is_test=is_test_path(path),
            is_generated=is_text and language is not None and is_generated_head(head),
        )
    )
    message = f"{size} bytes, over the {SCAN_CAP} scan cap: counted, not scanned by rules"
    build.diagnostics.append(Diagnostic(path, "too-large", message))


def _count_lines(data: bytes) -> int:
    if not data:
        return 0
    return data.count(b"\n") + (0 if data.endswith(b"\n") else 1)
