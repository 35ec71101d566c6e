"""The report, the generated AGENTS.md and its single-test line say one test command, and
`agents-md --write` is a fixed point."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from auditor.cli import run

PLAIN_UV = {
    "pyproject.toml": '[project]\nname = "app"\nversion = "0.1"\n\n'
    '[dependency-groups]\ndev = ["pytest>=8"]\n',
    "uv.lock": "version = 1\n",
    "app/__init__.py": "",
    "tests/test_a.py": "def test_a():\n    assert True\n",
    "README.md": "# app\n",
}
"""A plain uv + pytest repository that documents no command at all."""


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = run(list(args))
    return code, capsys.readouterr().out


def report_facts(capsys: pytest.CaptureFixture[str], root: Path) -> dict[str, object]:
    _, out = cli(capsys, "audit", str(root), "--format", "json")
    facts: dict[str, object] = json.loads(out)["facts"]
    return facts


def test_report_and_generated_file_agree_and_write_is_a_fixed_point(
    make_repo: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_repo(PLAIN_UV, git=True)
    before = report_facts(capsys, root)
    assert before["test_command"] == "uv run pytest"
    assert before["test_command_source"] == {
        "path": "pyproject.toml",
        "line": None,
        "reason": "framework-default",
    }
    assert before["single_test_command"] == "uv run pytest tests/test_a.py::test_a"

    assert cli(capsys, "agents-md", str(root), "--write")[0] == 0
    first = (root / "AGENTS.md").read_text(encoding="utf-8")
    assert "- Run the tests: `uv run pytest`\n" in first
    assert "- Run one test: `uv run pytest tests/test_a.py::test_a`\n" in first

    assert cli(capsys, "agents-md", str(root), "--check")[0] == 0
    after = report_facts(capsys, root)
    assert (after["test_command"], after["single_test_command"]) == (
        before["test_command"],
        before["single_test_command"],
    )
    _, out = cli(capsys, "audit", str(root), "--format", "json")
    assert not [f for f in json.loads(out)["findings"] if f["rule"] == "INS005"]

    assert cli(capsys, "agents-md", str(root), "--write")[0] == 0
    assert (root / "AGENTS.md").read_text(encoding="utf-8") == first


VITEST = {
    "package.json": '{"name": "x", "scripts": {"test": "vitest"}, '
    '"devDependencies": {"vitest": "^1"}}\n',
    "package-lock.json": "{}\n",
    "src/a.ts": "export const a = 1\n",
    "src/a.test.ts": 'import { it } from "vitest"\nit("adds", () => {})\n',
}
"""A test script that starts vitest's watch mode when run in a terminal."""


def test_the_report_says_the_unattended_form_the_generated_file_writes(
    make_repo: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_repo(VITEST)
    facts = report_facts(capsys, root)
    assert facts["test_command"] == "npm test -- --run"
    assert facts["single_test_command"] == 'npx vitest run src/a.test.ts -t "adds"'
    _, proposed = cli(capsys, "agents-md", str(root))
    assert "- Run the tests: `npm test -- --run`\n" in proposed
