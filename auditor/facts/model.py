"""The facts the index derives about a repository, and their JSON form in the report."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from auditor.facts.testing.untested import ModuleCoverage
from auditor.model import Diagnostic
from auditor.report_facts import (
    AgentFileFact,
    CommandTemplate,
    Docs,
    FileSize,
    LanguageStat,
    ReportFacts,
    SetAside,
    Source,
    Workspace,
)

__all__ = [
    "AgentFile",
    "AgentFrontmatter",
    "AgentSettings",
    "Command",
    "CommandTemplate",
    "Docs",
    "EnvRead",
    "Facts",
    "FileSize",
    "LanguageStat",
    "McpConfig",
    "McpServer",
    "SetAside",
    "ToolUse",
    "Workspace",
]


@dataclass(frozen=True, slots=True)
class Command:
    """A shell command the repository runs or documents, and where it stands."""

    text: str
    path: str
    line: int | None
    origin: str
    """Where it was found: instructions, docs, ci, pre-commit, make, just, task, npm-script,
    composer, tox, nox, hatch, pdm, poe, build-tool (the build tool's own test run), script (a
    line of a repository shell script a command runs), default (a framework's own default
    command)."""

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
class AgentSettings:
    """What one coding agent's settings file declares (`facts.agents.settings`)."""

    path: str
    hooks: bool
    """Whether it declares hooks (commands run on the agent's events)."""
    deny: tuple[str, ...] = ()
    """Its `permissions.deny` rules, as written."""
    context_file_names: tuple[str, ...] = ()
    """Gemini's instruction file names (`context.fileName`, or the older `contextFileName`)."""
    hook_commands: tuple[str, ...] = ()
    """The shell commands its hooks run (every `command` string under `hooks`), in order."""


@dataclass(frozen=True, slots=True)
class AgentFrontmatter:
    """The YAML frontmatter of a skill, custom agent or command file, parsed once and bounded."""

    present: bool
    """Whether the file opens with a `---` line."""
    data: Mapping[str, Any] | None = None
    """The parsed mapping; None when absent, unparsable or not a mapping (see `problem`)."""
    problem: str | None = None
    """Why the frontmatter could not be read, as one line; None when it was (or is absent)."""
    lines: Mapping[str, int] = field(default_factory=dict)
    """1-based line of each top-level key."""
    body_line: int = 1
    """The first line after the closing `---` (1 when there is no frontmatter)."""
    body_lines: int = 0
    body_bytes: int = 0

    def text(self, key: str) -> str | None:
        """A string value (numbers and booleans as YAML wrote them), or None."""
        value = (self.data or {}).get(key)
        if isinstance(value, bool):
            return "true" if value else "false"
        return str(value) if isinstance(value, (str, int, float)) else None

    def line(self, key: str) -> int:
        return self.lines.get(key, 1)


@dataclass(frozen=True, slots=True)
class AgentFile:
    """A file a coding agent loads on demand: a skill, a custom agent, a command, a hook config
    (`facts.agents.agent_files`)."""

    path: str
    """The path the agents read it at (through a linked directory, the link's path)."""
    kind: str
    """skill | agent | command | hooks"""
    agents: tuple[str, ...]
    """The loaders (keys of `facts.agents.LOADERS`) that read it, in their order."""
    name: str
    """Its name as agents call it: a skill's directory, an agent's or command's file stem."""
    base: str
    """The directory it applies under ("" for the root): where the `.claude/` etc. sits."""
    source: str
    """The indexed file holding its text: `path` itself, or what a link resolves to."""
    frontmatter: AgentFrontmatter = field(default_factory=lambda: AgentFrontmatter(False))

    @property
    def linked(self) -> bool:
        """Whether it reaches its text through a symbolic link (a file or a directory)."""
        return self.source != self.path


@dataclass(frozen=True, slots=True)
class McpServer:
    """One MCP server of a config, with the settings a credential can hide in (strings only)."""

    name: str
    env: tuple[tuple[str, str], ...] = ()
    headers: tuple[tuple[str, str], ...] = ()
    args: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class McpConfig:
    """An MCP server config in the repository (`facts.agents.mcp_configs`)."""

    path: str
    servers: tuple[McpServer, ...] = ()
    unread: str | None = None
    """Why the file could not be read as JSON (its servers are then unknown), or None."""


@dataclass(frozen=True, slots=True)
class EnvRead:
    """The first place the repository's code reads an environment variable."""

    name: str
    path: str
    line: int


@dataclass(frozen=True, slots=True)
class CiStep:
    """A CI command that runs the tests (or a linter), and why it counts."""

    path: str
    """The CI file the command is written in (a called workflow's or composite action's own)."""
    line: int | None
    job: str | None
    command: str
    reason: str
    """What it runs and where that was seen: `pytest` through `make richtest` (Makefile:12)."""
    pull_requests: bool
    """Whether the job runs on pull (merge) requests."""
    trigger: str
    """Why the job does or does not run on pull requests (`on: pull_request`, an `if:`)."""


@dataclass(frozen=True, slots=True)
class CiChecks:
    """What the CI runs: the steps that run the tests and those that run linters.

    Read `tests_on_pull_requests` / `linters_on_pull_requests` for "does CI run the tests /
    the linters on pull requests" (the first step is the evidence); the other steps run on
    pushes, tags or schedules only. Computed by `auditor.facts.ci.runs`.
    """

    tests: tuple[CiStep, ...] = ()
    linters: tuple[CiStep, ...] = ()

    @property
    def tests_on_pull_requests(self) -> tuple[CiStep, ...]:
        return tuple(step for step in self.tests if step.pull_requests)

    @property
    def linters_on_pull_requests(self) -> tuple[CiStep, ...]:
        return tuple(step for step in self.linters if step.pull_requests)


@dataclass(frozen=True, slots=True)
class Facts:
    """What the auditor knows about a repository; rules judge these, reports show them."""

    languages: Mapping[str, LanguageStat] = field(default_factory=dict)
    primary_language: str | None = None
    languages_measured: tuple[str, ...] = ()
    """Languages of the hand-written source whose functions are parsed and measured."""
    languages_not_measured: tuple[str, ...] = ()
    """Languages of the hand-written source the auditor does not parse: the function rules
    (length, complexity, nesting, duplication) say nothing about their files."""
    package_managers: tuple[str, ...] = ()
    lockfiles: tuple[str, ...] = ()
    workspace: Workspace | None = None
    test_frameworks: tuple[str, ...] = ()
    test_dirs: tuple[str, ...] = ()
    test_file_count: int = 0
    test_commands: tuple[Command, ...] = ()
    """Every way found to run the tests, the canonical one first (`testing.command`)."""
    single_test: CommandTemplate | None = None
    """One real test run on its own, built from the canonical test command: its template, and
    the values that make it the example (`testing.single_test`)."""
    tools: tuple[ToolUse, ...] = ()
    pre_commit: bool = False
    ci_providers: tuple[str, ...] = ()
    ci_files: tuple[str, ...] = ()
    instruction_files: tuple[str, ...] = ()
    docs: Docs = field(default_factory=Docs)
    dev_environment: tuple[str, ...] = ()
    env_example: str | None = None
    largest_files: tuple[FileSize, ...] = ()
    set_aside: tuple[SetAside, ...] = ()
    """Vendored, generated, data and fixture paths, each with its evidence, by path."""
    set_aside_files: frozenset[str] = frozenset()
    """The indexed files `set_aside` covers: kept out of the code-size and code-shape rules and
    out of "where source lives" (not in JSON)."""
    commands: tuple[Command, ...] = ()
    """Every command found where the repository runs or documents commands (not in JSON)."""
    diagnostics: tuple[Diagnostic, ...] = ()
    """Manifests and configs that could not be read (reported, not in `facts`)."""
    env_reads: tuple[EnvRead, ...] = ()
    """Environment variables the code reads, each at its first read, by name (not in JSON)."""
    pull_request_ci: tuple[str, ...] = ()
    """CI files whose jobs run on pull or merge requests (not in JSON)."""
    ci_checks: CiChecks | None = None
    """The CI steps that run the tests and the linters, with provenance; None when unknown
    (not in JSON)."""
    secret_signal: str | None = None
    """The first file showing that secret files live in checkouts (an env example, a secret-like
    file outside test data), or None (not in JSON)."""
    credential_reads: tuple[EnvRead, ...] = ()
    """The `env_reads` of credential-named variables (`*_API_KEY`, `*_TOKEN`, ...; CI-provided
    tokens left out) (not in JSON)."""
    agent_settings: tuple[AgentSettings, ...] = ()
    """The coding agents' settings files, parsed once (not in JSON)."""
    mcp_configs: tuple[McpConfig, ...] = ()
    """The MCP server configs present, parsed once (not in JSON)."""
    agent_files: tuple[AgentFile, ...] = ()
    """Skills, custom agents, commands and hook configs the agents load on demand, by path
    (in JSON without their frontmatter)."""
    test_coverage: ModuleCoverage | None = None
    """The modules worth a test that no test imports, riskiest first (`testing.untested`);
    None when unknown, test files not parsed (in JSON only as `untested_modules`)."""
    profile: str = "application"
    """What kind of repository (or package) this is: one of `profile.PROFILES`."""
    parent: Facts | None = None
    """The workspace root's facts when these are a package's (None for the repository)."""

    @property
    def generated_or_vendored(self) -> tuple[str, ...]:
        """The set-aside paths an agent must not edit: vendored and generated ones."""
        return tuple(a.path for a in self.set_aside if a.kind in ("vendored", "generated"))

    @property
    def agent_facing_files(self) -> tuple[str, ...]:
        """Every indexed file whose text an agent reads as instructions: the instruction files
        and the skills, custom agents and commands (each linked copy once, under its target's
        name); what the safety rules scan."""
        extra = (f.source for f in self.agent_files if f.kind != "hooks")
        return tuple(sorted({*self.instruction_files, *extra}))

    def is_set_aside(self, path: str) -> bool:
        """Whether the indexed file `path` is vendored, generated, data or a fixture."""
        return path in self.set_aside_files

    @property
    def single_test_command(self) -> str | None:
        """The example of `single_test`: one real test of the repository, as a command."""
        return self.single_test.example if self.single_test else None

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

    def report_view(self) -> ReportFacts:
        """The facts as reports show them (the JSON `facts` object is its `to_json()`)."""
        command = self.test_command
        return ReportFacts(
            languages=MappingProxyType(dict(sorted(self.languages.items()))),
            primary_language=self.primary_language,
            languages_measured=self.languages_measured,
            languages_not_measured=self.languages_not_measured,
            package_managers=self.package_managers,
            lockfiles=self.lockfiles,
            workspace=self.workspace,
            test_frameworks=self.test_frameworks,
            test_dirs=self.test_dirs,
            test_file_count=self.test_file_count,
            test_command=command.text if command else None,
            test_command_source=Source(command.path, command.line, command.reason)
            if command
            else None,
            single_test_command=self.single_test_command,
            single_test_template=self.single_test,
            test_commands=tuple(dict.fromkeys(c.text for c in self.test_commands)),
            linters=self.linters,
            formatters=self.formatters,
            type_checkers=self.type_checkers,
            pre_commit=self.pre_commit,
            ci_providers=self.ci_providers,
            ci_files=self.ci_files,
            instruction_files=self.instruction_files,
            agent_files=tuple(
                AgentFileFact(f.path, f.kind, f.agents, f.name, f.source) for f in self.agent_files
            ),
            docs=self.docs,
            dev_environment=self.dev_environment,
            env_example=self.env_example,
            largest_files=self.largest_files,
            generated_or_vendored=self.generated_or_vendored,
            set_aside=self.set_aside,
            untested_modules=MappingProxyType(self.test_coverage.counts())
            if self.test_coverage is not None
            else None,
        )

    def to_json(self) -> dict[str, Any]:
        """The `facts` object of the JSON report."""
        return self.report_view().to_json()
