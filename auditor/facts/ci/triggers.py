"""Which CI files run on pull (merge) requests, so checks there gate a change before merge."""

from __future__ import annotations

from typing import Any

from auditor.facts.ci.providers import ci_file_providers
from auditor.facts.sources import FactSources

REVIEW_EVENTS = frozenset({"pull_request", "pull_request_target", "merge_group"})
"""GitHub events that run a workflow on a proposed change."""


def pull_request_ci(src: FactSources) -> tuple[str, ...]:
    """The CI files whose jobs run on pull or merge requests, sorted.

    GitHub workflows count when `on:` names a pull-request event; reusable workflows
    (`workflow_call`) and composite actions count when some workflow does, since a pull
    request workflow may call them. Every other provider builds pull requests by default
    (GitLab branch pipelines, CircleCI, Travis, Azure, ...), so its files count.
    """
    providers = ci_file_providers(src)
    workflows = {
        p: workflow_events(src.yaml(p)) for p in providers if p.startswith(".github/workflows/")
    }
    reviewed = any(REVIEW_EVENTS & events for events in workflows.values())
    found = []
    for path in providers:
        events = workflows.get(path)
        if events is None:
            runs = reviewed or not path.startswith(".github/")
        else:
            runs = bool(REVIEW_EVENTS & events) or (reviewed and "workflow_call" in events)
        if runs:
            found.append(path)
    return tuple(sorted(found))


def workflow_events(workflow: Any) -> frozenset[str]:
    """The event names of a workflow's `on:` (YAML 1.1 reads the key `on` as True)."""
    if not isinstance(workflow, dict):
        return frozenset()
    on = workflow.get("on", workflow.get(True))
    if isinstance(on, str):
        return frozenset({on})
    if isinstance(on, list | dict):
        return frozenset(str(event) for event in on)
    return frozenset()
