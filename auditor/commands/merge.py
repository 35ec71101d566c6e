"""`auditor merge`: many JSON reports into one fleet dashboard (HTML, JSON or Markdown)."""

from __future__ import annotations

import os
from collections.abc import Callable
from importlib.metadata import entry_points
from pathlib import Path
from typing import cast

import click

from auditor import registry
from auditor.errors import UsageError
from auditor.fleet_merge import merge
from auditor.model import FleetSummary, RenderOptions
from auditor.safe_write import output_target, write_text

FLEET_REPORTS_GROUP = "auditor.fleet_reports"
FleetRenderer = Callable[[FleetSummary, RenderOptions], str]
FORMAT_BY_SUFFIX = {".html": "html", ".htm": "html", ".json": "json", ".md": "markdown"}


@click.command("merge")
@click.argument("reports", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    "outputs",
    multiple=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write the dashboard to FILE: .html, .json or .md. Repeatable; without it, "
    "Markdown is printed.",
)
def merge_command(reports: tuple[Path, ...], outputs: tuple[Path, ...]) -> int:
    """Merge JSON reports (from `audit -o`, `fleet`, or CI artifacts) into one dashboard.

    Repositories are ranked best score first, with their commit, level, category scores and
    package counts; then the distribution of levels, the rules failing in the most
    repositories with the points they cost, and a breakdown per primary language. The HTML
    dashboard is one self-contained page (sortable, filterable, offline) that links to each
    repository's HTML report where one sits beside its JSON report. A fleet.json among the
    inputs adds the repositories its run could not audit. The same reports always give the
    same dashboard, byte for byte: merge is the only aggregation step.

    \b
    Examples:
      auditor merge reports/*.json -o reports/fleet.html
      auditor merge reports/*.json -o fleet.md -o fleet.json
      auditor merge artifacts/*/*.json > fleet.md
    """
    renderers = registry.load_renderers(entry_points(group=FLEET_REPORTS_GROUP))

    def renderer(name: str) -> FleetRenderer:
        return cast(FleetRenderer, renderers.get(name))

    for out in outputs:
        if out.suffix.lower() not in FORMAT_BY_SUFFIX:
            known = ", ".join(sorted(FORMAT_BY_SUFFIX))
            raise UsageError(f"{out}: cannot tell the dashboard format (use one of {known})")
    targets = [(out, output_target(out, Path.cwd())) for out in outputs]
    if not targets:
        summary = merge(list(reports))
        click.echo(renderer("markdown")(summary, RenderOptions()), nl=False)
        return 0
    for out, target in targets:
        summary = merge(list(reports), links_from=Path(os.path.dirname(target)))
        render = renderer(FORMAT_BY_SUFFIX[out.suffix.lower()])
        write_text(target, render(summary, RenderOptions()), str(out))
    return 0
