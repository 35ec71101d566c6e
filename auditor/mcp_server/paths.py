"""Paths an MCP client sends, checked: inside the served root, never through a link out of it."""

from __future__ import annotations

import os
import posixpath
from pathlib import Path, PurePosixPath

from auditor.errors import UsageError

MAX_PATH = 4096
"""Linux's PATH_MAX: no longer path names a file."""


class OutsideRoot(UsageError):
    """A path that names something outside the served repository, or nothing in it."""


def inside_root(root: Path, given: str) -> str:
    """`given` as a POSIX path relative to `root` ("" for the root itself).

    A relative path is taken from the root; an absolute one must lie inside it. Refused,
    with a message that says why: a NUL byte, a `..` part, an absolute path elsewhere, and a
    path that is, or runs through, a symbolic link resolving outside the root. Whether the
    path exists is the caller's question (the index knows).
    """
    if "\0" in given:
        raise OutsideRoot("a path may not hold a NUL byte")
    if len(given) > MAX_PATH:
        raise OutsideRoot(f"a path of {len(given):,} characters is longer than any path here")
    text = given.strip().replace("\\", "/")
    parts = PurePosixPath(text).parts
    if ".." in parts:
        raise OutsideRoot(f"{given!r}: a path may not hold '..'; name it from the repository root")
    real_root = root.resolve()
    if text.startswith("/"):
        try:
            text = Path(text).relative_to(real_root).as_posix()
        except ValueError:
            try:
                text = Path(text).relative_to(root).as_posix()
            except ValueError:
                raise OutsideRoot(f"{given!r} is not inside the repository {root}") from None
    relative = posixpath.normpath(text) if text not in ("", ".") else ""
    relative = "" if relative == "." else relative
    resolved = Path(os.path.realpath(real_root / relative)) if relative else real_root
    if resolved != real_root and real_root not in resolved.parents:
        raise OutsideRoot(
            f"{given!r} is a symbolic link, or runs through one, out of the repository"
        )
    return relative
