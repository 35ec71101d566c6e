"""Git repositories with a history, built at test time: one commit per dict of changes."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path

Change = str | bytes | None
"""A file's new content, or None to delete it."""
LINK = "symlink:"
"""A text change starting with this makes a symbolic link to the rest of the text."""
EXECUTABLE = "exec:"
"""A text change starting with this makes an executable file of the rest."""
GITLINK = "gitlink:"
"""A text change starting with this makes a submodule entry for the commit id that follows."""


def git(root: Path, *args: str, date: int = 0) -> str:
    """Run git in `root` with a fixed identity and (commit) date; its stdout."""
    stamp = f"{1_700_000_000 + date * 3600} +0000"
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("GIT_")},
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.com",
        "GIT_AUTHOR_DATE": stamp,
        "GIT_COMMITTER_DATE": stamp,
    }
    done = subprocess.run(
        ["git", *args], cwd=root, env=env, check=True, capture_output=True, text=True
    )
    return done.stdout


def apply(root: Path, changes: Mapping[str, Change]) -> None:
    """Write, link or delete each path of `changes` under `root`."""
    for rel, change in changes.items():
        path = root / rel
        if change is None:
            path.unlink()
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_symlink() or path.is_file():
            path.unlink()
        if isinstance(change, bytes):
            path.write_bytes(change)
        elif change.startswith(LINK):
            path.symlink_to(change[len(LINK) :])
        elif change.startswith(GITLINK):
            path.mkdir(exist_ok=True)  # an unpopulated submodule, as a clone leaves it
        elif change.startswith(EXECUTABLE):
            path.write_text(change[len(EXECUTABLE) :], encoding="utf-8")
            path.chmod(0o755)
        else:
            path.write_text(change, encoding="utf-8")


def make_history(root: Path, commits: Sequence[Mapping[str, Change]]) -> list[str]:
    """A repository at `root` with one commit per change set (dates an hour apart, so
    hashes are the same on every run); the commit ids, oldest first."""
    root.mkdir(parents=True, exist_ok=True)
    git(root, "init", "-q", "-b", "main")
    shas = []
    for number, changes in enumerate(commits):
        apply(root, changes)
        git(root, "add", "-A")
        for rel, change in changes.items():
            if isinstance(change, str) and change.startswith(GITLINK):
                entry = f"160000,{change[len(GITLINK) :]},{rel}"
                git(root, "update-index", "--add", "--cacheinfo", entry)
            elif change is not None:
                git(root, "add", "-f", "--", rel)  # tracked even where .gitignore ignores it
        git(root, "commit", "-q", "--allow-empty", "-m", f"step {number}", date=number)
        shas.append(git(root, "rev-parse", "HEAD").strip())
    return shas


def checkout(source: Path, rev: str, target: Path) -> Path:
    """A fresh clone of `source` at `target`, checked out at `rev` (submodules left empty)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    git(target.parent, "clone", "-q", "--no-checkout", str(source), target.name)
    git(target, "checkout", "-q", "--detach", rev)
    return target
