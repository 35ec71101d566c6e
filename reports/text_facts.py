"""The facts block of the terminal report: what the auditor found the repository uses."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rich.console import RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from .fact_labels import DOC_LABELS, language_name

LANGUAGES_SHOWN = 5
LARGEST_SHOWN = 3
TOOL_LABELS = (
    ("linters", "Linters"), ("formatters", "Formatters"), ("type_checkers", "Type checkers"),
)  # fmt: skip
NONE_FOUND = Text("none found", style="yellow")
Row = tuple[str, RenderableType]


def facts(values: Mapping[str, Any], verbose: bool) -> list[RenderableType]:
    """A label/value grid of the key facts; empty facts are left out unless absence matters."""
    rows = [*_stack(values), *_checks(values), *_setup(values)]
    if verbose:
        rows += _details(values)
    table = Table.grid(padding=(0, 2))
    table.add_column(no_wrap=True, style="dim")
    table.add_column(overflow="fold")
    for label, value in rows:
        table.add_row(label, value)
    return [Text("Repository", style="bold"), Padding(table, (0, 0, 0, 2))] if rows else []


def _strings(values: Mapping[str, Any], key: str) -> list[str]:
    value = values.get(key)
    return [str(item) for item in value] if isinstance(value, list | tuple) else []


def _string(values: Mapping[str, Any], key: str) -> str | None:
    value = values.get(key)
    return value if isinstance(value, str) and value else None


def _listed(items: list[str]) -> Text:
    return Text(", ".join(items))


def _stack(values: Mapping[str, Any]) -> list[Row]:
    languages = values.get("languages")
    if not isinstance(languages, Mapping) or not languages:
        return []
    primary = _string(values, "primary_language")
    counts = {name: _files(stat) for name, stat in languages.items()}
    order = sorted(counts, key=lambda name: (name != primary, -counts[name], name))
    text = Text()
    for position, name in enumerate(order[:LANGUAGES_SHOWN]):
        text.append(", " if position else "")
        noun = (" file" if counts[name] == 1 else " files") if position == 0 else ""
        text.append(f"{language_name(name)} {counts[name]}{noun}")
        if name == primary and len(order) > 1:
            text.append(" (primary)", style="dim")
    if len(order) > LANGUAGES_SHOWN:
        text.append(f", +{len(order) - LANGUAGES_SHOWN} more", style="dim")
    return [("Languages", text)]


def _files(stat: Any) -> int:
    files = stat.get("files") if isinstance(stat, Mapping) else None
    return files if isinstance(files, int) else 0


def _checks(values: Mapping[str, Any]) -> list[Row]:
    """Test command, tests, the tools configured, CI and pre-commit."""
    rows: list[Row] = [("Test command", _test_command(values)), *_tests(values)]
    rows += [
        (label, _listed(names)) for key, label in TOOL_LABELS if (names := _strings(values, key))
    ]
    rows.append(("CI", _ci(values)))
    if values.get("pre_commit") is True:
        rows.append(("Pre-commit", Text("configured")))
    return rows


def _test_command(values: Mapping[str, Any]) -> Text:
    """The canonical test command, then the other test commands found, dimmed."""
    command = _string(values, "test_command")
    others = [c for c in _strings(values, "test_commands") if c != command]
    test_line = Text(command) if command else NONE_FOUND.copy()
    if command and others:
        test_line.append(f"  (also: {', '.join(others)})", style="dim")
    return test_line


def _tests(values: Mapping[str, Any]) -> list[Row]:
    """The test frameworks and the number of test files; no row when neither is known."""
    frameworks = _strings(values, "test_frameworks")
    count = values.get("test_file_count")
    if not (frameworks or count):
        return []
    text = _listed(frameworks)
    if isinstance(count, int) and count:
        noun = "test file" if count == 1 else "test files"
        text.append(f"{' · ' if frameworks else ''}{count} {noun}")
    return [("Tests", text)]


def _ci(values: Mapping[str, Any]) -> Text:
    """The CI providers and how many workflow files they have; "none found" without any."""
    providers = _strings(values, "ci_providers")
    ci_files = _strings(values, "ci_files")
    ci = _listed(providers) if providers else NONE_FOUND.copy()
    if providers and ci_files:
        noun = "file" if len(ci_files) == 1 else "files"
        ci.append(f"  ({len(ci_files)} workflow {noun})", style="dim")
    return ci


def _setup(values: Mapping[str, Any]) -> list[Row]:
    instructions = _strings(values, "instruction_files")
    found = _listed(instructions) if instructions else NONE_FOUND.copy()
    rows: list[Row] = [("Instructions", found)]
    managers = _strings(values, "package_managers")
    lockfiles = _strings(values, "lockfiles")
    if managers or lockfiles:
        text = _listed(managers)
        if lockfiles:
            text.append(f"{' · ' if managers else ''}locked by {', '.join(lockfiles)}")
        rows.append(("Dependencies", text))
    workspace = values.get("workspace")
    if isinstance(workspace, Mapping):
        packages = workspace.get("packages")
        count = len(packages) if isinstance(packages, list | tuple) else 0
        noun = "package" if count == 1 else "packages"
        rows.append(("Workspace", Text(f"{workspace.get('kind', '?')}, {count} {noun}")))
    return rows


def _details(values: Mapping[str, Any]) -> list[Row]:
    """Facts shown only with --verbose: test directories, documents, environment, sizes."""
    rows: list[Row] = []
    if source := _source(values.get("test_command_source")):
        rows.append(("Test command from", source))
    if single := _string(values, "single_test_command"):
        rows.append(("One test", Text(single)))
    if test_dirs := _strings(values, "test_dirs"):
        rows.append(("Test dirs", _listed(test_dirs)))
    docs = values.get("docs")
    if isinstance(docs, Mapping):
        rows.append(("Documents", _documents(docs)))
    setup = _strings(values, "dev_environment")
    if example := _string(values, "env_example"):
        setup.append(example)
    if setup:
        rows.append(("Environment", _listed(setup)))
    largest = values.get("largest_files")
    if isinstance(largest, list) and largest:
        rows.append(("Largest files", _sizes(largest[:LARGEST_SHOWN])))
    return rows


def _source(source: Any) -> Text | None:
    """`CONTRIBUTING.md:42 (documented)`: where the test command was found and why it won."""
    if not isinstance(source, Mapping) or not isinstance(source.get("path"), str):
        return None
    line = source.get("line")
    where = f"{source['path']}:{line}" if isinstance(line, int) else source["path"]
    text = Text(where)
    if isinstance(source.get("reason"), str):
        text.append(f" ({source['reason']})", style="dim")
    return text


def _sizes(items: list[Any]) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(overflow="fold")
    table.add_column(justify="right", no_wrap=True)
    table.add_column(justify="right", no_wrap=True)
    for item in items:
        if isinstance(item, Mapping):
            lines, tokens = item.get("lines"), item.get("tokens")
            table.add_row(
                Text(str(item.get("path"))),
                Text(f"{lines:,} lines" if isinstance(lines, int) else ""),
                Text(f"{tokens:,} tokens" if isinstance(tokens, int) else ""),
            )
    return table


def _documents(docs: Mapping[str, Any]) -> Text:
    """The standard documents found, with the licence's SPDX id, then the ones missing."""
    found = [
        f"{docs[key]} ({docs['license_spdx']})"
        if key == "license" and docs.get("license_spdx")
        else str(docs[key])
        for key, _ in DOC_LABELS
        if docs.get(key)
    ]
    if not found:
        return NONE_FOUND.copy()
    text = Text(", ".join(found))
    missing = [label for key, label in DOC_LABELS if not docs.get(key)]
    if missing:
        text.append(f"; no {', '.join(missing)}", style="dim")
    return text
