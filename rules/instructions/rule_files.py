"""Rule files with frontmatter (Cursor, Copilot, Windsurf, Claude, Cline) and their glob keys."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from auditor.facts.agents import is_path_specific, rule_base
from auditor.rule import RuleContext


@dataclass(frozen=True, slots=True)
class RuleFile:
    path: str
    vendor: str
    glob_key: str
    """The frontmatter key holding its globs: globs, applyTo or paths."""
    base: str
    """The directory its globs are relative to ("" for the repository root)."""


def rule_files(ctx: RuleContext) -> Iterator[RuleFile]:
    """Every instruction file whose frontmatter decides when it loads, in path order."""
    for path in ctx.facts.instruction_files:
        if ctx.index.file(path) is None:
            continue
        found = _classify(path)
        if found is not None:
            yield found


def _classify(path: str) -> RuleFile | None:
    cursor = rule_base(path)
    if cursor is not None:
        return RuleFile(path, "Cursor", "globs", cursor)
    if is_path_specific(path):
        return RuleFile(path, "Copilot", "applyTo", "")
    if path.startswith(".windsurf/rules/"):
        return RuleFile(path, "Windsurf", "globs", "")
    if path.startswith(".claude/rules/"):
        return RuleFile(path, "Claude Code", "paths", "")
    if path.startswith(".clinerules/"):
        return RuleFile(path, "Cline", "paths", "")
    return None
