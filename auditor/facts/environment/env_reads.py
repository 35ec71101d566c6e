"""Environment variables the repository's code reads, each with its first read."""

from __future__ import annotations

import re

from auditor.facts.layout.aside_dirs import lies_aside
from auditor.facts.model import EnvRead
from auditor.facts.sources import FactSources
from auditor.index.line_offsets import line_at
from auditor.index.records import SourceFile

NAME = r"([A-Za-z_][A-Za-z0-9_]*)"
READS: dict[str, re.Pattern[str]] = {
    "python": re.compile(
        rf"""\b(?:environ\s*\[|environ\.get\(|getenv\()\s*(?:r|b)?['"]{NAME}['"]"""
    ),
    "javascript": re.compile(rf"""\bprocess\.env(?:\.{NAME}\b|\[\s*['"`]{NAME}['"`]\s*\])"""),
    "go": re.compile(rf"""\bos\.(?:Getenv|LookupEnv)\(\s*"{NAME}"\s*\)"""),
    "rust": re.compile(rf"""\benv::var(?:_os)?\(\s*"{NAME}"\s*\)"""),
    "java": re.compile(rf"""\bSystem\.getenv\(\s*"{NAME}"\s*\)"""),
}
"""A read of one variable named by a literal, per language (dynamic names are not followed)."""
READS["typescript"] = READS["javascript"]
WRITES: dict[str, re.Pattern[str]] = {
    "python": re.compile(
        rf"""\b(?:environ\s*\[\s*['"]{NAME}['"]\s*\]\s*=(?!=)
              |(?:environ\.setdefault|putenv)\(\s*['"]{NAME}['"])""",
        re.VERBOSE,
    ),
    "javascript": re.compile(
        rf"""\bprocess\.env(?:\.{NAME}|\[\s*['"`]{NAME}['"`]\s*\])\s*(?:=(?!=)|\?\?=|\|\|=)"""
    ),
    "go": re.compile(rf'\bos\.Setenv\(\s*"{NAME}"'),
    "rust": re.compile(rf'\benv::set_var\(\s*"{NAME}"'),
}
"""A write of one variable: the program sets it for itself or its children."""
WRITES["typescript"] = WRITES["javascript"]


def env_reads(src: FactSources) -> tuple[EnvRead, ...]:
    """The first read of each environment variable in the repository's own code, by name.

    Only hand-written source that the index marked `reads-env` is read; tests, test data,
    examples, docs, benchmarks and hidden directories (`aside_dirs`) are not the code a user
    configures, so their reads are left out. A variable the code also sets (`os.environ[X] =
    ...`, `process.env.X = ...`, `os.Setenv`) is the program's own plumbing, not a setting.
    """
    first: dict[str, EnvRead] = {}
    written: set[str] = set()
    for record in src.repo.files:
        if not _is_configured_code(record):
            continue
        language = record.language or ""
        text = src.text(record.path) or ""
        written.update(_names(WRITES.get(language), text))
        for match in READS[language].finditer(text):
            name = next(group for group in match.groups() if group)
            if name not in first:
                line = line_at(text, match.start())
                first[name] = EnvRead(name, record.path, line)
    return tuple(first[name] for name in sorted(first) if name not in written)


def _is_configured_code(record: SourceFile) -> bool:
    """Hand-written, non-test source in a language read here, marked as reading the env."""
    if record.language not in READS or "reads-env" not in record.markers:
        return False
    return (
        record.is_source and not record.is_test and not lies_aside(record.path.rpartition("/")[0])
    )


def _names(pattern: re.Pattern[str] | None, text: str) -> set[str]:
    if pattern is None:
        return set()
    return {group for match in pattern.finditer(text) for group in match.groups() if group}
