"""Atomic replacement of a file: the new bytes are complete before they take the file's name."""

from __future__ import annotations

import os
import secrets
import tempfile
from pathlib import Path

TEMP_PREFIX = ".auditor-"
TEMP_SUFFIX = ".tmp"
AT_FDCWD = -100
AT_EMPTY_PATH = 0x1000


def write_atomically(target: Path, data: bytes, mode: int) -> None:
    """`target` holds `data` with permission bits `mode`, or its old content if this fails.

    The bytes go to an anonymous file in the target's directory (Linux `O_TMPFILE`), which
    gets a temporary name only once it is complete and is then renamed over the target: a
    process killed mid-write leaves neither a torn target nor a temporary file. Where there
    are no anonymous files, a named temporary file (`.auditor-*.tmp`) stands in, removed on
    any error the process lives to see.
    """
    temporary = _complete_anonymous(target.parent, data, mode)
    if temporary is None:
        temporary = _complete_named(target.parent, data, mode)
    try:
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _complete_anonymous(directory: Path, data: bytes, mode: int) -> Path | None:
    """A temporary name holding `data`, written while it had none; None where that fails."""
    flags = getattr(os, "O_TMPFILE", 0)
    if not flags:
        return None
    try:
        fd = os.open(directory, flags | os.O_WRONLY | os.O_CLOEXEC, 0o600)
    except OSError:
        return None
    try:
        os.fchmod(fd, mode)
        _fill(fd, data)
        return _give_name(fd, directory / f"{TEMP_PREFIX}{secrets.token_hex(8)}{TEMP_SUFFIX}")
    finally:
        os.close(fd)


def _give_name(fd: int, name: Path) -> Path | None:
    """`name` linked to the anonymous file `fd`, through /proc or `linkat(AT_EMPTY_PATH)`."""
    try:
        os.link(f"/proc/self/fd/{fd}", name, follow_symlinks=True)
        return name
    except OSError:
        pass
    try:
        import ctypes

        linkat = ctypes.CDLL(None, use_errno=True).linkat
    except (OSError, AttributeError):
        return None
    linked = linkat(fd, b"", AT_FDCWD, os.fsencode(name), AT_EMPTY_PATH) == 0
    return name if linked else None


def _complete_named(directory: Path, data: bytes, mode: int) -> Path:
    fd, name = tempfile.mkstemp(dir=directory, prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX)
    try:
        try:
            _fill(fd, data)
        finally:
            os.close(fd)
        os.chmod(name, mode)
    except BaseException:
        os.unlink(name)
        raise
    return Path(name)


def _fill(fd: int, data: bytes) -> None:
    _write_all(fd, data)
    os.fsync(fd)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
