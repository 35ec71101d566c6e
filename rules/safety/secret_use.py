"""Whether a repository uses secrets, judged from the index's secret facts."""

from __future__ import annotations

from auditor.rule import RuleContext


def secret_use(ctx: RuleContext) -> str | None:
    """Why the repository is judged to use secrets, or None.

    An env example or a secret-like file shows secret files in checkouts. Credential-named
    variables the code reads count only in an application: a library or CLI reads its users'
    credentials, which never live in its own checkout.
    """
    facts = ctx.facts
    if facts.secret_signal is not None:
        return facts.secret_signal
    if facts.credential_reads and facts.profile == "application":
        read = facts.credential_reads[0]
        return f"{read.path} reads {read.name}"
    return None
