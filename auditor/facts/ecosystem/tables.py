"""Safe reads of parsed, untrusted manifest data: nested tables and lists of strings."""

from __future__ import annotations

from typing import Any


def table_at(data: Any, *keys: str) -> dict[str, Any] | None:
    """The mapping found by following `keys` from `data`, or None if any step is not a mapping."""
    current = data
    for key in keys:
        if not isinstance(current, dict):
            return None
        current = current.get(key)
    return current if isinstance(current, dict) else None


def has_table(data: Any, *keys: str) -> bool:
    return table_at(data, *keys) is not None


def value_at(data: Any, *keys: str) -> Any:
    """The value found by following `keys` (the last may lead to a non-mapping), or None."""
    parent = table_at(data, *keys[:-1]) if len(keys) > 1 else data
    return parent.get(keys[-1]) if isinstance(parent, dict) and keys else None


def strings(value: Any) -> tuple[str, ...]:
    """The string items of a list (other items are ignored); () for anything but a list."""
    if not isinstance(value, list):
        return ()
    return tuple(item for item in value if isinstance(item, str))


def string_at(data: Any, *keys: str) -> str | None:
    value = value_at(data, *keys)
    return value if isinstance(value, str) else None
