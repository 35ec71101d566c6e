"""`auditor agents-md --explain`: what each coding agent loads for a path, as plain text."""

from __future__ import annotations

import os
from pathlib import Path

from auditor.errors import UsageError
from auditor.facts.agents import LOADERS, AgentLoad, LoadedFile, agent_name, load
from auditor.facts.agents.unread import unread_instructions
from auditor.facts.subject import Subject

ELSEWHERE = ("applies only under", "loaded only when", "nested rule, applies only under")
"""Reasons that only say a file belongs to another directory: summed up in one line."""
SHOWN = 4


def explain(
    root_or_subject: Path | str | Subject, target_path: str = "", agent: str | None = None
) -> str:
    """What each agent (or only `agent`) loads when it works on `target_path`, as text.

    `target_path` is a file or directory: absolute, relative to the current directory, or
    relative to the repository root. Raises UsageError for an unknown agent or a path outside
    the repository.
    """
    subject = root_or_subject if isinstance(root_or_subject, Subject) else _subject(root_or_subject)
    index = subject.files
    target = repository_path(index.root, target_path)
    parent = target.rpartition("/")[0]
    unread = unread_instructions(index, target)
    if not (index.exists(target) or target in index.links or index.exists(parent) or unread):
        raise UsageError(f"{target_path}: no such file or directory in the repository")
    agents = list(LOADERS)
    if agent is not None:
        key = agent_name(agent)
        if key is None:
            raise UsageError(f"unknown agent {agent!r}; choose from {', '.join(LOADERS)}")
        agents = [key]
    where = target or "the repository root"
    out = [f"What coding agents load when they work on {where}", ""]
    for name in agents:
        out.extend(render(load(subject, target, name)))
        out.append("")
    if unread:
        out.append("Not read, so left out above (each agent running as this user is refused too):")
        out.extend(f"  {d.path}: {d.message}" for d in unread)
    return "\n".join(out).rstrip() + "\n"


def repository_path(root: Path, target: str) -> str:
    """`target` as a repository-relative POSIX path ("" for the root)."""
    if not target or target in (".", "./"):
        return ""
    candidate = Path(target)
    # os.path.exists: False, not PermissionError, below a directory that cannot be entered
    if (
        not candidate.is_absolute()
        and not os.path.exists(root / candidate)
        and os.path.exists(candidate)
    ):
        candidate = candidate.resolve()
    if candidate.is_absolute():
        try:
            relative = candidate.resolve().relative_to(root.resolve())
        except ValueError:
            raise UsageError(f"{target} is not inside the repository {root}") from None
        return "" if str(relative) == "." else relative.as_posix()
    parts = [p for p in candidate.as_posix().split("/") if p not in ("", ".")]
    if ".." in parts:
        raise UsageError(f"{target} is not inside the repository {root}")
    return "/".join(parts)


def render(view: AgentLoad) -> list[str]:
    """The lines describing one agent's load."""
    counted = [f for f in view.loaded if not f.maybe]
    head = f"{view.title} ({view.agent}): "
    if not view.loaded:
        lines = [head + "no instruction file from this repository"]
    else:
        lines = [
            head + f"{len(counted)} file{'s' if len(counted) != 1 else ''}, "
            f"{view.bytes_read:,} bytes read (~{view.tokens:,} tokens)"
        ]
    width = max((len(f.path) for f in view.loaded), default=0)
    for number, loaded in enumerate(view.loaded, start=1):
        lines.extend(_loaded(number, loaded, width))
    elsewhere = [s.path for s in view.skipped if s.why.startswith(ELSEWHERE)]
    for skipped in view.skipped:
        if not skipped.why.startswith(ELSEWHERE):
            lines.append(f"   - not loaded: {skipped.path}: {skipped.why}")
    if elsewhere:
        shown = ", ".join(elsewhere[:SHOWN]) + (", ..." if len(elsewhere) > SHOWN else "")
        lines.append(
            f"   - not loaded: {len(elsewhere)} file{'s' if len(elsewhere) != 1 else ''} "
            f"for other directories ({shown})"
        )
    lines.extend(_on_demand(view))
    lines.extend(f"   note: {note}" for note in view.notes)
    return lines


KINDS = {"skill": "skill", "agent": "custom agent", "command": "command", "hooks": "hooks"}


def _on_demand(view: AgentLoad) -> list[str]:
    """The skills, custom agents, commands and hooks the agent may read, and when."""
    if not view.on_demand:
        return []
    lines = [f"   on demand ({len(view.on_demand)}, not counted above):"]
    for item in view.on_demand:
        linked = f" (a link to {item.linked_from})" if item.linked_from else ""
        lines.append(f"     {KINDS[item.kind]} {item.path}{linked}, {item.size:,} B: {item.when}")
    return lines


def _loaded(number: int, loaded: LoadedFile, width: int) -> list[str]:
    mark = "?" if loaded.maybe else f"{number}."
    tokens = f"~{loaded.tokens:,}"
    size = f"{loaded.size:>9,} B {tokens:>8} tok"
    lines = [f"  {mark:>3} {loaded.path:<{width}}  {size}  {loaded.why}"]
    if loaded.kept == 0:
        lines.append(f"      DROPPED: none of its {loaded.size:,} bytes is read ({loaded.limit})")
    elif loaded.kept is not None:
        lost = loaded.size - loaded.kept
        lines.append(
            f"      TRUNCATED: only the first {loaded.kept:,} of {loaded.size:,} bytes are read "
            f"({loaded.limit}); {lost:,} bytes dropped from line {loaded.cut_line} on"
        )
    return lines


def _subject(root: Path | str) -> Subject:
    from auditor.discover import discover
    from auditor.index.build import build_index

    path = Path(root)
    if not path.is_dir():
        raise UsageError(f"{os.fspath(root)} is not a directory")
    return Subject(build_index(discover(path), want_syntax=False))
