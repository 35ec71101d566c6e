"""INS037: a SKILL.md longer than the specification recommends."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.model import Category, Evidence, Grade, Severity
from auditor.rule import Option, Rule, RuleContext, Violation, failing, not_applicable, passing

from .skill_files import SPEC, has_skills, once_each, skills

FRONT = "---\nname: big\ndescription: Everything. Use when asked.\n---\n"


def check(ctx: RuleContext) -> Iterator[Violation]:
    max_lines, max_tokens = int(ctx.option("max_lines")), int(ctx.option("max_tokens"))
    for skill in once_each(skills(ctx)):
        record = ctx.index.file(skill.source)
        if record is None:
            continue
        front = skill.frontmatter
        lines = front.body_lines if front.body_bytes else record.lines
        tokens = (front.body_bytes + 3) // 4 if front.body_bytes else record.tokens
        over = [
            f"{lines:,} lines (recommended under {max_lines:,})" if lines > max_lines else "",
            f"~{tokens:,} tokens (recommended under {max_tokens:,})" if tokens > max_tokens else "",
        ]
        if any(over):
            yield Violation(
                f"the body is {' and '.join(o for o in over if o)}; all of it "
                "is read each time the skill is used",
                skill.source,
                key="long-skill",
            )


RULE = Rule(
    id="INS037",
    name="long-skill",
    title="Skill body over the recommended size",
    category=Category.INSTRUCTIONS,
    severity=Severity.LOW,
    level=3,
    evidence=Evidence(
        Grade.CONVENTION,
        f"{SPEC}, 'Progressive disclosure': instructions '< 5000 tokens recommended', 'Keep "
        "your main SKILL.md under 500 lines. Move detailed reference material to separate "
        "files.'",
    ),
    rationale=(
        "A skill's body is read whole into the agent's context every time the skill is "
        "activated, on top of the instruction files. The specification's progressive "
        "disclosure keeps the body to the steps and moves reference material into files "
        "the skill links to, which the agent reads only when a step needs them."
    ),
    fix=(
        "Keep SKILL.md to the steps, decisions and one or two examples; move long reference "
        "material, tables and API notes into `references/*.md` beside it and link to them."
    ),
    fix_prompt=(
        "The SKILL.md named in the finding is over the Agent Skills size recommendation "
        "(500 lines, 5,000 tokens). Keep the workflow steps and decision points in it; move "
        "reference material, long examples and tables into files under the skill's "
        "`references/` directory, each linked from SKILL.md with one line saying when to read "
        "it. Verify with: auditor audit . --select INS037"
    ),
    check=check,
    applies=has_skills,
    options=(
        Option("max_lines", 500, "Lines a skill body may have."),
        Option("max_tokens", 5000, "Estimated tokens (bytes / 4) a skill body may have."),
    ),
    examples=(
        passing({".agents/skills/big/SKILL.md": FRONT + "1. Do the thing.\n"}),
        failing({".agents/skills/big/SKILL.md": FRONT + "- a step\n" * 600}),
        failing(
            {".claude/skills/big/SKILL.md": FRONT + ("word " * 60 + "\n") * 80},
            "under 500 lines but over 5,000 tokens",
        ),
        not_applicable({"AGENTS.md": "- a step\n" * 600}),
    ),
    per_package=False,
)
