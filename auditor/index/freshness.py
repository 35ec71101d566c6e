"""Whether the files an index was built from are unchanged: a stamp of their stats, cheap to take.

The stamp holds (path, size, mtime, inode) for every indexed file and link, for every
directory holding one (a file added or removed changes its directory's mtime) and for the
git index (a `git add` changes what discovery lists). Taking it costs one `lstat` per entry:
a few milliseconds for thousands of files, against seconds for reading them again. A stamp
that differs says "something may have changed"; the caller rebuilds the index, whose
content-hash caches keep the rebuild to the files that really did.
"""

from __future__ import annotations

import os
import posixpath
from pathlib import Path

from auditor.index.repository import RepositoryIndex

Stat = tuple[int, int, int] | None
"""(size, mtime in ns, inode), or None for an entry that is gone."""
Stamp = tuple[tuple[str, Stat], ...]

GIT_FILES = (".git/index", ".git/HEAD")


def stamp(index: RepositoryIndex) -> Stamp:
    """The stats of everything `index` was built from (see the module's docstring)."""
    paths = {f.path for f in index.files} | set(index.symlinks) | set(index.links)
    directories = {""}
    for path in paths:
        parent = posixpath.dirname(path)
        while parent not in directories:
            directories.add(parent)
            parent = posixpath.dirname(parent)
    root = index.root
    entries = sorted(paths | {f"{d}/" if d else "./" for d in directories} | set(GIT_FILES))
    return tuple((entry, _stat(root / entry)) for entry in entries)


def _stat(path: Path) -> Stat:
    try:
        found = os.lstat(path)
    except OSError:
        return None
    return (found.st_size, found.st_mtime_ns, found.st_ino)
