"""The score history as GitHub Markdown: the steps, then every sampled commit in a table."""

from __future__ import annotations

from auditor.model import History, RenderOptions

from .markdown_text import code, text


def render(history: History, options: RenderOptions) -> str:
    """Markdown with a heading, the steps (rules that changed, newest first) and a table.
    `auditor history -o X.md -o X.svg` puts the chart's image under the heading."""
    lines = [f"# Agent-readiness history of {text(history.repository)}", ""]
    if not history.points:
        return "\n".join([*lines, "No commit recorded.", ""])
    first, last = history.points[0], history.points[-1]
    lines += [
        f"{len(history.points)} commits of {code(history.branch)}: score "
        f"{first.score:.1f} to {last.score:.1f}, level {first.level} to {last.level}.",
        "",
        "## Steps",
        "",
    ]
    for point in reversed(history.steps):
        delta = f"{point.delta:+.1f}" if point.delta is not None else ""
        summaries = "; ".join(text(change.summary) for change in point.decisive)
        lines.append(f"- **{delta}** at {code(point.commit[:7])}: {summaries}")
    if not history.steps:
        lines.append("No rule changed status.")
    lines += ["", "| Commit | Date | Score | Level |", "|---|---|---:|---:|"]
    for point in history.points:
        date = (point.commit_date or "")[:10]
        lines.append(f"| {code(point.commit[:7])} | {date} | {point.score:.1f} | {point.level} |")
    return "\n".join(lines) + "\n"
