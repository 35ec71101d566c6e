"""Languages of the repository: files and lines per language, the primary one, and which of
them the auditor measures (parses into functions)."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from auditor.facts.model import LanguageStat
from auditor.index.syntax import SYNTAX_LANGUAGES

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


def source_languages(index: RepositoryFiles, measured: bool) -> tuple[str, ...]:
    """The languages of hand-written source files that the auditor measures (`measured`) or
    does not, sorted: tests count, generated files do not."""
    found = {record.language for record in index.files if record.is_source and record.language}
    return tuple(sorted(name for name in found if (name in SYNTAX_LANGUAGES) is measured))
