"""The repository's config files are untrusted: a link out of it, a special file or a huge file
is not read, the run goes on with the defaults, and a warning says why."""

from __future__ import annotations

import os
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from auditor.config import MAX_CONFIG_BYTES, Config, load_config
from auditor.errors import ConfigError
from tests.hostile.conftest import Invoke, Outcome, assert_survived

IGNORE_INS = {
    ".auditor.toml": 'ignore = ["INS"]\n',
    "pyproject.toml": '[project]\nname = "x"\nversion = "0"\n\n[tool.auditor]\nignore = ["INS"]\n',
}
"""A config that visibly changes the run: no instruction rule is judged."""
PLAIN = {"README.md": "# x\n\nRun `pytest`.\n", "AGENTS.md": "# Agents\n", "app.py": "x = 1\n"}
HUGE = 400 * 1024 * 1024
"""The size of the planted file: sparse, so it costs no disk and reading it would cost 400 MB."""


def audited(invoke: Invoke, root: Path) -> Outcome:
    outcome = invoke("audit", root, "--format", "json", "--no-cache")
    assert_survived(outcome)
    return outcome


def judged_instruction_rules(outcome: Outcome) -> bool:
    return any(rule["id"].startswith("INS0") for rule in outcome.report["rules"])


@pytest.mark.parametrize("name", sorted(IGNORE_INS))
def test_a_config_linked_from_outside_the_repository_is_not_applied(
    name: str, make_repo: Callable[..., Path], tmp_path: Path, invoke: Invoke
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / name).write_text(IGNORE_INS[name], "utf-8")
    root = make_repo(PLAIN, git=True)
    (root / name).symlink_to(outside / name)
    outcome = audited(invoke, root)
    assert judged_instruction_rules(outcome), "the outside config was applied"
    assert "symbolic link leaves the repository" in outcome.err
    assert "using defaults" in outcome.err
    assert outcome.diagnostics(name) == [
        "symlink: symbolic link leaves the repository: not followed"
    ]


@pytest.mark.parametrize("name", sorted(IGNORE_INS))
def test_a_config_linked_inside_the_repository_is_applied(
    name: str, make_repo: Callable[..., Path], invoke: Invoke
) -> None:
    root = make_repo({**PLAIN, f"config/{name}": IGNORE_INS[name]}, git=True)
    (root / name).symlink_to(Path("config") / name)
    outcome = audited(invoke, root)
    assert not judged_instruction_rules(outcome)
    assert "warning" not in outcome.err


@pytest.mark.parametrize("name", sorted(IGNORE_INS))
def test_a_huge_config_is_not_read(
    name: str, make_repo: Callable[..., Path], invoke: Invoke
) -> None:
    root = make_repo(PLAIN, git=True)
    with (root / name).open("wb") as huge:
        huge.write(IGNORE_INS[name].encode())
        huge.truncate(HUGE)
    tracemalloc.start()
    try:
        config = load_config(root)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert config.source is None and peak < 1024 * 1024
    (warning,) = config.warnings
    assert warning.startswith(_warning(name, f"larger than {MAX_CONFIG_BYTES >> 20} MiB)"))
    outcome = audited(invoke, root)
    assert judged_instruction_rules(outcome)
    assert _warning(name, "larger than") in outcome.err


def _warning(name: str, reason: str) -> str:
    if name == "pyproject.toml":
        return f"pyproject.toml: not read for [tool.auditor] ({reason}"
    return f"{name}: not read ({reason}"


@pytest.mark.parametrize("target", ["missing.toml", ".", "/dev/zero"])
def test_a_dedicated_config_that_is_no_file_falls_back_to_the_defaults(
    target: str, make_repo: Callable[..., Path]
) -> None:
    root = make_repo({**PLAIN, "pyproject.toml": IGNORE_INS["pyproject.toml"]})
    os.symlink(target, root / ".auditor.toml")
    config = load_config(root)
    assert config.ignore == () and len(config.warnings) == 1
    assert config.warnings[0].startswith(".auditor.toml: not read (")


def test_a_config_named_on_the_command_line_may_live_anywhere_but_is_bounded(
    tmp_path: Path, make_repo: Callable[..., Path]
) -> None:
    root = make_repo(PLAIN)
    chosen = tmp_path / "elsewhere.toml"
    chosen.write_text(IGNORE_INS[".auditor.toml"], "utf-8")
    assert load_config(root, chosen).ignore == ("INS",)
    with chosen.open("r+b") as huge:
        huge.truncate(HUGE)
    with pytest.raises(ConfigError, match="cannot read config: larger than"):
        load_config(root, chosen)
    assert load_config(root) == Config()
