"""The report diff as plain text: for a terminal or a CI log."""

from __future__ import annotations

from collections.abc import Sequence

from auditor.model import Finding, RenderOptions, ReportDiff, inert

from .diff_summary import delta, plural, side_name, status, value, verdict

FINDINGS_SHOWN = 20


def render(diff: ReportDiff, options: RenderOptions) -> str:
    """Score and level, then (unless quiet) categories, rules, findings and packages that moved.

    Lists of findings are capped at 20 unless `options.verbosity` > 0. Control characters
    in the reports' names and messages are shown as escapes.
    """
    diff = inert(diff)
    old, new = diff.old, diff.new
    lines = [
        f"{side_name(old)}  ->  {side_name(new)}",
        f"Score {value(old.score)} -> {value(new.score)} ({delta(old.score, new.score)})  ·  "
        f"Level {old.level} -> {new.level}",
        verdict(diff),
    ]
    if options.verbosity >= 0:
        lines += _categories(diff)
        lines += _rules(diff)
        limit = None if options.verbosity > 0 else FINDINGS_SHOWN
        lines += _findings("New findings", diff.introduced, limit)
        lines += _findings("Fixed findings", diff.fixed, limit)
        lines += ["", f"Unchanged: {plural(diff.unchanged, 'finding')}"]
        lines += _packages(diff)
    return "\n".join(lines) + "\n"


def _categories(diff: ReportDiff) -> list[str]:
    moved = [c for c in diff.categories if delta(c.old, c.new) != "±0.0"]
    if not moved:
        return []
    width = max(len(c.id.value) for c in moved)
    rows = [
        f"  {c.id.value:<{width}}  {value(c.old):>5} -> {value(c.new):>5}  ({delta(c.old, c.new)})"
        for c in moved
    ]
    return ["", "Categories", *rows]


def _rules(diff: ReportDiff) -> list[str]:
    if not diff.rules:
        return []
    rows = [f"  {r.id}  {status(r.old)} -> {status(r.new)}  {r.title}" for r in diff.rules]
    return ["", "Rules", *rows]


def _findings(title: str, findings: Sequence[Finding], limit: int | None) -> list[str]:
    if not findings:
        return []
    shown = findings if limit is None else findings[:limit]
    rows = [f"  {_location(f)}  {f.rule}  {f.severity.value}  {f.message}" for f in shown]
    if len(shown) < len(findings):
        rows.append(f"  … and {len(findings) - len(shown)} more (use -v)")
    return ["", f"{title} ({len(findings)})", *rows]


def _location(finding: Finding) -> str:
    if not finding.path:
        return "(repository)"
    return f"{finding.path}:{finding.line}" if finding.line else finding.path


def _packages(diff: ReportDiff) -> list[str]:
    if not diff.packages:
        return []
    rows = [
        f"  {p.path}  {value(p.old_score)} -> {value(p.new_score)}  "
        f"(level {p.old_level or '-'} -> {p.new_level or '-'})"
        for p in diff.packages
    ]
    return ["", "Packages", *rows]
