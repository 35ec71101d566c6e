"""Names of this project and of those it uses, as `owner/name` (not paths of this repository).

A document writes `prometheus/client_golang` (the repository), `prometheus/common/model` (a Go
package of a module the project requires) or `league/config` (a Composer package): code spans
with a slash that are no path here. They come from the manifests that name them: go.mod's
module and requirements, composer.json's name and requirements, and the repository URLs of
package.json, Cargo.toml and pyproject.toml.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from auditor.facts.files import RepositoryFiles

GO_MODULE = re.compile(
    r"^[ \t]*+(?:module[ \t]++|require[ \t]++)?+([\w-]++(?:\.[\w-]++)++/[\w./-]++)", re.M
)
"""`module github.com/o/n`, `require example.com/x v1`, and the lines of a require block."""
REPOSITORY_URL = re.compile(
    r"(?:github\.com|gitlab\.com|codeberg\.org|bitbucket\.org)[/:]([\w.-]+/[\w.-]+?)(?:\.git)?(?=[\"'\s/#]|$)"
)


def project_names(files: RepositoryFiles) -> frozenset[str]:
    """Every `owner/name` (and longer tail of a Go module path) the manifests name."""
    return frozenset(_names(files))


def _names(files: RepositoryFiles) -> Iterator[str]:
    for module in GO_MODULE.findall(files.text("go.mod") or ""):
        parts = module.split("/")
        yield from ("/".join(parts[at:]) for at in range(1, len(parts) - 1))
    composer = _json(files.text("composer.json"))
    if isinstance(composer, dict):
        yield from (k for k in [composer.get("name")] if isinstance(k, str) and "/" in k)
        for key in ("require", "require-dev"):
            table = composer.get(key)
            yield from (k for k in table if "/" in k) if isinstance(table, dict) else ()
    for manifest in ("package.json", "Cargo.toml", "pyproject.toml"):
        yield from REPOSITORY_URL.findall(files.text(manifest) or "")


def _json(text: str | None) -> object:
    try:
        return json.loads(text) if text else None
    except (ValueError, RecursionError):
        return None
