"""The facts of the HTML report: labelled rows of what the repository uses, and the raw values."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .fact_labels import DOC_LABELS, language_name

LISTS = (
    ("test_frameworks", "Test frameworks"), ("test_dirs", "Test directories"),
    ("linters", "Linters"), ("formatters", "Formatters"), ("type_checkers", "Type checkers"),
    ("ci_providers", "CI"), ("instruction_files", "Agent instructions"),
    ("package_managers", "Package managers"), ("lockfiles", "Lockfiles"),
    ("dev_environment", "Environment"),
)  # fmt: skip
ABSENCE_MATTERS = {"ci_providers", "instruction_files"}
LARGEST_SHOWN = 10
ITEMS_SHOWN = 8
"""Items of a fact shown at once; the rest wait behind a "+N more" disclosure."""


@dataclass(frozen=True, slots=True)
class Fact:
    """A labelled fact: its items (empty means none found) and a dimmed note."""

    label: str
    items: tuple[str, ...]
    note: str = ""
    more: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class FileSize:
    """One of the largest files: its path, lines and estimated tokens."""

    path: str
    lines: str
    tokens: str


def facts(values: Mapping[str, Any]) -> tuple[Fact, ...]:
    """The key facts in reading order; an empty list is left out unless its absence matters."""
    rows = [*_languages(values), _test_command(values)]
    for key, label in LISTS:
        items = _strings(values, key)
        if items or key in ABSENCE_MATTERS:
            rows.append(Fact(label, tuple(items), _note(values, key)))
    rows += _workspace(values)
    rows += _documents(values)
    return tuple(_capped(row) for row in rows)


def _capped(fact: Fact) -> Fact:
    if len(fact.items) <= ITEMS_SHOWN:
        return fact
    shown, more = fact.items[:ITEMS_SHOWN], fact.items[ITEMS_SHOWN:]
    return Fact(fact.label, shown, fact.note, more)


def largest_files(values: Mapping[str, Any]) -> tuple[FileSize, ...]:
    largest = values.get("largest_files")
    if not isinstance(largest, list):
        return ()
    return tuple(
        FileSize(str(item.get("path")), _count(item.get("lines")), _count(item.get("tokens")))
        for item in largest[:LARGEST_SHOWN]
        if isinstance(item, Mapping)
    )


def raw(values: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    """Every fact as (key, compact JSON), sorted by key: nothing the audit found is hidden."""
    return tuple(
        (str(key), json.dumps(_plain(values[key]), sort_keys=True, ensure_ascii=False))
        for key in sorted(values, key=str)
    )


def _plain(value: Any) -> Any:
    """`value` as JSON values with string keys, whatever a fact holds: the dump never fails."""
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, set | frozenset):
        return sorted((_plain(item) for item in value), key=repr)
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def _count(value: Any) -> str:
    return f"{value:,}" if isinstance(value, int) else ""


def _strings(values: Mapping[str, Any], key: str) -> list[str]:
    value = values.get(key)
    return [str(item) for item in value] if isinstance(value, list | tuple) else []


def _languages(values: Mapping[str, Any]) -> list[Fact]:
    languages = values.get("languages")
    if not isinstance(languages, Mapping) or not languages:
        return []
    primary = values.get("primary_language")
    counts = {str(name): _files(stat) for name, stat in languages.items()}
    order = sorted(counts, key=lambda name: (name != primary, -counts[name], name))
    items = tuple(
        f"{language_name(name)} ({counts[name]:,} file{'' if counts[name] == 1 else 's'})"
        for name in order
    )
    note = f"primary: {language_name(primary)}" if isinstance(primary, str) and primary else ""
    return [Fact("Languages", items, note)]


def _files(stat: Any) -> int:
    files = stat.get("files") if isinstance(stat, Mapping) else None
    return files if isinstance(files, int) else 0


def _test_command(values: Mapping[str, Any]) -> Fact:
    command = values.get("test_command")
    others = [c for c in _strings(values, "test_commands") if c != command]
    items = (command,) if isinstance(command, str) and command else ()
    note = f"also: {', '.join(others)}" if items and others else ""
    return Fact("Test command", items, note)


def _note(values: Mapping[str, Any], key: str) -> str:
    """Counts that qualify a list: test files beside frameworks, workflow files beside CI."""
    count_key = {"test_frameworks": "test_file_count", "ci_providers": "ci_files"}.get(key)
    count = values.get(count_key) if count_key else None
    if isinstance(count, list):
        count = len(count)
    if not isinstance(count, int) or isinstance(count, bool) or not count:
        return ""
    noun = "test file" if key == "test_frameworks" else "workflow file"
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def _workspace(values: Mapping[str, Any]) -> list[Fact]:
    workspace = values.get("workspace")
    if not isinstance(workspace, Mapping):
        return []
    packages = _strings(workspace, "packages")
    return [Fact("Workspace", tuple(packages), str(workspace.get("kind", "")))]


def _documents(values: Mapping[str, Any]) -> list[Fact]:
    docs = values.get("docs")
    if not isinstance(docs, Mapping):
        return []
    found = tuple(str(docs[key]) for key, _ in DOC_LABELS if docs.get(key))
    missing = [label for key, label in DOC_LABELS if not docs.get(key)]
    note = f"no {', '.join(missing)}" if missing else ""
    spdx = docs.get("license_spdx")
    if isinstance(spdx, str) and spdx:
        note = f"licence {spdx}" + (f"; {note}" if note else "")
    return [Fact("Documents", found, note)]
