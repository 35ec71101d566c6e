"""The generated and vendored paths an AGENTS.md names: the fewest directories and patterns."""

from __future__ import annotations

import posixpath
from collections import defaultdict

from auditor.facts.subject import Subject

MAX_PATHS = 6
FIXTURE_PARTS = frozenset({
    "__tests__", "__mocks__", "__fixtures__", "fixtures", "fixture", "testdata", "test-data",
    "e2e", "playground", "playgrounds", "examples", "example", "tests", "test", "spec",
})  # fmt: skip
"""A vendored tree inside test data or a sample is an input of a test, not a boundary."""
MIN_GROUP = 3


def generated_paths(subject: Subject) -> tuple[tuple[str, ...], int]:
    """(at most six paths or patterns to name, how many there are in all)."""
    kept = [p for p in subject.facts.generated_or_vendored if not _in_fixture(p)]
    generated = set(kept)
    named: set[str] = set()
    files: dict[str, list[str]] = defaultdict(list)
    for path in kept:
        whole = path if path.endswith("/") else _generated_directory(subject, path, generated)
        if whole is not None:
            named.add(whole)
        else:
            files[posixpath.dirname(path)].append(path)
    for directory, paths in files.items():
        named.update(_pattern(subject, directory, paths, generated))
    chosen = [n for n in named if not any(_inside(n, o) for o in named if o != n)]
    covered = {n: sum(1 for p in kept if _covers(n, p)) for n in chosen}
    biggest = sorted(chosen, key=lambda n: (-covered[n], n))[:MAX_PATHS]
    return tuple(sorted(biggest)), len(chosen)


def _in_fixture(path: str) -> bool:
    return any(part in FIXTURE_PARTS for part in path.rstrip("/").split("/")[:-1])


def _generated_directory(subject: Subject, path: str, generated: set[str]) -> str | None:
    """The highest directory above `path` whose indexed files are all generated, if any."""
    parts = path.split("/")[:-1]
    for depth in range(1, len(parts) + 1):
        directory = "/".join(parts[:depth])
        below = subject.files.under(directory)
        if below and all(record.path in generated for record in below):
            return directory + "/"
    return None


def _pattern(subject: Subject, directory: str, paths: list[str], generated: set[str]) -> list[str]:
    """Three or more files of one directory with a common suffix that no hand-written file of
    that directory shares: `dir/*.pb.go`."""
    if len(paths) < MIN_GROUP:
        return paths
    names = [p.rsplit("/", 1)[-1] for p in paths]
    suffix = posixpath.commonprefix([n[::-1] for n in names])[::-1]
    dot = suffix.find(".")
    if dot < 0:
        return paths
    prefix = f"{directory}/" if directory else ""
    pattern = f"{prefix}*{suffix[dot:]}"
    siblings = (
        [r.path for r in subject.files.under(directory) if posixpath.dirname(r.path) == directory]
        if directory
        else [r.path for r in subject.files.files if "/" not in r.path]
    )
    if any(_covers(pattern, path) and path not in generated for path in siblings):
        return paths
    return [pattern]


def _covers(named: str, path: str) -> bool:
    """Whether the directory, pattern or file `named` stands for `path`."""
    if named.endswith("/"):
        return path.startswith(named)
    if "*" in named:
        directory, _, suffix = named.rpartition("/*")
        return posixpath.dirname(path) == directory and path.endswith(suffix)
    return named == path


def _inside(path: str, other: str) -> bool:
    return other.endswith("/") and path.startswith(other)
