"""Shell command lines read as program invocations (`syntax`), with wrappers and prompts peeled."""

from __future__ import annotations

import functools
import posixpath
import re
from dataclasses import dataclass

from auditor.facts.shell.syntax import commands

PROMPT = re.compile(r"^(?:\([\w.-]+\)\s*)?(?:[$%>]|PS>)\s+")
ASSIGNMENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*=")
VARIABLE_HEAD = re.compile(r"^\$[({]([A-Za-z_][A-Za-z0-9_]*)[)}]$")
SHELL_WORDS = frozenset({"time", "exec", "command", "sudo", "nice", "builtin", "eval", "xvfb-run"})
"""Programs that only run the command after them (the shell's own keywords are syntax)."""
WRAPPERS: dict[str, frozenset[str]] = {
    "uv run": frozenset({
        "--with", "--extra", "--group", "--only-group", "-p", "--python", "--package",
        "--directory", "--project", "--with-requirements", "--env-file", "--index", "--no-group",
        "--no-extra"
    }),
    "uv tool run": frozenset({"--with", "--from", "-p", "--python"}),
    "uvx": frozenset({"--with", "--from", "-p", "--python"}),
    "poetry run": frozenset({"-C", "--directory", "-P", "--project"}),
    "pipenv run": frozenset(),
    "rye run": frozenset(),
    "pixi run": frozenset({"-e", "--environment"}),
    "pipx run": frozenset({"--spec"}),
    "conda run": frozenset({"-n", "--name", "-p", "--prefix"}),
    "micromamba run": frozenset({"-n", "--name"}),
    "npx": frozenset({"-p", "--package"}),
    "pnpx": frozenset(),
    "bunx": frozenset(),
    "bun x": frozenset(),
    "pnpm exec": frozenset(),
    "pnpm dlx": frozenset(),
    "yarn exec": frozenset(),
    "yarn dlx": frozenset({"-p", "--package"}),
    "npm exec": frozenset({"-p", "--package"}),
    "bundle exec": frozenset(),
    "xargs": frozenset({
        "-n", "-I", "-P", "-L", "-d", "-a", "-E", "-s", "--max-args", "--max-procs",
        "--delimiter", "--arg-file"
    }),
    "timeout": frozenset({"-s", "--signal", "-k", "--kill-after"}),
    "env": frozenset({"-u", "--unset", "-C", "--chdir"}),
    "dotenv run": frozenset({"-f", "--file"}),
    "nix develop": frozenset({"-c", "--command"}),
}  # fmt: skip
"""Programs (one or two words) that run the command after them, with options taking a value."""
TOOLCHAIN_PROXIES = frozenset({"cargo", "rustc", "rustdoc", "rustfmt", "cargo-clippy"})
"""rustup's proxies, which take the toolchain to run as a first `+nightly` word."""


@dataclass(frozen=True, slots=True)
class Invocation:
    """One program run by a command line: its normalised name and its arguments."""

    program: str
    args: tuple[str, ...]
    head: str = ""
    """The program word as written (`./scripts/test.sh`, `$(PYTHON)`)."""
    directory: str = ""
    """Where a wrapper runs it, from where the line runs (`cmake -E chdir build ctest`)."""


def strip_prompt(line: str) -> str:
    """A command line without its `$ ` (or `(venv) $ `, `% `, `PS> `) prompt."""
    return PROMPT.sub("", line.strip(), count=1)


def normalise_program(word: str) -> str:
    """`./node_modules/.bin/eslint` -> eslint, `$(PYTHON)` -> python, `python3.12` -> python."""
    variable = VARIABLE_HEAD.match(word)
    if variable:
        word = variable.group(1).lower()
    if "/" in word and not word.startswith(("./mvnw", "./gradlew")):
        word = word.rstrip("/").rsplit("/", 1)[-1]
    word = word.removeprefix("./")
    for suffix in (".exe", ".cmd", ".bat"):
        word = word.removesuffix(suffix)
    if re.fullmatch(r"python[\d.]*|py", word):
        return "python"
    return word


def invocations(text: str) -> list[Invocation]:
    """Every program a command line runs, wrappers (`uv run`, `npx`, `sudo`, `FOO=1`) peeled."""
    return list(_invocations(text))


@functools.lru_cache(maxsize=16384)
def _invocations(text: str) -> tuple[Invocation, ...]:
    """`invocations`, memoised: the same command is resolved from many places (CI, task
    runners, docs)."""
    found: list[Invocation] = []
    for words in commands(strip_prompt(text)):
        argv, directory = peel(words), ""
        while _chdir(argv):  # `cmake -E chdir build ctest`: ctest, run in build/
            directory = posixpath.join(directory, argv[3]) if directory else argv[3]
            argv = peel(argv[4:])
        if argv:
            program, args = normalise_program(argv[0]), argv[1:]
            if program in TOOLCHAIN_PROXIES and args[:1] and args[0].startswith("+"):
                args = args[1:]  # `cargo +nightly test`: rustup's toolchain, not an argument
            found.append(Invocation(program, tuple(args), argv[0], directory))
    return tuple(found)


def _chdir(argv: list[str]) -> bool:
    """Whether `argv` is `cmake -E chdir DIR COMMAND...`: COMMAND run in DIR."""
    return len(argv) > 4 and normalise_program(argv[0]) == "cmake" and argv[1:3] == ["-E", "chdir"]


def peel(argv: list[str]) -> list[str]:
    """`argv` without leading assignments, shell keywords and wrapper programs."""
    for _ in range(8):
        while argv and (ASSIGNMENT.match(argv[0]) or argv[0] in SHELL_WORDS):
            argv = argv[1:]
        if not argv:
            return argv
        rest = _after_wrapper(argv)
        if rest is None:
            rest = _after_module_runner(argv)
        if rest is None:
            return argv
        argv = rest
    return argv


def _after_wrapper(argv: list[str]) -> list[str] | None:
    head = normalise_program(argv[0])
    for name, valued in WRAPPERS.items():
        words = name.split()
        if head != words[0] or argv[1 : len(words)] != words[1:]:
            continue
        rest = argv[len(words) :]
        while rest and (rest[0].startswith("-") or (head == "timeout" and rest[0][:1].isdigit())):
            option = rest.pop(0)
            if option == "--":
                break
            if option in valued and rest:
                rest.pop(0)
        return rest
    return None


def _after_module_runner(argv: list[str]) -> list[str] | None:
    """`python -m pytest` -> pytest; `coverage run -m pytest` -> pytest."""
    head = normalise_program(argv[0])
    if head == "coverage" and argv[1:2] == ["run"]:
        rest = argv[2:]
    elif head == "python":
        rest = argv[1:]
    else:
        return None
    while rest and rest[0].startswith("-") and rest[0] != "-m":
        rest = rest[1:]
    if rest[:1] == ["-m"] and len(rest) > 1:
        return rest[1:]
    return None
