"""Linters, formatters and type checkers the repository runs, with their configuration.

A tool counts when the repository runs it somewhere: a CI step, a git hook, a task-runner
target, a package script, a tox env or nox session, an action that wraps it, or a Maven or
Gradle plugin bound to a build that CI or a task runner starts. Commands reach tools through
chains (`make lint` -> `ruff check .`). A mention in a README or an instruction file, a
dependency, or a `[tool.black]` section alone does not count: the `config` of a tool is
reported only for tools that run.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

from auditor.facts.ci.github_workflows import workflow_action_uses
from auditor.facts.model import Command, ToolUse
from auditor.facts.runners.hooks import PRE_COMMIT_CONFIG
from auditor.facts.runners.registry import TaskRunners, runners_of
from auditor.facts.runners.resolution import located_invocations, reach
from auditor.facts.shell.invocations import Invocation
from auditor.facts.sources import FactSources
from auditor.facts.tools.build_plugins import build_plugins, triggers
from auditor.facts.tools.catalog import Use, invocation_tools
from auditor.facts.tools.configs import tool_config
from auditor.facts.tools.hook_ids import HOOK_IDS, PRE_COMMIT_ACTIONS, action_tools

EXECUTED = frozenset(
    {"ci", "pre-commit", "make", "just", "task", "npm-script", "tox", "nox", "hatch", "pdm", "poe"}
)
"""Origins of commands the repository runs (documentation only describes them)."""


def command_tools(command: Command) -> Iterator[Use]:
    """The tools one command runs itself (not through the targets it calls)."""
    is_hook_id = command.origin == "pre-commit" and command.path == PRE_COMMIT_CONFIG
    if is_hook_id and command.text in HOOK_IDS:
        yield from HOOK_IDS[command.text]
        return
    for invocation, _ in located_invocations(command):
        yield from invocation_tools(invocation)


def find_tools(src: FactSources, commands: tuple[Command, ...]) -> tuple[ToolUse, ...]:
    """Every tool the repository runs, sorted by (kind, name), with its config and its runs."""
    runners = runners_of(src)
    runs: dict[Use, set[Command]] = defaultdict(set)
    executed = [c for c in commands if c.origin in EXECUTED]
    for entry in executed:
        for reached in reach(runners, entry):
            for use in command_tools(reached):
                runs[use].update((entry, reached))
    for use, places in _action_runs(src, runners):
        runs[use].update(places)
    for use, places in _build_plugin_runs(src, runners, executed):
        runs[use].update(places)
    found = [
        ToolUse(name, kind, tool_config(src, name), tuple(sorted(places, key=_place)))
        for (name, kind), places in runs.items()
    ]
    return tuple(sorted(found, key=lambda t: (t.kind, t.name)))


def _place(command: Command) -> tuple[str, int, str]:
    return (command.path, command.line or 0, command.text)


def _action_runs(src: FactSources, runners: TaskRunners) -> Iterator[tuple[Use, set[Command]]]:
    """Tools run by `uses:` steps, and pre-commit hooks run by the pre-commit action."""
    for use in workflow_action_uses(src):
        step = use.step
        for tool in action_tools(use.action, use.inputs):
            yield tool, {step}
        if use.action in PRE_COMMIT_ACTIONS:
            for reached in _hooks_reached(runners):
                yield from ((tool, {step, reached}) for tool in command_tools(reached))


def _hooks_reached(runners: TaskRunners) -> Iterator[Command]:
    """Every command the pre-commit hooks reach."""
    for hook in runners.hooks:
        yield from reach(runners, hook.command)


def _build_plugin_runs(
    src: FactSources, runners: TaskRunners, executed: Iterable[Command]
) -> Iterator[tuple[Use, set[Command]]]:
    """Tools bound to a Maven or Gradle build, where a run command starts that build."""
    plugins = build_plugins(src)
    if not plugins:
        return
    for entry, reached, invocation in _invocations_reached(runners, executed):
        for plugin in plugins:
            if triggers(plugin, invocation):
                yield plugin.use, {entry, reached}


def _invocations_reached(
    runners: TaskRunners, executed: Iterable[Command]
) -> Iterator[tuple[Command, Command, Invocation]]:
    """(entry command, command it reaches, one invocation in that command)."""
    for entry in executed:
        for reached in reach(runners, entry):
            for invocation, _ in located_invocations(reached):
                yield entry, reached, invocation
