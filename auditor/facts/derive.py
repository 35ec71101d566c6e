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
from auditor.facts.sources import FactSources
from auditor.facts.testing import suite
from auditor.facts.testing.command import test_commands
from auditor.facts.testing.prefix import main_manager
from auditor.facts.testing.single_test import single_test
from auditor.facts.testing.untested import test_coverage
from auditor.facts.tools.detect import find_tools
from auditor.model import Diagnostic

T = TypeVar("T")
DEFAULTS: dict[str, Any] = {
    f.name: f.default_factory() if callable(f.default_factory) else f.default for f in fields(Facts)
}
"""Each fact's "unknown" value: what a detector that raised leaves behind."""


class Guard:
    """Runs detectors, turning an exception into the fact's default and a diagnostic."""

    def __init__(self) -> None:
        self.diagnostics: list[Diagnostic] = []

    def __call__(self, fact: str, detector: Callable[[], T]) -> T:
        try:
            return detector()
        except Exception as error:
            message = f"{fact}: {type(error).__name__}: {error}".splitlines()[0]
            self.diagnostics.append(Diagnostic("", "detector-error", message))
            default: T = DEFAULTS[fact]
            return default


def derive_facts(src: FactSources) -> Facts:
    """Derive every fact about the repository (or package) whose files `src` reads."""
    guard = Guard()
    repo = src.repo
    instructions = guard("instruction_files", lambda: instruction_files(src))
    commands = guard("commands", lambda: collect_commands(src, instructions))
    example = guard("env_example", lambda: env_example(src))
    reads = guard("env_reads", lambda: env_reads(src))
    tools = guard("tools", lambda: find_tools(src, commands))
    linters = frozenset(tool.name for tool in tools if tool.kind == "linter")
    settings = guard("agent_settings", lambda: agent_settings(src))
    aside, aside_files = guard("set_aside", lambda: set_aside(src)) or ((), frozenset())
    facts = Facts(
        languages=guard("languages", lambda: language_stats(repo)),
        primary_language=guard("primary_language", lambda: primary_language(repo)),
        languages_measured=guard("languages_measured", lambda: source_languages(repo, True)),
        languages_not_measured=guard(
            "languages_not_measured", lambda: source_languages(repo, False)
        ),
        package_managers=guard("package_managers", lambda: package_managers(src)),
        lockfiles=guard("lockfiles", lambda: lockfiles(src)),
        workspace=guard("workspace", lambda: find_workspace(src)),
        test_frameworks=guard("test_frameworks", lambda: suite.test_frameworks(src)),
        test_dirs=guard("test_dirs", lambda: suite.test_dirs(src)),
        test_file_count=guard("test_file_count", lambda: suite.test_file_count(src)),
        test_commands=guard("test_commands", lambda: test_commands(src, commands, instructions)),
        tools=tools,
        pre_commit=guard("pre_commit", lambda: uses_pre_commit(src)),
        ci_providers=guard("ci_providers", lambda: ci_providers(src)),
        ci_files=guard("ci_files", lambda: ci_files(src)),
        instruction_files=instructions,
        docs=guard("docs", lambda: find_docs(src)),
        dev_environment=guard("dev_environment", lambda: dev_environment(src)),
        env_example=example,
        largest_files=guard("largest_files", lambda: largest_files(repo, aside_files)),
        set_aside=aside,
        set_aside_files=aside_files,
        commands=commands,
        env_reads=reads,
        pull_request_ci=guard("pull_request_ci", lambda: pull_request_ci(src)),
        ci_checks=guard("ci_checks", lambda: ci_checks(src, linters)),
        secret_signal=guard("secret_signal", lambda: secret_signal(src, example)),
        credential_reads=guard("credential_reads", lambda: credential_reads(reads)),
        agent_settings=settings,
        agent_files=guard("agent_files", lambda: agent_files(src, settings)),
        mcp_configs=guard("mcp_configs", lambda: mcp_configs(src)),
        test_coverage=guard("test_coverage", lambda: test_coverage(repo, aside_files)),
        profile=guard("profile", lambda: detect_profile(src)),
    )
    facts = replace(facts, diagnostics=(*src.diagnostics, *guard.diagnostics))
    return with_single_test(src, facts)


def with_single_test(src: FactSources, facts: Facts) -> Facts:
    """`facts` with the single-test command built from their test command and manager (again
    after a package inherits its root's test commands)."""
    guard = Guard()
    manager = main_manager(facts.package_managers, src.repo)
    single = guard(
        "single_test", lambda: single_test(src, facts.test_dirs, facts.test_command, manager)
    )
    return replace(facts, single_test=single, diagnostics=(*facts.diagnostics, *guard.diagnostics))
