"""The parameter names a docstring documents, in Google, NumPy and Sphinx styles."""

from __future__ import annotations

import re

TRIGGERS = re.compile(r"Args|Arguments|Parameters|Params|:param|:parameter|:arg")
"""A docstring without one of these documents no parameter: most are never split into lines."""
GOOGLE_HEADER = re.compile(r"^(Args|Arguments|Parameters|Params|Other Parameters):\s*$")
GOOGLE_ENTRY = re.compile(r"^(\*{0,2}\w++)\s*+(?:\([^)]*+\))?+\s*+:")
NUMPY_HEADER = re.compile(r"^(Parameters|Other Parameters|Arguments)\s*$")
HEADER_ENDINGS = ("Args:", "Arguments:", "Parameters:", "Params:", "Parameters", "Arguments")
"""A cheap test that a line may be a section header, before any regex runs."""
UNDERLINE = re.compile(r"^\s*(?:-{3,}|={3,})\s*$")
NUMPY_ENTRY = re.compile(r"^(\*{0,2}\w+(?:\s*,\s*\*{0,2}\w+)*)\s*(?::.*)?$")
SPHINX_PARAM = re.compile(
    r"^[ \t]*:(?:param|parameter|arg|argument)[ \t]++((?:[^:\s]++|[ \t]++(?=[^:\s]))*+)[ \t]*+:",
    re.M,
)
"""`:param x:`, `:param int x:` starting a line: the words between the field and the colon
(a field quoted in prose documents nothing)."""


def documented_parameters(docstring: str, params: tuple[str, ...] = ()) -> tuple[str, ...] | None:
    """The parameters `docstring` lists, in order without repeats; None when it lists none.

    Only names in a parameter section count (`Args:`, `Parameters` underlined with dashes or
    equals signs, `:param x:` fields): prose that mentions a name documents nothing. A Sphinx
    field names its parameter last (`:param int x:`); when a word before it is one of
    `params` and the last is not (`:param x int:`), that word is the one documented.
    """
    if TRIGGERS.search(docstring) is None:
        return None
    text = docstring.expandtabs() if "\t" in docstring else docstring
    lines = text.splitlines()
    fields = [_sphinx_name(words.split(), params) for words in SPHINX_PARAM.findall(docstring)]
    names = [*_sections(lines), *(name for name in fields if name)]
    if not names:
        return None
    return tuple(dict.fromkeys(names))


def _sphinx_name(words: list[str], params: tuple[str, ...]) -> str:
    words = [word for word in words if re.fullmatch(r"\*{0,2}\w+", word)]
    if not words:
        return ""
    known = [word for word in words if word in params]
    return known[-1] if known and words[-1] not in params else words[-1]


def _sections(lines: list[str]) -> list[str]:
    """Entries of every parameter section; only lines that can be headers are looked at."""
    names: list[str] = []
    for at, line in enumerate(lines):
        if not line.rstrip().endswith(HEADER_ENDINGS):
            continue
        stripped = line.strip()
        indent = len(line) - len(line.lstrip())
        following = lines[at + 1] if at + 1 < len(lines) else ""
        if GOOGLE_HEADER.match(stripped):
            names += _google_entries(lines, at + 1, indent)
        elif NUMPY_HEADER.match(stripped) and UNDERLINE.match(following):
            names += _numpy_entries(lines, at + 2, indent)
    return names


def _google_entries(lines: list[str], start: int, header_indent: int) -> list[str]:
    """Entries one level deeper than the header, until a line as shallow as the header."""
    names: list[str] = []
    entry_indent: int | None = None
    for line in lines[start:]:
        if not line.strip():
            continue
        indent = len(line) - len(line.lstrip())
        if indent <= header_indent:
            break
        entry_indent = indent if entry_indent is None else entry_indent
        if indent == entry_indent:
            match = GOOGLE_ENTRY.match(line.strip())
            if match is None:
                return []  # not a list of parameters after all: trust nothing from it
            names.append(match.group(1))
    return names


def _numpy_entries(lines: list[str], start: int, header_indent: int) -> list[str]:
    """Entries at the header's indentation, until the next underlined header or a dedent."""
    names: list[str] = []
    for at in range(start, len(lines)):
        line = lines[at]
        if not line.strip():
            continue
        indent = len(line) - len(line.lstrip())
        following = lines[at + 1] if at + 1 < len(lines) else ""
        if indent < header_indent or UNDERLINE.match(following):
            break
        if indent == header_indent:
            match = NUMPY_ENTRY.match(line.strip())
            if match is None:
                break
            names += [name.strip() for name in match.group(1).split(",")]
    return names
