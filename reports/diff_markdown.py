"""The report diff as Markdown: a pull-request comment that says what a change did."""

from __future__ import annotations

from typing import Any

from auditor.model import Finding, PackageChange, RenderOptions, ReportDiff

from . import markdown, markdown_sections
from .diff_summary import delta, plural, side_name, status, value, verdict
from .markdown_text import code, text

TEMPLATE = "diff.md.j2"
FINDINGS_SHOWN = 50
NONE = "-"


def render(diff: ReportDiff, options: RenderOptions) -> str:
    """Score, level and categories before and after; findings introduced and fixed; rules and
    packages that changed. Finding tables stop at 50 rows unless `options.verbosity` > 0."""
    return markdown.environment().get_template(TEMPLATE).render(context(diff, options))


def context(diff: ReportDiff, options: RenderOptions) -> dict[str, Any]:
    """Everything the template shows, already escaped for Markdown."""
    old, new = diff.old, diff.new
    limit = None if options.verbosity > 0 else FINDINGS_SHOWN
    rule_ids = [r.id for r in diff.rules] + [f.rule for f in (*diff.fixed, *diff.introduced)]
    return {
        "quiet": options.verbosity < 0,
        "headline": (
            f"{value(old.score)} → {value(new.score)} ({delta(old.score, new.score)}) · "
            f"Level {old.level} → {new.level}"
        ),
        "compared": f"{code(side_name(old))} → {code(side_name(new))}. {verdict(diff)}",
        "rows": _score_rows(diff),
        "introduced": _findings(diff.introduced, limit),
        "introduced_count": len(diff.introduced),
        "fixed": _findings(diff.fixed, limit),
        "fixed_count": len(diff.fixed),
        "unchanged": plural(diff.unchanged, "finding"),
        "rules": [
            (markdown_sections.rule_link(r.id), status(r.old), status(r.new), text(r.title))
            for r in diff.rules
        ],
        "packages": [_package_row(p) for p in diff.packages],
        "links": [] if options.verbosity < 0 else markdown_sections.definitions(rule_ids),
    }


def _package_row(package: PackageChange) -> tuple[str, str, str, str, str]:
    levels = f"{package.old_level or NONE} → {package.new_level or NONE}"
    change = delta(package.old_score, package.new_score)
    return (code(package.path), value(package.old_score), value(package.new_score), change, levels)


def _score_rows(diff: ReportDiff) -> list[tuple[str, str, str, str]]:
    old, new = diff.old, diff.new
    level_change = new.level - old.level
    rows = [
        ("**Score**", value(old.score), value(new.score), f"**{delta(old.score, new.score)}**"),
        ("**Level**", str(old.level), str(new.level), _signed(level_change)),
    ]
    rows += [(c.id.value, value(c.old), value(c.new), delta(c.old, c.new)) for c in diff.categories]
    return rows


def _signed(change: int) -> str:
    return f"{change:+d}" if change else "±0"


def _findings(findings: tuple[Finding, ...], limit: int | None) -> dict[str, Any]:
    shown = findings if limit is None else findings[:limit]
    return {
        "rows": [markdown_sections.finding_row(f) for f in shown],
        "omitted": len(findings) - len(shown),
    }
