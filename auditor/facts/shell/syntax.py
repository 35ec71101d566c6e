"""Shell text parsed by tree-sitter-bash: the statements of a script and the words of each command.

This replaces the hand-written splitting the shell facts used to do (separators scanned outside
quotes, `shlex` words, backslash continuations, comments, keyword lines and here-documents
skipped by pattern). The grammar is loaded lazily, on the first shell text parsed.

Two liberties are taken so that the texts the auditor reads parse as their authors meant:
GitHub expressions (`${{ matrix.python }}`) are read as single words, and a command
substitution holding one bare word (`$(MAKE)`, `$(PYTHON)`: a make variable left unexpanded)
is a word, not a command run.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tree_sitter import Node, Parser

EXPRESSION = re.compile(r"\$\{\{.*?\}\}", re.DOTALL)
"""A GitHub (or Gitea) expression, which is not shell."""
HOLE = "__expr{}__"
HOLE_WORD = re.compile(r"__expr(\d+)__")
COMPOUND = frozenset({
    "program", "if_statement", "elif_clause", "else_clause", "for_statement",
    "c_style_for_statement", "while_statement", "do_group", "compound_statement",
    "case_statement", "case_item", "function_definition", "ERROR",
})  # fmt: skip
"""Nodes whose statements run one by one: their own text is keywords around them."""
STATEMENTS = frozenset({
    "command", "list", "pipeline", "redirected_statement", "negated_command", "subshell",
    "declaration_command", "unset_command", "variable_assignment", "variable_assignments",
    "test_command",
})  # fmt: skip
"""Nodes that are one command line: kept whole (a list's `&&` and a pipe's `|` included)."""
SKIPPED = frozenset({
    "file_redirect", "heredoc_redirect", "herestring_redirect", "variable_assignment", "ERROR",
    "comment",
})  # fmt: skip
"""Children of a command that are not its words: redirections, assignments before it."""
SPACES = re.compile(r"(?<![^\S\n])[^\S\n]*+\\?\r?\n\s*+")
"""Blanks around a line break (or a backslash continuation), from the start of their run."""
WORD_ESCAPE = re.compile(r"\\([^A-Za-z0-9])")
"""`\\ ` and `\\"` in a bare word (`.\\build.ps1`, a Windows path, keeps its backslash)."""
STRING_ESCAPE = re.compile(r'\\([\\"$`])')


@functools.cache
def _parser() -> Parser:
    from tree_sitter import Language, Parser
    from tree_sitter_bash import language

    return Parser(Language(language()))


class ShellText:
    """One shell text and its syntax tree; expressions are held out as placeholder words."""

    def __init__(self, text: str) -> None:
        self.holes: list[str] = []

        def hold(match: re.Match[str]) -> str:
            self.holes.append(match.group(0))
            return HOLE.format(len(self.holes) - 1)

        self.source = EXPRESSION.sub(hold, text).encode("utf-8", "surrogatepass")
        self.root = _parser().parse(self.source).root_node

    def restore(self, text: str) -> str:
        """`text` with the held-out expressions put back."""
        return HOLE_WORD.sub(lambda m: self.holes[int(m.group(1))], text) if self.holes else text

    def slice(self, start: int, end: int) -> str:
        return self.restore(self.source[start:end].decode("utf-8", "replace"))


def statements(text: str) -> list[tuple[int, str]]:
    """(0-based line, one command line) for each statement of a script, in order.

    Compound commands (`if`, `for`, `while`, `case`, `{ }`, function bodies) give their inner
    statements; a list (`a && b`), pipeline or subshell stays one line. Continuations and
    newlines inside a statement become single spaces; comments and here-document bodies are
    left out. Where the grammar cannot read a line (`{envpython} -m pytest`, a fragment), the
    statement found there starts at its line's start.
    """
    shell = ShellText(text)
    found: list[tuple[int, str]] = []
    end = 0
    for node, start in _statements(shell.root):
        line = _line(shell, node, max(start, end))
        end = node.end_byte
        if line:
            found.append((node.start_point[0], line))
    return found


def _statements(node: Node, broken: bool = False) -> Iterator[tuple[Node, int]]:
    """Each statement below `node` with the byte it starts at."""
    for child in node.named_children:
        if child.type in STATEMENTS:
            body = (
                child.child_by_field_name("body") if child.type == "redirected_statement" else None
            )
            if body is not None and body.type in COMPOUND:
                yield from _statements(body, broken)
            else:
                start = child.start_byte - child.start_point[1] if broken else child.start_byte
                yield child, max(start, node.start_byte)
        elif child.type in COMPOUND:
            yield from _statements(child, broken or child.type == "ERROR")


def _line(shell: ShellText, node: Node, start: int) -> str:
    """The text of a statement on one line, without its comments and here-document bodies."""
    parts: list[str] = []
    at = start
    for cut_start, cut_end in sorted(_cuts(node)):
        if cut_start >= at:
            parts.append(shell.slice(at, cut_start))
            at = cut_end
    parts.append(shell.slice(at, node.end_byte))
    return SPACES.sub(" ", "".join(parts)).strip().lstrip(";&|").strip()


def _cuts(node: Node) -> Iterator[tuple[int, int]]:
    for child in node.children:
        if child.type == "comment":
            yield child.start_byte, child.end_byte
        elif child.type == "heredoc_redirect":
            body = next((c for c in child.children if c.type == "heredoc_body"), None)
            if body is not None:
                yield body.start_byte, child.end_byte
        else:
            yield from _cuts(child)


def commands(text: str) -> list[list[str]]:
    """The words of every simple command in `text`, in the order they run: commands inside a
    `$(...)` substitution before the command using its output. Quotes are removed; expansions
    (`$HOME`, `${X}`) stay as written; assignments before a command and redirections are left
    out. `export X=1` is the command `export` with its argument."""
    shell = ShellText(text)
    found: list[list[str]] = []
    _collect(shell, shell.root, found)
    return found


def _collect(shell: ShellText, node: Node, found: list[list[str]]) -> None:
    if node.type == "command_substitution" and _is_word(node):
        return
    for child in node.children:
        _collect(shell, child, found)
    if node.type == "command":
        found.append([_word(shell, c) for c in node.named_children if c.type not in SKIPPED])
    elif node.type == "declaration_command" and node.children:
        keyword = node.children[0]
        found.append([keyword.type, *(_word(shell, c) for c in node.named_children)])


def _is_word(node: Node) -> bool:
    """`$(MAKE)`, `$(pwd)`: a substitution of one bare word, read as a variable."""
    inner = node.named_children
    return (
        len(inner) == 1
        and inner[0].type == "command"
        and len(inner[0].named_children) == 1
        and inner[0].named_children[0].type == "command_name"
    )


def _word(shell: ShellText, node: Node) -> str:
    """The word a node stands for, its quotes removed."""
    if node.type == "command_name" and node.named_children:
        return _word(shell, node.named_children[0])
    if node.type == "raw_string":
        return shell.slice(node.start_byte + 1, node.end_byte - 1)
    if node.type == "string":
        return STRING_ESCAPE.sub(r"\1", shell.slice(node.start_byte + 1, node.end_byte - 1))
    if node.type == "concatenation":
        return "".join(_word(shell, child) for child in node.children)
    if node.type == "word":
        return WORD_ESCAPE.sub(r"\1", shell.slice(node.start_byte, node.end_byte))
    return shell.slice(node.start_byte, node.end_byte)
