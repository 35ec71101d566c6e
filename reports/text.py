"""The terminal report: score, level, categories, facts, top fixes and findings, via rich."""

from __future__ import annotations

import io
import re
from collections.abc import Iterable

from rich.console import Console, RenderableType

from auditor.model import RenderOptions, Report, inert

from . import text_coverage, text_facts, text_findings, text_packages, text_states, text_summary

_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def render(report: Report, options: RenderOptions) -> str:
    """The report as terminal text: plain unless `options.color`, wrapped to `options.width`.

    Verbosity -1 shows the score line and the top fixes; 0 adds categories, facts, a capped
    list of findings, packages and one-line summaries of what was not assessed; 1 shows every
    finding, every rule, and every skipped file. Control characters of the repository's
    names and texts are shown as escapes (`\\x1b`), never sent to the terminal.
    """
    report = inert(report)
    buffer = io.StringIO()
    console = _console(options, buffer)
    for index, section in enumerate(_sections(report, options)):
        if index:
            console.print()
        for renderable in section:
            console.print(renderable)
    return _strip_line_ends(buffer.getvalue())


def _strip_line_ends(text: str) -> str:
    """Drop the padding rich leaves at line ends, keeping any colour codes that close a line."""
    return "\n".join(_strip_line_end(line) for line in text.split("\n"))


def _strip_line_end(line: str) -> str:
    """`line` without its trailing blanks, the colour codes among them kept (one pass back)."""
    codes: list[str] = []
    line = line.rstrip(" \t")
    while (start := line.rfind("\x1b[")) >= 0 and _ANSI.fullmatch(line, start):
        codes.append(line[start:])
        line = line[:start].rstrip(" \t")
    return line + "".join(reversed(codes))


def _console(options: RenderOptions, buffer: io.StringIO) -> Console:
    """A console that writes to `buffer` and ignores the environment: options decide all."""
    return Console(
        file=buffer,
        force_terminal=options.color,
        color_system="standard" if options.color else None,
        no_color=not options.color,
        width=options.width,
        highlight=False,
        soft_wrap=False,
        markup=False,
        emoji=False,
        legacy_windows=False,
    )


def _sections(report: Report, options: RenderOptions) -> Iterable[list[RenderableType]]:
    """The report's sections in reading order; empty sections are left out."""
    quiet = options.verbosity < 0
    verbose = options.verbosity > 0
    sections: list[list[RenderableType]]
    if quiet:
        sections = [
            [text_summary.score_line(report)],
            text_findings.top_fixes(report, options.top, verbose=False),
        ]
    else:
        findings = text_states.finding_sections(report, verbose, options.width)
        compared = report.baseline is not None or report.change is not None
        sections = [
            text_summary.headline(report, verbose),
            findings if compared else [],  # what the change made worse comes first
            text_summary.categories(report, options.width),
            text_facts.facts(report.facts, verbose),
            text_findings.top_fixes(report, options.top, verbose),
            [] if compared else findings,
            text_packages.packages(report, verbose),
            text_coverage.rules(report.score.rules) if verbose else [],
            text_coverage.unassessed(report, verbose),
        ]
    return (section for section in sections if section)
