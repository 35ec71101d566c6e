"""Commands the repository's own agent instructions forbid, so the generated block never
contradicts them ("never run `npm install`", "use `pnpm test` instead of `npm test`")."""

from __future__ import annotations

import re

from auditor.agents_md.managed_block import find_block
from auditor.facts.subject import Subject

FORBIDDING = re.compile(
    r"\b(?:never|do\s+not|don['\u2019]t|must\s+not|mustn['\u2019]t|avoid|instead\s+of|"
    r"rather\s+than|not\s+with)\b",
    re.IGNORECASE,
)
SPAN = re.compile(r"`([^`\n]+)`")
CLAUSE_END = re.compile(r"[.;!?](?:\s|$)|\s[-\u2013\u2014]\s|,\s*(?:use|run|prefer)\b", re.I)
"""Where the forbidding clause ends: a sentence end, a dash, or a turn to what to do instead."""


def forbidden_commands(subject: Subject) -> frozenset[str]:
    """The code spans the repository's instruction files name after a forbidding word, in the
    same clause, outside the managed block (which is ours)."""
    found: set[str] = set()
    for path in subject.facts.instruction_files:
        if subject.files.file(path) is None:
            continue
        text = subject.files.text(path) or ""
        block = find_block(text)
        if block is not None:
            text = text[: block.start] + text[block.end :]
        for line in text.splitlines():
            found.update(_forbidden_in(line))
    return frozenset(found)


def contradicts(command: str, forbidden: frozenset[str]) -> bool:
    """Whether `command` is, or starts with, a command the instructions forbid."""
    return any(command == span or command.startswith(f"{span} ") for span in forbidden)


def _forbidden_in(line: str) -> list[str]:
    spans: list[str] = []
    for word in FORBIDDING.finditer(line):
        rest = _outside_spans_end(line, word.end())
        spans.extend(m.group(1).strip() for m in SPAN.finditer(line, word.end(), rest))
    return [span for span in spans if " " in span or span.isidentifier()]


def _outside_spans_end(line: str, start: int) -> int:
    """Where the clause that starts at `start` ends, not counting marks inside code spans."""
    masked = SPAN.sub(lambda m: "`" + "x" * (len(m.group(0)) - 2) + "`", line)
    end = CLAUSE_END.search(masked, start)
    return end.start() if end else len(line)
