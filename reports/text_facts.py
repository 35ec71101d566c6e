"""The facts block of the terminal report: what the auditor found the repository uses."""

from __future__ import annotations

from rich.console import RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from auditor.model import Docs, FileSize, ReportFacts

from .fact_labels import (
    DOC_LABELS,
    agent_files_summary,
    language_name,
    ordered_languages,
    source_note,
)

LANGUAGES_SHOWN = 5
LARGEST_SHOWN = 3
TOOL_LABELS = (
    ("linters", "Linters"), ("formatters", "Formatters"), ("type_checkers", "Type checkers"),
)  # fmt: skip
NONE_FOUND = Text("none found", style="yellow")
Row = tuple[str, RenderableType]


def facts(values: ReportFacts, verbose: bool) -> list[RenderableType]:
    """A label/value grid of the key facts; empty facts are left out unless absence matters."""
    rows = [*_stack(values), *_checks(values, verbose), *_setup(values)]
    if verbose:
        rows += _details(values)
    table = Table.grid(padding=(0, 2))
    table.add_column(no_wrap=True, style="dim")
    table.add_column(overflow="fold")
    for label, value in rows:
        table.add_row(label, value)
    return [Text("Repository", style="bold"), Padding(table, (0, 0, 0, 2))] if rows else []


def _listed(items: tuple[str, ...] | list[str]) -> Text:
    return Text(", ".join(items))


def _stack(values: ReportFacts) -> list[Row]:
    if not values.languages:
        return []
    order = ordered_languages(values)
    text = Text()
    for position, name in enumerate(order[:LANGUAGES_SHOWN]):
        files = values.languages[name].files
        text.append(", " if position else "")
        noun = (" file" if files == 1 else " files") if position == 0 else ""
        text.append(f"{language_name(name)} {files}{noun}")
        if name == values.primary_language and len(order) > 1:
            text.append(" (primary)", style="dim")
    if len(order) > LANGUAGES_SHOWN:
        text.append(f", +{len(order) - LANGUAGES_SHOWN} more", style="dim")
    return [("Languages", text)]


def _checks(values: ReportFacts, verbose: bool) -> list[Row]:
    """Test command, tests, the tools configured, CI and pre-commit."""
    rows: list[Row] = [("Test command", _test_command(values, verbose)), *_tests(values)]
    rows += [
        (label, _listed(names)) for key, label in TOOL_LABELS if (names := getattr(values, key))
    ]
    rows.append(("CI", _ci(values)))
    if values.pre_commit:
        rows.append(("Pre-commit", Text("configured")))
    return rows


def _test_command(values: ReportFacts, verbose: bool) -> Text:
    """The canonical test command, where it came from (verbose), then the others, dimmed."""
    command = values.test_command
    if not command:
        return NONE_FOUND.copy()
    test_line = Text(command)
    if verbose and values.test_command_source:
        test_line.append(f"  ({source_note(values.test_command_source)})", style="dim")
    if others := values.other_test_commands:
        test_line.append(f"  (also: {', '.join(others)})", style="dim")
    return test_line


def _tests(values: ReportFacts) -> list[Row]:
    """The test frameworks and the number of test files; no row when neither is known."""
    frameworks, count = values.test_frameworks, values.test_file_count
    if not (frameworks or count):
        return []
    text = _listed(frameworks)
    if count:
        noun = "test file" if count == 1 else "test files"
        text.append(f"{' · ' if frameworks else ''}{count} {noun}")
    return [("Tests", text)]


def _ci(values: ReportFacts) -> Text:
    """The CI providers and how many workflow files they have; "none found" without any."""
    if not values.ci_providers:
        return NONE_FOUND.copy()
    ci = _listed(values.ci_providers)
    if count := len(values.ci_files):
        ci.append(f"  ({count} workflow {'file' if count == 1 else 'files'})", style="dim")
    return ci


def _setup(values: ReportFacts) -> list[Row]:
    instructions = values.instruction_files
    rows: list[Row] = [
        ("Instructions", _listed(instructions) if instructions else NONE_FOUND.copy())
    ]
    if summary := agent_files_summary(values):
        rows.append(("On demand", Text(summary)))
    managers, lockfiles = values.package_managers, values.lockfiles
    if managers or lockfiles:
        text = _listed(managers)
        if lockfiles:
            text.append(f"{' · ' if managers else ''}locked by {', '.join(lockfiles)}")
        rows.append(("Dependencies", text))
    if workspace := values.workspace:
        count = len(workspace.packages)
        noun = "package" if count == 1 else "packages"
        rows.append(("Workspace", Text(f"{workspace.kind}, {count} {noun}")))
    return rows


def _measured(values: ReportFacts) -> list[Row]:
    """The languages whose functions were measured, then those the function rules cannot see."""
    measured = [language_name(name) for name in values.languages_measured]
    unmeasured = [language_name(name) for name in values.languages_not_measured]
    if not (measured or unmeasured):
        return []
    text = _listed(measured) if measured else Text("none", style="yellow")
    if unmeasured:
        text.append(f"; not measured: {', '.join(unmeasured)}", style="yellow")
    return [("Measured", text)]


def _details(values: ReportFacts) -> list[Row]:
    """Facts shown only with --verbose: test directories, documents, environment, sizes."""
    rows: list[Row] = [*_measured(values)]
    if values.single_test_command:
        rows.append(("One test", Text(values.single_test_command)))
    if values.set_aside:
        rows.append(("Set aside", _set_aside(values)))
    if values.test_dirs:
        rows.append(("Test dirs", _listed(values.test_dirs)))
    rows.append(("Documents", _documents(values.docs)))
    setup = [*values.dev_environment, *([values.env_example] if values.env_example else [])]
    if setup:
        rows.append(("Environment", _listed(setup)))
    if values.largest_files:
        rows.append(("Largest files", _sizes(values.largest_files[:LARGEST_SHOWN])))
    return rows


def _set_aside(values: ReportFacts) -> Text:
    """`src/pkg/_vendor/ (vendored), api/*_pb2.py (generated)`: what the code rules skip."""
    shown = [f"{a.path} ({a.kind})" for a in values.set_aside[:LARGEST_SHOWN]]
    text = Text(", ".join(shown))
    if len(values.set_aside) > LARGEST_SHOWN:
        text.append(f", +{len(values.set_aside) - LARGEST_SHOWN} more", style="dim")
    return text


def _sizes(items: tuple[FileSize, ...]) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(overflow="fold")
    table.add_column(justify="right", no_wrap=True)
    table.add_column(justify="right", no_wrap=True)
    for item in items:
        table.add_row(
            Text(item.path), Text(f"{item.lines:,} lines"), Text(f"{item.tokens:,} tokens")
        )
    return table


def _documents(docs: Docs) -> Text:
    """The standard documents found, with the licence's SPDX id, then the ones missing."""
    found = [
        f"{path} ({docs.license_spdx})" if key == "license" and docs.license_spdx else path
        for key, _ in DOC_LABELS
        if (path := getattr(docs, key))
    ]
    if not found:
        return NONE_FOUND.copy()
    text = Text(", ".join(found))
    missing = [label for key, label in DOC_LABELS if not getattr(docs, key)]
    if missing:
        text.append(f"; no {', '.join(missing)}", style="dim")
    return text
