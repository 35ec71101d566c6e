"""Import specifiers, read from the `@import` captures of the one query per grammar."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tree_sitter import Node

LOCAL_RUST_ROOTS = ("crate::", "super::", "self::")


def _text(node: Node, data: bytes) -> str:
    return data[node.start_byte : node.end_byte].decode("utf-8", "replace")


def _python(node: Node, data: bytes) -> Iterator[str]:
    """`import a.b` gives `a.b`; `from .a import b` gives `.a` and `.a.b` (b may be a module)."""
    if node.type == "import_statement":
        for child in node.named_children:
            target = child.child_by_field_name("name") if child.type == "aliased_import" else child
            if target is not None:
                yield _text(target, data)
        return
    module = node.child_by_field_name("module_name")
    if module is None:
        return
    base = _text(module, data)
    yield base
    joiner = "" if base.endswith(".") else "."
    for name in node.children_by_field_name("name"):
        target = name.child_by_field_name("name") if name.type == "aliased_import" else name
        if target is not None:
            yield base + joiner + _text(target, data)


def _quoted(node: Node, data: bytes) -> Iterator[str]:
    """A JS/TS module string or a Go import path, without its quotes."""
    text = _text(node, data)
    if len(text) >= 2:
        yield text[1:-1]


def _rust(node: Node, data: bytes) -> Iterator[str]:
    """A `use` path inside this crate (`crate::`, `super::`, `self::`), spaces removed."""
    text = "".join(_text(node, data).split())
    if text.startswith(LOCAL_RUST_ROOTS):
        yield text


def _java(node: Node, data: bytes) -> Iterator[str]:
    """`import [static] a.b.C;` gives `a.b.C` (`a.b.*` for a whole package)."""
    words = _text(node, data).replace(";", " ").split()
    names = [word for word in words if word not in ("import", "static")]
    if names:
        yield "".join(names)


READERS: dict[str, Callable[[Node, bytes], Iterator[str]]] = {
    "python": _python,
    "javascript": _quoted,
    "typescript": _quoted,
    "tsx": _quoted,
    "go": _quoted,
    "rust": _rust,
    "java": _java,
}


def import_specifiers(grammar: str, nodes: Iterable[Node], data: bytes) -> tuple[str, ...]:
    """The specifiers of the captured import nodes, in document order (none for a grammar
    whose imports are not read)."""
    read = READERS.get(grammar)
    if read is None:
        return ()
    ordered = sorted(nodes, key=lambda node: node.start_byte)
    return tuple(spec for node in ordered for spec in read(node, data) if spec)
