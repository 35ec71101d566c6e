"""Text from a repository made inert: control characters are shown as escapes, never sent."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import fields, is_dataclass, replace
from enum import Enum
from types import MappingProxyType
from typing import Any, TypeVar, cast

T = TypeVar("T")

_UNSAFE = "\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
UNSAFE_IN_LINES = re.compile(f"[{_UNSAFE}]")
"""Control characters (C0 but tab and line feed, DEL, C1), line and paragraph separators,
and bidirectional controls."""
UNSAFE_IN_A_LINE = re.compile(f"[\t\n{_UNSAFE}]")
"""The same, and tab and line feed: what cannot stand in one line of output."""
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def visible(text: str, keep_lines: bool = False) -> str:
    """`text` with each unsafe character written as its escape; line feeds and tabs too,
    unless `keep_lines` (multi-line text whose lines are the author's).

    A file name, a message quoting an instruction file, a script name can hold an escape
    sequence (OSC 52 writes the clipboard, CSI clears the screen), a carriage return that
    overwrites the line, a bidirectional override that reorders what is shown, or a line
    break that forges a line of output. Shown through `visible`, each is a printable escape
    (`\\x1b`, `\\r`, `\\u202e`, `\\n`): the terminal, a CI log and a report file see text.
    """
    unsafe = UNSAFE_IN_LINES if keep_lines else UNSAFE_IN_A_LINE
    return unsafe.sub(_escape, text) if unsafe.search(text) else text


def _escape(match: re.Match[str]) -> str:
    character = match.group()
    named = _NAMED.get(character)
    if named is not None:
        return named
    code = ord(character)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


PROSE_FIELDS = frozenset({"fix", "fix_prompt", "rationale"})
"""Fields whose text may run over several lines as its author wrote it (a rule's prose)."""


def inert(value: T) -> T:
    """`value` (a report, a diff: frozen dataclasses, tuples and mappings of strings) with
    every string `visible`; only `PROSE_FIELDS` keep their line breaks. Unchanged parts are
    the same objects."""
    return cast(T, _inert(value, keep_lines=False))


def _inert(value: Any, keep_lines: bool) -> Any:
    if isinstance(value, str) and not isinstance(value, Enum):
        return visible(value, keep_lines)
    if isinstance(value, tuple):
        items = tuple(_inert(item, keep_lines) for item in value)
        return value if all(a is b for a, b in zip(items, value, strict=True)) else items
    if isinstance(value, Mapping):
        pairs = {_inert(key, False): _inert(item, keep_lines) for key, item in value.items()}
        return MappingProxyType(pairs)
    if is_dataclass(value) and not isinstance(value, type):
        changed = {
            f.name: new
            for f in fields(value)
            if f.init
            and (new := _inert(old := getattr(value, f.name), f.name in PROSE_FIELDS)) is not old
        }
        return replace(value, **changed) if changed else value
    return value
