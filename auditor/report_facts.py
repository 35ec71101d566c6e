"""The facts a report shows: a frozen, typed view, and its JSON form (the `facts` object)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from string import Formatter
from types import MappingProxyType
from typing import Any


@dataclass(frozen=True, slots=True)
class LanguageStat:
    """How much of one language the repository holds."""

    files: int
    lines: int


@dataclass(frozen=True, slots=True)
class Workspace:
    """A multi-package layout: the tool that declares it and the package directories."""

    kind: str
    packages: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Docs:
    """Where the repository's standard documents are (paths), or None."""

    readme: str | None = None
    contributing: str | None = None
    architecture: str | None = None
    changelog: str | None = None
    license: str | None = None
    license_spdx: str | None = None
    security: str | None = None
    code_of_conduct: str | None = None
    codeowners: str | None = None


@dataclass(frozen=True, slots=True)
class FileSize:
    """One file's size: its lines and estimated tokens."""

    path: str
    lines: int
    tokens: int


@dataclass(frozen=True, slots=True)
class SetAside:
    """A path that is not the repository's hand-written code, and the evidence that says so."""

    path: str
    """A file, or a directory with a trailing slash."""
    kind: str
    """`vendored`, `generated`, `data` or `fixture` (`layout.set_aside.KINDS`)."""
    source: str
    """The file that says so: a listing, a config, `.gitattributes`, or the path itself (its
    header, its name)."""
    line: int | None
    """1-based line of `source` that says so (None when the name alone does)."""
    reason: str


@dataclass(frozen=True, slots=True)
class AgentFileFact:
    """A skill, custom agent, command or hook config, and the agents that read it on demand."""

    path: str
    kind: str
    """skill | agent | command | hooks"""
    agents: tuple[str, ...]
    name: str
    source: str
    """The file holding its text: `path`, or what a symbolic link resolves to."""


@dataclass(frozen=True, slots=True)
class Source:
    """Where a chosen fact came from and why it won: its provenance."""

    path: str
    line: int | None
    reason: str


@dataclass(frozen=True, slots=True)
class CommandTemplate:
    """A command with named placeholders in braces (`uv run pytest {file}::{name}`; Python's
    `str.format` syntax, so `{{` and `}}` are literal braces), and the values of the real
    example it was built with: `template.format_map(values)` is that example, byte for byte."""

    template: str
    values: Mapping[str, str]
    """Each placeholder's value in the example, by name."""

    @property
    def example(self) -> str:
        return self.template.format_map(self.values)

    @property
    def placeholders(self) -> tuple[str, ...]:
        """The placeholders' names, in the order they first appear."""
        names = (name for _, name, _, _ in Formatter().parse(self.template) if name is not None)
        return tuple(dict.fromkeys(names))


@dataclass(frozen=True, slots=True)
class ReportFacts:
    """What the audit found the repository uses, as every renderer reads it."""

    languages: Mapping[str, LanguageStat] = field(default_factory=lambda: MappingProxyType({}))
    primary_language: str | None = None
    languages_measured: tuple[str, ...] = ()
    """Languages of the hand-written source whose functions are parsed and measured."""
    languages_not_measured: tuple[str, ...] = ()
    """Languages of the hand-written source the auditor does not parse."""
    package_managers: tuple[str, ...] = ()
    lockfiles: tuple[str, ...] = ()
    workspace: Workspace | None = None
    test_frameworks: tuple[str, ...] = ()
    test_dirs: tuple[str, ...] = ()
    test_file_count: int = 0
    test_command: str | None = None
    test_command_source: Source | None = None
    single_test_command: str | None = None
    """How to run one test, built from the test command (same directory and prefix), or None."""
    single_test_template: CommandTemplate | None = None
    """`single_test_command` with its test's file, name, ... as placeholders, and their values
    in it (`facts.testing.single_test.PLACEHOLDERS` says what each means)."""
    test_commands: tuple[str, ...] = ()
    """Every way found to run the tests, the canonical one first, each once."""
    linters: tuple[str, ...] = ()
    formatters: tuple[str, ...] = ()
    type_checkers: tuple[str, ...] = ()
    pre_commit: bool = False
    ci_providers: tuple[str, ...] = ()
    ci_files: tuple[str, ...] = ()
    instruction_files: tuple[str, ...] = ()
    agent_files: tuple[AgentFileFact, ...] = ()
    """Skills, custom agents, commands and hook configs, by path (`facts.agents.agent_files`)."""
    docs: Docs = field(default_factory=Docs)
    dev_environment: tuple[str, ...] = ()
    env_example: str | None = None
    largest_files: tuple[FileSize, ...] = ()
    generated_or_vendored: tuple[str, ...] = ()
    set_aside: tuple[SetAside, ...] = ()
    """Paths that are not hand-written code (vendored, generated, data, fixtures), with evidence."""
    untested_modules: Mapping[str, int] | None = None
    """Language -> how many of its source modules no test imports (`auditor scaffold-tests`
    writes their tests); None when unknown (the test files were not parsed)."""

    @property
    def other_test_commands(self) -> tuple[str, ...]:
        """The test commands found besides the canonical one."""
        return tuple(c for c in self.test_commands if c != self.test_command)

    def to_json(self) -> dict[str, Any]:
        """The `facts` object of the JSON report: exactly the documented keys."""
        return {f.name: _json(getattr(self, f.name)) for f in fields(self)}


def _json(value: Any) -> Any:
    """A fact's value as JSON values: dataclasses as objects, tuples as lists."""
    if isinstance(value, Mapping):
        return {key: _json(item) for key, item in sorted(value.items())}
    if isinstance(value, tuple):
        return [_json(item) for item in value]
    if hasattr(value, "__dataclass_fields__"):
        return {f.name: _json(getattr(value, f.name)) for f in fields(value)}
    return value
