"""Line numbers for values read from parsed YAML, TOML and JSON, found again in the file's text."""

from __future__ import annotations

import re
from collections.abc import Callable

VALUE_PREFIX = re.compile(r"""^(?:-\s+)?(?:["']?[\w.-]+["']?\s*[:=]\s*)?(?:-\s+)?\[?["']?$""")
"""What may stand before a value on its line: `- `, `key: `, `key = "`, `"key": "`, a quote."""
VALUE_SUFFIX = re.compile(r"""^["']?+\s*+(?:[,\]#].*)?$""")
"""What may follow it: a quote, then the end, a comment, or the next items (`", "-v"]`)."""


class LineLocator:
    """Finds the 1-based line of successive values of a file, in document order.

    Parsers drop positions; values come back in document order, so each search starts
    after the previous value's line (a key's search, at its line: its value may share it) and
    falls back to the whole file. After the cursor, a line holding the value alone (after a
    key or a list dash) is preferred to one that merely contains it (`["pytest", "-v"]`);
    only then is the rest of the file searched, the same way.
    """

    def __init__(self, text: str | None) -> None:
        self._lines = (text or "").splitlines()
        self._cursor = 0

    def find(self, fragment: str) -> int | None:
        """The line holding the first line of `fragment` at or after the cursor, or None."""
        needle = next((part.strip() for part in fragment.splitlines() if part.strip()), "")
        if not needle:
            return None
        holds, contains = (lambda text: _holds_value(text, needle)), (lambda text: needle in text)
        line = self._search(holds, wrap=False) or self._search(contains, wrap=False)
        if line is None:  # not after the previous value: anywhere in the file
            line = self._search(holds) or self._search(contains)
        if line is not None:  # the next value comes after this one: past its lines
            self._cursor = min(line - 1 + len(fragment.strip("\n").splitlines()), len(self._lines))
        return line

    def find_key(self, key: str) -> int | None:
        """The line of a mapping key (`key:`, `"key":`, `key =`, `[section.key]`)."""
        forms = (f'"{key}"', f"'{key}'", f"{key}:", f"{key} =", f"{key}=")
        return self._search(lambda text: text.lstrip(" \t-").startswith(forms))

    def _search(self, accept: Callable[[str], bool], wrap: bool = True) -> int | None:
        spans = ((self._cursor, len(self._lines)), (0, self._cursor))
        for start, stop in spans if wrap else spans[:1]:
            for number in range(start, stop):
                if accept(self._lines[number]):
                    self._cursor = number
                    return number + 1
        return None


def _holds_value(line: str, needle: str) -> bool:
    at = line.find(needle)
    if at < 0:
        return False
    before, after = line[:at].strip(), line[at + len(needle) :]
    return bool(VALUE_PREFIX.match(before)) and bool(VALUE_SUFFIX.match(after))
