"""Wording shared by the report-diff renderers: headlines, changes and statuses."""

from __future__ import annotations

from auditor.model import DiffSide, ReportDiff, Status

SHORT_COMMIT = 12
STATUS_WORDS = {
    Status.PASS: "pass",
    Status.FAIL: "fail",
    Status.NOT_APPLICABLE: "n/a",
    Status.ERROR: "error",
}


def side_name(side: DiffSide) -> str:
    """`name @ 3f9c2a1b7d4e`, or just the name outside git."""
    commit = side.repository.commit
    return f"{side.repository.name} @ {commit[:SHORT_COMMIT]}" if commit else side.repository.name


def delta(old: float | None, new: float | None) -> str:
    """`+4.3`, `-2.0`, `±0.0`, or `new`/`gone`/`` when one side has no value."""
    if old is None and new is None:
        return ""
    if old is None:
        return "new"
    if new is None:
        return "gone"
    change = round(new - old, 1) + 0.0
    return "±0.0" if change == 0 else f"{change:+.1f}"


def value(score: float | None) -> str:
    return "n/a" if score is None else f"{round(score, 1) + 0.0:.1f}"


def status(state: Status | None) -> str:
    return "not run" if state is None else STATUS_WORDS[state]


def verdict(diff: ReportDiff) -> str:
    """One sentence: did the change make the repository better, worse, or neither?"""
    worse = diff.new.score < diff.old.score or diff.new.level < diff.old.level
    better = diff.new.score > diff.old.score or diff.new.level > diff.old.level
    if worse:
        return "The repository got less ready for agents."
    if better:
        return "The repository got more ready for agents."
    if diff.introduced and not diff.fixed:
        return "The score held, but there are new findings."
    return "No change in score or level."


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
