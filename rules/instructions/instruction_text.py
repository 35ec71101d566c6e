"""The instruction files a rule judges, read once: own text only, lines with code marked."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace

from auditor.agents_md.placeholders import without_placeholders
from auditor.index.records import TextChunk
from auditor.rule import RuleContext, Violation

FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
Scan = Callable[[str, str], Iterable[Violation]]
"""scan(path, text) -> violations, with lines counted from the start of `text`."""


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


def instruction_chunks(ctx: RuleContext) -> Iterator[tuple[str, TextChunk]]:
    """(path, chunk) of every agent-facing file with content of its own (instruction files,
    skills, custom agents, commands: `Facts.agent_facing_files`), in path order, for the
    safety rules: a file the index holds the text of is one chunk, and one it does not (over
    the scan cap, or holding a NUL byte) comes in bounded chunks (`RepositoryIndex.chunks`),
    so padding an instruction file hides nothing from them."""
    for path in ctx.facts.agent_facing_files:
        if ctx.index.file(path) is not None:
            yield from ((path, chunk) for chunk in ctx.index.chunks(path))


def in_chunks(chunks: Iterable[tuple[str, TextChunk]], scan: Scan) -> Iterator[Violation]:
    """`scan` run over each chunk, its violations placed in the file: lines counted from the
    file's start, one on a line the chunk only reads ahead left to the next chunk, and one a
    line cut between two chunks shows twice given once."""
    seen: set[tuple[str, int | None, str, str]] = set()
    for path, chunk in chunks:
        for violation in scan(path, chunk.text):
            line = violation.line
            if line is not None and not chunk.owns_line(line):
                continue
            placed = replace(violation, line=chunk.file_line(line) if line is not None else None)
            identity = (path, placed.line, placed.key, placed.message)
            if chunk.first_line > 1 or chunk.own_end < len(chunk.text):
                if identity in seen:
                    continue
                seen.add(identity)
            yield placed


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


def has_agent_facing_files(ctx: RuleContext) -> bool:
    """Whether any file an agent reads as instructions exists (`Facts.agent_facing_files`)."""
    return bool(ctx.facts.agent_facing_files)
