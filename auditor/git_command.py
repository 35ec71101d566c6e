"""git run on an untrusted work tree: none of its hooks or commands, no terminal, no stall."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import time
from pathlib import Path

GIT = (
    "git",
    "-c",
    "core.fsmonitor=",
    "-c",
    "core.hooksPath=/dev/null",
    "-c",
    "core.quotepath=off",
)
"""The audited tree's `.git/config` is not trusted. An empty `core.fsmonitor` turns off the
command git would otherwise run on `ls-files` (the command line outranks the repository's
config; "false" is a command name to git before 2.36, the empty value is off in every
version), and no hook directory is searched. Nothing else in git's config runs a program for
the commands used here (rev-parse, ls-files, ls-tree, cat-file, merge-base, and diff-tree
with --name-status, which compares trees, never the work tree). `git diff` and `git status`
are never used: comparing work-tree files runs the clean filters and textconv programs the
repository's config names (`auditor.worktree_diff` compares them instead)."""
TIMEOUT = 120.0
"""Seconds any git command may take before it is stopped and the walk is used instead."""
POLL = 0.1
"""How often a running git is checked for waiting on a FIFO."""
STALLED_POLLS = 5
"""Consecutive polls git must be seen waiting on a FIFO before it is stopped (0.5 s)."""
FIFO_WAITS = frozenset({"wait_for_partner", "fifo_open"})
"""Linux's /proc/PID/wchan of a process blocked opening a FIFO that has no writer."""
METADATA = (
    "HEAD",
    "config",
    "config.worktree",
    "commondir",
    "index",
    "packed-refs",
    "info/exclude",
    "info/sparse-checkout",
)
"""Files in a git directory that the commands used here open: one that is a FIFO (or any
other special file) would block git until a writer appears, so git is not run at all."""
MAX_GITFILE_BYTES = 4096


class GitUnusable(Exception):
    """git is not run, or was stopped, on this tree: the walk lists its files instead."""

    def __init__(self, path: str, kind: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.kind = kind
        self.message = message


def git_output(root: Path, *args: str) -> str | None:
    """git's stdout for `args` run in `root`, or None when git failed or could not start.

    It runs with none of the caller's GIT_* variables (a hook's GIT_DIR...), no standard
    input, and in a session of its own, so a config that includes `/dev/tty` cannot wait on
    the user's terminal. Raises GitUnusable when git would wait forever on a FIFO.
    """
    process = git_process(root, *args)
    if process is None:
        return None
    with process:
        out = _wait(process)
    if out is None or process.returncode != 0:
        return None
    return out.decode("utf-8", "surrogateescape")


def git_process(root: Path, *args: str, stdin: bool = False) -> subprocess.Popen[bytes] | None:
    """git started on `root` as `git_output` runs it, its stdout a pipe (and its stdin, with
    `stdin`: `cat-file --batch`); None when git is not found or cannot start. The caller
    reads it and must not let it outlive its use."""
    executable = git_executable()
    if executable is None:
        return None
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(GIT_OPTIONAL_LOCKS="0", GIT_TERMINAL_PROMPT="0")
    try:
        return subprocess.Popen(
            [executable, *GIT[1:], "-C", str(root), *args],
            stdin=subprocess.PIPE if stdin else subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
            start_new_session=True,
        )
    except (OSError, subprocess.SubprocessError):
        return None


def git_executable() -> str | None:
    """The absolute path of git on PATH, searching only PATH's absolute directories: an empty
    or relative entry (`PATH=:/usr/bin`, `.`) would find a `git` planted in the current
    directory, which may be the checkout being audited."""
    directories = os.environ.get("PATH", os.defpath).split(os.pathsep)
    found = shutil.which("git", path=os.pathsep.join(d for d in directories if os.path.isabs(d)))
    return os.path.abspath(found) if found else None


def _wait(process: subprocess.Popen[bytes]) -> bytes | None:
    """The output of `process` once it exits; None when it ran out of time.

    Raises GitUnusable when it is seen waiting to open a FIFO for half a second: that wait
    ends only when something else opens the FIFO for writing, which may be never.
    """
    deadline = time.monotonic() + TIMEOUT
    stalled = 0
    while stalled < STALLED_POLLS and time.monotonic() < deadline:
        try:
            out, _ = process.communicate(timeout=POLL)
            return out
        except subprocess.TimeoutExpired:
            stalled = stalled + 1 if waits_on_fifo(process.pid) else 0
    process.kill()
    process.communicate()
    if stalled >= STALLED_POLLS:
        message = "git waited to open a FIFO: not used; files found by walking instead"
        raise GitUnusable(".", "special", message)
    return None


def waits_on_fifo(pid: int) -> bool:
    """Whether the process is blocked opening a FIFO (Linux; False where that is unknown)."""
    try:
        with open(f"/proc/{pid}/wchan", "rb") as wchan:
            return wchan.read(64).decode("ascii", "replace").strip() in FIFO_WAITS
    except OSError:
        return False


def check_metadata(root: Path) -> None:
    """Raise GitUnusable when the git directory that git would find for `root` holds a
    special file where git expects a regular one (a FIFO as `.git/info/exclude`)."""
    for directory in _git_directories(root):
        for name in METADATA:
            path = directory / name
            try:
                mode = path.stat().st_mode
            except OSError:
                continue  # absent, or a dangling link: git sees no file either
            if not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
                shown = Path(os.path.relpath(path, root)).as_posix()
                message = "not a regular file: git not run; files found by walking instead"
                raise GitUnusable(shown, "special", message)


def _git_directories(root: Path) -> list[Path]:
    """The git directory (and, for a linked work tree, its common directory) git would use
    for `root`: the first `.git` in `root` or above it; none when there is none."""
    for directory in (root, *root.parents):
        dot_git = directory / ".git"
        try:
            mode = dot_git.lstat().st_mode
        except OSError:
            continue
        if stat.S_ISDIR(mode):
            return [dot_git]
        if stat.S_ISREG(mode):
            named = _named_directory(dot_git, "gitdir:")
            if named is None:
                return []
            common = _named_directory(named / "commondir", "")
            return [named] if common is None else [named, common]
        return []  # git skips a `.git` that is neither a file nor a directory
    return []


def _named_directory(path: Path, prefix: str) -> Path | None:
    """The directory a small regular file names (`gitdir: ../x`), relative to its folder."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        if not stat.S_ISREG(path.lstat().st_mode):
            return None
        with os.fdopen(os.open(path, flags), "rb") as stream:
            text = stream.read(MAX_GITFILE_BYTES).decode("utf-8", "surrogateescape").strip()
    except OSError:
        return None
    if not text.startswith(prefix) or "\n" in text:
        return None
    named = text[len(prefix) :].strip()
    return (path.parent / named) if named else None
