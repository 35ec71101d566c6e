"""Hostile skills and agent files: huge, broken, binary, bombs and link loops give diagnostics
and findings, never a crash."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from auditor.index.limits import MAX_SCAN_BYTES
from tests.hostile.conftest import Outcome

MakeRepo = Callable[..., Path]
Audit = Callable[..., Outcome]
TOKEN = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8"
FRONT = "---\nname: big\ndescription: Everything. Use when asked.\n---\n"


def rule_findings(outcome: Outcome, rule: str) -> list[tuple[str, int | None]]:
    return [(f["path"], f.get("line")) for f in outcome.report["findings"] if f["rule"] == rule]


def test_a_skill_over_the_scan_cap_is_measured_and_scanned(
    make_repo: MakeRepo, audit: Audit
) -> None:
    padding = "- Keep each step small and check it before the next.\n"
    lines = MAX_SCAN_BYTES * 2 // len(padding)
    body = padding * lines + f"Use the token {TOKEN}.\n"
    root = make_repo({".agents/skills/big/SKILL.md": FRONT + body})
    outcome = audit(root)
    assert rule_findings(outcome, "INS035") == [(".agents/skills/big/SKILL.md", lines + 5)]
    assert rule_findings(outcome, "INS037") == [(".agents/skills/big/SKILL.md", None)]


def test_broken_frontmatter_of_every_kind_is_a_finding(make_repo: MakeRepo, audit: Audit) -> None:
    bomb = "---\na: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
        for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    )
    root = make_repo(
        {
            ".claude/skills/bomb/SKILL.md": bomb + "---\nBody.\n",
            ".claude/skills/open/SKILL.md": "---\nname: open\n" + "key: value\n" * 5000,
            ".claude/skills/deep/SKILL.md": "---\nname: " + "[" * 5000 + "\n---\n",
            ".claude/skills/tab/SKILL.md": "---\n\tname: tab\n---\n",
            ".claude/skills/bin/SKILL.md": b"---\nname: bin\x00\n---\n",
            ".claude/skills/latin/SKILL.md": b"---\nname: caf\xe9\n---\n",
            ".claude/agents/list.md": "---\n- a\n- b\n---\n",
        }
    )
    outcome = audit(root)
    flagged = {path for path, _ in rule_findings(outcome, "INS036")}
    assert {
        ".claude/skills/bomb/SKILL.md",
        ".claude/skills/open/SKILL.md",
        ".claude/skills/deep/SKILL.md",
        ".claude/skills/tab/SKILL.md",
        ".claude/agents/list.md",
    } <= flagged
    assert not [e for e in outcome.report["rules"] if e.get("status") == "error"]
    assert outcome.diagnostics(".claude/skills/open/SKILL.md") == [
        "malformed: cannot read its frontmatter: "
        "the frontmatter is opened with --- but never closed"
    ]
    bombed = outcome.diagnostics(".claude/skills/bomb/SKILL.md")
    assert len(bombed) == 1 and bombed[0].startswith("malformed: cannot read its frontmatter: ")


def test_links_that_loop_among_skills_are_diagnostics(make_repo: MakeRepo, audit: Audit) -> None:
    root = make_repo({".agents/skills/real/SKILL.md": FRONT.replace("big", "real") + "Go.\n"})
    skills = root / ".claude/skills"
    skills.mkdir(parents=True)
    os.symlink("a", skills / "b")
    os.symlink("b", skills / "a")
    os.symlink("..", skills / "up")
    os.symlink("../../.claude", root / ".agents/skills/claude")
    os.symlink("../../.agents/skills/real", skills / "real")
    outcome = audit(root)
    assert "symlink: symbolic link loops: not followed" in outcome.diagnostics(".claude/skills/a")
    assert "symlink: symbolic link loops: not followed" in outcome.diagnostics(".claude/skills/up")
    assert rule_findings(outcome, "INS036") == []
