"""CI jobs with the commands they run and whether they run on pull (merge) requests.

GitHub workflows are read job by job: a job runs on pull requests when its workflow's `on:`
names a pull-request event and its `if:` does not leave pull requests out; a job that calls a
local reusable workflow (`uses: ./.github/workflows/x.yml`) runs that workflow's jobs, and a
step that uses a local composite action (`uses: ./.github/actions/x`) runs its steps (each
followed once per call chain, never in a loop). GitLab jobs leave merge requests out with
`only:` refs that name none, `when: manual`, or rules that only match tags or the default
branch. Other providers build pull requests by default (`triggers.pull_request_ci`).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from auditor.facts.ci.commands import file_commands, script_commands
from auditor.facts.ci.github_workflows import (
    ActionUse,
    JobStep,
    job_steps,
    step_scripts,
    step_use,
    synthesised_commands,
)
from auditor.facts.ci.providers import ci_file_providers
from auditor.facts.ci.triggers import REVIEW_EVENTS, pull_request_ci, workflow_events
from auditor.facts.commands.locate import LineLocator
from auditor.facts.model import Command
from auditor.facts.sources import FactSources

MAX_CALLS = 6
GITLAB_KEYWORDS = frozenset({
    "stages", "variables", "default", "include", "workflow", "image", "services",
    "before_script", "after_script", "cache", "pages",
})  # fmt: skip
"""Top-level GitLab keys that are not jobs (`pages` is a job, but it publishes)."""
SKIPS_REVIEW = (
    re.compile(r"github\.event_name\s*!=\s*'(?:pull_request|pull_request_target)'"),
    re.compile(r"github\.event_name\s*==\s*'(?!pull_request|merge_group)\w+'"),
    re.compile(r"startsWith\(\s*github\.ref\s*,\s*'refs/(?:tags|heads)/"),
    re.compile(r"github\.ref\s*==\s*'refs/(?:tags|heads)/"),
    re.compile(r"github\.ref_type\s*==\s*'tag'"),
)
"""Conditions false on every pull request (its ref is `refs/pull/N/merge`)."""


@dataclass(frozen=True, slots=True)
class CiJob:
    """One CI job: where its steps are written, when it runs and what it runs."""

    path: str
    name: str | None
    pull_requests: bool
    """Whether it runs on pull (merge) requests."""
    why: str
    """Why it does or does not run on pull requests (`on: pull_request`, `if: ...`)."""
    commands: tuple[Command, ...] = ()
    uses: tuple[ActionUse, ...] = ()


def ci_jobs(src: FactSources) -> tuple[CiJob, ...]:
    """Every CI job of the repository, reusable workflows expanded where they are called."""
    found: list[CiJob] = []
    providers = ci_file_providers(src)
    reviewed = set(pull_request_ci(src))
    for path in sorted(providers):
        provider = providers[path]
        if provider in ("github-actions", "gitea-actions"):
            if "/workflows/" in path:
                found.extend(_workflow(src, path))
        elif provider == "gitlab-ci":
            found.extend(_gitlab(src, path))
        else:
            why = f"{provider} builds pull requests" if path in reviewed else "not on pull requests"
            found.append(
                CiJob(path, None, path in reviewed, why, tuple(file_commands(src, path, provider)))
            )
    return tuple(found)


def _workflow(src: FactSources, path: str) -> Iterator[CiJob]:
    config = src.yaml(path)
    events = workflow_events(config)
    review = sorted(REVIEW_EVENTS & events)
    if not review and "push" in events and _every_branch(config):
        review = ["push (every branch, so pull-request branches too)"]
    if review:
        yield from _jobs(src, path, True, f"on: {', '.join(review)}", (path,))
    elif events - {"workflow_call"}:
        yield from _jobs(src, path, False, f"on: {', '.join(sorted(events))} only", (path,))
    elif not events:
        yield from _jobs(src, path, False, "no `on:` trigger", (path,))


def _every_branch(config: Any) -> bool:
    """Whether `on: push` has no branch or tag filter (`branches: ['**']` counts as none)."""
    on = config.get("on", config.get(True)) if isinstance(config, dict) else None
    push = on.get("push") if isinstance(on, dict) else None
    if not isinstance(push, dict):
        return True
    if push.get("tags") is not None and push.get("branches") is None:
        return False
    branches = push.get("branches")
    return branches is None or branches in (["**"], ["*"], "**", "*")


def _jobs(
    src: FactSources, path: str, review: bool, why: str, chain: tuple[str, ...]
) -> Iterator[CiJob]:
    """The jobs of workflow `path`, run on pull requests when `review` (and their `if:` lets
    them)."""
    config = src.yaml(path)
    jobs = config.get("jobs") if isinstance(config, dict) else None
    locator = LineLocator(src.text(path))
    steps: dict[str, list[JobStep]] = {}
    for job_step in job_steps(config):
        steps.setdefault(job_step.job or "", []).append(job_step)
    for name, job in jobs.items() if isinstance(jobs, dict) else ():
        if not isinstance(job, dict):
            continue
        runs, because = _gate(review, why, job.get("if"))
        called = job.get("uses")
        if isinstance(called, str) and called.startswith("./"):
            target = posixpath.normpath(called.split("@", 1)[0].removeprefix("./"))
            if target not in chain and len(chain) < MAX_CALLS:
                reason = f"{because}; called by job `{name}` of {path}"
                yield from _jobs(src, target, runs, reason, (*chain, target))
            continue
        commands, uses = _steps(src, path, locator, steps.get(str(name), []), review, chain)
        yield CiJob(path, str(name), runs, because, tuple(commands), tuple(uses))


def _steps(
    src: FactSources,
    path: str,
    locator: LineLocator,
    steps: list[JobStep],
    review: bool,
    chain: tuple[str, ...],
) -> tuple[list[Command], list[ActionUse]]:
    """The commands and published actions of a job's steps (or a composite action's); steps
    whose `if:` leaves pull requests out are dropped on pull-request runs."""
    commands: list[Command] = []
    uses: list[ActionUse] = []
    for job_step in steps:
        step = job_step.step
        if review and _skips_review(step.get("if")):
            continue
        for script in step_scripts(job_step):
            commands.extend(
                script_commands(script.script, path, locator, script.written, script.directory)
            )
        use = step_use(step, path, locator)
        if use is not None:
            uses.append(use)
            commands.extend(synthesised_commands([use]))
        local = step.get("uses")
        if isinstance(local, str) and local.startswith("./") and len(chain) < MAX_CALLS:
            action = _local_action(src, local)
            if action is not None and action not in chain:
                inner = list(job_steps(src.yaml(action)))
                more = _steps(
                    src, action, LineLocator(src.text(action)), inner, review, (*chain, action)
                )
                commands.extend(more[0])
                uses.extend(more[1])
    return commands, uses


def _local_action(src: FactSources, uses: str) -> str | None:
    directory = posixpath.normpath(uses.removeprefix("./"))
    return next(
        (p for p in (f"{directory}/action.yml", f"{directory}/action.yaml") if src.repo.file(p)),
        None,
    )


def _gate(review: bool, why: str, condition: Any) -> tuple[bool, str]:
    if review and _skips_review(condition):
        return False, f"`if: {str(condition).strip()}` leaves pull requests out"
    return review, why


def _skips_review(condition: Any) -> bool:
    """Whether a GitHub `if:` is false on every pull request: each `||` alternative has a
    conjunct that is (`github.event_name == 'push'`, `startsWith(github.ref, 'refs/tags/')`)."""
    if not isinstance(condition, str) or not condition.strip():
        return False
    text = condition.strip().removeprefix("${{").removesuffix("}}")
    alternatives = text.split("||")
    return all(
        any(any(p.search(part) for p in SKIPS_REVIEW) for part in alternative.split("&&"))
        for alternative in alternatives
    )


def _gitlab(src: FactSources, path: str) -> Iterator[CiJob]:
    config = src.yaml(path)
    if not isinstance(config, dict):
        return
    for name, job in config.items():
        if str(name).startswith(".") or name in GITLAB_KEYWORDS or not isinstance(job, dict):
            continue
        runs, why = _gitlab_gate(job)
        yield CiJob(path, str(name), runs, why, tuple(file_commands(src, path, "gitlab-ci", job)))
    shared = {k: config[k] for k in ("before_script", "after_script") if k in config}
    if shared:
        commands = tuple(file_commands(src, path, "gitlab-ci", shared))
        yield CiJob(path, None, True, "runs before every job", commands)


def _gitlab_gate(job: dict[str, Any]) -> tuple[bool, str]:
    """Whether a GitLab job runs in merge-request (or branch) pipelines, and why."""
    if job.get("when") == "manual":
        return False, "`when: manual`"
    only = job.get("only")
    refs = only.get("refs") if isinstance(only, dict) else only
    if isinstance(refs, str):
        refs = [refs]
    names = {str(r) for r in refs} if isinstance(refs, list) else set()
    if names and not {"merge_requests", "branches", "pushes"} & names:
        return False, f"`only: {sorted(names)}` leaves merge requests out"
    rules = job.get("rules")
    if isinstance(rules, list) and rules and all(_release_rule(rule) for rule in rules):
        return False, "its `rules:` match only tags or the default branch"
    return True, "GitLab runs it in merge-request and branch pipelines"


def _release_rule(rule: Any) -> bool:
    condition = rule.get("if") if isinstance(rule, dict) else None
    if not isinstance(condition, str):
        return False
    if rule.get("when") == "never":
        return False
    return "||" not in condition and bool(
        re.search(
            r"\$CI_COMMIT_TAG\b(?!\s*==\s*null)|\$CI_COMMIT_BRANCH\s*==\s*\$CI_DEFAULT_BRANCH",
            condition,
        )
    )
