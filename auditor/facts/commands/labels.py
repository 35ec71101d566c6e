"""What a command does, judged from what it runs: whether it may be called Lint, Format or
Type-check."""

from __future__ import annotations

import re

from auditor.facts.model import Command
from auditor.facts.runners.arguments import tox_envs_selected
from auditor.facts.runners.registry import TaskRunners
from auditor.facts.runners.resolution import located_invocations, reach
from auditor.facts.testing.invocations import TestEnvironment, runs_test_suite
from auditor.facts.tools.catalog import invocation_tools

WHOLE_RUN = re.compile(
    r"(?:^|[-_:.])(?:all|ci|full|everything|release|dist|default|pre-?pr)(?:$|[-_:.])"
)
"""Target names that say "everything": a full build or the whole pre-merge run."""
TARGET_RUNNERS = frozenset({"make", "gmake", "just", "task", "npm", "pnpm", "yarn", "bun",
                            "nox", "poe", "hatch"})  # fmt: skip


def tool_label_problem(runners: TaskRunners, env: TestEnvironment, text: str) -> str | None:
    """Why `text` is not only a lint, format or type-check run, or None when it is.

    A target named for everything (`make all`, `make check-all`, `just ci`), a bare `tox`
    (its whole env list) and any command that reaches the test suite through its task
    runners do more than the label says.
    """
    command = Command(text, "AGENTS.md", 1, "instructions")
    for invocation, _ in located_invocations(command):
        words = [a for a in invocation.args if not a.startswith("-")]
        if invocation.program in TARGET_RUNNERS and any(WHOLE_RUN.search(w) for w in words):
            return f"`{text}` is a whole-project run, not a single job"
        if invocation.program == "tox" and not tox_envs_selected(invocation.args):
            return f"`{text}` runs every tox env"
    for reached in reach(runners, command):
        for invocation, cwd in located_invocations(reached):
            if runs_test_suite(invocation, cwd, env):
                return f"`{text}` also runs the test suite (`{reached.text}`)"
    return None


def test_label_problem(runners: TaskRunners, env: TestEnvironment, text: str) -> str | None:
    """Why `text` is not a test run, or None when it may be one.

    Only a sure answer counts: every program it reaches through its task runners is a known
    linter, formatter or type checker (`npm test` whose script is `eslint .`, a quality-check
    script of ruff and mypy) and none runs the test suite. A program the catalogue does not
    know leaves the benefit of the doubt.
    """
    command = Command(text, "AGENTS.md", 1, "instructions")
    leaves: list[str] = []
    for reached in reach(runners, command):
        for invocation, cwd in located_invocations(reached):
            if runs_test_suite(invocation, cwd, env):
                return None
            uses = list(invocation_tools(invocation))
            if uses:
                leaves.extend(tool for tool, _ in uses)
            elif invocation.program not in TARGET_RUNNERS and invocation.program != "tox":
                return None  # something else runs: it may be the tests
    if not leaves:
        return None
    return f"`{text}` runs only {', '.join(dict.fromkeys(leaves))}, not the tests"
