"""Repository values in the managed block: one-line Markdown code spans, or refused with why."""

from __future__ import annotations

import re

from auditor.inert_text import UNSAFE_IN_A_LINE

MARKUP = ("<!--", "-->", "auditor:begin", "auditor:end")
SUBSTITUTIONS = ("`", "$(")
_BACKTICKS = re.compile(r"`+")


def refusal(value: str, command: bool) -> str | None:
    """Why `value` (a command when `command`, else a path or name) cannot be written, or None.

    Every path, command, script and package name the block states comes from the repository,
    so any of them can carry an injection: a directory named with a line break and a fake end
    marker, a script name with backticks. Refused: a value holding a line break or another
    control character, an HTML comment or a managed-block marker, and, in a command, a
    command substitution (a backtick or `$(`) that a shell would run.
    """
    if not value.strip():
        return "it is blank"
    if UNSAFE_IN_A_LINE.search(value):
        return "it holds a line break or a control character"
    markup = next((mark for mark in MARKUP if mark in value), None)
    if markup is not None:
        return f"it holds {markup!r}, an HTML comment or a managed-block marker"
    if command and any(mark in value for mark in SUBSTITUTIONS):
        return "it holds a command substitution (` or $()) that a shell would run"
    return None


def code_span(value: str) -> str:
    """`value` as a Markdown code span that shows it exactly (`refusal(value)` is None)."""
    longest = max((len(run) for run in _BACKTICKS.findall(value)), default=0)
    fence = "`" * (longest + 1)
    padded = f" {value} " if value[0] in "` " or value[-1] in "` " else value
    return f"{fence}{padded}{fence}"
