"""A generated repository whose readiness changes at known commits, for the history tests."""

from __future__ import annotations

from pathlib import Path

from tests.git_history import Change, make_history

BASE: dict[str, Change] = {
    "README.md": "# svc\n\nA small service.\n",
    "app.py": "def main():\n    return 1\n",
    "pyproject.toml": '[project]\nname = "svc"\nversion = "1.0"\n',
}
AGENTS = "# AGENTS.md\n\n## Commands\n\n- Test: `python -m pytest`\n"
TESTS = "from app import main\n\n\ndef test_main():\n    assert main() == 1\n"
CHANGES: dict[int, tuple[dict[str, Change], str]] = {
    4: ({"AGENTS.md": AGENTS}, "INS001"),
    9: ({"tests/test_app.py": TESTS}, "FEE001"),
    14: ({"AGENTS.md": None}, "INS001"),
}
"""Commit number -> (its change, a rule whose status it flips)."""


def history_repository(root: Path, commits: int = 20) -> list[str]:
    """`commits` commits; those in CHANGES change readiness, the others only a data file."""
    steps: list[dict[str, Change]] = []
    for number in range(commits):
        change: dict[str, Change] = dict(BASE) if number == 0 else {}
        change["data/counter.txt"] = f"{number}\n"
        if number in CHANGES:
            change.update(CHANGES[number][0])
        steps.append(change)
    return make_history(root, steps)
