"""Test runs that are not the plain suite: debug, coverage, one platform or matrix entry."""

from __future__ import annotations

import re
from typing import Any

from auditor.facts.ci.commands import script_commands
from auditor.facts.ci.github_workflows import job_steps, step_scripts
from auditor.facts.ci.providers import ci_file_providers
from auditor.facts.commands.locate import LineLocator
from auditor.facts.model import Command
from auditor.facts.runners.registry import runners_of
from auditor.facts.runners.resolution import located_invocations, reach
from auditor.facts.shell.invocations import Invocation, invocations
from auditor.facts.sources import FactSources

COVERAGE_PROGRAMS = frozenset({"llvm-cov", "tarpaulin", "kcov", "grcov", "nyc", "c8", "coverage"})
COVERAGE_WORD = re.compile(r"(?i)(?:^|[-_:])(?:cov|coverage|jacoco\w*|kover\w*)(?:$|[-_:])")
DEBUG_WORD = re.compile(r"(?i)(?:^|[-_:,=])debug(?:$|[-_:,])")
SANITIZER_WORD = re.compile(
    r"(?i)(?:^|[-_:])(?:[atmu]san\d*|ubsan|sanitiz\w*|valgrind|memcheck)(?:$|[-_:])"
)
"""`make usan`, `test-asan`, `valgrind`: the suite under a sanitizer or checker."""
WORD_VARIANTS = ((DEBUG_WORD, "debug"), (SANITIZER_WORD, "sanitizer"))
"""What the first words of a run (`make debug`, `make usan`) say it is."""
FEATURE_OPTIONS = frozenset({"--features", "-F"})
SIDE_JOB = re.compile(r"(?i)release|publish|deploy|nightly|bench|snapshot|docs?\b|pages")
ONE_PLATFORM = re.compile(r"(?i)macos|windows|osx")
CONFIGURATION_OPTIONS = {
    "ctest": frozenset({"-C", "--build-config", "--preset"}),
    "cmake": frozenset({"--config", "--preset"}),
    "dotnet": frozenset({"-c", "--configuration"}),
}
"""Options whose value is a build configuration (`ctest -C Debug`, `cmake --preset gcc-debug`),
not a debugging recipe."""
CTEST_SELECTING = frozenset(
    {"-R", "--tests-regex", "-L", "--label-regex", "-I", "--tests-information"}
)
"""ctest options that run the tests a pattern or label picks (`ctest -R rust_bindings_tests`)."""
SUBSET_OPTIONS = frozenset({"-m", "-k"})
"""pytest options that run the tests of one marker or keyword, not the suite."""
TOOLCHAIN_SETTING = re.compile(
    r"(?:^|&&|;|\|\|)\s*+(?>[A-Za-z_]\w*+=(?:\"[^\"]*+\"|'[^']*+'|\S*+)\s++)*"
    r"(?:CC|CXX|CFLAGS|CXXFLAGS|CPPFLAGS|LDFLAGS|GOOS|GOARCH)="
)
"""`CC=gcc-5 CFLAGS="-O2 -Werror" make check`: a build with one compiler or flag set."""
PINNED_TOOLCHAIN = re.compile(r"\bcargo[ \t]+\+\d+(?:\.\d+)*(?=[ \t]|$)")
"""`cargo +1.80 test`: the suite on one pinned Rust release (a minimum-version job); `+nightly`
may be what the crate needs, so it is not one."""
JOB_KEY = re.compile(r"^(\s+)([\w-]+|\"[^\"]+\"|'[^']+'):\s*(?:#.*)?$")


def variant_of(src: FactSources, command: Command, pull_request_files: frozenset[str]) -> str:
    """Why `command` is a variant of the test run ("" when it runs the plain suite): itself
    (coverage, debug), or through the targets and scripts it runs, one marker or keyword of
    the tests (`tox -e stress` whose env runs `pytest -m stress`). A script that runs the suite
    under coverage (`scripts/test`: `coverage run -m pytest`) is still the suite."""
    for invocation in invocations(command.text):
        kind = _invocation_variant(invocation)
        if kind:
            return kind
    if TOOLCHAIN_SETTING.search(command.text):
        return "one compiler or flag set"
    if PINNED_TOOLCHAIN.search(command.text):
        return "one toolchain"
    if _runs_only_subsets(src, command):
        return "a subset of the tests"
    if _one_go_package(src, command) or _one_cargo_member(src, command):
        return "one package"
    return _ci_variant(src, command, pull_request_files) if command.origin == "ci" else ""


def _ci_variant(src: FactSources, command: Command, pull_request_files: frozenset[str]) -> str:
    """Why a CI line is not the plain run: not on pull requests, a side job, one matrix
    entry or one platform."""
    if pull_request_files and command.path not in pull_request_files:
        return "not on pull requests"
    if SIDE_JOB.search(command.path.rsplit("/", 1)[-1]):
        return "side job"
    if _matrix_guarded(src, command):
        return "one matrix entry"
    if command.path == ".cirrus.yml":
        return _cirrus_platform(src, command)
    return _job_variant(src, command)


CIRRUS_PLATFORMS = ("freebsd_instance", "macos_instance", "windows_container", "osx_instance")
"""Cirrus CI task keys that run a task on one platform other than Linux."""


def _cirrus_platform(src: FactSources, command: Command) -> str:
    """ "one platform" for a Cirrus CI task on FreeBSD, macOS or Windows."""
    lines = (src.text(command.path) or "").splitlines()[: max((command.line or 1) - 1, 0)]
    task = next((t.split(":", 1)[0] for t in reversed(lines) if t[:1].isalnum()), None)
    config = src.yaml(command.path)
    block = config.get(task) if isinstance(config, dict) and task else None
    on_one = isinstance(block, dict) and any(key in block for key in CIRRUS_PLATFORMS)
    return "one platform" if on_one else ""


def _runs_only_subsets(src: FactSources, command: Command) -> bool:
    """Whether every pytest run `command` reaches (itself first, then the targets and scripts
    it runs) picks one marker or keyword: a tox env that runs `pytest tests` and then
    `pytest -m jupyter` still runs the suite."""
    runs = [
        invocation
        for reached in reach(runners_of(src), command)
        for invocation in invocations(reached.text)
        if invocation.program == "pytest"
    ]
    return bool(runs) and all(_subset(invocation) for invocation in runs)


def _one_go_package(src: FactSources, command: Command) -> bool:
    """`go test` without a package pattern where the module has tests in sub-packages: the
    tests of one package (`go test ./...` runs them all)."""
    for invocation, cwd in located_invocations(command):
        words = invocation.args
        packages = [word for word in words[1:] if not word.startswith("-")]
        if invocation.program == "go" and words[:1] == ("test",) and not packages:
            return _tests_below(src, cwd)
    return False


def _one_cargo_member(src: FactSources, command: Command) -> bool:
    """`cargo test -p regex-syntax` in a Cargo workspace, or only plain `cargo test`s at the
    root of a workspace with a root package (directly or through the scripts and targets
    run: regex's `./test`): the tests of one member. Runs that name two members between them
    (`cargo test -p rayon && cargo test -p rayon-core`) test more than one."""
    manifest = src.toml("Cargo.toml")
    if not (isinstance(manifest, dict) and "workspace" in manifest):
        return False
    runs = [
        (invocation.args, cwd)
        for reached in reach(runners_of(src), command)
        for invocation, cwd in located_invocations(reached)
        if invocation.program == "cargo" and invocation.args[:1] == ("test",)
    ]
    root_package = "package" in manifest
    if not runs or not all(_one_member(args, cwd, root_package) for args, cwd in runs):
        return False
    return len({member for args, _ in runs for member in cargo_packages(args) or ("",)}) == 1


def cargo_packages(args: tuple[str, ...]) -> tuple[str, ...]:
    """The packages a cargo command names (`-p a`, `--package=b`, `-pc`), in order."""
    found: list[str] = []
    for at, arg in enumerate(args):
        if arg in ("-p", "--package") and at + 1 < len(args):
            found.append(args[at + 1])
        elif arg.startswith("--package="):
            found.append(arg.removeprefix("--package="))
        elif arg.startswith("-p") and len(arg) > 2 and not arg.startswith("--"):
            found.append(arg[2:])
    return tuple(found)


def _one_member(args: tuple[str, ...], cwd: str, root_package: bool) -> bool:
    if cargo_packages(args):
        return True
    whole = any(a in ("--workspace", "--all") for a in args)
    return root_package and not cwd and not whole


def _tests_below(src: FactSources, directory: str) -> bool:
    """Whether a Go package below `directory`, in the same module, has tests."""
    prefix = f"{directory}/" if directory else ""
    modules = {
        p.rpartition("/")[0] for p in (r.path for r in src.repo.files) if p.endswith("go.mod")
    }
    for record in src.repo.files:
        path = record.path
        if not (path.startswith(prefix) and path.endswith("_test.go")):
            continue
        parts = path[len(prefix) :].split("/")[:-1]
        inner = [prefix + "/".join(parts[: depth + 1]) for depth in range(len(parts))]
        if parts and "testdata" not in parts and not any(d in modules for d in inner):
            return True
    return False


def _subset(invocation: Invocation) -> bool:
    """`pytest -m stress`, `pytest -k parser`: the tests of one marker or keyword. An
    expression that only leaves some out (`-m "not conda"`, `-k "not slow"`) runs the suite."""
    args = invocation.args
    for at, arg in enumerate(args):
        option, equals, value = arg.partition("=")
        if option in SUBSET_OPTIONS:
            value = value if equals else (args[at + 1] if at + 1 < len(args) else "")
            if not value.strip().strip("\"'").startswith("not "):
                return True
    return False


def _invocation_variant(invocation: Invocation) -> str:
    program, args = invocation.program, invocation.args
    words = [a for a in _without_configuration(program, args) if not a.startswith("-")]
    if _measures_coverage(program, args, words):
        return "coverage"
    if "--debug" in args:
        return "debug"
    for pattern, kind in WORD_VARIANTS:
        if any(pattern.search(w) for w in words[:2]):
            return kind
    if program == "go" and words[:1] == ["test"]:
        return _go_test_variant(args)
    if program == "ctest" and any(a.split("=", 1)[0] in CTEST_SELECTING for a in args):
        return "a subset of the tests"
    return "debug" if any(DEBUG_WORD.search(f) for f in _features(args)) else ""


def _features(args: tuple[str, ...]) -> list[str]:
    """The cargo features named (`--features debug`, `-F x`, `--features=x`)."""
    features = [args[i + 1] for i, a in enumerate(args[:-1]) if a in FEATURE_OPTIONS]
    return features + [a.split("=", 1)[1] for a in args if a.startswith("--features=")]


GO_TEST_VARIANTS = (
    (("-bench", "-test.bench"), "benchmark"),
    (("-cover", "-test.cover"), "coverage"),
    (("-run", "-test.run"), "a subset of the tests"),
)


def _go_test_variant(args: tuple[str, ...]) -> str:
    """`go test -bench=X` runs benchmarks, `go test -coverprofile=c.txt` (`-cover`,
    `-covermode`, `-coverpkg`) measures coverage, `go test -run X` a subset of the tests."""
    for options, kind in GO_TEST_VARIANTS:
        if any(a.startswith(options) for a in args):
            return kind
    return ""


def _measures_coverage(program: str, args: tuple[str, ...], words: list[str]) -> bool:
    """`coverage run`, `cargo llvm-cov`, `--coverage`, `test:cov`: a run for its coverage."""
    if program in COVERAGE_PROGRAMS or (program == "cargo" and words[:1] in COVERAGE_CARGO):
        return True
    return "--coverage" in args or any(COVERAGE_WORD.search(w) for w in words[:2])


COVERAGE_CARGO = (["llvm-cov"], ["tarpaulin"])


def _without_configuration(program: str, args: tuple[str, ...]) -> list[str]:
    """`args` without the build configuration named (`-C Debug`, `--config=Debug`)."""
    options = CONFIGURATION_OPTIONS.get(program, frozenset())
    kept: list[str] = []
    for i, arg in enumerate(args):
        if arg.split("=", 1)[0] in options and "=" in arg:
            continue
        if not (i and args[i - 1] in options):
            kept.append(arg)
    return kept


def _matrix_guarded(src: FactSources, command: Command) -> bool:
    """Whether `command` is one matrix entry of a GitHub workflow step: the step's `if:`
    picks matrix entries (`if: matrix.builder == 'cmake'`), its `env:` picks the tox
    environment or nox session from the matrix, or it is the step run in one directory of a
    matrix over directories other than the root (`step_scripts`): one variant of the build,
    not every run."""
    return command in src.derived(
        f"matrix-guarded:{command.path}", lambda: _guarded(src, command.path)
    )


def _guarded(src: FactSources, path: str) -> frozenset[Command]:
    """The commands of the workflow at `path` that are one matrix entry. The steps are read
    as `ci.commands` reads them, so that the same line is the same command."""
    config = src.yaml(path)
    jobs = config.get("jobs") if isinstance(config, dict) else None
    locator = LineLocator(src.text(path))
    found: set[Command] = set()
    plain: set[Command] = set()
    for job_step in job_steps(config):
        job = jobs.get(job_step.job) if isinstance(jobs, dict) and job_step.job else None
        job_env = job.get("env") if isinstance(job, dict) else None
        step = job_step.step
        guarded = "matrix." in str(step.get("if") or "")
        guarded = guarded or _picks_from_matrix(job_env, step.get("env"))
        for script in step_scripts(job_step):
            commands = set(
                script_commands(script.script, path, locator, script.written, script.directory)
            )
            (found if guarded or script.entry else plain).update(commands)
    return frozenset(found - plain)


MATRIX_SELECTORS = frozenset({"TOXENV", "TOX_ENV", "NOXSESSION"})
"""Variables that choose what tox or nox runs (`TOX_ENV: py${{ matrix.python }}`): set from the
matrix, each job runs one environment, while the same line run bare runs all of them."""


def _picks_from_matrix(*envs: Any) -> bool:
    return any(
        name in MATRIX_SELECTORS and "matrix." in str(value)
        for env in envs
        if isinstance(env, dict)
        for name, value in env.items()
    )


def _job_variant(src: FactSources, command: Command) -> str:
    """ "one platform" for a job that runs on macOS or Windows only, "side job" for a release,
    publishing, docs or benchmark job."""
    name = _job_at(src.text(command.path) or "", command.line or 0)
    config = src.yaml(command.path)
    jobs = config.get("jobs") if isinstance(config, dict) else None
    job = jobs.get(name) if isinstance(jobs, dict) and name else None
    if not isinstance(job, dict):
        return ""
    if SIDE_JOB.search(f"{name} {job.get('name', '')}"):
        return "side job"
    platforms = _platforms(job)
    if platforms and all(ONE_PLATFORM.search(p) for p in platforms) and _ci_elsewhere(src):
        return "one platform"
    return ""


def _ci_elsewhere(src: FactSources) -> bool:
    """Whether a GitHub workflow job that runs commands runs them on another platform than
    macOS or Windows. Where none does (a Kotlin Multiplatform library built on macOS only,
    beside an Ubuntu job that only validates the Gradle wrapper), that platform is where the
    project's CI runs, not one platform beside the plain run."""
    return src.derived("ci-beyond-one-platform", lambda: _beyond_one_platform(src))


def _beyond_one_platform(src: FactSources) -> bool:
    providers = ci_file_providers(src)
    for path in sorted(p for p, provider in providers.items() if provider == "github-actions"):
        config = src.yaml(path)
        jobs = config.get("jobs") if isinstance(config, dict) else None
        for job in jobs.values() if isinstance(jobs, dict) else ():
            if not (isinstance(job, dict) and _runs_commands(job)):
                continue
            if any(not ONE_PLATFORM.search(p) for p in _platforms(job)):
                return True
    return False


def _runs_commands(job: dict[str, Any]) -> bool:
    steps = job.get("steps")
    return isinstance(steps, list) and any(isinstance(s, dict) and "run" in s for s in steps)


def _platforms(job: dict[str, Any]) -> list[str]:
    runs_on = job.get("runs-on")
    if isinstance(runs_on, str) and "${{" not in runs_on:
        return [runs_on]
    strategy = job.get("strategy")
    matrix = strategy.get("matrix") if isinstance(strategy, dict) else None
    if isinstance(runs_on, str) and isinstance(matrix, dict):
        key = re.search(r"matrix\.([\w-]+)", runs_on)
        values = matrix.get(key.group(1)) if key else None
        if isinstance(values, list):
            return [str(v) for v in values]
    return []


def _job_at(text: str, line: int) -> str | None:
    """The key of the GitHub Actions job whose block holds 1-based `line`."""
    lines = text.splitlines()
    try:
        start = next(i for i, t in enumerate(lines) if t.rstrip() == "jobs:")
    except StopIteration:
        return None
    indent, job = None, None
    for number in range(start + 1, min(line, len(lines))):
        match = JOB_KEY.match(lines[number])
        if match and (indent is None or len(match.group(1)) == indent):
            indent = len(match.group(1))
            job = match.group(2).strip("\"'")
        elif lines[number].strip() and not lines[number][:1].isspace():
            return None
    return job
