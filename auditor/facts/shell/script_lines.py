"""Shell scripts (CI steps, recipes, code blocks) cut into their command lines."""

from __future__ import annotations

import re

KEYWORD_LINE = re.compile(r"^(?:fi|done|esac|then|do|else|end|[{}()]|;;)\s*;?$")
HEREDOC = re.compile(r"<<-?\s*['\"]?([A-Za-z_]\w*)['\"]?")


def strip_comment(line: str) -> str:
    """`pytest  # slow` -> `pytest`: a `#` after whitespace, outside quotes, starts a comment."""
    quote = ""
    for at, char in enumerate(line):
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "#" and at > 0 and line[at - 1] in " \t":
            return line[:at].rstrip()
    return line


def script_lines(script: str, first_line: int | None = None) -> list[tuple[int | None, str]]:
    """The command lines of a shell script with their line offsets (from `first_line`).

    Backslash continuations are joined; blank lines, comments, bare keywords (`fi`, `done`)
    and here-document bodies are left out.
    """
    found: list[tuple[int | None, str]] = []
    lines = script.splitlines()
    pending: list[str] = []
    start = 0
    heredoc: str | None = None
    for number, raw in enumerate(lines):
        line = raw.strip()
        if heredoc is not None:
            heredoc = None if line == heredoc else heredoc
            continue
        if not pending:
            start = number
            if not line or line.startswith("#") or KEYWORD_LINE.match(line):
                continue
        if line.endswith("\\"):
            pending.append(line[:-1].strip())
            continue
        command = strip_comment(" ".join([*pending, line]).strip())
        pending = []
        marker = HEREDOC.search(command)
        heredoc = marker.group(1) if marker else None
        if command:
            found.append((None if first_line is None else first_line + start, command))
    if pending:
        found.append((None if first_line is None else first_line + start, " ".join(pending)))
    return found
