"""Commands built as templates: literal text and named values, spelt once as both.

A single-test builder writes `templated("uv run pytest ", ("file", path), "::", ("name", x))`
and gets the template `uv run pytest {file}::{name}` with the values of its example, so the
example and its template cannot differ (literal braces are doubled, as `str.format` reads them).
"""

from __future__ import annotations

from types import MappingProxyType

from auditor.report_facts import CommandTemplate

Part = str | tuple[str, str]
"""Literal text, or a placeholder's (name, value in the example)."""

PLACEHOLDERS: dict[str, str] = {
    "file": "a test file's path, relative to the directory the command runs in",
    "name": "a test's name: its function (pytest, unittest, go, cargo) or its title (the "
    "JavaScript runners, which match it as a pattern; keep the example's quoting)",
    "class": "the test class the test is in (pytest, unittest) or the JVM test class's simple name",
    "method": "a test method of that JVM test class",
    "module": "the test file as a dotted Python module (tests.test_a), for unittest",
    "package": "a Go package directory, relative, starting with ./ (. for the one run from)",
    "crate": "the Cargo package (its `name` in Cargo.toml) that holds the test",
    "project": "the Gradle project path of the module holding the test (:core, :libs:core)",
    "maven_module": "the Maven module's directory holding the test, as -pl takes it",
}
"""Every placeholder a single-test template may hold, and what to put in it."""


def templated(*parts: Part) -> CommandTemplate:
    """The template of `parts` and the values of its placeholders."""
    template = ""
    values: dict[str, str] = {}
    for part in parts:
        if isinstance(part, str):
            template += part.replace("{", "{{").replace("}", "}}")
            continue
        name, value = part
        if name not in PLACEHOLDERS or values.get(name, value) != value:
            raise ValueError(f"placeholder {name!r} undocumented or given two values")
        template += "{" + name + "}"
        values[name] = value
    return CommandTemplate(template, MappingProxyType(values))


def prefixed(text: str, command: CommandTemplate) -> CommandTemplate:
    """`command` with literal `text` in front (`cd crates/core && `, a wrapper)."""
    literal = text.replace("{", "{{").replace("}", "}}")
    return CommandTemplate(literal + command.template, command.values)
