"""Which files make up the repository: git's view when there is one, else a gitignore-aware walk."""

from __future__ import annotations

import os
import stat
import subprocess
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pathspec

from auditor.model import Diagnostic

DEFAULT_EXCLUDES: tuple[str, ...] = (
    "node_modules/",
    "vendor/",
    "third_party/",
    "third-party/",
    ".venv/",
    "venv/",
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

GIT = ("git", "-c", "core.fsmonitor=false", "-c", "core.quotepath=off")
"""git never runs the repository's fsmonitor hook: the audited tree's config is not trusted."""


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
    """List the repository's files under `root` (an existing directory)."""
    root = root.resolve()
    listed = _git_files(root)
    diagnostics: list[Diagnostic] = []
    candidates = listed if listed is not None else list(_walk(root, diagnostics))
    patterns = [*(DEFAULT_EXCLUDES if default_excludes else ()), *exclude]
    patterns += _linguist_patterns(root)
    spec = pathspec.GitIgnoreSpec.from_lines(patterns)
    files, symlinks, excluded = _sort_out(root, candidates, spec, diagnostics)
    return Discovery(
        root=root,
        files=tuple(sorted(files)),
        symlinks=tuple(sorted(symlinks)),
        excluded=tuple(sorted(excluded)),
        diagnostics=tuple(diagnostics),
        commit=_git_commit(root) if listed is not None else None,
        is_git=listed is not None,
    )


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(
            [*GIT, "-C", str(root), *args],
            capture_output=True,
            timeout=120,
            check=False,
            env={**os.environ, "GIT_OPTIONAL_LOCKS": "0"},
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    return done.stdout.decode("utf-8", "surrogateescape")


def _git_files(root: Path) -> list[str] | None:
    inside = _git(root, "rev-parse", "--is-inside-work-tree")
    if inside is None or inside.strip() != "true":
        return None  # not a work tree (or git is missing, or refuses it): walk instead
    out = _git(root, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
    if out is None:
        return None
    return sorted({path for path in out.split("\0") if path})


def _git_commit(root: Path) -> str | None:
    out = _git(root, "rev-parse", "--verify", "-q", "HEAD")
    return out.strip() if out else None


def _walk(root: Path, diagnostics: list[Diagnostic]) -> Iterator[str]:
    """Every file below `root`, honouring the .gitignore files met on the way down."""
    ignores: dict[str, pathspec.GitIgnoreSpec] = {}

    def ignored(rel: str, is_dir: bool) -> bool:
        probe = rel + "/" if is_dir else rel
        for base, spec in ignores.items():
            if (not base or rel.startswith(base + "/")) and spec.match_file(
                probe[len(base) + 1 :] if base else probe
            ):
                return True
        return False

    def onerror(error: OSError) -> None:
        where = Path(error.filename or root)
        rel = where.relative_to(root).as_posix() if where != root else "."
        diagnostics.append(Diagnostic(rel, "unreadable", f"cannot list directory: {error.strerror}"))

    for current, dirs, names in os.walk(root, onerror=onerror, followlinks=False):
        base = Path(current).relative_to(root).as_posix()
        base = "" if base == "." else base
        gitignore = Path(current, ".gitignore")
        if gitignore.is_file() and not gitignore.is_symlink():
            try:
                lines = gitignore.read_text("utf-8", "replace").splitlines()
                ignores[base] = pathspec.GitIgnoreSpec.from_lines(lines)
            except OSError:
                pass
        join = (lambda name: f"{base}/{name}") if base else (lambda name: name)
        dirs[:] = sorted(d for d in dirs if d != ".git" and not ignored(join(d), True))
        for d in dirs[:]:
            if Path(current, d).is_symlink():
                dirs.remove(d)
                yield join(d)  # recorded as a symlink, never descended into
        yield from (join(name) for name in sorted(names) if not ignored(join(name), False))


def _sort_out(
    root: Path, candidates: list[str], spec: pathspec.GitIgnoreSpec, diagnostics: list[Diagnostic]
) -> tuple[list[str], list[str], set[str]]:
    files: list[str] = []
    symlinks: list[str] = []
    excluded: set[str] = set()
    link_targets: list[tuple[str, str]] = []
    for rel in candidates:
        if spec.match_file(rel):
            excluded.add(_excluded_entry(rel, spec))
            continue
        full = root / rel
        try:
            mode = full.lstat().st_mode
        except OSError:
            continue  # tracked but deleted from the work tree
        if stat.S_ISLNK(mode):
            symlinks.append(rel)
            target = _link_target_inside(root, full)
            if target is None:
                diagnostics.append(
                    Diagnostic(rel, "symlink", "symbolic link leaves the repository or loops")
                )
            else:
                link_targets.append((rel, target))
        elif stat.S_ISREG(mode):
            files.append(rel)
    known = set(files)
    for rel, target in link_targets:
        if target not in known and not spec.match_file(target):
            files.append(rel)  # the only way to reach that file: count it once, here
            known.add(target)
    return files, symlinks, excluded


def _link_target_inside(root: Path, link: Path) -> str | None:
    """The repository-relative path a link to a regular file resolves to, or None."""
    try:
        target = link.resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    if not target.is_relative_to(root) or not target.is_file():
        return None
    return target.relative_to(root).as_posix()


def _excluded_entry(rel: str, spec: pathspec.GitIgnoreSpec) -> str:
    """The outermost excluded directory holding `rel` (with a trailing slash), else `rel`."""
    parts = rel.split("/")
    for depth in range(1, len(parts)):
        directory = "/".join(parts[:depth]) + "/"
        if spec.match_file(directory):
            return directory
    return rel


def _linguist_patterns(root: Path) -> list[str]:
    """Patterns `.gitattributes` marks as generated or vendored (linguist's overrides)."""
    try:
        text = (root / ".gitattributes").read_text("utf-8", "replace")
    except OSError:
        return []
    patterns = []
    for line in text.splitlines():
        fields = line.split()
        if len(fields) < 2 or fields[0].startswith("#"):
            continue
        for attribute in fields[1:]:
            if attribute in {
                "linguist-generated",
                "linguist-generated=true",
                "linguist-vendored",
                "linguist-vendored=true",
            }:
                patterns.append(fields[0])
                break
    return patterns
