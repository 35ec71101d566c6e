"""The fleet dashboard: one self-contained, byte-stable HTML page from the fleet summary."""

from __future__ import annotations

from typing import Any

from auditor.model import FleetSummary, RenderOptions, inert

from . import html, html_view

PAGE = "fleet.html.j2"
ASSETS = ("report.css", "fleet.css", "fleet.js")
TOP_RULES = 15
HISTOGRAM_HEIGHT = 120
BAR_WIDTH = 56
BAR_GAP = 16


def render(summary: FleetSummary, options: RenderOptions) -> str:
    """The dashboard as one HTML document: inline CSS, JavaScript and SVG, nothing loaded.

    Readable without JavaScript (a static table, best score first); the script adds sorting
    by any column and filtering by name, level and language. Every value is escaped.
    """
    return html.environment().get_template(PAGE).render(context(inert(summary), options))


def context(summary: FleetSummary, options: RenderOptions) -> dict[str, Any]:
    """The template's variables: the view-model of `summary`."""
    count = len(summary.repositories)
    mean = sum(r.score for r in summary.repositories) / count if count else 0.0
    return {
        "summary": summary,
        "assets": html.inline_assets(ASSETS),
        "count": count,
        "mean": html_view.points(mean),
        "mean_tone": html_view.tone(mean),
        "points": html_view.points,
        "tone": html_view.tone,
        "short": html_view.SHORT_COMMIT,
        "histogram": _histogram(summary.levels),
        "top_rules": summary.failing_rules[:TOP_RULES],
        "languages": sorted({r.primary_language or "none" for r in summary.repositories}),
    }


def _histogram(levels: tuple[tuple[int, int], ...]) -> dict[str, Any]:
    """Bars of the level distribution, scaled to the fullest level."""
    most = max((count for _, count in levels), default=0) or 1
    bars = []
    for position, (level, count) in enumerate(levels):
        height = round(HISTOGRAM_HEIGHT * count / most)
        x = position * (BAR_WIDTH + BAR_GAP)
        bars.append(
            {
                "level": level,
                "count": count,
                "x": x,
                "y": 20 + HISTOGRAM_HEIGHT - height,
                "height": height,
                "label_x": x + BAR_WIDTH // 2,
            }
        )
    width = len(levels) * (BAR_WIDTH + BAR_GAP) - BAR_GAP
    return {"bars": bars, "width": width, "height": HISTOGRAM_HEIGHT + 44, "bar": BAR_WIDTH}
