"""ENV002: no task runner or environment manager sets the project up in one command."""

from __future__ import annotations

import re
from collections.abc import Iterator

from auditor.model import Category, Evidence, Grade, Severity
from auditor.rule import Reads, Rule, RuleContext, Violation, failing, not_applicable, passing

RUNNER_MARKERS = frozenset({"makefile", "justfile", "taskfile", "tox", "nox"})
"""`Facts.dev_environment` markers of a task runner at the root."""
RUNNER_ORIGINS = frozenset(
    {"make", "just", "task", "npm-script", "tox", "nox", "hatch", "pdm", "poe"}
)
"""`Command.origin`s of commands defined in a task runner (package.json scripts among them)."""
ENV_MANAGERS = frozenset({"uv", "poetry", "pdm", "pipenv", "hatch", "pixi", "bundler", "composer"})
"""Package managers that build the environment in one command and run tools inside it
(`uv sync` / `uv run`, `poetry install` / `poetry run`, `bundle install` / `bundle exec`)."""
SETUP_SCRIPT = re.compile(
    r"^(?:(?:script|scripts|bin|tools)/)?(?:bootstrap|setup|dev[-_]?setup|setup[-_]dev)"
    r"(?:\.(?:sh|bash|ps1|py))?$"
)
"""A set-up script ("scripts to rule them all": script/bootstrap, bin/setup, scripts/setup.sh)."""
BUILD_TOOLS: dict[str, frozenset[str]] = {
    "go": frozenset({"go"}), "rust": frozenset({"cargo"}), "csharp": frozenset({"dotnet"}),
    "swift": frozenset({"swiftpm"}), "java": frozenset({"maven", "gradle"}),
    "kotlin": frozenset({"maven", "gradle"}), "scala": frozenset({"maven", "gradle"}),
}  # fmt: skip
"""Languages whose standard build tool already builds and tests everything in one command."""


def applies(ctx: RuleContext) -> bool:
    primary = ctx.facts.primary_language
    tools = BUILD_TOOLS.get(primary or "", frozenset())
    return primary is not None and not tools & set(ctx.facts.package_managers)


def check(ctx: RuleContext) -> Iterator[Violation]:
    facts = ctx.facts
    if RUNNER_MARKERS & set(facts.dev_environment) or ENV_MANAGERS & set(facts.package_managers):
        return
    if any(command.origin in RUNNER_ORIGINS for command in facts.commands):
        return
    if any(SETUP_SCRIPT.match(f.path) and f.path != "setup.py" for f in ctx.index.files):
        return
    managers = ", ".join(facts.package_managers) or "no package manager"
    yield Violation(
        f"no task runner or environment manager sets the project up in one command ({managers})"
    )


RULE = Rule(
    id="ENV002",
    name="missing-one-command-setup",
    title="No one-command set-up",
    category=Category.ENVIRONMENT,
    severity=Severity.MEDIUM,
    level=2,
    evidence=Evidence(
        Grade.MODERATE,
        "SetupBench (Microsoft 2025): 38-89% of agent set-up actions were redundant "
        "exploration; GitHub Copilot's agent docs call trial-and-error installs slow and "
        "unreliable; the agents.md FAQ: agents run the commands they are given.",
    ),
    rationale=(
        "An agent should be able to go from a fresh checkout to a working environment, and "
        "from there to tests and lint, with commands it can name: task runner targets, "
        "package scripts, or an environment manager such as uv or poetry that installs and "
        "runs everything. Without one it pieces the set-up together from prose and CI files, "
        "and set-up benchmarks show most of its actions then go to redundant exploration. "
        "Go, Rust, JVM, .NET and Swift projects whose build tool is present are exempt."
    ),
    fix=(
        "Add a Makefile, justfile, Taskfile, tox/nox configuration, package.json scripts or a "
        "script/bootstrap with `setup`, `test` and `lint` entries, or manage the environment "
        "with uv, poetry, pdm or hatch."
    ),
    fix_prompt=(
        "This repository has no one-command set-up. Add a task runner in the style the "
        "project already leans to (a Makefile or justfile; for Python tox, nox or hatch "
        "scripts; for JavaScript package.json scripts) with targets `setup` (create the "
        "environment and install dependencies, from the lockfile if there is one), `test`, "
        "`lint` and `format`, each calling the commands the project already uses in CI. Run "
        "every target once, and list them in AGENTS.md. "
        "Verify with: auditor audit . --select ENV002"
    ),
    check=check,
    reads=frozenset({Reads.MANIFESTS, Reads.CONFIG}),
    applies=applies,
    examples=(
        passing(
            {"Makefile": "setup:\n\tpip install -e .\n\ntest:\n\tpytest\n", "app.py": "x = 1\n"}
        ),
        passing(
            {
                "pyproject.toml": '[project]\nname = "app"\n',
                "uv.lock": "version = 1\n",
                "app.py": "x = 1\n",
            },
            "uv builds the environment",
        ),
        passing(
            {
                "script/bootstrap": "#!/bin/sh\npip install -r requirements.txt\n",
                "app.py": "x = 1\n",
            },
            "a set-up script",
        ),
        failing(
            {
                "requirements.txt": "httpx\n",
                "setup.py": "from setuptools import setup\n",
                "app.py": "x = 1\n",
            },
            "pip, setup.py and prose only",
        ),
        not_applicable(
            {
                "Cargo.toml": '[package]\nname = "app"\nversion = "0.1.0"\n',
                "src/main.rs": "fn main() {}\n",
            },
            "cargo builds and tests",
        ),
    ),
    per_package=False,
)
