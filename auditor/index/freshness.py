"""Whether the files an index was built from are unchanged: a stamp of their stats, cheap to take.

The stamp holds (size, mtime, inode) of every indexed file and link, of every directory
holding one (a file added or removed changes its directory's mtime) and of the git index (a
`git add` changes what discovery lists). Taking it costs one `lstat` per entry: a few
milliseconds for thousands of files, against seconds for reading them again. A stamp that
differs says "something may have changed"; the caller rebuilds the index, whose content-hash
caches keep the rebuild to the files that really did.
"""

from __future__ import annotations

import os
import posixpath

from auditor.index.repository import RepositoryIndex

Stat = tuple[int, int, int] | None
"""(size, mtime in ns, inode), or None for an entry that is gone."""
Stamp = tuple[Stat, ...]

GIT_FILES = (".git/index", ".git/HEAD")


class Stamper:
    """Takes the stamp of what one index was built from; the entries are listed once."""

    def __init__(self, index: RepositoryIndex) -> None:
        paths = {f.path for f in index.files} | set(index.symlinks) | set(index.links)
        directories = {""}
        for path in paths:
            parent = posixpath.dirname(path)
            while parent not in directories:
                directories.add(parent)
                parent = posixpath.dirname(parent)
        entries = paths | {f"{d}/" if d else "./" for d in directories} | set(GIT_FILES)
        root = os.fspath(index.root)
        self.entries = tuple(sorted(entries))
        self._absolute = tuple(f"{root}/{entry}" for entry in self.entries)

    def take(self) -> Stamp:
        """The stats of every entry now, in the order of `entries`."""
        return tuple(map(_stat, self._absolute))


def _stat(path: str) -> Stat:
    try:
        found = os.lstat(path)
    except OSError:
        return None
    return (found.st_size, found.st_mtime_ns, found.st_ino)
