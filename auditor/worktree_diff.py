"""Which files of the work tree differ from a commit, found without letting git read them.

`git diff` and `git status` compare work-tree files by running the clean filters and
textconv programs the repository's config names: on an untrusted checkout that runs its
code. So git is asked only for what it holds (the commit's tree: `ls-tree`, the untracked
names and the staged ones: `ls-files`), and each work-tree file is hashed here as a git blob and
compared with the tree's. A file a filter would have changed (Git LFS, say) counts as
changed: pull-request mode then reports a little more, never less.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from auditor.git_command import git_output

CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class WorktreeDiff:
    """How the work tree differs from a commit, in paths relative to the audited directory."""

    modified: frozenset[str]
    added: frozenset[str]
    """Files not in the commit: staged, or untracked and not ignored."""
    deleted: frozenset[str]

    @property
    def changed(self) -> frozenset[str]:
        return self.modified | self.added | self.deleted


def worktree_diff(root: Path, commit: str) -> WorktreeDiff | None:
    """How the work tree at `root` differs from `commit`; None when git cannot list them."""
    listing = git_output(root, "ls-tree", "-r", "-z", commit)
    present = git_output(root, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
    if listing is None or present is None:
        return None
    modified, deleted, in_tree = set(), set(), set()
    for record in filter(None, listing.split("\0")):
        head, _, path = record.partition("\t")
        mode, kind, sha = head.split(" ")
        in_tree.add(path)
        if kind != "blob":
            continue
        current = _blob_id(root / path, mode == "120000", len(sha))
        if current is None:
            deleted.add(path)
        elif current != sha:
            modified.add(path)
    added = {path for path in present.split("\0") if path and path not in in_tree}
    return WorktreeDiff(frozenset(modified), frozenset(added), frozenset(deleted))


def _blob_id(path: Path, is_link: bool, width: int) -> str | None:
    """The git object id the file at `path` would have (SHA-1, or SHA-256 for a 64-digit
    repository), or None when it is gone."""
    digest = hashlib.sha256() if width == 64 else hashlib.sha1(usedforsecurity=False)
    try:
        if is_link:
            target = os.readlink(path).encode("utf-8", "surrogateescape")
            digest.update(b"blob %d\0" % len(target) + target)
            return digest.hexdigest()
        if path.is_symlink() or not path.is_file():  # never followed, never a FIFO opened
            return "" if path.exists() or path.is_symlink() else None
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
        with os.fdopen(os.open(path, flags), "rb") as source:
            digest.update(b"blob %d\0" % os.fstat(source.fileno()).st_size)
            while chunk := source.read(CHUNK):  # a huge file is hashed, never held
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()
