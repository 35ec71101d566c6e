"""Whether linters run on pull requests: in CI jobs, in scripts they run, or by pre-commit.ci."""

from __future__ import annotations

import re

from auditor.rule import RuleContext

from .runs_tests import script_commands, script_paths, steps

PRE_COMMIT_CI = re.compile(r"^ci:", re.MULTILINE)
"""A top-level `ci:` section configures pre-commit.ci, which runs the hooks on pull requests;
so does a README badge linking to it."""


def scripts_lint(ctx: RuleContext, reviewed: set[str]) -> bool:
    """Whether a repository script that pull-request CI runs calls a linter (one level deep)."""
    names = set(ctx.facts.linters)
    ci = [c for c in ctx.facts.commands if c.origin == "ci" and c.path in reviewed]
    for path in sorted({path for command in ci for path in script_paths(command)}):
        text = ctx.index.text(path) if ctx.index.file(path) else None
        for command in script_commands(path, text or ""):
            if any(
                names & {w.rsplit("/", 1)[-1] for w in step[:2]} for step in steps(command.text)
            ):
                return True
    return False


def lint_origins(ctx: RuleContext) -> set[tuple[str, str]]:
    """(origin, path) of every place a linter runs."""
    return {(run.origin, run.path) for t in ctx.facts.tools if t.kind == "linter" for run in t.runs}


def pre_commit_ci(ctx: RuleContext) -> bool:
    """Whether pre-commit.ci runs the hooks: a `ci:` section or a README badge linking it."""
    config = ctx.index.text(".pre-commit-config.yaml") or ""
    readme = ctx.index.text(ctx.facts.docs.readme) if ctx.facts.docs.readme else None
    return PRE_COMMIT_CI.search(config) is not None or "pre-commit.ci" in (readme or "")


def linted_on_pull_requests(ctx: RuleContext) -> bool:
    reviewed = set(ctx.facts.pull_request_ci)
    origins = lint_origins(ctx)
    if any(origin == "ci" and path in reviewed for origin, path in origins):
        return True
    if scripts_lint(ctx, reviewed):
        return True
    hooked = any(origin == "pre-commit" for origin, _ in origins)
    return ctx.facts.pre_commit and hooked and pre_commit_ci(ctx)
