"""Make's variable references expanded as make would, and its conditionals decided where the
Makefile alone decides them (make is never run)."""

from __future__ import annotations

import re
from collections.abc import Mapping

MAX_EXPANSIONS = 6
MAX_EXPANDED = 10_000
INNERMOST = re.compile(r"\$[({]([^$(){}]*)[)}]|\$([@*<^?])")
"""A reference holding no other: `$(GO)`, `${@:test-%=%}`, or an automatic variable (`$@`)."""
SUBSTITUTION_REF = re.compile(r"^([\w.@*<-]+):([^=]*)=(.*)$")
"""`$(SRCS:.c=.o)`, `${@:test-%=%}`: a variable's words with a pattern replaced."""
ESCAPED = "\x00"
CONDITIONAL = re.compile(r"^(ifn?eq|ifn?def)\b\s*(.*)$")
ARGUMENTS = re.compile(
    r"""^\(\s*+([^,]*[^\s,]|)\s*+,\s*+(.*\S|)\s*\)$"""
    r"""|^(["'])((?:(?!\3).)*+)\3\s++(["'])((?:(?!\5).)*+)\5$"""
)


def expand(text: str, variables: Mapping[str, str]) -> str:
    """`text` with the references to known variables substituted, innermost first so that
    computed names resolve (`${_FEATURES_${@:test-%=%}}`); functions and unknown variables
    stay as written, and `$$` becomes `$`."""
    text = text.replace("$$", ESCAPED)

    def value(match: re.Match[str]) -> str:
        name = match.group(1) if match.group(1) is not None else match.group(2)
        found = _value(name, variables)
        return match.group(0).replace("$", ESCAPED + "\x01") if found is None else found

    for _ in range(MAX_EXPANSIONS):
        expanded = INNERMOST.sub(value, text)
        if expanded == text or len(expanded) > MAX_EXPANDED:
            break  # done, or a hostile chain of variables that would not stop growing
        text = expanded
    return text.replace(ESCAPED + "\x01", "$").replace(ESCAPED, "$")


def _value(reference: str, variables: Mapping[str, str]) -> str | None:
    if reference in variables:
        return variables[reference]
    substitution = SUBSTITUTION_REF.match(reference)
    if substitution is None or substitution.group(1) not in variables:
        return None
    name, pattern, replacement = substitution.groups()
    return " ".join(_substituted(w, pattern, replacement) for w in variables[name].split())


def _substituted(word: str, pattern: str, replacement: str) -> str:
    """`$(patsubst)` of one word: `test-%` -> `%` turns `test-full` into `full`; without a
    `%`, a suffix is replaced."""
    if "%" not in pattern:
        pattern, replacement = f"%{pattern}", f"%{replacement}"
    head, _, tail = pattern.partition("%")
    if not (word.startswith(head) and word.endswith(tail) and len(word) >= len(head + tail)):
        return word
    stem = word[len(head) : len(word) - len(tail)]
    return replacement.replace("%", stem, 1) if "%" in replacement else replacement


def condition(line: str, variables: Mapping[str, str]) -> bool | None:
    """Whether a conditional directive (`ifneq ($(TARGET),)`, `ifdef CI`) holds, or None when
    it depends on what the Makefile does not define (the environment, the command line)."""
    directive = CONDITIONAL.match(line)
    if directive is None:
        return None
    kind, rest = directive.groups()
    if kind in ("ifdef", "ifndef"):
        name = expand(rest.strip(), variables)
        if "$" in name or name not in variables:
            return None  # it may come from the environment
        return bool(variables[name]) == (kind == "ifdef")
    arguments = ARGUMENTS.match(rest.strip())
    if arguments is None:
        return None
    left, right = arguments.group(1, 2) if arguments.group(1) is not None else arguments.group(4, 6)
    left, right = expand(left, variables), expand(right, variables)
    if "$" in left or "$" in right:
        return None
    return (left == right) == (kind == "ifeq")
