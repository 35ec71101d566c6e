"""Coding agents' settings files in the repository, each parsed once: hooks, deny rules, names.

Claude Code and Gemini CLI read `.claude/settings.json` and `.gemini/settings.json` (hooks run
on the agent's own events; `permissions.deny` keeps paths out of its reach; Gemini's
`context.fileName` renames its instruction file); Cursor reads hooks from `.cursor/hooks.json`.
A file that does not parse is a `malformed` diagnostic and sets nothing; `//` and `/* */`
comments are allowed (Gemini CLI strips them). A value of the wrong type (`"deny": 7`) is
left out and named in a `wrong-shape` diagnostic.
"""

from __future__ import annotations

from typing import Any

from auditor.facts.model import AgentSettings
from auditor.facts.sources import SHAPE_PREFIX, FactSources

CLAUDE_SETTINGS = ".claude/settings.json"
GEMINI_SETTINGS = ".gemini/settings.json"
CURSOR_HOOKS = ".cursor/hooks.json"
SETTINGS_FILES = (CLAUDE_SETTINGS, GEMINI_SETTINGS, CURSOR_HOOKS)


def agent_settings(src: FactSources) -> tuple[AgentSettings, ...]:
    """The agent settings files present and parsable, in `SETTINGS_FILES` order."""
    found = []
    for path in SETTINGS_FILES:
        data = src.jsonc(path) if src.repo.file(path) is not None else None
        if isinstance(data, dict):
            problems: list[str] = []
            found.append(_settings(path, data, problems))
            if problems:
                message = SHAPE_PREFIX + "; ".join(problems)
                src.diagnose(path, "wrong-shape", message)
        elif data is not None:  # parsed, but a list or a number: no settings
            message = SHAPE_PREFIX + "the top level is not an object"
            src.diagnose(path, "wrong-shape", message)
    return tuple(found)


def _settings(path: str, data: dict[str, Any], problems: list[str]) -> AgentSettings:
    hooks = data.get("hooks")
    if hooks is not None and not isinstance(hooks, dict):
        problems.append("hooks is not an object")
    return AgentSettings(
        path=path,
        hooks=_declares_hooks(hooks),
        hook_commands=tuple(_hook_commands(hooks, MAX_HOOK_DEPTH)),
        deny=_deny(data.get("permissions"), problems),
        context_file_names=_context_names(data, problems),
    )


def _deny(permissions: Any, problems: list[str]) -> tuple[str, ...]:
    """The `permissions.deny` rules that are strings."""
    if permissions is not None and not isinstance(permissions, dict):
        problems.append("permissions is not an object")
    deny = permissions.get("deny") if isinstance(permissions, dict) else None
    if deny is not None and not _strings(deny):
        problems.append("permissions.deny is not a list of strings")
    return tuple(rule for rule in deny if isinstance(rule, str)) if isinstance(deny, list) else ()


def _context_names(data: dict[str, Any], problems: list[str]) -> tuple[str, ...]:
    """Gemini's `context.fileName` (or the older `contextFileName`): one name or a list."""
    context = data.get("context")
    name = context.get("fileName") if isinstance(context, dict) else None
    if name is None:
        name = data.get("contextFileName")
    if name is not None and not isinstance(name, str) and not _strings(name):
        problems.append("context.fileName is not a string or a list of strings")
    names = [name] if isinstance(name, str) else name if isinstance(name, list) else []
    return tuple(n for n in names if isinstance(n, str) and n)


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


MAX_HOOK_DEPTH = 8
"""Claude Code nests event -> matcher group -> hooks -> command: three levels; deeper is noise."""


def _hook_commands(value: Any, depth: int) -> list[str]:
    """Every `command` string under a hooks table (Claude Code, Gemini CLI and Cursor all
    name the shell command `command`), depth first, in the file's order."""
    if depth <= 0:
        return []
    if isinstance(value, dict):
        found = [value["command"]] if isinstance(value.get("command"), str) else []
        for key, item in value.items():
            if key != "command":
                found.extend(_hook_commands(item, depth - 1))
        return found
    if isinstance(value, list):
        return [command for item in value for command in _hook_commands(item, depth - 1)]
    return []


def _declares_hooks(hooks: Any) -> bool:
    """Whether a `hooks` table names at least one hook (an event with an empty list does not)."""
    return isinstance(hooks, dict) and any(hooks.values())
