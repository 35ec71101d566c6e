"""Shared fixtures: tiny repositories built in tmp_path from dicts of files."""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

from auditor.discover import discover
from auditor.facts.subject import Subject
from auditor.index.build import build_index
from auditor.index.repository import RepositoryIndex

Files = Mapping[str, str | bytes]


def write_repo(root: Path, files: Files, git: bool = False) -> Path:
    """Write `files` (path -> text or bytes) under `root`; with `git`, commit them."""
    root.mkdir(parents=True, exist_ok=True)
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    if git:
        run = lambda *args: subprocess.run(  # noqa: E731
            ["git", *args], cwd=root, check=True, capture_output=True
        )
        run("init", "-q", "-b", "main")
        run("add", "-A")
        run("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "init")
    return root


def index_repo(root: Path, want_syntax: bool = True) -> RepositoryIndex:
    return build_index(discover(root), want_syntax=want_syntax)


def subject_of(root: Path, want_syntax: bool = True, profile: str | None = None) -> Subject:
    """The repository at `root` as rules and the generator see it: its files and its facts."""
    return Subject(index_repo(root, want_syntax=want_syntax), profile=profile)


@pytest.fixture
def make_repo(tmp_path: Path) -> Callable[..., Path]:
    """make_repo(files, git=False, name="repo") -> the repository's root."""

    made: list[str] = []

    def make(files: Files, git: bool = False, name: str | None = None) -> Path:
        """A fresh directory per call unless `name` is given."""
        made.append(name or f"repo{len(made)}")
        return write_repo(tmp_path / made[-1], files, git=git)

    return make


@pytest.fixture
def make_index(make_repo: Callable[..., Path]) -> Callable[..., RepositoryIndex]:
    """make_index(files, git=False) -> the built index of that repository."""

    def make(files: Files, git: bool = False) -> RepositoryIndex:
        return index_repo(make_repo(files, git=git))

    return make


@pytest.fixture
def make_subject(make_repo: Callable[..., Path]) -> Callable[..., Subject]:
    """make_subject(files, git=False) -> that repository's files and facts."""

    def make(files: Files, git: bool = False) -> Subject:
        return subject_of(make_repo(files, git=git))

    return make
