"""What each coding agent loads for a path of the repository: the instruction loading model."""

from __future__ import annotations

from collections.abc import Callable
from weakref import WeakKeyDictionary

from auditor.index.agents.claude import agents_md_ignored, claude_load
from auditor.index.agents.codex import MAX_BYTES, chosen_per_directory, codex_load
from auditor.index.agents.copilot import copilot_load, is_path_specific
from auditor.index.agents.cursor import cursor_load, is_cursor_rule, rule_base
from auditor.index.agents.frontmatter import Frontmatter, read_frontmatter
from auditor.index.agents.model import AgentLoad, LoadedFile, SkippedFile
from auditor.index.agents.others import (
    aider_load,
    cline_load,
    gemini_load,
    gemini_names,
    windsurf_load,
)
from auditor.index.agents.paths import InstructionTree, ancestors, glob_spec
from auditor.index.repository import RepositoryIndex

Loader = Callable[[InstructionTree, str], AgentLoad]

LOADERS: dict[str, Loader] = {
    "codex": codex_load,
    "claude": claude_load,
    "copilot": copilot_load,
    "cursor": cursor_load,
    "gemini": gemini_load,
    "windsurf": windsurf_load,
    "cline": cline_load,
    "aider": aider_load,
}
"""Every agent the model knows, by the name `--agent` takes, in the order reports show them."""
AGENT_ALIASES = {"claude-code": "claude", "gemini-cli": "gemini", "github-copilot": "copilot"}

_TREES: WeakKeyDictionary[RepositoryIndex, InstructionTree] = WeakKeyDictionary()


def instruction_tree(index: RepositoryIndex) -> InstructionTree:
    """The instruction files of `index` with their parsed frontmatter, built once per index."""
    tree = _TREES.get(index)
    if tree is None:
        tree = _TREES[index] = InstructionTree(index)
    return tree


def agent_name(name: str) -> str | None:
    """The loader key for an agent name as a user types it, or None if unknown."""
    key = name.strip().lower()
    key = AGENT_ALIASES.get(key, key)
    return key if key in LOADERS else None


def load(index: RepositoryIndex, target: str, agent: str) -> AgentLoad:
    """What `agent` (a key of LOADERS) loads when it works on `target` (a repository path)."""
    return LOADERS[agent](instruction_tree(index), target.strip("/"))


def load_all(index: RepositoryIndex, target: str) -> tuple[AgentLoad, ...]:
    return tuple(load(index, target, agent) for agent in LOADERS)


__all__ = [
    "LOADERS",
    "MAX_BYTES",
    "AgentLoad",
    "Frontmatter",
    "InstructionTree",
    "LoadedFile",
    "SkippedFile",
    "agent_name",
    "agents_md_ignored",
    "ancestors",
    "chosen_per_directory",
    "gemini_names",
    "glob_spec",
    "instruction_tree",
    "is_cursor_rule",
    "is_path_specific",
    "load",
    "load_all",
    "read_frontmatter",
    "rule_base",
]
