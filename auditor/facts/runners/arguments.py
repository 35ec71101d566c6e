"""Command-line arguments of task runners: which targets, envs or sessions an invocation names."""

from __future__ import annotations

import posixpath
import re

MAKE_VALUED = frozenset(
    {
        "-f",
        "--file",
        "--makefile",
        "-j",
        "--jobs",
        "-l",
        "-I",
        "-o",
        "-W",
        "--include-dir",
        "--old-file",
        "--what-if",
    }
)
TOX_VALUED = frozenset(
    {
        "-c",
        "--conf",
        "--root",
        "--workdir",
        "-x",
        "--override",
        "-m",
        "-f",
        "--factors",
        "--labels",
        "-i",
        "--index-url",
        "--installpkg",
    }
)
NOX_VALUED = frozenset(
    {
        "-f",
        "--noxfile",
        "-k",
        "--keywords",
        "-t",
        "--tags",
        "-p",
        "--python",
        "--envdir",
        "--extra-pythons",
        "-db",
        "--default-venv-backend",
    }
)

PRE_COMMIT_VALUED = frozenset(
    {
        "--hook-stage",
        "--from-ref",
        "--to-ref",
        "-s",
        "--source",
        "-o",
        "--origin",
        "--files",
        "-c",
        "--config",
        "--color",
        "--remote-branch",
        "--local-branch",
        "--commit-msg-filename",
    }
)


def option_words(args: tuple[str, ...], valued: set[str] | frozenset[str]) -> list[str]:
    """The non-option arguments, skipping the values of options in `valued` (up to `--`)."""
    words: list[str] = []
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg == "--":
            break
        elif arg.startswith("-"):
            skip = arg in valued
        else:
            words.append(arg)
    return words


JUST_VALUED = frozenset(
    {"-f", "--justfile", "-d", "--working-directory", "--shell", "--dotenv-path"}
)


def just_words(args: tuple[str, ...]) -> list[str]:
    """The recipe and its arguments that `just` is given: options and their values left out,
    `--set NAME VALUE` taking two (`just --set python python3.12 test` runs `test`)."""
    rest: list[str] = []
    skip = 0
    for arg in args:
        if skip:
            skip -= 1
        elif arg == "--set":
            skip = 2
        else:
            rest.append(arg)
    return option_words(tuple(rest), JUST_VALUED)


def make_args(args: tuple[str, ...], cwd: str) -> tuple[str, list[str]]:
    """(directory make runs in, targets named) for `make` with `args` run from `cwd`."""
    directory = cwd
    targets: list[str] = []
    rest = list(args)
    while rest:
        arg = rest.pop(0)
        if arg in ("-C", "--directory") and rest:
            directory = _join(directory, rest.pop(0))
        elif arg.startswith("-C") and len(arg) > 2:
            directory = _join(directory, arg[2:])
        elif arg.startswith("--directory="):
            directory = _join(directory, arg.split("=", 1)[1])
        elif arg in MAKE_VALUED and rest and not (arg == "-j" and not rest[0].isdigit()):
            rest.pop(0)
        elif not arg.startswith("-") and "=" not in arg:
            targets.append(arg)
    return directory, targets


def _join(base: str, path: str) -> str:
    joined = posixpath.normpath(posixpath.join(base, path))
    return "" if joined == "." or joined.startswith("..") or path.startswith("/") else joined


def tox_envs_selected(args: tuple[str, ...]) -> list[str] | None:
    """The envs `tox` is told to run (`-e a,b`, `--env=a`), or None for its default list."""
    envs: list[str] = []
    rest = list(args)
    while rest:
        arg = rest.pop(0)
        if arg in ("-e", "--env", "-E") and rest:
            envs.extend(rest.pop(0).split(","))
        elif arg.startswith(("-e=", "--env=")):
            envs.extend(arg.split("=", 1)[1].split(","))
        elif arg.startswith("-e") and len(arg) > 2 and not arg.startswith("--"):
            envs.extend(arg[2:].split(","))
        elif arg in TOX_VALUED and rest:
            rest.pop(0)
        elif arg == "--":
            break
    return [env.strip() for env in envs if env.strip()] or None


SHORT_FLAGS_SELECTING = re.compile(r"^-[A-Za-z]+[se]$")
"""nox short flags run together, the last one choosing sessions (`-rs`, `-Rs`)."""


def nox_sessions_selected(args: tuple[str, ...]) -> list[str]:
    """The sessions `nox` is told to run (`-s a b`, `--session=a`), or [] for its defaults."""
    names: list[str] = []
    selecting = False
    rest = list(args)
    while rest:
        arg = rest.pop(0)
        if arg == "--":
            break
        if arg in ("-s", "-e", "--session", "--sessions") or SHORT_FLAGS_SELECTING.match(arg):
            selecting = True  # `-rs test`: `-r -s test`
        elif arg.startswith(("--session=", "--sessions=")):
            names.append(arg.split("=", 1)[1])
        elif arg.startswith("-"):
            selecting = False
            if arg in NOX_VALUED and rest:
                rest.pop(0)
        elif selecting:
            names.append(arg)
    return names


def hatch_target(args: tuple[str, ...]) -> tuple[str, tuple[str, ...]] | None:
    """(`env:script` or `script`, its arguments) for `hatch [-e env] run ...`, else None."""
    env = ""
    rest = list(args)
    while rest and rest[0].startswith("-"):
        option = rest.pop(0)
        if option in ("-e", "--env", "-p", "--project", "--data-dir", "--cache-dir") and rest:
            value = rest.pop(0)
            env = value if option in ("-e", "--env") else env
    if not rest or rest[0] != "run":
        return None
    rest = rest[1:]
    while rest and (rest[0].startswith(("+", "-"))):
        rest.pop(0)
    if not rest:
        return None
    name = rest[0]
    if env and ":" not in name:
        name = f"{env}:{name}"
    return name, tuple(rest[1:])
