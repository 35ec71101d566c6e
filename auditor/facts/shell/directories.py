"""Script lines with the directory each runs in: a `cd build` on one line holds for the next."""

from __future__ import annotations

import posixpath
from collections.abc import Callable

from auditor.facts.shell.invocations import Invocation, invocations
from auditor.facts.shell.script_lines import script_lines

UNKNOWN_TARGET = ("$", "~", "/", "-")
"""`cd` targets that cannot be followed statically (`cd $DIR`, `cd ~`, `cd /tmp`, `cd -`)."""
OUTSIDE = ("/", "~")
"""`cd` targets outside the repository (`cd /tmp/app`, `cd ~/project`)."""


def located_script_lines(
    script: str,
    first_line: int | None = None,
    base: str = "",
    exists: Callable[[str], bool] | None = None,
) -> list[tuple[int | None, str]]:
    """`script_lines`, each written as `cd DIR && line` when it runs in DIR (from the root):
    the `base` directory, then a `cd`/`pushd` on an earlier line that lasts (not inside a
    subshell `( ... )`), `popd` going back. A target that cannot be followed (`cd $DIR`)
    goes back to the root. With `exists` (a document's block), a `cd` into a directory the
    repository does not have and the script did not make (`mkdir`, `cmake -B`, `meson setup`)
    is not followed: a document's `git clone URL && cd name` lands in the repository itself;
    and after a `cd` out of the repository (`cd /tmp/app`, `cd ~/project`) the lines are about
    another project and are left out (until a `popd`)."""
    return walk_script_lines(script, first_line, base, exists)[0]


def final_directory(script: str, base: str = "") -> str:
    """The directory (from the root) a script leaves its shell in: `base` after its lasting
    `cd`s; the root when one cannot be followed or leaves the repository."""
    stack: list[str | None] = [_normalise(base)]
    made: set[str] = set()
    for _, text in script_lines(script):
        if not (text.startswith("(") and text.endswith(")")):
            for invocation in invocations(text):
                _move(stack, invocation, None, made)
    return stack[-1] or ""


def walk_script_lines(
    script: str,
    first_line: int | None = None,
    base: str = "",
    exists: Callable[[str], bool] | None = None,
    outside: bool = False,
) -> tuple[list[tuple[int | None, str]], bool]:
    """`located_script_lines`, starting `outside` the repository when an earlier block of the
    same section left it, and whether the script ends outside it."""
    stack: list[str | None] = [None if outside else _normalise(base)]
    made: set[str] = set()
    found: list[tuple[int | None, str]] = []
    for line, text in script_lines(script, first_line):
        cwd = stack[-1]
        if cwd is not None:
            found.append((line, f"cd {cwd} && {text}" if cwd else text))
        if text.startswith("(") and text.endswith(")"):
            continue  # a subshell's directory changes end with it
        for invocation in invocations(text):
            made.update(_made(invocation, stack[-1] or ""))
            _move(stack, invocation, exists, made)
    return found, stack[-1] is None


def _move(
    stack: list[str | None],
    invocation: Invocation,
    exists: Callable[[str], bool] | None,
    made: set[str],
) -> None:
    program, args = invocation.program, [a for a in invocation.args if a != "--"]
    if program == "popd":
        if len(stack) > 1:
            stack.pop()
        return
    if program not in ("cd", "pushd"):
        return
    target = args[0] if args else "/"
    directory = _destination(stack[-1], target, exists is not None)
    if directory and exists is not None and directory not in made and not exists(directory):
        return  # a directory the repository lacks and the script did not make: not followed
    if program == "pushd":
        stack.append(directory)
    else:
        stack[-1] = directory


def _destination(cwd: str | None, target: str, document: bool) -> str | None:
    """Where `cd target` from `cwd` goes: a directory from the root, "" for a target that
    cannot be followed, None outside the repository (a document's `cd /tmp/app`)."""
    if cwd is None or (target.startswith(OUTSIDE) and document):
        return None
    if target.startswith(UNKNOWN_TARGET):
        return ""
    return _normalise(posixpath.join(cwd, target))


def _made(invocation: Invocation, cwd: str) -> list[str]:
    """The directories an invocation creates: `mkdir -p a b`, `cmake -E make_directory a`,
    `cmake -B build`, `meson setup b`."""
    return [_normalise(posixpath.join(cwd, name)) for name in _made_names(invocation)]


def _made_names(invocation: Invocation) -> list[str]:
    program, args = invocation.program, invocation.args
    if program == "cmake" and args[:2] == ("-E", "make_directory"):
        return _plain(args[2:])
    if program == "mkdir":
        return _plain(args)
    if program == "cmake":
        glued = [a[2:] for a in args if a.startswith("-B") and len(a) > 2]
        return [args[i + 1] for i, a in enumerate(args[:-1]) if a == "-B"] + glued
    return _plain(args[1:2]) if program == "meson" and args[:1] == ("setup",) else []


def _plain(args: tuple[str, ...]) -> list[str]:
    """The arguments that are not options."""
    return [a for a in args if not a.startswith("-")]


def _normalise(path: str) -> str:
    """A directory relative to the root, "" for the root itself; one above it keeps its `..`
    (a package's document going to its workspace's root: `cd ../..`)."""
    joined = posixpath.normpath(path) if path else "."
    return "" if joined == "." else joined
