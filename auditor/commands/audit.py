"""`auditor audit`: score a repository, print the report, write report files, apply the gate."""

from __future__ import annotations

import contextlib
import io
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import click

from auditor import api, baseline_file, pull_request, registry
from auditor.baseline import compare
from auditor.commands.caching import cache_dir_of, cache_options
from auditor.config import Config, load_config
from auditor.errors import UsageError
from auditor.gate import gate_failures
from auditor.git_tree import GitTree
from auditor.history import with_history
from auditor.inert_text import visible
from auditor.model import RenderOptions, Report, Severity
from auditor.progress import interactive, progress_bar
from auditor.safe_write import output_target, write_text

FORMAT_BY_SUFFIX = {
    ".json": "json",
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".sarif": "sarif",
    ".svg": "badge",
}


def split_ids(values: tuple[str, ...]) -> tuple[str, ...]:
    """`--select A,B --select C` -> (A, B, C)."""
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def _format_for(path: Path) -> str:
    suffixes = "".join(path.suffixes[-2:]).lower()
    if suffixes.endswith(".sarif.json"):
        return "sarif"
    name = FORMAT_BY_SUFFIX.get(path.suffix.lower())
    if name is None:
        known = ", ".join(sorted(FORMAT_BY_SUFFIX))
        raise UsageError(
            f"{path}: cannot tell the report format from the extension (use one of {known})"
        )
    return name


@click.command("audit")
@click.argument("path", type=click.Path(path_type=Path), default=".")
@click.option(
    "--format",
    "fmt",
    default="text",
    show_default=True,
    metavar="FORMAT",
    help="Format printed on stdout: text, json, markdown, html, sarif, gitlab (a GitLab "
    "Code Quality report), badge (or any installed renderer).",
)
@click.option(
    "-o",
    "--output",
    "outputs",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Also write a report to FILE; the format follows the extension "
    "(.json, .txt, .md, .html, .sarif). Repeatable.",
)
@click.option(
    "--fail-under",
    type=click.FloatRange(0, 100),
    metavar="SCORE",
    help="Exit 1 when the score is below SCORE (0-100).",
)
@click.option(
    "--fail-on",
    type=click.Choice([s.value for s in Severity]),
    help="Exit 1 when any finding is at or above this severity.",
)
@click.option(
    "--baseline",
    "baseline_path",
    type=click.Path(path_type=Path, dir_okay=False),
    metavar="FILE",
    help="Mark each finding new or known against this baseline (`auditor baseline`); "
    "--fail-on then counts only new findings, and fixed ones are listed.",
)
@click.option(
    "--fail-on-new",
    is_flag=True,
    help="Exit 1 when any finding is new (needs --baseline).",
)
@click.option(
    "--fail-on-regression",
    is_flag=True,
    help="Exit 1 when the score or the level is below the baseline's, naming the rules "
    "that made the difference (needs --baseline).",
)
@click.option(
    "--select",
    multiple=True,
    metavar="IDS",
    help="Only these rules: ids, id prefixes (INS) or categories, comma-separated.",
)
@click.option("--ignore", multiple=True, metavar="IDS", help="Leave out these rules (same forms).")
@click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Read settings from this file instead of .auditor.toml / pyproject.toml.",
)
@click.option(
    "--rev",
    metavar="REF",
    help="Audit this commit (a hash, branch or tag) from git objects instead of the work "
    "tree, which is neither read nor changed.",
)
@click.option(
    "--changed-since",
    metavar="REF",
    help="Pull-request mode: report only the findings of the files changed since the merge "
    "base with REF (and of rules whose inputs changed), with the score there and now; "
    "without --baseline the merge base is the baseline.",
)
@click.option(
    "--history-db",
    type=click.Path(path_type=Path, dir_okay=False),
    help="The `auditor history` database the HTML report's History section reads (default: "
    "the user cache's, when it exists).",
)
@cache_options
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(1, 256),
    help="Parser processes (default and most: the CPUs this process may use).",
)
@click.option(
    "-q", "--quiet", is_flag=True, help="Only the score, level and top fixes; no progress."
)
@click.option("-v", "--verbose", is_flag=True, help="Every finding, rule and skipped file.")
@click.option(
    "--color/--no-color", default=None, help="Force colour on or off (default: on a terminal)."
)
def audit_command(
    path: Path,
    fmt: str,
    outputs: tuple[Path, ...],
    fail_under: float | None,
    fail_on: str | None,
    baseline_path: Path | None,
    fail_on_new: bool,
    fail_on_regression: bool,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    config_path: Path | None,
    rev: str | None,
    changed_since: str | None,
    history_db: Path | None,
    no_cache: bool,
    cache_dir: Path | None,
    jobs: int | None,
    quiet: bool,
    verbose: bool,
    color: bool | None,
) -> int:
    """Audit the repository at PATH (default: the current directory).

    Prints the score (0-100), the level (1-5) and what the next level needs, a score per
    category, the facts found (languages, test command, tools, CI, instruction files) and
    the fixes that would raise the score most. Nothing is written into the repository
    except the report files you name with -o.

    \b
    Examples:
      auditor audit .
      auditor audit ../service --format json > report.json
      auditor audit . -o report.json -o report.sarif --fail-on high
      auditor audit . --select INS,FEE --ignore FEE004
      auditor audit . --baseline .auditor-baseline.json --fail-on-new --fail-on-regression
      auditor audit . --changed-since origin/main --fail-on-new
      auditor audit . --rev origin/main --format json > base.json
    """
    _check_usage(
        quiet=quiet,
        verbose=verbose,
        fail_on_new=fail_on_new,
        fail_on_regression=fail_on_regression,
        baseline_path=baseline_path,
        changed_since=changed_since,
        rev=rev,
    )
    root = api.check_root(path)
    recorded = baseline_file.read(baseline_path) if baseline_path is not None else None
    tree, within = api.open_revision(root, rev) if rev is not None else (None, "")
    with tree if tree is not None else contextlib.nullcontext():
        config = load_config(root, config_path, tree=tree, within=within).override(
            select=split_ids(select),
            ignore=split_ids(ignore),
            fail_under=fail_under,
            fail_on=Severity(fail_on) if fail_on else None,
            jobs=jobs,
        )
        for warning in config.warnings:
            click.echo(f"auditor: warning: {visible(warning)}", err=True)
        renderers = registry.load_renderers()
        stdout_renderer = renderers.get(fmt)
        files = [(o, output_target(o, root), renderers.get(_format_for(o))) for o in outputs]
        report = _build_report(
            root,
            config,
            tree,
            changed_since=changed_since,
            cache=cache_dir_of(no_cache, cache_dir),
            against=_against(recorded, baseline_path),
            quiet=quiet,
        )
        if "html" in (fmt, *(_format_for(o) for o in outputs)):
            report = with_history(report, root, history_db)
    options = _stdout_options(fmt, color, quiet, verbose)
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(errors="replace")  # a narrow-charset pipe never crashes the report
    click.echo(stdout_renderer(report, options), nl=False, color=options.color)
    for out, target, renderer in files:
        write_text(target, renderer(report, RenderOptions(verbosity=1)), str(out))
    return _gate(
        report,
        config.fail_under,
        config.fail_on,
        fail_on_new=fail_on_new,
        fail_on_regression=fail_on_regression,
    )


def _check_usage(
    *,
    quiet: bool,
    verbose: bool,
    fail_on_new: bool,
    fail_on_regression: bool,
    baseline_path: Path | None,
    changed_since: str | None,
    rev: str | None,
) -> None:
    """Refuse option combinations that cannot work together, in one clear line."""
    if quiet and verbose:
        raise UsageError("--quiet and --verbose cannot be used together")
    if (fail_on_new or fail_on_regression) and baseline_path is None and changed_since is None:
        flag = "--fail-on-new" if fail_on_new else "--fail-on-regression"
        raise UsageError(
            f"{flag} needs --baseline FILE (record one with `auditor baseline`) "
            "or --changed-since REF"
        )
    if changed_since is not None and rev is not None:
        raise UsageError("--changed-since and --rev cannot be used together")


def _build_report(
    root: Path,
    config: Config,
    tree: GitTree | None,
    *,
    changed_since: str | None,
    cache: Path | None,
    against: Callable[[Report], Report] | None,
    quiet: bool,
) -> Report:
    """The report: of the change since `changed_since` in pull-request mode, else of the
    whole tree (or revision), compared with the baseline when there is one."""
    with progress_bar(enabled=not quiet and interactive()) as progress:
        if changed_since is not None:
            return pull_request.audit_change(
                root,
                changed_since,
                config,
                cache_dir=cache,
                jobs=config.jobs,
                progress=progress,
                compare_with=against,
            )
        report = api.audit(
            root, config, cache_dir=cache, jobs=config.jobs, progress=progress, rev=tree
        )
        return against(report) if against is not None else report


def _against(
    recorded: baseline_file.Baseline | None, shown: Path | None
) -> Callable[[Report], Report] | None:
    """The comparison of a report with the baseline file `shown`, or None without one."""
    if recorded is None or shown is None:
        return None
    return lambda report: compare(
        report,
        recorded.findings,
        source=str(shown),
        score=recorded.score,
        level=recorded.level,
        failing=recorded.failing_rules,
    )


def _stdout_options(fmt: str, color: bool | None, quiet: bool, verbose: bool) -> RenderOptions:
    """Colour only for text on a terminal (unless forced); the terminal's width, within limits."""
    tty = sys.stdout.isatty()
    use_color = color if color is not None else (tty and fmt == "text")
    verbosity = -1 if quiet else (1 if verbose else 0)
    width = shutil.get_terminal_size((100, 24)).columns if tty else 100
    return RenderOptions(color=use_color, verbosity=verbosity, width=max(60, min(width, 160)))


def _gate(
    report: Report,
    fail_under: float | None,
    fail_on: Severity | None,
    *,
    fail_on_new: bool,
    fail_on_regression: bool,
) -> int:
    reasons = gate_failures(
        report,
        fail_under,
        fail_on,
        fail_on_new=fail_on_new,
        fail_on_regression=fail_on_regression,
    )
    for reason in reasons:
        click.echo(f"auditor: gate failed: {visible(reason)}", err=True)
    return 1 if reasons else 0
