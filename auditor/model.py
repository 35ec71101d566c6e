"""The report model: the plain, frozen values that rules emit and renderers read."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from auditor.inert_text import inert as inert
from auditor.inert_text import visible as visible
from auditor.report_facts import Docs as Docs
from auditor.report_facts import FileSize as FileSize
from auditor.report_facts import LanguageStat as LanguageStat
from auditor.report_facts import ReportFacts as ReportFacts
from auditor.report_facts import SetAside as SetAside
from auditor.report_facts import Source as Source
from auditor.report_facts import Workspace as Workspace

SCHEMA_VERSION = "1.3"
"""1.1 added `unjudged`; 1.2 added `facts.agent_files`; 1.3 added `facts.untested_modules`."""


class Severity(StrEnum):
    """How much a failing rule matters; ordered from least to most."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        return _SEVERITY_ORDER.index(self)


_SEVERITY_ORDER = (Severity.LOW, Severity.MEDIUM, Severity.HIGH, Severity.CRITICAL)


class Category(StrEnum):
    """The six areas a repository is scored on."""

    INSTRUCTIONS = "instructions"
    FEEDBACK = "feedback"
    NAVIGABILITY = "navigability"
    DOCUMENTATION = "documentation"
    ENVIRONMENT = "environment"
    SAFETY = "safety"


class Grade(StrEnum):
    """How strong the evidence behind a rule is."""

    STRONG = "strong"
    MODERATE = "moderate"
    CONVENTION = "convention"


class Status(StrEnum):
    """The outcome of one rule on one repository (or package)."""

    PASS = "pass"
    FAIL = "fail"
    NOT_APPLICABLE = "not_applicable"
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class Evidence:
    """The grade of the evidence behind a rule and where it comes from."""

    grade: Grade
    source: str


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem a rule found, located where possible."""

    rule: str
    severity: Severity
    category: Category
    message: str
    path: str | None
    line: int | None
    fingerprint: str
    fix: str
    fix_prompt: str
    evidence: Grade

    def sort_key(self) -> tuple[str, int, str, str, str]:
        return (self.path or "", self.line or 0, self.rule, self.message, self.fingerprint)


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A file the auditor skipped or could only partly read, and why."""

    path: str
    kind: str
    message: str


@dataclass(frozen=True, slots=True)
class Unjudged:
    """A rule that did not judge all of its input: it raised, or it could not read an input.

    Its findings may be missing, so the `--fail-on` gate fails at or below its severity
    (`auditor.gate`) instead of passing over what was never judged.
    """

    rule: str
    severity: Severity
    reason: str
    path: str | None = None
    """The input not judged; None when the whole rule was not (it raised)."""

    def sort_key(self) -> tuple[str, str, str]:
        return (self.rule, self.path or "", self.reason)


@dataclass(frozen=True, slots=True)
class RuleResult:
    """What one rule concluded, and what it contributes to the score."""

    id: str
    name: str
    title: str
    category: Category
    severity: Severity
    level: int
    evidence: Grade
    status: Status
    weight: float
    contribution: float
    """Points this rule adds to the overall score (0 unless it passed)."""
    gain: float
    """Points the overall score would gain if this rule passed (0 unless it failed)."""
    findings: int = 0
    message: str = ""
    """Why a rule errored or was not applicable."""
    fix: str = ""
    fix_prompt: str = ""
    rationale: str = ""
    evidence_source: str = ""


@dataclass(frozen=True, slots=True)
class CategoryScore:
    """A category's score (None when no rule of it applies) and its share (0-1) of the weight."""

    id: Category
    score: float | None
    weight: float
    passed: int
    failed: int


@dataclass(frozen=True, slots=True)
class NextLevel:
    """The next level and the failing rules that stand between the repository and it."""

    level: int
    blocking: tuple[str, ...]
    needed: int
    """How many of the blocking rules must pass to reach the level."""


@dataclass(frozen=True, slots=True)
class Score:
    """The scored outcome of a set of rule results."""

    score: float
    level: int
    next_level: NextLevel | None
    categories: tuple[CategoryScore, ...]
    rules: tuple[RuleResult, ...]


@dataclass(frozen=True, slots=True)
class PackageReport:
    """The score of one workspace package of a monorepo."""

    path: str
    score: float
    level: int
    facts: ReportFacts
    failing: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Repository:
    """What the audited repository is called, which commit was audited, and its kind."""

    name: str
    commit: str | None
    profile: str | None = None
    """The repository profile the rules were applied for (library, application, cli, ...)."""


@dataclass(frozen=True, slots=True)
class Report:
    """Everything a renderer may show: the audit's result, detached from the engine."""

    tool_name: str
    tool_version: str
    repository: Repository
    score: Score
    facts: ReportFacts
    findings: tuple[Finding, ...]
    packages: tuple[PackageReport, ...]
    diagnostics: tuple[Diagnostic, ...]
    schema_version: str = SCHEMA_VERSION
    top_fixes: tuple[RuleResult, ...] = field(default=())
    unjudged: tuple[Unjudged, ...] = ()
    """Rules (of the repository's own run) whose verdict is incomplete, and why."""


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """How a renderer should present a report (renderers ignore what does not apply)."""

    color: bool = False
    verbosity: int = 0
    """-1 quiet, 0 normal, 1 verbose (every finding and every rule)."""
    width: int = 100
    top: int = 5
    """How many top fixes to show."""


@dataclass(frozen=True, slots=True)
class DiffSide:
    """One of the two reports a diff compares: what was audited, with which tool, and its score."""

    repository: Repository
    tool_version: str
    score: float
    level: int


@dataclass(frozen=True, slots=True)
class CategoryChange:
    """A category's score in the old and the new report (None where no rule of it applied)."""

    id: Category
    old: float | None
    new: float | None


@dataclass(frozen=True, slots=True)
class RuleChange:
    """A rule whose status changed; None on the side whose report did not run it."""

    id: str
    title: str
    severity: Severity
    old: Status | None
    new: Status | None


@dataclass(frozen=True, slots=True)
class PackageChange:
    """A workspace package whose score or level changed; None on the side that lacks it."""

    path: str
    old_score: float | None
    new_score: float | None
    old_level: int | None
    new_level: int | None


@dataclass(frozen=True, slots=True)
class ReportDiff:
    """What changed between two audits: score, level, categories, rules, findings, packages."""

    old: DiffSide
    new: DiffSide
    categories: tuple[CategoryChange, ...]
    rules: tuple[RuleChange, ...]
    fixed: tuple[Finding, ...]
    """Findings of the old report whose fingerprint the new one no longer has."""
    introduced: tuple[Finding, ...]
    """Findings of the new report whose fingerprint the old one did not have."""
    unchanged: int
    packages: tuple[PackageChange, ...] = ()
