"""The HTML report: one self-contained, byte-stable page rendered from jinja2 templates."""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import Any

from jinja2 import Environment, FunctionLoader, StrictUndefined
from markupsafe import Markup

from auditor.model import Category, RenderOptions, Report, Status, inert

from . import history_svg, html_chart, html_facts, html_filters, html_view
from .change_text import change_sentence
from .finding_states import baseline_sentence, states

TEMPLATES = "templates"
PAGE = "report.html.j2"
ASSETS = ("report.css", "report.js")


def render(report: Report, options: RenderOptions) -> str:
    """The report as one HTML document; `options.top` caps the top fixes, the rest is complete.

    Everything the page needs is inline (CSS, JavaScript, an SVG chart): it opens offline and
    loads nothing. Every value from the report is escaped by jinja2's autoescaping; the page
    is readable without JavaScript, which only adds filtering, sorting and copy buttons.
    Control characters are shown as escapes, so the page is inert even printed on a terminal.
    """
    return _environment().get_template(PAGE).render(context(inert(report), options))


def context(report: Report, options: RenderOptions) -> dict[str, Any]:
    """The template's variables: the view-model of `report`."""
    score = report.score
    titles = {rule.id: rule.title for rule in score.rules}
    findings = html_view.finding_rows(report)
    categories = [category.value for category in Category]
    present = {finding.category for finding in findings}
    return {
        "report": report,
        "assets": _assets(),
        "title": f"{report.repository.name}: agent readiness {html_view.points(score.score)}",
        "commit": (report.repository.commit or "")[: html_view.SHORT_COMMIT],
        "score": html_view.points(score.score),
        "tone": html_view.tone(score.score),
        "top_level": html_view.TOP_LEVEL,
        "next_step": html_view.next_step(score.next_level, titles),
        "chart": html_chart.chart(score.categories),
        "top_fixes": report.top_fixes[: max(options.top, 0)],
        "points": html_view.points,
        "findings": findings,
        "severity_counts": html_view.severity_counts(report.findings),
        "baseline_sentence": baseline_sentence(states(report), report.change is None),
        "change_sentence": change_sentence(report),
        "fixed": report.baseline.fixed if report.baseline is not None else (),
        "filters": {
            "category": html_view.options([c for c in categories if c in present]),
            "severity": html_view.options([f.severity for f in findings]),
            "package": html_view.options(sorted({f.package for f in findings})),
        },
        "facts": html_facts.facts(report.facts),
        "largest_files": html_facts.largest_files(report.facts),
        "raw_facts": html_facts.raw(report.facts),
        "packages": html_view.package_rows(report.packages),
        "rules": html_view.rule_rows(score.rules, categories),
        "not_applicable": [r for r in score.rules if r.status is Status.NOT_APPLICABLE],
        "errored": [r for r in score.rules if r.status is Status.ERROR],
        "diagnostics": sorted(report.diagnostics, key=lambda d: (d.path, d.kind, d.message)),
        **_history(report),
    }


def _history(report: Report) -> dict[str, Any]:
    """The History section's variables: nothing to show unless a history was recorded."""
    history = report.history if report.history and report.history.points else None
    return {"history": history, "history_chart": history_svg.chart(history) if history else ""}


def environment() -> Environment:
    """The jinja2 environment of the HTML pages (the report, the fleet dashboard)."""
    return _environment()


def inline_assets(names: tuple[str, ...]) -> dict[str, Markup]:
    """The named templates' files, inlined verbatim by kind ("css", "js"): several files
    of one kind are joined in the given order."""
    found: dict[str, list[str]] = {}
    for name in names:
        found.setdefault(name.rsplit(".", 1)[1], []).append(_source(name))
    return {kind: Markup("\n".join(texts)) for kind, texts in found.items()}


@cache
def _environment() -> Environment:
    environment = Environment(
        loader=FunctionLoader(_source),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters.update(html_filters.FILTERS)
    return environment


def _source(name: str) -> str:
    return files("auditor_reports").joinpath(TEMPLATES, name).read_text(encoding="utf-8")


@cache
def _assets() -> dict[str, Markup]:
    """The stylesheet and script, inlined verbatim (they are ours, not the report's)."""
    return {name.rsplit(".", 1)[1]: Markup(_source(name)) for name in ASSETS}
