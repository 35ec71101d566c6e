"""Does CI run the tests, and the linters, on pull requests? Each answer with its evidence.

`ci_checks(src)` reads every CI job (`jobs.ci_jobs`: triggers, job `if:`, reusable workflows
and composite actions followed) and keeps the steps that run the test suite or a linter, each
with the file, line, job, command and why it counts. A step runs the tests when it does
directly or through what it starts, followed statically:

- task runners (`make richtest` whose recipe runs pytest, `npm run ci` whose script runs
  jest, `tox`, `nox`, just, task, hatch, pdm, poe: `runners.resolution`);
- build tools that test: Gradle `build`/`check`/`test` (not with `-x test`), Maven `test`,
  `verify`, `package`, `install`, `deploy` (not with `-DskipTests`), `dotnet test`, `cargo
  test`, `go test`, `ctest` (`testing.invocations`), `rake` whose task (`default` when none is
  named) is or depends on a test task (`runners.rakefile`), Cake scripts calling a test alias;
- repository scripts (`./build.ps1`, `bash ci/test.sh`), read line by line, a few levels
  deep; and, as a last resort, a target or script that exists and is named for tests
  (`make test-race`, `scripts/run-tests`).

A linter runs when a step reaches one (`tools.detect.command_tools`), when a published action
wraps one, or when pre-commit.ci runs hooks that do.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator

from auditor.facts.ci.jobs import CiJob, ci_jobs
from auditor.facts.model import CiChecks, CiStep, Command
from auditor.facts.runners.cake import cake_script, cake_targets
from auditor.facts.runners.rakefile import rake_tasks
from auditor.facts.runners.registry import TaskRunners, runners_of
from auditor.facts.runners.resolution import expand, located_invocations, reach
from auditor.facts.runners.shell_scripts import is_foreign_script
from auditor.facts.shell.invocations import Invocation
from auditor.facts.shell.script_lines import script_lines
from auditor.facts.sources import FactSources
from auditor.facts.testing.frameworks import framework_evidence
from auditor.facts.testing.invocations import TestEnvironment, runs_test_suite, test_environment
from auditor.facts.testing.targets import runs_tests
from auditor.facts.tools.detect import command_tools
from auditor.facts.tools.hook_ids import PRE_COMMIT_ACTIONS, action_tools
from auditor.index.line_offsets import line_at
from auditor.index.read_log import ReadLog, shared

MAX_SCRIPT_DEPTH = 3
SCRIPT_RUNNERS = frozenset({"bash", "sh", "zsh", "pwsh", "powershell"})
SCRIPT_SUFFIXES = ("", ".sh", ".bash", ".ps1", ".cmd", ".bat")
TEST_NAMED = re.compile(r"(?:^|[-_:])(?:unit-?)?tests?(?:$|[-_:.])", re.IGNORECASE)
"""A target or script named for tests: `test-race`, `tests`, `test:unit`, `run_tests.sh`."""
PRE_COMMIT_CI = re.compile(r"^ci:", re.MULTILINE)


class _Judge:
    """Follows one CI command to what it runs, with the caches of one run."""

    def __init__(self, src: FactSources) -> None:
        self.src = src
        self.runners: TaskRunners = runners_of(src)
        self.env: TestEnvironment = test_environment(src, frozenset(framework_evidence(src)))
        self._tests: dict[tuple[str, str, str, int], tuple[str | None, ReadLog]] = {}

    def tests(self, command: Command, depth: int = 0) -> str | None:
        """Why `command` runs the test suite, or None (once per text, file and depth: CI
        files repeat their steps across jobs)."""
        key = (command.text, command.path, command.origin, depth)
        return shared(self._tests, key, lambda: self._test_reason(command, depth))

    def _test_reason(self, command: Command, depth: int) -> str | None:
        direct = runs_tests(self.runners, self.env, command)
        named: str | None = None
        for reached in reach(self.runners, command):
            for invocation, cwd in located_invocations(reached):
                why = self._invocation(invocation, cwd, reached, depth)
                if why is None and direct and runs_test_suite(invocation, cwd, self.env):
                    why = f"runs `{_shown(invocation)}`"
                if why is not None:
                    return _through(why, command, reached)
                named = named or self._named(invocation, cwd, reached)
        if direct:
            return f"runs `{command.text}`, a target named for the test suite"
        return named

    def _invocation(
        self, invocation: Invocation, cwd: str, reached: Command, depth: int
    ) -> str | None:
        program, args = invocation.program, invocation.args
        words = [a for a in args if not a.startswith("-")]
        if program == "rake":
            return self._rake(words, cwd)
        if program in ("cake", "dotnet-cake") or (program == "dotnet" and words[:1] == ["cake"]):
            script = next((w for w in words if w.endswith(".cake")), "build.cake")
            return self._cake(_joined(cwd, script), cake_targets(args))
        path = self._script_path(invocation, cwd)
        if path is not None and depth < MAX_SCRIPT_DEPTH:
            return self._script(path, depth, cake_targets(args))
        return None

    def _rake(self, words: list[str], cwd: str) -> str | None:
        tasks = rake_tasks(self.src, cwd)
        name = next((w for w in words if "=" not in w), "default")
        found = tasks.testing(name) if tasks else None
        if tasks is None or found is None:
            return None
        task, line = found
        if task == name:
            return f"runs rake `{task}`, a test task ({tasks.path}:{line})"
        return f"runs rake `{name}`, which runs the test task `{task}` ({tasks.path}:{line})"

    def _cake(self, path: str, targets: list[str]) -> str | None:
        """Why running the Cake script at `path` for `targets` (default: its own) tests."""
        script = cake_script(self.src, path)
        if script is None:
            return None
        reached = [script.testing(t) for t in targets] if targets else [script.testing()]
        if not reached or reached[0] is None or None in reached:
            return None
        task, line = reached[0]
        named = f"task `{task}`" if task else "a step"
        return f"runs the Cake script {path}, whose {named} runs the tests ({path}:{line})"

    def _script_path(self, invocation: Invocation, cwd: str) -> str | None:
        """The repository file a step runs as a script (`./build.ps1`, `bash ci/test.sh`)."""
        head = invocation.head.replace("\\", "/")
        if invocation.program in SCRIPT_RUNNERS and invocation.args:
            head = invocation.args[0].replace("\\", "/")
            if head.startswith("-"):
                return None
        elif "/" not in head:
            return None
        if head.startswith(("/", "$", "~")):
            return None
        for suffix in SCRIPT_SUFFIXES:
            path = _joined(cwd, head + suffix)
            if path and self.src.repo.file(path) is not None:
                return path
        return None

    def _script(self, path: str, depth: int, targets: list[str]) -> str | None:
        text = self.src.text(path) or ""
        if is_foreign_script(text):  # `bin/test` in Python: not shell lines
            return None
        directory = posixpath.dirname(path)
        if "cake" in text.lower():  # a Cake bootstrapper: the targets it is given decide
            cake = self._cake(_joined(directory, "build.cake") or "build.cake", targets)
            cake = cake or self._cake("build.cake", targets)
            return f"runs {path}, which {cake}" if cake is not None else None
        for line, line_text in script_lines(text, 1):
            why = self.tests(Command(line_text, path, line, "script"), depth + 1)
            if why is not None:
                return f"runs {path}, which {why} ({path}:{line})"
        return None

    def _named(self, invocation: Invocation, cwd: str, reached: Command) -> str | None:
        """A task-runner target or script named for tests that exists (`make test-race`)."""
        words = [a for a in invocation.args if not a.startswith("-")]
        if invocation.program in ("make", "gmake", "just", "task", "npm", "pnpm", "yarn", "bun"):
            name = words[1] if words[:1] == ["run"] and len(words) > 1 else next(iter(words), "")
            if not name or not TEST_NAMED.search(name):
                return None
            make = invocation.program in ("make", "gmake")
            makefile = self.runners.makefile(cwd) if make else None
            if makefile is not None:
                exists = makefile.rule_for(name) is not None
            else:
                exists = bool(expand(self.runners, invocation, cwd, reached))
            return f"runs `{_shown(invocation)}`, a target named for tests" if exists else None
        script = self._script_path(invocation, cwd)
        if script is not None and TEST_NAMED.search(script.rsplit("/", 1)[-1]):
            return f"runs {script}, a script named for tests"
        return None

    def linters(self, command: Command, linters: frozenset[str]) -> str | None:
        """Why `command` runs one of the `linters`, or None."""
        for reached in self._reached_with_scripts(command, 0):
            names = sorted({name for name, kind in command_tools(reached) if kind == "linter"})
            names = [name for name in names if name in linters]
            if names:
                return _through(f"runs {', '.join(names)}", command, reached)
        return None

    def _reached_with_scripts(self, command: Command, depth: int) -> Iterator[Command]:
        for reached in reach(self.runners, command):
            yield reached
            for invocation, cwd in located_invocations(reached):
                script = self._script_path(invocation, cwd)
                if script is None or depth >= MAX_SCRIPT_DEPTH:
                    continue
                for line, text in script_lines(self.src.text(script) or "", 1):
                    yield from self._reached_with_scripts(
                        Command(text, script, line, "script"), depth + 1
                    )


def ci_checks(src: FactSources, linters: frozenset[str] = frozenset()) -> CiChecks:
    """The CI steps that run the tests, and those that run one of `linters` (the linters the
    repository runs anywhere), pull-request steps first, each in file order."""
    judge = _Judge(src)
    tests: list[CiStep] = []
    lints: list[CiStep] = []
    for job in ci_jobs(src):
        for command in job.commands:
            why = judge.tests(command)
            if why is not None:
                tests.append(_step(job, command, why))
            lint = judge.linters(command, linters) if linters else None
            if lint is not None:
                lints.append(_step(job, command, lint))
        lints.extend(_action_linters(judge, job, linters))
    lints.extend(_pre_commit_ci(judge, linters))
    order = lambda step: not step.pull_requests  # noqa: E731
    return CiChecks(tuple(sorted(tests, key=order)), tuple(sorted(lints, key=order)))


def _action_linters(judge: _Judge, job: CiJob, linters: frozenset[str]) -> Iterator[CiStep]:
    for use in job.uses:
        names = sorted(
            {name for name, kind in action_tools(use.action, use.inputs) if kind == "linter"}
        )
        if use.action in PRE_COMMIT_ACTIONS:
            names = names or _hook_linters(judge, linters)
        names = [name for name in names if name in linters]
        if names:
            yield _step(job, use.step, f"the action `{use.action}` runs {', '.join(names)}")


def _hook_linters(judge: _Judge, linters: frozenset[str]) -> list[str]:
    found = {
        name
        for hook in judge.runners.hooks
        for reached in reach(judge.runners, hook.command)
        for name, kind in command_tools(reached)
        if kind == "linter" and name in linters
    }
    return sorted(found)


def _pre_commit_ci(judge: _Judge, linters: frozenset[str]) -> Iterator[CiStep]:
    """pre-commit.ci runs the hooks on pull requests: a `ci:` section, or a README badge."""
    config = judge.src.text(".pre-commit-config.yaml")
    if config is None:
        return
    readmes = (
        f.path
        for f in judge.src.repo.files
        if "/" not in f.path and f.path.lower().startswith("readme")
    )
    badge = next((p for p in readmes if "pre-commit.ci" in (judge.src.text(p) or "")), None)
    section = PRE_COMMIT_CI.search(config)
    names = _hook_linters(judge, linters)
    if names and (section or badge):
        where = ".pre-commit-config.yaml" if section else str(badge)
        line = line_at(config, section.start()) if section else None
        why = f"pre-commit.ci runs the hooks, which run {', '.join(names)}"
        yield CiStep(
            where, line, None, "pre-commit.ci", why, True, "pre-commit.ci runs on pull requests"
        )


def _step(job: CiJob, command: Command, why: str) -> CiStep:
    return CiStep(
        command.path, command.line, job.name, command.text, why, job.pull_requests, job.why
    )


def _through(why: str, command: Command, reached: Command) -> str:
    if reached is command or (reached.path == command.path and reached.origin == command.origin):
        return why
    where = f"{reached.path}:{reached.line}" if reached.line else reached.path
    return f"{why} through `{command.text}` ({where})"


def _shown(invocation: Invocation) -> str:
    return " ".join([invocation.head, *invocation.args])


def _joined(cwd: str, path: str) -> str:
    joined = posixpath.normpath(posixpath.join(cwd, path.removeprefix("./")))
    return "" if joined.startswith("..") else joined.removeprefix("./")
