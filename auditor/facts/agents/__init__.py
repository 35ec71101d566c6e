"""What each coding agent loads for a path of the repository: the instruction loading model."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from weakref import WeakKeyDictionary

from auditor.facts.agents.claude import agents_md_ignored, claude_load
from auditor.facts.agents.codex import MAX_BYTES, chosen_per_directory, codex_load
from auditor.facts.agents.copilot import copilot_load, is_path_specific
from auditor.facts.agents.cursor import cursor_load, is_cursor_rule, rule_base
from auditor.facts.agents.frontmatter import Frontmatter, read_frontmatter
from auditor.facts.agents.model import AgentLoad, LoadedFile, OnDemandFile, SkippedFile
from auditor.facts.agents.on_demand import on_demand
from auditor.facts.agents.others import (
    aider_load,
    cline_load,
    gemini_load,
    gemini_names,
    windsurf_load,
)
from auditor.facts.agents.paths import InstructionTree, ancestors, glob_spec
from auditor.facts.subject import Subject
from auditor.index.read_log import ReadLog, shared

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

_TREES: WeakKeyDictionary[Subject, tuple[InstructionTree, ReadLog]] = WeakKeyDictionary()


def instruction_tree(subject: Subject) -> InstructionTree:
    """The instruction files of `subject` with their parsed frontmatter, built once per run."""
    return shared(_TREES, subject, lambda: InstructionTree(subject))


def agent_name(name: str) -> str | None:
    """The loader key for an agent name as a user types it, or None if unknown."""
    key = name.strip().lower()
    key = AGENT_ALIASES.get(key, key)
    return key if key in LOADERS else None


def load(subject: Subject, target: str, agent: str) -> AgentLoad:
    """What `agent` (a key of LOADERS) loads when it works on `target` (a repository path):
    the instruction files it reads, and the skills, agents, commands and hooks it may read."""
    tree = instruction_tree(subject)
    view = LOADERS[agent](tree, target.strip("/"))
    extra = on_demand(subject.facts, tree.directory_of(target), agent, tree.size)
    return replace(view, on_demand=extra) if extra else view


def load_all(subject: Subject, target: str) -> tuple[AgentLoad, ...]:
    return tuple(load(subject, target, agent) for agent in LOADERS)


__all__ = [
    "LOADERS",
    "MAX_BYTES",
    "AgentLoad",
    "Frontmatter",
    "InstructionTree",
    "LoadedFile",
    "OnDemandFile",
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
