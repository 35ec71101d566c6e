"""`auditor history`: the score at past commits, from git objects, kept in SQLite."""

from __future__ import annotations

import os
from collections.abc import Callable
from importlib.metadata import entry_points
from pathlib import Path
from typing import cast

import click

from auditor import api, registry
from auditor.commands.caching import cache_dir_of, cache_options
from auditor.errors import UsageError
from auditor.history import default_database, run_history
from auditor.index.parsing import worker_count
from auditor.model import History, RenderOptions
from auditor.progress import interactive, progress_bar
from auditor.safe_write import output_target, write_text

HISTORY_REPORTS_GROUP = "auditor.history_reports"
FORMAT_BY_SUFFIX = {".txt": "text", ".json": "json", ".md": "markdown", ".svg": "svg"}
HistoryRenderer = Callable[[History, RenderOptions], str]


@click.command("history")
@click.argument("path", type=click.Path(path_type=Path), default=".")
@click.option(
    "--commits",
    type=click.IntRange(1, 100_000),
    help="Audit the last N first-parent commits of the branch (default 20).",
)
@click.option("--since", metavar="DATE", help="Audit every first-parent commit since DATE.")
@click.option("--branch", default="HEAD", show_default=True, metavar="REF", help="The branch.")
@click.option(
    "--db",
    "database",
    type=click.Path(path_type=Path, dir_okay=False),
    help="The SQLite database (default: history.sqlite3 in the user cache directory).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(sorted(set(FORMAT_BY_SUFFIX.values()))),
    default="text",
    show_default=True,
    help="Printed on stdout.",
)
@click.option(
    "-o",
    "--output",
    "outputs",
    multiple=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="Also write FILE: .txt, .json, .md or .svg (the chart). Repeatable.",
)
@click.option("-j", "--jobs", type=click.IntRange(1, 256), help="Commits audited at once.")
@cache_options
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def history_command(
    path: Path,
    commits: int | None,
    since: str | None,
    branch: str,
    database: Path | None,
    fmt: str,
    outputs: tuple[Path, ...],
    jobs: int | None,
    no_cache: bool,
    cache_dir: Path | None,
    quiet: bool,
) -> int:
    """Score the repository at PATH at its past commits, and show the trend.

    Each sampled commit is audited from git objects (nothing is checked out, the work tree
    is not touched) and stored in a SQLite database: one row per repository, commit and
    auditor version, with category scores and every rule's status. Commits already stored
    are not audited again, so an interrupted run resumes, and later runs only add the new
    commits. Each step names the rules whose status changed. The HTML report of
    `auditor audit` shows a History section once the database holds this repository.

    \b
    Examples:
      auditor history . --commits 50
      auditor history . --since 2024-01-01 --branch main --format json
      auditor history . -o docs/history.svg -o docs/history.md
      auditor history . --db ci-history.sqlite3 --format markdown
    """
    if commits is not None and since is not None:
        raise UsageError("--commits and --since cannot be used together")
    root = api.check_root(path)
    if api.revision_dir(root):
        raise UsageError(f"{path}: history audits a whole repository; pass its top directory")
    targets = _targets(outputs, root)
    with progress_bar(enabled=not quiet and interactive()) as progress:
        history = run_history(
            root,
            database or default_database(),
            branch=branch,
            commits=commits if commits is not None or since is not None else 20,
            since=since,
            cache_dir=cache_dir_of(no_cache, cache_dir),
            jobs=worker_count(jobs) if jobs is not None else 1,
            progress=progress,
        )
    click.echo(_renderer(fmt)(history, RenderOptions()), nl=False)
    _write(history, targets)
    return 0


def _renderer(name: str) -> HistoryRenderer:
    renderers = registry.load_renderers(entry_points(group=HISTORY_REPORTS_GROUP))
    return cast(HistoryRenderer, renderers.get(name))


def _targets(outputs: tuple[Path, ...], root: Path) -> list[tuple[Path, Path]]:
    """Each output and where it is written, checked before any commit is audited."""
    for out in outputs:
        if out.suffix.lower() not in FORMAT_BY_SUFFIX:
            known = ", ".join(sorted(FORMAT_BY_SUFFIX))
            raise UsageError(f"{out}: cannot tell the format from the extension (use {known})")
    return [(out, output_target(out, root)) for out in outputs]


def _write(history: History, targets: list[tuple[Path, Path]]) -> None:
    """Write each output; a Markdown one shows the chart when an SVG one is written too."""
    charts = [target for out, target in targets if out.suffix.lower() == ".svg"]
    for out, target in targets:
        text = _renderer(FORMAT_BY_SUFFIX[out.suffix.lower()])(history, RenderOptions())
        if out.suffix.lower() == ".md" and charts:
            image = Path(os.path.relpath(charts[0], target.parent)).as_posix()
            heading, _, rest = text.partition("\n")
            text = f"{heading}\n\n![Agent-readiness score over time]({image})\n{rest}"
        write_text(target, text, str(out))
