"""What `npm`, `pnpm`, `yarn` and `bun` invocations run: a package script, or a package binary."""

from __future__ import annotations

import itertools
import posixpath
from typing import TYPE_CHECKING

from auditor.facts.model import Command
from auditor.facts.shell.invocations import Invocation

if TYPE_CHECKING:
    from auditor.facts.runners.registry import TaskRunners

SCRIPT_SHORTCUTS = {
    "test": "test",
    "t": "test",
    "tst": "test",
    "start": "start",
    "stop": "stop",
    "restart": "restart",
}
RUN_WORDS = frozenset({"run", "run-script", "rum", "urn"})
DIRECTORY_OPTIONS = frozenset({"--prefix", "-C", "--dir", "--cwd"})
WORKSPACE_OPTIONS = frozenset({"-w", "--workspace", "--filter", "-F"})
WORKSPACE_FLAGS = frozenset({"-r", "--recursive", "-ws", "--workspaces", "-A", "--all"})
BUILTINS = frozenset({
    "install", "i", "ci", "add", "remove", "rm", "uninstall", "update", "up", "upgrade",
    "outdated", "link", "unlink", "publish", "pack", "init", "create", "config", "set", "get",
    "login", "logout", "audit", "info", "view", "why", "list", "ls", "store", "cache", "version",
    "help", "import", "rebuild", "prune", "dedupe", "patch", "patch-commit", "env", "setup",
    "fetch", "deploy", "licenses", "bin", "root", "node", "workspaces", "workspace", "plugin",
    "constraints", "explain", "npm", "dlx", "exec", "x", "pm", "build-info"
})  # fmt: skip
"""Subcommands of the package managers themselves (never scripts or package binaries)."""


def package_run(
    runners: TaskRunners, invocation: Invocation, cwd: str, parent: Command
) -> tuple[Command, ...] | None:
    """The script(s) an npm/pnpm/yarn/bun invocation runs, or the binary it runs; else None."""
    program = invocation.program
    directory, workspace, words = _parse(program, invocation.args, cwd)
    name = _script_name(program, words, set(runners.scripts(directory)), workspace)
    if name is None:
        return _binary(program, words, parent)
    if workspace:
        return runners.workspace_scripts(name)
    found = runners.package_script(directory, name)
    if not found and words[0] in RUN_WORDS:
        return _binary(program, words[1:], parent)  # `pnpm run vitest`: no such script
    return found


def binary_run(
    runners: TaskRunners, invocation: Invocation, cwd: str, parent: Command
) -> Command | None:
    """The package binary an npm/pnpm/yarn/bun invocation runs (`pnpm vitest run` where no
    script is named `vitest`: `vitest run`), or None when it runs a script or a subcommand."""
    program = invocation.program
    directory, workspace, words = _parse(program, invocation.args, cwd)
    name = _script_name(program, words, set(runners.scripts(directory)), workspace)
    if name is None:
        found = _binary(program, words, parent)
    elif not workspace and words[0] in RUN_WORDS and not runners.package_script(directory, name):
        found = _binary(program, words[1:], parent)
    else:
        found = None
    return found[0] if found else None


def _script_name(program: str, words: list[str], scripts: set[str], workspace: bool) -> str | None:
    """The package script an invocation names (`npm test`, `pnpm run lint`, `yarn lint`)."""
    if not words or (program == "bun" and words[0] == "test"):
        return None  # `bun test` is bun's own test runner, not the `test` script
    first = words[0]
    if first in RUN_WORDS:
        return words[1] if len(words) > 1 else None
    if first in SCRIPT_SHORTCUTS:
        return SCRIPT_SHORTCUTS[first]
    if program != "npm" and (first in scripts or workspace):
        return first
    return None


def _binary(program: str, words: list[str], parent: Command) -> tuple[Command, ...] | None:
    """`pnpm vitest run`: a package binary, run as `pnpm exec` would; None for a subcommand."""
    if program == "npm" or not words or words[0] in BUILTINS | RUN_WORDS:
        return None
    if program == "bun" and words[0] == "test":
        return None
    return (Command(" ".join(words), parent.path, parent.line, parent.origin),)


def _parse(program: str, args: tuple[str, ...], cwd: str) -> tuple[str, bool, list[str]]:
    """(package directory, whether every workspace package is meant, the remaining words)."""
    rest = list(args)
    directory, workspace = _leading_options(rest, cwd)
    words = list(itertools.takewhile(lambda arg: arg != "--", rest))
    if program != "yarn":
        return directory, workspace, words
    if words[:1] == ["workspaces"]:  # yarn workspaces [foreach] run x
        return directory, True, [w for w in words[1:] if w != "foreach"]
    if words[:1] == ["workspace"] and len(words) > 2:
        return directory, True, words[2:]  # yarn workspace NAME x: counted for every package
    return directory, workspace, words


def _leading_options(rest: list[str], cwd: str) -> tuple[str, bool]:
    """(package directory, workspace) from the options before the first word or `--`.

    Takes those options (and their values) off the front of `rest`; other options are skipped.
    """
    directory, workspace = cwd, False
    while rest and rest[0].startswith("-") and rest[0] != "--":
        arg = rest.pop(0)
        option, _, value = arg.partition("=")
        if option in DIRECTORY_OPTIONS | WORKSPACE_OPTIONS:
            value = value or _pop(rest)
            if option in DIRECTORY_OPTIONS:
                directory = _directory(cwd, value)
            else:
                workspace = True
        elif arg in WORKSPACE_FLAGS:
            workspace = True
    return directory, workspace


def _pop(rest: list[str]) -> str:
    """The next argument (an option's value), taken off `rest`; "" when there is none."""
    return rest.pop(0) if rest else ""


def _directory(cwd: str, value: str) -> str:
    """The package directory `--prefix VALUE` names from `cwd`; "" for the root or outside it."""
    joined = posixpath.normpath(posixpath.join(cwd, value))
    return "" if joined == "." or joined.startswith("..") else joined
