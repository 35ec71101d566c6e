"""`auditor fleet`: audit many repositories at once, one report each, resumable."""

from __future__ import annotations

from pathlib import Path

import click

from auditor.commands.caching import cache_dir_of, cache_options
from auditor.errors import UsageError
from auditor.fleet import FLEET_FILE, read_list, run_fleet
from auditor.index.parsing import worker_count
from auditor.inert_text import visible
from auditor.progress import interactive, progress_bar
from auditor.safe_write import output_dir


@click.command("fleet")
@click.argument("repositories", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--from",
    "list_file",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    help="Read repository paths from FILE, one a line (# comments; relative to the file).",
)
@click.option(
    "-o",
    "--output",
    "out",
    required=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="Directory for the reports (NAME-COMMIT.json and .html per repository, fleet.json).",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(1, 256),
    help="Repositories audited at once (default and most: the CPUs this process may use).",
)
@click.option(
    "--resume",
    is_flag=True,
    help="Keep reports already in the directory for the same commit and auditor version.",
)
@cache_options
@click.option(
    "--db",
    "database",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Also record each audited commit in this `auditor history` database.",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary line.")
def fleet_command(
    repositories: tuple[Path, ...],
    list_file: Path | None,
    out: Path,
    jobs: int | None,
    resume: bool,
    no_cache: bool,
    cache_dir: Path | None,
    database: Path | None,
    quiet: bool,
) -> int:
    """Audit every repository given (local git repositories) into one directory.

    Each repository is audited at its HEAD commit, read from git objects (as `audit --rev
    HEAD`: uncommitted changes are not seen), and gets NAME-COMMIT.json and NAME-COMMIT.html
    in the output directory; fleet.json lists them all, with the reason for every repository
    that could not be audited (not a git repository, no commit, a broken config). A failure
    never stops the others. Merge the reports into a dashboard with `auditor merge`.

    Exit codes: 0 every repository audited, 1 at least one failed, 2 usage error.

    \b
    Examples:
      auditor fleet ~/src/api ~/src/web ~/src/cli -o reports/
      auditor fleet --from repos.txt -o reports/ --jobs 4
      auditor fleet --from repos.txt -o reports/ --resume     # after an interruption
      auditor fleet --from repos.txt -o reports/ --db fleet-history.sqlite3
      auditor merge reports/*.json -o reports/fleet.html
    """
    paths = [str(path) for path in repositories]
    if list_file is not None:
        try:
            paths += read_list(list_file)
        except (OSError, UnicodeDecodeError) as error:
            raise UsageError(f"{list_file}: cannot read the repository list: {error}") from None
    if not paths:
        raise UsageError("no repositories given: name them, or use --from FILE")
    paths = list(dict.fromkeys(paths))
    target = output_dir(out, Path.cwd())
    target.mkdir(parents=True, exist_ok=True)
    with progress_bar(enabled=not quiet and interactive()) as progress:
        run = run_fleet(
            paths,
            target,
            jobs=worker_count(jobs),
            resume=resume,
            cache_dir=cache_dir_of(no_cache, cache_dir),
            progress=progress,
            database=database,
        )
    for entry in run.failed:
        click.echo(
            f"auditor: {visible(entry.path)}: not audited: {visible(entry.error or '')}", err=True
        )
    if not quiet:
        ok = len(run.entries) - len(run.failed)
        click.echo(
            f"{ok} of {len(run.entries)} repositories audited ({run.audited} now, "
            f"{run.reused} kept from an earlier run, {len(run.failed)} failed); "
            f"see {visible(str(out / FLEET_FILE))}",
            err=True,
        )
    return 1 if run.failed else 0
