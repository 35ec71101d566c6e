"""What a command ends up running: `make lint` -> its recipe, `npm test` -> the script, and on."""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterator

from auditor.facts.model import Command
from auditor.facts.runners.arguments import (
    hatch_target,
    just_words,
    make_args,
    nox_sessions_selected,
    option_words,
    tox_envs_selected,
)
from auditor.facts.runners.package_runs import package_run
from auditor.facts.runners.registry import TaskRunners
from auditor.facts.runners.shell_scripts import script_commands, unprefixed
from auditor.facts.shell.invocations import Invocation, invocations

Expansion = tuple[Command, ...] | None
TASK_VALUED = frozenset({"-d", "--dir", "-t", "--taskfile"})
POE_VALUED = frozenset({"-C", "--directory", "--root", "-e", "--executor"})
MAX_DEPTH = 8
FILE_ORIGINS = frozenset({"make", "npm-script", "just", "task"})
"""Commands that run in the directory of the file defining them."""


def directory_of(command: Command) -> str:
    """The directory a command runs in, relative to the root ("" for the root)."""
    return posixpath.dirname(command.path) if command.origin in FILE_ORIGINS else ""


def located_invocations(command: Command) -> Iterator[tuple[Invocation, str]]:
    """The programs `command` runs, each with its working directory (`cd x && ...` followed,
    and a wrapper's for its program: `cmake -E chdir build ctest`); a variable prefix
    (`${PREFIX}ruff`) is peeled off the program."""
    base = cwd = directory_of(command)
    for invocation in map(unprefixed, invocations(command.text)):
        if invocation.program in ("cd", "pushd"):
            target = invocation.args[0] if invocation.args else ""
            if not target or target.startswith(("$", "~", "/", "-")):
                cwd = base
            else:
                joined = posixpath.normpath(posixpath.join(cwd, target))
                cwd = "" if joined == "." else joined  # `../..`: a package view's workspace
            continue
        if invocation.program == "popd":
            cwd = base
            continue
        if invocation.directory:  # `cmake -E chdir build ctest`: for this program only
            joined = posixpath.normpath(posixpath.join(cwd, invocation.directory))
            yield invocation, "" if joined == "." else joined
            continue
        yield invocation, cwd


def reach(runners: TaskRunners, command: Command) -> tuple[Command, ...]:
    """`command` and every command it runs through task runners, depth first, each once."""
    found: dict[Command, None] = {}

    def visit(current: Command, depth: int) -> None:
        if current in found or depth > MAX_DEPTH:
            return
        found[current] = None
        for invocation, cwd in located_invocations(current):
            for child in expand(runners, invocation, cwd, current) or ():
                visit(child, depth + 1)

    visit(command, 0)
    return tuple(found)


def expand(
    runners: TaskRunners, invocation: Invocation, cwd: str, parent: Command
) -> tuple[Command, ...] | None:
    """The commands a task-runner invocation, or a repository shell script, runs; None when
    it runs neither."""
    handler = HANDLERS.get(invocation.program)
    if handler is not None:
        return handler(runners, invocation, cwd, parent)
    return script_commands(runners.src, invocation, cwd)


def _make(runners: TaskRunners, invocation: Invocation, cwd: str, _: Command) -> Expansion:
    directory, targets = make_args(invocation.args, cwd)
    if not runners.has_makefile(directory):
        return ()
    targets = targets or [t for t in [runners.default_make_target(directory)] if t]
    return tuple(c for t in targets for c in runners.make_target(directory, t))


def _just(runners: TaskRunners, invocation: Invocation, _cwd: str, _: Command) -> Expansion:
    words = just_words(invocation.args)
    if not words:
        words = ["default"] if "default" in runners.just else list(runners.just)[:1]
    return runners.just_recipe(words[0]) if words else ()


def _task(runners: TaskRunners, invocation: Invocation, _cwd: str, _: Command) -> Expansion:
    words = [w for w in option_words(invocation.args, TASK_VALUED) if "=" not in w]
    return tuple(c for name in words or ["default"] for c in runners.task(name))


def _hatch(runners: TaskRunners, invocation: Invocation, _cwd: str, parent: Command) -> Expansion:
    return _script_runner(runners.hatch, hatch_target(invocation.args), parent)


def _pdm(runners: TaskRunners, invocation: Invocation, _cwd: str, parent: Command) -> Expansion:
    args = invocation.args
    words = list(args[1:]) if args[:1] == ("run",) else list(args)
    if not words or (args[:1] != ("run",) and words[0] not in runners.pdm):
        return None
    return _script_runner(runners.pdm, (words[0], tuple(words[1:])), parent)


def _poe(runners: TaskRunners, invocation: Invocation, _cwd: str, _: Command) -> Expansion:
    words = option_words(invocation.args, POE_VALUED)
    return runners.poe.get(words[0], ()) if words else ()


def _pre_commit(runners: TaskRunners, invocation: Invocation, _cwd: str, _: Command) -> Expansion:
    return runners.pre_commit(invocation) if invocation.args[:1] == ("run",) else None


def _lint_staged(runners: TaskRunners, _i: Invocation, _cwd: str, _: Command) -> Expansion:
    return runners.lint_staged


def _tox(runners: TaskRunners, invocation: Invocation, _cwd: str, _: Command) -> Expansion:
    args = invocation.args
    config = runners.tox
    if config is None:
        return ()
    envs = tox_envs_selected(args)
    everything = [*config.env_list, *config.envs] or ["py"]
    if envs is None:
        envs = list(config.env_list) or ["py"]
    elif envs == ["ALL"] or any("$" in env for env in envs):
        envs = everything  # `-e ${{ matrix.env }}`: one of them, which is not known here
    return tuple(c for env in envs for c in config.commands(env) or ())


def _nox(runners: TaskRunners, invocation: Invocation, _cwd: str, _: Command) -> Expansion:
    args = invocation.args
    config = runners.nox
    if config is None:
        return ()
    names = nox_sessions_selected(args) or list(config.defaults)
    found: list[Command] = []
    for name in names:
        base = name.split("(", 1)[0].rsplit("-", 1)[0] if name not in config.sessions else name
        found.extend(config.sessions.get(base, ()))
    return tuple(found)


def _script_runner(
    scripts: dict[str, tuple[Command, ...]],
    target: tuple[str, tuple[str, ...]] | None,
    parent: Command,
) -> tuple[Command, ...] | None:
    """A hatch/pdm script by name, or the program `hatch run`/`pdm run` runs directly."""
    if target is None:
        return None
    name, rest = target
    if name in scripts:
        return scripts[name]
    text = " ".join([name.rsplit(":", 1)[-1], *rest])
    return (Command(text, parent.path, parent.line, parent.origin),)


HANDLERS: dict[str, Callable[[TaskRunners, Invocation, str, Command], Expansion]] = {
    "make": _make, "gmake": _make, "just": _just, "task": _task, "go-task": _task,
    "npm": package_run, "pnpm": package_run, "yarn": package_run, "bun": package_run,
    "tox": _tox, "nox": _nox, "hatch": _hatch, "pdm": _pdm, "poe": _poe, "poethepoet": _poe,
    "pre-commit": _pre_commit, "prek": _pre_commit, "lint-staged": _lint_staged,
}  # fmt: skip
"""Task runners by program: what an invocation of each runs."""
