"""Workspace packages in the terminal report: how many keep up, weakest first."""

from __future__ import annotations

from rich.console import RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from auditor.model import PackageReport, Report

from .text_summary import score_style

PACKAGES_SHOWN = 10
FAILING_SHOWN = 5


def packages(report: Report, verbose: bool) -> list[RenderableType]:
    """`N of M packages at level L or above` (L: the repository's level) and a table of them."""
    if not report.packages:
        return []
    level = report.score.level
    ordered = sorted(report.packages, key=lambda p: (p.level, p.score, p.path))
    keeping_up = sum(1 for p in ordered if p.level >= level)
    heading = Text("Packages", style="bold")
    heading.append(f"  {keeping_up} of {len(ordered)} at level {level} or above", style="dim")
    shown = ordered if verbose else ordered[:PACKAGES_SHOWN]
    table = Table.grid(padding=(0, 2))
    table.add_column(overflow="fold")
    table.add_column(justify="right", no_wrap=True)
    table.add_column(no_wrap=True)
    table.add_column(overflow="fold")
    for package in shown:
        table.add_row(*_row(package, verbose))
    body: list[RenderableType] = [heading, Padding(table, (0, 0, 0, 2))]
    if len(shown) < len(ordered):
        more = Text(f"… and {len(ordered) - len(shown)} more (use -v)", style="dim")
        body.append(Padding(more, (0, 0, 0, 2)))
    return body


def _row(package: PackageReport, verbose: bool) -> tuple[Text, Text, Text, Text]:
    failing = list(package.failing)
    shown = failing if verbose else failing[:FAILING_SHOWN]
    failing_text = Text()
    if shown:
        failing_text.append("failing ", style="dim")
        failing_text.append(", ".join(shown))
        if len(shown) < len(failing):
            failing_text.append(f", +{len(failing) - len(shown)} more", style="dim")
    return (
        Text(package.path),
        Text(f"{package.score:.1f}", style=score_style(package.score)),
        Text(f"Level {package.level}"),
        failing_text,
    )
