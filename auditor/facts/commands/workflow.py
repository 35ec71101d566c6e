"""The commands a generated AGENTS.md names, each one the repository runs or can resolve."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from auditor.facts.commands.labels import test_label_problem, tool_label_problem
from auditor.facts.commands.setup import installs_test_tools, manager_setup, own_setup
from auditor.facts.commands.unattended import stated_watch_flags, unattended_form
from auditor.facts.model import Command, Facts
from auditor.facts.references.commands import CommandJudge
from auditor.facts.references.paths import PathJudge
from auditor.facts.runners.package_scripts import script_command
from auditor.facts.runners.registry import TaskRunners, runners_of
from auditor.facts.runners.resolution import HANDLERS
from auditor.facts.shell.invocations import invocations
from auditor.facts.subject import Subject
from auditor.facts.testing.command import has_placeholders, runnable
from auditor.facts.testing.frameworks import framework_evidence
from auditor.facts.testing.invocations import TestEnvironment, test_environment
from auditor.facts.testing.prefix import main_manager
from auditor.index.read_log import recorded_property
from auditor.report_facts import Source

INSTALL_WORDS: dict[str, frozenset[str]] = {
    "uv": frozenset({"sync"}),
    "poetry": frozenset({"install"}),
    "pdm": frozenset({"install", "sync"}),
    "pipenv": frozenset({"install", "sync"}),
    "npm": frozenset({"ci", "install", "i"}),
    "pnpm": frozenset({"install", "i"}),
    "yarn": frozenset({"install"}),
    "bun": frozenset({"install"}),
    "bundle": frozenset({"install"}),
    "composer": frozenset({"install"}),
}
DEFAULT_BUILD = {"cargo": "cargo build", "go": "go build ./...", "maven": "mvn package"}
KIND_WORDS = {
    "linter": ("lint", "check", "vet", "style"),
    "formatter": ("format", "fmt", "style", "prettier"),
    "type_checker": ("type", "tsc", "mypy", "pyright", "check"),
}
MANIFESTS = (
    "pyproject.toml",
    "package.json",
    "Cargo.toml",
    "go.mod",
    "Gemfile",
    "composer.json",
    "pom.xml",
    "build.gradle",
    "build.gradle.kts",
    "setup.py",
    "setup.cfg",
    "requirements.txt",
)
"""Files that show which package manager a default set-up or build command is for."""
RUN_RANK = {"make": 0, "just": 0, "task": 0, "npm-script": 0, "tox": 0, "nox": 0, "poe": 0}
"""Tool runs named through a task-runner target rank first, then CI steps, then hooks."""


class CommandChooser:
    """Picks setup, build, test and tool commands for the repository (or package) `subject`."""

    def __init__(self, subject: Subject, manager: str | None = None) -> None:
        self.subject = subject
        self.files = subject.files
        self.facts: Facts = subject.facts
        self.manager = manager or main_manager(self.facts.package_managers, self.files)
        self._sources: dict[str, Source] = {}

    def source(self, text: str | None) -> Source | None:
        """Where a command this chooser chose was found (file, line, why it counts), or None
        for a text it did not choose."""
        return self._sources.get(text or "")

    def _chose(self, text: str | None, source: Source | None) -> str | None:
        """`text`, its source recorded (the first source found for a text stays)."""
        if text and source is not None:
            self._sources.setdefault(text, source)
        return text

    @recorded_property
    def runners(self) -> TaskRunners:
        return runners_of(self.subject.sources)

    @recorded_property
    def _test_environment(self) -> TestEnvironment:
        src = self.subject.sources
        return test_environment(src, frozenset(framework_evidence(src)))

    def labelled(self, text: str) -> bool:
        """Whether `text` does only the job a Lint, Format or Type-check line names."""
        return tool_label_problem(self.runners, self._test_environment, text) is None

    def tests_something(self, text: str | None) -> bool:
        """Whether `text` may be a test run (not sure to run only linters and formatters)."""
        return (
            bool(text)
            and test_label_problem(self.runners, self._test_environment, text or "") is None
        )

    @recorded_property
    def _judge(self) -> CommandJudge:
        return CommandJudge(self.subject, PathJudge(self.files))

    def resolves(self, text: str | None) -> bool:
        """Whether `text`, run where the AGENTS.md sits, resolves: its target, script, env,
        session and paths exist (a root CI step's `make x` does not, from a package)."""
        if not text:
            return False
        command = Command(text, "AGENTS.md", 1, "instructions")
        return not any(True for _ in self._judge.problems(command, "", strict=True))

    def unattended(self, text: str | None) -> str | None:
        """`text` as it runs to the end without a terminal (no watch mode, the watch-off flag
        the repository's instructions state first), or None when it cannot."""
        if not text:
            return None
        return unattended_form(text, self.runners, self._stated_watch_flags)

    @recorded_property
    def _stated_watch_flags(self) -> tuple[str, ...]:
        paths = self.facts.instruction_files
        return stated_watch_flags(self.files.text(p) or "" for p in paths if self.files.file(p))

    def setup(self) -> str | None:
        """The project's own set-up target or script; else a documented or CI install command
        of its package manager that installs the test tools; else the manager's install with
        the test extras or groups. Only a command that resolves here."""
        src = self.subject.sources
        own = own_setup(self.runners, self.files)
        if own is not None and self.resolves(own):
            return self._chose(own, self._target_source(own))
        for command in self._documented():
            text = command.text
            installs = _is_install(text, self.manager)
            if installs and installs_test_tools(text, self.manager, src) and self.resolves(text):
                return self._chose(text, Source(command.path, command.line, command.reason))
        default = manager_setup(self.manager, src)
        return self._chose(default, self._manifest_source()) if self.resolves(default) else None

    def test(self) -> str | None:
        """The canonical test command (`testing.command`), when it holds no placeholder (a
        long one is still the best the repository has: the ranking put shorter ones first)."""
        command = self.facts.test_command
        if command is None or has_placeholders(command.text):
            return None
        return self._chose(command.text, Source(command.path, command.line, command.reason))

    def single_test(self) -> str | None:
        """One test on its own, built from the same test command (`testing.single_test`)."""
        test = self.test()
        origin = self.source(test)
        built = None if origin is None else replace(origin, reason="built from the test command")
        return self._chose(self.facts.single_test_command, built) if test else None

    def build(self) -> str | None:
        name = "build"
        if self.runners.make().get(name) is not None:
            return self._chose(f"make {name}", self._target_source(f"make {name}"))
        if name in self.runners.just:
            return self._chose(f"just {name}", self._target_source(f"just {name}"))
        script = self.runners.scripts("").get(name)
        if script is not None:
            text = script_command(self._js_manager(), name)
            return self._chose(text, Source(script.path, script.line, "package script"))
        return self._chose(DEFAULT_BUILD.get(self.manager or ""), self._manifest_source())

    def _target_source(self, text: str) -> Source | None:
        """Where `make NAME`, `just NAME`, `task NAME` or `./script` is defined."""
        runner, _, name = text.partition(" ")
        runners = self.runners
        if runner == "make" and name in runners.make():
            target = runners.make()[name]
            return Source(target.path, target.line, "make target")
        if runner == "just" and name in runners.just:
            recipe = runners.just[name]
            return Source(recipe.path, recipe.line, "just recipe")
        if runner == "task" and name in runners.tasks:
            task = runners.tasks[name]
            return Source(task.path, task.line, "task")
        path = text.removeprefix("./")
        return Source(path, None, "set-up script") if self.files.file(path) else None

    def _manifest_source(self) -> Source | None:
        """The lockfile or manifest whose package manager a default command is for."""
        reason = f"{self.manager} default" if self.manager else "default"
        for path in (*(p for p in self.facts.lockfiles if "/" not in p), *MANIFESTS):
            if self.files.file(path) is not None:
                return Source(path, None, reason)
        return None

    def tools(self, kind: str) -> tuple[tuple[str, str], ...]:
        """(tool, command) per tool of `kind`, the way the repository runs it.

        A command named after the job (`make lint`, `tox -e typing`) ranks before one that
        only happens to run the tool too (`yarn test`), then task-runner targets before CI
        steps before git hooks.
        """
        found: list[tuple[str, str]] = []
        for tool in self.facts.tools:
            if tool.kind != kind:
                continue
            named = sorted(
                (_off_topic(text, kind, tool.name), rank, len(text), text, at)
                for at, run in enumerate(tool.runs)
                for rank, text in [self._entry(run)]
                if text is not None and self.resolves(text) and self.labelled(text)
            )
            if named:
                text, run = named[0][3], tool.runs[named[0][4]]
                found.append((tool.name, text))
                self._chose(text, Source(run.path, run.line, f"{run.origin}: runs {tool.name}"))
        return tuple(found)

    def _entry(self, run: Command) -> tuple[int, str | None]:
        """How an agent starts `run`, and how good a name that is (lower is better)."""
        origin = run.origin
        if origin == "ci":
            text = run.text if runnable(run.text) and not run.text.startswith("uses:") else None
            first = invocations(run.text)[:1]
            return (1 if first and first[0].program in HANDLERS else 2), text
        if origin == "pre-commit":
            return 3, self._hook_entry(run)
        return RUN_RANK.get(origin, 4), self._target_entry(run)

    def _target_entry(self, run: Command) -> str | None:
        directory = run.path.rpartition("/")[0]
        runners = self.runners
        if run.origin == "make" and not directory:
            return _name_of(run, {n: t.recipe for n, t in runners.make().items()}, "make")
        if run.origin == "just":
            return _name_of(run, {n: r.body for n, r in runners.just.items()}, "just")
        if run.origin == "npm-script" and not directory:
            scripts = {n: (c,) for n, c in runners.scripts("").items()}
            name = _name_of(run, scripts, "")
            return script_command(self._js_manager(), name.strip()) if name else None
        if run.origin == "tox" and runners.tox is not None:
            return _name_of(run, runners.tox.envs, "tox -e")
        if run.origin == "nox" and runners.nox is not None:
            return _name_of(run, runners.nox.sessions, "nox -s")
        if run.origin == "poe":
            return _name_of(run, runners.poe, "poe")
        return None

    def _hook_entry(self, run: Command) -> str | None:
        for hook in self.runners.hooks:
            if hook.command == run and not hook.manual:
                return f"pre-commit run {hook.id} --all-files"
        return None

    def _documented(self) -> list[Command]:
        """Commands of the root's own instruction files, then its docs, then CI."""
        order = {"instructions": 0, "docs": 1, "ci": 2}
        own = [
            c
            for c in self.facts.commands
            if c.origin in order and ("/" not in c.path or c.path.startswith("."))
        ]
        return sorted(own, key=lambda c: (order[c.origin], c.path, c.line or 0))

    def _js_manager(self) -> str:
        return self.manager if self.manager in ("npm", "pnpm", "yarn", "bun") else "npm"


def _name_of(run: Command, table: Mapping[str, tuple[Command, ...]], runner: str) -> str | None:
    """`runner NAME` for the entry of `table` whose commands hold `run`."""
    for name in sorted(table):
        if run in table[name] and not name.startswith((".", "_")) and "%" not in name:
            return f"{runner} {name}".strip() if runner else name
    return None


def _off_topic(text: str, kind: str, tool: str) -> int:
    """0 when `text` names the tool or the job (`lint`, `format`, `typecheck`), else 1."""
    low = text.lower()
    return 0 if tool in low or any(word in low for word in KIND_WORDS[kind]) else 1


def _is_install(text: str, manager: str | None) -> bool:
    """Whether `text` only installs the project's dependencies with `manager` (or pip)."""
    if not runnable(text):
        return False
    found = invocations(text)
    if len(found) != 1:
        return False  # `cd other && poetry install` sets up another project
    program, args = found[0].program, found[0].args
    if program == "pip" or (program == "uv" and args[:2] == ("pip", "install")):
        words = set(args)
        return manager in ("pip", "uv") and bool(words & {"-e", "-r", ".", "--editable"})
    return program == manager and _installs_project(program, args)


def _installs_project(program: str, args: tuple[str, ...]) -> bool:
    """`poetry install --with dev`, `npm ci`: the project's own dependencies, no others."""
    words_for = INSTALL_WORDS.get(program)
    if words_for is None or not args or args[0] not in words_for:
        return False
    named = [a for a in args[1:] if not a.startswith("-")]
    return not named or program in ("uv", "poetry", "pdm")  # the others take package names
