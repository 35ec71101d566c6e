"""Python string literals and test names as `ruff format` writes them."""

from __future__ import annotations

import re
import unicodedata

NOT_IDENTIFIER = re.compile(r"\W+")
WORD_START = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
ESCAPES = {"\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def string_literal(text: str) -> str:
    """`text` as a Python string literal: double quotes unless single ones need fewer
    escapes (ruff format's and black's choice), control characters escaped."""
    quote = "'" if text.count('"') > text.count("'") else '"'
    out = []
    for char in text:
        if char in ESCAPES:
            out.append(ESCAPES[char])
        elif char == quote:
            out.append("\\" + char)
        elif unicodedata.category(char) in ("Cc", "Cs"):
            out.append(f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return quote + "".join(out) + quote


def identifier(qualname: str) -> str:
    """A test-name part in snake case: `Node.visit` -> `node_visit`, `SpeedtestHTTPError` ->
    `speedtest_http_error` (names that are not ASCII keep their case)."""
    name = NOT_IDENTIFIER.sub("_", qualname).strip("_")
    if not name.isascii():
        return name
    return WORD_START.sub("_", name).lower().replace("__", "_")
