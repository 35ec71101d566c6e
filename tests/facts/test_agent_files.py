"""Skills, custom agents, commands and hook configs found as facts, links resolved once."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from auditor.facts.agents.agent_frontmatter import MAX_FRONTMATTER_LINES, read_agent_frontmatter
from auditor.facts.model import AgentFile
from tests.conftest import subject_of

MakeRepo = Callable[..., Path]
SKILL = "---\nname: pdf\ndescription: Read PDFs. Use when the user mentions PDFs.\n---\n# PDF\n"


def found(root: Path) -> dict[str, AgentFile]:
    return {f.path: f for f in subject_of(root, want_syntax=False).facts.agent_files}


def test_each_agent_location_is_found_with_who_reads_it(make_repo: MakeRepo) -> None:
    root = make_repo(
        {
            ".agents/skills/pdf/SKILL.md": SKILL,
            ".claude/skills/review/SKILL.md": SKILL,
            ".github/skills/ship/SKILL.md": SKILL,
            "services/api/.claude/skills/db/SKILL.md": SKILL,
            ".claude/agents/reviewer.md": "---\nname: reviewer\n---\n",
            ".github/agents/triage.agent.md": "---\ndescription: x\n---\n",
            ".github/agents/cleanup.md": "---\ndescription: x\n---\n",
            ".claude/commands/git/push.md": "Push.\n",
            ".github/prompts/release.prompt.md": "Release.\n",
            ".cursor/commands/fix.md": "Fix.\n",
            ".gemini/commands/test.toml": 'prompt = "Test"\n',
            ".claude/settings.json": '{"hooks": {"Stop": [{"hooks": [{"command": "make fmt"}]}]}}',
        }
    )
    files = found(root)
    kinds = {path: (f.kind, f.agents, f.name, f.base) for path, f in files.items()}
    assert kinds == {
        ".agents/skills/pdf/SKILL.md": (
            "skill",
            ("codex", "copilot", "cursor", "gemini"),
            "pdf",
            "",
        ),
        ".claude/skills/review/SKILL.md": ("skill", ("claude", "copilot", "cursor"), "review", ""),
        ".github/skills/ship/SKILL.md": ("skill", ("copilot",), "ship", ""),
        "services/api/.claude/skills/db/SKILL.md": (
            "skill",
            ("claude", "copilot", "cursor"),
            "db",
            "services/api",
        ),
        ".claude/agents/reviewer.md": ("agent", ("claude",), "reviewer", ""),
        ".github/agents/triage.agent.md": ("agent", ("copilot",), "triage", ""),
        ".github/agents/cleanup.md": ("agent", ("copilot",), "cleanup", ""),
        ".claude/commands/git/push.md": ("command", ("claude",), "push", ""),
        ".github/prompts/release.prompt.md": ("command", ("copilot",), "release", ""),
        ".cursor/commands/fix.md": ("command", ("cursor",), "fix", ""),
        ".gemini/commands/test.toml": ("command", ("gemini",), "test", ""),
        ".claude/settings.json": ("hooks", ("claude",), "hooks", ""),
    }
    assert files[".agents/skills/pdf/SKILL.md"].frontmatter.text("name") == "pdf"
    assert files[".agents/skills/pdf/SKILL.md"].frontmatter.body_line == 5


def test_names_are_case_sensitive_and_github_locations_are_root_only(make_repo: MakeRepo) -> None:
    root = make_repo(
        {
            ".agents/skills/pdf/skill.md": SKILL,
            ".claude/skills/pdf/README.md": SKILL,
            ".claude/skills/SKILL.md": SKILL,
            "pkg/.github/skills/x/SKILL.md": SKILL,
            ".github/agents/sub/triage.md": "x\n",
            "docs/skills/pdf/SKILL.md": SKILL,
        }
    )
    assert found(root) == {}


def test_a_linked_skill_directory_is_read_under_both_names(make_repo: MakeRepo) -> None:
    root = make_repo({".agents/skills/pdf/SKILL.md": SKILL})
    (root / ".claude/skills/keep").mkdir(parents=True)
    os.symlink("../../.agents/skills/pdf", root / ".claude/skills/pdf")
    os.symlink("../../../.agents/skills/pdf/SKILL.md", root / ".claude/skills/keep/SKILL.md")
    files = found(root)
    linked = files[".claude/skills/pdf/SKILL.md"]
    assert (linked.source, linked.linked, linked.agents[0]) == (
        ".agents/skills/pdf/SKILL.md",
        True,
        "claude",
    )
    assert files[".claude/skills/keep/SKILL.md"].source == ".agents/skills/pdf/SKILL.md"
    facing = subject_of(root, want_syntax=False).facts.agent_facing_files
    assert facing == (".agents/skills/pdf/SKILL.md",)  # the text once, under its own name


def test_links_that_loop_or_leave_the_repository_are_diagnostics(
    make_repo: MakeRepo, tmp_path: Path
) -> None:
    root = make_repo({".claude/skills/real/SKILL.md": SKILL})
    outside = tmp_path / "outside" / "skill"
    outside.mkdir(parents=True)
    (outside / "SKILL.md").write_text(SKILL)
    os.symlink("..", root / ".claude/skills/loop")
    os.symlink("b", root / ".claude/skills/a")
    os.symlink("a", root / ".claude/skills/b")
    os.symlink(outside, root / ".claude/skills/stolen")
    subject = subject_of(root, want_syntax=False)
    assert [f.path for f in subject.facts.agent_files] == [".claude/skills/real/SKILL.md"]
    kinds = {d.path: d.message for d in subject.files.diagnostics if d.kind == "symlink"}
    assert kinds == {
        ".claude/skills/loop": "symbolic link loops: not followed",
        ".claude/skills/a": "symbolic link loops: not followed",
        ".claude/skills/b": "symbolic link loops: not followed",
        ".claude/skills/stolen": "symbolic link leaves the repository: not followed",
    }


def test_frontmatter_problems_are_named_not_raised() -> None:
    assert read_agent_frontmatter("---\nname: [x\n---\n").problem.startswith("not valid YAML")
    assert read_agent_frontmatter("---\n- a\n- b\n---\n").problem == (
        "the frontmatter is not a mapping of `key: value` lines"
    )
    unclosed = read_agent_frontmatter("---\nname: x\n" + "more: y\n" * MAX_FRONTMATTER_LINES)
    assert unclosed.problem == "the frontmatter is opened with --- but never closed"
    plain = read_agent_frontmatter("# Title\n\nBody.\n")
    assert (plain.present, plain.problem, plain.body_lines) == (False, None, 3)
    bomb = (
        "---\na: &a [x, x, x, x, x, x, x, x, x]\n"
        + "".join(
            f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
            for p, c in zip("abcdefgh", "bcdefghi", strict=True)
        )
        + "---\n"
    )
    assert read_agent_frontmatter(bomb).problem is not None
