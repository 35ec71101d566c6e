"""The fleet dashboard's model: what `auditor merge` aggregates from many reports, for renderers."""

from __future__ import annotations

from dataclasses import dataclass

FLEET_SUMMARY_VERSION = "1.0"


@dataclass(frozen=True, slots=True)
class FleetRepository:
    """One repository's report, as the dashboard lists it."""

    name: str
    commit: str | None
    commit_date: str | None
    score: float
    level: int
    categories: tuple[tuple[str, float | None], ...]
    """(category, score) in the report's category order; None where no rule applied."""
    primary_language: str | None
    packages: int
    packages_at_level: tuple[tuple[int, int], ...]
    """(level, how many of its workspace packages are at it), levels present only."""
    failing: tuple[str, ...]
    """The ids of its failing rules, sorted."""
    report: str
    """The JSON report's file name."""
    html: str | None
    """The HTML report beside it (file name), when there is one."""
    tool_version: str


@dataclass(frozen=True, slots=True)
class FailingRule:
    """A rule failing somewhere in the fleet: in how many repositories, at what cost."""

    id: str
    title: str
    severity: str
    category: str
    repositories: int
    points: float
    """The points it costs summed over those repositories (each report's `gain`)."""


@dataclass(frozen=True, slots=True)
class LanguageSummary:
    """The repositories of one primary language: how many, their mean score, their levels."""

    language: str
    repositories: int
    mean_score: float
    levels: tuple[tuple[int, int], ...]
    """(level, count) for levels 1-5."""


@dataclass(frozen=True, slots=True)
class NotAudited:
    """A repository a fleet run listed as failed, and why."""

    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class FleetSummary:
    """The whole fleet: best score first, levels, the rules failing most, per language."""

    repositories: tuple[FleetRepository, ...]
    levels: tuple[tuple[int, int], ...]
    """(level, count) for levels 1-5."""
    failing_rules: tuple[FailingRule, ...]
    """Most repositories first, then most points, then id."""
    languages: tuple[LanguageSummary, ...]
    not_audited: tuple[NotAudited, ...] = ()
    categories: tuple[str, ...] = ()
    """The category ids, in column order."""
    superseded: int = 0
    """Reports left out because a newer report of the same repository was given."""
    schema_version: str = FLEET_SUMMARY_VERSION
