"""The Markdown report's sections as rows of ready-escaped Markdown, for the template to lay out."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from auditor.model import Category, Diagnostic, Finding, Report, RuleResult, Severity, Status

from .markdown_text import code, fenced, location, number, quote_url, text
from .rule_docs import rule_doc_url

TOP_LEVEL = 5
FINDINGS_SHOWN = 25
"""Findings shown per category before the rest fold away (or, unless verbose, are counted)."""
FINDINGS_LISTED = 250
"""Findings listed per category even when verbose: a report stays small enough to attach."""
STATUS_LABELS = {
    Status.PASS: "pass",
    Status.FAIL: "**fail**",
    Status.NOT_APPLICABLE: "n/a",
    Status.ERROR: "error",
}


@dataclass(frozen=True, slots=True)
class TopFix:
    heading: str
    fix: str
    prompt: str


@dataclass(frozen=True, slots=True)
class FindingGroup:
    """One category's findings: rows shown at once, rows folded away, rows left out."""

    title: str
    shown: tuple[tuple[str, str, str, str], ...]
    folded: tuple[tuple[str, str, str, str], ...]
    omitted: int


def rule_link(rule_id: str) -> str:
    """A reference link to the rule's page; `link_definitions` defines it once at the end."""
    return f"[{text(rule_id)}]"


def link_definitions(report: Report) -> list[str]:
    """`[ID]: url` for every rule the report names, sorted: tables stay short to read and send."""
    named = {rule.id for rule in report.score.rules} | {f.rule for f in report.findings}
    named |= {rule_id for package in report.packages for rule_id in package.failing}
    if report.score.next_level is not None:
        named |= set(report.score.next_level.blocking)
    named |= {rule.id for rule in report.top_fixes}
    return definitions(named)


def definitions(rule_ids: Iterable[str]) -> list[str]:
    """The reference-link definitions `rule_link` relies on, sorted by id."""
    return [f"[{text(i)}]: {quote_url(rule_doc_url(i))}" for i in sorted(set(rule_ids))]


def severity_label(severity: Severity) -> str:
    """Critical and high in bold: the eye finds them first in a long table."""
    return f"**{severity.value}**" if severity.rank >= Severity.HIGH.rank else severity.value


def next_level(report: Report) -> tuple[str, list[str]]:
    """The sentence about the next level, and one bullet per rule standing in its way."""
    upcoming = report.score.next_level
    if upcoming is None:
        return f"Level {TOP_LEVEL} is the top level: keep it there.", []
    by_id = {rule.id: rule for rule in report.score.rules}
    blocking = list(upcoming.blocking)
    if not blocking:
        return f"Level {upcoming.level} is next.", []
    if upcoming.needed < len(blocking):
        which = f"{upcoming.needed} of these {len(blocking)} failing rules"
    else:
        which = "this failing rule" if len(blocking) == 1 else f"these {len(blocking)} rules"
    bullets = [_blocking_bullet(rule_id, by_id.get(rule_id)) for rule_id in blocking]
    return f"**Level {upcoming.level}** needs {which} to pass:", bullets


def _blocking_bullet(rule_id: str, rule: RuleResult | None) -> str:
    if rule is None:
        return rule_link(rule_id)
    return (
        f"{rule_link(rule_id)} {text(rule.title)} "
        f"({rule.category.value}, level {rule.level}, +{number(rule.gain)} points)"
    )


def categories(report: Report) -> list[tuple[str, str, str]]:
    """(category, score, rules passing) in the order the design lists the categories."""
    by_id = {category.id: category for category in report.score.categories}
    rows = []
    for category in Category:
        score = by_id.get(category)
        if score is None:
            continue
        if score.score is None:
            rows.append((category.value, "n/a", "no rule applies"))
        else:
            applicable = score.passed + score.failed
            rows.append((category.value, number(score.score), f"{score.passed} of {applicable}"))
    return rows


def top_fixes(report: Report, top: int) -> list[TopFix]:
    """The failing rules whose fix would raise the score most, each with its agent prompt."""
    fixes = []
    for rule in report.top_fixes[: max(top, 0)]:
        count = f", {rule.findings} {'finding' if rule.findings == 1 else 'findings'}"
        heading = (
            f"**+{number(rule.gain)}** · {rule_link(rule.id)} **{text(rule.title)}** "
            f"({rule.severity.value}{count if rule.findings else ''})"
        )
        prompt = fenced(rule.fix_prompt) if rule.fix_prompt else ""
        fixes.append(TopFix(heading=heading, fix=text(rule.fix), prompt=prompt))
    return fixes


def finding_groups(findings: Sequence[Finding], verbose: bool) -> list[FindingGroup]:
    """Findings by category (design order), most severe first, then by location."""
    groups = []
    listed = FINDINGS_LISTED if verbose else FINDINGS_SHOWN
    for category in Category:
        mine = sorted(
            (f for f in findings if f.category is category),
            key=lambda f: (-f.severity.rank, f.sort_key()),
        )
        if not mine:
            continue
        rows = tuple(finding_row(f) for f in mine)
        counts = Counter(f.severity for f in mine)
        summary = ", ".join(f"{counts[s]} {s.value}" for s in sorted(counts, key=lambda s: -s.rank))
        noun = "finding" if len(mine) == 1 else "findings"
        groups.append(
            FindingGroup(
                title=f"{category.value} · {len(mine)} {noun} ({summary})",
                shown=rows[:FINDINGS_SHOWN],
                folded=rows[FINDINGS_SHOWN:listed],
                omitted=max(0, len(rows) - listed),
            )
        )
    return groups


def finding_row(finding: Finding) -> tuple[str, str, str, str]:
    return (
        severity_label(finding.severity),
        location(finding.path, finding.line),
        rule_link(finding.rule),
        text(finding.message),
    )


def packages(report: Report) -> tuple[str, list[tuple[str, str, str, str]]]:
    """`N of M packages at level L or above` and one row per package, weakest first."""
    if not report.packages:
        return "", []
    level = report.score.level
    ordered = sorted(report.packages, key=lambda p: (p.level, p.score, p.path))
    keeping_up = sum(1 for p in ordered if p.level >= level)
    noun = "package" if len(ordered) == 1 else "packages"
    summary = f"{keeping_up} of {len(ordered)} {noun} at level {level} or above."
    rows = [
        (
            code(p.path),
            number(p.score),
            str(p.level),
            ", ".join(rule_link(r) for r in p.failing) or "none",
        )
        for p in ordered
    ]
    return summary, rows


def unassessed(report: Report) -> list[str]:
    """Bullets for rules left out of the score (not applicable, with why, and errored) and
    for rules that did not judge all of their input (`Report.unjudged`)."""
    bullets = []
    for rule in report.score.rules:
        if rule.status is Status.NOT_APPLICABLE:
            why = f" — {text(rule.message)}" if rule.message else ""
            bullets.append(f"Not applicable: {rule_link(rule.id)} {text(rule.title)}{why}")
    unjudged = {u.rule for u in report.unjudged}
    titles = {rule.id: rule.title for rule in report.score.rules}
    for rule in report.score.rules:
        if rule.status is Status.ERROR and rule.id not in unjudged:
            why = text(rule.message) if rule.message else "no message"
            bullets.append(f"**Errored**: {rule_link(rule.id)} {text(rule.title)} — {why}")
    for item in report.unjudged:
        where = f"{code(item.path)}: " if item.path else ""
        bullets.append(
            f"**Not judged** ({item.severity.value}): {rule_link(item.rule)} "
            f"{text(titles.get(item.rule, ''))} — {where}{text(item.reason)}"
        )
    return bullets


def diagnostics(items: Sequence[Diagnostic]) -> tuple[str, list[tuple[str, str, str]]]:
    """`N files skipped or partly read: 2 binary, …` and a row per file, sorted by path."""
    if not items:
        return "", []
    files = len({d.path for d in items})
    kinds = sorted(Counter(d.kind for d in items).items(), key=lambda kc: (-kc[1], kc[0]))
    counts = ", ".join(f"{count} {text(kind)}" for kind, count in kinds)
    noun = "file" if files == 1 else "files"
    ordered = sorted(items, key=lambda d: (d.path, d.kind, d.message))
    rows = [(code(d.path), text(d.kind), text(d.message)) for d in ordered]
    return f"{files} {noun} skipped or partly read ({counts})", rows


def rules(results: Sequence[RuleResult]) -> list[tuple[str, str, str, str, str, str]]:
    """Every rule: id, status, category, level, title and its points (earned or to gain)."""
    order = {category: index for index, category in enumerate(Category)}
    rows = []
    for rule in sorted(results, key=lambda r: (order.get(r.category, 99), r.id)):
        if rule.status is Status.PASS:
            points = number(rule.contribution)
        elif rule.status is Status.FAIL:
            points = f"+{number(rule.gain)}"
        else:
            points = ""
        rows.append((
            rule_link(rule.id), STATUS_LABELS[rule.status], rule.category.value,
            str(rule.level), text(rule.title), points,
        ))  # fmt: skip
    return rows
