"""One named file read from an untrusted tree: a regular file, inside the root, size-bounded."""

from __future__ import annotations

import os
import stat
from pathlib import Path

NONBLOCK = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
"""Opening a FIFO for reading waits for a writer, unless non-blocking: then fstat tells."""


class NotRead(Exception):
    """The file is there but was not read; the message says why, in a few words."""


def read_inside(root: Path, path: Path, limit: int) -> bytes:
    """The bytes of `path`, a file in the tree at `root`, or NotRead (a link that leaves the
    tree, dangles or loops; not a regular file; more than `limit` bytes) or OSError.

    A link to a file inside the tree is followed, as discovery does.
    """
    try:
        target = path.resolve(strict=True)
    except FileNotFoundError:
        raise NotRead("symbolic link dangles") from None
    except (OSError, RuntimeError):
        raise NotRead("symbolic link loops") from None
    if not target.is_relative_to(root.resolve()):
        raise NotRead("symbolic link leaves the repository")
    return read_regular(target, limit, follow=False)


def read_regular(path: Path, limit: int, follow: bool = True) -> bytes:
    """The bytes of `path` if it is a regular file of at most `limit` bytes, else NotRead
    (or OSError). Without `follow`, a link at `path` itself is refused by the open."""
    flags = NONBLOCK if follow else NONBLOCK | getattr(os, "O_NOFOLLOW", 0)
    descriptor = os.open(path, flags)
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise NotRead("not a regular file")
        if info.st_size > limit:
            raise NotRead(f"larger than {_size(limit)}")
        with os.fdopen(descriptor, "rb", closefd=False) as stream:
            data = stream.read(limit + 1)  # all of it, unless it grew past the limit
    finally:
        os.close(descriptor)
    if len(data) > limit:
        raise NotRead(f"larger than {_size(limit)}")
    return data


def _size(limit: int) -> str:
    mib = 1024 * 1024
    return f"{limit // mib} MiB" if limit >= mib and limit % mib == 0 else f"{limit:,} bytes"
