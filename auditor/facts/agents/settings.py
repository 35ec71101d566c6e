"""Coding agents' settings files in the repository, each parsed once: hooks, deny rules, names.

Claude Code and Gemini CLI read `.claude/settings.json` and `.gemini/settings.json` (hooks run
on the agent's own events; `permissions.deny` keeps paths out of its reach; Gemini's
`context.fileName` renames its instruction file); Cursor reads hooks from `.cursor/hooks.json`.
A file that does not parse is a `malformed` diagnostic and sets nothing.
"""

from __future__ import annotations

from typing import Any

from auditor.facts.model import AgentSettings
from auditor.facts.sources import FactSources

CLAUDE_SETTINGS = ".claude/settings.json"
GEMINI_SETTINGS = ".gemini/settings.json"
CURSOR_HOOKS = ".cursor/hooks.json"
SETTINGS_FILES = (CLAUDE_SETTINGS, GEMINI_SETTINGS, CURSOR_HOOKS)


def agent_settings(src: FactSources) -> tuple[AgentSettings, ...]:
    """The agent settings files present and parsable, in `SETTINGS_FILES` order."""
    found = []
    for path in SETTINGS_FILES:
        data = src.json(path) if src.repo.file(path) is not None else None
        if isinstance(data, dict):
            found.append(_settings(path, data))
    return tuple(found)


def _settings(path: str, data: dict[str, Any]) -> AgentSettings:
    permissions = data.get("permissions")
    deny = permissions.get("deny") if isinstance(permissions, dict) else None
    context = data.get("context")
    name = context.get("fileName") if isinstance(context, dict) else None
    if name is None:
        name = data.get("contextFileName")
    names = [name] if isinstance(name, str) else name if isinstance(name, list) else []
    return AgentSettings(
        path=path,
        hooks=_declares_hooks(data.get("hooks")),
        deny=tuple(str(rule) for rule in deny) if isinstance(deny, list) else (),
        context_file_names=tuple(n for n in names if isinstance(n, str) and n),
    )


def _declares_hooks(hooks: Any) -> bool:
    """Whether a `hooks` table names at least one hook (an event with an empty list does not)."""
    return isinstance(hooks, dict) and any(hooks.values())
