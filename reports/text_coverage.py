"""What the terminal report says about rules and files it could not assess, and every rule."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from rich.console import JustifyMethod, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from auditor.model import Category, Diagnostic, Report, RuleResult, Status, Unjudged

STATUS_STYLES = {
    Status.PASS: ("pass", "green"),
    Status.FAIL: ("FAIL", "red"),
    Status.NOT_APPLICABLE: ("n/a", "dim"),
    Status.ERROR: ("error", "magenta"),
}
CATEGORY_ORDER = {category: index for index, category in enumerate(Category)}
COLUMNS: tuple[tuple[str, JustifyMethod], ...] = (
    ("rule", "left"),
    ("status", "left"),
    ("level", "right"),
    ("title", "left"),
    ("points", "right"),
    ("findings", "right"),
)
Row = tuple[Text, RenderableType]


def rules(results: Sequence[RuleResult]) -> list[RenderableType]:
    """Every rule, by category then id, with its status, level and points (verbose only)."""
    if not results:
        return []
    table = Table(box=None, padding=(0, 2, 0, 0), show_edge=False, header_style="dim")
    for name, justify in COLUMNS:
        table.add_column(name, justify=justify, no_wrap=name != "title")
    for rule in sorted(results, key=lambda r: (CATEGORY_ORDER.get(r.category, 99), r.id)):
        label, style = STATUS_STYLES[rule.status]
        table.add_row(
            Text(rule.id),
            Text(label, style=style),
            Text(str(rule.level)),
            Text(rule.title),
            _points(rule),
            Text(str(rule.findings) if rule.findings else ""),
        )
    return [Text("Rules", style="bold"), Padding(table, (0, 0, 0, 2))]


def _points(rule: RuleResult) -> Text:
    if rule.status is Status.PASS:
        return Text(f"{rule.contribution:.1f}")
    if rule.status is Status.FAIL:
        return Text(f"+{rule.gain:.1f}", style="green")
    return Text("")


def unassessed(report: Report, verbose: bool) -> list[RenderableType]:
    """Not-applicable, errored and unjudged rules, and skipped files: a line each, itemised
    if verbose."""
    unjudged = {u.rule for u in report.unjudged}
    errored = [r for r in report.score.rules if r.id not in unjudged]
    rows = [*_not_applicable(report.score.rules, verbose), *_errored(errored)]
    rows += _unjudged(report.unjudged)
    rows += _diagnostics(report.diagnostics, verbose)
    if not rows:
        return []
    table = Table.grid(padding=(0, 2))
    table.add_column(no_wrap=True)
    table.add_column(overflow="fold")
    for label, text in rows:
        table.add_row(label, text)
    return [table]


def _not_applicable(results: Sequence[RuleResult], verbose: bool) -> list[Row]:
    skipped = [r for r in results if r.status is Status.NOT_APPLICABLE]
    if not skipped:
        return []
    noun = "rule" if len(skipped) == 1 else "rules"
    summary = f"{len(skipped)} {noun} ({', '.join(r.id for r in skipped)})"
    rows: list[Row] = [(Text("Not applicable", style="bold"), Text(summary))]
    if verbose:
        rows.append((Text(""), _details([(r.id, r.message or "does not apply") for r in skipped])))
    return rows


def _errored(results: Sequence[RuleResult]) -> list[Row]:
    """One line per errored rule: errors are rare, and each is worth reading."""
    return [
        (Text("Errored", style="bold magenta"), Text(f"{r.id} — {r.message or 'no message'}"))
        for r in results
        if r.status is Status.ERROR
    ]


def _unjudged(unjudged: Sequence[Unjudged]) -> list[Row]:
    """One line per input a rule could not judge (or rule that raised): each can hide a
    finding, and `--fail-on` fails at its severity."""
    return [
        (
            Text("Not judged", style="bold red"),
            Text(
                f"{u.rule} ({u.severity.value}) — " + (f"{u.path}: " if u.path else "") + u.reason
            ),
        )
        for u in unjudged
    ]


def _diagnostics(diagnostics: Sequence[Diagnostic], verbose: bool) -> list[Row]:
    if not diagnostics:
        return []
    files = len({d.path for d in diagnostics})
    kinds = sorted(Counter(d.kind for d in diagnostics).items(), key=lambda kc: (-kc[1], kc[0]))
    counts = ", ".join(f"{count} {kind}" for kind, count in kinds)
    noun = "file" if files == 1 else "files"
    summary = Text(f"{files} {noun} skipped or partly read: {counts}")
    if not verbose:
        summary.append("; --verbose lists them", style="dim")
        return [(Text("Not read", style="bold"), summary)]
    ordered = sorted(diagnostics, key=lambda d: (d.path, d.kind, d.message))
    details = _details([(d.path, d.kind, d.message) for d in ordered])
    return [(Text("Not read", style="bold"), summary), (Text(""), details)]


def _details(rows: Sequence[tuple[str, ...]]) -> Table:
    """An aligned list under a summary line: a dim name column, then the rest."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="dim", overflow="fold")
    for _ in rows[0][1:]:
        table.add_column(overflow="fold")
    for row in rows:
        table.add_row(*(Text(cell) for cell in row))
    return table
