"""The score history as JSON, for machines: every sampled commit, its scores and changes."""

from __future__ import annotations

from auditor.model import History, RenderOptions

from .json_report import dumps


def render(history: History, options: RenderOptions) -> str:
    """`history` as a JSON document (sorted keys); `options` is accepted and ignored."""
    return dumps(
        {
            "repository": history.repository,
            "branch": history.branch,
            "points": [
                {
                    "commit": point.commit,
                    "commit_date": point.commit_date,
                    "score": point.score,
                    "level": point.level,
                    "delta": point.delta,
                    "headline": point.headline,
                    "categories": dict(point.categories),
                    "changes": [
                        {
                            "rule": change.rule,
                            "title": change.title,
                            "old": change.old,
                            "new": change.new,
                            "message": change.message,
                            "summary": change.summary,
                            "points": change.points,
                            "decisive": change.decisive,
                        }
                        for change in point.changes
                    ],
                }
                for point in history.points
            ],
            "steps": [point.commit for point in history.steps],
        }
    )
