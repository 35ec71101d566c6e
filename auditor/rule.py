"""The rule SDK: what a rule declares, what it receives and what it yields."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, cast

from auditor.facts.profile.names import PROFILES
from auditor.facts.recorded import RecordedFacts
from auditor.index.read_log import is_recording
from auditor.model import Category, Evidence, Finding, MeasureValue, Severity, Status

if TYPE_CHECKING:
    from auditor.facts import Facts
    from auditor.facts.subject import Subject
    from auditor.index import FileSyntax, RepositoryIndex, SourceFile
    from auditor.index.duplication import Duplication


class Reads(StrEnum):
    """A kind of file a rule's verdict depends on, beyond the file each finding names.

    Pull-request mode (`audit --changed-since REF`) reports a finding when its own file
    changed, or when the change touched a file of a kind its rule reads (`Rule.reads`): a
    change to the CI config re-reports "the CI runs no tests", an edit of one source file
    does not. The kinds are matched by `auditor.change_scope`.
    """

    SOURCES = "sources"
    """Hand-written source and test files."""
    CI = "ci"
    """CI configuration (.github/workflows, .gitlab-ci.yml, ...)."""
    MANIFESTS = "manifests"
    """Package manifests, lockfiles, runtime pins and task runners (Makefile, tox.ini)."""
    INSTRUCTIONS = "instructions"
    """Agent instruction files, rule files, agent settings and MCP configs."""
    DOCS = "docs"
    """README, CONTRIBUTING, LICENSE, docs/, .env examples."""
    CONFIG = "config"
    """Tool configs, hooks, .gitignore, .gitattributes, CODEOWNERS, dev containers."""
    TREE = "tree"
    """Which files exist: any file added or deleted."""
    ANY = "any"
    """Any change at all."""


CODE_PROFILES = frozenset({"application", "cli", "library", "monorepo"})
"""Every profile with code of its own: for `Rule.profiles` of rules about code and its tests."""
RULE_ID = re.compile(r"^[A-Z]{3,4}\d{3}$")
RULE_NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
OptionValue = int | float | str | bool | tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Option:
    """A typed, documented knob a user can set in `[tool.auditor.rules.<ID>]`."""

    name: str
    default: OptionValue
    description: str

    def coerce(self, value: object) -> OptionValue:
        """Return `value` as this option's type, or raise ValueError naming what was expected."""
        expected = type(self.default)
        if expected is tuple:
            if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
                return tuple(value)
            raise ValueError(f"option {self.name!r} takes a list of strings")
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            return float(value)
        if isinstance(value, expected) and not (expected is int and isinstance(value, bool)):
            return value  # type: ignore[return-value,unused-ignore]
        raise ValueError(f"option {self.name!r} takes a {expected.__name__}, not {_shown(value)}")


def _shown(value: object) -> str:
    """`value` for a one-line message: its repr, cut short."""
    shown = repr(value)
    return shown if len(shown) <= 60 else shown[:57] + "..."


@dataclass(frozen=True, slots=True)
class Example:
    """A tiny repository and the status the rule must give it; examples are tests and docs."""

    files: Mapping[str, str | bytes]
    expect: Status
    note: str = ""
    options: Mapping[str, OptionValue] = field(default_factory=dict)


def passing(files: Mapping[str, str | bytes], note: str = "", **options: OptionValue) -> Example:
    """An example repository the rule must pass."""
    return Example(files=files, expect=Status.PASS, note=note, options=options)


def failing(files: Mapping[str, str | bytes], note: str = "", **options: OptionValue) -> Example:
    """An example repository the rule must fail."""
    return Example(files=files, expect=Status.FAIL, note=note, options=options)


def not_applicable(files: Mapping[str, str | bytes], note: str = "") -> Example:
    """An example repository the rule must leave out as not applicable."""
    return Example(files=files, expect=Status.NOT_APPLICABLE, note=note)


@dataclass(frozen=True, slots=True)
class Violation:
    """One problem found by a rule.

    `key` identifies the problem within its file for fingerprints (a function's qualified
    name, a referenced command, a secret's hash): never a line number or a measurement, so a
    baseline survives code moving and growing. The fingerprint is rule + path + key, and
    violations with the same key in one file are told apart by the order they are yielded
    in (`auditor.baseline.fingerprint`). A repository-level measurement has no path: the
    file it names today (the worst one, say) is not its identity.
    """

    message: str
    path: str | None = None
    line: int | None = None
    key: str = ""


@dataclass(frozen=True, slots=True)
class NotJudged:
    """An input a rule could not judge (unreadable, unparsable), yielded beside violations.

    A rule cannot pass over what it never read: with no violation it is an `error` result,
    and the report lists the input as unjudged, so a `--fail-on` gate at the rule's severity
    fails instead of passing (`auditor.gate`).
    """

    path: str
    reason: str
    """Why, in a few words: `cannot parse JSON: Expecting value: line 1 column 1 (char 0)`."""


@dataclass(frozen=True, slots=True)
class RuleContext:
    """What a rule may look at: the subject (read-only files and facts) and its options."""

    subject: Subject
    options: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def index(self) -> RepositoryIndex:
        """The repository's files, texts and syntax summaries."""
        return self.subject.files

    @property
    def facts(self) -> Facts:
        """What the repository is and how it is worked on (`auditor.facts`); while the
        rule's answer is being kept (`read_log.reusing`), each fact read is noted."""
        facts = self.subject.derived_facts
        return cast("Facts", RecordedFacts(facts)) if is_recording() else facts

    def option(self, name: str) -> Any:
        return self.options[name]

    def code_files(self) -> Iterator[SourceFile]:
        """The hand-written source files: vendored, generated, data and fixture files
        (`facts.set_aside`) left out. What the code-size and code-shape rules judge."""
        aside = self.facts.set_aside_files
        return (f for f in self.index.files if f.is_source and f.path not in aside)

    def parsed_code(self) -> Iterator[tuple[SourceFile, FileSyntax]]:
        """`index.parsed()` without the set-aside files."""
        aside = self.facts.set_aside_files
        return ((f, s) for f, s in self.index.parsed() if f.path not in aside)

    @property
    def duplication(self) -> Duplication:
        """Repeated blocks of the hand-written source (`Subject.duplication`)."""
        return self.subject.duplication


def _always(ctx: RuleContext) -> bool:
    return True


@dataclass(frozen=True, slots=True)
class Review:
    """What a reviewing rule (`Rule.review`) sees once every other rule has run."""

    findings: tuple[Finding, ...]
    """The other rules' findings, before any suppression."""
    judged: frozenset[str]
    """The ids and aliases of the rules that passed or failed in this run."""


Check = Callable[[RuleContext], Iterable[Violation | NotJudged]]
Measure = Callable[[RuleContext], Mapping[str, MeasureValue]]
Applies = Callable[[RuleContext], bool]
ReviewCheck = Callable[[RuleContext, Review], Iterable[Violation]]


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule: one declaration in one module, holding its docs, examples and check."""

    id: str
    name: str
    title: str
    category: Category
    severity: Severity
    level: int
    evidence: Evidence
    rationale: str
    fix: str
    fix_prompt: str
    check: Check
    examples: tuple[Example, ...]
    applies: Applies = _always
    options: tuple[Option, ...] = ()
    aliases: tuple[str, ...] = ()
    per_package: bool = True
    """Whether the rule also judges each workspace package on its own."""
    needs_syntax: bool = False
    """Whether the rule reads syntax summaries: the index parses source files only if one does."""
    profiles: frozenset[str] | None = None
    """The repository profiles the rule applies to (`facts.profile`); None for all of them.
    Elsewhere the engine reports it not applicable before `applies` is asked."""
    measure: Measure | None = None
    """The raw measure behind the verdict (`RuleResult.measure`), asked once the rule has
    judged: numbers and names the report keeps, so a score can be re-weighted later."""
    reads: frozenset[Reads] = frozenset()
    """What the rule's findings depend on beyond the file each names (`Reads`), for
    pull-request mode. The default, nothing: a finding depends on its own file only, and a
    finding that names no file on any change."""
    review: ReviewCheck | None = None
    """For a rule about the other rules' findings (a suppression that suppresses nothing):
    called after every other rule has run, its violations added to those of `check`."""

    def fits(self, profile: str) -> bool:
        """Whether the rule applies to repositories (or packages) of `profile`."""
        return self.profiles is None or profile in self.profiles

    def defaults(self) -> dict[str, OptionValue]:
        return {option.name: option.default for option in self.options}

    def problems(self) -> list[str]:
        """What is wrong with this declaration (empty when it is valid)."""
        found = []
        if not RULE_ID.match(self.id):
            found.append(f"id {self.id!r} is not a family prefix and three digits (INS001)")
        if not RULE_NAME.match(self.name):
            found.append(f"name {self.name!r} is not kebab-case")
        if not 1 <= self.level <= 5:
            found.append(f"level {self.level} is not between 1 and 5")
        for attribute in ("title", "rationale", "fix", "fix_prompt"):
            if not getattr(self, attribute).strip():
                found.append(f"{attribute} is empty")
        unknown = sorted((self.profiles or frozenset()) - set(PROFILES))
        if unknown:
            found.append(f"profiles {unknown} unknown (known: {', '.join(PROFILES)})")
        expected = {example.expect for example in self.examples}
        if not {Status.PASS, Status.FAIL} <= expected:
            found.append("needs at least one passing and one failing example")
        return found
