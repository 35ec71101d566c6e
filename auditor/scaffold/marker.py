"""The header that marks a scaffold as the auditor's, with a hash of what it wrote.

The first line of every generated file is a comment ending in `blake2b:<hash>`, the hash of
the rest of the file. A file whose hash still matches is the auditor's own and may be
rewritten; one whose rest was changed by hand is the user's now, and is left alone without
`--force`; a file without the header was never generated.
"""

from __future__ import annotations

import hashlib
import json
import re

MARKER = re.compile(
    r"^(?:#|//) auditor scaffold-tests: a scaffold for (.*); edit it freely"
    r" .* blake2b:([0-9a-f]{32})\r?$"
)
GENERATED, EDITED, FOREIGN = "generated", "edited", "foreign"


def digest(body: str) -> str:
    return hashlib.blake2b(body.encode("utf-8"), digest_size=16).hexdigest()


def with_marker(comment: str, source: str, body: str) -> str:
    """`body` under the header line (`comment` is `#` or `//`) naming the `source` module."""
    shown = json.dumps(source, ensure_ascii=True)[1:-1]  # no line break can end the comment
    head = f"{comment} auditor scaffold-tests: a scaffold for {shown}; edit it freely"
    return f"{head} (an edited file is never overwritten) blake2b:{digest(body)}\n{body}"


def ownership(text: str) -> str:
    """GENERATED (ours, unchanged), EDITED (ours, changed by hand) or FOREIGN (not ours)."""
    head, _, body = text.partition("\n")
    match = MARKER.match(head)
    if match is None:
        return FOREIGN
    return GENERATED if match.group(2) == digest(body) else EDITED


def scaffolded_module(text: str) -> str | None:
    """The source path a scaffold's header names, None when `text` is not a scaffold."""
    match = MARKER.match(text.partition("\n")[0])
    if match is None:
        return None
    try:
        source = json.loads(f'"{match.group(1)}"')
    except ValueError:
        return None
    return source if isinstance(source, str) else None
