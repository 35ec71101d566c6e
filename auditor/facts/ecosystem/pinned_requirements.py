"""Fully pinned pip requirements files: the shape pip-compile and `uv pip compile` write."""

from __future__ import annotations

import re

COMMENT = re.compile(r"(?:^|\s)#.*$")
PINNED = re.compile(
    r"^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?\s*+(?:\[[^\]]*+\])?+\s*+===?\s*+"
    r"[^\s,;*<>=!~]++\s*+$"
)
PINNED_URL = re.compile(
    r"^[A-Za-z0-9][A-Za-z0-9._-]*+\s*+(?:\[[^\]]*+\])?+\s*+@\s*+"
    r"(?:\S+@[0-9a-fA-F]{40}(?:[#&]\S*)?|\S+#sha(?:256|384|512)=[0-9a-fA-F]+)\s*$"
)
"""A direct reference fixed by content: a VCS URL at a full commit hash, or a hashed archive."""
LOCAL_EDITABLE = re.compile(r"^(?:-e|--editable)(?:\s+|=)(?:\.|/|file:)")


def is_fully_pinned(text: str) -> bool:
    """Whether every requirement in `text` is `name==version`, carries a `--hash`, or is a
    direct reference fixed by content (`pkg @ git+https://...@<commit>`).

    Option lines (`--index-url`, `-r other.txt`, ...) are not requirements; an editable install
    of a local path (`-e .`, the project itself) is allowed, any other editable is not pinned.
    A file with no requirement at all is not a lockfile.
    """
    requirements = 0
    for line in _logical_lines(text):
        if line.startswith("-"):
            if line.startswith(("-e", "--editable")) and not LOCAL_EDITABLE.match(line):
                return False
            continue
        requirements += 1
        if "--hash" in line:
            continue
        requirement = line.split(";", 1)[0].split(" --", 1)[0]
        if not PINNED.match(requirement) and not PINNED_URL.match(requirement):
            return False
    return requirements > 0


def _logical_lines(text: str) -> list[str]:
    """Non-empty lines with comments removed and `\\` continuations joined."""
    lines: list[str] = []
    pending = ""
    for raw in text.splitlines():
        line = COMMENT.sub("", raw)
        if line.rstrip().endswith("\\"):
            pending += line.rstrip()[:-1] + " "
            continue
        line = (pending + line).strip()
        pending = ""
        if line:
            lines.append(line)
    if pending.strip():
        lines.append(pending.strip())
    return lines
