"""What planted instructions look like: injection phrases, secrecy, remote scripts, comments."""

from __future__ import annotations

import re
from collections.abc import Iterator

from auditor.index.line_offsets import line_at

INJECTION = re.compile(
    r"""\b(?:ignore|disregard|forget|override)\s+(?:all\s+|any\s+)?(?:of\s+)?(?:the\s+|your\s+|
        previous\s+|prior\s+|above\s+|earlier\s+|preceding\s+|system\s+)+(?:instructions?|
        prompts?|rules|directions|guidelines|messages)\b
      | \byou\s+are\s+now\s+(?:in\s+)?(?:DAN|developer\s+mode|jailbroken|unrestricted)\b
      | \bnew\s+system\s+prompt\s*:""",
    re.IGNORECASE | re.VERBOSE,
)
SECRECY = re.compile(
    r"""\b(?:do\s+not|don['\u2019]t|never)\s+(?:tell|inform|alert|notify|mention\s+(?:this\s+)?to)
        \s+(?:the\s+)?(?:user|human|developer|reviewer)s?\b
      | \bwithout\s+(?:telling|informing|notifying|alerting)\s+(?:the\s+)?(?:user|human)s?\b
      | \b(?:secretly|covertly)\s+\w+""",
    re.IGNORECASE | re.VERBOSE,
)
REMOTE_PIPE = re.compile(
    r"""\b(?:curl|wget|fetch|iwr|irm|Invoke-WebRequest|Invoke-RestMethod)\b[^|\n]*https?://[^|\n]*
        \|\s*+(?:sudo\s++)?+(?:-E\s++)?+(?:sh|bash|zsh|ksh|fish|dash|python3?|node|perl|ruby|iex|
        Invoke-Expression)\b
      | \b(?:sh|bash|zsh)\s++(?:-c\s++)?+["']?+(?:<\(|\$\()\s*+(?:curl|wget)\b[^\n]*https?://
      | \biex\s*+\(?+\s*+(?:irm|iwr|Invoke-RestMethod|Invoke-WebRequest)\b[^\n]*https?://""",
    re.IGNORECASE | re.VERBOSE,
)
"""A script fetched from the network and run at once: `curl URL | sh`, `bash <(curl URL)`."""
COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)
MENTIONED = re.compile(r"`[^`\n]*`|\"[^\"\n]*\"|“[^”\n]*”|'[^'\n]{8,}'")
"""Quoted or code text: a phrase shown as an example, not addressed to the reader."""


def hidden_comments(text: str) -> Iterator[tuple[int, str]]:
    """(line, body) of every HTML comment: invisible in rendered Markdown, read by agents."""
    for match in COMMENT.finditer(text):
        yield line_at(text, match.start()), match.group(1)


def without_comments(text: str) -> str:
    """`text` with HTML comments blanked (lines kept, so line numbers still match)."""
    return COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)


def used_not_mentioned(pattern: re.Pattern[str], line: str) -> re.Match[str] | None:
    """A match of `pattern` in `line` outside quotes and code spans."""
    return pattern.search(MENTIONED.sub(" ", line))
