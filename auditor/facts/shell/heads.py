"""The head of a command (its program and, for dispatchers, the subcommand or script it names),
so that `pytest -x tests/` is seen to run what `pytest` runs and `pnpm test` what `npm test`."""

from __future__ import annotations

import re
from collections.abc import Iterable

from auditor.facts.shell.invocations import Invocation, invocations

SUBCOMMANDS = frozenset({
    "go", "cargo", "make", "gmake", "just", "task", "mvn", "./mvnw", "gradle", "./gradlew",
    "dotnet", "mix", "deno", "swift", "rake", "composer", "bazel", "ctest", "zig", "flutter",
    "dart", "nox", "invoke", "inv", "poe",
})  # fmt: skip
"""Programs whose first word says what they do."""
SCRIPT_RUNNERS = frozenset({"npm", "pnpm", "yarn", "bun", "hatch", "pdm"})
"""Programs that run a named script: `npm run test`, `hatch run test:unit` (`run` optional)."""
JS_RUNNERS = frozenset({"npm", "pnpm", "yarn", "bun"})
"""They run the same package.json scripts: `pnpm test` runs what `npm test` runs."""
SETUP = frozenset({"cd", "pushd", "export", "source", ".", "pip", "echo", "mkdir", "set"})
"""Programs that prepare a run rather than do the work (`cd tests && pytest`)."""
WORD = re.compile(r"^[A-Za-z][\w:.-]*$")
TEST_TASK = re.compile(r"(?:^|[-_:])(?:unit-?)?tests?(?:$|[-_:.])", re.IGNORECASE)
"""A task or script named for tests: `test`, `tests`, `test-race`, `test:unit`, `run_tests.sh`."""
INTERPRETERS = frozenset({"bash", "sh", "zsh", "python", "node", "pwsh", "powershell"})


def head(invocation: Invocation) -> tuple[str, ...]:
    """The program of an invocation, and its subcommand or script name when it has one."""
    program = "npm" if invocation.program in JS_RUNNERS else invocation.program
    args = list(invocation.args)
    if program in SCRIPT_RUNNERS and args[:1] == ["run"]:
        args = args[1:]
    if program in SUBCOMMANDS | SCRIPT_RUNNERS and args and WORD.match(args[0]):
        return (program, args[0])
    return (program,)


def main_head(text: str) -> tuple[str, ...] | None:
    """The head of the first invocation of `text` that is not set-up (`cd`, `pip install`)."""
    return next((head(i) for i in invocations(text) if i.program not in SETUP), None)


def runs_same_program(text: str, tests: Iterable[str]) -> bool:
    """Whether some invocation of `text` starts with the head of one of the commands `tests`
    (arguments ignored: `pytest -x tests/` runs what `pytest` runs)."""
    heads = {found for test in tests if (found := main_head(test))}
    return any(head(i)[: len(h)] == h for i in invocations(text) for h in heads)


def names_test_task(text: str) -> bool:
    """Whether `text` runs a task-runner target or script named for tests (`make test-race`,
    `bash scripts/tests-start.sh`), whatever it runs."""
    for invocation in invocations(text):
        found = head(invocation)
        name = found[1] if len(found) == 2 else ""
        if invocation.program in INTERPRETERS and invocation.args:
            name = invocation.args[0]
        elif "/" in invocation.head:
            name = invocation.head
        if name and TEST_TASK.search(name.rsplit("/", 1)[-1]):
            return True
    return False
