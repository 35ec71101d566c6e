"""The directory walk outside git: .gitignore files honoured level by level, links not followed."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import pathspec

from auditor.ignore_patterns import ignore_spec, spec_regexes
from auditor.linear_regex import any_of

VCS_DIRECTORIES = frozenset({".git", ".hg", ".svn"})
MAX_RULES_BYTES = 1 << 20
"""Only this much of a .gitignore or .gitattributes is read."""
NOFOLLOW = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)


class WalkPolicy(Protocol):
    """What the walk asks discovery on the way down."""

    def read_attributes(self, base: str) -> None: ...
    def excludes_dir(self, directory: str) -> bool: ...
    def is_excluded(self, rel: str) -> bool: ...
    def note(self, rel: str, kind: str, message: str) -> None: ...


@dataclass(slots=True)
class Layers:
    """Gitignore-style specs by directory; for a path the deepest spec that decides wins."""

    specs: dict[str, pathspec.GitIgnoreSpec] = field(default_factory=dict)
    touched: dict[str, Callable[[str], bool]] = field(default_factory=dict)
    """Per base, one regex any of its patterns (negated or not) would match: most paths match
    none, and one search is far cheaper than asking every pattern in turn."""

    def set(self, base: str, lines: list[str]) -> None:
        spec = ignore_spec(lines)
        self.specs[base] = spec
        regexes = spec_regexes(spec)
        if regexes is not None:
            self.touched[base] = any_of(regexes) or _never

    def matches(self, rel: str, is_dir: bool) -> bool:
        probe = rel + "/" if is_dir else rel
        bases = sorted((b for b in self.specs if not b or rel.startswith(b + "/")), key=len)
        for base in reversed(bases):
            relative = probe[len(base) + 1 :] if base else probe
            quick = self.touched.get(base)
            if quick is not None and not quick(relative):
                continue
            decided = self.specs[base].check_file(relative)
            if decided.include is not None:
                return bool(decided.include)
        return False


def _never(_path: str) -> bool:
    return False


def walk(root: Path, policy: WalkPolicy) -> Iterator[str]:
    """Every entry below `root` that is not ignored or excluded, sorted within each directory.

    Links (to directories too) are yielded, never descended into; excluded directories are
    pruned (the policy records them); VCS directories are skipped.
    """
    ignores = Layers()

    def onerror(error: OSError) -> None:
        where = Path(error.filename or root)
        rel = where.relative_to(root).as_posix() if where != root else "."
        policy.note(rel, "unreadable", f"cannot list directory: {error.strerror}")

    for current, dirs, names in top_down(root, onerror):
        base = Path(current).relative_to(root).as_posix()
        base = "" if base == "." else base
        prefix = base + "/" if base else ""
        gitignore = read_rules(Path(current, ".gitignore"))
        if gitignore is not None:
            ignores.set(base, gitignore.splitlines())
        policy.read_attributes(base)
        kept = []
        for name in sorted(dirs):
            rel = prefix + name
            if name in VCS_DIRECTORIES or ignores.matches(rel, True):
                continue
            if os.path.islink(os.path.join(current, name)):
                yield rel
            elif not policy.excludes_dir(rel):
                kept.append(name)
        dirs[:] = kept
        for name in sorted(names):
            rel = prefix + name
            if name != ".git" and not ignores.matches(rel, False) and not policy.is_excluded(rel):
                yield rel


def top_down(
    root: Path, onerror: Callable[[OSError], None]
) -> Iterator[tuple[str, list[str], list[str]]]:
    """`os.walk(root, onerror=onerror)` without recursion: until Python 3.12 os.walk recurses
    once per level, and a 1,100-deep tree ends in RecursionError. As with os.walk, the
    caller prunes by editing `dirs` in place, and links to directories are never entered."""
    stack = [os.fspath(root)]
    while stack:
        current = stack.pop()
        dirs: list[str] = []
        names: list[str] = []
        try:
            with os.scandir(current) as entries:
                for entry in entries:
                    (dirs if _is_directory(entry) else names).append(entry.name)
        except OSError as error:
            onerror(error)
            continue
        yield current, dirs, names
        below = (os.path.join(current, name) for name in reversed(dirs))
        stack.extend(path for path in below if not os.path.islink(path))


def _is_directory(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def read_rules(path: Path) -> str | None:
    """A .gitignore or .gitattributes: a regular file (never a link), its first MiB, or None."""
    try:
        if not stat.S_ISREG(path.lstat().st_mode):
            return None
        with os.fdopen(os.open(path, NOFOLLOW), "rb") as stream:
            return stream.read(MAX_RULES_BYTES).decode("utf-8", "replace")
    except OSError:
        return None
