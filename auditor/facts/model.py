"""The facts the index derives about a repository, and their JSON form in the report."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from auditor.model import Diagnostic


@dataclass(frozen=True, slots=True)
class Command:
    """A shell command the repository runs or documents, and where it stands."""

    text: str
    path: str
    line: int | None
    origin: str
    """Where it was found: instructions, docs, ci, pre-commit, make, just, task, npm-script,
    composer, tox, nox, hatch, pdm, poe, build-tool (the build tool's own test run), default (a
    framework's own default command)."""

    @property
    def reason(self) -> str:
        """Why a test command of this origin is chosen: documented, ci, build-tool,
        framework-default, else task-runner."""
        return ORIGIN_REASONS.get(self.origin, "task-runner")


ORIGIN_REASONS = {
    "instructions": "documented",
    "docs": "documented",
    "ci": "ci",
    "build-tool": "build-tool",
    "default": "framework-default",
}


@dataclass(frozen=True, slots=True)
class ToolUse:
    """A linter, formatter or type checker the repository runs, with where it is set up."""

    name: str
    kind: str
    """linter | formatter | type_checker"""
    config: str | None
    runs: tuple[Command, ...]


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


DOC_KEYS = tuple(Docs.__dataclass_fields__)


@dataclass(frozen=True, slots=True)
class LanguageStat:
    files: int
    lines: int


@dataclass(frozen=True, slots=True)
class FileSize:
    path: str
    lines: int
    tokens: int


@dataclass(frozen=True, slots=True)
class EnvRead:
    """The first place the repository's code reads an environment variable."""

    name: str
    path: str
    line: int


@dataclass(frozen=True, slots=True)
class Facts:
    """What the auditor knows about a repository; rules judge these, reports show them."""

    languages: Mapping[str, LanguageStat] = field(default_factory=dict)
    primary_language: str | None = None
    package_managers: tuple[str, ...] = ()
    lockfiles: tuple[str, ...] = ()
    workspace: Workspace | None = None
    test_frameworks: tuple[str, ...] = ()
    test_dirs: tuple[str, ...] = ()
    test_file_count: int = 0
    test_commands: tuple[Command, ...] = ()
    """Every way found to run the tests, the canonical one first (`testing.command`)."""
    single_test_command: str | None = None
    """One real test run on its own, built from the canonical test command."""
    tools: tuple[ToolUse, ...] = ()
    pre_commit: bool = False
    ci_providers: tuple[str, ...] = ()
    ci_files: tuple[str, ...] = ()
    instruction_files: tuple[str, ...] = ()
    docs: Docs = field(default_factory=Docs)
    dev_environment: tuple[str, ...] = ()
    env_example: str | None = None
    largest_files: tuple[FileSize, ...] = ()
    generated_or_vendored: tuple[str, ...] = ()
    commands: tuple[Command, ...] = ()
    """Every command found where the repository runs or documents commands (not in JSON)."""
    diagnostics: tuple[Diagnostic, ...] = ()
    """Manifests and configs that could not be read (reported, not in `facts`)."""
    env_reads: tuple[EnvRead, ...] = ()
    """Environment variables the code reads, each at its first read, by name (not in JSON)."""
    pull_request_ci: tuple[str, ...] = ()
    """CI files whose jobs run on pull or merge requests (not in JSON)."""
    secret_signal: str | None = None
    """The first file showing that secret files live in checkouts (an env example, a secret-like
    file outside test data), or None (not in JSON)."""
    credential_reads: tuple[EnvRead, ...] = ()
    """The `env_reads` of credential-named variables (`*_API_KEY`, `*_TOKEN`, ...; CI-provided
    tokens left out) (not in JSON)."""
    profile: str = "application"
    """What kind of repository (or package) this is: one of `profile.PROFILES`."""
    parent: Facts | None = None
    """The workspace root's facts when these are a package's (None for the repository)."""

    @property
    def test_command(self) -> Command | None:
        return self.test_commands[0] if self.test_commands else None

    def tool_names(self, kind: str) -> tuple[str, ...]:
        return tuple(sorted({tool.name for tool in self.tools if tool.kind == kind}))

    @property
    def linters(self) -> tuple[str, ...]:
        return self.tool_names("linter")

    @property
    def formatters(self) -> tuple[str, ...]:
        return self.tool_names("formatter")

    @property
    def type_checkers(self) -> tuple[str, ...]:
        return self.tool_names("type_checker")

    def to_json(self) -> dict[str, Any]:
        """The `facts` object of the JSON report: exactly the documented keys."""
        docs = self.docs
        return {
            "languages": {
                name: {"files": stat.files, "lines": stat.lines}
                for name, stat in sorted(self.languages.items())
            },
            "primary_language": self.primary_language,
            "package_managers": list(self.package_managers),
            "lockfiles": list(self.lockfiles),
            "workspace": (
                {"kind": self.workspace.kind, "packages": list(self.workspace.packages)}
                if self.workspace
                else None
            ),
            "test_frameworks": list(self.test_frameworks),
            "test_dirs": list(self.test_dirs),
            "test_file_count": self.test_file_count,
            "test_command": self.test_command.text if self.test_command else None,
            "test_command_source": _source(self.test_command),
            "single_test_command": self.single_test_command,
            "test_commands": _unique(command.text for command in self.test_commands),
            "linters": list(self.linters),
            "formatters": list(self.formatters),
            "type_checkers": list(self.type_checkers),
            "pre_commit": self.pre_commit,
            "ci_providers": list(self.ci_providers),
            "ci_files": list(self.ci_files),
            "instruction_files": list(self.instruction_files),
            "docs": {name: getattr(docs, name) for name in DOC_KEYS},
            "dev_environment": list(self.dev_environment),
            "env_example": self.env_example,
            "largest_files": [
                {"path": f.path, "lines": f.lines, "tokens": f.tokens} for f in self.largest_files
            ],
            "generated_or_vendored": list(self.generated_or_vendored),
        }


def _source(command: Command | None) -> dict[str, Any] | None:
    if command is None:
        return None
    return {"path": command.path, "line": command.line, "reason": command.reason}


def _unique(texts: Any) -> list[str]:
    seen: dict[str, None] = {}
    for text in texts:
        seen.setdefault(text, None)
    return list(seen)
