"""Running git on an untrusted work tree: which git, which metadata it would read."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from auditor.git_command import GitUnusable, check_metadata, git_executable, git_output


def test_git_is_found_only_in_absolute_path_entries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    planted = tmp_path / "git"
    planted.write_text("#!/bin/sh\nexit 0\n", "utf-8")
    planted.chmod(0o755)
    monkeypatch.chdir(tmp_path)
    real = git_executable()
    monkeypatch.setenv("PATH", os.pathsep.join(["", ".", os.environ["PATH"]]))
    assert git_executable() == real and real is not None
    assert Path(real).is_absolute() and Path(real) != planted
    monkeypatch.setenv("PATH", ".")
    assert git_executable() is None
    assert git_output(tmp_path, "--version") is None


def test_a_fifo_in_a_linked_work_trees_common_directory_is_found(
    make_repo: Callable[..., Path], tmp_path: Path
) -> None:
    """A linked work tree's `.git` is a file naming its git directory, whose `commondir`
    names the main repository's: git reads `info/exclude` there."""
    main = make_repo({"a.py": "x = 1\n"}, git=True)
    linked = tmp_path / "linked"
    subprocess.run(
        ["git", "worktree", "add", "-q", str(linked)], cwd=main, check=True, capture_output=True
    )
    check_metadata(linked)
    (main / ".git" / "info" / "exclude").unlink()
    os.mkfifo(main / ".git" / "info" / "exclude")
    with pytest.raises(GitUnusable) as refused:
        check_metadata(linked)
    assert refused.value.path == os.path.relpath(main / ".git/info/exclude", linked)


def test_a_fifo_as_dot_git_is_not_a_repository(make_repo: Callable[..., Path]) -> None:
    root = make_repo({"a.py": "x = 1\n"})
    os.mkfifo(root / ".git")
    check_metadata(root)  # git skips it: no stall, nothing to refuse
    assert git_output(root, "rev-parse", "--is-inside-work-tree") is None
