"""Where a symbolic link leads, in a checkout or in a commit's tree, or why it is not followed."""

from __future__ import annotations

from pathlib import Path

from auditor.git_tree import DIRECTORY, GitTree

IN_REPOSITORY_DIRECTORY = "points to a directory"
"""The reason given with a link to a directory of the repository: its files are indexed where
they are, and the link is recorded, never followed."""


def follow_link(root: Path, rel: str) -> tuple[str | None, str]:
    """The repository-relative regular file the link `rel` resolves to, or why it is not one
    (a directory in the repository comes back with IN_REPOSITORY_DIRECTORY as the reason)."""
    link = root / rel
    try:
        target = link.resolve(strict=True)
    except FileNotFoundError:
        # where it leads decides, not whether something happens to be there outside
        return None, "leaves the repository" if _leads_out(root, link) else "dangles"
    except (OSError, RuntimeError):
        return None, "loops"
    if not target.is_relative_to(root):
        return None, "leaves the repository"
    if target.is_dir():
        if link.parent.is_relative_to(target):
            return None, "loops"
        return target.relative_to(root).as_posix(), IN_REPOSITORY_DIRECTORY
    if not target.is_file():
        return None, "points to a special file"
    return target.relative_to(root).as_posix(), ""


def _leads_out(root: Path, link: Path) -> bool:
    """Whether the dangling `link` leads out of `root` (`a -> b/../a` with `b -> .`)."""
    try:
        return not link.resolve(strict=False).is_relative_to(root)
    except (OSError, RuntimeError):
        return False


def follow_tree_link(tree: GitTree, rel: str) -> tuple[str | None, str]:
    """`follow_link` for a link of a commit's tree: where a checkout's link would lead."""
    target, problem = tree.follow(rel)
    return target, IN_REPOSITORY_DIRECTORY if problem == DIRECTORY else problem
