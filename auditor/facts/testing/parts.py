"""Runs that are a part of the suite's own target: `npm run test:wpt` when `npm test` runs it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from auditor.facts.model import Command
from auditor.facts.runners.registry import TaskRunners
from auditor.facts.runners.resolution import reach
from auditor.facts.shell.invocations import invocations

SUITE_TARGET = re.compile(
    r"^(?:(?:npm|pnpm|yarn|bun|composer)(?:\s+run)?|make|gmake|just|task)\s+tests?$"
)
"""The runner's own target for the tests: `npm test`, `pnpm run test`, `make test`."""
DEFINED_IN = frozenset({"npm-script", "composer", "make", "just", "task"})
"""Where a target's definition comes from, to tell which one a command starts."""

Definition = tuple[str, int | None, str]
Run = tuple[str, tuple[str, ...]]


def parts_of_the_suite(runners: TaskRunners, candidates: Sequence[Command]) -> set[Command]:
    """The candidates whose targets the suite's own target runs among others (undici's
    `npm run test:wpt`, one of the scripts `npm test` chains): a part, not the suite. A target
    that only hands over to one other (`"test": "npm run unit"`) has no parts, and a broader
    target that lints too (`make check: lint test`) is no suite target, so `make test` is no
    part of it."""
    suites = [c for c in candidates if SUITE_TARGET.match(c.text)]
    wholes = [_below(runners, c) for c in suites]
    runs = [_runs_below(runners, c) for c in suites]
    parts = set()
    for command in candidates if wholes else ():
        mine = _definitions(runners, command)
        one = None if mine else _one_run(command)
        if (mine and any(mine < below for below in wholes)) or (
            one is not None and any(one in below and len(below) > 1 for below in runs)
        ):
            parts.add(command)  # or `bun test`, which `"test": "bun test && tsc"` runs
    return parts


def _one_run(command: Command) -> Run | None:
    found = invocations(command.text)
    return (found[0].program, found[0].args) if len(found) == 1 else None


def _runs_below(runners: TaskRunners, whole: Command) -> set[Run]:
    """The programs, with their arguments, that `whole` runs through its targets."""
    return {(i.program, i.args) for r in reach(runners, whole)[1:] for i in invocations(r.text)}


def _below(runners: TaskRunners, whole: Command) -> set[Definition]:
    """The definitions `whole` runs below the one it starts."""
    reached = reach(runners, whole)
    first = reached[1] if len(reached) > 1 else None
    started = {(first.path, first.line, first.text)} if first is not None else set()
    return _definitions(runners, whole) - started


def _definitions(runners: TaskRunners, command: Command) -> set[Definition]:
    """The target definitions `command` runs (`reach`), the one it starts first included."""
    return {(r.path, r.line, r.text) for r in reach(runners, command)[1:] if r.origin in DEFINED_IN}
