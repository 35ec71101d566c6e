"""Languages of the repository: files and lines per language, and the primary one."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from auditor.facts.model import LanguageStat

if TYPE_CHECKING:
    from auditor.facts.files import RepositoryFiles


def language_stats(index: RepositoryFiles) -> dict[str, LanguageStat]:
    """Files and lines per programming language, over every indexed file."""
    files: Counter[str] = Counter()
    lines: Counter[str] = Counter()
    for record in index.files:
        if record.language is not None:
            files[record.language] += 1
            lines[record.language] += record.lines
    return {name: LanguageStat(files[name], lines[name]) for name in sorted(files)}


def primary_language(index: RepositoryFiles) -> str | None:
    """The language with the most lines of hand-written, non-test source (ties: by name)."""
    lines: Counter[str] = Counter()
    for record in index.files:
        if record.is_source and not record.is_test and record.language is not None:
            lines[record.language] += record.lines
    if not lines:
        return None
    return min(lines, key=lambda name: (-lines[name], name))
