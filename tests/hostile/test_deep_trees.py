"""Directory trees deeper than the interpreter's recursion limit, with and without git."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.hostile.conftest import Invoke, Outcome, assert_survived

DEPTH = 1100
"""Past Python's default recursion limit (1,000): os.walk recursed once per level until 3.12."""
INSTRUCTIONS = "# Agents\n\nRun the tests with `pytest`.\n@../AGENTS.md\n"


def chain(depth: int) -> str:
    return "/".join(["d"] * depth)


def deep_tree(root: Path, depth: int, file_in_each: str | None = None) -> str:
    """`depth` nested directories `d/d/...` under `root` with `f.py` at the bottom, and
    `file_in_each` (an instruction file) in each of them; returns the bottom directory."""
    root.mkdir()
    directory = root
    for level in range(depth + 1):  # os.makedirs and Path.mkdir(parents=True) recurse
        if file_in_each is not None:
            (directory / file_in_each).write_text(INSTRUCTIONS)
        if level < depth:
            directory = directory / "d"
            directory.mkdir()
    (directory / "f.py").write_text("x = 1\n")
    return chain(depth)


@pytest.fixture
def deep_root(tmp_path: Path) -> Iterator[Path]:
    """Where a deep tree goes; removed bottom-up afterwards, as shutil.rmtree recurses."""
    root = tmp_path / "repo"
    yield root
    for level in range(DEPTH, 0, -1):
        directory = root / chain(level)
        if directory.is_dir():
            for entry in directory.iterdir():
                entry.unlink()
            directory.rmdir()
    shutil.rmtree(root, ignore_errors=True)


def committed(root: Path) -> Path:
    for args in (["init", "-q"], ["add", "-A"]):
        subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)
    return root


@pytest.mark.parametrize("git", [False, True], ids=["walk", "git"])
def test_a_1100_deep_tree_is_audited(
    git: bool, deep_root: Path, audit: Callable[..., Outcome]
) -> None:
    deepest = deep_tree(deep_root, DEPTH)
    outcome = audit(committed(deep_root) if git else deep_root)
    assert outcome.report["facts"]["languages"]["python"]["files"] == 1
    assert outcome.diagnostics(f"{deepest}/f.py") == []


@pytest.mark.parametrize("git", [False, True], ids=["walk", "git"])
def test_explain_walks_a_1100_deep_chain_of_instruction_files(
    git: bool, deep_root: Path, invoke: Invoke
) -> None:
    deepest = deep_tree(deep_root, DEPTH, file_in_each="AGENTS.md")
    if git:
        committed(deep_root)
    outcome = invoke("agents-md", deep_root, "--explain", f"{deepest}/f.py", "--agent", "codex")
    assert_survived(outcome)
    assert outcome.code == 0
    assert f"OpenAI Codex (codex): {DEPTH + 1} files" in outcome.out
    assert "TRUNCATED" in outcome.out  # past the 32 KiB combined cap


def test_a_300_deep_chain_of_instruction_files_is_audited(
    tmp_path: Path, audit: Callable[..., Outcome]
) -> None:
    root = tmp_path / "repo"
    deep_tree(root, 300, file_in_each="AGENTS.md")
    outcome = audit(committed(root), "--select", "INS")
    assert len(outcome.report["facts"]["instruction_files"]) == 301
