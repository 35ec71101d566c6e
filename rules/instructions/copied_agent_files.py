"""INS039: the same skill, agent or command kept as copies instead of one file and links."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.model import Category, Evidence, Grade, Severity
from auditor.rule import Rule, RuleContext, Violation, failing, not_applicable, passing

from .skill_files import SPEC

MIN_LINES = 3
"""Bodies shorter than this (`Do it.`) are alike by chance, not copies."""


def applies(ctx: RuleContext) -> bool:
    return sum(1 for f in ctx.facts.agent_files if f.kind != "hooks") > 1


def check(ctx: RuleContext) -> Iterator[Violation]:
    copies: dict[str, list[str]] = {}
    for agent_file in ctx.facts.agent_files:
        if agent_file.kind == "hooks" or agent_file.linked:
            continue
        body = _body(ctx.index.text(agent_file.source) or "", agent_file.frontmatter.body_line)
        if body is not None:
            copies.setdefault(body, []).append(agent_file.source)
    for paths in copies.values():
        first, *others = sorted(set(paths))
        for other in others:
            yield Violation(
                f"{other} is a copy of {first}: the copies drift apart when one is edited; "
                "keep one file and link to it",
                other,
                key=first,
            )


def _body(text: str, body_line: int) -> str | None:
    """The body after the frontmatter, whitespace collapsed; None when too short to judge."""
    lines = [" ".join(line.split()) for line in text.splitlines()[body_line - 1 :]]
    kept = [line for line in lines if line]
    return "\n".join(kept) if len(kept) >= MIN_LINES else None


SHIP = "---\nname: ship\n---\n1. Tag.\n2. Push.\n3. Post.\n"
STEPS = "1. Read the diff.\n2. Run the tests.\n3. Comment on each change.\n"

RULE = Rule(
    id="INS039",
    name="copied-agent-files",
    title="Skill or agent copied instead of linked",
    category=Category.INSTRUCTIONS,
    severity=Severity.LOW,
    level=3,
    evidence=Evidence(
        Grade.CONVENTION,
        f"{SPEC}: one skill format for every client; GitHub Copilot docs read skills from "
        "`.github/skills`, `.claude/skills` and `.agents/skills`, so one copy serves both; "
        "agents.md migration tip: keep one file and symlink the other names to it.",
    ),
    rationale=(
        "Teams that use several agents copy each skill into every agent's directory. The "
        "copies are edited one at a time and drift, and then each agent follows a different "
        "version of the same workflow. One file, linked from the other directories (or kept "
        "once in `.agents/skills/`, which most agents read), has one version."
    ),
    fix=(
        "Keep one copy (ideally in `.agents/skills/`) and replace the others with symbolic "
        "links: `ln -s ../../.agents/skills/review .claude/skills/review`."
    ),
    fix_prompt=(
        "The file named in the finding has the same body as another skill, custom agent or "
        "command. Keep the one named in the message, delete the copy, and create a symbolic "
        "link in its place pointing at the kept file or its directory (relative path, inside "
        "the repository). If the two were meant to differ, make the difference explicit. "
        "Verify with: auditor audit . --select INS039"
    ),
    check=check,
    applies=applies,
    examples=(
        passing(
            {
                ".claude/skills/review/SKILL.md": "---\nname: review\n---\n" + STEPS,
                ".claude/skills/ship/SKILL.md": SHIP,
            }
        ),
        failing(
            {
                ".claude/skills/review/SKILL.md": "---\nname: review\n---\n" + STEPS,
                ".agents/skills/review/SKILL.md": "---\nname: review\nlicense: MIT\n---\n" + STEPS,
            },
            "frontmatter differs, body copied",
        ),
        not_applicable({".claude/skills/review/SKILL.md": "---\nname: review\n---\n" + STEPS}),
    ),
    per_package=False,
)
