"""The fleet summary as GitHub Markdown: the ranking, levels, the rules failing most, languages."""

from __future__ import annotations

from urllib.parse import quote

from auditor.model import FleetRepository, FleetSummary, RenderOptions

from .markdown_text import code, text

TOP_RULES = 15


def render(summary: FleetSummary, options: RenderOptions) -> str:
    """`summary` as Markdown; every repository is listed, the top failing rules capped."""
    count = len(summary.repositories)
    mean = sum(r.score for r in summary.repositories) / count if count else 0.0
    lines = [
        "# Agent readiness of the fleet",
        "",
        f"{count} repositor{'y' if count == 1 else 'ies'}, mean score {mean:.1f}.",
        "",
        "## Levels",
        "",
        "| Level | Repositories |",
        "|---:|---:|",
        *(f"| {level} | {n} |" for level, n in summary.levels),
        "",
        *_repositories(summary),
        "",
        *_failing_rules(summary),
        "",
        *_languages(summary),
    ]
    if summary.not_audited:
        lines += ["", "## Not audited", ""]
        lines += [f"- {code(n.path)}: {text(n.reason)}" for n in summary.not_audited]
    return "\n".join(lines) + "\n"


def _repositories(summary: FleetSummary) -> list[str]:
    categories = summary.categories
    lines = [
        "## Repositories",
        "",
        "| # | Repository | Commit | Score | Level | Language | Packages | "
        + " | ".join(c.capitalize() for c in categories)
        + " |",
        "|---:|---|---|---:|---:|---|---:|" + "---:|" * len(categories),
    ]
    for rank, repository in enumerate(summary.repositories, 1):
        scores = dict(repository.categories)
        row = [
            str(rank),
            _name(repository),
            code(repository.commit[:12]) if repository.commit else "-",
            f"{repository.score:.1f}",
            str(repository.level),
            text(repository.primary_language or "none"),
            str(repository.packages),
            *(_score(scores.get(c)) for c in categories),
        ]
        lines.append("| " + " | ".join(row) + " |")
    return lines


def _name(repository: FleetRepository) -> str:
    """The repository's name, linked to its HTML report when there is one."""
    name = text(repository.name)
    return f"[{name}]({quote(repository.html)})" if repository.html else name


def _failing_rules(summary: FleetSummary) -> list[str]:
    lines = ["## Rules failing in the most repositories", ""]
    if not summary.failing_rules:
        return [*lines, "No rule fails anywhere."]
    lines += ["| Rule | Title | Severity | Repositories | Points lost |", "|---|---|---|---:|---:|"]
    for rule in summary.failing_rules[:TOP_RULES]:
        lines.append(
            f"| {code(rule.id)} | {text(rule.title)} | {text(rule.severity)} | "
            f"{rule.repositories} | {rule.points:.1f} |"
        )
    return lines


def _languages(summary: FleetSummary) -> list[str]:
    lines = [
        "## By primary language",
        "",
        "| Language | Repositories | Mean score | Levels 1-5 |",
        "|---|---:|---:|---|",
    ]
    for group in summary.languages:
        levels = " / ".join(str(n) for _, n in group.levels)
        lines.append(
            f"| {text(group.language)} | {group.repositories} | {group.mean_score:.1f} | {levels} |"
        )
    return lines


def _score(value: float | None) -> str:
    return "-" if value is None else f"{value:.0f}"
