"""Commands an agent can run unattended: no watch mode, no interpreter the project lacks."""

from __future__ import annotations

import re
from collections.abc import Iterable

from auditor.facts.model import Command
from auditor.facts.runners.arguments import tox_envs_selected
from auditor.facts.runners.registry import TaskRunners
from auditor.facts.runners.resolution import located_invocations, reach
from auditor.facts.shell.invocations import Invocation, invocations

WATCH_OFF = ("--watch=false", "--watch false", "--watchAll=false", "--no-watch", "--run",
             "--single-run", "--ci")  # fmt: skip
"""Flags that keep a watching test runner to one run, as repositories state them."""
JS_MANAGERS = frozenset({"npm", "pnpm", "yarn", "bun"})
FOREIGN_INTERPRETER = re.compile(r"^(?:pypy|jython|graalpy|ironpython)\d*(?:\.\d+)?$")
"""tox factors that need an interpreter besides CPython, the Python toolchain agents have."""
ALWAYS_WATCHING = frozenset({"nodemon", "ptw", "pytest-watch", "npm-watch", "watchexec"})


def watches(invocation: Invocation, text: str) -> str | None:
    """The flag that stops `invocation` from watching, "" when none does, None when it runs
    once. `text` is the whole command line (`CI=true` before it turns watching off)."""
    program, args = invocation.program, invocation.args
    if _always_watches(program, args):
        return ""
    if "CI=" in text or any(off in " ".join(args) for off in WATCH_OFF):
        return None
    if program == "vitest" and (not args or args[0] not in ("run", "bench", "list")):
        return "--run"
    return WATCHING_BY_DEFAULT.get((program, args[0] if args else ""))


WATCHING_BY_DEFAULT = {
    ("react-scripts", "test"): "--watchAll=false",
    ("ng", "test"): "--watch=false",
    ("karma", "start"): "--single-run",
}
"""(program, subcommand) that watches unless told not to, and the flag that tells it."""
WATCH_FLAGS = frozenset({"--watch", "--watchAll", "--watch=true", "--watchAll=true"})


def _always_watches(program: str, args: tuple[str, ...]) -> bool:
    """A watcher (`nodemon`, `cargo watch`) or an explicit watch flag (`--watch`, `tsc -w`)."""
    if program in ALWAYS_WATCHING or (program == "cargo" and args[:1] == ("watch",)):
        return True
    return any(a in WATCH_FLAGS for a in args) or (program == "tsc" and "-w" in args)


def unattended_form(text: str, runners: TaskRunners, stated: Iterable[str] = ()) -> str | None:
    """`text` as it runs to the end without a terminal, or None when it cannot.

    A test runner that watches by default gets the flag that stops it, the one the repository's
    own instructions state (`stated`, e.g. `--watch false`) first: `vitest` becomes
    `vitest --run`, `pnpm test` (whose script is `vitest`) `pnpm test --run`, and npm passes it
    after `--`. An explicit watch flag, a watcher (`nodemon`, `cargo watch`) and a tox env that
    needs PyPy or another interpreter besides CPython (`python_only`) cannot be made to.
    """
    command = Command(text, "AGENTS.md", 1, "instructions")
    entry = invocations(text)
    if any(_foreign_tox(i) for i in entry):
        return None
    if "CI=" in text or any(off in text for off in WATCH_OFF):
        return text  # the command says it runs once already
    for reached in reach(runners, command):
        for invocation, _ in located_invocations(reached):
            flag = watches(invocation, reached.text)
            if flag is None:
                continue
            if not flag:
                return None
            return _with_flag(text, entry, _stated_flag(stated) or flag)
    return text


def stated_watch_flags(texts: Iterable[str]) -> tuple[str, ...]:
    """The watch-off flags the repository's instruction files state, in the order written."""
    found: list[tuple[int, str]] = []
    for text in texts:
        found.extend((text.find(off), off) for off in WATCH_OFF if f"{off}`" in text)
    return tuple(off for _, off in sorted(found))


def _stated_flag(stated: Iterable[str]) -> str | None:
    return next(iter(stated), None)


def _with_flag(text: str, entry: list[Invocation], flag: str) -> str:
    last = entry[-1] if entry else None
    if last is not None and last.program == "vitest" and flag == "--run" and not last.args:
        return f"{text} run"
    if last is not None and last.program == "npm" and "--" not in last.args:
        return f"{text} -- {flag}"
    return f"{text} {flag}"


def _foreign_tox(invocation: Invocation) -> bool:
    if invocation.program != "tox":
        return False
    envs = tox_envs_selected(invocation.args) or []
    return any(FOREIGN_INTERPRETER.match(f) for env in envs for f in env.split("-"))
