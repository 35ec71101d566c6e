"""The facts of the HTML report: labelled rows of what the repository uses, and the raw values."""

from __future__ import annotations

import json
from dataclasses import dataclass

from auditor.model import ReportFacts

from .fact_labels import (
    DOC_LABELS,
    agent_files_summary,
    language_name,
    ordered_languages,
    source_note,
)

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


def facts(values: ReportFacts) -> tuple[Fact, ...]:
    """The key facts in reading order; an empty list is left out unless its absence matters."""
    rows = [*_languages(values), _test_command(values)]
    for key, label in LISTS:
        items: tuple[str, ...] = getattr(values, key)
        if items or key in ABSENCE_MATTERS:
            rows.append(Fact(label, items, _note(values, key)))
    if values.agent_files:
        items = tuple(f"{f.path} ({f.kind})" for f in values.agent_files)
        rows.append(Fact("Loaded on demand", items, agent_files_summary(values)))
    rows += _workspace(values)
    if values.set_aside:
        items = tuple(f"{a.path} ({a.kind})" for a in values.set_aside)
        rows.append(Fact("Set aside", items, "not judged as hand-written code"))
    rows.append(_documents(values))
    return tuple(_capped(row) for row in rows)


def _capped(fact: Fact) -> Fact:
    if len(fact.items) <= ITEMS_SHOWN:
        return fact
    shown, more = fact.items[:ITEMS_SHOWN], fact.items[ITEMS_SHOWN:]
    return Fact(fact.label, shown, fact.note, more)


def largest_files(values: ReportFacts) -> tuple[FileSize, ...]:
    return tuple(
        FileSize(item.path, f"{item.lines:,}", f"{item.tokens:,}")
        for item in values.largest_files[:LARGEST_SHOWN]
    )


def raw(values: ReportFacts) -> tuple[tuple[str, str], ...]:
    """Every fact as (key, compact JSON), sorted by key: nothing the audit found is hidden."""
    document = values.to_json()
    return tuple(
        (key, json.dumps(document[key], sort_keys=True, ensure_ascii=False))
        for key in sorted(document)
    )


def _languages(values: ReportFacts) -> list[Fact]:
    if not values.languages:
        return []
    counts = {name: values.languages[name].files for name in ordered_languages(values)}
    items = tuple(
        f"{language_name(name)} ({files:,} file{'' if files == 1 else 's'})"
        for name, files in counts.items()
    )
    primary = values.primary_language
    note = f"primary: {language_name(primary)}" if primary else ""
    return [Fact("Languages", items, note)]


def _test_command(values: ReportFacts) -> Fact:
    command = values.test_command
    items = (command,) if command else ()
    notes = []
    if command and values.test_command_source:
        notes.append(f"from {source_note(values.test_command_source)}")
    if command and (others := values.other_test_commands):
        notes.append(f"also: {', '.join(others)}")
    return Fact("Test command", items, "; ".join(notes))


def _note(values: ReportFacts, key: str) -> str:
    """Counts that qualify a list: test files beside frameworks, workflow files beside CI."""
    if key == "test_frameworks":
        count, noun = values.test_file_count, "test file"
    elif key == "ci_providers":
        count, noun = len(values.ci_files), "workflow file"
    else:
        return ""
    return f"{count:,} {noun}{'' if count == 1 else 's'}" if count else ""


def _workspace(values: ReportFacts) -> list[Fact]:
    workspace = values.workspace
    return [Fact("Workspace", workspace.packages, workspace.kind)] if workspace else []


def _documents(values: ReportFacts) -> Fact:
    docs = values.docs
    found = tuple(path for key, _ in DOC_LABELS if (path := getattr(docs, key)))
    missing = [label for key, label in DOC_LABELS if not getattr(docs, key)]
    note = f"no {', '.join(missing)}" if missing else ""
    if docs.license_spdx:
        note = f"licence {docs.license_spdx}" + (f"; {note}" if note else "")
    return Fact("Documents", found, note)
