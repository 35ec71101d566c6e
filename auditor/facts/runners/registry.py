"""The repository's task runners, each parsed once per fact run, and what their targets run."""

from __future__ import annotations

import posixpath
import weakref

from auditor.facts.model import Command
from auditor.facts.runners.arguments import PRE_COMMIT_VALUED, option_words
from auditor.facts.runners.hooks import PreCommitHook, pre_commit_hooks
from auditor.facts.runners.justfile import JustRecipe, just_recipes
from auditor.facts.runners.makefile import Makefile, MakeTarget, read_makefile
from auditor.facts.runners.nox_sessions import NoxSessions, nox_config
from auditor.facts.runners.package_scripts import (
    lint_staged_commands,
    npm_scripts,
    package_json_paths,
)
from auditor.facts.runners.pyproject_scripts import hatch_scripts, pdm_scripts, poe_tasks
from auditor.facts.runners.taskfile import Task, taskfile_tasks
from auditor.facts.runners.tox_config import ToxConfig, tox_config
from auditor.facts.shell.invocations import Invocation
from auditor.facts.sources import FactSources
from auditor.index.read_log import ReadLog, recorded_property, shared

_CACHE: weakref.WeakKeyDictionary[FactSources, tuple[TaskRunners, ReadLog]] = (
    weakref.WeakKeyDictionary()
)


def runners_of(src: FactSources) -> TaskRunners:
    """The task runners of `src`'s repository, parsed once however many detectors ask."""
    return shared(_CACHE, src, lambda: TaskRunners(src))


class TaskRunners:
    """Make, just, Taskfile, package scripts, tox, nox, hatch, pdm, poe and pre-commit targets."""

    def __init__(self, src: FactSources) -> None:
        self.src = src
        self._make: dict[str, tuple[Makefile | None, ReadLog]] = {}
        self._scripts: dict[str, tuple[dict[str, Command], ReadLog]] = {}

    def makefile(self, directory: str = "") -> Makefile | None:
        return shared(self._make, directory, lambda: read_makefile(self.src, directory))

    def make(self, directory: str = "") -> dict[str, MakeTarget]:
        makefile = self.makefile(directory)
        return makefile.targets if makefile else {}

    def has_makefile(self, directory: str = "") -> bool:
        return self.makefile(directory) is not None

    def scripts(self, directory: str = "") -> dict[str, Command]:
        return shared(self._scripts, directory, lambda: npm_scripts(self.src, directory))

    @recorded_property
    def package_dirs(self) -> tuple[str, ...]:
        return tuple(posixpath.dirname(path) for path in package_json_paths(self.src))

    @recorded_property
    def just(self) -> dict[str, JustRecipe]:
        return just_recipes(self.src)

    @recorded_property
    def tasks(self) -> dict[str, Task]:
        return taskfile_tasks(self.src)

    @recorded_property
    def tox(self) -> ToxConfig | None:
        return tox_config(self.src)

    @recorded_property
    def nox(self) -> NoxSessions | None:
        return nox_config(self.src)

    @recorded_property
    def hatch(self) -> dict[str, tuple[Command, ...]]:
        return hatch_scripts(self.src)

    @recorded_property
    def pdm(self) -> dict[str, tuple[Command, ...]]:
        return pdm_scripts(self.src)

    @recorded_property
    def poe(self) -> dict[str, tuple[Command, ...]]:
        return poe_tasks(self.src)

    @recorded_property
    def hooks(self) -> tuple[PreCommitHook, ...]:
        return pre_commit_hooks(self.src)

    @recorded_property
    def lint_staged(self) -> tuple[Command, ...]:
        return tuple(lint_staged_commands(self.src))

    def make_target(self, directory: str, name: str) -> tuple[Command, ...]:
        """The recipe of `name` and of the targets it depends on (prerequisites first)."""
        makefile = self.makefile(directory)
        return makefile.runs(name) if makefile else ()

    def default_make_target(self, directory: str = "") -> str | None:
        makefile = self.makefile(directory)
        return makefile.default_goal if makefile else None

    def just_recipe(self, name: str) -> tuple[Command, ...]:
        found: list[Command] = []
        seen: set[str] = set()

        def visit(recipe: str) -> None:
            if recipe in seen or recipe not in self.just:
                return
            seen.add(recipe)
            for dependency in self.just[recipe].dependencies:
                visit(dependency)
            found.extend(self.just[recipe].body)

        visit(name)
        return tuple(found)

    def task(self, name: str) -> tuple[Command, ...]:
        task = self.tasks.get(name)
        if task is None:
            return ()
        deps = tuple(Command(f"task {d}", task.path, task.line, "task") for d in task.dependencies)
        return deps + task.commands

    def workspace_scripts(self, name: str) -> tuple[Command, ...]:
        """Script `name` of every package.json (what `pnpm -r run name` runs)."""
        return tuple(
            script
            for directory in self.package_dirs
            if (script := self.scripts(directory).get(name)) is not None
        )

    def package_script(self, directory: str, name: str) -> tuple[Command, ...]:
        """Script `name` with its `pre`/`post` scripts, for the package.json in `directory`."""
        scripts = self.scripts(directory)
        names = (f"pre{name}", name, f"post{name}")
        return tuple(scripts[n] for n in names if n in scripts)

    def pre_commit(self, invocation: Invocation) -> tuple[Command, ...]:
        args = invocation.args
        manual = any(
            a == "--hook-stage=manual"
            or (a == "--hook-stage" and args[i + 1 : i + 2] == ("manual",))
            for i, a in enumerate(args)
        )
        hook_ids = option_words(args, PRE_COMMIT_VALUED)[1:]  # after `run`
        hooks = [h for h in self.hooks if manual or not h.manual]
        hooks = hooks if not hook_ids else [h for h in hooks if h.id in hook_ids]
        return tuple(hook.command for hook in hooks)
