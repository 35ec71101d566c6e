"""Syntax summaries (functions, signatures, imports, escape hatches, clones) from one parse."""

from __future__ import annotations

from typing import TYPE_CHECKING

from auditor.index.records import FileSyntax
from auditor.index.syntax.errors import error_lines
from auditor.index.syntax.fingerprints import clone_windows
from auditor.index.syntax.grammars import grammar_for, load
from auditor.index.syntax.hatches import escape_hatch_lines
from auditor.index.syntax.imports import import_specifiers
from auditor.index.syntax.names import NAMERS
from auditor.index.syntax.signatures import python_signature
from auditor.index.syntax.summarise import summarise_captures
from auditor.index.testpaths import is_test_path

if TYPE_CHECKING:
    from tree_sitter import Node

SYNTAX_LANGUAGES: frozenset[str] = frozenset(
    {"python", "javascript", "typescript", "go", "rust", "java"}
    | {"csharp", "kotlin", "c", "cpp", "ruby", "php"}
)
"""The languages whose functions are measured; files of any other language are not parsed."""
PARSER_VERSION = "7"
"""Bumped whenever what a parse yields changes, so cached summaries are recomputed."""


def parse_syntax(language: str, data: bytes, path: str = "") -> FileSyntax:
    """Summarise `data`, the source of a file in `language` (one of SYNTAX_LANGUAGES).

    `path` picks the grammar where one language has two (`.tsx` files use the TSX grammar).
    A file with syntax errors is still summarised from its partial tree; its error lines are
    reported. Clone windows are computed for every file but tests (by `path`): the one
    read of the file is the only chance to see its lines. Raises ValueError for a language
    outside SYNTAX_LANGUAGES.
    """
    from tree_sitter import QueryCursor

    if language not in SYNTAX_LANGUAGES:
        raise ValueError(f"no syntax grammar for language {language!r}")
    grammar = load(grammar_for(language, path))
    root = grammar.parser.parse(data).root_node
    captures = QueryCursor(grammar.query).captures(root)
    name_function, name_scope = NAMERS[grammar.name]
    read_signature = python_signature if language == "python" else None
    test = is_test_path(path, data)
    windows, places, code_lines = (
        (b"", b"", 0) if test else clone_windows(data, _block_comments(root))
    )
    return FileSyntax(
        language=language,
        functions=summarise_captures(captures, data, name_function, name_scope, read_signature),
        error_lines=error_lines(root),
        imports=import_specifiers(grammar.name, captures.get("import", ()), data),
        escape_hatches=escape_hatch_lines(language, data),
        clone_windows=windows,
        clone_places=places,
        code_lines=code_lines,
    )


def _block_comments(root: Node) -> list[tuple[int, int]]:
    """The (first, last) rows of the top-level comments spanning several lines: licence
    headers, alike in every file by necessity, not by copying."""
    return [
        (node.start_point.row, node.end_point.row)
        for node in root.children
        if "comment" in node.type and node.end_point.row > node.start_point.row
    ]
