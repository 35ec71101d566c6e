"""The Markdown report: for a pull-request comment, a wiki page or a file next to the code."""

from __future__ import annotations

from functools import cache
from typing import Any

import jinja2

from auditor.model import RenderOptions, Report

from . import markdown_facts, markdown_sections, markdown_states
from .markdown_text import code, number, text

TEMPLATE = "report.md.j2"
SHORT_COMMIT = 12


def render(report: Report, options: RenderOptions) -> str:
    """The report as GitHub-flavoured Markdown, the same bytes for the same report.

    Verbosity -1 gives the score, the next level and the top fixes; 0 adds categories,
    findings (up to 25 per category), packages, facts and what was not assessed; 1 lists
    every finding (the long tail folded into `<details>`) and every rule.
    """
    return environment().get_template(TEMPLATE).render(context(report, options))


@cache
def environment() -> jinja2.Environment:
    """The template environment: values arrive escaped for Markdown, so no HTML autoescape."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader("auditor_reports", "templates"),
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )


def context(report: Report, options: RenderOptions) -> dict[str, Any]:
    """Everything the template shows, already escaped and ordered."""
    score = report.score
    next_sentence, blocking = markdown_sections.next_level(report)
    package_summary, package_rows = markdown_sections.packages(report)
    diagnostic_summary, diagnostic_rows = markdown_sections.diagnostics(report.diagnostics)
    return {
        "quiet": options.verbosity < 0,
        "verbose": options.verbosity > 0,
        "title": text(report.repository.name),
        "subtitle": _subtitle(report),
        "score": number(score.score),
        "level": score.level,
        "top_level": markdown_sections.TOP_LEVEL,
        "next_sentence": next_sentence,
        "blocking": blocking,
        "categories": markdown_sections.categories(report),
        "top_fixes": markdown_sections.top_fixes(report, options.top),
        **markdown_states.finding_context(report, options.verbosity > 0),
        "package_summary": package_summary,
        "packages": package_rows,
        "facts": markdown_facts.fact_rows(report.facts),
        "unassessed": markdown_sections.unassessed(report),
        "diagnostic_summary": diagnostic_summary,
        "diagnostics": diagnostic_rows,
        "rules": markdown_sections.rules(report.score.rules),
        "links": markdown_sections.link_definitions(report),
    }


def _subtitle(report: Report) -> str:
    commit = report.repository.commit
    at = f"commit {code(commit[:SHORT_COMMIT])} · " if commit else ""
    return f"{at}{text(report.tool_name)} {text(report.tool_version)}"
