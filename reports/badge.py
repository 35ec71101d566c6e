"""The badge: a small flat SVG "agent-ready | 87 · L3" and a shields.io endpoint document."""

from __future__ import annotations

import json
from xml.sax.saxutils import escape

from auditor.model import RenderOptions, Report

LABEL = "agent-ready"
LEVEL_COLOURS = {
    1: "#e05d44",
    2: "#fe7d37",
    3: "#dfb317",
    4: "#97ca00",
    5: "#44cc11",
}
"""Red to bright green, as shields.io colours them; the hex values keep the SVG self-contained."""
SHIELDS_COLOURS = {1: "red", 2: "orange", 3: "yellow", 4: "yellowgreen", 5: "brightgreen"}
LABEL_COLOUR = "#555"
CHAR_WIDTH = 6.5
"""Average glyph width of 11px Verdana, close enough for short badge text."""
PADDING = 10
HEIGHT = 20


def message(report: Report) -> str:
    """`87 · L3`: the score rounded to a whole number and the level."""
    return f"{int(report.score.score + 0.5)} · L{report.score.level}"


def render(report: Report, options: RenderOptions) -> str:
    """The badge as SVG text: deterministic, escaped, no fonts or images fetched."""
    value = message(report)
    colour = LEVEL_COLOURS.get(report.score.level, LEVEL_COLOURS[1])
    left = _width(LABEL)
    right = _width(value)
    total = left + right
    title = escape(f"{LABEL}: {value} (score {report.score.score:.1f} / 100, level "
                   f"{report.score.level} of 5)")  # fmt: skip
    title = escape(title, {'"': "&quot;"})
    label, shown = escape(LABEL), escape(value)
    return "\n".join([
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{total}" height="{HEIGHT}" '
        f'role="img" aria-label="{title}">',
        f"  <title>{title}</title>",
        '  <linearGradient id="s" x2="0" y2="100%">'
        '<stop offset="0" stop-color="#bbb" stop-opacity=".1"/>'
        '<stop offset="1" stop-opacity=".1"/></linearGradient>',
        f'  <clipPath id="r"><rect width="{total}" height="{HEIGHT}" rx="3" fill="#fff"/>'
        "</clipPath>",
        '  <g clip-path="url(#r)">',
        f'    <rect width="{left}" height="{HEIGHT}" fill="{LABEL_COLOUR}"/>',
        f'    <rect x="{left}" width="{right}" height="{HEIGHT}" fill="{colour}"/>',
        f'    <rect width="{total}" height="{HEIGHT}" fill="url(#s)"/>',
        "  </g>",
        '  <g fill="#fff" text-anchor="middle" '
        'font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">',
        f'    <text x="{left / 2:g}" y="15" fill="#010101" fill-opacity=".3">{label}</text>',
        f'    <text x="{left / 2:g}" y="14">{label}</text>',
        f'    <text x="{left + right / 2:g}" y="15" fill="#010101" fill-opacity=".3">'
        f"{shown}</text>",
        f'    <text x="{left + right / 2:g}" y="14">{shown}</text>',
        "  </g>",
        "</svg>",
        "",
    ])  # fmt: skip


def _width(text: str) -> int:
    return round(len(text) * CHAR_WIDTH) + PADDING


def render_endpoint(report: Report, options: RenderOptions) -> str:
    """The shields.io endpoint document (https://shields.io/badges/endpoint-badge)."""
    document = {
        "schemaVersion": 1,
        "label": LABEL,
        "message": message(report),
        "color": SHIELDS_COLOURS.get(report.score.level, SHIELDS_COLOURS[1]),
    }
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
