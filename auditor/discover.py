"""Which files make up the repository: git's view when there is one, else a gitignore-aware walk;
or the tree of one commit, read from git objects (`discover_revision`)."""

from __future__ import annotations

import os
import posixpath
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from auditor.git_command import GitUnusable, check_metadata, git_output
from auditor.git_tree import Commit, GitTree, commit_of
from auditor.link_targets import IN_REPOSITORY_DIRECTORY, follow_link, follow_tree_link
from auditor.model import Diagnostic
from auditor.walk import MAX_RULES_BYTES, Layers, read_rules, walk

DEFAULT_EXCLUDES: tuple[str, ...] = (
    "node_modules/",
    "vendor/",
    "third_party/",
    "third-party/",
    ".venv/",
    "/venv/",
    "/dist/",
    "/build/",
    "__pycache__/",
    ".tox/",
    ".nox/",
    ".mypy_cache/",
    ".pytest_cache/",
    ".ruff_cache/",
    "*.min.js",
    "*.min.css",
)
"""Vendored, built and cached trees, left out unless the config says otherwise."""
CACHE_DIRS = frozenset(
    {"__pycache__", ".tox", ".nox", ".mypy_cache", ".pytest_cache", ".ruff_cache"}
)
"""Tool caches: skipped like the other defaults, but not listed as generated or vendored."""

TREE_MODES = {"file": stat.S_IFREG, "link": stat.S_IFLNK, "dir": stat.S_IFDIR}
"""What a checkout's lstat() says of each kind of tree entry."""
LINGUIST = frozenset({"linguist-generated", "linguist-vendored"})


@dataclass(frozen=True, slots=True)
class Discovery:
    """The files to index, and what was left out on the way."""

    root: Path
    files: tuple[str, ...]
    """Repository-relative POSIX paths of regular files (and of links to files in the root)."""
    symlinks: tuple[str, ...]
    excluded: tuple[str, ...]
    """Vendored or generated paths left out (a directory once, with a trailing slash)."""
    diagnostics: tuple[Diagnostic, ...]
    commit: str | None
    is_git: bool
    links: tuple[tuple[str, str], ...] = ()
    """(link, target) for every symbolic link that resolves to a regular file in the root."""
    dir_links: tuple[tuple[str, str], ...] = ()
    """(link, target) for every symbolic link that resolves to a directory in the root (not an
    ancestor of the link: that would loop). Never followed by discovery: the target's files are
    indexed where they are; agents that read the link's path see them there too."""
    unread: tuple[str, ...] = ()
    """Tracked files outside `within` (a package audit): they exist, but are not indexed."""
    commit_date: str | None = None
    """The committer date of `commit` (ISO 8601)."""
    tree: GitTree | None = None
    """Where the files' bytes are read: a commit's objects; None for the work tree at `root`."""


def discover(
    root: Path, exclude: Iterable[str] = (), default_excludes: bool = True, within: str = ""
) -> Discovery:
    """List the repository's files under `root` (an existing directory).

    Exclusions are gitignore patterns: the defaults, then what `.gitattributes` marks
    `linguist-generated` or `linguist-vendored` (`-linguist-vendored` re-includes; a nested
    `.gitattributes` wins in its subtree), then `exclude`. Symbolic links are recorded, never
    followed out of the root, into directories or into loops; a link to a file is indexed only
    when no other path reaches that file. With `within` (a directory below a git root), only
    that directory's files are listed, with the files of the directories above it and the
    root's hidden directories (CI, hooks): what a package audit needs of its repository.
    """
    root = root.resolve()
    found = _Found(root, [*(DEFAULT_EXCLUDES if default_excludes else ())], [*exclude])
    listed = _listed_by_git(root, found)
    return _discovered(found, listed, within, _git_commit(root) if listed is not None else None)


def discover_revision(
    tree: GitTree, exclude: Iterable[str] = (), default_excludes: bool = True, within: str = ""
) -> Discovery:
    """`discover`, for the commit `tree` holds instead of the work tree: the files a fresh
    checkout of it would give (no untracked file, a submodule an empty directory), found the
    same way, so that auditing either gives the same report byte for byte."""
    defaults = [*(DEFAULT_EXCLUDES if default_excludes else ())]
    found = _Found(tree.root.resolve(), defaults, [*exclude], tree=tree)
    if not tree.paths():  # git lists nothing in such a checkout: it is walked, as no git
        return Discovery(found.root, (), (), (), (), commit=None, is_git=False, tree=tree)
    return _discovered(found, tree.paths(), within, tree.commit)


def _discovered(
    found: _Found, listed: list[str] | None, within: str, commit: Commit | None = None
) -> Discovery:
    root = found.root
    found.excludes.set("", [*found.defaults, *found.user])
    unread: list[str] = []
    if listed is not None and within:
        unread = [rel for rel in listed if not _serves(rel, within)]
        listed = [rel for rel in listed if _serves(rel, within)]
    if listed is None:
        candidates = list(walk(root, found))
    else:
        for rel in sorted((p for p in listed if _name(p) == ".gitattributes"), key=_depth):
            found.read_attributes(_parent(rel))
        candidates = [rel for rel in listed if not found.is_excluded(rel)]
    files = found.sort_out(candidates)
    sha, date = (commit.sha, commit.date) if commit is not None else (None, None)
    return Discovery(
        root=root,
        files=tuple(sorted(files)),
        symlinks=tuple(sorted(found.symlinks)),
        excluded=tuple(sorted(found.excluded)),
        diagnostics=tuple(sorted(found.diagnostics, key=lambda d: (d.path, d.kind, d.message))),
        commit=sha,
        is_git=listed is not None,
        links=tuple(sorted(found.links)),
        dir_links=tuple(sorted(found.dir_links)),
        unread=tuple(sorted(unread)),
        commit_date=date,
        tree=found.tree,
    )


@dataclass(slots=True)
class _Found:
    """What discovery has found so far: exclusions, links, diagnostics and cached verdicts."""

    root: Path
    defaults: list[str]
    user: list[str]
    excludes: Layers = field(default_factory=Layers)
    excluded: set[str] = field(default_factory=set)
    symlinks: list[str] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)
    dir_links: list[tuple[str, str]] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    real_dirs: dict[str, bool] = field(default_factory=dict)
    dir_excluded: dict[str, bool] = field(default_factory=dict)
    outermost: dict[str, str | None] = field(default_factory=dict)
    tree: GitTree | None = None

    def read_attributes(self, base: str) -> None:
        if self.tree is not None:
            text = self.tree.read_rules(posixpath.join(base, ".gitattributes"), MAX_RULES_BYTES)
        else:
            text = read_rules(self.root / base / ".gitattributes") if self.is_real(base) else None
        if text is not None:
            marked = _linguist_patterns(text)
            self.excludes.set(base, [*self.defaults, *marked, *self.user] if not base else marked)
            self.dir_excluded.clear()
            self.outermost.clear()

    def is_excluded(self, rel: str, record: bool = True) -> bool:
        """Whether file `rel` is left out; records it (or its outermost excluded directory)."""
        outermost = self._excluded_above(_parent(rel))
        if outermost is not None:
            self.excludes_dir(outermost, record)
            return True
        if self.excludes.matches(rel, False):
            if record:
                self.excluded.add(rel)
            return True
        return False

    def _excluded_above(self, directory: str) -> str | None:
        """The outermost excluded directory among `directory` and its parents, or None.

        Kept per directory, so a file costs one lookup however deep it lies (asking every
        parent of every file made a 1,100-deep tree cost seconds)."""
        unknown = []
        at = directory
        while at and at not in self.outermost:
            unknown.append(at)
            at = _parent(at)
        for path in reversed(unknown):
            above = self.outermost.get(_parent(path))
            own = path if self.excludes_dir(path, record=False) else None
            self.outermost[path] = above or own
        return self.outermost.get(directory) if directory else None

    def excludes_dir(self, directory: str, record: bool = True) -> bool:
        """Whether `directory` is left out (recorded with a trailing slash)."""
        if directory not in self.dir_excluded:
            self.dir_excluded[directory] = self.excludes.matches(directory, True)
        if self.dir_excluded[directory] and record and _name(directory) not in CACHE_DIRS:
            self.excluded.add(directory + "/")
        return self.dir_excluded[directory]

    def is_real(self, directory: str) -> bool:
        """Whether no component of `directory` (relative to the root) is a symbolic link.

        Each directory costs one lstat, its parents' answers being kept: realpath() per
        directory costs one lstat per level, and a 1,100-deep tree took 25 s.
        """
        if self.tree is not None:
            return True  # git tracks nothing below a link: no tree path passes through one
        unknown = []
        at = directory
        while at not in self.real_dirs:
            unknown.append(at)
            if not at:
                break
            at = _parent(at)
        for path in reversed(unknown):
            if path:
                real = self.real_dirs[_parent(path)] and not os.path.islink(self.root / path)
            else:
                real = os.path.realpath(self.root) == str(self.root)
            self.real_dirs[path] = real
        return self.real_dirs[directory]

    def sort_out(self, candidates: list[str]) -> set[str]:
        """The regular files among `candidates`, plus links that are the only way to a file."""
        files: set[str] = set()
        links = self.links
        for rel in candidates:
            mode = self._mode(rel)
            if mode is None or stat.S_ISDIR(mode):  # directories: submodules, nested repositories
                continue
            if stat.S_ISREG(mode):
                files.add(rel)
            elif stat.S_ISLNK(mode):
                self.record_link(rel)
            else:
                self.note(rel, "special", "not a regular file: not read")
        reached = set(files)
        for rel, target in links:
            if target not in reached and not self.is_excluded(target, record=False):
                files.add(rel)  # the only way to reach that file: count it once, here
                reached.add(target)
        return files

    def record_link(self, rel: str) -> None:
        """Note the symbolic link `rel` and what it resolves to, without following it."""
        self.symlinks.append(rel)
        if self.excludes_dir(rel):
            return  # stands for an excluded directory: `.venv -> /opt/venvs/app`
        if self.tree is None:
            target, problem = follow_link(self.root, rel)
        else:
            target, problem = follow_tree_link(self.tree, rel)
        if target is not None and problem == IN_REPOSITORY_DIRECTORY:
            self.dir_links.append((rel, target))  # its files are indexed where they are
        elif target is not None:
            self.links.append((rel, target))
        elif problem != IN_REPOSITORY_DIRECTORY:
            self.note(rel, "symlink", f"symbolic link {problem}: not followed")

    def _mode(self, rel: str) -> int | None:
        try:
            rel.encode("utf-8")
        except UnicodeEncodeError:
            shown = rel.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
            self.note(shown, "unreadable", "file name is not valid UTF-8: skipped")
            return None
        if not self.is_real(_parent(rel)):
            self.note(rel, "symlink", "path passes through a symbolic link: not followed")
            return None
        if self.tree is not None:
            return TREE_MODES.get(self.tree.kind(rel) or "")
        try:
            return (self.root / rel).lstat().st_mode
        except (FileNotFoundError, NotADirectoryError):
            return None  # tracked but deleted from the work tree
        except OSError as error:  # listed by git below a directory this user cannot enter
            self.note(rel, "unreadable", f"cannot read: {error.strerror}")
            return None

    def note(self, rel: str, kind: str, message: str) -> None:
        self.diagnostics.append(Diagnostic(rel, kind, message))


def _linguist_patterns(text: str) -> list[str]:
    """Gitignore lines for what `.gitattributes` marks (or unmarks) as generated or vendored."""
    patterns = []
    for line in text.splitlines():
        fields = line.split()
        if len(fields) < 2 or fields[0].startswith(("#", "!", '"')):
            continue
        states = {}
        for attribute in fields[1:]:
            name, _, value = attribute.lstrip("-!").partition("=")
            if name in LINGUIST:
                states[name] = not attribute.startswith(("-", "!")) and value.lower() != "false"
        if any(states.values()):
            patterns.append(fields[0])
        elif states:
            patterns.append("!" + fields[0])
    return patterns


def _listed_by_git(root: Path, found: _Found) -> list[str] | None:
    """`_git_files`, with the reason noted when git could not be used (a FIFO it would read)."""
    try:
        return _git_files(root)
    except GitUnusable as unusable:
        found.note(unusable.path, unusable.kind, unusable.message)
        return None


def _git_files(root: Path) -> list[str] | None:
    """git's files (tracked, and untracked but not ignored); None outside a work tree, and when
    git lists nothing (an ignored directory of an enclosing repository): then the walk runs."""
    check_metadata(root)
    inside = git_output(root, "rev-parse", "--is-inside-work-tree")
    if inside is None or inside.strip() != "true":
        return None
    out = git_output(root, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
    return sorted({path.rstrip("/") for path in (out or "").split("\0") if path}) or None


def enclosing_root(root: Path) -> Path | None:
    """The top of the git work tree that `root` is a tracked subdirectory of, or None (`root`
    is the top, lies outside git, or is an ignored directory of an enclosing repository)."""
    try:
        check_metadata(root)
        top = git_output(root, "rev-parse", "--show-toplevel")
        if top is None or not top.strip():
            return None
        enclosing = Path(top.strip()).resolve()
        if enclosing == root or _git_files(root) is None:
            return None
    except GitUnusable:
        return None  # discover() says why
    return enclosing if root.is_relative_to(enclosing) else None


def _serves(rel: str, within: str) -> bool:
    """Whether `rel` is in `within`, directly in a directory above it, or in a hidden
    top-level directory (`.github/`, `.husky/`)."""
    directory = _parent(rel)
    prefix = within.rstrip("/") + "/"
    if rel.startswith(prefix) or directory.startswith("."):
        return True
    return directory == "" or prefix.startswith(directory + "/")


def _git_commit(root: Path) -> Commit | None:
    try:
        return commit_of(root, "HEAD")
    except GitUnusable:
        return None


def _name(rel: str) -> str:
    return rel.rsplit("/", 1)[-1]


def _parent(rel: str) -> str:
    return rel.rsplit("/", 1)[0] if "/" in rel else ""


def _depth(rel: str) -> int:
    return rel.count("/")
