"""The facts section of the Markdown report: what the auditor found the repository uses."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .fact_labels import DOC_LABELS, language_name
from .markdown_text import code, text

LANGUAGES_SHOWN = 6
TOOL_LABELS = (
    ("linters", "Linters"), ("formatters", "Formatters"), ("type_checkers", "Type checkers"),
)  # fmt: skip
NONE_FOUND = "_none found_"


def fact_rows(values: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(label, Markdown) pairs for the facts table, in reading order; empty facts left out."""
    rows = [*_stack(values), *_checks(values), *_setup(values), *_documents(values)]
    return [(label, value) for label, value in rows if value]


def _strings(values: Mapping[str, Any], key: str) -> list[str]:
    value = values.get(key)
    return [str(item) for item in value] if isinstance(value, list | tuple) else []


def _codes(items: list[str]) -> str:
    return ", ".join(code(item) for item in items)


def _stack(values: Mapping[str, Any]) -> list[tuple[str, str]]:
    languages = values.get("languages")
    if not isinstance(languages, Mapping) or not languages:
        return []
    primary = values.get("primary_language")
    counts = {name: _files(stat) for name, stat in languages.items()}
    order = sorted(counts, key=lambda name: (name != primary, -counts[name], name))
    shown = []
    for name in order[:LANGUAGES_SHOWN]:
        noun = "file" if counts[name] == 1 else "files"
        mark = " (primary)" if name == primary and len(order) > 1 else ""
        display = text(language_name(name))
        shown.append(f"{display} {counts[name]} {noun}{mark}")
    if len(order) > LANGUAGES_SHOWN:
        shown.append(f"{len(order) - LANGUAGES_SHOWN} more")
    return [("Languages", ", ".join(shown))]


def _files(stat: Any) -> int:
    files = stat.get("files") if isinstance(stat, Mapping) else None
    return files if isinstance(files, int) else 0


def _checks(values: Mapping[str, Any]) -> list[tuple[str, str]]:
    command = values.get("test_command")
    others = [c for c in _strings(values, "test_commands") if c != command]
    test_line = code(command) if isinstance(command, str) and command else NONE_FOUND
    if others and test_line != NONE_FOUND:
        test_line += f" (also {_codes(others)})"
    rows = [("Test command", test_line), ("Tests", _tests(values))]
    rows += [(label, text(", ".join(_strings(values, key)))) for key, label in TOOL_LABELS]
    providers = _strings(values, "ci_providers")
    ci_files = _strings(values, "ci_files")
    ci = text(", ".join(providers)) if providers else NONE_FOUND
    if providers and ci_files:
        ci += f" ({len(ci_files)} workflow {'file' if len(ci_files) == 1 else 'files'})"
    rows.append(("CI", ci))
    rows.append(("Pre-commit", "configured" if values.get("pre_commit") is True else ""))
    return rows


def _tests(values: Mapping[str, Any]) -> str:
    frameworks = text(", ".join(_strings(values, "test_frameworks")))
    count = values.get("test_file_count")
    if isinstance(count, int) and count:
        noun = "test file" if count == 1 else "test files"
        return f"{frameworks}{' · ' if frameworks else ''}{count:,} {noun}"
    return frameworks


def _setup(values: Mapping[str, Any]) -> list[tuple[str, str]]:
    instructions = _strings(values, "instruction_files")
    rows = [("Agent instructions", _codes(instructions) if instructions else NONE_FOUND)]
    managers = text(", ".join(_strings(values, "package_managers")))
    lockfiles = _strings(values, "lockfiles")
    locked = f"locked by {_codes(lockfiles)}" if lockfiles else ""
    rows.append(("Dependencies", " · ".join(part for part in (managers, locked) if part)))
    workspace = values.get("workspace")
    if isinstance(workspace, Mapping):
        packages = workspace.get("packages")
        count = len(packages) if isinstance(packages, list | tuple) else 0
        noun = "package" if count == 1 else "packages"
        rows.append(("Workspace", f"{text(str(workspace.get('kind', '?')))}, {count} {noun}"))
    setup = _strings(values, "dev_environment")
    example = values.get("env_example")
    rows.append(("Environment", text(", ".join(setup + ([example] if example else [])))))
    return rows


def _documents(values: Mapping[str, Any]) -> list[tuple[str, str]]:
    docs = values.get("docs")
    if not isinstance(docs, Mapping):
        return []
    found = []
    for key, _ in DOC_LABELS:
        if docs.get(key):
            spdx = docs.get("license_spdx") if key == "license" else None
            found.append(code(str(docs[key])) + (f" ({text(str(spdx))})" if spdx else ""))
    missing = [label for key, label in DOC_LABELS if not docs.get(key)]
    rows = [("Documents", ", ".join(found) if found else NONE_FOUND)]
    if missing and found:
        rows.append(("Missing documents", ", ".join(missing)))
    return rows
