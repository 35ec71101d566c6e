"""Which program invocations run a whole test suite, and whether the repository can run them."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from auditor.facts.model import Command
from auditor.facts.runners.arguments import option_words
from auditor.facts.runners.cake import CakeScript
from auditor.facts.shell.invocations import Invocation, invocations
from auditor.facts.sources import FactSources
from auditor.facts.testing.build_scripts import (
    composer_test_scripts,
    is_build_script_run,
    testing_build_scripts,
    testing_cake_script,
    testing_nuke_build,
)
from auditor.facts.testing.cargo_tasks import cargo_task_aliases, runs_cargo_task_tests
from auditor.facts.testing.rake_tasks import rakefile_directories

if TYPE_CHECKING:
    from auditor.facts.files import RepositoryFiles

PARTIAL_OPTIONS = frozenset({
    "-k", "-run", "--lf", "--last-failed", "--co", "--collect-only", "--help", "-h", "--version",
    "--list", "--doc", "--fixtures", "--markers", "-DskipTests", "--filter", "--testsuite",
    "--group", "--tests", "-Dmaven.test.skip=true",
})  # fmt: skip
"""Arguments that select a part of the suite, or make the runner do something else."""
SINGLE_TEST = re.compile(
    r"::|(?:^|/)(?:test_[^/]+\.py|[^/]+_test\.(?:py|go)|[^/]+\.(?:test|spec)"
    r"\.[cm]?[jt]sx?|[^/]+Test\.(?:java|kt))$"
)
TEST_SCRIPT = re.compile(r"^(?:run[-_]?)?tests?(?:[-_][\w-]+)?(?:\.(?:sh|py|bash|ps1))?$")
"""Scripts named like a test entry point: test.sh, run_tests.py, runtests.py, run-tests."""
GRADLE_TASK = re.compile(
    r"^(?::?[\w-]+:)*(?:test|check|build|allTests"
    r"|(?!assemble|compile|build|publish|install|checkstyle|pmd|spotbugs|findbugs|detekt"
    r"|ktlint|spotless|lint|javadoc)[a-z]\w*Test)$"
)
"""Gradle tasks that run tests: `test`, `check`, `build` (runs `check`), `:app:test`, `jvmTest`,
`testDebugUnitTest`; not a checker's task for the test sources (`checkstyleTest`, `pmdTest`)."""
CARGO_VALUED = frozenset(
    {
        "--manifest-path",
        "-p",
        "--package",
        "-F",
        "--features",
        "--target",
        "--bin",
        "--test",
        "--example",
        "--bench",
        "-j",
        "--jobs",
        "--profile",
        "--target-dir",
        "--color",
        "--exclude",
        "-Z",
        "--config",
    }
)
MAVEN_PHASES = frozenset(
    {"test", "verify", "integration-test", "surefire:test", "package", "install"}
)
"""Maven phases that run the unit tests (each phase runs the ones before it)."""
SUBCOMMAND_TESTS: dict[str, tuple[str, frozenset[str]]] = {
    "go": ("go", frozenset({"test"})),
    "cargo": ("rust", frozenset({"test", "t", "nextest"})),
    "cross": ("rust", frozenset({"test"})),
    "dotnet": ("dotnet", frozenset({"test"})),
    "bazel": ("bazel", frozenset({"test"})),
    "bazelisk": ("bazel", frozenset({"test"})),
    "mix": ("elixir", frozenset({"test"})),
    "swift": ("swift", frozenset({"test"})),
    "flutter": ("dart", frozenset({"test"})),
    "dart": ("dart", frozenset({"test"})),
    "deno": ("deno", frozenset({"test"})),
    "bun": ("js", frozenset({"test"})),
    "node": ("js", frozenset({"--test"})),
    "playwright": ("js", frozenset({"test"})),
    "cypress": ("js", frozenset({"run"})),
    "hatch": ("python", frozenset({"test"})),
    "rails": ("ruby", frozenset({"test"})),
    "zig": ("zig", frozenset({"test"})),
    "stack": ("haskell", frozenset({"test"})),
    "cabal": ("haskell", frozenset({"test"})),
    "sbt": ("jvm", frozenset({"test"})),
    "lein": ("jvm", frozenset({"test"})),
    "meson": ("c", frozenset({"test"})),
}
"""Programs whose first word says they run tests, and the ecosystem they need."""
TEST_PROGRAMS: dict[str, str] = {
    "pytest": "python", "py.test": "python", "unittest": "python", "nose2": "python",
    "ward": "python", "jest": "js", "vitest": "js", "mocha": "js", "jasmine": "js", "ava": "js",
    "karma": "js", "borp": "js", "tap": "js", "rspec": "ruby", "phpunit": "php", "pest": "php",
    "ctest": "c",
}  # fmt: skip
"""Programs that run tests whatever their arguments."""


MANIFESTS_AT: dict[str, tuple[str, ...]] = {
    "rust": ("Cargo.toml",),
    "go": ("go.mod", "go.work"),
    "js": ("package.json",),
    "deno": ("deno.json", "deno.jsonc", "package.json"),
    "elixir": ("mix.exs",),
    "swift": ("Package.swift",),
    "dart": ("pubspec.yaml",),
    "zig": ("build.zig",),
}
"""Ecosystems whose tools need their manifest in the working directory or one above it."""


@dataclass(frozen=True, slots=True)
class TestEnvironment:
    """What the repository holds that a test command needs in order to run."""

    ecosystems: frozenset[str]
    index: RepositoryFiles
    rake_tasks: frozenset[str] = frozenset()
    """Rake tasks of the root's Rakefile that run the tests ("" for the default task)."""
    rakefiles: Mapping[str, frozenset[str]] = field(default_factory=dict)
    """The same for each directory whose Rakefile has test tasks (`test/rakefile`)."""
    build_scripts: frozenset[str] = frozenset()
    """Root build scripts (`build.sh`, `build.ps1`) that run the tests."""
    cake: CakeScript | None = None
    """The root Cake script, when its default target runs tests."""
    nuke: CakeScript | None = None
    """The NUKE build's targets, when one of them runs the tests."""
    composer_tests: frozenset[str] = frozenset()
    """composer.json scripts that run the tests."""
    cargo_tasks: frozenset[str] = frozenset()
    """Cargo aliases that run a package as the task runner (`cargo xtask test`)."""

    def can_run(self, ecosystem: str, cwd: str = "") -> bool:
        """Whether the ecosystem's test runner can run in `cwd` (its manifest is there or
        above, for the ecosystems that need one)."""
        if ecosystem not in self.ecosystems:
            return False
        names = MANIFESTS_AT.get(ecosystem)
        return names is None or any(self.has_file(d, n) for d in _upwards(cwd) for n in names)

    def has_file(self, cwd: str, path: str) -> bool:
        path = path.removeprefix("./")
        return self.index.file(posixpath.normpath(f"{cwd}/{path}") if cwd else path) is not None


def _upwards(cwd: str) -> list[str]:
    """`cwd` and each directory above it, up to the root ("")."""
    found = []
    while cwd:
        found.append(cwd)
        cwd = posixpath.dirname(cwd)
    return [*found, ""]


def test_environment(src: FactSources, frameworks: frozenset[str]) -> TestEnvironment:
    """The ecosystems whose test runners can run here (Python tests exist, Cargo.toml, ...)."""
    index = src.repo
    composer = frozenset(composer_test_scripts(src))
    rakefiles = rakefile_directories(src)
    found = set()
    python_tests = any(f.is_test and f.language == "python" for f in index.files)
    if python_tests or frameworks & {"pytest", "unittest"}:
        found.add("python")
    if index.glob("package.json", "deno.json", "deno.jsonc"):
        found.update({"js", "deno"})
    checks = {"go": "go test" in frameworks, "rust": bool(index.glob("Cargo.toml")),
              "jvm": bool(index.glob("pom.xml", "build.gradle", "build.gradle.kts", "build.sbt",
                                     "project.clj")),
              "dotnet": bool(index.glob("*.csproj", "*.sln", "*.fsproj", "*.slnx")),
              "ruby": bool(frameworks & {"rspec", "minitest"} or index.file("Rakefile")
                           or rakefiles),
              "php": bool(frameworks & {"phpunit", "pest"} or composer),
              "c": bool(index.glob("CMakeLists.txt", "meson.build")),
              "bazel": bool(index.glob("/WORKSPACE", "/WORKSPACE.bazel", "/MODULE.bazel")),
              "elixir": index.file("mix.exs") is not None,
              "swift": index.file("Package.swift") is not None,
              "dart": bool(index.glob("pubspec.yaml")),
              "zig": index.file("build.zig") is not None,
              "haskell": bool(index.glob("*.cabal", "stack.yaml"))}  # fmt: skip
    found.update(name for name, present in checks.items() if present)
    return TestEnvironment(
        frozenset(found),
        index,
        rake_tasks=rakefiles.get("", frozenset()),
        rakefiles=rakefiles,
        build_scripts=testing_build_scripts(src),
        cake=testing_cake_script(src),
        nuke=testing_nuke_build(src),
        composer_tests=composer,
        cargo_tasks=cargo_task_aliases(src),
    )


def selects_part(invocation: Invocation) -> bool:
    """Whether the arguments pick some tests (`-k x`, `tests/test_a.py::t`), ask for help, skip
    the tests, or rewrite their expected outputs (`--snapshot-update`)."""
    if any(arg in PARTIAL_OPTIONS or SINGLE_TEST.search(arg) for arg in invocation.args):
        return True
    if any(arg.startswith(("-Dtest=", "-Dit.test=")) for arg in invocation.args):
        return True
    if any(_skips_tests(arg) or arg in REWRITE_OPTIONS for arg in invocation.args):
        return True
    if invocation.program == "cargo":  # `cargo test name`: the tests whose name holds `name`
        before = invocation.args[: _before_dashes(invocation.args)]
        words = option_words(before, CARGO_VALUED)
        targets = any(a.split("=", 1)[0] in CARGO_TARGETS for a in before)
        return words[:1] == ["test"] and (len(words) > 1 or targets)
    return False


CARGO_TARGETS = frozenset({"--test", "--bin", "--example", "--lib", "--bench"})
"""`cargo test --test integration`: the tests of one target, not the package's."""


REWRITE_OPTIONS = frozenset({
    "--snapshot-update", "--update-snapshots", "--updateSnapshot", "--force-regen",
    "--inline-snapshot=fix", "--inline-snapshot=create", "--inline-snapshot=update",
})  # fmt: skip
"""Runs that rewrite the expected outputs (golden files, snapshots): not how to test."""


def builds_too(command: Command) -> bool:
    """Whether `command` runs the tests only as part of a build (`mvn package`, `./gradlew
    build`): a test command, but a run named for testing says it better."""
    for invocation in invocations(command.text):
        words = {a for a in invocation.args if not a.startswith("-")}
        if invocation.program in ("mvn", "./mvnw", "mvnw"):
            return bool(words & BUILD_PHASES) and not words & {"test", "verify"}
        if invocation.program in ("gradle", "./gradlew", "gradlew"):
            tasks = {w.rsplit(":", 1)[-1] for w in words}
            return "build" in tasks and not tasks & {"test", "check"}
    return False


BUILD_PHASES = frozenset({"package", "install"})


def _skips_tests(arg: str) -> bool:
    """`-DskipTests`, `-Dmaven.test.skip` (not `=false`): Maven builds that run no tests."""
    return arg.startswith(("-DskipTests", "-Dmaven.test.skip")) and not arg.endswith("=false")


def _before_dashes(args: tuple[str, ...]) -> int:
    return args.index("--") if "--" in args else len(args)


def runs_test_suite(invocation: Invocation, cwd: str, env: TestEnvironment) -> bool:
    """Whether `invocation` (run in `cwd`) runs a whole test suite this repository has."""
    program, args = invocation.program, invocation.args
    if selects_part(invocation):
        return False
    if _is_test_script(invocation, cwd, env) or is_build_script_run(invocation, cwd, env):
        return True
    if runs_cargo_task_tests(invocation, env.cargo_tasks):
        return True
    ecosystem = _ecosystem(program, args, cwd, env)
    return ecosystem is not None and env.can_run(ecosystem, cwd)


def _is_test_script(invocation: Invocation, cwd: str, env: TestEnvironment) -> bool:
    return test_script(invocation, cwd, env) is not None


def test_script(invocation: Invocation, cwd: str, env: TestEnvironment) -> str | None:
    """The path of the existing test script `invocation` runs (`./scripts/test.sh`, `bash
    scripts/test`, `python runtests.py`), or None."""
    path = invocation.head
    if invocation.program in ("bash", "sh", "python") and invocation.args:
        path = invocation.args[0]
    name = path.rsplit("/", 1)[-1]
    named = bool(TEST_SCRIPT.match(name)) and ("/" in path or name.startswith("runtests"))
    if not (named and env.has_file(cwd, path)):
        return None
    path = path.removeprefix("./")
    return posixpath.normpath(f"{cwd}/{path}") if cwd else path


def _ecosystem(program: str, args: tuple[str, ...], cwd: str, env: TestEnvironment) -> str | None:
    if program in TEST_PROGRAMS:
        return TEST_PROGRAMS[program]
    words = [a for a in args if not a.startswith("-") or a == "--test"]
    if program in SUBCOMMAND_TESTS:
        ecosystem, subcommands = SUBCOMMAND_TESTS[program]
        return ecosystem if words[:1] and words[0] in subcommands else None
    if program in ("mvn", "./mvnw", "mvnw"):
        return _maven(program, words, cwd, env)
    if program in ("gradle", "./gradlew", "gradlew"):
        return _gradle(program, args, words, cwd, env)
    if program == "ninja":  # meson and CMake's Ninja generator write a `test` target
        return "c" if "test" in option_words(args, NINJA_VALUED) else None
    if program == "rake":
        return _rake(words, cwd, env)
    return _composer(words, env) if program == "composer" else None


def _rake(words: list[str], cwd: str, env: TestEnvironment) -> str | None:
    """`rake`, `rake spec`, `cd test && rake ci`: a task of the Rakefile where rake runs."""
    task = words[0] if words else ""
    tasks = env.rakefiles.get(cwd, frozenset())
    return "ruby" if task in tasks or task in ("test", "spec") else None


def _composer(words: list[str], env: TestEnvironment) -> str | None:
    name = words[1] if words[:1] in (["run"], ["run-script"]) and len(words) > 1 else ""
    return "php" if (name or (words[0] if words else "")) in env.composer_tests else None


NINJA_VALUED = frozenset({"-C", "-f", "-j", "-k", "-l", "-d", "-t", "-w"})


def _maven(program: str, words: list[str], cwd: str, env: TestEnvironment) -> str | None:
    if program != "mvn" and _wrapper_missing("mvnw", cwd, env):
        return None
    return "jvm" if any(w in MAVEN_PHASES for w in words) else None


def _gradle(
    program: str, args: tuple[str, ...], words: list[str], cwd: str, env: TestEnvironment
) -> str | None:
    if program != "gradle" and _wrapper_missing("gradlew", cwd, env):
        return None
    excluded = {args[i + 1] for i, a in enumerate(args[:-1]) if a in ("-x", "--exclude-task")}
    if any(GRADLE_TASK.match(task) and task != "check" for task in excluded):
        return None  # `gradle check -x test`: the build without its tests
    tasks = [w for w in words if w not in excluded]
    return "jvm" if any(GRADLE_TASK.match(w) for w in tasks) else None


def _wrapper_missing(name: str, cwd: str, env: TestEnvironment) -> bool:
    return not env.has_file(cwd, name) and not env.has_file("", name)


RUNNER_ECOSYSTEMS = {
    "npm": "js", "pnpm": "js", "yarn": "js", "bun": "js", "npx": "js", "tox": "python",
    "nox": "python", "hatch": "python", "pdm": "python", "poe": "python", "python": "python",
    "mvn": "jvm", "./mvnw": "jvm", "mvnw": "jvm", "gradle": "jvm", "./gradlew": "jvm",
    "gradlew": "jvm", "composer": "php", "rake": "ruby", "bundle": "ruby",
}  # fmt: skip
"""Programs that run tests of one ecosystem, whatever their arguments name."""


def command_ecosystem(command: Command, env: TestEnvironment) -> str | None:
    """The ecosystem whose tests `command` runs (`npm test`: js), or None for neutral ones
    (`make test`, a script)."""
    for invocation in invocations(command.text):
        program = invocation.program
        if program in TEST_PROGRAMS:
            return TEST_PROGRAMS[program]
        if program in SUBCOMMAND_TESTS:
            return SUBCOMMAND_TESTS[program][0]
        if program in RUNNER_ECOSYSTEMS:
            return RUNNER_ECOSYSTEMS[program]
    return None
