"""How much of a large source file is literals: lines holding only strings, numbers and commas.

Measured once, in the scan of the file's bytes (cached by content with the other scans), so a
warm run never reads the text again to tell a data table from code.
"""

from __future__ import annotations

import re

LITERAL_PERCENT = "literal-lines-percent"
"""The counted value (`SourceFile.count`) holding the share, when it reaches `TABLE_SHARE`."""
TABLE_BYTES = 20_000
"""Only files this large (about 5,000 tokens) are measured: a small table is not worth it."""
TABLE_SHARE = 0.8
LITERAL = re.compile(
    r'(?:\b[rRbBuU]{1,2})?"(?:[^"\\]|\\.)*"'
    r"|(?:\b[rRbBuU]{1,2})?'(?:[^'\\]|\\.)*'"
    r"|\b\d[\w.+-]*|\b(?:True|False|None|true|false|null|nil)\b"
)
"""Strings (with their prefixes: `u'...'`, `b"..."`), numbers and constants: what a line of a
data table holds besides punctuation."""
PUNCTUATION = frozenset("[](){},:;= \t")
SAMPLED_LINES = 400
SAMPLE_STRIDE = 4
VERSION = (LITERAL.pattern, "".join(sorted(PUNCTUATION)), TABLE_SHARE, SAMPLED_LINES, SAMPLE_STRIDE)
"""What the measure depends on: part of the scan cache's version."""


def literal_percent(data: bytes) -> int | None:
    """The percentage of non-blank lines holding only literals and punctuation, when it reaches
    `TABLE_SHARE`; None as soon as too many lines of code show it cannot. Past `SAMPLED_LINES`
    lines, every `SAMPLE_STRIDE`th line is read: the share is an estimate."""
    lines = data.decode("utf-8", "replace").splitlines()
    if len(lines) > SAMPLED_LINES:
        lines = lines[::SAMPLE_STRIDE]
    lines = [line for line in lines if line and not line.isspace()]
    allowed = len(lines) - TABLE_SHARE * len(lines)
    code = 0
    for line in lines:
        if not set(LITERAL.sub("", line)) <= PUNCTUATION:
            code += 1
            if code > allowed:
                return None
    return round(100 * (1 - code / len(lines))) if lines else None
