"""The header that marks a scaffold as the auditor's, with a hash of what it wrote.

Every generated file starts with two comment lines:

    # auditor scaffold-tests blake2b:<hash of everything after this line>
    # Tests of pkg/mod.py: edit freely, edits are kept.

A file whose hash still matches is the auditor's own and may be rewritten; one changed by
hand since is the user's now, and is left alone without `--force`; a file without the header
was never generated. The lines are short, so a line-length rule does not flag them.
"""

from __future__ import annotations

import hashlib
import json
import re

MARKER = re.compile(r"^(?:#|//) auditor scaffold-tests blake2b:([0-9a-f]{32})\r?$")
SOURCE = re.compile(r"^(?:#|//) Tests of (.*): edit freely, edits are kept\.\r?$")
GENERATED, EDITED, FOREIGN = "generated", "edited", "foreign"


def digest(body: str) -> str:
    return hashlib.blake2b(body.encode("utf-8"), digest_size=16).hexdigest()


def with_marker(comment: str, source: str, body: str) -> str:
    """`body` under the header (`comment` is `#` or `//`) naming the `source` module."""
    shown = json.dumps(source, ensure_ascii=True)[1:-1]  # no line break can end the comment
    rest = f"{comment} Tests of {shown}: edit freely, edits are kept.\n{body}"
    return f"{comment} auditor scaffold-tests blake2b:{digest(rest)}\n{rest}"


def ownership(text: str) -> str:
    """GENERATED (ours, unchanged), EDITED (ours, changed by hand) or FOREIGN (not ours)."""
    head, _, rest = text.partition("\n")
    match = MARKER.match(head)
    if match is None:
        return FOREIGN
    return GENERATED if match.group(1) == digest(rest) else EDITED


def scaffolded_module(text: str) -> str | None:
    """The source path a scaffold's header names, None when `text` is not a scaffold."""
    head, _, rest = text.partition("\n")
    match = SOURCE.match(rest.partition("\n")[0])
    if MARKER.match(head) is None or match is None:
        return None
    try:
        source = json.loads(f'"{match.group(1)}"')
    except ValueError:
        return None
    return source if isinstance(source, str) else None
