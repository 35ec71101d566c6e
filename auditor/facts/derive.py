"""Deriving every fact from the files: the one place the fact detectors are composed.

Each detector runs in a guard (`Guard`): one that raises leaves its fact at the "unknown"
default of `Facts` and adds a `detector-error` diagnostic, and the run goes on.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields, replace
from typing import Any, TypeVar

from auditor.facts.agents.agent_files import agent_files
from auditor.facts.agents.instruction_files import instruction_files
from auditor.facts.agents.mcp_configs import mcp_configs
from auditor.facts.agents.settings import agent_settings
from auditor.facts.ci.providers import ci_files, ci_providers, uses_pre_commit
from auditor.facts.ci.runs import ci_checks
from auditor.facts.ci.triggers import pull_request_ci
from auditor.facts.commands.collect import collect_commands
from auditor.facts.docs.documents import find_docs
from auditor.facts.ecosystem.managers import lockfiles, package_managers
from auditor.facts.ecosystem.workspace import find_workspace
from auditor.facts.environment.dev_environment import dev_environment, env_example
from auditor.facts.environment.env_reads import env_reads
from auditor.facts.environment.secret_signals import credential_reads, secret_signal
from auditor.facts.layout.languages import language_stats, primary_language, source_languages
from auditor.facts.layout.set_aside import set_aside
from auditor.facts.layout.sizes import largest_files
from auditor.facts.model import Facts
from auditor.facts.profile.detect import detect_profile
from auditor.facts.reuse import reused
from auditor.facts.sources import FactSources
from auditor.facts.testing import suite
from auditor.facts.testing.command import test_commands
from auditor.facts.testing.prefix import main_manager
from auditor.facts.testing.single_test import single_test
from auditor.facts.testing.untested import test_coverage
from auditor.facts.tools.detect import find_tools
from auditor.index.read_log import is_reusing
from auditor.model import Diagnostic

T = TypeVar("T")
DEFAULTS: dict[str, Any] = {
    f.name: f.default_factory() if callable(f.default_factory) else f.default for f in fields(Facts)
}
"""Each fact's "unknown" value: what a detector that raised leaves behind."""


class Guard:
    """Runs detectors, turning an exception into the fact's default and a diagnostic; while
    `read_log.reusing`, an answer given on an index that read the same is given again."""

    def __init__(self, src: FactSources) -> None:
        self.src = src
        self.diagnostics: list[Diagnostic] = []

    def __call__(self, fact: str, detector: Callable[..., T], *args: Any) -> T:
        try:
            if is_reusing():
                found: T = reused(self.src, fact, detector, args)
                return found
            return detector(*args)
        except Exception as error:
            message = f"{fact}: {type(error).__name__}: {error}".splitlines()[0]
            self.diagnostics.append(Diagnostic("", "detector-error", message))
            default: T = DEFAULTS[fact]
            return default


def derive_facts(src: FactSources) -> Facts:
    """Derive every fact about the repository (or package) whose files `src` reads."""
    guard = Guard(src)
    repo = src.repo
    instructions = guard("instruction_files", instruction_files, src)
    commands = guard("commands", collect_commands, src, instructions)
    example = guard("env_example", env_example, src)
    reads = guard("env_reads", env_reads, src)
    tools = guard("tools", find_tools, src, commands)
    linters = frozenset(tool.name for tool in tools if tool.kind == "linter")
    settings = guard("agent_settings", agent_settings, src)
    aside, aside_files = guard("set_aside", set_aside, src) or ((), frozenset())
    facts = Facts(
        languages=guard("languages", language_stats, repo),
        primary_language=guard("primary_language", primary_language, repo),
        languages_measured=guard("languages_measured", source_languages, repo, True),
        languages_not_measured=guard("languages_not_measured", source_languages, repo, False),
        package_managers=guard("package_managers", package_managers, src),
        lockfiles=guard("lockfiles", lockfiles, src),
        workspace=guard("workspace", find_workspace, src),
        test_frameworks=guard("test_frameworks", suite.test_frameworks, src),
        test_dirs=guard("test_dirs", suite.test_dirs, src),
        test_file_count=guard("test_file_count", suite.test_file_count, src),
        test_commands=guard("test_commands", test_commands, src, commands, instructions),
        tools=tools,
        pre_commit=guard("pre_commit", uses_pre_commit, src),
        ci_providers=guard("ci_providers", ci_providers, src),
        ci_files=guard("ci_files", ci_files, src),
        instruction_files=instructions,
        docs=guard("docs", find_docs, src),
        dev_environment=guard("dev_environment", dev_environment, src),
        env_example=example,
        largest_files=guard("largest_files", largest_files, repo, aside_files),
        set_aside=aside,
        set_aside_files=aside_files,
        commands=commands,
        env_reads=reads,
        pull_request_ci=guard("pull_request_ci", pull_request_ci, src),
        ci_checks=guard("ci_checks", ci_checks, src, linters),
        secret_signal=guard("secret_signal", secret_signal, src, example),
        credential_reads=guard("credential_reads", credential_reads, reads),
        agent_settings=settings,
        agent_files=guard("agent_files", agent_files, src, settings),
        mcp_configs=guard("mcp_configs", mcp_configs, src),
        test_coverage=guard("test_coverage", test_coverage, repo, aside_files),
        profile=guard("profile", detect_profile, src),
    )
    facts = replace(facts, diagnostics=(*src.diagnostics, *guard.diagnostics))
    return with_single_test(src, facts)


def with_single_test(src: FactSources, facts: Facts) -> Facts:
    """`facts` with the single-test command built from their test command and manager (again
    after a package inherits its root's test commands)."""
    guard = Guard(src)
    manager = main_manager(facts.package_managers, src.repo)
    single = guard("single_test", single_test, src, facts.test_dirs, facts.test_command, manager)
    return replace(facts, single_test=single, diagnostics=(*facts.diagnostics, *guard.diagnostics))
