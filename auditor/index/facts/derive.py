"""Deriving every fact from the index: the one place the fact detectors are composed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from auditor.index.facts import ci, docs, ecosystem, environment, instructions, testing, tools
from auditor.index.facts.ci_triggers import pull_request_ci
from auditor.index.facts.commands import collect_commands
from auditor.index.facts.env_reads import env_reads
from auditor.index.facts.languages import language_stats, primary_language
from auditor.index.facts.model import Facts
from auditor.index.facts.profile import detect_profile
from auditor.index.facts.secret_signals import credential_reads, secret_signal
from auditor.index.facts.sizes import generated_or_vendored, largest_files
from auditor.index.facts.sources import FactSources
from auditor.index.facts.workspace import find_workspace

if TYPE_CHECKING:
    from auditor.index.repository import RepositoryIndex


def derive_facts(index: RepositoryIndex) -> Facts:
    """Derive every fact about the repository (or package) `index` holds."""
    src = FactSources(index)
    instruction_files = instructions.instruction_files(src)
    commands = collect_commands(src, instruction_files)
    stats = language_stats(index)
    example, reads = environment.env_example(src), env_reads(src)
    return Facts(
        languages=stats,
        primary_language=primary_language(index),
        package_managers=ecosystem.package_managers(src),
        lockfiles=ecosystem.lockfiles(src),
        workspace=find_workspace(src),
        test_frameworks=testing.test_frameworks(src),
        test_dirs=testing.test_dirs(src),
        test_file_count=testing.test_file_count(src),
        test_commands=testing.test_commands(src, commands),
        tools=tools.find_tools(src, commands),
        pre_commit=ci.uses_pre_commit(src),
        ci_providers=ci.ci_providers(src),
        ci_files=ci.ci_files(src),
        instruction_files=instruction_files,
        docs=docs.find_docs(src),
        dev_environment=environment.dev_environment(src),
        env_example=example,
        largest_files=largest_files(index),
        generated_or_vendored=generated_or_vendored(index),
        commands=commands,
        env_reads=reads,
        pull_request_ci=pull_request_ci(src),
        secret_signal=secret_signal(src, example),
        credential_reads=credential_reads(reads),
        diagnostics=src.diagnostics,
        profile=detect_profile(src),
    )
