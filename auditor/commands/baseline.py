"""`auditor baseline`: record today's findings, score and level, so CI fails only on new ones."""

from __future__ import annotations

from pathlib import Path

import click

from auditor import api, baseline_file, safe_write
from auditor.baseline import compare
from auditor.baseline_file import Baseline
from auditor.commands.audit import split_ids
from auditor.commands.caching import cache_dir_of, no_cache_option
from auditor.config import load_config
from auditor.errors import UsageError
from auditor.inert_text import visible
from auditor.model import BaselineEntry, BaselineState, Report


@click.command("baseline")
@click.argument("path", type=click.Path(path_type=Path), default=".")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    help=f"The baseline file (default: PATH/{baseline_file.DEFAULT_NAME}).",
)
@click.option(
    "--update",
    is_flag=True,
    help="Rewrite an existing baseline: drop the findings that were fixed, keep the known "
    "ones; new findings are not added (see --accept-new) and the score never drops.",
)
@click.option(
    "--accept-new",
    is_flag=True,
    help="With --update: also record today's new findings, score and level.",
)
@click.option("--select", multiple=True, metavar="IDS", help="Only these rules (as for audit).")
@click.option("--ignore", multiple=True, metavar="IDS", help="Leave out these rules.")
@click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Read settings from this file instead of .auditor.toml / pyproject.toml.",
)
@no_cache_option
def baseline_command(
    path: Path,
    output: Path | None,
    update: bool,
    accept_new: bool,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    config_path: Path | None,
    no_cache: bool,
) -> int:
    """Record the findings, score and level of the repository at PATH in a baseline file.

    Commit the file; then `auditor audit --baseline FILE` marks every finding new or known,
    `--fail-on` and `--fail-on-new` count only the new ones, and `--fail-on-regression`
    fails when the score or level drops below the recorded one. The file is sorted JSON
    with no line numbers or dates, so it changes only when the findings do.

    \b
    Examples:
      auditor baseline .                         write ./.auditor-baseline.json
      auditor baseline . -o ci/auditor-baseline.json
      auditor baseline . --update                drop what was fixed since
      auditor baseline . --update --accept-new   also accept today's new findings
    """
    if accept_new and not update:
        raise UsageError("--accept-new only applies with --update")
    root = api.check_root(path)
    shown = output if output is not None else root / baseline_file.DEFAULT_NAME
    target = safe_write.output_target(shown, root)
    previous = baseline_file.read(shown) if update else None
    config = load_config(root, config_path).override(
        select=split_ids(select), ignore=split_ids(ignore)
    )
    for warning in config.warnings:
        click.echo(f"auditor: warning: {visible(warning)}", err=True)
    report = api.audit(root, config, cache_dir=cache_dir_of(no_cache, None), jobs=config.jobs)
    if previous is None:
        recorded = baseline_file.of_report(report)
        summary = f"{len(recorded.findings)} finding(s)"
    else:
        recorded, summary = updated(previous, report, accept_new=accept_new)
    safe_write.write_text(target, baseline_file.dumps(recorded), str(shown))
    click.echo(
        f"wrote {visible(str(shown))}: {summary}; score {recorded.score:.1f}, "
        f"level {recorded.level}"
    )
    return 0


def updated(previous: Baseline, report: Report, *, accept_new: bool) -> tuple[Baseline, str]:
    """`previous` brought up to date with `report`, and a one-line summary of what changed.

    Fixed findings are dropped and known ones kept (with today's message); new ones are added
    only with `accept_new`. Without it the ratchet never loosens: the score and level kept
    are the higher of the two, and a rule failing only today is not recorded as failing."""
    compared = compare(
        report,
        previous.findings,
        source="",
        score=previous.score,
        level=previous.level,
        failing=previous.failing_rules,
    )
    assert compared.baseline is not None
    today = baseline_file.of_report(compared)
    chosen = [
        f
        for f in compared.findings
        if f.suppressed is None and (accept_new or f.baseline is BaselineState.KNOWN)
    ]
    entries = tuple(
        sorted(
            (BaselineEntry(f.fingerprint, f.rule, f.path, f.message) for f in chosen),
            key=BaselineEntry.sort_key,
        )
    )
    fixed, new = len(compared.baseline.fixed), compared.baseline.new
    left = f", {new} new not added (--accept-new adds them)" if new and not accept_new else ""
    added = f", {new} new added" if new and accept_new else ""
    summary = f"{len(entries)} finding(s), {fixed} fixed dropped{added}{left}"
    if accept_new:
        return Baseline(today.score, today.level, today.failing_rules, entries), summary
    return (
        Baseline(
            score=max(previous.score, today.score),
            level=max(previous.level, today.level),
            failing_rules=tuple(sorted(set(previous.failing_rules) & set(today.failing_rules))),
            findings=entries,
        ),
        summary,
    )
