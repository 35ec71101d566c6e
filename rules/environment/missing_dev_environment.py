"""ENV004: no reproducible development environment: no dev container, nix, image or agent setup."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.model import Category, Evidence, Grade, Severity
from auditor.rule import Reads, Rule, RuleContext, Violation, failing, not_applicable, passing

SPECS = frozenset({"devcontainer", "nix", "copilot_setup", "dockerfile"})
"""`Facts.dev_environment` markers that describe a whole environment, not one task."""
OTHER_SPECS = (".gitpod.yml", "devbox.json", ".flox/env/manifest.toml", "pixi.toml")
"""Environment specs the index does not list as dev-environment markers."""


def applies(ctx: RuleContext) -> bool:
    """Applications, and workspaces that need more than one toolchain or configuration:
    a single-language workspace builds with its language's own tool."""
    if ctx.facts.primary_language is None:
        return False
    if ctx.facts.profile != "monorepo" or ctx.facts.env_example is not None:
        return True
    total = sum(stat.lines for stat in ctx.facts.languages.values())
    major = [s for s in ctx.facts.languages.values() if s.lines * 10 >= total]
    return len(major) > 1


def check(ctx: RuleContext) -> Iterator[Violation]:
    if SPECS & set(ctx.facts.dev_environment):
        return
    if any(ctx.index.file(path) for path in OTHER_SPECS):
        return
    yield Violation(
        "no dev container, Dockerfile or compose file, nix shell or agent setup workflow "
        "describes the development environment"
    )


DEVCONTAINER = '{"image": "mcr.microsoft.com/devcontainers/python:3.12"}\n'
SETUP_STEPS = (
    "on: workflow_dispatch\njobs:\n  copilot-setup-steps:\n    runs-on: ubuntu-latest\n"
    "    steps:\n      - uses: actions/checkout@v4\n      - run: pip install -e .\n"
)

RULE = Rule(
    id="ENV004",
    name="missing-dev-environment",
    title="No reproducible development environment",
    category=Category.ENVIRONMENT,
    severity=Severity.LOW,
    level=4,
    evidence=Evidence(
        Grade.MODERATE,
        "Vendor practice and set-up benchmarks: GitHub's Copilot coding agent preinstalls "
        "dependencies from copilot-setup-steps.yml, OpenAI Codex and Google Jules run set-up "
        "scripts; environment set-up errors caused 65% of failures in GitTaskBench (arXiv "
        "2508.18993), and SetupBench (Microsoft, 2025) agents succeeded on 34-62% of tasks.",
    ),
    rationale=(
        "Cloud agents start from a bare machine. A dev container, a nix shell, a Dockerfile "
        "or compose file, or Copilot's copilot-setup-steps.yml states the system packages, "
        "services and toolchain once, so the agent builds the same environment the "
        "developers use instead of installing by trial and error."
    ),
    fix=(
        "Add .devcontainer/devcontainer.json (or flake.nix, or a compose file for services) "
        "and, for GitHub's coding agent, .github/workflows/copilot-setup-steps.yml."
    ),
    fix_prompt=(
        "This repository does not describe its development environment. Add "
        ".devcontainer/devcontainer.json using the official image for the project's "
        "language at the version the project pins, with a postCreateCommand that runs the "
        "documented set-up command; if the tests need services (databases, queues), add them "
        "in a compose file the dev container uses. Verify the set-up command works from a "
        "clean checkout. Verify with: auditor audit . --select ENV004"
    ),
    check=check,
    reads=frozenset({Reads.CONFIG, Reads.CI, Reads.MANIFESTS}),
    applies=applies,
    examples=(
        passing({".devcontainer/devcontainer.json": DEVCONTAINER, "app.py": "x = 1\n"}),
        passing(
            {".github/workflows/copilot-setup-steps.yml": SETUP_STEPS, "app.py": "x = 1\n"},
            "Copilot set-up steps",
        ),
        failing({"app.py": "x = 1\n", "Makefile": "setup:\n\tpip install -e .\n"}),
        not_applicable({"README.md": "# Notes\n"}),
    ),
    per_package=False,
    profiles=frozenset({"application", "monorepo"}),
)
