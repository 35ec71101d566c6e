"""The terminal report's findings against a baseline: new first, known counted, fixed and
suppressed listed."""

from __future__ import annotations

from rich.console import RenderableType
from rich.padding import Padding
from rich.text import Text

from auditor.model import BaselineComparison, Report

from .finding_states import FindingStates, baseline_sentence, states
from .text_findings import WHOLE_REPOSITORY, findings

LISTED = 10
"""Fixed or suppressed findings listed before the rest are counted (all with -v)."""


def finding_sections(report: Report, verbose: bool, width: int) -> list[RenderableType]:
    """The findings: without a baseline or suppressions, as they always were; with them, the
    new ones (the gate's concern) listed first, the known counted (listed with -v), then the
    baseline's findings that are fixed and the suppressed ones."""
    found = states(report)
    if not found.compared and not found.suppressed:
        return findings(found.active, verbose, width)
    body: list[RenderableType] = []
    sentence = baseline_sentence(found, with_score=report.change is None)
    if sentence is not None:
        body.append(Text(f"Baseline: {sentence}", style="bold"))
    title = "New findings" if found.compared else "Findings"
    listed = findings(found.active, verbose, width, title=title)
    body += listed or ([Text(f"{title} (0)", style="bold")] if found.compared else [])
    if found.known:
        body += _known(found, verbose, width)
    if found.baseline is not None and found.baseline.fixed:
        body += _fixed(found.baseline, report.change is None, verbose)
    if found.suppressed:
        body += _suppressed(found, verbose)
    return body


def _known(found: FindingStates, verbose: bool, width: int) -> list[RenderableType]:
    """The findings the baseline already had: listed with -v, else counted."""
    source = found.baseline.source if found.baseline is not None else "the baseline"
    known = f"{len(found.known)} known finding(s), already in {source},"
    if verbose:
        return findings(found.known, verbose, width, title="Known findings")
    return [Text(f"{known} not listed (-v lists them)", style="dim")]


def _fixed(baseline: BaselineComparison, whole_tree: bool, verbose: bool) -> list[RenderableType]:
    """The baseline's findings that are gone (since the merge base in pull-request mode)."""
    fixed = [f"{e.rule}  {e.path or WHOLE_REPOSITORY}  {e.message}" for e in baseline.fixed]
    hint = "  (`auditor baseline --update` drops them from the baseline)" if whole_tree else ""
    since = "the baseline" if whole_tree else baseline.source
    return _listed(f"Fixed since {since} ({len(fixed)})", hint, fixed, verbose)


def _suppressed(found: FindingStates, verbose: bool) -> list[RenderableType]:
    """The findings an `auditor: ignore` comment suppressed."""
    rows = [
        f"{f.rule}  {f.path or WHOLE_REPOSITORY}{f':{f.line}' if f.line else ''}  {f.suppressed}"
        for f in found.suppressed
    ]
    hint = "  (auditor: ignore; not scored, not gated)"
    return _listed(f"Suppressed ({len(rows)})", hint, rows, verbose)


def _listed(title: str, hint: str, rows: list[str], verbose: bool) -> list[RenderableType]:
    heading = Text(title, style="bold")
    heading.append(hint, style="dim")
    shown = rows if verbose else rows[:LISTED]
    body: list[RenderableType] = [heading]
    body += [Padding(Text(row), (0, 0, 0, 2)) for row in shown]
    if len(shown) < len(rows):
        more = Text(f"… and {len(rows) - len(shown)} more (use -v)", style="dim")
        body.append(Padding(more, (0, 0, 0, 2)))
    return body
