"""Names of functions and class-like scopes, read from a few nodes around each capture."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tree_sitter import Node

ANONYMOUS = "<anonymous>"
LAMBDA = "<lambda>"
CLOSURE = "<closure>"

Namer = Callable[["Node", bytes], str]
"""Reads the name of a function or scope node from the source bytes."""

_SIMPLE_NAMES = frozenset(
    {
        "identifier",
        "property_identifier",
        "private_property_identifier",
        "shorthand_property_identifier",
        "type_identifier",
        "field_identifier",
    }
)
_NAMED_BY_PARENT = {
    "variable_declarator": "name",
    "pair": "key",
    "assignment_expression": "left",
    "field_definition": "property",
    "public_field_definition": "name",
}
"""JS/TS: an unnamed function takes the name it is bound to (`const f = () => {}` is `f`)."""


def _text(node: Node, data: bytes) -> str:
    return data[node.start_byte : node.end_byte].decode("utf-8", "replace")


def _field(node: Node, field: str, data: bytes, default: str = ANONYMOUS) -> str:
    child = node.child_by_field_name(field)
    return default if child is None else _text(child, data)


def named(node: Node, data: bytes) -> str:
    """The text of the node's `name` field (Python, Java, Rust items, declarations)."""
    name = node.child_by_field_name("name")  # inlined: called for every function
    if name is None:
        return ANONYMOUS
    return data[name.start_byte : name.end_byte].decode("utf-8", "replace")


def ecmascript(node: Node, data: bytes) -> str:
    """A JS/TS function or class: its own name, else the variable, key or field bound to it."""
    name = node.child_by_field_name("name")
    if name is not None:
        return _text(name, data)
    parent = node.parent
    field = None if parent is None else _NAMED_BY_PARENT.get(parent.type)
    target = None if parent is None or field is None else parent.child_by_field_name(field)
    if target is not None and target.type == "member_expression":
        target = target.child_by_field_name("property")
    if target is None or target.type not in _SIMPLE_NAMES:
        return ANONYMOUS
    return _text(target, data)


def go(node: Node, data: bytes) -> str:
    """A Go function, a method as `Receiver.method`, or an anonymous func literal."""
    name = node.child_by_field_name("name")
    if name is None:
        return ANONYMOUS
    receiver = node.child_by_field_name("receiver")
    if receiver is None:
        return _text(name, data)
    words = _text(receiver, data).strip("()").split("[")[0].split()
    receiver_type = words[-1].lstrip("*") if words else ""
    return f"{receiver_type}.{_text(name, data)}" if receiver_type else _text(name, data)


def rust_function(node: Node, data: bytes) -> str:
    """A Rust fn item by name; a closure as `<closure>`."""
    return _field(node, "name", data, CLOSURE)


def rust_scope(node: Node, data: bytes) -> str:
    """An impl block by the type it implements (generics dropped); a trait by its name."""
    if node.type == "impl_item":
        return _field(node, "type", data).split("<")[0].lstrip("&").strip()
    return named(node, data)


def java_function(node: Node, data: bytes) -> str:
    """A Java method or constructor by name; a lambda as `<lambda>`."""
    return _field(node, "name", data, LAMBDA)


NAMERS: dict[str, tuple[Namer, Namer]] = {
    "python": (named, named),
    "javascript": (ecmascript, ecmascript),
    "typescript": (ecmascript, ecmascript),
    "tsx": (ecmascript, ecmascript),
    "go": (go, named),
    "rust": (rust_function, rust_scope),
    "java": (java_function, named),
}
"""Per grammar: (function namer, scope namer)."""
