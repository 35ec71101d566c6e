"""The score history as an SVG line chart: standalone (GitHub Markdown shows it), or inline."""

from __future__ import annotations

from markupsafe import Markup, escape

from auditor.model import History, RenderOptions, inert

WIDTH, HEIGHT = 760, 320
LEFT, RIGHT, TOP, BOTTOM = 44, 16, 16, 84
SERIES_COLOURS = {
    "score": "#1f2328",
    "instructions": "#0969da",
    "feedback": "#1a7f37",
    "navigability": "#8250df",
    "documentation": "#bf8700",
    "environment": "#cf222e",
    "safety": "#57606a",
}


def render(history: History, options: RenderOptions) -> str:
    """The chart as a standalone SVG document (no script, no external reference)."""
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + str(chart(history)) + "\n"


def chart(history: History) -> Markup:
    """The chart's `<svg>` element: the score (bold) and each category over the commits,
    oldest on the left; a dot where a rule changed status, its changes in a tooltip."""
    history = inert(history)
    points = history.points
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(i: int) -> float:
        return LEFT + (plot_w * i / (len(points) - 1) if len(points) > 1 else plot_w / 2)

    def y(value: float) -> float:
        return TOP + plot_h * (1 - value / 100)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" font-family="sans-serif" font-size="11">',
        f"<title>{escape(_title(history))}</title>",
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>',
    ]
    for mark in (0, 25, 50, 75, 100):
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(mark):.1f}" y2="{y(mark):.1f}" '
            f'stroke="#d1d9e0" stroke-width="1"/>'
            f'<text x="{LEFT - 6}" y="{y(mark) + 4:.1f}" text-anchor="end" fill="#59636e">'
            f"{mark}</text>"
        )
    for name, colour in SERIES_COLOURS.items():
        values = [p.score if name == "score" else dict(p.categories).get(name) for p in points]
        line = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(values) if v is not None)
        if line:
            width = 3 if name == "score" else 1.5
            parts.append(
                f'<polyline class="series" data-series="{name}" points="{line}" fill="none" '
                f'stroke="{colour}" stroke-width="{width}" stroke-linejoin="round"/>'
            )
    for i, point in enumerate(points):
        if point.decisive:
            tip = "; ".join(change.summary for change in point.decisive)
            parts.append(
                f'<circle class="step" cx="{x(i):.1f}" cy="{y(point.score):.1f}" r="4.5" '
                f'fill="#cf222e"><title>{escape(point.commit[:7])}: {escape(tip)}</title>'
                "</circle>"
            )
    if points:
        label_y = HEIGHT - BOTTOM + 16
        parts.append(
            f'<text x="{x(0):.1f}" y="{label_y}" fill="#59636e">'
            f"{escape(points[0].commit[:7])}</text>"
            f'<text x="{x(len(points) - 1):.1f}" y="{label_y}" text-anchor="end" '
            f'fill="#59636e">{escape(points[-1].commit[:7])}</text>'
        )
    for n, (name, colour) in enumerate(SERIES_COLOURS.items()):
        lx = LEFT + (n % 4) * 170
        ly = HEIGHT - BOTTOM + 40 + (n // 4) * 18
        parts.append(
            f'<rect x="{lx}" y="{ly - 9}" width="14" height="4" fill="{colour}"/>'
            f'<text x="{lx + 20}" y="{ly - 4}" fill="#1f2328">{name}</text>'
        )
    parts.append("</svg>")
    return Markup("\n".join(parts))


def _title(history: History) -> str:
    if not history.points:
        return f"{history.repository}: no history recorded"
    first, last = history.points[0], history.points[-1]
    return (
        f"{history.repository}: agent-readiness score over {len(history.points)} commits of "
        f"{history.branch}, {first.score:.1f} to {last.score:.1f}"
    )
