"""The build tool's own way to run the tests: Gradle, Maven, rake, CMake, dotnet, cargo, go."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator, Sequence

from auditor.facts.model import Command
from auditor.facts.runners.resolution import located_invocations
from auditor.facts.sources import FactSources
from auditor.facts.testing.build_scripts import BUILD_SCRIPTS, composer_test_scripts
from auditor.facts.testing.cmake_presets import preset_test_command
from auditor.facts.testing.invocations import TestEnvironment
from auditor.facts.testing.prefix import build_tool, ruby_program
from auditor.index.line_offsets import line_at

GRADLE_FILES = ("build.gradle.kts", "build.gradle", "settings.gradle.kts", "settings.gradle")
DOTNET_TESTS = frozenset({"xunit", "nunit", "mstest"})
CMAKE_TESTS = re.compile(
    r"^[^\S\n]*(?:enable_testing|add_test|include\s*\(\s*CTest)\b", re.M | re.I
)
TEST_DIRECTORY = re.compile(
    r"^[ \t]*add_subdirectory[ \t]*\([ \t]*\"?(?:tests?|unit_?tests?|testing)\b", re.M | re.I
)
"""`add_subdirectory(test)`: where a project whose `include(CTest)` is at the top adds its tests."""
CMAKE_TEST = "cmake -B build && cmake --build build && ctest --test-dir build"
MODULE_ASIDE = frozenset({"testdata", "vendor", "examples", "example", "_examples", "third_party"})
DEFAULT_TASK = re.compile(
    r"^[^\S\n]*task\s*+\(?+\s*+(?::default\b|default:|[\"']default[\"'])", re.M
)


def build_tool_test_commands(
    src: FactSources,
    frameworks: dict[str, str],
    env: TestEnvironment,
    commands: Sequence[Command] = (),
) -> list[Command]:
    """The test run of each build tool the root uses (origin `build-tool`), build scripts
    first. Where the root builds nothing and one top-level directory holds a CMake or
    autotools project (libexpat's `expat/`), that project's run, from the root. `commands`
    are the repository's own (CI, documents), read for how it runs its bootstrap script."""
    found = [
        *_build_scripts(src, env),
        *_composer(src),
        *_gradle(src, frameworks),
        *_maven(src, frameworks),
        *_rake(src, env),
        *_cmake(src),
        *_autotools(src, commands),
        *_dotnet(src, frameworks),
        *_cargo(src, frameworks),
        *_go(src, frameworks),
    ]
    if found:
        return found
    inner = _c_project_directory(src)
    return [*_cmake(src, inner), *_autotools(src, commands, inner)] if inner else []


C_BUILD_FILES = ("CMakeLists.txt", "configure.ac", "configure.in")


def _c_project_directory(src: FactSources) -> str | None:
    """The one top-level directory that holds a CMake or autotools project, or None."""
    found = {
        record.path.split("/", 1)[0]
        for record in src.repo.files
        if record.path.count("/") == 1
        and record.path.endswith(tuple(f"/{n}" for n in C_BUILD_FILES))
    }
    return found.pop() if len(found) == 1 else None


JVM_FRAMEWORKS = frozenset({"junit", "testng", "kotest", "spock"})
JVM_LANGUAGES = frozenset({"java", "kotlin", "scala", "groovy"})


def _has_jvm_tests(src: FactSources, frameworks: dict[str, str]) -> bool:
    if JVM_FRAMEWORKS & set(frameworks):
        return True
    return any(f.is_test and f.language in JVM_LANGUAGES for f in src.repo.files)


def _build_scripts(src: FactSources, env: TestEnvironment) -> Iterator[Command]:
    """`./build.sh`, or with the NUKE target that tests when the default does not
    (`./build.sh test`)."""
    target = ""
    if env.nuke is not None and env.cake is None and env.nuke.testing() is None:
        target = " " + min(env.nuke.tests, key=lambda name: (name != "test", name))
    for name in BUILD_SCRIPTS:
        if name in env.build_scripts and name.endswith((".sh", ".ps1")):
            yield Command(f"./{name}{target}", name, None, "build-tool")


def _composer(src: FactSources) -> Iterator[Command]:
    scripts = composer_test_scripts(src)
    for name in sorted(scripts, key=lambda n: (n != "test", n)):
        yield Command(f"composer {name}", "composer.json", scripts[name], "composer")


def _gradle(src: FactSources, frameworks: dict[str, str]) -> Iterator[Command]:
    path = next((name for name in GRADLE_FILES if src.repo.file(name)), None)
    if path is not None and _has_jvm_tests(src, frameworks):
        yield Command(f"{build_tool(src.repo, 'gradle')} test", path, None, "build-tool")


def _maven(src: FactSources, frameworks: dict[str, str]) -> Iterator[Command]:
    if src.repo.file("pom.xml") and _has_jvm_tests(src, frameworks):
        yield Command(f"{build_tool(src.repo, 'mvn')} test", "pom.xml", None, "build-tool")


def _rake(src: FactSources, env: TestEnvironment) -> Iterator[Command]:
    path = "Rakefile"
    text = src.text(path) or ""
    line = next((i for i, t in enumerate(text.splitlines(), 1) if DEFAULT_TASK.match(t)), None)
    if "" in env.rake_tasks:
        yield Command(ruby_program(src.repo, "rake"), path, line, "build-tool")
    for task in ("spec", "test"):
        if task in env.rake_tasks:
            yield Command(ruby_program(src.repo, f"rake {task}"), path, None, "build-tool")


def _cmake(src: FactSources, directory: str = "") -> Iterator[Command]:
    """ctest's run of the CMake project at the root (or in `directory`: `cmake -S expat`):
    the project's own presets first (`cmake_presets`, at the root), then a build directory
    configured with the options that turn the tests on."""
    path = posixpath.join(directory, "CMakeLists.txt")
    text = src.text(path) if src.repo.file(path) else None
    match = CMAKE_TESTS.search(text or "")
    if match is not None and not directory and (preset := preset_test_command(src)) is not None:
        yield preset
    if match is not None and text is not None:
        line = line_at(text, match.start())
        option = _tests_option(text)
        configure = f"cmake -S {directory} -B build" if directory else "cmake -B build"
        configure += f" -D{option}=ON" if option else ""
        command = CMAKE_TEST.replace("cmake -B build", configure, 1)
        yield Command(command, path, line, "build-tool")


AUTOMAKE_TESTS = re.compile(r"^[ \t]*+(?:TESTS|check_PROGRAMS|\w*_TESTS)[ \t]*+\+?=", re.M)
"""A Makefile.am line that declares tests (`TESTS = ...`): automake's `make check` runs them."""


def automake_tests(src: FactSources, directory: str = "") -> bool:
    """Whether a Makefile.am in `directory` or below it declares tests (`make check` recurses
    into the `SUBDIRS`: libsodium's are in `test/default/Makefile.am`)."""
    prefix = f"{directory.strip('/')}/" if directory.strip("/") else ""
    return any(
        AUTOMAKE_TESTS.search(src.text(record.path) or "")
        for record in src.repo.glob("Makefile.am")
        if record.path.startswith(prefix)
    )


def _autotools(
    src: FactSources, commands: Sequence[Command] = (), directory: str = ""
) -> Iterator[Command]:
    """GNU's `./configure && make && make check` (the order of its INSTALL file) where
    configure.ac and a Makefile.am that declares tests are there (at the root, or in
    `directory`: `cd expat && ...`). The configure script, when it is not committed, is made
    first by the project's own bootstrap script (`./bootstrap`, `./autogen.sh`,
    `./buildconf.sh`) as the repository's CI or documents run it (libsodium's CI: `./autogen.sh
    -s`; its script does nothing without `-s`), plainly when they never do, else by
    `autoreconf -fi`."""
    prefix = f"{directory}/" if directory else ""
    setup = next((f"{prefix}{n}" for n in C_BUILD_FILES[1:] if src.repo.file(f"{prefix}{n}")), None)
    if setup is None or not automake_tests(src, directory):
        return
    script = next((n for n in BOOTSTRAP_SCRIPTS if src.repo.file(f"{prefix}{n}")), None)
    if src.repo.file(f"{prefix}configure"):
        first = "./configure"
    elif script is not None:
        first = f"{_bootstrap_run(commands, f'{prefix}{script}')} && ./configure"
    else:
        first = "autoreconf -fi && ./configure"
    into = f"cd {directory} && " if directory else ""
    yield Command(f"{into}{first} && make && make check", setup, None, "build-tool")


BOOTSTRAP_SCRIPTS = ("bootstrap", "bootstrap.sh", "autogen.sh", "buildconf.sh", "buildconf")
"""The scripts autotools projects commit to make their configure script (gnulib's `bootstrap`,
which autoreconf alone cannot replace, first)."""


def _bootstrap_run(commands: Sequence[Command], path: str) -> str:
    """`./NAME ARGS` as the first of `commands` that runs the script at `path` writes it."""
    name = f"./{posixpath.basename(path)}"
    for command in commands:
        for invocation, cwd in located_invocations(command):
            args = invocation.args
            head = invocation.head
            if invocation.program in ("sh", "bash") and args:
                head, args = args[0], args[1:]
            if posixpath.normpath(posixpath.join(cwd, head)) == path:
                return " ".join((name, *args))
    return name


ADDS_TESTS = re.compile(r"^[^\S\n]*add_test\b", re.M | re.I)


def _tests_option(text: str) -> str | None:
    """The option configuring must turn on for the tests: none when a line that adds tests
    (`add_test`, `add_subdirectory(tests)`) is reached with the defaults (jansson's `add_test`
    in the `else()` of `if(X_TEST_WITH_VALGRIND)`), else the first one's; where no line adds
    tests at the top, the first option that guards `enable_testing()` or `include(CTest)`."""
    adding = sorted(m.start() for m in (*ADDS_TESTS.finditer(text), *TEST_DIRECTORY.finditer(text)))
    options = [_test_option(text, at) for at in adding]
    if options and None in options:
        return None
    if options:
        return options[0]
    return next(
        filter(None, (_test_option(text, m.start()) for m in CMAKE_TESTS.finditer(text))), None
    )


def _test_option(text: str, at: int) -> str | None:
    """The `option(NAME "..." OFF)` (or without a default, or a `cmake_dependent_option` whose
    default is OFF) whose `if(NAME ...)` holds the tests at `at` (`if(SPDLOG_BUILD_TESTS OR
    ...) enable_testing()`, `if(X_BUILD_TESTS) add_subdirectory(test)`): configuring must turn
    it on. A default computed (`${MASTER_PROJECT}`) is left to CMake."""
    depth, in_else = 0, False
    for match in reversed(list(CMAKE_IF.finditer(text, 0, at))):
        if match.group("end"):
            depth += 1
        elif depth:
            depth -= 0 if match.group("other") else 1  # an inner block's `else()` is its own
        elif match.group("other"):
            in_else = True  # `if(X_VALGRIND) add_test(memcheck) else() add_test(...)`: X off
        elif in_else:
            in_else = False
        else:
            name = match.group("name")
            declared = re.search(
                rf"^[^\S\n]*+(?:cmake_dependent_)?option[ \t]*+\([ \t]*+{re.escape(name)}\b"
                r"([^)]*+)\)",
                text,
                re.M | re.I,
            )
            if declared is None:
                return None
            words = re.sub(r'"[^"]*"', " ", declared.group(1)).split()
            return name if not words or words[0].upper() == "OFF" else None
    return None


CMAKE_IF = re.compile(
    r"^[^\S\n]*(?:(?P<end>endif)|(?P<other>else(?:if)?)|if)\s*\(\s*(?P<name>\w*)", re.M | re.I
)
"""`if(NAME ...)`, `else()` and `endif()` lines, to find the condition a line is inside: in
the `else()` branch of `if(NAME)`, NAME is off there."""


def _dotnet(src: FactSources, frameworks: dict[str, str]) -> Iterator[Command]:
    if not DOTNET_TESTS & set(frameworks):
        return
    found = _dotnet_target(src)
    if found is not None:
        named, manifest = found
        text = f"dotnet test {manifest}" if named else "dotnet test"
        yield Command(text, manifest, None, "build-tool")


def _dotnet_target(src: FactSources) -> tuple[bool, str] | None:
    """(whether `dotnet test` must name it, the solution or project it tests): the root's one
    solution (named beside another root project file, which MSBuild cannot choose between:
    MSB1011), else the root's one project, else the repository's one solution."""
    solutions = [f.path for f in src.repo.glob("*.sln", "*.slnx")]
    root = [p for p in solutions if "/" not in p]
    projects = [f.path for f in src.repo.glob("/*.csproj", "/*.fsproj")]
    others = [f.path for f in src.repo.glob("/*.proj", "/*.vbproj")]
    if len(root) == 1:
        return bool(projects or others), root[0]
    if not root and len(projects) == 1 and not others:
        return False, projects[0]
    if not root and len(solutions) == 1:
        return True, solutions[0]
    return None


def _cargo(src: FactSources, frameworks: dict[str, str]) -> Iterator[Command]:
    if "cargo test" not in frameworks or not src.repo.file("Cargo.toml"):
        return
    if src.repo.file(".config/nextest.toml"):
        yield Command("cargo nextest run", ".config/nextest.toml", None, "build-tool")
    manifest = src.toml("Cargo.toml")
    workspace = manifest.get("workspace") if isinstance(manifest, dict) else None
    # a workspace narrowed to some members, or with a package at its root, tests only those
    # (the root package) on a plain `cargo test`
    narrowed = isinstance(workspace, dict) and (
        "default-members" in workspace or "package" in (manifest or {})
    )
    text = "cargo test --workspace" if narrowed else "cargo test"
    yield Command(text, "Cargo.toml", None, "build-tool")


def _go(src: FactSources, frameworks: dict[str, str]) -> Iterator[Command]:
    if "go test" not in frameworks:
        return
    for name in ("go.mod", "go.work"):
        if src.repo.file(name):
            yield Command("go test ./...", name, None, "build-tool")
            return
    modules = [
        posixpath.dirname(f.path)
        for f in src.repo.glob("go.mod")
        if not MODULE_ASIDE & set(f.path.split("/"))
    ]
    tests = {m: sum(1 for f in src.repo.under(m) if f.path.endswith("_test.go")) for m in modules}
    for module in sorted(modules, key=lambda m: (-tests[m], m)):
        if tests[module]:
            yield Command(f"cd {module} && go test ./...", f"{module}/go.mod", None, "build-tool")
