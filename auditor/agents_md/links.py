"""`--link claude,gemini`: CLAUDE.md / GEMINI.md that import AGENTS.md instead of copying it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from auditor.agents_md.writer import Outcome, write_file
from auditor.errors import UsageError
from auditor.index.repository import RepositoryIndex

LINKED = {"claude": ("CLAUDE.md", ".claude/CLAUDE.md"), "gemini": ("GEMINI.md",)}
"""Per agent: the file it reads instead of AGENTS.md (first is the one created)."""
IMPORT_LINE = "@AGENTS.md"
IMPORTS = re.compile(r"^[ \t]*@(?:\./)?AGENTS\.md[ \t]*$", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class LinkPlan:
    """What to do for one agent: nothing (it already sees AGENTS.md), create or append."""

    agent: str
    path: str
    content: str | None
    """The file's new content; None when nothing needs writing."""
    message: str
    ours: bool = True
    current: str | None = None
    """The file's text as read (None: there is none), which the write must find unchanged."""


def agent_names(value: str) -> tuple[str, ...]:
    """`claude,gemini` -> ("claude", "gemini"), or a UsageError naming the unknown one."""
    names = tuple(dict.fromkeys(n.strip().lower() for n in value.split(",") if n.strip()))
    for name in names:
        if name not in LINKED:
            raise UsageError(f"--link: unknown agent {name!r}; choose from {', '.join(LINKED)}")
    return names


def plan_links(index: RepositoryIndex, names: tuple[str, ...]) -> tuple[LinkPlan, ...]:
    return tuple(_plan(index, name) for name in names)


def _plan(index: RepositoryIndex, agent: str) -> LinkPlan:
    for path in LINKED[agent]:
        if index.links.get(path) == "AGENTS.md":
            return LinkPlan(agent, path, None, f"{path} already links to AGENTS.md")
        text = index.text(path) if index.file(path) is not None else None
        if text is None:
            continue
        if IMPORTS.search(text):
            return LinkPlan(agent, path, None, f"{path} already imports AGENTS.md")
        appended = text + ("" if text.endswith("\n") else "\n") + "\n" + IMPORT_LINE + "\n"
        message = f"{path} does not import AGENTS.md; appending `{IMPORT_LINE}`"
        return LinkPlan(agent, path, appended, message, ours=False, current=text)
    path = LINKED[agent][0]
    return LinkPlan(agent, path, IMPORT_LINE + "\n", f"{path}: created, importing AGENTS.md")


def write_links(root: Path, plans: tuple[LinkPlan, ...], force: bool) -> tuple[Outcome, ...]:
    return tuple(
        write_file(root, plan.path, plan.content, ours=plan.ours, current=plan.current, force=force)
        for plan in plans
        if plan.content is not None
    )
