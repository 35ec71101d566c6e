"""The report model: the plain, frozen values that rules emit and renderers read."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from auditor.fleet_model import FailingRule as FailingRule
from auditor.fleet_model import FleetRepository as FleetRepository
from auditor.fleet_model import FleetSummary as FleetSummary
from auditor.fleet_model import LanguageSummary as LanguageSummary
from auditor.fleet_model import NotAudited as NotAudited
from auditor.history_model import History as History
from auditor.history_model import HistoryPoint as HistoryPoint
from auditor.history_model import StatusChange as StatusChange
from auditor.inert_text import inert as inert
from auditor.inert_text import visible as visible
from auditor.report_facts import Docs as Docs
from auditor.report_facts import FileSize as FileSize
from auditor.report_facts import LanguageStat as LanguageStat
from auditor.report_facts import ReportFacts as ReportFacts
from auditor.report_facts import SetAside as SetAside
from auditor.report_facts import Source as Source
from auditor.report_facts import Workspace as Workspace

SCHEMA_VERSION = "1.6"
"""1.1 added `unjudged`; 1.2 `repository.commit_date`, `rules_digest` and each rule's `measure`;
1.3 `baseline` (on findings and at the top), `suppressed` and `change`; 1.4 `facts.agent_files`;
1.5 `facts.untested_modules`; 1.6 `facts.single_test_template`."""

MeasureValue = int | float | str | bool | None
"""One raw measurement behind a rule's verdict (`RuleResult.measure`)."""


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


class BaselineState(StrEnum):
    """Whether a finding was already in the baseline (`known`) or this change made it (`new`)."""

    NEW = "new"
    KNOWN = "known"


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
    baseline: BaselineState | None = None
    """Against a baseline (`audit --baseline`): new or known; None without one."""
    suppressed: str | None = None
    """The reason an inline `auditor: ignore[...]` comment gives; None when not suppressed.
    A suppressed finding is reported, but neither scored against nor counted by the gate."""

    def sort_key(self) -> tuple[str, int, str, str, str]:
        return (self.path or "", self.line or 0, self.rule, self.message, self.fingerprint)


@dataclass(frozen=True, slots=True)
class BaselineEntry:
    """A finding as a baseline records it: enough to match it and to say what it was."""

    fingerprint: str
    rule: str
    path: str | None
    message: str

    def sort_key(self) -> tuple[str, str, str, str]:
        return (self.path or "", self.rule, self.fingerprint, self.message)


@dataclass(frozen=True, slots=True)
class BaselineComparison:
    """How an audit compares with a recorded baseline (or the audit of a base commit)."""

    source: str
    """What was compared against: the baseline file as named, or `REF (commit)`."""
    score: float
    level: int
    new: int
    known: int
    fixed: tuple[BaselineEntry, ...]
    """Findings the baseline records that the audit no longer has: the baseline can shrink."""
    failing_rules: tuple[str, ...] = ()
    """The rules that failed in the baseline: what a regression is measured against."""


@dataclass(frozen=True, slots=True)
class Change:
    """Pull-request mode (`--changed-since REF`): what changed since the merge base, and the
    score there."""

    ref: str
    """The ref as given (`origin/main`)."""
    base: str | None
    """The merge base of HEAD and `ref`; None when the repository has no commit yet."""
    changed: tuple[str, ...]
    """The files changed since the base (added, modified, deleted, untracked), sorted."""
    base_score: float | None
    base_level: int | None
    left_out: int = 0
    """Findings not reported: in unchanged files, or of rules whose inputs did not change."""
    not_scored: str = ""
    """Why the score at the base could not be computed (empty when it was)."""


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
    measure: tuple[tuple[str, MeasureValue], ...] | None = None
    """The raw measure behind the verdict, sorted by name (the largest file's tokens, the
    share of functions over the limit, the command found and where); None when the rule
    measures nothing or did not run: what lets a score be re-weighted or correlated later."""


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
    commit_date: str | None = None
    """The committer date of `commit` (ISO 8601); None outside git."""


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
    rules_digest: str = ""
    """A hash of the selected rules, their options and the scoring weights
    (`auditor.rule_set`): two reports with the same digest scored by the same rules."""
    baseline: BaselineComparison | None = None
    """The comparison with `--baseline FILE` (or the merge base with `--changed-since`)."""
    change: Change | None = None
    """Pull-request mode: the change since `--changed-since REF`, or None."""
    history: History | None = None
    """The repository's score over its past commits, when `auditor history` recorded it
    (shown by the HTML report; not part of the JSON report, which describes one commit)."""


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
