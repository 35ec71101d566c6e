"""Which files make up the repository: git's view when there is one, else a gitignore-aware walk."""

from __future__ import annotations

import os
import stat
import subprocess
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pathspec

from auditor.model import Diagnostic

DEFAULT_EXCLUDES: tuple[str, ...] = (
    "node_modules/", "vendor/", "third_party/", "third-party/", ".venv/", "venv/",
    "/dist/", "/build/", "__pycache__/", ".tox/", ".nox/", ".mypy_cache/", ".pytest_cache/",
    ".ruff_cache/", "*.min.js", "*.min.css",
)
"""Vendored, built and cached trees, left out unless the config says otherwise."""

GIT = ("git", "-c", "core.fsmonitor=false", "-c", "core.quotepath=off")
"""git never runs the repository's fsmonitor hook: the audited tree's config is not trusted."""
VCS_DIRECTORIES = frozenset({".git", ".hg", ".svn"})
MAX_RULES_BYTES = 1 << 20
"""Only this much of a .gitignore or .gitattributes is read."""
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


def discover(root: Path, exclude: Iterable[str] = (), default_excludes: bool = True) -> Discovery:
    """List the repository's files under `root` (an existing directory).

    Exclusions are gitignore patterns: the defaults, then `.gitattributes` linguist overrides
    (`linguist-generated`/`linguist-vendored` exclude, `-linguist-vendored` re-includes; nested
    `.gitattributes` files win for their subtree), then the `exclude` patterns given.
    """
    root = root.resolve()
    found = _Found(root, [*(DEFAULT_EXCLUDES if default_excludes else ())], [*exclude])
    found.excludes.set("", [*found.defaults, *found.user])
    listed = _git_files(root)
    if listed is None:
        candidates = list(_walk(found))
    else:
        for rel in sorted((p for p in listed if _name(p) == ".gitattributes"), key=_depth):
            found.read_attributes(_parent(rel))
        candidates = [rel for rel in listed if not found.is_excluded(rel)]
    known = found.sort_out(candidates)
    return Discovery(
        root=root,
        files=tuple(sorted(known)),
        symlinks=tuple(sorted(found.symlinks)),
        excluded=tuple(sorted(found.excluded)),
        diagnostics=tuple(sorted(found.diagnostics, key=lambda d: (d.path, d.kind, d.message))),
        commit=_git_commit(root) if listed is not None else None,
        is_git=listed is not None,
    )


@dataclass(slots=True)
class _Layers:
    """Gitignore-style specs by directory; for a path the deepest spec that decides wins."""

    specs: dict[str, pathspec.GitIgnoreSpec] = field(default_factory=dict)

    def set(self, base: str, lines: list[str]) -> None:
        self.specs[base] = pathspec.GitIgnoreSpec.from_lines(lines)

    def matches(self, rel: str, is_dir: bool) -> bool:
        probe = rel + "/" if is_dir else rel
        for base in sorted((b for b in self.specs if not b or rel.startswith(b + "/")), key=len)[::-1]:
            result = self.specs[base].check_file(probe[len(base) + 1 :] if base else probe)
            if result.include is not None:
                return bool(result.include)
        return False


@dataclass(slots=True)
class _Found:
    root: Path
    defaults: list[str]
    user: list[str]
    excludes: _Layers = field(default_factory=_Layers)
    excluded: set[str] = field(default_factory=set)
    symlinks: list[str] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    real_dirs: dict[str, bool] = field(default_factory=dict)
    dir_excluded: dict[str, bool] = field(default_factory=dict)

    def read_attributes(self, base: str) -> None:
        text = _read_rules(self.root / base / ".gitattributes") if self.is_real(base) else None
        if text is not None:
            linguist = _linguist_patterns(text)
            self.excludes.set(base, [*self.defaults, *linguist, *self.user] if not base else linguist)
            self.dir_excluded.clear()

    def is_excluded(self, rel: str) -> bool:
        """Whether file `rel` is left out; records it (or its outermost excluded directory)."""
        parts = rel.split("/")
        if any(self.excludes_dir("/".join(parts[:depth])) for depth in range(1, len(parts))):
            return True
        if self.excludes.matches(rel, False):
            self.excluded.add(rel)
            return True
        return False

    def excludes_dir(self, directory: str) -> bool:
        """Whether `directory` is left out (recorded with a trailing slash)."""
        if directory not in self.dir_excluded:
            self.dir_excluded[directory] = self.excludes.matches(directory, True)
        if self.dir_excluded[directory]:
            self.excluded.add(directory + "/")
        return self.dir_excluded[directory]

    def is_real(self, directory: str) -> bool:
        """Whether no component of `directory` (relative to the root) is a symbolic link."""
        if directory not in self.real_dirs:
            full = self.root / directory
            self.real_dirs[directory] = os.path.realpath(full) == str(full)
        return self.real_dirs[directory]

    def sort_out(self, candidates: list[str]) -> set[str]:
        """The regular files among `candidates`, plus links that are the only way to a file."""
        files: set[str] = set()
        links: list[tuple[str, str]] = []
        for rel in candidates:
            mode = self._mode(rel)
            if mode is None:
                continue
            if stat.S_ISREG(mode):
                files.add(rel)
            elif stat.S_ISLNK(mode):
                self.symlinks.append(rel)
                target = self._link_target(rel)
                if target is not None:
                    links.append((rel, target))
            elif not stat.S_ISDIR(mode):  # directories: submodules and nested repositories
                self.note(rel, "special", "not a regular file: not read")
        reached = set(files)
        for rel, target in links:
            if target not in reached and not self.is_excluded(target):
                files.add(rel)  # the only way to reach that file: count it once, here
                reached.add(target)
        return files

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
        try:
            return (self.root / rel).lstat().st_mode
        except OSError:
            return None  # tracked but deleted from the work tree

    def _link_target(self, rel: str) -> str | None:
        """The repository-relative file a link resolves to, or None (and a diagnostic)."""
        link = self.root / rel
        try:
            target = link.resolve(strict=True)
        except FileNotFoundError:
            return self.note(rel, "symlink", "dangling symbolic link: target missing")
        except (OSError, RuntimeError):
            return self.note(rel, "symlink", "symbolic link loops: not followed")
        if not target.is_relative_to(self.root):
            return self.note(rel, "symlink", "symbolic link leaves the repository: not followed")
        if target.is_dir():
            if link.parent.is_relative_to(target):
                return self.note(rel, "symlink", "symbolic link loops: not followed")
            if self.excludes_dir(rel):
                return None
            return self.note(rel, "symlink", "symbolic link to a directory: not followed")
        if not target.is_file():
            return self.note(rel, "special", "symbolic link to a special file: not read")
        return target.relative_to(self.root).as_posix()

    def note(self, rel: str, kind: str, message: str) -> None:
        self.diagnostics.append(Diagnostic(rel, kind, message))


def _walk(found: _Found) -> Iterator[str]:
    """Every entry below the root, honouring the .gitignore files met on the way down."""
    root = found.root
    ignores = _Layers()

    def onerror(error: OSError) -> None:
        where = Path(error.filename or root)
        rel = where.relative_to(root).as_posix() if where != root else "."
        found.note(rel, "unreadable", f"cannot list directory: {error.strerror}")

    for current, dirs, names in os.walk(root, onerror=onerror, followlinks=False):
        base = Path(current).relative_to(root).as_posix()
        base = "" if base == "." else base
        gitignore = _read_rules(Path(current, ".gitignore"))
        if gitignore is not None:
            ignores.set(base, gitignore.splitlines())
        found.read_attributes(base)
        join = (lambda name: f"{base}/{name}") if base else (lambda name: name)
        kept = []
        for name in sorted(dirs):
            rel = join(name)
            if name in VCS_DIRECTORIES or ignores.matches(rel, True):
                continue
            if os.path.islink(os.path.join(current, name)):
                yield rel  # recorded as a symlink, never descended into
            elif not found.excludes_dir(rel):
                kept.append(name)
        dirs[:] = kept
        for name in sorted(names):
            rel = join(name)
            if name != ".git" and not ignores.matches(rel, False) and not found.is_excluded(rel):
                yield rel


def _read_rules(path: Path) -> str | None:
    """A .gitignore or .gitattributes: a regular file (never a link), its first MiB, or None."""
    try:
        if not stat.S_ISREG(path.lstat().st_mode):
            return None
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as stream:
            return stream.read(MAX_RULES_BYTES).decode("utf-8", "replace")
    except OSError:
        return None


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
                negated = attribute.startswith(("-", "!")) or value.lower() == "false"
                states[name] = not negated
        if any(states.values()):
            patterns.append(fields[0])
        elif states:
            patterns.append("!" + fields[0])
    return patterns


def _git(root: Path, *args: str) -> str | None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    try:
        done = subprocess.run(
            [*GIT, "-C", str(root), *args],
            capture_output=True,
            timeout=120,
            check=False,
            stdin=subprocess.DEVNULL,
            env={**env, "GIT_OPTIONAL_LOCKS": "0", "GIT_TERMINAL_PROMPT": "0"},
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    return done.stdout.decode("utf-8", "surrogateescape")


def _git_files(root: Path) -> list[str] | None:
    """git's files (tracked, and untracked but not ignored); None outside git or when git
    lists nothing (an ignored directory of some enclosing repository): then the walk runs."""
    inside = _git(root, "rev-parse", "--is-inside-work-tree")
    if inside is None or inside.strip() != "true":
        return None
    out = _git(root, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
    paths = sorted({path.rstrip("/") for path in (out or "").split("\0") if path})
    return paths or None


def _git_commit(root: Path) -> str | None:
    out = _git(root, "rev-parse", "--verify", "-q", "HEAD")
    return out.strip() if out else None


def _name(rel: str) -> str:
    return rel.rsplit("/", 1)[-1]


def _parent(rel: str) -> str:
    return rel.rsplit("/", 1)[0] if "/" in rel else ""


def _depth(rel: str) -> int:
    return rel.count("/")
