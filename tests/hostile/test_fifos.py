"""FIFOs where files belong: never opened for reading by the auditor, and git is never left
waiting on one (opening a FIFO blocks until a writer comes, which may be never).

Budget: each run must finish within FIFO_BUDGET seconds, measured here. A run on these tiny
repositories takes well under a second; git, stopped when seen waiting on a FIFO, costs half a
second per git command; before, each run waited out git's 120 s timeout.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from auditor.git_command import waits_on_fifo
from tests.hostile.conftest import Invoke, Outcome, assert_survived

FIFO_BUDGET = 15.0
PLAIN = {"README.md": "# x\n\nRun `pytest`.\n", "AGENTS.md": "# Agents\n", "src/app.py": "x = 1\n"}


def fifo_waits_are_visible() -> bool:
    """Whether this system shows a process waiting to open a FIFO as git_command looks for it
    (Linux's /proc/PID/wchan): a child is made to wait on one, and looked at."""
    with tempfile.TemporaryDirectory() as scratch:
        fifo = Path(scratch, "fifo")
        os.mkfifo(fifo)
        child = subprocess.Popen([sys.executable, "-c", f"open({str(fifo)!r})"])
        try:
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline and not waits_on_fifo(child.pid):
                time.sleep(0.05)
            return waits_on_fifo(child.pid)
        finally:
            child.kill()
            child.wait()


needs_wchan = pytest.mark.skipif(
    not fifo_waits_are_visible(),
    reason="a git waiting on a FIFO is seen through /proc/PID/wchan, which this system does "
    "not show; such a wait ends at git's 120 s timeout here (SECURITY.md)",
)


def plant_fifo(root: Path, rel: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        path.unlink()
    os.mkfifo(path)


def timed(invoke: Invoke, *args: str | Path) -> tuple[Outcome, float]:
    started = time.monotonic()
    outcome = invoke(*args)
    return outcome, time.monotonic() - started


@pytest.fixture
def committed(make_repo: Callable[..., Path]) -> Path:
    return make_repo(PLAIN, git=True)


@pytest.mark.parametrize("rel", [".git/info/exclude", ".git/config", ".git/HEAD", ".git/index"])
def test_a_fifo_in_the_git_directory_means_git_is_not_run(
    rel: str, committed: Path, invoke: Invoke
) -> None:
    plant_fifo(committed, rel)
    outcome, seconds = timed(invoke, "audit", committed, "--format", "json", "--no-cache")
    assert_survived(outcome)
    assert seconds < FIFO_BUDGET
    assert outcome.diagnostics(rel) == [
        "special: not a regular file: git not run; files found by walking instead"
    ]
    assert "src/app.py" in outcome.out  # found by the walk instead


@needs_wchan
@pytest.mark.parametrize("rel", [".gitignore", "src/.gitignore", "untracked/.gitignore"])
def test_a_fifo_gitignore_does_not_stall_git(rel: str, committed: Path, invoke: Invoke) -> None:
    plant_fifo(committed, rel)
    for args in (["audit", "--format", "json", "--no-cache"], ["agents-md", "--check"]):
        outcome, seconds = timed(invoke, args[0], committed, *args[1:])
        assert_survived(outcome)
        assert seconds < FIFO_BUDGET, args
    outcome = invoke("audit", committed, "--format", "json", "--no-cache")
    assert outcome.diagnostics(".") == [
        "special: git waited to open a FIFO: not used; files found by walking instead"
    ]
    assert outcome.diagnostics(rel) == ["special: not a regular file: not read"]


@needs_wchan
@pytest.mark.parametrize("key", ["core.excludesFile", "include.path"])
def test_a_git_config_naming_a_fifo_does_not_stall_git(
    key: str, committed: Path, invoke: Invoke
) -> None:
    """The repository's own config may name any file for git to read: a FIFO in the tree."""
    plant_fifo(committed, "pipe")
    subprocess.run(["git", "config", key, str(committed / "pipe")], cwd=committed, check=True)
    outcome, seconds = timed(invoke, "audit", committed, "--format", "json", "--no-cache")
    assert_survived(outcome)
    assert seconds < FIFO_BUDGET
    assert outcome.diagnostics("pipe") == ["special: not a regular file: not read"]


@pytest.mark.parametrize("git", [True, False], ids=["git", "walk"])
@pytest.mark.parametrize(
    "rel", ["package.json", "Cargo.toml", "go.mod", "CLAUDE.md", ".github/workflows/ci.yml"]
)
def test_a_fifo_manifest_is_listed_not_read(
    rel: str, git: bool, make_repo: Callable[..., Path], invoke: Invoke
) -> None:
    """A tracked file replaced by a FIFO (git lists no untracked FIFO at all)."""
    root = make_repo({**PLAIN, rel: "{}\n"}, git=git)
    plant_fifo(root, rel)
    outcome, seconds = timed(invoke, "audit", root, "--format", "json", "--no-cache")
    assert_survived(outcome)
    assert seconds < FIFO_BUDGET
    assert outcome.diagnostics(rel) == ["special: not a regular file: not read"]


@pytest.mark.parametrize("git", [True, False], ids=["git", "walk"])
@pytest.mark.parametrize("rel", [".auditor.toml", "pyproject.toml"])
def test_a_fifo_config_file_is_not_read(
    rel: str, git: bool, make_repo: Callable[..., Path], invoke: Invoke
) -> None:
    root = make_repo(PLAIN, git=git)
    plant_fifo(root, rel)
    for args in (["audit", "--format", "json", "--no-cache"], ["agents-md"]):
        outcome, seconds = timed(invoke, args[0], root, *args[1:])
        assert_survived(outcome)
        assert seconds < FIFO_BUDGET, args
        assert f"{rel}: not read" in outcome.err and "not a regular file" in outcome.err


def test_a_fifo_named_by_config_flag_is_a_usage_error(
    make_repo: Callable[..., Path], invoke: Invoke, tmp_path: Path
) -> None:
    root = make_repo(PLAIN)
    os.mkfifo(tmp_path / "config.toml")
    outcome, seconds = timed(invoke, "audit", root, "--config", tmp_path / "config.toml")
    assert outcome.code == 2 and seconds < FIFO_BUDGET
    assert "cannot read config: not a regular file" in outcome.err
