"""Unreadable files and directories for real: chmod 000, and the auditor run in a subprocess as
a user the permission bits stop (`nobody` when the tests run as root, see unprivileged.py).

The in-process tests (tests/index/test_build.py, test_unread_inputs.py) fake the
PermissionError; these show what the CLI reports when the kernel refuses.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import write_repo
from tests.hostile.unprivileged import Unprivileged, unprivileged

pytestmark = [pytest.mark.slow, pytest.mark.skipif(os.name != "posix", reason="POSIX users")]

FILES = {
    "README.md": "# Demo\n\nA demo.\n\n## Testing\n\nRun `pytest`.\n",
    "AGENTS.md": "# Agents\n\nRun `pytest` before you commit.\n",
    ".github/workflows/ci.yml": (
        "name: ci\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n"
        "    steps:\n      - run: pytest\n"
    ),
    "pyproject.toml": '[project]\nname = "demo"\nversion = "0.1.0"\n',
    "src/pkg/core.py": "def add(a, b):\n    return a + b\n",
    "src/pkg/locked.py": "SECRET = 1\n",
    "closed/hidden.py": "HIDDEN = 2\n",
    "tests/test_core.py": (
        "from pkg.core import add\n\n\ndef test_add():\n    assert add(1, 2) == 3\n"
    ),
}
LOCKED_FILES = ("AGENTS.md", ".github/workflows/ci.yml", "pyproject.toml", "src/pkg/locked.py")
"""chmod 000: an instruction file, a CI workflow, a manifest and a source file."""
LOCKED_DIRECTORY = "closed"
"""chmod 000: neither listed nor entered."""
READ = "cannot read: Permission denied"
JUDGED_ELSEWHERE = {"AGENTS.md": "INS035", ".github/workflows/ci.yml": "FEE002"}
"""A rule each unreadable input must leave unjudged (the secrets rule is critical)."""


@dataclass(frozen=True)
class Locked:
    """A repository with chmod-000 inputs, in a directory the user can reach."""

    root: Path
    workspace: Path
    user: Unprivileged
    git: bool

    def run(self, *args: str | Path) -> subprocess.CompletedProcess[str]:
        return self.user.auditor([*args], self.root, self.workspace / "home")

    def expected_diagnostics(self) -> list[dict[str, str]]:
        """Walked, the closed directory cannot be listed; listed by git, its file cannot be
        reached. Every other file is read."""
        unread = [(path, READ) for path in LOCKED_FILES]
        if self.git:
            unread.append(("closed/hidden.py", READ))
        else:
            unread.append((LOCKED_DIRECTORY, "cannot list directory: Permission denied"))
        return [
            {"kind": "unreadable", "message": message, "path": path}
            for path, message in sorted(unread)
        ]


@pytest.fixture(scope="module", params=[False, True], ids=["walked", "git"])
def locked(request: pytest.FixtureRequest) -> Iterator[Locked]:
    # pytest's tmp_path lies under a 700 directory that `nobody` cannot enter
    workspace = Path(tempfile.mkdtemp(prefix="auditor-unreadable-"))
    try:
        user = unprivileged(workspace)
        root = write_repo(workspace / "repo", FILES, git=request.param)
        (workspace / "home").mkdir()
        user.give(workspace)
        for path in (*LOCKED_FILES, LOCKED_DIRECTORY):
            (root / path).chmod(0)
        yield Locked(root, workspace, user, request.param)
    finally:
        for path in (*LOCKED_FILES, LOCKED_DIRECTORY):
            target = workspace / "repo" / path
            if target.exists():
                target.chmod(0o755 if target.is_dir() else 0o644)
        shutil.rmtree(workspace)


def survived(done: subprocess.CompletedProcess[str], *codes: int) -> None:
    """Exit 0 or 1 (or `codes`), never 3; no traceback."""
    assert done.returncode in (codes or (0, 1)), done.stderr
    assert "internal error" not in done.stderr and "Traceback" not in done.stderr, done.stderr


def report(done: subprocess.CompletedProcess[str]) -> dict[str, Any]:
    survived(done)
    document: dict[str, Any] = json.loads(done.stdout)
    return document


def test_the_audit_names_each_unreadable_input_and_loses_nothing_else(locked: Locked) -> None:
    cache = locked.workspace / "home" / "cache"
    audited = locked.run("audit", ".", "--format", "json", "--cache-dir", cache)
    first = report(audited)
    assert first["diagnostics"] == locked.expected_diagnostics()
    unjudged: dict[str, set[str]] = {}
    for entry in first["unjudged"]:
        unjudged.setdefault(entry["path"], set()).add(entry["rule"])
    assert sorted(unjudged) == sorted(LOCKED_FILES[:3])  # a source file leaves no rule unjudged
    for path, rule in JUDGED_ELSEWHERE.items():
        assert rule in unjudged[path], (path, sorted(unjudged[path]))
    assert {"ENV001", "FEE002"} <= unjudged["pyproject.toml"]
    facts = first["facts"]  # what could be read is all there
    assert facts["languages"] == {"python": {"files": 2, "lines": 7}}
    assert {f["path"] for f in facts["largest_files"]} == {"src/pkg/core.py", "tests/test_core.py"}
    assert (facts["test_command"], facts["test_command_source"]["path"]) == ("pytest", "README.md")
    assert facts["docs"]["readme"] == "README.md" and facts["test_file_count"] == 1
    assert (first["repository"]["commit"] is not None) == locked.git
    # the config could not be read: one warning naming it, the defaults used
    [warning] = [line for line in locked.run("audit", ".", "--no-cache").stderr.splitlines()]
    assert warning.startswith("auditor: warning: pyproject.toml: not read") and "denied" in warning
    # from the cache the user wrote, the same report byte for byte
    assert locked.run("audit", ".", "--format", "json", "--cache-dir", cache).stdout == (
        audited.stdout
    )
    assert any(cache.iterdir())


def test_the_critical_gate_fails_over_an_instruction_file_it_could_not_read(
    locked: Locked,
) -> None:
    done = locked.run("audit", ".", "--format", "json", "--no-cache", "--fail-on", "critical")
    assert done.returncode == 1, done.stderr
    critical = [u for u in report(done)["unjudged"] if u["severity"] == "critical"]
    assert [(u["rule"], u["path"]) for u in critical] == [("INS035", "AGENTS.md")]


COMMANDS = {
    "agents-md": ["agents-md", "."],
    "scaffold-tests": ["scaffold-tests", ".", "--format", "json"],
    "audit sarif": ["audit", ".", "--format", "sarif", "--no-cache"],
    "audit html": ["audit", ".", "--format", "html", "--no-cache"],
    "audit text": ["audit", ".", "--no-cache"],
}


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_reading_the_repository_completes(name: str, locked: Locked) -> None:
    done = locked.run(*COMMANDS[name])
    survived(done)
    assert done.stdout


def test_the_badge_of_a_repository_with_unreadable_inputs(locked: Locked) -> None:
    out = locked.workspace / "home" / "badges"
    done = locked.run("badge", ".", "-o", out, "--no-cache")
    survived(done, 0)
    assert (out / "auditor-badge.svg").is_file()


@pytest.mark.parametrize(
    "target", ["src/pkg/core.py", "AGENTS.md", "src/pkg/locked.py", "closed", "closed/hidden.py"]
)
def test_explain_on_and_beside_unreadable_paths(target: str, locked: Locked) -> None:
    done = locked.run("agents-md", ".", "--explain", target)
    survived(done, 0)
    [_, unread] = done.stdout.split("Not read, so left out above")
    assert f"AGENTS.md: {READ}" in unread
    if target.startswith(LOCKED_DIRECTORY):  # what it holds is not known, and is said so
        hidden = "closed/hidden.py: " + READ if locked.git else "closed: cannot list directory"
        assert hidden in unread
    assert "pyproject.toml" not in unread  # not an instruction file


def test_agents_md_check_cannot_call_unread_instructions_up_to_date(locked: Locked) -> None:
    done = locked.run("agents-md", ".", "--check")
    survived(done, 1)
    assert "up to date" not in done.stderr
    assert "AGENTS.md: not checked: could not read AGENTS.md" in done.stdout
    named = {line.partition(":")[0] for line in done.stdout.splitlines()}
    assert named <= set(LOCKED_FILES), done.stdout


def test_agents_md_write_refuses_an_instruction_file_it_cannot_read(locked: Locked) -> None:
    before = sorted(os.listdir(locked.root))
    agents = (locked.root / "AGENTS.md").stat()
    done = locked.run("agents-md", ".", "--write")
    assert done.returncode == 2, done.stderr
    assert f"refused AGENTS.md: {READ}" in done.stdout + done.stderr
    after = (locked.root / "AGENTS.md").stat()
    assert (after.st_ino, after.st_size, after.st_mtime_ns) == (
        agents.st_ino,
        agents.st_size,
        agents.st_mtime_ns,
    )
    assert sorted(os.listdir(locked.root)) == before
