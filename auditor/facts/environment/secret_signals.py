"""Signs that the repository handles secrets: secret files near the code, credentials it reads."""

from __future__ import annotations

import re

from auditor.facts.layout.aside_dirs import lies_aside
from auditor.facts.model import EnvRead
from auditor.facts.sources import FactSources

SECRET_SETTING = re.compile(
    r"(?:^|_)(?:SECRET|TOKEN|PASSWORD|PASSWD|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIALS?)"
    r"(?:_|$)"
)
"""An environment variable named for a credential: `OPENAI_API_KEY`, `DB_PASSWORD`."""
CI_SETTING = re.compile(r"^(?:GITHUB|GH|CI|ACTIONS|RUNNER|GITLAB|CODECOV|PYPI|NPM)_")
"""Credentials the CI platform provides to release and bot scripts, not the project's own."""
SECRET_FILE = re.compile(
    r"(?:^|/)(?:\.env(?:\.(?!example|sample|template|dist|defaults)[\w-]+)?|[\w.-]+\.key"
    r"|id_(?:rsa|dsa|ecdsa|ed25519)|credentials\.json|[\w.-]+\.p12|[\w.-]+\.pfx)$"
)


def credential_reads(reads: tuple[EnvRead, ...]) -> tuple[EnvRead, ...]:
    """The reads of credential-named variables (CI-provided tokens left out)."""
    return tuple(
        read
        for read in reads
        if SECRET_SETTING.search(read.name.upper()) and not CI_SETTING.match(read.name)
    )


def secret_signal(src: FactSources, example: str | None) -> str | None:
    """The path of the first file showing that secret files live in checkouts, or None.

    The example env file `example` (its real counterpart sits beside it), else a secret-like
    file (.env, `*.key`, `id_rsa`, `credentials.json`, `*.p12`) outside tests, fixtures and
    examples.
    """
    if example is not None:
        return example
    for record in src.repo.files:
        directory = record.path.rpartition("/")[0]
        if SECRET_FILE.search(record.path) and not record.is_test and not lies_aside(directory):
            return record.path
    return None
