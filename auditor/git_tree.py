"""A commit's files read from git objects (`ls-tree`, `cat-file --batch`), never checked out.

`GitTree` answers what discovery and the index ask of a work tree (which paths exist, of
which kind, where a symbolic link leads, the bytes of a file up to a bound) for one commit,
the way a fresh checkout of that commit would answer them: a tracked file is a regular file,
a link entry a symbolic link (its blob is the target), a submodule entry an empty directory.
One answer may differ: a link that leads out of the repository (`..` past its top, or an
absolute path) "leaves the repository" here, where in a checkout whatever lies outside it
decides between that and "dangles". (`tests/test_git_tree_property.py` checks the rest.)

Reads go through one `git cat-file --batch` process, started lazily and watched like every
other git run (`auditor.git_command`): git waiting on a FIFO planted in the object store, or
running past the timeout, is stopped. A file over the caller's bound is never held whole;
`open` streams it from its own `git cat-file blob`.
"""

from __future__ import annotations

import io
import posixpath
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import BinaryIO

from auditor.bounded_read import NotRead
from auditor.git_batch import READ_BYTES, WINDOW_FILES, Batch, BlobStream
from auditor.git_command import GitUnusable, check_metadata, git_output, git_process

REGULAR_MODES = frozenset({"100644", "100755", "100664"})
LINK_MODE = "120000"
GITLINK_MODE = "160000"
MAX_LINK_HOPS = 40
"""Links followed while resolving one path before it counts as a loop (Linux's limit)."""
DIRECTORY = "directory"
"""`follow`'s reason for a link to a directory of the tree (its files are listed there)."""
MAX_LINK_BYTES = 4096
WINDOW_BYTES = 8 << 20
"""At most this many bytes of answers are held ahead of the reader."""


class RevisionError(Exception):
    """The revision cannot be read: not a git repository, no such commit, git missing."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One path of the commit's tree: its mode, object id and size (-1 for a submodule)."""

    mode: str
    sha: str
    size: int


@dataclass(frozen=True, slots=True)
class Commit:
    """A commit id and its committer date (ISO 8601, the committer's own offset)."""

    sha: str
    date: str | None


def commit_of(root: Path, rev: str) -> Commit | None:
    """The commit `rev` names in the repository at `root`, with its date; None if none."""
    check_metadata(root)
    out = git_output(root, "rev-parse", "--verify", "-q", "--end-of-options", f"{rev}^{{commit}}")
    sha = out.strip() if out else ""
    if not sha:
        return None
    body = git_output(root, "cat-file", "commit", sha)
    return Commit(sha, _committer_date(body or ""))


def _committer_date(body: str) -> str | None:
    """The date of the `committer` header: `committer Name <mail> 1700000000 +0100`."""
    for line in body.split("\n"):
        if not line:
            return None  # end of the headers
        if line.startswith("committer "):
            fields = line.rsplit(" ", 2)
            try:
                stamp, offset = int(fields[1]), fields[2]
                sign = -1 if offset.startswith("-") else 1
                delta = timedelta(hours=int(offset[1:3]), minutes=int(offset[3:5]))
                zone = timezone(sign * delta)
            except (IndexError, ValueError):
                return None
            return datetime.fromtimestamp(stamp, zone).isoformat()
    return None


class GitTree:
    """The files of one commit, as a checkout of it would show them."""

    def __init__(self, root: Path, commit: Commit, entries: dict[str, Entry]) -> None:
        self.root = root
        self.commit = commit
        self.entries = entries
        self.directories: set[str] = set()
        for path in entries:
            parent = posixpath.dirname(path)
            while parent and parent not in self.directories:
                self.directories.add(parent)
                parent = posixpath.dirname(parent)
        self._batch: Batch | None = None
        self._order: dict[str, int] = {}
        self._upcoming: list[str] = []
        self._window: dict[str, bytes] = {}

    @classmethod
    def load(cls, root: Path, rev: str) -> GitTree:
        """The tree of `rev` in the repository whose work tree (or git directory) is `root`."""
        try:
            commit = commit_of(root, rev)
            if commit is None:
                raise RevisionError(f"{rev}: no such commit in {root}")
            listing = git_output(root, "ls-tree", "-r", "-z", "-l", "--full-tree", commit.sha)
        except GitUnusable as unusable:
            raise RevisionError(f"{root}: git cannot be used here ({unusable.message})") from None
        if listing is None:
            raise RevisionError(f"{rev}: cannot list the tree of {commit.sha}")
        return cls(root, commit, _entries(listing))

    def paths(self) -> list[str]:
        """Every path of the tree, submodules included (as `git ls-files` lists them)."""
        return sorted(self.entries)

    def kind(self, rel: str) -> str | None:
        """ "file", "link" or "dir" (a submodule is an empty directory), or None."""
        entry = self.entries.get(rel)
        if entry is None:
            return "dir" if rel == "" or rel in self.directories else None
        if entry.mode == LINK_MODE:
            return "link"
        return "dir" if entry.mode == GITLINK_MODE else "file"

    def resolve(self, rel: str) -> str:
        """The path `rel` leads to once every link on the way is followed; NotRead("dangles"
        / "loops" / "leaves the repository") when it leads nowhere in the tree."""
        pending = [part for part in rel.split("/") if part not in ("", ".")]
        resolved: list[str] = []
        hops = 0
        at_file = False
        while pending:
            part = pending.pop(0)
            if part == "..":  # taken lexically, as Python's realpath takes it
                if not resolved:
                    raise NotRead("leaves the repository")
                resolved.pop()
                at_file = False
                continue
            if at_file:
                raise NotRead("loops")  # a file used as a directory: resolve() fails so
            here = "/".join([*resolved, part])
            kind = self.kind(here)
            if kind is None:
                raise NotRead("dangles")
            if kind == "link":
                hops += 1
                target = self._link_target(here)
                if hops > MAX_LINK_HOPS:
                    raise NotRead("loops")
                if target.startswith("/"):
                    raise NotRead("leaves the repository")
                pending = [p for p in target.split("/") if p not in ("", ".")] + pending
                continue
            at_file = kind == "file"
            resolved.append(part)
        return "/".join(resolved)

    def expect(self, paths: list[str], limit: int) -> None:
        """Say the files of `paths` will be read in this order, each up to `limit` bytes:
        their objects are then asked of git a window at a time instead of one by one."""
        self._upcoming = [p for p in paths if p in self.entries]
        self._order = {path: n for n, path in enumerate(self._upcoming)}
        self._limit = limit
        self._window.clear()

    def follow(self, rel: str) -> tuple[str | None, str]:
        """Where the link `rel` leads: (a file, ""), (a directory, DIRECTORY), or (None, why
        not: "dangles", "loops", "leaves the repository"), as a checkout's link would."""
        try:
            target = self.resolve(rel)
        except NotRead as reason:
            return None, str(reason)
        except GitUnusable:
            return None, "dangles"  # its target could not be read
        if self.kind(target) == "dir":
            parent = posixpath.dirname(rel)
            if not target or parent == target or parent.startswith(target + "/"):
                return None, "loops"
            return target, DIRECTORY
        return target, ""

    def read_rules(self, rel: str, limit: int) -> str | None:
        """A .gitattributes as `walk.read_rules` reads one: a regular file (never a link),
        its first `limit` bytes, or None."""
        if self.kind(rel) != "file":
            return None
        try:
            with self.open(rel) as stream:
                return stream.read(limit).decode("utf-8", "replace")
        except (OSError, NotRead, GitUnusable):
            return None

    def read(self, rel: str, limit: int) -> bytes | None:
        """The bytes of the file `rel` leads to, or None when it holds more than `limit`.
        NotRead when it is not a file of the tree; GitUnusable when git stalls."""
        if rel in self._window:
            return self._window.pop(rel)
        entry = self._file_entry(rel)
        if entry.size > limit:
            return None
        if rel in self._order and entry.mode in REGULAR_MODES:
            self._fill_window(rel)
            if rel in self._window:
                return self._window.pop(rel)
        return self._batch_process().read(entry.sha)

    def _fill_window(self, first: str) -> None:
        """Ask git for `first` and the regular files expected after it, in one write."""
        chosen: list[str] = []
        held = 0
        for path in self._upcoming[self._order[first] :]:
            entry = self.entries[path]
            if entry.mode not in REGULAR_MODES or entry.size > self._limit:
                continue
            if chosen and (len(chosen) >= WINDOW_FILES or held + entry.size > WINDOW_BYTES):
                break
            chosen.append(path)
            held += entry.size
        blobs = self._batch_process().read_many([self.entries[p].sha for p in chosen])
        self._window = {
            path: blob for path, blob in zip(chosen, blobs, strict=True) if blob is not None
        }  # an empty file is an answer too: leaving it out asked for the window again

    def read_inside(self, rel: str, limit: int) -> bytes:
        """As `bounded_read.read_inside`: the bytes, or NotRead saying why not."""
        data = self.read(rel, limit)
        if data is None:
            raise NotRead(f"larger than {limit:,} bytes")
        return data

    def open(self, rel: str) -> BinaryIO:
        """A stream of the file's bytes, however large, from its own `git cat-file blob`."""
        entry = self._file_entry(rel)
        process = git_process(self.root, "cat-file", "blob", entry.sha)
        if process is None:
            raise OSError(f"{rel}: git could not start")
        return io.BufferedReader(BlobStream(process), READ_BYTES)

    def close(self) -> None:
        """Stop the batch process (a later read starts another)."""
        if self._batch is not None:
            self._batch.close()
            self._batch = None

    def __enter__(self) -> GitTree:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def _file_entry(self, rel: str) -> Entry:
        target = self.resolve(rel)
        entry = self.entries.get(target)
        if entry is None or entry.mode not in REGULAR_MODES:
            raise NotRead("not a regular file")
        return entry

    def _link_target(self, rel: str) -> str:
        entry = self.entries[rel]
        if entry.size > MAX_LINK_BYTES:
            raise NotRead("loops")
        data = self._batch_process().read(entry.sha)
        return data.decode("utf-8", "surrogateescape")

    def _batch_process(self) -> Batch:
        if self._batch is None:
            self._batch = Batch(self.root)
        return self._batch


def _entries(listing: str) -> dict[str, Entry]:
    """`ls-tree -r -z -l` output: `<mode> <type> <sha> <size>\\t<path>\\0` per entry."""
    entries = {}
    for record in listing.split("\0"):
        head, tab, path = record.partition("\t")
        fields = head.split()
        if not tab or len(fields) != 4:
            continue
        mode, _, sha, size = fields
        entries[path] = Entry(mode, sha, int(size) if size.isdigit() else -1)
    return entries
