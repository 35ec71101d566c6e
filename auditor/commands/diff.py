"""`auditor diff OLD.json NEW.json`: what a change did to the score, and a gate for CI."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from importlib.metadata import entry_points
from pathlib import Path
from typing import cast

import click

from auditor import registry, report_document
from auditor.errors import UsageError
from auditor.model import RenderOptions, ReportDiff, Severity
from auditor.report_diff import compare, regressions

DIFF_REPORTS_GROUP = "auditor.diff_reports"
"""Renderers of a ReportDiff: `render(diff, options) -> str`, found like report renderers."""
DiffRenderer = Callable[[ReportDiff, RenderOptions], str]


@click.command("diff")
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    default="text",
    show_default=True,
    metavar="FORMAT",
    help="text, or markdown for a pull-request comment.",
)
@click.option(
    "--fail-on-regression",
    is_flag=True,
    help="Exit 1 when the score or level fell, or new findings (at or above --fail-on) appeared.",
)
@click.option(
    "--fail-on",
    type=click.Choice([s.value for s in Severity]),
    help="Exit 1 when new findings at or above this severity appeared, or the new report has a"
    " rule of that severity it could not judge.",
)
@click.option("-q", "--quiet", is_flag=True, help="Only the score and level change.")
@click.option("-v", "--verbose", is_flag=True, help="Every fixed and new finding.")
def diff_command(
    old: Path,
    new: Path,
    fmt: str,
    fail_on_regression: bool,
    fail_on: str | None,
    quiet: bool,
    verbose: bool,
) -> int:
    """Compare two JSON reports (`auditor audit --format json`) of the same repository.

    Shows the score, level and category changes, findings fixed and introduced (matched by
    fingerprint, so moved code is not a new finding) and rules that changed status.

    \b
    Examples:
      auditor diff main.json branch.json
      auditor diff main.json branch.json --format markdown > comment.md
      auditor diff main.json branch.json --fail-on-regression
      auditor diff main.json branch.json --fail-on high
    """
    if quiet and verbose:
        raise UsageError("--quiet and --verbose cannot be used together")
    renderer = _renderer(fmt)
    before, after = report_document.read(old), report_document.read(new)
    diff = compare(before, after)
    options = RenderOptions(verbosity=-1 if quiet else (1 if verbose else 0))
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(errors="replace")
    click.echo(renderer(diff, options), nl=False)
    reasons = regressions(
        diff,
        score=fail_on_regression,
        fail_on=Severity(fail_on) if fail_on else None,
        unjudged=(before.unjudged, after.unjudged),
    )
    for reason in reasons:
        click.echo(f"auditor: gate failed: {reason}", err=True)
    return 1 if reasons else 0


def _renderer(name: str) -> DiffRenderer:
    renderers = registry.load_renderers(entry_points(group=DIFF_REPORTS_GROUP))
    return cast(DiffRenderer, renderers.get(name))
