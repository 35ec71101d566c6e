"""The fleet summary as JSON: sorted keys, the dashboard's data for other tools."""

from __future__ import annotations

from typing import Any

from auditor.model import FleetRepository, FleetSummary, RenderOptions

from .json_report import dumps


def render(summary: FleetSummary, options: RenderOptions) -> str:
    """`summary` as a JSON document; `options` is accepted for the renderer contract."""
    return dumps(
        {
            "schema_version": summary.schema_version,
            "repositories": [_repository(r) for r in summary.repositories],
            "levels": {str(level): count for level, count in summary.levels},
            "failing_rules": [
                {
                    "id": rule.id,
                    "title": rule.title,
                    "severity": rule.severity,
                    "category": rule.category,
                    "repositories": rule.repositories,
                    "points": rule.points,
                }
                for rule in summary.failing_rules
            ],
            "languages": [
                {
                    "language": group.language,
                    "repositories": group.repositories,
                    "mean_score": group.mean_score,
                    "levels": {str(level): count for level, count in group.levels},
                }
                for group in summary.languages
            ],
            "not_audited": [{"path": n.path, "reason": n.reason} for n in summary.not_audited],
            "superseded": summary.superseded,
        }
    )


def _repository(repository: FleetRepository) -> dict[str, Any]:
    return {
        "name": repository.name,
        "commit": repository.commit,
        "commit_date": repository.commit_date,
        "score": repository.score,
        "level": repository.level,
        "categories": dict(repository.categories),
        "primary_language": repository.primary_language,
        "packages": repository.packages,
        "packages_at_level": {str(level): n for level, n in repository.packages_at_level},
        "failing": list(repository.failing),
        "report": repository.report,
        "html": repository.html,
        "tool_version": repository.tool_version,
    }
