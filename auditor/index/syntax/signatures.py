"""Python function headers: parameters, their annotations, and what the docstring lists."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from auditor.index.records import DocumentedParameters
from auditor.index.syntax.docstrings import TRIGGERS, documented_parameters

if TYPE_CHECKING:
    from tree_sitter import Node

_UNTYPED = frozenset(
    {"identifier", "default_parameter", "list_splat_pattern", "dictionary_splat_pattern"}
)
_NAMED = _UNTYPED | {"typed_parameter", "typed_default_parameter"}
_RECEIVERS = frozenset({"self", "cls"})
_RECEIVER_BYTES = frozenset({b"self", b"cls"})
_STRING_PREFIX = "rRuUbBfF"
TRIGGER_BYTES = re.compile(TRIGGERS.pattern.encode())


def python_signature(node: Node, data: bytes) -> tuple[bool, DocumentedParameters | None]:
    """Whether a `function_definition` is fully annotated, and what its docstring documents.

    Parameter names are read only for the few functions whose docstring may list them: this
    runs for every Python function of the repository.
    """
    parameters = node.child_by_field_name("parameters")
    children = [] if parameters is None else parameters.named_children
    annotated = _annotated(node, children)
    docstring = _docstring(node, data)
    if docstring is None:
        return annotated, None
    params = [_name(child, data) for child in children if child.type in _NAMED]
    if params and params[0] in _RECEIVERS:
        params.pop(0)
    documented = documented_parameters(docstring, tuple(params))
    return annotated, None if documented is None else DocumentedParameters(
        tuple(params), documented
    )


def _annotated(node: Node, children: list[Node]) -> bool:
    for at, child in enumerate(children):
        if child.type in _UNTYPED and not (at == 0 and child.text in _RECEIVER_BYTES):
            return False
    if node.child_by_field_name("return_type") is not None:
        return True
    name = node.child_by_field_name("name")
    return name is not None and name.text == b"__init__"


def _name(node: Node, data: bytes) -> str:
    """A parameter's name with its stars (`*args`), from an identifier, splat or default."""
    if node.type == "typed_parameter":
        node = node.named_child(0) if node.named_child_count else node
    elif node.type in ("default_parameter", "typed_default_parameter"):
        inner = node.child_by_field_name("name")
        node = node if inner is None else inner
    return data[node.start_byte : node.end_byte].decode("utf-8", "replace")


def _docstring(node: Node, data: bytes) -> str | None:
    """The docstring of a function when it may list parameters (checked before decoding)."""
    body = node.child_by_field_name("body")
    first = None if body is None or not body.named_child_count else body.named_child(0)
    if first is None or first.type != "expression_statement" or not first.named_child_count:
        return None
    string = first.named_child(0)
    if string.type != "string" or not TRIGGER_BYTES.search(
        data, string.start_byte, string.end_byte
    ):
        return None
    text = data[string.start_byte : string.end_byte].decode("utf-8", "replace")
    text = text.lstrip(_STRING_PREFIX)
    quote = text[:3] if text[:3] in ('"""', "'''") else text[:1]
    return text[len(quote) : len(text) - len(quote)]
