"""JSON, TOML and YAML read from untrusted text, bounded, with one error for every failure."""

from __future__ import annotations

import json
import sys
import tomllib
from collections.abc import Iterator
from typing import Any

import yaml

MAX_DEPTH = 100
"""Deeper documents are refused: real manifests nest a dozen levels, and the code that reads a
document (ours, jsonschema's, json.dumps) may recurse once per level."""
ALIAS_BUDGET = 100_000
"""How many nodes YAML aliases and merge keys may add to a document beyond the length of its
text: a 452-byte "billion laughs" file would otherwise stand for 10^9 nodes."""


class MalformedDocument(ValueError):
    """Text that cannot be read as the document it claims to be; the message is one line."""


def load_json(text: str | bytes, max_depth: int | None = MAX_DEPTH) -> Any:
    """The JSON value of `text`, or MalformedDocument (bad syntax, a number of more than
    `sys.get_int_max_str_digits()` digits, nesting deeper than `max_depth`)."""
    try:
        document = json.loads(text)
    except (ValueError, RecursionError) as error:
        raise MalformedDocument(_reason(error)) from None
    if max_depth is not None:
        _check_shape(document, max_depth, None)
    return document


def load_toml(text: str) -> dict[str, Any]:
    """The TOML table of `text`, or MalformedDocument (as `load_json`)."""
    try:
        document = tomllib.loads(text)
    except (ValueError, RecursionError) as error:
        raise MalformedDocument(_reason(error)) from None
    _check_shape(document, MAX_DEPTH, None)
    return document


def load_yaml(text: str) -> Any:
    """The first YAML document of `text` (safe loader: tags never construct objects; unknown
    local tags such as GitLab's `!reference` read as None), or MalformedDocument (bad
    syntax, huge numbers, nesting deeper than MAX_DEPTH, an alias that contains itself,
    aliases expanding past ALIAS_BUDGET)."""
    try:
        document = next(iter(yaml.load_all(text, Loader=_TolerantLoader)), None)
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as error:
        raise MalformedDocument(_reason(error)) from None
    _check_shape(document, MAX_DEPTH, len(text) + ALIAS_BUDGET)
    return document


def _reason(error: BaseException) -> str:
    if isinstance(error, RecursionError):
        return "nested too deeply to read"
    message = str(error)
    if "integer string conversion" in message:
        return f"holds a number of more than {sys.get_int_max_str_digits()} digits"
    return next(
        (line.strip() for line in message.splitlines() if line.strip()), type(error).__name__
    )


_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's C loader when PyYAML was built with it (several times faster), else pure Python."""


class _TolerantLoader(_SafeLoader):  # type: ignore[valid-type,misc]
    """The safe loader, reading values under unknown local tags as None (the rest of the file
    still counts, and what the tag means is not guessed), with merge keys deduplicated."""

    def flatten_mapping(self, node: yaml.MappingNode) -> None:
        """Merge keys (`<<: [*a, *a]`) as PyYAML resolves them, keeping one pair per key:
        PyYAML keeps every merged pair, so merges of merges double at each level."""
        super().flatten_mapping(node)
        pairs: dict[object, tuple[yaml.Node, yaml.Node]] = {}
        others = []
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                pairs[(key.tag, key.value)] = (key, value)  # the last one wins, as in a dict
            else:
                others.append((key, value))
        node.value = [*pairs.values(), *others]


def _unknown(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_TolerantLoader.add_multi_constructor("!", _unknown)


def _check_shape(document: Any, max_depth: int, max_nodes: int | None) -> None:
    """MalformedDocument when `document` nests deeper than `max_depth`, contains itself, or
    counts more than `max_nodes` nodes with every shared (aliased) value counted where it is
    used. Shared values are measured once, so a bomb costs what its text costs."""
    children = _children(document)
    if children is None:
        return
    measured: dict[int, tuple[int, int]] = {}
    """id of a finished container -> (its nodes, its depth)"""
    open_ids = {id(document)}
    stack: list[tuple[Any, Iterator[Any], list[int]]] = [(document, children, [1, 1])]
    while stack:
        node, children, totals = stack[-1]
        child = next(children, _END)
        if child is _END:
            stack.pop()
            open_ids.discard(id(node))
            measured[id(node)] = (totals[0], totals[1])
            if stack:
                _add(stack[-1][2], totals[0], totals[1] + 1, max_nodes)
            continue
        grandchildren = _children(child)
        if grandchildren is None:
            _add(totals, 1, 1, max_nodes)
        elif id(child) in open_ids:
            raise MalformedDocument("an alias refers to a value that contains it")
        elif id(child) in measured:
            nodes, depth = measured[id(child)]
            if len(stack) + depth > max_depth:
                raise MalformedDocument(f"nested more than {max_depth} levels deep")
            _add(totals, nodes, depth + 1, max_nodes)
        elif len(stack) >= max_depth:
            raise MalformedDocument(f"nested more than {max_depth} levels deep")
        else:
            open_ids.add(id(child))
            stack.append((child, grandchildren, [1, 1]))


_END = object()


def _children(value: Any) -> Iterator[Any] | None:
    if isinstance(value, dict):
        return iter([*value.keys(), *value.values()])
    if isinstance(value, list | tuple):
        return iter(value)
    return None


def _add(totals: list[int], nodes: int, depth: int, max_nodes: int | None) -> None:
    totals[0] += nodes
    totals[1] = max(totals[1], depth)
    if max_nodes is not None and totals[0] > max_nodes:
        # a text holds (about) no more values than characters: aliases made the rest
        raise MalformedDocument(f"its aliases add more than {ALIAS_BUDGET:,} values")
