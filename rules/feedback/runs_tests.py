"""Whether a documented or CI command runs the test suite, judged against the test commands found.

The index lists every way it found to run the tests (`Facts.test_commands`), with the origin of
each. A command runs the tests when the index says so (a test command of that origin), or when
one of its steps starts with the *head* of a test command: its program and, for programs that
dispatch to subcommands or scripts, the subcommand (`go test`, `make test`, `npm run test`).
Arguments are ignored, so `pytest -x tests/` matches `pytest`.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterable

from auditor.facts import Command

SEPARATORS = frozenset({"&&", "||", ";", "|", "&"})
WRAPPERS: tuple[tuple[str, ...], ...] = (
    ("uv", "run"), ("poetry", "run"), ("pipenv", "run"), ("rye", "run"), ("pixi", "run"),
    ("python", "-m"), ("python3", "-m"), ("py", "-m"), ("npx",), ("pnpm", "exec"),
    ("bundle", "exec"), ("yarn", "exec"), ("bunx",), ("sudo",), ("time",), ("exec",),
)  # fmt: skip
"""Leading words that only run the command after them."""
SUBCOMMANDS = frozenset({
    "go", "cargo", "make", "gmake", "just", "task", "mvn", "./mvnw", "gradle", "./gradlew",
    "dotnet", "mix", "deno", "swift", "rake", "composer", "bazel", "ctest", "zig", "flutter",
    "dart", "nox", "invoke", "inv", "poe",
})  # fmt: skip
"""Programs whose first word says what they do."""
SCRIPT_RUNNERS = frozenset({"npm", "pnpm", "yarn", "bun", "hatch", "pdm"})
"""Programs that run a named script: `npm run test`, `hatch run test:unit` (`run` optional)."""
PROMPTS = frozenset({"$", "%", ">"})
SETUP = frozenset({"cd", "pushd", "export", "source", ".", "pip", "pip3", "echo", "mkdir", "set"})
"""Programs that prepare a test run rather than run tests (`cd tests && pytest`)."""
JS_RUNNERS = frozenset({"npm", "pnpm", "yarn", "bun"})
"""They run the same package.json scripts: `pnpm test` runs what `npm test` runs."""
ASSIGNMENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*=")
WORD = re.compile(r"^[A-Za-z][\w:.-]*$")


def steps(text: str) -> list[list[str]]:
    """The simple commands of a shell line, each without env assignments and wrappers."""
    try:
        words = shlex.split(text.replace("\\\n", " "), comments=True)
    except ValueError:
        words = text.split()
    found: list[list[str]] = [[]]
    for word in words:
        if word in SEPARATORS:
            found.append([])
        elif found[-1] or not (ASSIGNMENT.match(word) or word in PROMPTS):
            found[-1].append(word)
    return [unwrapped for step in found if (unwrapped := unwrap(step))]


def unwrap(step: list[str]) -> list[str]:
    changed = True
    while changed and step:
        changed = False
        for wrapper in WRAPPERS:
            if tuple(step[: len(wrapper)]) == wrapper and len(step) > len(wrapper):
                step, changed = step[len(wrapper) :], True
    if len(step) > 2 and step[0] in SCRIPT_RUNNERS and step[1] == "run":
        step = [step[0], *step[2:]]
    return step


def head(step: list[str]) -> tuple[str, ...]:
    """The program of a step, and its subcommand or script name when it has one."""
    program = step[0].rsplit("/", 1)[-1] if not step[0].startswith("./") else step[0]
    program = "npm" if program in JS_RUNNERS else program
    if program in SUBCOMMANDS | SCRIPT_RUNNERS and len(step) > 1 and WORD.match(step[1]):
        return (program, step[1])
    return (program,)


def main_step(text: str) -> list[list[str]]:
    """The first step of a command line that is not set-up (`cd`, `pip install`, ...)."""
    return [step for step in steps(text) if step[0] not in SETUP][:1]


def runs_tests(command: Command, tests: Iterable[Command]) -> bool:
    """Whether `command` runs one of the test commands `tests`."""
    heads = {head(step) for test in tests for step in main_step(test.text)}
    return any(head(step)[: len(h)] == h for step in steps(command.text) for h in heads)


TEST_TASK = re.compile(r"(?:^|[-_:])(?:unit-?)?tests?(?:$|[-_:.])", re.IGNORECASE)
"""A task or script named for tests: `test`, `tests`, `test-race`, `test:unit`, `run_tests.sh`."""
INTERPRETERS = frozenset({"bash", "sh", "zsh", "python", "python3", "node", "pwsh", "powershell"})


def runs_test_task(command: Command) -> bool:
    """Whether `command` runs a task runner target or a script named for tests.

    The fallback for chains the index cannot follow: CI running `make test-race` when the
    recipe's runner is hidden behind variables, or `bash scripts/tests-start.sh`.
    """
    for step in steps(command.text):
        name = head(step)[1] if len(head(step)) == 2 else ""
        if step[0] in INTERPRETERS and len(step) > 1:
            name = step[1]
        elif "/" in step[0]:
            name = step[0]
        if name and TEST_TASK.search(name.rsplit("/", 1)[-1]):
            return True
    return False


def script_paths(command: Command) -> list[str]:
    """Repository scripts a command runs: `bash .ci/run`, `./scripts/test.sh`, `python x.py`."""
    found = []
    for step in steps(command.text):
        if step[0] in INTERPRETERS and len(step) > 1 and not step[1].startswith("-"):
            found.append(step[1])
        elif "/" in step[0] and not step[0].startswith(("/", "$")):
            found.append(step[0])
    return [path.removeprefix("./") for path in found]


def script_commands(path: str, text: str) -> list[Command]:
    """The command lines of a shell script, each at its first line (comments left out)."""
    found: list[Command] = []
    pending, first = "", 0
    for number, line in enumerate(text.splitlines(), 1):
        if not pending and (not line.strip() or line.lstrip().startswith("#")):
            continue
        pending, first = pending + line.rstrip("\\") + " ", first or number
        if not line.endswith("\\"):
            found.append(Command(" ".join(pending.split()), path, first, "script"))
            pending, first = "", 0
    return found
