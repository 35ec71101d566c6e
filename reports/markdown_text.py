"""Escaping for Markdown reports: text, table cells, code spans, fences and relative links."""

from __future__ import annotations

import re
from urllib.parse import quote

from auditor.model import visible

_CODE_SPAN = re.compile(r"(?<!`)(`++)(.+?)\1", re.DOTALL)
"""A code span opens at the start of a backtick run, taken whole (so a long run is tried once)."""
_SPECIAL = re.compile(r"([\\`*_\[\]<>|&~#!])")
_BACKTICKS = re.compile(r"`+")


def text(value: str) -> str:
    """`value` as inline Markdown: code spans kept, everything else escaped, on one line.

    Messages quote names in backticks (`tox`); those render as code. Any other character
    Markdown or GitHub would interpret (emphasis, links, HTML, table pipes) is escaped.
    """
    flat = _one_line(value)
    parts: list[str] = []
    position = 0
    for match in _CODE_SPAN.finditer(flat):
        parts.append(_escape(flat[position : match.start()]))
        parts.append(code(match.group(2)))
        position = match.end()
    parts.append(_escape(flat[position:]))
    return "".join(parts)


def _escape(plain: str) -> str:
    return _SPECIAL.sub(r"\\\1", plain)


def _one_line(value: str) -> str:
    """`value` visible, its runs of white space (line breaks too) one space each.

    Every function here shows values this way (control characters as escapes such as
    `\\x1b`), so a report printed on a terminal or pasted into a comment sends none.
    """
    return " ".join(visible(value, keep_lines=True).split())


def code(value: str) -> str:
    """`value` as a code span that survives table cells: long enough fences, pipes escaped."""
    flat = _one_line(value)
    longest = max((len(run) for run in _BACKTICKS.findall(flat)), default=0)
    fence = "`" * (longest + 1)
    padded = f" {flat} " if flat.startswith("`") or flat.endswith("`") else flat
    return f"{fence}{padded.replace('|', chr(92) + '|')}{fence}"


def fenced(value: str, info: str = "text") -> str:
    """`value` as a fenced code block (GitHub adds a copy button), exactly as written: a
    prompt is pasted whole, so a command in it is never broken across lines."""
    body = visible(value, keep_lines=True).strip()
    longest = max((len(run) for run in _BACKTICKS.findall(body)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{info}\n{body}\n{fence}"


def quote_url(target: str) -> str:
    """`target` percent-encoded for a link destination (path, fragment and scheme kept)."""
    return quote(target, safe="/#:.-_~")


def location(path: str | None, line: int | None) -> str:
    """`path:line` linked to `path#Lline` (relative to the repository root), or a dash.

    The path is percent-encoded whole (`:` and `#` too): a directory named `https:` stays a
    relative link, and a `#` in a file name is not taken for the line's fragment.
    """
    if not path:
        return "repository"
    label = _escape(visible(f"{path}:{line}" if line else path))
    target = quote(path, safe="/") + (f"#L{line}" if line else "")
    return f"[{label}]({target})"


def number(value: float) -> str:
    """A score or points value with one decimal, never `-0.0`."""
    return f"{round(value, 1) + 0.0:.1f}"
