"""When an agent reads the skills, custom agents, commands and hooks that apply to a path.

Skills are progressive disclosure (agentskills.io specification): every skill's `name` and
`description` are in the agent's context from the start, and the body is read only when the
agent decides the task matches the description, or when the user invokes it by name. Claude
Code's `disable-model-invocation: true` leaves a skill to the user's `/name` only. Custom
agents (subagents) run in their own context when a task is delegated to them; commands and
prompt files are read only when the user types `/name`; hook configs are never read into the
context: the agent runs their commands on its own events.
"""

from __future__ import annotations

from collections.abc import Callable

from auditor.facts.agents.model import OnDemandFile
from auditor.facts.agents.paths import ancestors
from auditor.facts.model import AgentFile, Facts

DESCRIPTION_SHOWN = 70
SHOWN_COMMANDS = 3


def on_demand(
    facts: Facts, directory: str, agent: str, size_of: Callable[[str], int]
) -> tuple[OnDemandFile, ...]:
    """The agent files `agent` can read while it works in `directory`, by path; a file read
    twice under two names (a linked skill directory) is given once, under the first."""
    chain = set(ancestors(directory))
    found: list[OnDemandFile] = []
    seen: set[tuple[str, str]] = set()
    for agent_file in facts.agent_files:
        if agent not in agent_file.agents or agent_file.base not in chain:
            continue
        identity = (agent_file.kind, agent_file.source)
        if identity in seen:
            continue
        seen.add(identity)
        linked = agent_file.source if agent_file.linked else None
        size = size_of(agent_file.source)
        said = when(agent_file, agent)
        if agent_file.kind == "hooks":
            said = _hooks(facts, agent_file.path)
        found.append(
            OnDemandFile(agent_file.path, agent_file.kind, agent_file.name, said, size, linked)
        )
    return tuple(found)


def _hooks(facts: Facts, path: str) -> str:
    """What a hook config runs: never read into context, its commands run on events."""
    commands = next((s.hook_commands for s in facts.agent_settings if s.path == path), ())
    shown = ", ".join(f"`{c[:60]}`" for c in commands[:SHOWN_COMMANDS])
    more = f" and {len(commands) - SHOWN_COMMANDS} more" if len(commands) > SHOWN_COMMANDS else ""
    runs = f"; it runs {shown}{more}" if commands else ""
    return f"never read into context: the agent runs its hooks on its own events{runs}"


def when(agent_file: AgentFile, agent: str) -> str:
    """When `agent` reads `agent_file`, in a few words."""
    front = agent_file.frontmatter
    description = " ".join((front.text("description") or "").split())
    if len(description) > DESCRIPTION_SHOWN:
        description = description[: DESCRIPTION_SHOWN - 3].rstrip() + "..."
    if agent_file.kind == "command":
        return f"only when the user types /{agent_file.name}"
    manual_only = (front.text("disable-model-invocation") or "").lower() == "true"
    if agent_file.kind == "agent" and manual_only and agent in ("claude", "copilot"):
        return "only when the user picks it (disable-model-invocation)"
    if agent_file.kind == "agent":
        matched = f"matching {description!r}" if description else "(it has no description)"
        return f"in its own context, when a task is delegated to it {matched}"
    if manual_only and agent == "claude":
        return f"only when the user types /{agent_file.name} (disable-model-invocation)"
    if front.problem is not None:
        return "never chosen by the agent: its frontmatter cannot be read (only by /name)"
    if not description:
        return "never chosen by the agent: it has no description to match (only by /name)"
    return f"when the task matches its description: {description!r}"
