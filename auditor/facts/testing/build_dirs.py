"""The directories a command works in (`cd build`, `ctest --test-dir build`), and the lines
of its block that make them: a test line after its configure step runs only with it."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace

from auditor.facts.commands.prose import heading_lines
from auditor.facts.model import Command
from auditor.facts.runners.makefile import makefile_in
from auditor.facts.runners.resolution import located_invocations
from auditor.facts.shell.directories import final_directory
from auditor.facts.shell.invocations import Invocation
from auditor.facts.sources import FactSources

MAX_SET_UP = 6
"""Lines looked back for the one that makes a test line's directory."""
MAX_GAP = 3
"""Lines of one block are this close (blank lines and comments between them)."""


def with_set_up(
    src: FactSources, commands: Sequence[Command], works: Callable[[Command], bool]
) -> Iterator[Command]:
    """Each of `commands` that needs what an earlier line of its block makes: a directory
    (`cd build && ctest` after `mkdir build`, `cmake -B build`) or a Makefile (`make check`
    after `./configure`), joined with the lines before it in its block so that it `works`:
    `cmake -B build && cmake --build build && (cd build && ctest)`. The whole block is taken
    when it works (the document's steps in its order: `git submodule update --init` before
    `autoreconf -i`), else the nearest lines that do, with the lines just before them that
    only make a directory they use (`cmake -E make_directory build`). A document's block is
    its section's: the code blocks above it under the same heading set it up too (a README's
    build block, then "Next, run the tests" and the ctest line)."""
    sections = _Sections(src)
    for at, command in enumerate(commands):
        if finds_its_directories(src, command) and not _needs_a_makefile(src, command):
            continue
        block = _block_before(commands, at, sections)
        start = next(
            (n for n in _starts(block) if works(_joined_lines([*block[n:], command]))), None
        )
        if start is not None:
            yield _with_its_directories(block, start, command, works)
        elif command.origin != "ci" and _needs_a_makefile(src, command):  # CI jobs stay apart
            configured = _with_documented_configure(src, commands, command)
            yield from next(([c] for c in configured if works(c)), [])


def _starts(block: list[Command]) -> list[int]:
    return [0, *range(len(block) - 1, 0, -1)] if block else []


GENERATES_CONFIGURE = ("autoreconf", "autogen.sh", "bootstrap", "autogen")
"""What writes a `configure` script that is not committed (`autoreconf -i`, `./autogen.sh`)."""


def _with_documented_configure(
    src: FactSources, commands: Sequence[Command], command: Command
) -> Iterator[Command]:
    """`make check` joined with the steps its own document (not a CI file, whose jobs each
    configure their own way) gives elsewhere for writing the Makefile: "To run the test
    suite, invoke `make check`" above "`./configure`" and, for a checkout without the
    configure script, "generate it first: `autoreconf -i`"."""
    same = [c for c in commands if c.path == command.path and c.origin == command.origin]
    configure = next((c.text for c in same if _runs(c, ("configure",))), None)
    generate = next((c.text for c in same if _runs(c, GENERATES_CONFIGURE)), None)
    if (
        configure is None
        and generate is not None
        and "./configure" in (src.text(command.path) or "")
    ):
        configure = "./configure"  # a line for a script not committed yet is not collected
    if configure is None:
        return
    committed = src.repo.file("configure") is not None
    steps = [configure] if committed or generate is None else [generate, configure]
    yield replace(command, text=" && ".join([*steps, command.text]))


def _runs(command: Command, programs: Sequence[str]) -> bool:
    """Whether the command is one run of one of `programs` (`./configure`, `autoreconf -i`)."""
    found = list(located_invocations(command))
    return len(found) == 1 and found[0][0].program in programs and not found[0][1]


def _with_its_directories(
    block: list[Command], start: int, command: Command, works: Callable[[Command], bool]
) -> Command:
    """`block[start:]` and `command` joined, with the lines just before them that only make a
    directory they use (`cmake -E make_directory build`)."""
    chain = _joined_lines([*block[start:], command])
    while start and _makes_a_directory_of(block[start - 1], chain):
        longer = _joined_lines([*block[start - 1 :], command])
        if not works(longer):
            break
        start, chain = start - 1, longer
    return chain


DOCUMENT_ORIGINS = frozenset({"docs", "instructions"})


class _Sections:
    """Whether two lines of a document are under the same heading (each read once)."""

    def __init__(self, src: FactSources) -> None:
        self.src = src
        self.headings: dict[str, tuple[int, ...]] = {}

    def same(self, earlier: Command, later: Command) -> bool:
        if earlier.origin not in DOCUMENT_ORIGINS or earlier.line is None or later.line is None:
            return False
        if earlier.path not in self.headings:
            lines = (self.src.text(earlier.path) or "").splitlines()
            self.headings[earlier.path] = heading_lines(lines)
        return not any(earlier.line < h < later.line for h in self.headings[earlier.path])


def _needs_a_makefile(src: FactSources, command: Command) -> bool:
    """Whether the command runs `make` where no Makefile is yet (`./configure` writes it)."""
    return any(
        invocation.program in ("make", "gmake") and makefile_in(src, cwd) is None
        for invocation, cwd in located_invocations(command)
    )


def _block_before(commands: Sequence[Command], at: int, sections: _Sections) -> list[Command]:
    """The lines of the same file just before `commands[at]`, close enough to be its block,
    or (in a document) under the same heading."""
    found: list[Command] = []
    line = commands[at].line
    for earlier in reversed(commands[max(0, at - MAX_SET_UP) : at]):
        close = line is not None and earlier.line is not None and 0 < line - earlier.line <= MAX_GAP
        same = earlier.path == commands[at].path and earlier.origin == commands[at].origin
        if not same or not (close or sections.same(earlier, commands[at])):
            break
        found.insert(0, earlier)
        line = earlier.line
    return found


def _makes_a_directory_of(line: Command, chain: Command) -> bool:
    """Whether `line` only makes directories (`mkdir`, `cmake -E make_directory`), one of
    which `chain` works in or makes too."""
    made: set[str] = set()
    for invocation, cwd in located_invocations(line):
        if invocation.program != "mkdir" and invocation.args[:2] != ("-E", "make_directory"):
            return False
        made.update(_joined(cwd, directory) for directory in _made_dirs(invocation))
    used: set[str] = set()
    for invocation, cwd in located_invocations(chain):
        used.add(cwd or ".")
        used.update(_joined(cwd, d) for d in _made_dirs(invocation))
        for option in BUILD_DIR_OPTIONS.get(invocation.program, ()):
            used.update(_joined(cwd, d) for d in _option_values(invocation.args, option))
    return bool(made & used)


def _joined_lines(lines: list[Command]) -> Command:
    """The lines as one command, from the first one's place; a line located in the directory
    the earlier ones leave (`cd build && make`) is written without its `cd`, and a word
    quoted for nothing (`-B "build"`) plainly."""
    texts: list[str] = []
    for command in lines:
        here = final_directory(" && ".join(texts)) if texts else ""
        prefix = f"cd {here} && "
        text = command.text.removeprefix(prefix) if here else command.text
        texts.append(NEEDLESS_QUOTES.sub(r"\2", text))
    return replace(lines[0], text=" && ".join(texts))


NEEDLESS_QUOTES = re.compile(r"(?<=\s)([\"'])([\w./@%+:,-]+)\1(?=\s|$)")
"""A quoted word that holds nothing the shell would expand or split (`"build"`)."""


BUILD_DIR_OPTIONS = {
    "meson": ("-C",), "ninja": ("-C",), "ctest": ("--test-dir",), "cmake": ("--build",),
}  # fmt: skip
"""Options naming the build directory a tool works in (made by a configure step first)."""


def finds_its_directories(src: FactSources, command: Command) -> bool:
    """Whether each directory the command works in (`cd build && ctest`, `meson test -C
    builddir`, `ctest --test-dir build`) is in the repository or made earlier in the same
    command (`mkdir -p build && cd build`, `cmake -B build && ...`): a CI step after its job's
    configure step does not run alone."""
    made: set[str] = set()
    for invocation, cwd in located_invocations(command):
        if not _invocation_finds(src, invocation, cwd, made):
            return False
        made.update(_joined(cwd, directory) for directory in _made_dirs(invocation))
    return True


def _invocation_finds(src: FactSources, invocation: Invocation, cwd: str, made: set[str]) -> bool:
    def there(path: str) -> bool:
        return path in made or src.repo.is_dir(path)

    if cwd and not there(cwd):
        return False  # `cd build && ctest`: the directory a configure step makes first
    plain_ctest = invocation.program == "ctest" and "--test-dir" not in invocation.args
    if plain_ctest and (cwd or ".") not in made:
        return False  # ctest runs the build directory it is in, not the source tree
    return all(
        there(_joined(cwd, directory))
        for option in BUILD_DIR_OPTIONS.get(invocation.program, ())
        for directory in _option_values(invocation.args, option)
    )


MESON_COMMANDS = frozenset({
    "configure", "compile", "test", "install", "introspect", "init", "dist", "subprojects",
    "wrap", "help", "rewrite", "devenv", "env2mfile", "format", "fmt",
})  # fmt: skip
"""meson's subcommands besides `setup`; any other first word is a build directory to set up."""


def _made_dirs(invocation: Invocation) -> list[str]:
    """The directories `mkdir`, `cmake -E make_directory`, `meson setup` or `cmake -B` make."""
    program, args = invocation.program, invocation.args
    if program == "meson" and args[:1] and args[0] not in MESON_COMMANDS | {"setup"}:
        args = ("setup", *args)  # `meson build`: the older spelling of `meson setup build`
    if program == "cmake" and args[:2] == ("-E", "make_directory"):
        return [a for a in args[2:] if not a.startswith("-")]
    if program == "mkdir" or (program == "meson" and args[:1] == ("setup",)):
        return [a for a in args[1 if program == "meson" else 0 :] if not a.startswith("-")]
    return _option_values(args, "-B") if program == "cmake" else []


CMAKE_VALUE_OPTIONS = frozenset({"-S", "-B", "-G", "-T", "-A", "-C", "-D", "-U", "--preset"})
"""cmake options whose value may be the next argument (never the source directory)."""


def cmake_configure(invocation: Invocation, cwd: str) -> tuple[str, str] | None:
    """(source, build directory) of a `cmake` configure step that writes Makefiles
    (`cd build && cmake ..`, `cmake -S . -B build`); None for `cmake --build`, another
    generator (`-G Ninja`) or a line that names no source."""
    args = invocation.args
    if not _writes_makefiles(invocation):
        return None
    build = _option_values(args, "-B")
    source = _option_values(args, "-S") or _positional(args) or ([""] if build else [])
    if not source:
        return None
    return _joined(cwd, source[-1]), _joined(cwd, build[-1]) if build else (cwd or ".")


def _writes_makefiles(invocation: Invocation) -> bool:
    """A cmake configure step (not `--build`, `-E`) for a Makefile generator (the default)."""
    args = invocation.args
    if invocation.program != "cmake" or "--build" in args or "-E" in args:
        return False
    return all("Makefiles" in generator for generator in _option_values(args, "-G"))


def _positional(args: tuple[str, ...]) -> list[str]:
    """The arguments that are neither options nor an option's value (cmake's source path)."""
    return [
        a
        for i, a in enumerate(args)
        if not a.startswith("-") and not (i and args[i - 1] in CMAKE_VALUE_OPTIONS)
    ]


def _option_values(args: tuple[str, ...], option: str) -> list[str]:
    """The values of `option` (`-C dir`, `-Cdir`, `--test-dir=dir`)."""
    found = [args[i + 1] for i, a in enumerate(args[:-1]) if a == option]
    glued = f"{option}=" if option.startswith("--") else option
    return found + [a[len(glued) :] for a in args if a.startswith(glued) and a != option]


def _joined(cwd: str, path: str) -> str:
    return posixpath.normpath(posixpath.join(cwd, path) if cwd else path)
