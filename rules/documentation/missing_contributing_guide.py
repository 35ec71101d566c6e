"""DOC002: neither a CONTRIBUTING guide nor a pull request template."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.model import Category, Evidence, Grade, Severity
from auditor.rule import Reads, Rule, RuleContext, Violation, failing, passing

TEMPLATE_FILES = frozenset(
    {
        "pull_request_template.md",
        ".github/pull_request_template.md",
        "docs/pull_request_template.md",
    }
)
TEMPLATE_DIRS = (".github/pull_request_template/", ".gitlab/merge_request_templates/")
"""Where GitHub and GitLab look for pull (merge) request templates; GitHub ignores case."""


def pr_template(ctx: RuleContext) -> str | None:
    for record in ctx.index.files:
        lower = record.path.lower()
        if lower in TEMPLATE_FILES or lower.startswith(TEMPLATE_DIRS):
            return record.path
    return None


def check(ctx: RuleContext) -> Iterator[Violation]:
    if ctx.facts.docs.contributing is None and pr_template(ctx) is None:
        yield Violation("no CONTRIBUTING guide and no pull request template", "CONTRIBUTING.md")


RULE = Rule(
    id="DOC002",
    name="missing-contributing-guide",
    title="No contribution guide or PR template",
    category=Category.DOCUMENTATION,
    severity=Severity.LOW,
    level=4,
    evidence=Evidence(
        Grade.CONVENTION,
        "Vendor practice: the agents.md format and GitHub's analysis of 2,500 agents.md files "
        "list commit and PR conventions among the sections to cover; Yoshioka et al. 2026 "
        "(arXiv 2601.18749): review engagement drives whether agent PRs are integrated.",
    ),
    rationale=(
        "Agents open pull requests, and they follow whatever conventions they can find: branch "
        "and commit message style, which checks must pass, what a PR description must contain. "
        "A CONTRIBUTING guide or a PR template states these once, for people and agents alike, "
        "so reviewers are not left to correct the same omissions on every agent PR."
    ),
    fix=(
        "Add CONTRIBUTING.md (set-up, the checks to run before a PR, commit and PR "
        "conventions) or a .github/pull_request_template.md with a short checklist."
    ),
    fix_prompt=(
        "This repository has no CONTRIBUTING guide and no pull request template. Add "
        "CONTRIBUTING.md covering: how to set up a development environment, the exact commands "
        "to run before opening a PR (tests, lint, type check), commit message and branch "
        "conventions, and what a PR description must contain. Add "
        ".github/pull_request_template.md with a short checklist mirroring those checks. Use "
        "only commands that exist in this repository. "
        "Verify with: auditor audit . --select DOC002"
    ),
    check=check,
    reads=frozenset({Reads.DOCS}),
    examples=(
        passing({"CONTRIBUTING.md": "# Contributing\n\nRun `make check` before opening a PR.\n"}),
        passing(
            {".github/PULL_REQUEST_TEMPLATE.md": "- [ ] Tests pass (`make test`)\n"},
            "a PR template",
        ),
        failing({"README.md": "# Project\n"}),
    ),
    per_package=False,
)
