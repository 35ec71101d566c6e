"""Whether a command runs the test suite, and the task-runner targets that do (`make test`)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from auditor.facts.model import Command
from auditor.facts.runners.arguments import make_args
from auditor.facts.runners.makefile import makefile_in, read_configured_makefile
from auditor.facts.runners.package_runs import binary_run
from auditor.facts.runners.package_scripts import PLACEHOLDER_TEST, package_manager, script_command
from auditor.facts.runners.registry import TaskRunners
from auditor.facts.runners.resolution import expand, located_invocations, reach
from auditor.facts.shell.invocations import Invocation, invocations
from auditor.facts.testing.build_dirs import cmake_configure
from auditor.facts.testing.build_tools import BOOTSTRAP_SCRIPTS, CMAKE_TESTS, automake_tests
from auditor.facts.testing.invocations import (
    TestEnvironment,
    runs_test_suite,
    selects_part,
    test_script,
)

TEST_NAME = re.compile(
    r"^(?:tests?|unit[-_]?tests?|test[-_:]?(?:all|unit|ci|suite)|check|ci|coverage|cov)$"
)
"""Target names that promise the test suite (`env:` prefixes of hatch scripts allowed)."""
INTERACTIVE = frozenset({"watch", "ui", "debug", "update", "open", "dev"})
"""Script suffixes that keep running or need a person (`test:watch`)."""
PREFERRED = ("test", "tests", "test:all", "test-all", "check")


def runs_tests(runners: TaskRunners, env: TestEnvironment, command: Command) -> bool:
    """Whether `command` runs the whole test suite, directly or through task runners.

    A runner invocation whose target is named `test` (or `tests`, `check`, ...) counts when
    the target exists even if what it runs is not recognised (`test: ; ./ci/run-all`); after
    `./configure`, make reads the Makefile it writes from `Makefile.in`.
    """
    if any(selects_part(i) or _passes_filter(i) for i in _entry_invocations(runners, command)):
        return False  # `tox -e py -- tests/test_a.py`, `pnpm test-unit foo`: a part of the suite
    for reached in reach(runners, command):
        for invocation, cwd in located_invocations(reached):
            if runs_test_suite(invocation, cwd, env):
                return True
            if _named_test_target(runners, invocation, cwd, reached):
                return True
    return False


def _entry_invocations(runners: TaskRunners, command: Command) -> Iterator[Invocation]:
    """The invocations `command` starts, a package binary's own (`pnpm vitest run` is
    `vitest run`, whose `run` is a subcommand, not a filter passed to a script)."""
    for invocation, cwd in located_invocations(command):
        binary = None
        if invocation.program in RUN_SUBCOMMAND - {"hatch", "pdm"}:
            binary = binary_run(runners, invocation, cwd, command)
        yield from invocations(binary.text) if binary else (invocation,)


def seen_to_run_tests(runners: TaskRunners, env: TestEnvironment, command: Command) -> bool:
    """Whether something `command` reaches is seen to run a test suite or a test program (not
    only a target named `test` whose recipe runs an unknown program, nor a script named
    `test.sh` whose lines, read, run none: `integration/test.sh` of `curl` calls)."""
    reached = reach(runners, command)
    read = {c.path for c in reached}
    return any(
        _seen_to_test(invocation, cwd, env, read) or _cmake_make_test(runners, invocation, cwd, c)
        for c in reached
        for invocation, cwd in located_invocations(c)
    )


def _cmake_make_test(
    runners: TaskRunners, invocation: Invocation, cwd: str, parent: Command
) -> bool:
    """`make test` in a directory the command configures with CMake first: ctest's run."""
    if invocation.program not in ("make", "gmake"):
        return False
    directory, words = make_args(invocation.args, cwd)
    return words[:1] == ["test"] and _cmake_tests_in(runners, directory, parent)


def _seen_to_test(invocation: Invocation, cwd: str, env: TestEnvironment, read: set[str]) -> bool:
    """A test run, or a test program the build makes (`./hiredis-test`); a test script only
    when its lines could not be read (they are judged themselves)."""
    script = test_script(invocation, cwd, env)
    if script is not None:
        return script not in read
    if runs_test_suite(invocation, cwd, env):
        return True
    head = invocation.head
    built = head.startswith("./") and not env.has_file(cwd, head)
    return built and "test" in head.rsplit("/", 1)[-1].lower()


def _passes_filter(invocation: Invocation) -> bool:
    """Whether a package script or just recipe gets words after its name (`pnpm test x`)."""
    words = [w for w in invocation.args if not w.startswith("-")]
    if invocation.program in ("npm", "pnpm", "yarn", "bun"):
        if words[:1] == ["run"] or (invocation.program == "npm" and words[:1] == ["run-script"]):
            words = words[1:]
        return len(words) > 1
    return invocation.program == "just" and len(words) > 1


def _named_test_target(
    runners: TaskRunners, invocation: Invocation, cwd: str, parent: Command
) -> bool:
    if invocation.program in ("make", "gmake"):
        return _named_make_target(runners, invocation, cwd, parent)
    words = _target_words(runners, invocation)
    if not words or not is_test_name(words[0], scoped=invocation.program == "hatch"):
        return False
    if words[0].rsplit(":", 1)[-1] in PROMISING_NAMES:
        return False  # these names promise tests only when what they run is seen to run them
    children = expand(runners, invocation, cwd, parent)
    return bool(children) and not any(PLACEHOLDER_TEST in c.text for c in children or ())


PROMISING_NAMES = ("ci", "check", "coverage", "cov")


def _target_words(runners: TaskRunners, invocation: Invocation) -> list[str]:
    """The targets a runner's invocation names (`npm run test`: test); plain `nox`, the
    sessions the noxfile names for it."""
    words = [w for w in invocation.args if not w.startswith("-")]
    if words[:1] == ["run"] and invocation.program in RUN_SUBCOMMAND:
        words = words[1:]
    nox = runners.nox
    if invocation.program == "nox" and not invocation.args and nox and nox.declared:
        words = list(nox.defaults)
    return words


def _named_make_target(
    runners: TaskRunners, invocation: Invocation, cwd: str, parent: Command
) -> bool:
    """A make `test:` rule, even one that only depends on others; automake's `check` after
    `./configure`, which runs the `TESTS` of Makefile.am."""
    directory, words = make_args(invocation.args, cwd)
    if not words or not is_test_name(words[0]):
        return False
    if words[0] == "check" and _automake_tests(runners, directory, parent):
        return True
    if words[0] in PROMISING_NAMES:
        return False
    return _has_make_rule(runners, directory, words[0], parent)


RUN_SUBCOMMAND = frozenset({"npm", "pnpm", "yarn", "bun", "hatch", "pdm"})
"""Runners whose `run NAME` names the target (`npm run test`)."""


def _has_make_rule(runners: TaskRunners, directory: str, target: str, parent: Command) -> bool:
    """Whether the Makefile in `directory` has `target`: the one `./configure` writes, when
    the command runs configure there first."""
    makefile = runners.makefile(directory)
    if _configures(runners, directory, parent):
        makefile = read_configured_makefile(runners.src, directory) or makefile
    if makefile is None and target == "test":
        return _cmake_tests_in(runners, directory, parent)
    return makefile is not None and makefile.rule_for(target) is not None


def _cmake_tests_in(runners: TaskRunners, directory: str, parent: Command) -> bool:
    """Whether `parent` configures `directory` with CMake first (`cd build && cmake ..`,
    `cmake -B build`) from sources that declare tests: the Makefile CMake writes there has
    a `test` target that runs ctest."""
    for invocation, at in located_invocations(parent):
        configured = cmake_configure(invocation, at)
        if configured is not None and configured[1] == (directory or "."):
            source = "" if configured[0] == "." else f"{configured[0]}/"
            if CMAKE_TESTS.search(runners.src.text(f"{source}CMakeLists.txt") or ""):
                return True
    return False


def _automake_tests(runners: TaskRunners, directory: str, parent: Command) -> bool:
    """Whether `parent` runs `./configure` in `directory` first, whose `Makefile.am` declares
    tests (`TESTS = ...`): the Makefile configure writes has automake's `check`."""
    return _configures(runners, directory, parent) and automake_tests(runners.src, directory)


def _configures(runners: TaskRunners, directory: str, parent: Command) -> bool:
    """Whether `parent` runs `./configure` in `directory`, which is there or written by an
    earlier `autoreconf -i` or bootstrap script (`./autogen.sh`, `./buildconf.sh`) of the
    same command."""
    made = runners.src.repo.file(f"{directory}/configure" if directory else "configure") is not None
    for invocation, at in located_invocations(parent):
        if at == directory and invocation.program in GENERATES_CONFIGURE:
            made = True
        if invocation.program == "configure" and at == directory and made:
            return True
    return False


GENERATES_CONFIGURE = frozenset({"autoreconf", "autogen", *BOOTSTRAP_SCRIPTS})


def runner_test_commands(runners: TaskRunners, env: TestEnvironment) -> list[Command]:
    """`make test`, `just test`, `task test`, `pnpm test`, `tox`, `nox -s tests`, ... that
    exist and run the tests, each found where the target is defined (origin: the runner)."""
    candidates = [
        *_make(runners),
        *_just(runners),
        *_task(runners),
        *_scripts(runners),
        *_tox(runners),
        *_nox(runners),
        *_python_scripts(runners),
    ]
    return [command for command in candidates if runs_tests(runners, env, command)]


def _ordered(names: list[str], scoped: bool = False) -> list[str]:
    def rank(name: str) -> tuple[int, int]:
        return (PREFERRED.index(name) if name in PREFERRED else len(PREFERRED), names.index(name))

    return sorted((name for name in names if is_test_name(name, scoped)), key=rank)


def is_test_name(name: str, scoped: bool = False) -> bool:
    """`test`, `tests`, `test-all`, `check`, `test:e2e` (not `test:watch`); with `scoped`, a
    hatch `env:script` whose env is `test(s)` or whose script is a test name."""
    if scoped and ":" in name:
        env, script = name.split(":", 1)
        return env in ("test", "tests") or bool(TEST_NAME.match(script))
    if TEST_NAME.match(name):
        return True
    head, _, tail = name.partition(":")
    return head in ("test", "tests") and bool(tail) and tail not in INTERACTIVE


def _make(runners: TaskRunners) -> Iterator[Command]:
    targets = runners.make("")
    path = makefile_in(runners.src, "") or "Makefile"
    for name in _ordered(list(targets)):
        yield Command(f"make {name}", path, targets[name].line, "make")


def _just(runners: TaskRunners) -> Iterator[Command]:
    for name in _ordered(list(runners.just)):
        recipe = runners.just[name]
        yield Command(f"just {name}", recipe.path, recipe.line, "just")


def _task(runners: TaskRunners) -> Iterator[Command]:
    for name in _ordered(list(runners.tasks)):
        task = runners.tasks[name]
        yield Command(f"task {name}", task.path, task.line, "task")


def _scripts(runners: TaskRunners) -> Iterator[Command]:
    scripts = runners.scripts("")
    manager = package_manager(runners.src)
    for name in _ordered(list(scripts)):
        text = script_command(manager, name)
        yield Command(text, scripts[name].path, scripts[name].line, "npm-script")


def _tox(runners: TaskRunners) -> Iterator[Command]:
    config = runners.tox
    if config is None:
        return
    yield Command("tox", config.path, None, "tox")
    for name in _ordered(list(config.envs)):
        yield Command(f"tox -e {name}", config.path, None, "tox")


def _nox(runners: TaskRunners) -> Iterator[Command]:
    config = runners.nox
    if config is None:
        return
    if config.declared and len(config.defaults) == 1:  # the one run the noxfile chose for `nox`
        first = config.sessions[config.defaults[0]]
        yield Command("nox", "noxfile.py", first[0].line if first else None, "nox")
    for name in dict.fromkeys([*_ordered(list(config.sessions)), *config.sessions]):
        commands = config.sessions[name]
        yield Command(f"nox -s {name}", "noxfile.py", commands[0].line if commands else None, "nox")


def _python_scripts(runners: TaskRunners) -> Iterator[Command]:
    for runner, table, origin in (
        ("hatch run", runners.hatch, "hatch"),
        ("pdm run", runners.pdm, "pdm"),
        ("poe", runners.poe, "poe"),
    ):
        for name in _ordered(list(table), scoped=origin == "hatch"):
            commands = table[name]
            path = commands[0].path if commands else "pyproject.toml"
            yield Command(f"{runner} {name}", path, commands[0].line if commands else None, origin)
