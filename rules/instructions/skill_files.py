"""The skills and custom agents a rule judges, from the facts: each text once, links known."""

from __future__ import annotations

import re
from collections.abc import Iterator

from auditor.facts.model import AgentFile
from auditor.rule import RuleContext

SPEC = "agentskills.io specification (agentskills/agentskills, docs/specification.mdx)"
SPEC_FIELDS = frozenset(
    {"name", "description", "license", "compatibility", "metadata", "allowed-tools"}
)
"""The frontmatter fields the open Agent Skills specification defines."""
SKILL_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
"""1-64 lowercase letters, digits and single hyphens, not at either end."""


def skills(ctx: RuleContext) -> tuple[AgentFile, ...]:
    return tuple(f for f in ctx.facts.agent_files if f.kind == "skill")


def has_skills(ctx: RuleContext) -> bool:
    return bool(skills(ctx))


def once_each(files: tuple[AgentFile, ...]) -> Iterator[AgentFile]:
    """Each file's text once: under its own path when it has one, else under the first link
    that reaches it (a linked copy is the same text, judged where it is written)."""
    seen: set[str] = set()
    for agent_file in sorted(files, key=lambda f: (f.linked, f.path)):
        if agent_file.source not in seen:
            seen.add(agent_file.source)
            yield agent_file


def skill_directory(agent_file: AgentFile) -> str:
    """The skills directory a skill is read from: `.claude/skills`, `pkg/.agents/skills`."""
    return agent_file.path.rsplit("/", 2)[0]
