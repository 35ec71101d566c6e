"""Directories a repository's generator script makes for its output (`scripts/generate.sh`).

A script named for generating (`generate.sh`, `gen-api.sh`, `codegen`, `regen.sh`) that makes
a directory of the repository (`mkdir -p ${ROOT_DIR}/pkg/semconv/metrics`) writes generated
code there: the directory is set aside with the script and line as evidence. Variables set in
the script (`OUT=_incubating`) are substituted; a path that starts with another variable
(`${ROOT_DIR}/`) is taken from the root. Only directories the repository tracks count, and
only a script's own `mkdir` lines, never what it removes or copies.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from auditor.facts.model import SetAside
from auditor.facts.shell.invocations import invocations
from auditor.facts.shell.script_lines import script_lines

if TYPE_CHECKING:
    from auditor.facts.sources import FactSources

GENERATOR_SCRIPT = re.compile(
    r"(?i)(?:^|[-_/])(?:re)?gen(?:erate)?(?:[-_][\w-]+)?(?:\.(?:sh|bash))?$|codegen"
)
ASSIGNMENT = re.compile(r"^[^\S\n]*(?:export\s+)?([A-Za-z_]\w*)=([\"']?)([\w./-]*)\2\s*$", re.M)
VARIABLE = re.compile(r"\$\{(\w+)\}|\$(\w+)")


def generator_outputs(src: FactSources) -> Iterator[SetAside]:
    """The tracked directories generator scripts make, each with the script and line."""
    for record in src.repo.files:
        name = record.path.rpartition("/")[2]
        if record.language not in ("shell", None) or not GENERATOR_SCRIPT.search(name):
            continue
        reason = f"`{record.path}` makes it for the code it generates"
        for line, path in _made_directories(src.text(record.path) or ""):
            if src.repo.is_dir(path):
                yield SetAside(f"{path}/", "generated", record.path, line, reason)


def _made_directories(text: str) -> Iterator[tuple[int | None, str]]:
    """(line, path from the root) of each directory the script's `mkdir` lines make."""
    values = {m.group(1): m.group(3) for m in ASSIGNMENT.finditer(text)}
    for line, command in script_lines(text, 1):
        for invocation in invocations(command):
            if invocation.program == "mkdir":
                paths = (_repository_path(arg, values) for arg in invocation.args)
                yield from ((line, path) for path in paths if path)


def _repository_path(arg: str, values: dict[str, str]) -> str | None:
    """`${ROOT}/pkg/${OUT}/metrics` as a path from the root (`pkg/_incubating/metrics`)."""
    if arg.startswith("-"):
        return None
    lead = VARIABLE.match(arg)
    if lead and (lead.group(1) or lead.group(2)) not in values:
        arg = arg[lead.end() :].lstrip("/")  # `${ROOT_DIR}/x`: from the root
    path = VARIABLE.sub(lambda m: values.get(m.group(1) or m.group(2), "\0"), arg)
    if "\0" in path or path.startswith(("/", "~")):
        return None
    path = posixpath.normpath(path.strip("'\""))
    return None if path in (".", "") or path.startswith("..") else path
