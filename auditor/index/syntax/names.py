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


_CSHARP_ANONYMOUS = {"lambda_expression": LAMBDA, "anonymous_method_expression": ANONYMOUS}


def csharp_function(node: Node, data: bytes) -> str:
    """A C# method by name, `~T` a finalizer, `operator +` an operator, `P.get` an accessor."""
    kind = node.type
    if kind in _CSHARP_ANONYMOUS:
        return _CSHARP_ANONYMOUS[kind]
    if kind == "accessor_declaration":
        owner = None if node.parent is None else node.parent.parent  # through accessor_list
        if owner is None:
            owner_name = ANONYMOUS
        elif owner.type == "indexer_declaration":
            owner_name = "this"
        else:
            owner_name = _field(owner, "name", data)
        return f"{owner_name}.{_field(node, 'name', data)}"
    if kind == "destructor_declaration":
        return "~" + _field(node, "name", data)
    if kind == "operator_declaration":
        return "operator " + _field(node, "operator", data)
    if kind == "conversion_operator_declaration":
        return "operator " + _field(node, "type", data)
    return named(node, data)


def kotlin_function(node: Node, data: bytes) -> str:
    """A Kotlin fun by name, a secondary constructor as `constructor`, an anonymous fun."""
    if node.type == "secondary_constructor":
        return "constructor"
    return named(node, data)


_DECLARATORS = frozenset(
    {
        "function_declarator",
        "pointer_declarator",
        "reference_declarator",
        "parenthesized_declarator",
    }
)


def c_function(node: Node, data: bytes) -> str:
    """A C or C++ function by its declarator's name (`Type::method` as `Type.method`)."""
    if node.type == "lambda_expression":
        return LAMBDA
    declarator = node.child_by_field_name("declarator")
    while declarator is not None and declarator.type in _DECLARATORS:
        declarator = declarator.child_by_field_name("declarator")
    if declarator is None:
        return ANONYMOUS
    return " ".join(_text(declarator, data).replace("::", ".").split())


def scoped(node: Node, data: bytes) -> str:
    """A scope by its name, `A::B` (Ruby, C++) written `A.B` like every qualified name."""
    return _field(node, "name", data).replace("::", ".")


def php_function(node: Node, data: bytes) -> str:
    """A PHP function or method by name; a closure or arrow function as `<closure>`."""
    return _field(node, "name", data, CLOSURE)


NAMERS: dict[str, tuple[Namer, Namer]] = {
    "python": (named, named),
    "javascript": (ecmascript, ecmascript),
    "typescript": (ecmascript, ecmascript),
    "tsx": (ecmascript, ecmascript),
    "go": (go, named),
    "rust": (rust_function, rust_scope),
    "java": (java_function, named),
    "csharp": (csharp_function, named),
    "kotlin": (kotlin_function, named),
    "c": (c_function, named),
    "cpp": (c_function, scoped),
    "ruby": (named, scoped),
    "php": (php_function, named),
}
"""Per grammar: (function namer, scope namer)."""
