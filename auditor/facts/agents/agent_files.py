"""Skills, custom agents, commands and hook configs: what coding agents load on demand.

Where each agent looks (docs/agent-files.md has the sources). Names are case-sensitive, as the
agents read them (`skill.md` is not a skill). `<base>` is any directory for the locations
agents also find in subdirectories (Claude Code, Codex and Gemini CLI walk from the working
directory up); GitHub's `.github/` ones are read at the root only.

- Skills, `<dir>/<name>/SKILL.md`: `.claude/skills/` (Claude Code, Copilot, Cursor),
  `.agents/skills/` (Codex, Copilot, Cursor, Gemini CLI), `.github/skills/` (Copilot),
  `.cursor/skills/` (Cursor), `.gemini/skills/` (Gemini CLI), `.codex/skills/` (Codex, as
  openai/codex keeps its own; Cursor).
- Custom agents and subagents: `.claude/agents/**/*.md` (Claude Code),
  `.github/agents/*.agent.md` and `*.md` (Copilot; GitHub's template names them `.agent.md`,
  gh-aw's docs and microsoft/vstest use plain `.md`), `.gemini/agents/*.md` (Gemini CLI).
- Commands and prompt files: `.claude/commands/**/*.md` (Claude Code), `.github/prompts/
  *.prompt.md` (Copilot in VS Code), `.cursor/commands/*.md` (Cursor), `.gemini/commands/
  **/*.toml` (Gemini CLI), `.windsurf/workflows/*.md` (Windsurf).
- Hook configs: the agent settings files that declare hooks (`facts.agents.settings`).

A symbolic link is resolved once, by discovery, and only inside the repository: a link to a
file (`index.links`) or to a directory (`index.dir_links`, whose files are then seen under the
link's path too). A link inside a linked directory is not followed again, so links cannot loop.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from auditor.facts.agents.agent_frontmatter import agent_frontmatter
from auditor.facts.model import AgentFile, AgentSettings
from auditor.facts.sources import FactSources

ANY = r"^(?:(?P<base>(?:[^/]+/)*?[^/]+)/)?"
"""An optional base directory (named `base`), for locations agents find at any depth."""
SKILL_AGENTS = {
    ".claude": ("claude", "copilot", "cursor"),
    ".agents": ("codex", "copilot", "cursor", "gemini"),
    ".github": ("copilot",),
    ".cursor": ("cursor",),
    ".gemini": ("gemini",),
    ".codex": ("codex", "cursor"),
}
LOCATIONS: tuple[tuple[str, re.Pattern[str], tuple[str, ...] | None], ...] = (
    (
        "skill",
        re.compile(
            ANY + r"(?P<dir>\.claude|\.agents|\.cursor|\.gemini|\.codex)/skills/"
            r"(?P<name>[^/]+)/SKILL\.md$"
        ),
        None,
    ),
    ("skill", re.compile(r"^(?P<dir>\.github)/skills/(?P<name>[^/]+)/SKILL\.md$"), None),
    ("agent", re.compile(ANY + r"\.claude/agents/(?:[^/]+/)*(?P<name>[^/]+)\.md$"), ("claude",)),
    ("agent", re.compile(r"^\.github/agents/(?P<name>[^/]+?)(?:\.agent)?\.md$"), ("copilot",)),
    ("agent", re.compile(ANY + r"\.gemini/agents/(?P<name>[^/]+)\.md$"), ("gemini",)),
    (
        "command",
        re.compile(ANY + r"\.claude/commands/(?:[^/]+/)*(?P<name>[^/]+)\.md$"),
        ("claude",),
    ),
    ("command", re.compile(r"^\.github/prompts/(?P<name>[^/]+)\.prompt\.md$"), ("copilot",)),
    ("command", re.compile(ANY + r"\.cursor/commands/(?P<name>[^/]+)\.md$"), ("cursor",)),
    (
        "command",
        re.compile(ANY + r"\.gemini/commands/(?:[^/]+/)*(?P<name>[^/]+)\.toml$"),
        ("gemini",),
    ),
    ("command", re.compile(ANY + r"\.windsurf/workflows/(?P<name>[^/]+)\.md$"), ("windsurf",)),
)
HOOK_AGENTS = {
    ".claude/settings.json": ("claude",),
    ".gemini/settings.json": ("gemini",),
    ".cursor/hooks.json": ("cursor",),
}
AGENT_DIRECTORY = re.compile(r"(?:^|/)\.(?:claude|agents|github|cursor|gemini|codex|windsurf)/")
"""What every agent file's path holds: one search rules out the other files of a large tree."""
MAX_LINKED_FILES = 10_000
"""Files of one linked directory looked at: a link to a huge directory costs no more."""


def agent_files(src: FactSources, settings: tuple[AgentSettings, ...]) -> tuple[AgentFile, ...]:
    """Every skill, custom agent and command file found (links included), and each agent
    settings file that declares hooks, sorted by path."""
    found: dict[str, AgentFile] = {}
    for path, source in _candidates(src):
        if path in found or not AGENT_DIRECTORY.search(path):
            continue
        agent_file = _classify(src, path, source)
        if agent_file is not None:
            found[path] = agent_file
    for config in settings:
        if config.hooks and config.path in HOOK_AGENTS:
            agents = HOOK_AGENTS[config.path]
            found[config.path] = AgentFile(config.path, "hooks", agents, "hooks", "", config.path)
    return tuple(found[path] for path in sorted(found))


def _candidates(src: FactSources) -> Iterator[tuple[str, str]]:
    """(path as agents read it, indexed file holding its text), each path once."""
    repo = src.repo
    for record in repo.files:
        yield record.path, record.path
    for link, target in repo.links.items():
        if repo.file(target) is not None:
            yield link, target
    for link, target in repo.dir_links.items():
        if not _could_hold_agent_files(link):
            continue
        for seen, record in enumerate(repo.under(target)):
            if seen >= MAX_LINKED_FILES:
                break
            yield f"{link}/{record.path[len(target) + 1 :]}", record.path


def _could_hold_agent_files(link: str) -> bool:
    """Whether files below `link` can be agent files (a link anywhere under an agent's
    directory, or a link to one: `.claude -> .agents`)."""
    return any(f"/{part}" in f"/{link}" for part in (*SKILL_AGENTS, ".windsurf"))


def _classify(src: FactSources, path: str, source: str) -> AgentFile | None:
    for kind, pattern, agents in LOCATIONS:
        match = pattern.search(path)
        if match is None:
            continue
        groups = match.groupdict()
        if agents is None:
            agents = SKILL_AGENTS[groups["dir"]]
        base = groups.get("base") or ""
        front = agent_frontmatter(src, path, source) if path.endswith(".md") else None
        if front is not None and front.present and front.problem is not None:
            src.diagnose(source, "malformed", f"cannot read its frontmatter: {front.problem}")
        if front is None:
            return AgentFile(path, kind, agents, groups["name"], base, source)
        return AgentFile(path, kind, agents, groups["name"], base, source, front)
    return None
