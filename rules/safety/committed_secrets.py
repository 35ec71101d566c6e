"""SAF002: credentials committed to the repository: filled-in .env files, private keys, tokens."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.index.limits import MAX_SCAN_BYTES
from auditor.model import Category, Evidence, Grade, Severity
from auditor.rule import Option, Rule, RuleContext, Violation, failing, passing

from .secret_patterns import (
    PROSE,
    env_secret,
    is_env_file,
    is_minified,
    is_test_data,
    private_key_in_chunks,
    private_key_line,
)
from .secret_tokens import token_secrets

TOKEN_MARKERS = frozenset({"secret-token", "secret-assignment"})


def check(ctx: RuleContext) -> Iterator[Violation]:
    with_test_data = bool(ctx.option("include_test_data"))
    for record in ctx.index.files:
        if is_test_data(record) and not with_test_data:
            continue
        if is_env_file(record.path):
            secret = env_secret(ctx.index.text(record.path) or "")
            if secret is not None:
                yield Violation(
                    f"{record.path} is committed with a value for {secret[0]}",
                    record.path,
                    secret[1],
                    key="env-file",
                )
        if record.size > MAX_SCAN_BYTES and record.is_text:  # not held nor marked: in chunks
            line = private_key_in_chunks(record, ctx.index.chunks(record.path))
        else:
            marked = "private-key" in record.markers
            line = private_key_line(record, ctx.index.text(record.path) if marked else None)
        if line is not None:
            yield Violation(
                f"{record.path} holds a private key", record.path, line, key="private-key"
            )
        if not is_minified(record):  # bundles hold random-looking strings, not kept keys
            yield from tokens_in(ctx, record.path, record.markers)


def tokens_in(ctx: RuleContext, path: str, markers: frozenset[str]) -> Iterator[Violation]:
    """Known token formats and random values assigned to secret-like names in code and config
    (documentation shows example tokens; .env files are judged above)."""
    if not TOKEN_MARKERS & markers or path.lower().endswith(PROSE) or is_env_file(path):
        return
    for what, line, fingerprint in token_secrets(ctx.index.text(path) or ""):
        yield Violation(f"{path} holds {what}", path, line, key=f"token-{fingerprint}")


AWS_KEY = "AKIA" + "Z7QW3RT5YU8IO2PL"
RANDOM_VALUE = "f8Kq2LmZ9xR4tY7uB3nW6pA1" + "sD5gH0jE"
"""Made-up credentials, split so this module does not itself hold one."""
KEY_BODY = "MIIEowIBAAKCAQEA1x9f2b7Qm3c8kJvZ0a4tYp6rN5sWq2LhE8uXo0dGfI3yTzVbPcKe\n"
PEM = "-----BEGIN RSA PRIVATE KEY-----\n" + KEY_BODY * 3 + "-----END RSA PRIVATE KEY-----\n"

RULE = Rule(
    id="SAF002",
    name="committed-secrets",
    title="Secrets committed to the repository",
    category=Category.SAFETY,
    severity=Severity.CRITICAL,
    level=1,
    evidence=Evidence(
        Grade.STRONG,
        "GitGuardian, State of Secrets Sprawl 2026: 28.65M new secrets in public commits in "
        "2025, and AI-assisted commits leaked secrets at 3.2% against a 1.5% baseline.",
    ),
    rationale=(
        "Agents read whatever is in the tree, send it to their model provider and echo it into "
        "logs and new files, and a committed credential stays in the history until it is "
        "revoked. AI-assisted commits leak secrets at about twice the usual rate, so the tree "
        "should start clean. Besides .env files and private keys, well-known token formats "
        "(AWS, GitHub, Slack, Stripe, Google) and random-looking values "
        "assigned to names like `api_key` or `password` count. Template env files, keys "
        "shown in docs, placeholders, and test, fixture and example files are not judged."
    ),
    fix=(
        "Revoke and rotate the credential, remove the file from the repository (and from "
        "history if the repository is public), ignore it in .gitignore, and commit a "
        ".env.example with placeholder values instead."
    ),
    fix_prompt=(
        "The file named in the finding holds a credential (a filled-in .env setting or a "
        "private key). Do not print or copy its value. Remove the file from version control "
        "with `git rm --cached`, add its name to .gitignore, and, for .env files, add a "
        ".env.example with the same keys and placeholder values. Tell the maintainers that "
        "the credential must be revoked and rotated and that history may need rewriting; do "
        "not rewrite history yourself. Verify with: auditor audit . --select SAF002"
    ),
    check=check,
    options=(Option("include_test_data", False, "Also judge test, fixture and example files."),),
    examples=(
        passing({".env.example": "API_KEY=your-api-key\n", "app.py": "x = 1\n"}),
        passing(
            {".env": "DEBUG=1\nAPI_TOKEN=\nDB_PASSWORD=${DB_PASSWORD}\n"}, "no filled-in secret"
        ),
        passing(
            {"keys.py": 'HEADER = "-----BEGIN RSA PRIVATE KEY-----"\n'},
            "code that only names a key's header",
        ),
        passing({"tests/fixtures/server.key": PEM}, "test fixtures are left out"),
        passing({"docs/tls.md": f"Example:\n\n```\n{PEM}```\n"}, "a key shown in documentation"),
        failing({".env": "DEBUG=1\nSTRIPE_SECRET_KEY=sk_live_51HxYz0aBcDeFgHiJkLmNoP\n"}),
        failing({"deploy/id_rsa": PEM}, "a private key"),
        failing({"settings.py": f'AWS_KEY = "{AWS_KEY}"\n'}, "an AWS access key"),
        failing(
            {"config.js": f'export const apiKey = "{RANDOM_VALUE}";\n'},
            "a random value assigned to a key",
        ),
        passing(
            {"settings.py": 'AWS_KEY = "AKIAIOSFODNN7EXAMPLE"\nkind = "bearer_token_header"\n'},
            "AWS's documentation key and a word-like value",
        ),
        failing(
            {"tests/fixtures/server.key": PEM}, "fixtures too, when asked", include_test_data=True
        ),
    ),
    per_package=False,
)
