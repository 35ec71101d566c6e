"""ctest after a document's own CMake set-up, where the test line it shows is the reader's to
fill (`./build/bin/arestest --gtest_filter='<Pattern>'`)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace

from auditor.facts.model import Command
from auditor.facts.shell.invocations import Invocation, invocations
from auditor.facts.sources import FactSources
from auditor.facts.testing.build_tools import CMAKE_TESTS

MAX_GAP = 3
"""Lines of one block are this close (blank lines and comments between them)."""


def ctest_after_documented_build(
    src: FactSources, commands: Sequence[Command], unrunnable: Callable[[str], bool]
) -> Iterator[Command]:
    """For each documented block that configures a CMake build directory (`cmake ... -B
    build`), builds it (`ninja -C build`, `cmake --build build`) and then shows a test line
    run from it that cannot run as written (`unrunnable`: a filter left as `<Pattern>`): the
    document's configure and build lines, then `ctest --test-dir build`, which runs every test
    the project registers (`enable_testing()`, `add_test`). CI lines are left alone: their
    jobs say what runs."""
    if not _registers_tests(src):
        return
    for at, command in enumerate(commands):
        if command.origin != "ci" and unrunnable(command.text):
            found = _with_ctest(_block_before(commands, at), command)
            if found is not None:
                yield found


def _with_ctest(block: list[Command], command: Command) -> Command | None:
    """The block's configure and build lines and ctest in their directory, when `command`
    runs a program built there; else None."""
    configure = next((c for c in block if _configured_dir(c)), None)
    directory = _configured_dir(configure) if configure else None
    build = next((c for c in block if directory and _builds(c, directory)), None)
    run = invocations(command.text)[:1]
    if not (configure and build and directory and run):
        return None
    if not run[0].head.removeprefix("./").startswith(f"{directory}/"):
        return None
    text = f"{configure.text} && {build.text} && ctest --test-dir {directory}"
    return replace(configure, text=text)


def _registers_tests(src: FactSources) -> bool:
    """Whether a CMakeLists.txt turns ctest on or registers a test (`enable_testing()`)."""
    return any(CMAKE_TESTS.search(src.text(f.path) or "") for f in src.repo.glob("CMakeLists.txt"))


def _block_before(commands: Sequence[Command], at: int) -> list[Command]:
    """The lines of the same document just before `commands[at]`, each close to the next."""
    block: list[Command] = []
    after = commands[at]
    for command in reversed([c for c in commands[:at] if c.path == after.path]):
        gap = (after.line or 0) - (command.line or 0)
        if not 0 < gap <= MAX_GAP:
            break
        block.insert(0, command)
        after = command
    return block


def _configured_dir(command: Command) -> str | None:
    """`build` of a single `cmake ... -B build` line."""
    found = invocations(command.text)
    if len(found) != 1 or found[0].program != "cmake":
        return None
    args = found[0].args
    for i, arg in enumerate(args):
        if arg == "-B" and i + 1 < len(args):
            return args[i + 1].removeprefix("./").rstrip("/")
        if arg.startswith("-B") and len(arg) > 2:
            return arg[2:].removeprefix("./").rstrip("/")
    return None


def _builds(command: Command, directory: str) -> bool:
    """Whether `command` is one build of `directory` (`ninja -C build`, `cmake --build build`)."""
    found = invocations(command.text)
    return len(found) == 1 and _build_of(found[0]) == directory


def _build_of(invocation: Invocation) -> str | None:
    args = [a.removeprefix("./").rstrip("/") for a in invocation.args]
    if invocation.program in ("ninja", "make") and args[:1] == ["-C"] and len(args) > 1:
        return args[1]
    if invocation.program == "cmake" and args[:1] == ["--build"] and len(args) > 1:
        return args[1]
    return None
