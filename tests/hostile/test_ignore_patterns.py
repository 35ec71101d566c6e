"""Gitignore-style lines that no pattern can be made of: skipped as git skips them, not fatal."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from auditor.ignore_patterns import ignore_spec, unusable_patterns
from tests.hostile.conftest import Outcome

UNUSABLE = ["!", "\\", "dir\\", "[z-a]"]
"""A lone `!`, a trailing backslash, a reversed character range."""


def test_unusable_lines_are_skipped_and_the_rest_still_match() -> None:
    spec = ignore_spec([*UNUSABLE, "*.log", "!keep.log"])
    assert spec.match_file("debug.log") and not spec.match_file("keep.log")
    assert unusable_patterns([*UNUSABLE, "*.log"]) == UNUSABLE


@pytest.mark.parametrize("git", [False, True], ids=["walk", "git"])
def test_a_gitignore_of_unusable_lines_is_audited(
    git: bool, make_repo: Callable[..., Path], audit: Callable[..., Outcome]
) -> None:
    files = {
        ".gitignore": "\n".join([*UNUSABLE, "secret.txt", ".env", ""]),
        ".gitattributes": "[z-a] linguist-generated\ngen/* linguist-generated\n",
        ".prettierignore": "!\ntests/fixtures/\n",
        "secret.txt": "x\n",
        ".env.example": "TOKEN=\n",
        "gen/out.py": "x = 1\n",
        "app.py": "import os\nTOKEN = os.environ['TOKEN']\n",
    }
    outcome = audit(make_repo(files, git=git))
    facts = outcome.report["facts"]
    assert facts["languages"]["python"]["files"] == 1  # gen/out.py is left out as generated
    assert [entry["path"] for entry in facts["set_aside"]] == ["gen/out.py"]
    rules = {r["id"]: r["status"] for r in outcome.report["rules"]}
    assert rules["SAF003"] == "pass"  # `.env` is still ignored: one bad line costs nothing else
    assert "error" not in rules.values()
