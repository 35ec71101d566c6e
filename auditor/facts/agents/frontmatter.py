"""Frontmatter of rule files (.mdc, .instructions.md, Windsurf, Claude rules), read leniently."""

from __future__ import annotations

import re
from dataclasses import dataclass

FENCE = "---"
TOP_LEVEL_COMMA = re.compile(r",(?![^{]*\})")
"""A comma that separates globs, not one inside `{ts,tsx}`."""
FrontValue = str | tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Frontmatter:
    """The keys of a file's frontmatter, and what could not be read (line, message)."""

    present: bool
    values: dict[str, FrontValue]
    problems: tuple[tuple[int, str], ...] = ()
    lines: dict[str, int] | None = None
    """1-based line of each key."""

    def text(self, key: str) -> str | None:
        value = self.values.get(key)
        if isinstance(value, tuple):
            return ", ".join(value)
        return value

    def items(self, key: str) -> tuple[str, ...]:
        """A list value: a tuple as written, a scalar split at commas."""
        value = self.values.get(key)
        if value is None:
            return ()
        parts = value if isinstance(value, tuple) else tuple(TOP_LEVEL_COMMA.split(value))
        return tuple(p for p in (_unquote(part.strip()) for part in parts) if p)

    def line(self, key: str) -> int:
        return (self.lines or {}).get(key, 1)


def read_frontmatter(text: str) -> Frontmatter:
    """Parse the `---` block at the very start of `text` (a leading BOM is allowed).

    Not strict YAML: Cursor writes `globs: src/**/*.ts, *.tsx` unquoted, which YAML rejects
    (`*` starts an alias) and Cursor accepts; so values are read as the vendors read them: a
    scalar, a comma-separated list, a `[a, b]` flow list or a block of `- item` lines.
    """
    lines = text.removeprefix("\ufeff").splitlines()
    if not lines or lines[0].strip() != FENCE:
        return Frontmatter(False, {})
    values: dict[str, FrontValue] = {}
    where: dict[str, int] = {}
    problems: list[tuple[int, str]] = []
    key: str | None = None
    for number, line in enumerate(lines[1:], start=2):
        stripped = line.strip()
        if stripped == FENCE:
            return Frontmatter(True, values, tuple(problems), where)
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.startswith("- ") and key is not None and line[:1] in (" ", "-", "\t"):
            previous = values.get(key, ())
            items = previous if isinstance(previous, tuple) else ()
            values[key] = (*items, _unquote(stripped[2:].strip()))
            continue
        name, colon, value = line.partition(":")
        if not colon or not name.strip() or name[:1].isspace():
            problems.append((number, f"not a `key: value` line: {stripped[:40]!r}"))
            continue
        key = name.strip()
        where[key] = number
        values[key] = _value(value.strip())
    problems.append((1, "the frontmatter is opened with --- but never closed"))
    return Frontmatter(True, values, tuple(problems), where)


def _value(raw: str) -> FrontValue:
    if raw.startswith("[") and raw.endswith("]"):
        return tuple(_unquote(p.strip()) for p in raw[1:-1].split(",") if p.strip())
    return _unquote(raw) if raw else ()


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value
