"""INS036: a skill or custom agent whose frontmatter agents cannot use to choose it."""

from __future__ import annotations

import re
from collections.abc import Iterator

from auditor.facts.model import AgentFile, AgentFrontmatter
from auditor.model import Category, Evidence, Grade, Severity
from auditor.rule import Rule, RuleContext, Violation, failing, not_applicable, passing

from .skill_files import SKILL_NAME, SPEC, once_each

MAX_NAME = 64
MAX_DESCRIPTION = 1024
SAYS_WHEN = re.compile(
    r"\b(?:when|whenever|if|before|after|during|while|for\s+(?:any|all|tasks?|requests?|"
    r"work|questions?)|use\s+(?:it\s+|this\s+(?:skill\s+|agent\s+)?)?(?:for|to|on|in|with)|"
    r"invoke|trigger(?:s|ed)?|proactively|must\s+be\s+used)\b",
    re.IGNORECASE,
)
"""Words that tell the agent when to pick the file, not only what it does."""


def applies(ctx: RuleContext) -> bool:
    return any(f.kind in ("skill", "agent") for f in ctx.facts.agent_files)


def check(ctx: RuleContext) -> Iterator[Violation]:
    judged = tuple(f for f in ctx.facts.agent_files if f.kind in ("skill", "agent"))
    for agent_file in once_each(judged):
        yield from _frontmatter(agent_file)
    for agent_file in judged:  # a link may give a skill a directory name of its own
        name = agent_file.frontmatter.text("name")
        named = agent_file.kind == "skill" and name and SKILL_NAME.match(name)
        if named and name != agent_file.name:
            yield Violation(
                f"`name: {name}` does not match its directory {agent_file.name!r}"
                + (f" (as read through {agent_file.path})" if agent_file.linked else "")
                + "; the specification requires they match",
                agent_file.source,
                agent_file.frontmatter.line("name"),
                key=f"name-mismatch:{agent_file.path}",
            )


def _frontmatter(agent_file: AgentFile) -> Iterator[Violation]:
    front, path = agent_file.frontmatter, agent_file.source
    if front.problem is not None or not front.present:
        why = front.problem or "no frontmatter: agents list it with no name or description"
        yield Violation(why, path, 1, key="unreadable")
        return
    required = ("name", "description") if _needs_name(agent_file) else ("description",)
    for key in required:
        if not (front.text(key) or "").strip():
            yield Violation(_missing(agent_file, key), path, 1, key=f"no-{key}")
    name = front.text("name")
    if agent_file.kind == "skill" and name and not _valid_name(name):
        yield Violation(
            f"`name: {name[:40]}` is not 1-64 lowercase letters, digits and single hyphens",
            path,
            front.line("name"),
            key="bad-name",
        )
    yield from _description(agent_file)


def _missing(agent_file: AgentFile, key: str) -> str:
    if key == "name" and agent_file.kind == "skill" and "claude" in agent_file.agents:
        return (
            "no `name` in the frontmatter: Claude Code falls back to the directory name, but "
            "the specification and the other agents that read it require one"
        )
    return f"no `{key}` in the frontmatter"


def _valid_name(name: str) -> bool:
    return len(name) <= MAX_NAME and SKILL_NAME.match(name) is not None


def _description(agent_file: AgentFile) -> Iterator[Violation]:
    front, path, what = agent_file.frontmatter, agent_file.source, agent_file.kind
    description = " ".join((front.text("description") or "").split())
    if len(description) > MAX_DESCRIPTION:
        yield Violation(
            f"the description is {len(description):,} characters "
            f"(the limit is {MAX_DESCRIPTION:,})",
            path,
            front.line("description"),
            key="long-description",
        )
    elif description and not SAYS_WHEN.search(description) and not _manual_only(front):
        yield Violation(
            f"the description says what the {what} does, not when to use it; "
            f"agents choose {what}s by that",
            path,
            front.line("description"),
            key="description-without-when",
        )


def _manual_only(front: AgentFrontmatter) -> bool:
    """`disable-model-invocation: true`: only the user's `/name` runs it, so no agent chooses
    it by its description."""
    return (front.text("disable-model-invocation") or "").lower() == "true"


def _needs_name(agent_file: AgentFile) -> bool:
    """Skills and Claude Code subagents require a `name`; a Copilot agent profile defaults
    to its file name."""
    return agent_file.kind == "skill" or "claude" in agent_file.agents


SKILL = "---\nname: pdf-forms\ndescription: Fill PDF forms. Use when the user mentions PDFs.\n---\n"

RULE = Rule(
    id="INS036",
    name="invalid-skill-frontmatter",
    title="Skill or custom agent frontmatter agents cannot choose it by",
    category=Category.INSTRUCTIONS,
    severity=Severity.MEDIUM,
    level=2,
    evidence=Evidence(
        Grade.CONVENTION,
        f"{SPEC}: `name` (required, lowercase, matching its directory) and `description` "
        "(required, ≤ 1024 characters, 'what the skill does and when to use it'); Claude "
        "Code subagents docs: `name` and `description` required; Codex skills docs: "
        "implicit invocation depends on the description.",
    ),
    rationale=(
        "Agents load only a skill's name and description at the start, and decide from the "
        "description alone whether to read the rest; custom agents are delegated to the "
        "same way. A skill with unreadable frontmatter, no description, or a description "
        "that says what it is but not when it applies is never chosen, or chosen at the "
        "wrong time. A name that differs from its directory breaks the specification and "
        "the `/name` agents invoke it by."
    ),
    fix=(
        "Give the file valid YAML frontmatter with `name` (the directory's name, lowercase "
        "with hyphens) and a `description` that says what it does and when to use it: "
        "'Fills PDF forms. Use when the user mentions PDFs or forms.'"
    ),
    fix_prompt=(
        "The skill or custom agent named in the finding has frontmatter agents cannot use "
        "to choose it. Make its `---` block valid YAML with `name:` equal to the skill's "
        "directory name (lowercase letters, digits, hyphens) and a `description:` under "
        "1024 characters saying what it does and when to use it ('Use when ...'). "
        "Verify with: auditor audit . --select INS036"
    ),
    check=check,
    applies=applies,
    examples=(
        passing({".claude/skills/pdf-forms/SKILL.md": SKILL + "Steps.\n"}),
        failing({".claude/skills/pdf/SKILL.md": SKILL + "Steps.\n"}, "name and directory differ"),
        failing(
            {".agents/skills/pdf/SKILL.md": "---\nname: pdf\ndescription: Helps with PDFs.\n---\n"},
            "no 'when'",
        ),
        failing({".agents/skills/pdf/SKILL.md": "---\nname: [pdf\n---\n"}, "broken YAML"),
        passing(
            {
                ".claude/skills/ship/SKILL.md": "---\nname: ship\ndescription: Ships a release.\n"
                "disable-model-invocation: true\n---\n"
            },
            "manual only: no agent chooses it by its description",
        ),
        failing({".claude/agents/reviewer.md": "---\nname: reviewer\n---\nReview code.\n"}),
        not_applicable({"AGENTS.md": "Run `pytest`.\n"}),
    ),
    per_package=False,
)
