"""Every command that reads a repository, on one repository holding every hostile manifest."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.hostile.conftest import Invoke, assert_survived
from tests.hostile.test_manifests import DEEP_NESTING, HUGE_NUMBERS
from tests.hostile.test_yaml_bombs import alias_bomb, merge_bomb


@pytest.fixture
def everything_hostile(make_repo: Callable[..., Path]) -> Path:
    files: dict[str, str | bytes] = {"README.md": "# x\n", "AGENTS.md": "# Agents\n"}
    for manifests, _, _ in [*HUGE_NUMBERS.values(), *DEEP_NESTING.values()]:
        for path, text in manifests.items():
            files.setdefault(path, text)  # one hostile version of each file
    files[".gitlab-ci.yml"] = alias_bomb()
    files[".travis.yml"] = merge_bomb()
    files[".aider.conf.yml"] = alias_bomb() + "read: [AGENTS.md]\n"
    files[".mcp.json"] = '{"mcpServers": {"a": {"command": "x", "args": 1}}}'
    return make_repo(files, git=True)


@pytest.mark.parametrize(
    "args",
    [
        ["audit", "--format", "json", "--no-cache"],
        ["audit", "--format", "sarif", "--no-cache"],
        ["audit", "--format", "html", "--no-cache"],
        ["audit", "--rev", "HEAD", "--format", "json", "--no-cache"],
        ["agents-md"],
        ["agents-md", "--check"],
        ["agents-md", "--explain", "."],
        ["agents-md", "--explain", "README.md", "--agent", "aider"],
        ["scaffold-tests"],
        ["scaffold-tests", "--format", "json"],
        ["scaffold-tests", "--write"],
    ],
    ids=" ".join,
)
def test_a_command_on_a_hostile_repository_completes(
    args: list[str], everything_hostile: Path, invoke: Invoke
) -> None:
    outcome = invoke(args[0], everything_hostile, *args[1:])
    assert_survived(outcome)
    assert outcome.out or "up to date" in outcome.err


def test_badge_of_a_hostile_repository(
    everything_hostile: Path, invoke: Invoke, tmp_path: Path
) -> None:
    outcome = invoke("badge", everything_hostile, "-o", tmp_path / "badges", "--no-cache")
    assert outcome.code == 0, outcome.err
    assert (tmp_path / "badges" / "auditor-badge.svg").is_file()
