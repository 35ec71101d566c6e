"""The repository's standard documents: README, CONTRIBUTING, licence, security policy, ..."""

from __future__ import annotations

from auditor.index.facts.model import Docs
from auditor.index.facts.sources import FactSources


def find_docs(src: FactSources) -> Docs:
    readme = next((f.path for f in src.index.files if f.path.lower().startswith("readme")), None)
    return Docs(readme=readme)
