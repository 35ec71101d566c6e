"""The repository index: files, texts and syntax summaries, built once per run, read-only."""

from auditor.index.imports import IMPORT_LANGUAGES
from auditor.index.records import FileSyntax, FunctionInfo, SourceFile
from auditor.index.repository import RepositoryIndex
from auditor.index.suppressions import Suppression

__all__ = [
    "IMPORT_LANGUAGES",
    "FileSyntax",
    "FunctionInfo",
    "RepositoryIndex",
    "SourceFile",
    "Suppression",
]
