"""Turning one query's captures into per-function complexity, nesting, names and lines."""

from __future__ import annotations

import sys
from bisect import bisect_right
from operator import itemgetter
from typing import TYPE_CHECKING

from auditor.index.records import DocumentedParameters, FunctionInfo

if TYPE_CHECKING:
    from collections.abc import Callable

    from tree_sitter import Node

    from auditor.index.syntax.names import Namer

    SignatureReader = Callable[[Node, bytes], tuple[bool, DocumentedParameters | None]]

# Structure kinds; for captures of one node (same range) the lower kind is handled first.
_FN, _CLS, _IF, _BRANCH, _NEST = range(5)
_STRUCTURE = {"fn": _FN, "cls": _CLS, "if": _IF, "branch": _BRANCH, "nest": _NEST}
_DECISIONS = (("dec", 1), ("wild", -1))
_ORDER = itemgetter(0, 1, 2)
_MODULE = 0
"""The owner of top-level code: it collects what no function owns, then is dropped."""

Event = tuple[int, int, int, "Node"]
"""(start byte, -end byte, kind, node): sorted, an enclosing node comes before what it holds."""
Frame = tuple[int, int, int, str | None, int]
"""An open node: (end byte, owning function index, nesting depth, class scope, kind)."""


def summarise_captures(
    captures: dict[str, list[Node]],
    data: bytes,
    name_function: Namer,
    name_scope: Namer,
    read_signature: SignatureReader | None = None,
) -> tuple[FunctionInfo, ...]:
    """Summarise every captured function, each decision and block counted once, by its owner.

    Functions, scopes and blocks are merged in document order and walked with a stack of open
    nodes, which gives nesting depths and the stretches of bytes each function owns; every
    other decision is then given to its owner by bisection. A decision or block belongs to the
    innermost function whose byte range holds it, so nested functions never add to their
    parent. Iterative: hostile nesting cannot recurse. `read_signature(node, data)` reads
    each function's annotations and documented parameters where the language has a reader.
    """
    functions: list[tuple[Node, str, bool]] = []
    complexity = [1]
    nesting = [0]
    # Where the owning function changes, as doubled byte offsets: a function's start is
    # `2*start+1` and its end `2*end`, so a decision that starts where a function starts or
    # ends (at `2*position`) falls outside it, in the node that encloses both.
    bounds = [0]
    owners = [_MODULE]
    stack: list[Frame] = [(sys.maxsize, _MODULE, 0, None, _FN)]
    for start, neg_end, kind, node in _structure(captures):
        if stack[-1][0] <= start:
            _close(stack, start, bounds, owners)
        end, owner, depth, scope, around = stack[-1]
        if kind >= _IF:
            complexity[owner] += kind != _NEST
            if kind != _IF or around != _IF or end != -neg_end:  # else-ifs do not nest
                depth += 1
                if depth > nesting[owner]:
                    nesting[owner] = depth
                stack.append((-neg_end, owner, depth, scope, kind))
        elif kind == _FN:
            functions.append((node, _qualify(scope, name_function(node, data)), owner != _MODULE))
            stack.append((-neg_end, len(complexity), 0, None, kind))
            bounds.append(2 * start + 1)
            owners.append(len(complexity))
            complexity.append(1)
            nesting.append(0)
        else:
            stack.append((-neg_end, owner, depth, _qualify(scope, name_scope(node, data)), kind))
    _close(stack, sys.maxsize - 1, bounds, owners)
    _count_decisions(captures, bounds, owners, complexity)
    return tuple(
        _function(node, name, nested, complexity[index], nesting[index], data, read_signature)
        for index, (node, name, nested) in enumerate(functions, _MODULE + 1)
    )


def _function(
    node: Node,
    name: str,
    nested: bool,
    complexity: int,
    nesting: int,
    data: bytes,
    read_signature: SignatureReader | None,
) -> FunctionInfo:
    annotated, docstring = (None, None) if read_signature is None else read_signature(node, data)
    return FunctionInfo(
        name=name,
        line=node.start_point[0] + 1,
        end_line=node.end_point[0] + 1,
        complexity=max(1, complexity),
        nesting=nesting,
        nested=nested,
        annotated=annotated,
        docstring=docstring,
    )


def _structure(captures: dict[str, list[Node]]) -> list[Event]:
    events: list[Event] = []
    for capture, kind in _STRUCTURE.items():
        nodes = captures.get(capture, ())
        events += [(node.start_byte, -node.end_byte, kind, node) for node in nodes]
    events.sort(key=_ORDER)
    return events


def _close(stack: list[Frame], position: int, bounds: list[int], owners: list[int]) -> None:
    """Pop the frames that end at or before `position`, noting where a function's stretch ends."""
    while stack[-1][0] <= position:
        end, owner = stack.pop()[:2]
        if stack[-1][1] != owner:
            bounds.append(2 * end)
            owners.append(stack[-1][1])


def _count_decisions(
    captures: dict[str, list[Node]], bounds: list[int], owners: list[int], complexity: list[int]
) -> None:
    """Add each decision to its owner's complexity, unless it lies in an @ignore node."""
    ignored = captures.get("ignore", ())
    # Captures come in match order, not document order; ignored nodes are disjoint, so their
    # starts and ends sort into the same order and pair up again.
    ignored_starts = sorted([node.start_byte for node in ignored])
    ignored_ends = sorted([node.end_byte for node in ignored])
    for capture, weight in _DECISIONS:
        for node in captures.get(capture, ()):
            start = node.start_byte
            index = bisect_right(ignored_starts, start) - 1
            if index < 0 or start >= ignored_ends[index]:
                complexity[owners[bisect_right(bounds, 2 * start) - 1]] += weight


def _qualify(scope: str | None, name: str) -> str:
    if scope is None or name.startswith("<"):
        return name
    return f"{scope}.{name}"
