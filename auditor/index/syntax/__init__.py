"""Syntax summaries (functions, lengths, complexity, nesting) from tree-sitter, per language."""

from __future__ import annotations

from auditor.index.records import FileSyntax
from auditor.index.syntax.errors import error_lines
from auditor.index.syntax.grammars import grammar_for, load
from auditor.index.syntax.names import NAMERS
from auditor.index.syntax.summarise import summarise_captures

SYNTAX_LANGUAGES: frozenset[str] = frozenset(
    {"python", "javascript", "typescript", "go", "rust", "java"}
)
PARSER_VERSION = "1"
"""Bumped whenever what a parse yields changes, so cached summaries are recomputed."""


def parse_syntax(language: str, data: bytes, path: str = "") -> FileSyntax:
    """Summarise `data`, the source of a file in `language` (one of SYNTAX_LANGUAGES).

    `path` picks the grammar where one language has two (`.tsx` files use the TSX grammar).
    A file with syntax errors is still summarised from its partial tree; its error lines are
    reported. Raises ValueError for a language outside SYNTAX_LANGUAGES.
    """
    from tree_sitter import QueryCursor

    if language not in SYNTAX_LANGUAGES:
        raise ValueError(f"no syntax grammar for language {language!r}")
    grammar = load(grammar_for(language, path))
    root = grammar.parser.parse(data).root_node
    captures = QueryCursor(grammar.query).captures(root)
    name_function, name_scope = NAMERS[grammar.name]
    return FileSyntax(
        language=language,
        functions=summarise_captures(captures, data, name_function, name_scope),
        error_lines=error_lines(root),
    )
