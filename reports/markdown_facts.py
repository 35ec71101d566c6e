"""The facts section of the Markdown report: what the auditor found the repository uses."""

from __future__ import annotations

from auditor.model import ReportFacts

from .fact_labels import DOC_LABELS, agent_files_summary, language_name, ordered_languages
from .markdown_text import code, text

LANGUAGES_SHOWN = 6
TOOL_LABELS = (
    ("linters", "Linters"), ("formatters", "Formatters"), ("type_checkers", "Type checkers"),
)  # fmt: skip
NONE_FOUND = "_none found_"


def fact_rows(values: ReportFacts) -> list[tuple[str, str]]:
    """(label, Markdown) pairs for the facts table, in reading order; empty facts left out."""
    rows = [*_stack(values), *_checks(values), *_setup(values), *_documents(values)]
    return [(label, value) for label, value in rows if value]


def _codes(items: tuple[str, ...] | list[str]) -> str:
    return ", ".join(code(item) for item in items)


def _stack(values: ReportFacts) -> list[tuple[str, str]]:
    if not values.languages:
        return []
    order = ordered_languages(values)
    shown = []
    for name in order[:LANGUAGES_SHOWN]:
        files = values.languages[name].files
        noun = "file" if files == 1 else "files"
        mark = " (primary)" if name == values.primary_language and len(order) > 1 else ""
        shown.append(f"{text(language_name(name))} {files} {noun}{mark}")
    if len(order) > LANGUAGES_SHOWN:
        shown.append(f"{len(order) - LANGUAGES_SHOWN} more")
    return [("Languages", ", ".join(shown))]


def _checks(values: ReportFacts) -> list[tuple[str, str]]:
    test_line = code(values.test_command) if values.test_command else NONE_FOUND
    if values.test_command and (others := values.other_test_commands):
        test_line += f" (also {_codes(others)})"
    rows = [("Test command", test_line), ("Tests", _tests(values))]
    rows += [(label, text(", ".join(getattr(values, key)))) for key, label in TOOL_LABELS]
    ci = text(", ".join(values.ci_providers)) if values.ci_providers else NONE_FOUND
    if values.ci_providers and (count := len(values.ci_files)):
        ci += f" ({count} workflow {'file' if count == 1 else 'files'})"
    rows.append(("CI", ci))
    rows.append(("Pre-commit", "configured" if values.pre_commit else ""))
    return rows


def _tests(values: ReportFacts) -> str:
    frameworks = text(", ".join(values.test_frameworks))
    if count := values.test_file_count:
        noun = "test file" if count == 1 else "test files"
        return f"{frameworks}{' · ' if frameworks else ''}{count:,} {noun}"
    return frameworks


def _setup(values: ReportFacts) -> list[tuple[str, str]]:
    instructions = values.instruction_files
    rows = [("Agent instructions", _codes(instructions) if instructions else NONE_FOUND)]
    if summary := agent_files_summary(values):
        rows.append(("Loaded on demand", text(summary)))
    managers = text(", ".join(values.package_managers))
    locked = f"locked by {_codes(values.lockfiles)}" if values.lockfiles else ""
    rows.append(("Dependencies", " · ".join(part for part in (managers, locked) if part)))
    if workspace := values.workspace:
        count = len(workspace.packages)
        noun = "package" if count == 1 else "packages"
        rows.append(("Workspace", f"{text(workspace.kind)}, {count} {noun}"))
    setup = [*values.dev_environment, *([values.env_example] if values.env_example else [])]
    rows.append(("Environment", text(", ".join(setup))))
    return rows


def _documents(values: ReportFacts) -> list[tuple[str, str]]:
    docs = values.docs
    found = []
    for key, _ in DOC_LABELS:
        if path := getattr(docs, key):
            spdx = docs.license_spdx if key == "license" else None
            found.append(code(path) + (f" ({text(spdx)})" if spdx else ""))
    missing = [label for key, label in DOC_LABELS if not getattr(docs, key)]
    rows = [("Documents", ", ".join(found) if found else NONE_FOUND)]
    if missing and found:
        rows.append(("Missing documents", ", ".join(missing)))
    return rows
