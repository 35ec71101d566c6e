"""GitHub expressions over one `matrix.include` entry: `${{ matrix.tox || format('py{0}',
matrix.python) }}` read as the entry sets it (never any other context: those stay unknown)."""

from __future__ import annotations

import re

EXPRESSION = re.compile(r"\$\{\{((?:[^}]|\}(?!\}))*+)\}\}")
MATRIX_KEY = re.compile(r"\bmatrix\.([A-Za-z_][\w-]*)")
LITERAL = re.compile(r"^'((?:[^']|'')*)'$")
FORMAT = re.compile(r"^format\((.*)\)$", re.S)
KEY = re.compile(r"^matrix\.([A-Za-z_][\w-]*)$")


def matrix_keys(text: str) -> set[str]:
    """The matrix keys the expressions of `text` read."""
    return {
        key for expression in EXPRESSION.findall(text) for key in MATRIX_KEY.findall(expression)
    }


def with_entry(text: str, entry: dict[str, str]) -> str | None:
    """`text` with each expression that reads the matrix replaced by its value for `entry`
    (a missing key is empty, `a || b` the first non-empty, `format('py{0}', x)`), or None when
    one cannot be read or is empty."""
    failed = False

    def value(match: re.Match[str]) -> str:
        nonlocal failed
        if not MATRIX_KEY.search(match.group(1)):
            return match.group(0)
        found = _evaluate(match.group(1).strip(), entry)
        failed = failed or not found
        return found or ""

    replaced = EXPRESSION.sub(value, text)
    return None if failed else replaced


def _evaluate(expression: str, entry: dict[str, str]) -> str | None:
    for term in _split(expression, "||"):
        found = _term(term.strip(), entry)
        if found is None:
            return None
        if found:
            return found
    return ""


def _term(term: str, entry: dict[str, str]) -> str | None:
    if key := KEY.match(term):
        return entry.get(key.group(1), "")
    if literal := LITERAL.match(term):
        return literal.group(1).replace("''", "'")
    if call := FORMAT.match(term):
        parts = _split(call.group(1), ",")
        template = _term(parts[0].strip(), entry) if parts else None
        args = [_term(p.strip(), entry) for p in parts[1:]]
        if template is None or any(a is None for a in args):
            return None
        for i, arg in enumerate(args):
            template = template.replace(f"{{{i}}}", arg or "")
        return template
    return None


def _split(text: str, separator: str) -> list[str]:
    """`text` split at `separator` outside quotes and parentheses."""
    parts, depth, quoted, start, i = [], 0, False, 0, 0
    while i < len(text):
        char = text[i]
        if char == "'":
            quoted = not quoted
        elif not quoted and char in "()":
            depth += 1 if char == "(" else -1
        elif not quoted and depth == 0 and text.startswith(separator, i):
            parts.append(text[start:i])
            start = i + len(separator)
            i = start
            continue
        i += 1
    parts.append(text[start:])
    return parts
