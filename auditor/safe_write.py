"""Every file the auditor writes: never through a planted link, never torn by a kill."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from auditor.anonymous_file import write_atomically
from auditor.errors import UsageError


class WriteRefused(UsageError):
    """A write the auditor will not do: its message names the path and the reason.

    Two kinds of target. A scaffolding file (`agents-md --write`, `--link`) is named relative
    to the repository root and must stay inside it. A report or badge (`audit -o`, `badge -o`)
    is a path the user chose and may lie anywhere. For both, a symbolic link that lives inside
    the untrusted tree (the audited repository) is never followed, and the file itself is
    never a link, a directory or a device. Links outside that tree (a home directory on
    another disk, macOS's `/tmp`) are the user's own and are followed. The checks and the
    write are not atomic together: they guard against links planted in a checkout before the
    run, not against a process racing the auditor.
    """


def scaffold_target(root: Path, relative: str) -> Path:
    """Where to write `relative` (a POSIX path under `root`), checked; or WriteRefused."""
    parts = Path(relative).parts
    if not parts or Path(relative).is_absolute() or ".." in parts:
        raise WriteRefused(f"{relative}: is outside the repository root; not written")
    target = _checked(root / relative, root.resolve(), relative)
    if not target.is_relative_to(root.resolve()):
        raise WriteRefused(f"{relative}: resolves outside the repository root; not written")
    return target


def output_target(path: Path, untrusted: Path) -> Path:
    """Where to write the user-named `path`, checked against links inside `untrusted` and
    for permission, so a command can refuse before the work whose result it would write."""
    target = _checked(Path(os.path.abspath(path)), untrusted.resolve(), str(path))
    _writable(target, str(path))
    return target


def output_dir(path: Path, untrusted: Path) -> Path:
    """The user-named directory `path` to write files into, checked like `output_target`."""
    return _checked(Path(os.path.abspath(path)), untrusted.resolve(), str(path), is_dir=True)


def write_text(target: Path, content: str, shown: str) -> None:
    """Write `content` (UTF-8, newlines as given) to the checked `target`, atomically.

    `shown` names the file in messages. The file keeps its permission bits (a new one gets
    0o644). A read-only file or directory, or any error of the file system, is WriteRefused.
    The target holds the old bytes or the new, never a part (`write_atomically`).
    """
    _writable(target, shown)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        current = _lstat(target)
        mode = stat.S_IMODE(current.st_mode) if current is not None else 0o644
        write_atomically(target, content.encode("utf-8"), mode)
    except OSError as error:
        raise WriteRefused(f"{shown}: cannot write: {error.strerror or error}") from None


def read_current(target: Path, limit: int, shown: str) -> bytes | None:
    """The bytes of the checked `target`, None if it does not exist; at most `limit` + 1.

    An unreadable file is a WriteRefused: what cannot be read cannot be known to be ours.
    """
    if _lstat(target) is None:
        return None
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        with os.fdopen(os.open(target, flags), "rb") as source:
            return source.read(limit + 1)
    except OSError as error:
        raise WriteRefused(f"{shown}: cannot read: {error.strerror or error}") from None


def _checked(path: Path, untrusted: Path, shown: str, is_dir: bool = False) -> Path:
    """`path` with its links resolved, or WriteRefused: a link inside `untrusted` (or, for a
    file, the file itself, anywhere) is never followed; the last component must be a regular
    file (with `is_dir`, a directory) or absent."""
    current = Path(path.anchor)
    names = path.parts[1:]
    for position, name in enumerate(names):
        candidate = current / name
        info = _lstat(candidate)
        if info is None:
            return current.joinpath(*names[position:])
        last = position == len(names) - 1
        if stat.S_ISLNK(info.st_mode):
            if (last and not is_dir) or current.is_relative_to(untrusted):
                which = "" if last else f"{_inside(candidate, untrusted)} "
                raise WriteRefused(
                    f"{shown}: {which}is a symbolic link (to {os.readlink(candidate)}); "
                    "not written through it"
                )
            candidate = candidate.resolve()
            info = candidate.stat()
        current = candidate
        if last:
            _kind(info, shown, is_dir)
        elif not stat.S_ISDIR(info.st_mode):
            raise WriteRefused(f"{shown}: {_inside(candidate, untrusted)} is not a directory")
    return current


def _inside(path: Path, tree: Path) -> str:
    """`path` relative to `tree` when it lies inside it, else as it is."""
    return path.relative_to(tree).as_posix() if path.is_relative_to(tree) else str(path)


def _kind(info: os.stat_result, shown: str, is_dir: bool) -> None:
    if is_dir and not stat.S_ISDIR(info.st_mode):
        raise WriteRefused(f"{shown}: is not a directory; not written")
    if not is_dir and stat.S_ISDIR(info.st_mode):
        raise WriteRefused(f"{shown}: is a directory; not written")
    if not is_dir and not stat.S_ISREG(info.st_mode):
        raise WriteRefused(f"{shown}: is not a regular file (a device, FIFO or socket)")


def _writable(target: Path, shown: str) -> None:
    """WriteRefused when `target`, or the nearest directory that exists above it, is read-only.

    Read-only means no write permission for this user or no write bit at all, so a file a
    person marked read-only stays untouched even for root (who could replace it).
    """
    info = _lstat(target)
    if info is not None and _read_only(target, info):
        raise WriteRefused(f"{shown}: is read-only; make it writable to let the auditor write it")
    directory = target.parent
    while _lstat(directory) is None and directory != directory.parent:
        directory = directory.parent
    if _read_only(directory, directory.stat()):
        raise WriteRefused(f"{shown}: the directory {directory} is read-only; not written")


def _read_only(path: Path, info: os.stat_result) -> bool:
    return not info.st_mode & 0o222 or not os.access(path, os.W_OK)


def _lstat(path: Path) -> os.stat_result | None:
    try:
        return path.lstat()
    except FileNotFoundError:
        return None
