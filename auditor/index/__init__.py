"""The repository index: files, texts, syntax summaries and facts, built once per run."""

from auditor.index.facts.model import (
    Command,
    Docs,
    Facts,
    FileSize,
    LanguageStat,
    ToolUse,
    Workspace,
)
from auditor.index.records import FileSyntax, FunctionInfo, SourceFile
from auditor.index.repository import RepositoryIndex

__all__ = [
    "Command",
    "Docs",
    "Facts",
    "FileSize",
    "FileSyntax",
    "FunctionInfo",
    "LanguageStat",
    "RepositoryIndex",
    "SourceFile",
    "ToolUse",
    "Workspace",
]
