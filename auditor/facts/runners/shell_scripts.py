"""Repository shell scripts a command runs (`scripts/check`, `bash scripts/lint.sh`), and
programs reached through a variable prefix (`${PREFIX}ruff`, `$VENV/bin/mypy`, `$RUN pytest`)."""

from __future__ import annotations

import posixpath
import re
import shlex
from dataclasses import replace

from auditor.facts.model import Command
from auditor.facts.shell.invocations import Invocation, invocations
from auditor.facts.shell.script_lines import script_lines
from auditor.facts.sources import FactSources

SHELLS = frozenset({"bash", "sh", "zsh", "dash", "ksh"})
SHELL_SUFFIXES = (".sh", ".bash", ".zsh")
SHEBANG = re.compile(r"^#!\s*\S*(?:/|env\s+)(?:ba|z|da|k)?sh\b")
JOINED_PREFIX = re.compile(r"^\$(?:\{[A-Za-z_]\w*\}(?=[^\s$])|[A-Za-z_]\w*(?=/))(?P<rest>.+)$")
"""`${PREFIX}ruff`, `$VENV/bin/mypy`: a variable glued to the program it locates."""
FORWARDED = re.compile(r'"\$[@*]"|\$[@*]|"\$\{[@*]\}"|\$\{[@*]\}')
"""A script's forwarding of its own arguments."""
POSITIONAL = re.compile(r"\$\{([1-9])(:?-([^}]*))?\}|\$([1-9])")
"""`$1`, `${1}`, `${1:-test}`: one of the script's arguments, or its default."""
VARIABLE = re.compile(r"\$\{([A-Za-z_]\w*)\}|\$([A-Za-z_]\w*)\b")
ASSIGNMENT = re.compile(r"^([A-Za-z_]\w*)=(\S*)$")
"""A line that only sets a variable (`cmd="${1:-test}"`)."""
BARE_PREFIX = re.compile(
    r"^\$\{?[A-Za-z_]*(?:PREFIX|BIN|VENV|RUN|EXEC)\w*(?::?-[^}]*)?\}?$", re.IGNORECASE
)
"""`$PREFIX mypy`, `$RUN pytest`, `${TEST_PREFIX:-} ./t`: a variable named as a prefix,
before the program it runs."""


def unprefixed(invocation: Invocation) -> Invocation:
    """The invocation with a variable prefix peeled off its program, else itself."""
    head = invocation.head
    glued = JOINED_PREFIX.match(head)
    if glued:
        words = [glued.group("rest"), *invocation.args]
    elif BARE_PREFIX.match(head) and invocation.args and not invocation.args[0].startswith("-"):
        words = list(invocation.args)
    else:
        return invocation
    found = invocations(shlex.join(words))
    return replace(found[0], directory=invocation.directory) if found else invocation


def script_commands(
    src: FactSources, invocation: Invocation, cwd: str
) -> tuple[Command, ...] | None:
    """The command lines of the repository's shell script `invocation` runs, else None.

    The script is the program itself when it is written as a relative path
    (`scripts/check`, `./scripts/test.sh`), or the first argument of a shell (`bash x.sh`);
    it is looked up from the command's directory, then from the root. A file counts as a
    shell script by its suffix or its `#!` line. The script's `"$@"` and `$*` become the
    arguments it is given (`./build.sh --target=Pack` runs `dotnet cake --target=Pack`).
    """
    target = _target(invocation)
    if target is None:
        return None
    args = (
        invocation.args[invocation.args.index(target) + 1 :]
        if target in invocation.args
        else invocation.args
    )
    for base in dict.fromkeys((cwd, "")):
        path = posixpath.normpath(posixpath.join(base, target))
        if path.startswith("..") or src.repo.file(path) is None:
            continue
        text = src.text(path)
        if text is None or not _is_shell(path, text):
            return None
        return _with_arguments(script_lines(text, 1), path, args)
    return None


def _with_arguments(
    lines: list[tuple[int | None, str]], path: str, args: tuple[str, ...]
) -> tuple[Command, ...]:
    """The script's command lines with its arguments in place: `"$@"` and `$*` as all of them,
    `$1` and `${1:-test}` as one (or its default); the script's own plain assignments
    (`cmd="${1:-test}"`) are substituted in the lines after them (`cargo "${cmd}"`)."""
    forwarded = shlex.join(args)
    known: dict[str, str] = {}

    def positional(match: re.Match[str]) -> str:
        index = int(match.group(1) or match.group(4)) - 1
        if index < len(args):
            return shlex.quote(args[index])
        return match.group(3) if match.group(2) else match.group(0)

    def variable(match: re.Match[str]) -> str:
        return known.get(match.group(1) or match.group(2), match.group(0))

    found: list[Command] = []
    for number, line in lines:
        line = VARIABLE.sub(
            variable, POSITIONAL.sub(positional, FORWARDED.sub(lambda _: forwarded, line))
        )
        assignment = ASSIGNMENT.match(line)
        if assignment is None:
            found.append(Command(line, path, number, "script"))
            continue
        try:
            words = shlex.split(assignment.group(2))
        except ValueError:
            words = []
        if len(words) == 1 and "$" not in words[0]:
            known[assignment.group(1)] = words[0]
    return tuple(found)


def _target(invocation: Invocation) -> str | None:
    head = invocation.head
    if invocation.program in SHELLS:
        if invocation.args[:1] == ("-c",):
            return None
        return next((a for a in invocation.args if not a.startswith("-")), None)
    if "/" in head and not head.startswith(("$", "~", "/")):
        return head
    return None


FOREIGN_SHEBANG = re.compile(r"^#!(?!.*\b(?:ba|z|da|k)?sh\b|.*\bpwsh\b)")
"""A `#!` line naming an interpreter other than a shell (`#!/usr/bin/env python3`)."""


def is_foreign_script(text: str) -> bool:
    """Whether a script's `#!` line names another interpreter: its lines are not commands."""
    return FOREIGN_SHEBANG.match(text.split("\n", 1)[0]) is not None


def _is_shell(path: str, text: str) -> bool:
    if path.endswith(SHELL_SUFFIXES):
        return True
    first = text.split("\n", 1)[0]
    return "." not in path.rpartition("/")[2] and SHEBANG.match(first) is not None
