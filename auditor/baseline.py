"""Finding fingerprints: a finding's identity, stable across edits that move it."""

from __future__ import annotations

import hashlib


def fingerprint(rule: str, path: str | None, key: str, occurrence: int = 0) -> str:
    """A 16-hex-digit identity from the rule, the path and the rule's key (never the line)."""
    text = "\0".join((rule, path or "", key, str(occurrence)))
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()[:16]
