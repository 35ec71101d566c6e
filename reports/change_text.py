"""Pull-request mode in words: the score at the merge base and now, and what was left out."""

from __future__ import annotations

from auditor.model import Change, Report

SHORT = 12
FILES_NAMED = 3
MINUS = "\u2212"


def score_change(report: Report) -> str | None:
    """`score 72.4 → 70.1 (\u22122.3)`, None outside pull-request mode or without a base
    score (a minus sign, not a hyphen, before a drop)."""
    change = report.change
    if change is None or change.base_score is None:
        return None
    now, then = round(report.score.score, 1), round(change.base_score, 1)
    delta = now - then
    sign = MINUS if delta < 0 else "+" if delta > 0 else "±"
    level = ""
    if change.base_level is not None and change.base_level != report.score.level:
        level = f", level {change.base_level} → {report.score.level}"
    return f"score {then:.1f} → {now:.1f} ({sign}{abs(delta):.1f}){level}"


def change_sentence(report: Report, with_score: bool = True) -> str | None:
    """One plain-text sentence on the change: what it is compared with, how many files it
    touched, the score there and now (unless `with_score`: the score line says it), the
    findings left out; None outside pull-request mode."""
    change = report.change
    if change is None:
        return None
    since = f"{change.ref} ({change.base[:SHORT]})" if change.base else change.ref
    score = score_change(report)
    if score is None:
        score = f"score at {change.ref} not computed: {change.not_scored}"
    parts = [_files(change), *([score] if with_score or change.base_score is None else [])]
    if change.left_out:
        parts.append(f"{change.left_out} finding(s) outside the change not reported")
    return f"Changes since {since}: {'; '.join(parts)}."


def _files(change: Change) -> str:
    count = len(change.changed)
    if not count:
        return "no file changed"
    named = ", ".join(change.changed[:FILES_NAMED])
    more = f" and {count - FILES_NAMED} more" if count > FILES_NAMED else ""
    return f"{count} file{'s' if count != 1 else ''} changed ({named}{more})"
