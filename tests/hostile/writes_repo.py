"""Hostile repositories for the write tests: files, planted symbolic links, the CLI's answer."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest

from auditor.cli import run
from tests.conftest import Files, write_repo

PLAIN = {
    "README.md": "# demo\n\nRun the tests with `pytest`.\n",
    "app.py": "print('the real app')\n",
    "pyproject.toml": '[project]\nname = "demo"\nversion = "0"\n\n[tool.pytest.ini_options]\n',
    "tests/test_app.py": "def test_app():\n    pass\n",
}
"""A small Python repository the generator has something to say about."""


@dataclass(frozen=True, slots=True)
class Ran:
    """One CLI run: its exit code and what it printed."""

    code: int
    out: str
    err: str

    @property
    def lines(self) -> list[str]:
        return (self.out + self.err).splitlines()


def hostile_repo(
    root: Path, files: Files = PLAIN, links: Mapping[str, str | Path] | None = None
) -> Path:
    """`files` under `root`, plus each `links` entry (link path -> target) as a symbolic link."""
    write_repo(root, files)
    for link, target in (links or {}).items():
        (root / link).parent.mkdir(parents=True, exist_ok=True)
        (root / link).symlink_to(target)
    return root


def cli(capsys: pytest.CaptureFixture[str], *args: str | Path) -> Ran:
    """`auditor ARGS` in-process, as the error boundary answers it."""
    code = run([str(arg) for arg in args])
    captured = capsys.readouterr()
    return Ran(code, captured.out, captured.err)


def snapshot(directory: Path) -> dict[str, bytes | str]:
    """Every entry below `directory`: a file's bytes, a link's target (nothing followed)."""
    found: dict[str, bytes | str] = {}
    for path in sorted(directory.rglob("*")):
        name = path.relative_to(directory).as_posix()
        if path.is_symlink():
            found[name] = f"-> {os.readlink(path)}"
        elif path.is_file():
            found[name] = path.read_bytes()
    return found


def temporary_files(directory: Path) -> list[str]:
    """The auditor's temporary files left anywhere below `directory`."""
    return sorted(p.name for p in directory.rglob(".auditor-*"))


def spawn(script: str, *args: str | Path) -> subprocess.Popen[str]:
    """A child Python running `script` with `args`, its stdout a pipe the test reads."""
    return subprocess.Popen(
        [sys.executable, "-c", script, *(str(arg) for arg in args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
