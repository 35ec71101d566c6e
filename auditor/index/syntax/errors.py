"""Lines where a syntax tree holds ERROR or MISSING nodes, found without walking the whole tree."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tree_sitter import Node

MAX_ERROR_LINES = 20


def error_lines(root: Node, limit: int = MAX_ERROR_LINES) -> tuple[int, ...]:
    """1-based lines of the first `limit` syntax errors, in order; () for a clean tree.

    Descends only into subtrees that contain an error (`has_error`), so a clean file costs
    one attribute read and a broken one costs the paths to its errors. Iterative, not recursive.
    """
    if not root.has_error:
        return ()
    lines: set[int] = set()
    stack = [root]
    while stack and len(lines) < limit:
        node = stack.pop()
        if node.is_error or node.is_missing:
            lines.add(node.start_point[0] + 1)
            continue
        stack.extend(child for child in reversed(node.children) if child.has_error)
    return tuple(sorted(lines))
