"""The score history as plain text: one line per sampled commit, the rules that changed."""

from __future__ import annotations

from auditor.model import History, RenderOptions, visible


def render(history: History, options: RenderOptions) -> str:
    """Oldest first; each step names the rules whose status changed and why."""
    lines = [
        f"{visible(history.repository)}: {len(history.points)} commits of "
        f"{visible(history.branch)}, {len(history.steps)} steps"
    ]
    for point in history.points:
        delta = "" if point.delta is None else f" ({_signed(point.delta)})"
        date = (point.commit_date or "")[:10]
        lines.append(
            f"  {point.commit[:7]}  {date:10}  {point.score:5.1f}{delta:9}  level {point.level}"
        )
        for change in point.decisive:
            lines.append(f"      {visible(change.summary)}")
        quiet = len(point.changes) - len(point.decisive)
        if quiet:
            lines.append(
                f"      ({quiet} rule{'s' if quiet != 1 else ''} began or ceased to apply)"
            )
    return "\n".join(lines) + "\n"


def _signed(value: float) -> str:
    return f"{value:+.1f}".replace("-", "\u2212")
