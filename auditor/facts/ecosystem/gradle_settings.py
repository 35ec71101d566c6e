"""The subprojects a Gradle settings script includes, read as text in one linear pass."""

from __future__ import annotations

import re

MAX_SETTINGS_CHARS = 1 << 20
"""Settings scripts are a few kilobytes; only this much of one is read."""
MAX_ARGUMENT_CHARS = 4096
"""An `include` reaches at most this far for its arguments: hostile text stays linear."""
COMMENT_START = re.compile(r"//|/\*")
INCLUDE = re.compile(r"\binclude\b")
QUOTED = re.compile(r"['\"]([^'\"\n]+)['\"]")


def included_directories(text: str) -> list[str]:
    """The directories of `include(":a", ":b:c")` and `include ':a', ':b'` (`:b:c` is `b/c`).

    Best effort, never evaluated: comments are dropped (a `//` inside a string ends the line
    too), includes inside conditions all count, relocated projects (`projectDir = ...`) are
    not followed, and the directories are not checked against the index.
    """
    text = _without_comments(text[:MAX_SETTINGS_CHARS])
    found: list[str] = []
    consumed = 0
    for match in INCLUDE.finditer(text):
        if match.start() < consumed:
            continue
        arguments, consumed = _arguments(text, match.end())
        found.extend(
            path.strip().strip(":").replace(":", "/") for path in QUOTED.findall(arguments)
        )
    return found


def _arguments(text: str, at: int) -> tuple[str, int]:
    """The argument text of the `include` ending at `at`, and where it ends."""
    limit = min(len(text), at + MAX_ARGUMENT_CHARS)
    start = at
    while start < limit and text[start] in " \t":
        start += 1
    if start < limit and text[start] == "(":
        close = text.find(")", start, limit)
        return ("", start + 1) if close == -1 else (text[start + 1 : close], close + 1)
    if start == at:
        return "", at  # `includeBuild`, `included`, or `include` followed by something else
    end = start
    while end < limit:  # Groovy: to the end of the line, on while a line ends with a comma
        newline = text.find("\n", end, limit)
        line_end = limit if newline == -1 else newline
        continued = text[end:line_end].rstrip().endswith(",")
        end = line_end + 1
        if not continued:
            break
    return text[start : min(end, limit)], end


def _without_comments(text: str) -> str:
    pieces: list[str] = []
    at = 0
    while True:
        match = COMMENT_START.search(text, at)
        if match is None:
            pieces.append(text[at:])
            break
        pieces.append(text[at : match.start()])
        if match.group() == "//":
            end = text.find("\n", match.end())
        else:
            close = text.find("*/", match.end())
            end = -1 if close == -1 else close + 2
        if end == -1:
            break
        at = end
    return "".join(pieces)
