"""Type-system escape hatches (`Any`, `cast`, `# type: ignore`, TypeScript `any`), by line."""

from __future__ import annotations

import re
from collections.abc import Iterator

Check = tuple[re.Pattern[bytes], re.Pattern[bytes] | None, re.Pattern[bytes] | None]
"""(needle, what the line must hold just before it, what must follow it). Each needle
starts with a literal, so the regex engine skips ahead to candidates at memchr speed; the
context is checked only around the few candidates."""

TYPE_POSITION = re.compile(rb"(?:[:\[,|(]|->)[ \t]*(?:typing\.|t\.)?\Z")
"""`Any` where a type goes: after `:`, `->`, `[`, `,`, `|` or `(` on the same line."""
FORWARDED = re.compile(rb"(?:\*\*?\w+:|\[[ \t]*str[ \t]*,)[ \t]*(?:typing\.|t\.)?\Z")
"""`*args: Any`, `**kwargs: Any` and `[str, Any]`: forwarding arguments and JSON-shaped
mappings are what Any is for, so these are not counted."""
CLOSES_TYPE = re.compile(rb"(?<![ \t])[ \t]*+[\],)|=:\n]")
"""What follows a type: prose such as "Note: Any value" is not counted."""
PYTHON: tuple[Check, ...] = (
    (re.compile(rb"Any\b"), TYPE_POSITION, CLOSES_TYPE),
    (re.compile(rb"cast\("), re.compile(rb"(?:^|[^\w.]|typing\.)\Z"), None),
    (re.compile(rb"#[ \t]*type:[ \t]*ignore\b"), None, None),
)
TYPESCRIPT: tuple[Check, ...] = (
    (
        re.compile(rb"any\b"),
        re.compile(rb"(?:[:<,(|]|\bas)[ \t]*\Z"),
        re.compile(rb"(?<![ \t])[ \t]*+[\]>,;)|=\[{\n]"),
    ),
    (re.compile(rb"@ts-(?:ignore|nocheck)\b"), None, None),
)
"""`: any`, `as any`, `<any>`, `any[]` and the `@ts-ignore` / `@ts-nocheck` comments."""
CHECKS: dict[str, tuple[Check, ...]] = {"python": PYTHON, "typescript": TYPESCRIPT}
CONTEXT = 40
"""Bytes before a candidate searched for its context."""


def escape_hatch_lines(language: str, data: bytes) -> tuple[int, ...]:
    """1-based lines of every escape hatch in `data` (a line holding two is listed twice)."""
    starts = sorted(start for check in CHECKS.get(language, ()) for start in _found(check, data))
    lines: list[int] = []
    line, last = 1, 0
    for start in starts:
        line += data.count(b"\n", last, start)
        last = start
        lines.append(line)
    return tuple(lines)


def _found(check: Check, data: bytes) -> Iterator[int]:
    needle, before, after = check
    for match in needle.finditer(data):
        start, end = match.span()
        if before is not None:
            head = data[max(0, start - CONTEXT) : start]
            head = head[head.rfind(b"\n") + 1 :]
            if before.search(head) is None or FORWARDED.search(head) is not None:
                continue
        if after is not None and after.match(data, end) is None:
            continue
        yield start
