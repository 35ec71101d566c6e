"""Inline suppressions (`# auditor: ignore[NAV003] reason`), found in the pass that reads a file.

A suppression is a comment in the file's own comment syntax (`#`, `//` or `/* */`, `--`, and
an HTML comment in Markdown) holding `auditor: ignore[ID, ...]` and then the reason. It
suppresses the named rules' findings on its own line or the line after it (and, for a finding
about the whole file, anywhere in the file's first lines). The index only records what is
written; `auditor.suppression` matches suppressions to findings, and rule FEE013 judges the
suppressions themselves (no reason, a malformed id, nothing suppressed).
"""

from __future__ import annotations

import re
from typing import NamedTuple

NEEDLE = b"auditor:"
"""Every suppression contains this literal: a file without it costs one `in` test."""
PATTERN = re.compile(rb"auditor:[ \t]*ignore\[([^\]\r\n]*)\]([^\r\n]*)")
CLOSERS = (b"-->", b"*/", b"--}}", b"#}")
OPENERS: dict[str, tuple[bytes, ...]] = {
    "hash": (b"#",),
    "c": (b"//", b"/*", b"*"),
    "c-hash": (b"//", b"/*", b"*", b"#"),
    "dash": (b"--",),
    "html": (b"<!--",),
    "any": (b"#", b"//", b"/*", b"*", b"--", b";", b"%", b"<!--"),
}
"""What may open the comment a suppression is written in, by comment style."""
C_STYLE = (
    "javascript", "typescript", "go", "rust", "java", "c", "cpp", "csharp", "kotlin", "swift",
    "scala", "dart", "objective-c",
)  # fmt: skip
_BY_LANGUAGE = {
    **dict.fromkeys(("python", "ruby", "shell", "r", "elixir"), "hash"),
    **dict.fromkeys(C_STYLE, "c"),
    "php": "c-hash",
    **dict.fromkeys(("lua", "haskell"), "dash"),
}
_BY_SUFFIX = {
    **dict.fromkeys((".md", ".markdown", ".mdx", ".html", ".htm", ".xml", ".svg"), "html"),
    **dict.fromkeys(
        (".yml", ".yaml", ".toml", ".cfg", ".ini", ".txt", ".env", ".mk", ".gitignore"), "hash"
    ),
    ".sql": "dash",
}
_BY_NAME = dict.fromkeys(("Makefile", "Dockerfile", "Gemfile", "Justfile", "justfile"), "hash")
LEADING = re.compile(rb"^(?:[:\-\s]|\xe2\x80\x94)+")
"""Separators people put before a reason: `ignore[X]: why`, `ignore[X] - why`, `— why`."""
FILE_HEAD_LINES = 5
"""A finding about a whole file (no line) is suppressed by a suppression in these lines."""


class Suppression(NamedTuple):
    """One `auditor: ignore[...]` comment: where it is, what it names, why."""

    line: int
    """1-based line of the comment."""
    rules: tuple[str, ...]
    """The ids between the brackets, as written (upper-cased)."""
    reason: str
    """The text after the brackets, trimmed; empty when none is given."""

    def covers(self, line: int | None) -> bool:
        """Whether a finding at `line` (None: the whole file) is within reach."""
        if line is None:
            return self.line <= FILE_HEAD_LINES
        return line in (self.line, self.line + 1)


def comment_style(path: str, language: str | None) -> str:
    """The comment syntax of the file at `path` (a key of OPENERS)."""
    if language is not None:
        return _BY_LANGUAGE.get(language, "any")
    name = path.rpartition("/")[2]
    dot = name.rfind(".")
    suffix = name[dot:].lower() if dot >= 0 else ""
    return _BY_NAME.get(name) or _BY_SUFFIX.get(suffix) or "any"


def find(data: bytes, style: str) -> tuple[Suppression, ...]:
    """The suppressions written in comments of `data`, a file whose comments are `style`.

    Text in backticks or in a fenced code block of Markdown, or not preceded on its line by
    a comment opener, is an example of the syntax, not a suppression."""
    if NEEDLE not in data:
        return ()
    found = []
    for match in PATTERN.finditer(data):
        start = data.rfind(b"\n", 0, match.start()) + 1
        before = data[start : match.start()]
        if before.count(b"`") % 2 or not _in_comment(before, style):
            continue
        if style == "html" and _fenced(data, start):
            continue
        found.append(
            Suppression(
                line=data.count(b"\n", 0, match.start()) + 1,
                rules=_ids(match.group(1)),
                reason=_reason(match.group(2)),
            )
        )
    return tuple(found)


def _in_comment(before: bytes, style: str) -> bool:
    """Whether the text `before` a suppression on its line opens a comment outside a string
    literal (an even number of quotes before the opener)."""
    for opener in OPENERS[style]:
        at = before.find(opener)
        while at >= 0:
            head = before[:at]
            if style == "html" or (head.count(b'"') % 2 == 0 and head.count(b"'") % 2 == 0):
                return True
            at = before.find(opener, at + 1)
    return False


def _ids(written: bytes) -> tuple[str, ...]:
    parts = re.split(rb"[\s,]+", written.strip())
    return tuple(p.decode("utf-8", "replace").upper() for p in parts if p)


def _reason(rest: bytes) -> str:
    text = rest.strip()
    for closer in CLOSERS:
        if text.endswith(closer):
            text = text[: -len(closer)].rstrip()
    return LEADING.sub(b"", text).decode("utf-8", "replace").strip()


def _fenced(data: bytes, line_start: int) -> bool:
    """Whether the line at `line_start` of a Markdown text is inside a ``` or ~~~ fence."""
    fences = re.findall(rb"(?m)^[ \t]{0,3}(?:```|~~~)", data[:line_start])
    return len(fences) % 2 == 1
