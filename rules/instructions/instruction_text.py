"""The instruction files a rule judges, read once: own text only, lines with code marked."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from auditor.agents_md.placeholders import without_placeholders
from auditor.rule import RuleContext

FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
MCP_CONFIGS = (".mcp.json", ".cursor/mcp.json", ".vscode/mcp.json", ".gemini/settings.json")
"""Where agents read MCP server configs from the repository (JSON, not instruction files)."""


@dataclass(frozen=True, slots=True)
class Line:
    number: int
    text: str
    in_code: bool
    """Inside a fenced code block (the fence lines themselves count as code)."""


def own_instruction_files(ctx: RuleContext) -> Iterator[tuple[str, str]]:
    """(path, text) of every instruction file with text of its own, in path order.

    A symbolic link (`CLAUDE.md -> AGENTS.md`) has no text of its own: its target is judged
    once, under the target's name, not twice.
    """
    for path in ctx.facts.instruction_files:
        if ctx.index.file(path) is None:
            continue
        text = ctx.index.text(path)
        if text:
            yield path, text


def written_instruction_files(ctx: RuleContext) -> Iterator[tuple[str, str]]:
    """Like `own_instruction_files`, with the generator's placeholder lines blanked: the text
    that may satisfy a rule (a draft's `TODO(maintainers): ... ask before ...` is no boundary).
    """
    for path, text in own_instruction_files(ctx):
        yield path, without_placeholders(text)


def lines_of(text: str) -> list[Line]:
    """The lines of a Markdown text, each marked in or out of a fenced code block."""
    found: list[Line] = []
    fence: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        opened = FENCE.match(line)
        if opened and (fence is None or opened.group(1).startswith(fence)):
            fence = None if fence else opened.group(1)[0] * 3
            found.append(Line(number, line, True))
            continue
        found.append(Line(number, line, fence is not None))
    return found


def has_instruction_files(ctx: RuleContext) -> bool:
    return bool(ctx.facts.instruction_files)
