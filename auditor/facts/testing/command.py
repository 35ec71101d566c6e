"""The test command: every way to run the whole suite, ranked as a careful engineer would.

This is the one home of "how are the tests run here": the report's `test_command` (with its
`test_command_source`), the alternatives, the generated AGENTS.md line and, built from the
same command, the single-test line (`single_test`). Ranking, best first:

1. the repository's own instructions: the root's agent files (AGENTS.md, CLAUDE.md, ...),
   then CONTRIBUTING and development guides, then the README and packages' own agent files;
2. what CI runs on pull requests;
3. a task runner's target (make, just, task, package scripts, composer, tox, nox, hatch, ...);
4. the build tool's own test run (`./gradlew test`, `bundle exec rake`, `ctest`, `cargo test`);
5. the framework's default command (`uv run pytest`, `npx vitest run`).

A command counts only when it runs the whole suite and what it needs exists where it is written
(`targets.runs_tests`). A documented or CI line that needs what the lines before it make (a
build directory, a configured Makefile) is joined with them (`build_dirs`; in a document, the
earlier code blocks of its section too), and consecutive CI lines that each test one member of
a Cargo workspace are joined as the job's suite (`member_runs`). A CI step or runner target
that is only *named* for tests (`make test` whose recipe runs a program not known to test)
ranks after the build tool's own suite. Within one document, a command introduced as the whole
suite ("Run the full test suite") ranks before the others. Within that order: recipes for
debugging, coverage, a single platform or matrix entry (a step's `if: matrix.x == ...`, a
matrix directory other than the root), or jobs that do not run on pull requests (releases,
docs, benchmarks) rank after every plain run (`variants`); runners, build tools and defaults of
another ecosystem than the primary language's rank after those of the primary one (a Python
framework's `npm test` for its static assets); commands that cannot run as written
(`${{ matrix.env }}`, `<name>`) or that are too long to be an instruction come last; one that
skips a step it needs (`dotnet test --no-build` without its build) ranks with the variants, and
one run as root (`sudo ./ci/test.sh`) is never offered (`handover`). Identical texts keep the
best-ranked one.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Sequence
from dataclasses import replace

from auditor.facts.ci.triggers import pull_request_ci
from auditor.facts.commands.documented import document_introductions
from auditor.facts.commands.prose import (
    in_extra_section,
    introduces_whole_suite,
    labelled_for_another_job,
    shows_usage,
)
from auditor.facts.commands.unattended import stated_watch_flags, unattended_form
from auditor.facts.layout.languages import primary_language
from auditor.facts.model import Command
from auditor.facts.references.manifests import ManifestJudge
from auditor.facts.runners.registry import TaskRunners, runners_of
from auditor.facts.runners.resolution import located_invocations, reach
from auditor.facts.shell.invocations import invocations
from auditor.facts.sources import FactSources
from auditor.facts.testing.build_dirs import finds_its_directories, with_set_up
from auditor.facts.testing.build_tools import build_tool_test_commands
from auditor.facts.testing.defaults import default_test_commands
from auditor.facts.testing.documented_ctest import ctest_after_documented_build
from auditor.facts.testing.frameworks import framework_evidence
from auditor.facts.testing.handover import needs_an_earlier_step, runs_as_root
from auditor.facts.testing.invocations import (
    TestEnvironment,
    builds_too,
    command_ecosystem,
    test_environment,
)
from auditor.facts.testing.member_runs import joined_member_runs
from auditor.facts.testing.parts import parts_of_the_suite
from auditor.facts.testing.targets import runner_test_commands, runs_tests, seen_to_run_tests
from auditor.facts.testing.variants import variant_of
from auditor.facts.tools.catalog import invocation_tools

DOCUMENTED = ("instructions", "docs", "ci")
RUNNER_ORIGINS = (
    "make", "just", "task", "npm-script", "composer", "tox", "nox", "hatch", "pdm", "poe",
)  # fmt: skip
CHECK_RUNNERS = frozenset(
    {"make", "gmake", "just", "task", "npm", "pnpm", "yarn", "bun", "composer"}
)
CHECK_NAMES = frozenset({"check", "ci"})
"""Targets named for every check, not for the tests (`make check`, `npm run ci`)."""
INSTRUCTION_NAMES = ("AGENTS.md", "CLAUDE.md")
AUTOTOOLS_INPUTS = frozenset({"configure.ac", "configure.in"})
TEMPLATE_MARKS = ("${{", "{{", "$(", "${", "<", ">", "`")
"""A command holding these is not runnable as written (`tox -e ${{ matrix.env }}`)."""
MAX_COMMAND = 90
"""Longer lines are scripts, not a command to hand an agent."""
MAX_CHAIN = 220
"""A test line joined with the lines of its block that set it up (`build_dirs`) may be longer:
`mkdir build && cd build && cmake .. -DTESTS=ON && cmake --build . && ctest`, or a README's
four steps that make the build directory, configure with two options, build and run ctest."""
LANGUAGE_ECOSYSTEMS = {
    "python": "python", "javascript": "js", "typescript": "js", "go": "go", "rust": "rust",
    "java": "jvm", "kotlin": "jvm", "scala": "jvm", "groovy": "jvm", "csharp": "dotnet",
    "fsharp": "dotnet", "ruby": "ruby", "php": "php", "c": "c", "cpp": "c", "elixir": "elixir",
    "swift": "swift", "dart": "dart", "zig": "zig", "haskell": "haskell",
}  # fmt: skip
"""The test ecosystem of each primary language."""


def test_commands(
    src: FactSources, commands: Sequence[Command], instructions: Sequence[str] = ()
) -> tuple[Command, ...]:
    """Every way found to run the whole test suite, the canonical one first, each in the form
    that runs to the end without a terminal (`commands.unattended`: no watch mode, the
    watch-off flag the `instructions` files state first); one that cannot is left out."""
    runners = runners_of(src)
    frameworks = framework_evidence(src)
    env = test_environment(src, frozenset(frameworks))
    manifests = ManifestJudge(src.repo, src)

    def works(command: Command) -> bool:
        return (
            runs_tests(runners, env, command)
            and _finds_manifest(manifests, command)
            and finds_its_directories(src, command)
        )

    lines = [c for c in commands if c.origin in DOCUMENTED]
    chains = list(with_set_up(src, lines, lambda c: runnable(c.text, MAX_CHAIN) and works(c)))
    chains.extend(joined_member_runs(src, lines))
    chains.extend(ctest_after_documented_build(src, lines, has_placeholders))
    documented = [c for c in [*lines, *chains] if works(c)]
    candidates = [
        *documented,
        *runner_test_commands(runners, env),
        *(
            c
            for c in build_tool_test_commands(src, frameworks, env, commands)
            if runs_tests(runners, env, c)
        ),
        *default_test_commands(src, frameworks, env),
    ]
    ranking = _Ranking(src, runners, env, documented, candidates, frozenset(chains))
    ranked = sorted(candidates, key=ranking)
    stated = stated_watch_flags(src.text(path) or "" for path in instructions)
    best: dict[str, Command] = {}
    for command in ranked:
        text = unattended_form(command.text, runners, stated)
        if text is not None and not runs_as_root(text):
            best.setdefault(text, replace(command, text=text))
    return tuple(best.values())


Rank = tuple[int, int, int, int, bool, tuple[int, str, int, int], int]


class _Ranking:
    """The sort key of a candidate: placeholders and variants last, then (in the runner,
    build-tool and default tiers) the primary ecosystem first, then the tier."""

    def __init__(
        self,
        src: FactSources,
        runners: TaskRunners,
        env: TestEnvironment,
        documented: Sequence[Command],
        candidates: Sequence[Command],
        chains: frozenset[Command] = frozenset(),
    ) -> None:
        self.src, self.runners, self.env = src, runners, env
        self.primary = LANGUAGE_ECOSYSTEMS.get(primary_language(src.repo) or "")
        self.pull_requests = frozenset(pull_request_ci(src))
        self.order = {command: i for i, command in enumerate(candidates)}
        introductions = _introductions(src, documented)
        self.whole = {c for c, text in introductions.items() if introduces_whole_suite(text)}
        self.other_job = {c for c, text in introductions.items() if labelled_for_another_job(text)}
        self.extra = _in_extra_sections(src, documented)
        self.usage = _readme_usage(src, documented)
        self.parts = parts_of_the_suite(runners, candidates)
        self.chains = chains

    def __call__(self, command: Command) -> Rank:
        ecosystem = command_ecosystem(command, self.env)
        foreign = int(self.primary is not None and ecosystem not in (None, self.primary))
        tier = _tier(command, command in self.whole)
        if command in self.usage:
            tier = (4, len(RUNNER_ORIGINS), *tier[2:])  # a user's example: after the runners
        if tier[0] in (3, 4) and not seen_to_run_tests(self.runners, self.env, command):
            # a target only named `test`: after a build tool's real suite; the runner's own
            # target before CI lines that pick flags and sub-targets of it
            tier = (5, 1 if command.origin in RUNNER_ORIGINS else 2, "", 0, 0)
        group = foreign if tier[0] >= 4 else 0
        broader = builds_too(command) or self._checks_too(command)
        return (self._late(command), group, foreign, tier[0], broader, tier[1:],
                self.order[command])  # fmt: skip

    def _checks_too(self, command: Command) -> bool:
        """Whether `command` is a target named for every check (`check`, `ci`) that lints,
        formats or type-checks too (`make check: lint vet race`): it tests, but beside a run
        of the tests alone it needs more tools and says less."""
        named = {
            word
            for invocation in invocations(command.text)
            for word in invocation.args[:2]
            if invocation.program in CHECK_RUNNERS
        }
        return bool(named & CHECK_NAMES) and any(
            next(invocation_tools(invocation), None) is not None
            for reached in reach(self.runners, command)
            for invocation, _ in located_invocations(reached)
        )

    def _late(self, command: Command) -> int:
        """2 for a command with placeholders or too long, 1 for a variant, one that watches
        as written (`pnpm dev`, whose `vitest` needs `--run` to end) or one its document
        labels for another job ("- Build: `mvn package`"), else 0."""
        chain = command in self.chains or command.origin == "build-tool"  # steps we wrote
        if not runnable(command.text, MAX_CHAIN if chain else MAX_COMMAND):
            return 2
        variant = variant_of(self.src, command, self.pull_requests)
        watches = unattended_form(command.text, self.runners, ()) != command.text
        aside = command in self.extra or command in self.other_job or command in self.parts
        later = needs_an_earlier_step(command.text)  # `dotnet test --no-build` alone
        return int(aside or bool(variant) or watches or later)


ELLIPSES = frozenset({"...", "\u2026"})
SYNOPSIS_ARGUMENT = re.compile(r"^\[[\w-]*+(?:\.{2,3}|\u2026)\]$")
"""`[spec..]`, `[files...]`: arguments a usage line leaves to the reader."""
"""An argument that is only an ellipsis is a placeholder (`./...` is Go's package pattern)."""


def runnable(text: str, longest: int = MAX_COMMAND) -> bool:
    """Whether `text` can be handed over as written: no placeholders, not a whole script."""
    return len(text) <= longest and not has_placeholders(text)


def has_placeholders(text: str) -> bool:
    """Template marks (`${{ matrix.x }}`, `<file>`), a `...` standing for arguments, or a
    usage synopsis's optional arguments (`mocha [spec..]`, `[args...]`)."""
    words = text.split()
    return (
        any(mark in text for mark in TEMPLATE_MARKS)
        or any(w in ELLIPSES for w in words)
        or any(SYNOPSIS_ARGUMENT.match(w) for w in words)
    )


def _introductions(src: FactSources, documented: Sequence[Command]) -> dict[Command, str]:
    """The prose that introduces each documented command (`document_introductions`)."""
    by_path = {
        path: document_introductions(path, src.text(path) or "")
        for path in {command.path for command in documented}
    }
    return {c: by_path[c.path].get(c.line or 0, "") for c in documented}


def _finds_manifest(judge: ManifestJudge, command: Command) -> bool:
    """Whether each build tool the command runs finds its manifest where it runs (a documented
    `mvn clean verify` at a root with no pom.xml does not run as written)."""
    return all(judge.problem(i, cwd) is None for i, cwd in located_invocations(command))


def _in_extra_sections(src: FactSources, documented: Sequence[Command]) -> set[Command]:
    """The documented commands of sections for extra runs ("Extra Test Environments")."""
    lines = {path: (src.text(path) or "").splitlines() for path in {c.path for c in documented}}
    return {c for c in documented if in_extra_section(lines[c.path], c.line or 0)}


def _readme_usage(src: FactSources, documented: Sequence[Command]) -> set[Command]:
    """The commands of a README that show how to use the project (`prose.shows_usage`): the
    product's own examples (`pytest -n auto` in pytest-xdist's introduction), not how its
    maintainers run its tests. They rank after CI and the task runners."""
    readmes = {c.path for c in documented if _is_readme(c.path) and c.origin == "docs"}
    lines = {path: (src.text(path) or "").splitlines() for path in readmes}
    return {c for c in documented if c.path in lines and shows_usage(lines[c.path], c.line or 0)}


def _is_readme(path: str) -> bool:
    return path.rsplit("/", 1)[-1].lower().startswith("readme")


def _tier(command: Command, whole_suite: bool) -> tuple[int, int, str, int, int]:
    """(tier, rank in the tier, path, 0 for a documented command introduced as the whole
    suite, line): within one document, "the full test suite" before a part of it."""
    path, line, part = command.path, command.line or 0, int(not whole_suite)
    depth = path.count("/")
    if command.origin == "instructions":
        name = path.rsplit("/", 1)[-1]
        known = INSTRUCTION_NAMES.index(name) if name in INSTRUCTION_NAMES else 2
        if path.startswith(".") or "/" not in path:  # the root's, or .github/, .cursor/ rules
            return (0, known, path, part, line)
        return (2, 10 + depth, path, part, line)  # a package's own: after the root's documents
    if command.origin == "docs":
        return (2 if _is_readme(path) else 1, depth, path, part, line)
    if command.origin == "ci":
        return (3, _setup_first(command), path, 0, line)
    if command.origin in RUNNER_ORIGINS:
        return (4, RUNNER_ORIGINS.index(command.origin), "", 0, 0)
    if command.origin == "build-tool":
        # a runner target seen to run nothing known: (5, 1, ...); the guess of how autotools
        # is set up (`./autogen.sh && ./configure`: its flags unknown) after those
        autotools = posixpath.basename(command.path) in AUTOTOOLS_INPUTS
        return (5, 3 if autotools else 0, "", 0, 0)
    return (6, 0, "", 0, 0)


def _setup_first(command: Command) -> int:
    """CI lines that change directory first rank after those run from the root."""
    first = invocations(command.text)[:1]
    return int(bool(first) and first[0].program in ("cd", "pushd"))
