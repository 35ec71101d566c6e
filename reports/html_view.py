"""The HTML report's view-model: the report's values, ordered and formatted for the template."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from auditor.model import Finding, NextLevel, PackageReport, Report, RuleResult, Severity, Status

TOP_LEVEL = 5
SHORT_COMMIT = 12
WHOLE_REPOSITORY = "(repository)"
ROOT_PACKAGE = "(root)"
SEVERITIES = tuple(sorted(Severity, key=lambda s: -s.rank))
"""Most severe first: the order of severity everywhere in the report."""


def points(value: float) -> str:
    """A score or a gain with one decimal, never `-0.0`."""
    return f"{round(value, 1) + 0.0:.1f}"


def tone(score: float) -> str:
    """`good` from 80, `fair` from 50, `poor` below: the colour class of a score."""
    if score >= 80:
        return "good"
    return "fair" if score >= 50 else "poor"


@dataclass(frozen=True, slots=True)
class RuleRef:
    """A rule named in prose: its id (an anchor in the rules table) and its title."""

    id: str
    title: str


@dataclass(frozen=True, slots=True)
class NextStep:
    """What the next level needs, as a sentence and the rules it names."""

    level: int
    sentence: str
    rules: tuple[RuleRef, ...]


@dataclass(frozen=True, slots=True)
class FindingRow:
    """One row of the findings table, with what its expandable details show."""

    anchor: str
    rule: RuleRef
    severity: str
    rank: int
    category: str
    package: str
    location: str
    location_key: str
    """Path, then the line zero-padded, so locations sort by path and then numerically."""
    message: str
    rationale: str
    fix: str
    fix_prompt: str
    evidence: str
    evidence_source: str
    state: str = ""
    """"new" or "known" against a baseline, "suppressed" for an inline suppression, else ""."""
    reason: str = ""
    """Why it is suppressed."""


@dataclass(frozen=True, slots=True)
class RuleRow:
    """One rule in the rules table: its outcome and what it is worth."""

    result: RuleResult
    status: str
    points: str


@dataclass(frozen=True, slots=True)
class PackageRow:
    """One workspace package: its score, level and failing rules."""

    path: str
    score: str
    tone: str
    level: int
    failing: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Option:
    """A choice in a filter control: the value matched, and the label shown with its count."""

    value: str
    label: str


def next_step(next_level: NextLevel | None, titles: dict[str, str]) -> NextStep | None:
    """`Level 4 needs 2 of these 3 rules to pass:` and the rules; None at the top level."""
    if next_level is None:
        return None
    blocking = next_level.blocking
    if not blocking:
        sentence = f"Level {next_level.level} is next."
    elif next_level.needed < len(blocking):
        sentence = f"Level {next_level.level} needs {next_level.needed} of these "
        sentence += f"{len(blocking)} rules to pass:"
    else:
        which = "this rule" if len(blocking) == 1 else f"these {len(blocking)} rules"
        sentence = f"Level {next_level.level} needs {which} to pass:"
    rules = tuple(RuleRef(rule, titles.get(rule, "")) for rule in blocking)
    return NextStep(next_level.level, sentence, rules)


def package_of(path: str | None, packages: Sequence[str]) -> str:
    """The deepest package holding `path`, or `(root)`."""
    if path is None:
        return ROOT_PACKAGE
    holding = [p for p in packages if path == p or path.startswith(p.rstrip("/") + "/")]
    return max(holding, key=len) if holding else ROOT_PACKAGE


def finding_rows(report: Report) -> tuple[FindingRow, ...]:
    """Every finding: new ones before known ones before suppressed ones, each most severe
    first, then by rule and location."""
    rules = {rule.id: rule for rule in report.score.rules}
    packages = [package.path for package in report.packages]
    ordered = sorted(
        report.findings, key=lambda f: (_state_rank(f), -f.severity.rank, f.rule, *f.sort_key())
    )
    return tuple(
        _finding_row(index, finding, rules.get(finding.rule), packages)
        for index, finding in enumerate(ordered, start=1)
    )


def _finding_row(
    index: int, finding: Finding, rule: RuleResult | None, packages: Sequence[str]
) -> FindingRow:
    return FindingRow(
        anchor=f"finding-{index}",
        rule=RuleRef(finding.rule, rule.title if rule else ""),
        severity=finding.severity.value,
        rank=finding.severity.rank,
        category=finding.category.value,
        package=package_of(finding.path, packages),
        location=location(finding),
        location_key=f"{finding.path or ''}:{finding.line or 0:09d}",
        message=finding.message,
        rationale=rule.rationale if rule else "",
        fix=finding.fix,
        fix_prompt=finding.fix_prompt,
        evidence=finding.evidence.value,
        evidence_source=rule.evidence_source if rule else "",
        state=_state(finding),
        reason=finding.suppressed or "",
    )


def _state(finding: Finding) -> str:
    if finding.suppressed is not None:
        return "suppressed"
    return finding.baseline.value if finding.baseline is not None else ""


def _state_rank(finding: Finding) -> int:
    return {"suppressed": 2, "known": 1}.get(_state(finding), 0)


def location(finding: Finding) -> str:
    if finding.path is None:
        return WHOLE_REPOSITORY
    return finding.path if finding.line is None else f"{finding.path}:{finding.line}"


def options(values: Sequence[str]) -> tuple[Option, ...]:
    """One filter option per distinct value, in first-seen order, labelled with its count."""
    counts = Counter(values)
    return tuple(Option(value, f"{value} ({counts[value]})") for value in dict.fromkeys(values))


def severity_counts(findings: Sequence[Finding]) -> tuple[tuple[str, int], ...]:
    """(severity, count) for each severity that has findings, most severe first."""
    counts = Counter(finding.severity for finding in findings)
    return tuple((s.value, counts[s]) for s in SEVERITIES if counts[s])


def rule_rows(results: Sequence[RuleResult], order: Sequence[str]) -> tuple[RuleRow, ...]:
    """Every rule, by category (in `order`) then id, with the points it earns or would gain."""
    rank = {category: index for index, category in enumerate(order)}
    ordered = sorted(results, key=lambda r: (rank.get(r.category.value, len(rank)), r.id))
    return tuple(RuleRow(rule, _status(rule.status), _rule_points(rule)) for rule in ordered)


def _status(status: Status) -> str:
    return "n/a" if status is Status.NOT_APPLICABLE else status.value


def _rule_points(rule: RuleResult) -> str:
    if rule.status is Status.PASS:
        return points(rule.contribution)
    if rule.status is Status.FAIL:
        return "+" + points(rule.gain)
    return ""


def package_rows(packages: Sequence[PackageReport]) -> tuple[PackageRow, ...]:
    """Workspace packages, weakest first."""
    ordered = sorted(packages, key=lambda p: (p.level, p.score, p.path))
    return tuple(
        PackageRow(p.path, points(p.score), tone(p.score), p.level, tuple(p.failing))
        for p in ordered
    )
