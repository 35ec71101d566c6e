"""`agents-md --explain`: the loading model rendered for a maintainer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from auditor.agents_md.explain import explain, repository_path
from auditor.errors import UsageError

LINE = "- Run `make test` before you finish.\n"  # 37 bytes


@pytest.fixture
def nested(make_repo: Callable[..., Path]) -> Path:
    return make_repo(
        {
            "AGENTS.md": LINE * 500,
            "services/AGENTS.md": LINE * 300,
            "services/api/AGENTS.md": LINE * 200,
            "services/api/app.py": "x = 1\n",
            "CLAUDE.md": "# Claude\n",
        }
    )


def test_explain_shows_what_codex_drops(nested: Path) -> None:
    text = explain(nested, "services/api/app.py", "codex")
    assert text.splitlines()[0] == "What coding agents load when they work on services/api/app.py"
    assert "OpenAI Codex (codex): 3 files, 32,768 bytes read (~8,192 tokens)" in text
    assert "services/api/AGENTS.md" in text
    assert (
        "TRUNCATED: only the first 3,168 of 7,400 bytes are read (32,768-byte combined cap); "
        "4,232 bytes dropped from line 86 on"
    ) in text
    assert "Claude" not in text


def test_explain_every_agent(nested: Path) -> None:
    text = explain(nested, "services/api")
    for title in ("OpenAI Codex", "Claude Code", "GitHub Copilot", "Cursor", "Gemini CLI"):
        assert title in text
    assert "CLAUDE.md neither imports it (`@AGENTS.md`) nor links to it" in text
    assert explain(nested, "services/api") == text  # byte-stable


def test_explain_takes_absolute_and_root_paths(nested: Path) -> None:
    assert "on the repository root" in explain(nested, ".", "cursor")
    assert repository_path(nested, str(nested / "services" / "api")) == "services/api"
    assert repository_path(nested, "") == ""


def test_explain_rejects_bad_usage(nested: Path, tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="unknown agent"):
        explain(nested, "", "emacs")
    with pytest.raises(UsageError, match="not inside"):
        explain(nested, "../elsewhere")
    with pytest.raises(UsageError, match="not a directory"):
        explain(tmp_path / "missing")


def test_a_nested_skill_is_on_demand_only_under_its_directory(
    make_repo: Callable[..., Path],
) -> None:
    skill = "---\nname: db\ndescription: Migrate the schema. Use when models change.\n---\nSteps.\n"
    root = make_repo(
        {
            "services/api/.claude/skills/db/SKILL.md": skill,
            "services/api/app.py": "x = 1\n",
            "web/app.ts": "x\n",
        }
    )
    inside = explain(root, "services/api/app.py", "claude")
    assert "skill services/api/.claude/skills/db/SKILL.md, 81 B: when the task matches" in inside
    assert "services/api/.claude/skills/db" not in explain(root, "web/app.ts", "claude")
    assert "on demand" not in explain(root, "services/api/app.py", "codex")
