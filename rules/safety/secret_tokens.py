"""Credentials in code and config: well-known token formats, and high-entropy values assigned
to secret-like names.

Tuned against real repositories: documentation placeholders (`AKIAIOSFODNN7EXAMPLE`,
`ghp_xxxx...`), values that spell words or repeat characters, hashes shorter than a key, and
lines marked as allowed (`pragma: allowlist secret`, `gitleaks:allow`) are not secrets.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Iterator

TOKEN = re.compile(
    r"(?<![A-Za-z0-9])(?P<value>(?P<kind>AKIA|gh[pousr]_|github_pat_|xox[abposr]-|[sr]k_live_"
    r"|AIza)[\w-]+)"
)
KINDS = (
    ("AKIA", "an AWS access key"), ("gh", "a GitHub token"),
    ("xox", "a Slack token"), ("sk_live_", "a Stripe live key"), ("rk_live_", "a Stripe key"),
    ("AIza", "a Google API key"),
)  # fmt: skip
FULL = re.compile(
    r"AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{36}|github_pat_\w{82}"
    r"|xox[abposr]-[0-9A-Za-z-]{10,}|[sr]k_live_[0-9A-Za-z]{24,}|AIza[0-9A-Za-z_-]{35}"
)
ASSIGNMENT = re.compile(
    r"(?i:secret|token|passw(?:or)?d|api_?key|access_?key)[\w-]*[\"']?[ \t]*(?::=|=>|[:=])"
    r"[ \t]*[\"'](?P<value>[A-Za-z0-9+/=_.-]{20,})[\"']"
)
PLACEHOLDER = re.compile(
    r"example|sample|dummy|fake|test|placeholder|your|changeme|redacted|xxxx|0123|1234|abcd"
    r"|(.)\1{5}",
    re.IGNORECASE,
)
ALLOWED = re.compile(r"pragma: allowlist secret|gitleaks:allow|nosec\b|NOSONAR", re.IGNORECASE)
PUBLIC_KEYS = re.compile(r"algolia|docsearch", re.IGNORECASE)
"""Search-only keys (Algolia DocSearch) are public by design; a nearby mention marks them."""
MIN_ENTROPY = 4.0
"""Bits per character a value assigned to a secret-like name needs (random base64 has ~5.5,
English-like identifiers under 4)."""
MIN_HEX_LENGTH = 32


def entropy(value: str) -> float:
    counts = Counter(value)
    return -sum(n / len(value) * math.log2(n / len(value)) for n in counts.values())


def looks_random(value: str) -> bool:
    """Whether `value` could be a generated credential rather than a word, path or hash."""
    if PLACEHOLDER.search(value) or not re.search(r"\d", value) or not re.search("[A-Za-z]", value):
        return False
    if re.fullmatch(r"[0-9a-fA-F]+", value):
        return len(value) >= MIN_HEX_LENGTH and entropy(value) >= 3.5
    return entropy(value) >= MIN_ENTROPY and value.count(".") < 2 and "/" not in value[:1]


def fingerprint(value: str) -> str:
    return hashlib.blake2b(value.encode(), digest_size=6).hexdigest()


def token_secrets(text: str) -> Iterator[tuple[str, int, str]]:
    """(what, line, fingerprint) of each credential in `text`: a known token format or a random
    value assigned to a secret-like name. The fingerprint is a short hash of the value, stable
    when code around it moves, and never the value itself."""
    lines = text.splitlines()
    for number, line in enumerate(lines, 1):
        if ALLOWED.search(line) or PUBLIC_KEYS.search(" ".join(lines[max(number - 4, 0) : number])):
            continue
        for match in TOKEN.finditer(line):
            value = match["value"]
            if FULL.fullmatch(value) and not PLACEHOLDER.search(value) and entropy(value) > 3.0:
                kind = next(name for prefix, name in KINDS if value.startswith(prefix))
                yield kind, number, fingerprint(value)
                break
        else:
            found = ASSIGNMENT.search(line)
            if found and looks_random(found["value"]):
                what = "a high-entropy value assigned to a secret-like name"
                yield what, number, fingerprint(found["value"])
