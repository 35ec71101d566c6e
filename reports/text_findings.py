"""Top fixes and findings in the terminal report: what to do first, and where the problems are."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from auditor.model import Finding, Report, Severity

FINDINGS_SHOWN = 20
LONGEST_LOCATION_COLUMN = 48
"""Wider locations put each message under its location instead of beside it."""
SEVERITY_STYLES = {
    Severity.CRITICAL: "bold red",
    Severity.HIGH: "red",
    Severity.MEDIUM: "yellow",
    Severity.LOW: "cyan",
}
WHOLE_REPOSITORY = "(repository)"


def top_fixes(report: Report, top: int, verbose: bool) -> list[RenderableType]:
    """Up to `top` failing rules, most points first: gain, id and title, then the fix."""
    fixes = report.top_fixes[: max(top, 0)]
    if not fixes:
        return []
    table = Table.grid(padding=(0, 2))
    table.add_column(justify="right", no_wrap=True)
    table.add_column(no_wrap=True)
    table.add_column(overflow="fold")
    for rule in fixes:
        table.add_row(
            Text(f"+{rule.gain:.1f}", style="green"),
            Text(rule.id, style="bold"),
            Text(rule.title, style="bold"),
        )
        if rule.fix:
            table.add_row("", "", Text(rule.fix))
        if verbose and rule.fix_prompt:
            table.add_row("", "", Text(f"Prompt: {rule.fix_prompt}", style="dim"))
    heading = Text("Top fixes", style="bold")
    heading.append("  points the score would gain", style="dim")
    return [heading, Padding(table, (0, 0, 0, 2))]


def findings(
    items: Sequence[Finding], verbose: bool, width: int, title: str = "Findings"
) -> list[RenderableType]:
    """Findings grouped by severity, most severe first; capped unless `verbose`.

    One table per severity, all with the same location column, so messages line up.
    """
    if not items:
        return []
    ordered = sorted(items, key=lambda finding: -finding.severity.rank)
    shown = ordered if verbose else ordered[:FINDINGS_SHOWN]
    locations = [_location(finding) for finding in shown]
    location_width = max(text.cell_len for text in locations)
    stacked = location_width > min(LONGEST_LOCATION_COLUMN, width // 2)
    body: list[RenderableType] = [_heading(ordered, title)]
    for severity in sorted(Severity, key=lambda s: -s.rank):
        rows = [(f, loc) for f, loc in zip(shown, locations, strict=True) if f.severity is severity]
        if rows:
            label = Text(severity.value, style=SEVERITY_STYLES[severity])
            body.append(Padding(label, (0, 0, 0, 2)))
            table = _stacked(rows) if stacked else _table(rows, location_width)
            body.append(Padding(table, (0, 0, 0, 4)))
    if len(shown) < len(ordered):
        hidden = len(ordered) - len(shown)
        more = Text(f"… and {hidden} more (use -v or --format json)", style="dim")
        body.append(Padding(more, (0, 0, 0, 2)))
    return body


def _table(rows: list[tuple[Finding, Text]], location_width: int) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(width=location_width, overflow="fold")
    table.add_column(no_wrap=True)
    table.add_column(ratio=1, overflow="fold")
    for finding, location in rows:
        table.add_row(location, Text(finding.rule, style="dim"), Text(finding.message))
    return table


def _stacked(rows: list[tuple[Finding, Text]]) -> Table:
    """Rule and location on one line, the message indented under them: for long paths."""
    table = Table.grid(padding=(0, 2))
    table.add_column(no_wrap=True)
    table.add_column(ratio=1, overflow="fold")
    for finding, location in rows:
        table.add_row(Text(finding.rule, style="dim"), location)
        table.add_row("", Text(finding.message))
    return table


def _heading(ordered: Sequence[Finding], title: str) -> Text:
    counts = {severity: 0 for severity in Severity}
    for finding in ordered:
        counts[finding.severity] += 1
    heading = Text(f"{title} ({len(ordered)})", style="bold")
    parts = [f"{counts[s]} {s.value}" for s in sorted(Severity, key=lambda s: -s.rank) if counts[s]]
    heading.append("  " + ", ".join(parts), style="dim")
    return heading


def _location(finding: Finding) -> Text:
    if finding.path is None:
        return Text(WHOLE_REPOSITORY, style="dim")
    where = finding.path if finding.line is None else f"{finding.path}:{finding.line}"
    return Text(where)
