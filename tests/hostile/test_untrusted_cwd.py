"""Standing inside a hostile checkout: its click.py (or yaml.py, jinja2.py) is never imported."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import write_repo

SHADOWED = ("click", "yaml", "jinja2", "pathspec", "rich")
"""Modules the CLI imports before it reads anything: a file of that name in the cwd comes
first on sys.path under `python -m`."""
SCRIPT = Path(sys.executable).with_name("auditor")


def hostile_checkout(root: Path, marker: Path) -> Path:
    """A repository whose click.py, yaml.py, ... each write `marker` when imported."""
    plant = f"open({str(marker)!r}, 'a').write(__name__ + '\\n')\n"
    files = {f"{name}.py": plant for name in SHADOWED}
    return write_repo(root, {**files, "README.md": "# x\n", "AGENTS.md": "# Agents\n"}, git=True)


@pytest.mark.slow
@pytest.mark.parametrize(
    "command",
    [[str(SCRIPT)], [sys.executable, "-m", "auditor"], [sys.executable, "-P", "-m", "auditor"]],
    ids=["script", "python-m", "python-P-m"],
)
def test_no_module_of_the_checkout_is_imported(command: list[str], tmp_path: Path) -> None:
    marker = tmp_path / "imported"
    root = hostile_checkout(tmp_path / "checkout", marker)
    for args in (["audit", ".", "--format", "json", "--no-cache"], ["agents-md", "."]):
        done = subprocess.run(
            [*command, *args], cwd=root, capture_output=True, text=True, timeout=300
        )
        assert done.returncode in (0, 1), done.stderr
        if args[0] == "audit":
            assert json.loads(done.stdout)["tool"]["name"] == "auditor"
    assert not marker.exists(), marker.read_text()


def test_the_console_script_is_installed() -> None:
    assert SCRIPT.is_file(), "the tests need the `auditor` script beside the interpreter"
