"""The prompts a generated AGENTS.md leaves for maintainers, and how to tell them from content."""

from __future__ import annotations

import re

MARK = "TODO(maintainers):"
"""What every placeholder line of the generator's templates starts with, after `- `."""
PLACEHOLDER = re.compile(r"^[ \t]*(?:[-*][ \t]+)?" + re.escape(MARK))
CONTINUATION = re.compile(r"^[ \t]{2,}\S")


def placeholder_lines(text: str) -> tuple[int, ...]:
    """The 1-based lines of `text` that are the generator's placeholders (an indented line
    after one continues it)."""
    found: list[int] = []
    previous = False
    for number, line in enumerate(text.splitlines(), start=1):
        previous = bool(PLACEHOLDER.match(line) or (previous and CONTINUATION.match(line)))
        if previous:
            found.append(number)
    return tuple(found)


def without_placeholders(text: str) -> str:
    """`text` with the placeholder lines blanked (line numbers kept): what a person wrote or
    the generator verified, the only text that may satisfy a rule."""
    blank = set(placeholder_lines(text))
    if not blank:
        return text
    lines = text.splitlines(keepends=True)
    kept = ("\n" if n in blank else line for n, line in enumerate(lines, start=1))
    return "".join(kept)
