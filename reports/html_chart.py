"""The category chart of the HTML report: bar geometry for an inline SVG, and its table."""

from __future__ import annotations

from dataclasses import dataclass

from auditor.model import Category, CategoryScore

from .html_view import points, tone

LABEL_WIDTH = 130
BAR_WIDTH = 400
VALUE_WIDTH = 70
ROW_HEIGHT = 34
BAR_HEIGHT = 18
TOP = 24
"""Room above the first bar for the scale's labels."""
MARKS = (0, 50, 80, 100)
"""Scale lines: the edges, and where a score turns fair and good."""


@dataclass(frozen=True, slots=True)
class Bar:
    """One category: its label, bar geometry (SVG user units) and the value shown."""

    category: str
    y: int
    text_y: int
    width: int
    value: str
    tone: str
    passed: int
    applicable: int
    share: str
    """The category's share of the overall weight, as a percentage."""


@dataclass(frozen=True, slots=True)
class Mark:
    """A vertical scale line and its label."""

    x: int
    label: str


@dataclass(frozen=True, slots=True)
class Chart:
    """The chart's bars, scale and overall size."""

    bars: tuple[Bar, ...]
    marks: tuple[Mark, ...]
    width: int
    height: int
    bar_x: int
    bar_width: int
    bar_height: int
    value_x: int


def chart(categories: tuple[CategoryScore, ...]) -> Chart:
    """A bar per category, in the order the design lists categories."""
    by_id = {category.id: category for category in categories}
    present = [by_id[category] for category in Category if category in by_id]
    bars = tuple(_bar(index, category) for index, category in enumerate(present))
    marks = tuple(Mark(LABEL_WIDTH + BAR_WIDTH * mark // 100, str(mark)) for mark in MARKS)
    return Chart(
        bars=bars,
        marks=marks,
        width=LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH,
        height=TOP + ROW_HEIGHT * len(bars),
        bar_x=LABEL_WIDTH,
        bar_width=BAR_WIDTH,
        bar_height=BAR_HEIGHT,
        value_x=LABEL_WIDTH + BAR_WIDTH + 10,
    )


def _bar(index: int, category: CategoryScore) -> Bar:
    y = TOP + index * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) // 2
    score = category.score
    width = 0 if score is None else round(max(0.0, min(100.0, score)) / 100 * BAR_WIDTH)
    return Bar(
        category=category.id.value,
        y=y,
        text_y=y + BAR_HEIGHT - 4,
        width=width,
        value="n/a" if score is None else points(score),
        tone="none" if score is None else tone(score),
        passed=category.passed,
        applicable=category.passed + category.failed,
        share=f"{round(category.weight * 100)}%",
    )
