"""Lazily loaded tree-sitter grammars: one parser and one compiled query per grammar per process."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from auditor.index.syntax.queries import QUERIES

if TYPE_CHECKING:
    from tree_sitter import Parser, Query

GRAMMAR_NAMES: frozenset[str] = frozenset(QUERIES)


@dataclass(frozen=True, slots=True)
class Grammar:
    """A grammar ready to use: its parser (reused across files) and its compiled query."""

    name: str
    parser: Parser
    query: Query


_BINDINGS: dict[str, tuple[str, str]] = {
    "python": ("tree_sitter_python", "language"),
    "javascript": ("tree_sitter_javascript", "language"),
    "typescript": ("tree_sitter_typescript", "language_typescript"),
    "tsx": ("tree_sitter_typescript", "language_tsx"),
    "go": ("tree_sitter_go", "language"),
    "rust": ("tree_sitter_rust", "language"),
    "java": ("tree_sitter_java", "language"),
    "csharp": ("tree_sitter_c_sharp", "language"),
    "kotlin": ("tree_sitter_kotlin", "language"),
    "c": ("tree_sitter_c", "language"),
    "cpp": ("tree_sitter_cpp", "language"),
    "ruby": ("tree_sitter_ruby", "language"),
    "php": ("tree_sitter_php", "language_php"),
}
"""Grammar name -> (binding module, function returning the language pointer)."""

_LOADED: dict[str, Grammar] = {}


def grammar_for(language: str, path: str) -> str:
    """The grammar that parses a file of `language` at `path`.

    TSX has a grammar of its own. A `.h` header counts as C but is parsed as C++: C++ headers
    mostly end in `.h`, and the C++ grammar reads C declarations, while the C grammar reads
    every class as a syntax error.
    """
    if language == "typescript" and path.lower().endswith(".tsx"):
        return "tsx"
    if language == "c" and path.endswith(".h"):
        return "cpp"
    if language not in GRAMMAR_NAMES:
        raise ValueError(f"no syntax grammar for language {language!r}")
    return language


def load(name: str) -> Grammar:
    """The grammar `name`, loaded and its query compiled on first use in this process."""
    grammar = _LOADED.get(name)
    if grammar is None:
        from tree_sitter import Language, Parser, Query

        language = Language(_language_pointer(name))
        grammar = Grammar(name, Parser(language), Query(language, QUERIES[name]))
        _LOADED[name] = grammar
    return grammar


def _language_pointer(name: str) -> object:
    module_name, function_name = _BINDINGS[name]
    module = importlib.import_module(module_name)
    return getattr(module, function_name)()
