"""The score history's model: audited commits of one branch and what changed at each step."""

from __future__ import annotations

from dataclasses import dataclass

VERBS = {
    "pass": "passes",
    "fail": "fails",
    "not_applicable": "no longer applies",
    "error": "could not be judged",
}


@dataclass(frozen=True, slots=True)
class StatusChange:
    """A rule whose status differs from the previous sampled commit's."""

    rule: str
    title: str
    old: str | None
    new: str | None
    """None where the rule was not run (another rule set)."""
    message: str
    """Why it has its new status: its first finding, or the rule's own message."""
    points: float = 0.0
    """The points at stake: what the rule cost the score on the side where it failed."""

    @property
    def decisive(self) -> bool:
        """Whether the rule started or stopped failing (not merely began or ceased to apply)."""
        return "fail" in (self.old, self.new)

    @property
    def summary(self) -> str:
        """`INS001 fails: no agent instruction file`."""
        verb = VERBS.get(self.new or "", "is not run")
        return f"{self.rule} {verb}" + (f": {self.message}" if self.message else "")


@dataclass(frozen=True, slots=True)
class HistoryPoint:
    """One audited commit: its score, level, category scores and the changes that led to it."""

    commit: str
    commit_date: str | None
    score: float
    level: int
    categories: tuple[tuple[str, float | None], ...]
    delta: float | None
    """The score minus the previous point's; None for the first point."""
    changes: tuple[StatusChange, ...] = ()
    """Every rule whose status changed, the most points at stake first."""

    @property
    def decisive(self) -> tuple[StatusChange, ...]:
        """The changes of rules that started or stopped failing."""
        return tuple(change for change in self.changes if change.decisive)

    @property
    def headline(self) -> str:
        """`-4.8 at 3f2a1c9: INS001 fails: no agent instruction file`."""
        delta = f"{self.delta:+.1f}" if self.delta is not None else "start"
        changes = self.decisive or self.changes
        named = changes[0].summary if changes else "no rule changed"
        more = f" (and {len(changes) - 1} more)" if len(changes) > 1 else ""
        return f"{delta} at {self.commit[:7]}: {named}{more}"


@dataclass(frozen=True, slots=True)
class History:
    """A repository's score over the sampled commits of a branch, oldest first."""

    repository: str
    branch: str
    points: tuple[HistoryPoint, ...]

    @property
    def steps(self) -> tuple[HistoryPoint, ...]:
        """The points where some rule started or stopped failing."""
        return tuple(point for point in self.points if point.decisive)
