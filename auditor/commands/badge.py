"""`auditor badge PATH`: audit, then write an SVG badge and a shields.io endpoint document."""

from __future__ import annotations

from pathlib import Path

import click

from auditor import api, registry, report_document, safe_write
from auditor.commands.caching import cache_dir_of, no_cache_option
from auditor.config import load_config
from auditor.inert_text import visible
from auditor.model import RenderOptions, Report, ReportFacts, Score

SVG_NAME = "auditor-badge.svg"
ENDPOINT_NAME = "auditor-badge.json"
RENDERERS = ((SVG_NAME, "badge"), (ENDPOINT_NAME, "badge-json"))


@click.command("badge")
@click.argument("path", type=click.Path(path_type=Path), default=".")
@click.option(
    "-o",
    "--output-dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("."),
    show_default=True,
    help="Directory to write auditor-badge.svg and auditor-badge.json into.",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Read settings from this file instead of .auditor.toml / pyproject.toml.",
)
@no_cache_option
def badge_command(path: Path, output_dir: Path, config_path: Path | None, no_cache: bool) -> int:
    """Write a badge of the score and level of the repository at PATH (audited now), or of
    the JSON report PATH (from `auditor audit -o report.json`).

    Writes auditor-badge.svg (a flat badge, "agent-ready | 87 · L3", coloured by level) and
    auditor-badge.json (a shields.io endpoint: https://shields.io/badges/endpoint-badge).

    \b
    Examples:
      auditor badge . -o .github/badges
      auditor badge report.json -o .github/badges
    and in README.md:
      ![agent-ready](.github/badges/auditor-badge.svg)
    """
    renderers = registry.load_renderers()
    saved = path.is_file()
    untrusted = Path.cwd() if saved else api.check_root(path)
    directory = safe_write.output_dir(output_dir, untrusted)
    chosen = [
        (
            output_dir / name,
            safe_write.output_target(directory / name, untrusted),
            renderers.get(fmt),
        )
        for name, fmt in RENDERERS
    ]
    report = _saved_report(path) if saved else _audit(path, config_path, no_cache)
    for shown, target, renderer in chosen:
        safe_write.write_text(target, renderer(report, RenderOptions()), str(shown))
        click.echo(f"wrote {shown}")
    return 0


def _audit(path: Path, config_path: Path | None, no_cache: bool) -> Report:
    root = api.check_root(path)
    config = load_config(root, config_path)
    for warning in config.warnings:
        click.echo(f"auditor: warning: {visible(warning)}", err=True)
    cache = cache_dir_of(no_cache, None)
    return api.audit(root, config, cache_dir=cache, jobs=config.jobs)


def _saved_report(path: Path) -> Report:
    """The parts of a saved JSON report a badge shows: its score and level."""
    saved = report_document.read(path)
    return Report(
        tool_name=api.TOOL_NAME,
        tool_version=saved.tool_version,
        repository=saved.repository,
        score=Score(score=saved.score, level=saved.level, next_level=None, categories=(), rules=()),
        facts=ReportFacts(),
        findings=saved.findings,
        packages=(),
        diagnostics=(),
    )
