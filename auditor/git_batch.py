"""git objects read through one watched process: `cat-file --batch` answers, and blob streams.

Both are started through `auditor.git_command` (no hooks, no fsmonitor, none of the caller's
GIT_* variables) and read with a watch: git waiting on a FIFO planted in the object store, or
running past the timeout, is stopped and GitUnusable raised, never a hang.
"""

from __future__ import annotations

import io
import os
import select
import subprocess
import time
from pathlib import Path

from auditor.bounded_read import NotRead
from auditor.git_command import (
    POLL,
    STALLED_POLLS,
    TIMEOUT,
    GitUnusable,
    git_process,
    waits_on_fifo,
)

READ_BYTES = 1 << 16
WINDOW_FILES = 512
"""Object ids asked of `cat-file --batch` at once: 512 requests (41 bytes each) fit in a pipe
buffer, so writing them never waits for git, which may be waiting for its answers to be read."""


class Batch:
    """One `git cat-file --batch`: an object id written, its header and bytes read back."""

    def __init__(self, root: Path) -> None:
        process = git_process(root, "cat-file", "--batch", stdin=True)
        if process is None:
            raise GitUnusable(".", "unreadable", "git could not start")
        self.process = process
        self.buffer = bytearray()

    def read(self, sha: str) -> bytes:
        data = self.read_many([sha])[0]
        if data is None:
            raise NotRead("object missing from the repository")
        return data

    def read_many(self, shas: list[str]) -> list[bytes | None]:
        """The contents of `shas` (at most WINDOW_FILES), asked in one write; None for an
        object the repository lacks."""
        stdin = self.process.stdin
        assert stdin is not None
        try:
            stdin.write(b"".join(sha.encode("ascii") + b"\n" for sha in shas))
            stdin.flush()
        except OSError:
            raise GitUnusable(".", "unreadable", "git stopped reading objects") from None
        return [self._answer() for _ in shas]

    def _answer(self) -> bytes | None:
        header = self._until_newline()
        fields = header.split()
        if len(fields) != 3 or not fields[2].isdigit():
            return None  # `<id> missing`: git writes nothing more for it
        return self._exactly(int(fields[2]) + 1)[:-1]

    def _until_newline(self) -> bytes:
        end = self.buffer.find(b"\n")
        while end < 0:
            self._fill()
            end = self.buffer.find(b"\n")
        line = bytes(self.buffer[:end])
        del self.buffer[: end + 1]
        return line

    def _exactly(self, count: int) -> bytes:
        while len(self.buffer) < count:
            self._fill()
        data = bytes(self.buffer[:count])
        del self.buffer[:count]
        return data

    def _fill(self) -> None:
        stdout = self.process.stdout
        assert stdout is not None
        data = _read_watched(self.process, stdout.fileno())
        if not data:
            raise GitUnusable(".", "unreadable", "git stopped reading objects")
        self.buffer += data

    def close(self) -> None:
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                stream.close()
        self.process.kill()
        self.process.wait()


def _read_watched(process: subprocess.Popen[bytes], fd: int) -> bytes:
    """The next bytes git writes to `fd` (empty at its end); GitUnusable when git stalls on a
    FIFO or runs out of time first."""
    deadline = time.monotonic() + TIMEOUT
    stalled = 0
    while stalled < STALLED_POLLS and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], POLL)
        if ready:
            return os.read(fd, READ_BYTES)
        stalled = stalled + 1 if waits_on_fifo(process.pid) else 0
    process.kill()
    raise GitUnusable(".", "special", "git waited on a FIFO or ran out of time reading objects")


class BlobStream(io.RawIOBase):
    """The stdout of `git cat-file blob`, read as a file; the process ends with the stream."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        self.process = process
        self.pending = b""
        self.ended = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        view = memoryview(buffer).cast("B")
        if not self.pending and not self.ended:
            stdout = self.process.stdout
            assert stdout is not None
            self.pending = _read_watched(self.process, stdout.fileno())
            self.ended = not self.pending
        count = min(len(view), len(self.pending))
        view[:count] = self.pending[:count]
        self.pending = self.pending[count:]
        return count

    def close(self) -> None:
        if not self.closed:
            if self.process.stdout is not None:
                self.process.stdout.close()
            self.process.kill()
            self.process.wait()
        super().close()
