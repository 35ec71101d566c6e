"""A writer killed mid-write leaves the old file or the new, and no temporary file behind."""

from __future__ import annotations

import os
import select
import signal
from pathlib import Path

import pytest

from auditor import anonymous_file
from auditor.anonymous_file import write_atomically
from tests.hostile.writes_repo import PLAIN, hostile_repo, spawn, temporary_files

STALLED = """
import os, sys, time
from auditor import anonymous_file

signal_to_parent = os.fdopen(os.dup(1), "w")
sys.stdout = open(os.devnull, "w")

def stall(fd, data):
    os.write(fd, data[: len(data) // 2])
    print("half written", file=signal_to_parent, flush=True)
    time.sleep(120)

anonymous_file._write_all = stall
from auditor.cli import run
run(sys.argv[1:])
"""
"""The CLI in a child whose every write stops halfway until it is killed; the child says so
on its stdout (the CLI's own output goes nowhere)."""
OLD = "# Ours\n\n<!-- auditor:begin -->\n- Run the tests: `tox`\n<!-- auditor:end -->\n"


def anonymous_files_work(directory: Path) -> bool:
    """Whether this system can write an anonymous file in `directory` and then name it."""
    named = anonymous_file._complete_anonymous(directory, b"", 0o600)
    if named is not None:
        named.unlink()
    return named is not None


@pytest.mark.slow
@pytest.mark.parametrize(
    ("args", "written"),
    [
        (("agents-md", "{root}", "--write"), "AGENTS.md"),
        (("audit", "{root}", "-q", "-o", "{root}/report.md"), "report.md"),
        (("badge", "{root}", "-o", "{root}/badges"), "badges/auditor-badge.svg"),
    ],
    ids=["agents-md", "audit-o", "badge-o"],
)
@pytest.mark.parametrize("existing", [True, False], ids=["over-old", "new"])
def test_a_writer_killed_mid_write_leaves_no_torn_file_and_no_temporary(
    tmp_path: Path, args: tuple[str, ...], written: str, existing: bool
) -> None:
    if not anonymous_files_work(tmp_path):
        pytest.skip("no anonymous temporary files (O_TMPFILE, then linkat) here")
    root = hostile_repo(tmp_path / "repo")
    target = root / written
    if existing:
        target.parent.mkdir(exist_ok=True)
        target.write_text(OLD)
    child = spawn(STALLED, *(arg.format(root=root) for arg in args))
    assert child.stdout is not None
    ready, _, _ = select.select([child.stdout], [], [], 120)
    said = child.stdout.readline() if ready else "nothing in 120 s"
    child.send_signal(signal.SIGKILL)
    errors = child.communicate()[1]
    assert said == "half written\n", errors
    assert child.returncode == -signal.SIGKILL
    if existing:
        assert target.read_text() == OLD
    else:
        assert not target.exists()
    assert temporary_files(tmp_path) == []
    assert {p: (root / p).read_text() for p in PLAIN} == PLAIN


@pytest.mark.parametrize("anonymous", [True, False], ids=["anonymous", "named"])
def test_a_failed_write_keeps_the_old_file_and_removes_its_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, anonymous: bool
) -> None:
    if not anonymous:
        monkeypatch.delattr(os, "O_TMPFILE", raising=False)
    target = tmp_path / "AGENTS.md"
    target.write_text(OLD)

    def fail_halfway(fd: int, data: bytes) -> None:
        os.write(fd, data[: len(data) // 2])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(anonymous_file, "_write_all", fail_halfway)
    with pytest.raises(OSError, match="No space left"):
        write_atomically(target, b"new content\n" * 100, 0o644)
    assert target.read_text() == OLD
    assert temporary_files(tmp_path) == []


def test_the_new_file_gets_the_old_ones_permissions(tmp_path: Path) -> None:
    target = tmp_path / "AGENTS.md"
    write_atomically(target, b"one\n", 0o640)
    assert (target.read_bytes(), target.stat().st_mode & 0o777) == (b"one\n", 0o640)
    assert temporary_files(tmp_path) == []
