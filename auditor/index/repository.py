"""The repository index: read-only files, texts and syntax summaries (facts: `auditor.facts`)."""

from __future__ import annotations

import bisect
import hashlib
import os
import posixpath
import stat
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, TypeVar

from auditor.bounded_read import NONBLOCK, NotRead
from auditor.git_command import GitUnusable
from auditor.git_tree import GitTree
from auditor.index.chunks import as_utf8, read_chunks
from auditor.index.glob_match import path_matcher
from auditor.index.limits import MAX_SCAN_BYTES
from auditor.index.read_log import ALL, DIR, EXISTS, FILE, GLOB, LISTING, UNDER, note
from auditor.index.records import FileSyntax, SourceFile, TextChunk
from auditor.model import Diagnostic

if TYPE_CHECKING:
    from auditor.index.duplication import Duplication
    from auditor.index.imports import ImportGraph

V = TypeVar("V")


class RepositoryIndex:
    """Everything the rules may know about a repository (or one package of it).

    Built once per run by `auditor.index.build.build_index`; rules only read it. Paths are
    POSIX and relative to `root`; a package view (`package()`) re-roots them at the package.
    """

    def __init__(
        self,
        root: Path,
        files: Iterable[SourceFile],
        texts: Mapping[str, str],
        syntax: Mapping[str, FileSyntax],
        diagnostics: Iterable[Diagnostic] = (),
        excluded: Iterable[str] = (),
        symlinks: Iterable[str] = (),
        commit: str | None = None,
        prefix: str = "",
        links: Mapping[str, str] | None = None,
        *,
        parent: RepositoryIndex | None = None,
        unread: Iterable[str] = (),
        tree: GitTree | None = None,
        dir_links: Mapping[str, str] | None = None,
    ) -> None:
        self.root = root
        self.prefix = prefix
        self._files: tuple[SourceFile, ...] = tuple(sorted(files, key=lambda f: f.path))
        self.diagnostics = tuple(diagnostics)
        self.excluded = tuple(excluded)
        self.symlinks = tuple(symlinks)
        self.commit = commit
        self.links: Mapping[str, str] = links or {}
        """Symbolic link -> the repository file it resolves to (links to files only)."""
        self.dir_links: Mapping[str, str] = dir_links or {}
        """Symbolic link -> the repository directory it resolves to (never a loop)."""
        self.parent = parent
        """The index this package view was cut from (None for the repository itself)."""
        self._texts = texts
        self._syntax = syntax
        self._paths = [f.path for f in self._files]
        self._unread = sorted(unread)
        """Tracked files discovery did not list (outside a package audit's directory)."""
        self._by_path = {f.path: f for f in self._files}
        self._globbed: dict[tuple[str, ...], tuple[SourceFile, ...]] = {}
        self._file_answers: dict[str, tuple[str | None, str | None, str | None]] = {}
        self.tree = tree
        """The commit whose objects hold the files (`audit --rev`); None for the work tree."""

    @property
    def files(self) -> tuple[SourceFile, ...]:
        """Every file's record, in path order (reading a record's content is noted apart)."""
        note(self, LISTING)
        return self._files

    @cached_property
    def content_digest(self) -> str:
        """A digest of every file's path and content (`read_log`: what reading all is)."""
        listed = "\n".join(f"{f.path}\0{f.content_digest}" for f in self._files)
        return hashlib.blake2b(listed.encode(), digest_size=16).hexdigest()

    @cached_property
    def listing_digest(self) -> str:
        """A digest of what every file is, not of its content (`SourceFile.identity`)."""
        listed = repr([f.identity() for f in self._files])
        return hashlib.blake2b(listed.encode(), digest_size=16).hexdigest()

    def shape_parts(self) -> tuple[object, ...]:
        """What no accessor notes (`read_log.shape_of`)."""
        return (
            str(self.root), self.prefix, sorted(self.links.items()),
            sorted(self.dir_links.items()), self.excluded, self.symlinks, self.diagnostics,
            self._unread,
        )  # fmt: skip

    def file_answer(self, path: str) -> tuple[str | None, str | None, str | None]:
        """What reading `path` depends on (`read_log`): its content digest, the file a link
        there leads to and that file's digest."""
        known = self._file_answers.get(path)
        if known is not None:
            return known
        record = self._by_path.get(path) if not path.startswith("../") else self.file(path)
        target = self.links.get(path)
        linked = self._by_path.get(target) if target is not None else None
        found = self._file_answers[path] = (
            record.content_digest if record else None,
            target,
            linked.content_digest if linked else None,
        )
        return found

    def file(self, path: str) -> SourceFile | None:
        """The record of `path`; in a package view `../` paths name files of the workspace."""
        note(self, FILE, path)
        if path.startswith("../"):
            above = self._above(path)
            return above[0].file(above[1]) if above else None
        return self._by_path.get(path)

    def is_dir(self, path: str) -> bool:
        """Whether some indexed file lies below `path` (in a package view, `../` paths are
        the workspace's)."""
        note(self, DIR, path)
        if path.startswith("../") or path == "..":
            above = self._above(path)
            return above is not None and above[0].exists(above[1])
        prefix = path.rstrip("/") + "/"
        at = bisect.bisect_left(self._paths, prefix)
        return at < len(self._paths) and self._paths[at].startswith(prefix)

    def exists(self, path: str) -> bool:
        """Whether `path` names an indexed file or a directory holding one."""
        note(self, EXISTS, path)
        path = path.strip("/") if path not in ("", ".", "./") else ""
        if path.startswith("../") or path == "..":
            above = self._above(path)
            return above is not None and above[0].exists(above[1])
        if not path or path in self._by_path or self.is_dir(path):
            return True
        return _holds(self._unread, path) or _holds(self._unread, path + "/")

    def under(self, directory: str) -> tuple[SourceFile, ...]:
        """The files below `directory` (the whole index for "")."""
        note(self, UNDER, directory)
        if not directory:
            return self._files
        prefix = directory.rstrip("/") + "/"
        start = bisect.bisect_left(self._paths, prefix)
        end = bisect.bisect_left(self._paths, prefix + "\U0010ffff")
        return self._files[start:end]

    def glob(self, *patterns: str) -> tuple[SourceFile, ...]:
        """The files matching any of the gitignore-style `patterns`."""
        note(self, GLOB, patterns)
        found = self._globbed.get(patterns)
        if found is None:
            matches = path_matcher(patterns)
            found = self._globbed[patterns] = tuple(f for f in self._files if matches(f.path))
        return found

    def text(self, path: str) -> str | None:
        """The decoded text of a file (undecodable bytes replaced), or None if it has none.

        A symbolic link to a file in the repository reads as its target.
        """
        note(self, FILE, path)
        if path.startswith("../"):
            above = self._above(path)
            return above[0].text(above[1]) if above else None
        if path not in self._by_path and path in self.links:
            path = self.links[path]
        if path in self._texts:
            return self._texts[path]
        record = self._by_path.get(path)
        if record is None or not record.is_text or record.size > MAX_SCAN_BYTES:
            return None
        try:
            if self.tree is not None:
                data = self.tree.read(self.prefix + path, MAX_SCAN_BYTES)
            else:
                data = (self.root / path).read_bytes()
        except (OSError, NotRead, GitUnusable):
            return None
        if data is None or len(data) > MAX_SCAN_BYTES:
            return None
        return data.decode("utf-8", "replace")

    def chunks(self, path: str) -> Iterator[TextChunk]:
        """The text of a file of any size, binary ones too (undecodable bytes replaced), in
        chunks of about `MAX_SCAN_BYTES` that overlap by `SCAN_OVERLAP_BYTES`; nothing when
        it is not indexed or cannot be read. A text the index holds is one chunk.

        For rules that must not let padding or a stray NUL byte hide anything, such as the
        secrets and planted-instruction rules on agent instruction files: `text` gives them
        nothing for a file over the scan cap. Memory stays bounded by the chunk size.
        """
        note(self, FILE, path)
        if path.startswith("../"):
            above = self._above(path)
            if above is not None:
                yield from above[0].chunks(above[1])
            return
        if path not in self._by_path and path in self.links:
            path = self.links[path]
        text = self.text(path)
        if text is not None:
            yield TextChunk.whole(text)
            return
        if path not in self._by_path:
            return
        try:
            if self.tree is not None:
                with self._blob(path) as stream:
                    yield from read_chunks(as_utf8(stream))
                return
            descriptor = os.open(self.root / path, NONBLOCK)  # a FIFO swapped in cannot block
            with os.fdopen(descriptor, "rb") as stream:
                if stat.S_ISREG(os.fstat(descriptor).st_mode):
                    yield from read_chunks(as_utf8(stream))
        except (OSError, NotRead, GitUnusable):
            return

    def _blob(self, path: str) -> BinaryIO:
        assert self.tree is not None
        return self.tree.open(self.prefix + path)

    def syntax(self, path: str) -> FileSyntax | None:
        """The syntax summary of a source file, if its language is parsed and it was parsed."""
        note(self, FILE, path)
        return self._syntax.get(path)

    def parsed(self) -> Iterator[tuple[SourceFile, FileSyntax]]:
        """Every file with a syntax summary, with it, in path order."""
        note(self, LISTING)
        for record in self._files:
            syntax = self._syntax.get(record.path)
            if syntax is not None:
                note(self, FILE, record.path)
                yield record, syntax

    @property
    def duplication(self) -> Duplication:
        """Blocks of non-test source repeated within or across files (see `duplication`)."""
        note(self, ALL)
        return self._duplication

    @cached_property
    def _duplication(self) -> Duplication:
        from auditor.index.duplication import find_duplication

        return find_duplication(self.parsed())

    @property
    def import_graph(self) -> ImportGraph:
        """Which non-test source modules import which (see `auditor.index.imports`)."""
        note(self, ALL)
        return self._import_graph

    @cached_property
    def _import_graph(self) -> ImportGraph:
        from auditor.index.imports import build_import_graph, package_dirs

        go_mods = {
            f.path: text
            for f in self._files
            if f.path.rpartition("/")[2] == "go.mod" and (text := self.text(f.path)) is not None
        }
        return build_import_graph(self.parsed(), go_mods, package_dirs(self.text("pyproject.toml")))

    def _above(self, path: str) -> tuple[RepositoryIndex, str] | None:
        """The workspace index and path that a package-relative `../` path names."""
        if self.parent is None:
            return None
        directory = self.prefix[len(self.parent.prefix) :]
        resolved = posixpath.normpath(directory + path)
        if resolved == ".." or (resolved.startswith("../") and self.parent.parent is None):
            return None
        return self.parent, resolved

    def package(self, directory: str, inherit: bool = True) -> RepositoryIndex:
        """A view of the package in `directory`, with paths relative to it.

        With `inherit`, its `../` paths read this index's files (`auditor.facts.Subject`
        builds the package's facts on the view).
        """
        prefix = directory.rstrip("/") + "/"
        cut = len(prefix)
        tag = (self.prefix + prefix, inherit)  # read_log.tag_of the view
        files = [f.rerooted(f.path[cut:], tag) for f in self.under(directory)]

        def inside(path: str) -> bool:
            return path.startswith(prefix)

        return RepositoryIndex(
            root=self.root / directory,
            files=files,
            texts=_Rerooted(self._texts, prefix),
            syntax=_Rerooted(self._syntax, prefix),
            diagnostics=[replace(d, path=d.path[cut:]) for d in self.diagnostics if inside(d.path)],
            excluded=[path[cut:] for path in self.excluded if inside(path)],
            symlinks=[path[cut:] for path in self.symlinks if inside(path)],
            commit=self.commit,
            prefix=self.prefix + prefix,
            links={
                link[cut:]: target[cut:]
                for link, target in self.links.items()
                if inside(link) and inside(target)
            },
            parent=self if inherit else None,
            tree=self.tree,
            dir_links={
                link[cut:]: target[cut:]
                for link, target in self.dir_links.items()
                if inside(link) and inside(target)
            },
        )


class _Rerooted(Mapping[str, V]):
    """A read-only mapping seen from a package: keys are relative to the package directory."""

    def __init__(self, inner: Mapping[str, V], prefix: str) -> None:
        self._inner = inner
        self._prefix = prefix

    def __getitem__(self, key: str) -> V:
        return self._inner[self._prefix + key]

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and (self._prefix + key) in self._inner

    def __iter__(self) -> Iterator[str]:
        cut = len(self._prefix)
        return (k[cut:] for k in self._inner if k.startswith(self._prefix))

    def __len__(self) -> int:
        return sum(1 for _ in self)


def _holds(paths: list[str], path: str) -> bool:
    """Whether sorted `paths` hold `path`, or (for a `dir/`) a path below it."""
    at = bisect.bisect_left(paths, path)
    return (
        at < len(paths) and paths[at].startswith(path) and (path.endswith("/") or paths[at] == path)
    )
