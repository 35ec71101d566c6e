"""The top of the terminal report: repository, score and level, and the category bars."""

from __future__ import annotations

from rich.console import RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from auditor.model import Category, CategoryScore, NextLevel, Report

from .change_text import change_sentence, score_change

TOP_LEVEL = 5
BAR_CELLS = 20
"""Cells of a category bar at the default width; narrower consoles get shorter bars."""
SHORT_COMMIT = 12
BLOCKING_SHOWN = 8


def score_style(score: float) -> str:
    """Green from 80, yellow from 50, red below: the colour of a score wherever it appears."""
    if score >= 80:
        return "green"
    return "yellow" if score >= 50 else "red"


def score_line(report: Report) -> Text:
    """`Score 65.6 / 100 · Level 3 of 5`: the line a quiet run prints."""
    score = report.score
    line = Text.assemble(
        ("Score ", "bold"),
        (f"{score.score:.1f}", f"bold {score_style(score.score)}"),
        " / 100  ·  ",
        (f"Level {score.level} of {TOP_LEVEL}", "bold"),
    )
    change = score_change(report)
    if change is not None and report.change is not None:
        line.append(f"  ·  {change} since {report.change.ref}")
    return line


def headline(report: Report, verbose: bool) -> list[RenderableType]:
    """The repository line, the score line and what the next level needs."""
    repository = report.repository
    title = Text(repository.name, style="bold")
    if repository.commit:
        title.append(f" @ {repository.commit[:SHORT_COMMIT]}")
    title.append(f"  ({report.tool_name} {report.tool_version})", style="dim")
    lines: list[RenderableType] = [title, score_line(report)]
    sentence = change_sentence(report, with_score=False)
    if sentence is not None:
        lines.append(Text(sentence, style="bold"))
    return [*lines, _next_level(report.score.next_level, verbose)]


def _next_level(next_level: NextLevel | None, verbose: bool) -> Text:
    if next_level is None:
        return Text(f"Level {TOP_LEVEL} is the top level: keep it there.", style="green")
    blocking = list(next_level.blocking)
    if not blocking:
        return Text(f"Level {next_level.level} is next.")
    shown = blocking if verbose else blocking[:BLOCKING_SHOWN]
    listed = ", ".join(shown) + (", …" if len(shown) < len(blocking) else "")
    if next_level.needed < len(blocking):
        which = f"{next_level.needed} of these {len(blocking)} rules"
    else:
        which = "this rule" if len(blocking) == 1 else f"these {len(blocking)} rules"
    return Text.assemble(f"Level {next_level.level} needs {which} to pass: ", (listed, "bold"))


def categories(report: Report, width: int) -> list[RenderableType]:
    """A row per category, in the order the design lists them, each with a score bar."""
    cells = max(5, min(BAR_CELLS, width - 40))
    table = Table.grid(padding=(0, 2))
    table.add_column(no_wrap=True)
    table.add_column(no_wrap=True)
    table.add_column(justify="right", no_wrap=True)
    table.add_column(no_wrap=True)
    by_id = {category.id: category for category in report.score.categories}
    for category in Category:
        if category in by_id:
            table.add_row(*_category_row(by_id[category], cells))
    if not table.row_count:
        return []
    return [Text("Categories", style="bold"), Padding(table, (0, 0, 0, 2))]


def _category_row(category: CategoryScore, cells: int) -> tuple[Text, Text, Text, Text]:
    name = Text(category.id.value)
    if category.score is None:
        return (
            name,
            Text("·" * cells, style="dim"),
            Text("n/a", style="dim"),
            Text("no rule applies", style="dim"),
        )
    style = score_style(category.score)
    applicable = category.passed + category.failed
    return (
        name,
        bar(category.score, style, cells),
        Text(f"{category.score:.1f}", style=style),
        Text(f"{category.passed} of {applicable} pass", style="dim"),
    )


def bar(score: float, style: str, cells: int = BAR_CELLS) -> Text:
    """A bar of `cells` cells: filled in the score's colour, the rest shaded."""
    filled = max(0, min(cells, round(score / 100 * cells)))
    return Text.assemble(("█" * filled, style), ("░" * (cells - filled), "dim"))
