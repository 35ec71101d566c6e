"""A repository (or one package of it) as it is judged: its files and the facts about them."""

from __future__ import annotations

from dataclasses import replace
from functools import cached_property
from typing import TYPE_CHECKING

from auditor.facts.model import Facts
from auditor.facts.sources import FactSources, Parses
from auditor.index.read_log import WHOLE, note_fact, recorded_property
from auditor.index.repository import RepositoryIndex

if TYPE_CHECKING:
    from auditor.index.duplication import Duplication


class Subject:
    """The files of a repository (or of one workspace package) and the facts derived from them.

    Rules, reports, the AGENTS.md generator and `--check` all ask a subject, so every question
    has one answer per run: the facts are derived once, on first use, and each config file is
    parsed once whichever view asks (`parses` is shared by a subject and its packages).
    The index knows nothing of the facts; a subject holds both.
    """

    def __init__(
        self,
        files: RepositoryIndex,
        *,
        profile: str | None = None,
        parent: Subject | None = None,
        parses: Parses | None = None,
    ) -> None:
        self.files = files
        self.declared_profile = profile
        """The profile the configuration declares, overriding the detected one."""
        self.parent = parent
        """The subject a package view was cut from (None for the repository itself)."""
        self._parses: Parses = parses if parses is not None else {}

    @cached_property
    def sources(self) -> FactSources:
        """The files with their manifests and configs parsed (once per run)."""
        return FactSources(self.files, self._parses)

    @property
    def facts(self) -> Facts:
        """The facts (`derived_facts`); a computation that reads them here, whose answer is
        kept (`read_log.reusing`), is said to have read all of them."""
        facts = self.derived_facts
        note_fact(WHOLE, facts)
        return facts

    @recorded_property
    def derived_facts(self) -> Facts:
        """Derived on first use; a package's inherit from its workspace root's facts
        (`facts.inheritance`); a declared profile replaces the detected one."""
        from auditor.facts.derive import derive_facts, with_single_test
        from auditor.facts.inheritance import inherit

        facts = derive_facts(self.sources)
        if self.parent is not None:
            facts = inherit(facts, self.parent.derived_facts, self.directory)
            facts = with_single_test(self.sources, facts)
        if self.declared_profile is not None:
            facts = replace(facts, profile=self.declared_profile)
        return facts

    @recorded_property
    def duplication(self) -> Duplication:
        """Blocks of non-test source repeated within or across files, the vendored, generated,
        data and fixture files (`facts.set_aside`) left out."""
        from auditor.index.duplication import find_duplication

        aside = self.derived_facts.set_aside_files
        note_fact("set_aside_files", aside)
        return find_duplication((f, s) for f, s in self.files.parsed() if f.path not in aside)

    @property
    def directory(self) -> str:
        """The package directory relative to the parent subject ("" for the repository)."""
        if self.parent is None:
            return ""
        return self.files.prefix[len(self.parent.files.prefix) :]

    def package(self, directory: str, inherit: bool = True) -> Subject:
        """The subject of the workspace package in `directory` (paths relative to it).

        With `inherit`, its facts inherit from this subject's (manager, lockfile, tools, CI,
        instructions) and its `../` paths read this repository's files.
        """
        view = self.files.package(directory, inherit=inherit)
        return Subject(view, parent=self if inherit else None, parses=self._parses)
