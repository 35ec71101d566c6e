"""Taskfile (go-task) tasks and their commands, read from YAML (task is never run)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from auditor.facts.commands.locate import LineLocator
from auditor.facts.model import Command
from auditor.facts.shell.script_lines import script_lines
from auditor.facts.sources import FactSources

TASKFILE_NAMES = (
    "Taskfile.yml",
    "taskfile.yml",
    "Taskfile.yaml",
    "taskfile.yaml",
    "Taskfile.dist.yml",
    "taskfile.dist.yml",
    "Taskfile.dist.yaml",
)


@dataclass(frozen=True, slots=True)
class Task:
    """One task: its dependencies and its commands (a call of another task reads `task NAME`)."""

    name: str
    path: str
    line: int | None
    dependencies: tuple[str, ...]
    commands: tuple[Command, ...]


def taskfile_path(src: FactSources) -> str | None:
    return next((name for name in TASKFILE_NAMES if src.repo.file(name)), None)


def taskfile_tasks(src: FactSources) -> dict[str, Task]:
    """The tasks of the root Taskfile, by name (aliases included)."""
    path = taskfile_path(src)
    config = src.yaml(path) if path else None
    tasks = config.get("tasks") if isinstance(config, dict) else None
    if path is None or not isinstance(tasks, dict):
        return {}
    locator = LineLocator(src.text(path))
    found: dict[str, Task] = {}
    for name, spec in tasks.items():
        line = locator.find_key(str(name))
        if isinstance(spec, dict):
            cmds, deps = spec.get("cmds", spec.get("cmd")), spec.get("deps")
        else:
            cmds, deps = spec, None
        task = Task(
            str(name), path, line, tuple(_task_names(deps)), tuple(_commands(cmds, path, locator))
        )
        found[task.name] = task
        aliases = spec.get("aliases") if isinstance(spec, dict) else None
        for alias in aliases if isinstance(aliases, list) else ():
            found.setdefault(str(alias), task)
    return found


def _task_names(deps: Any) -> list[str]:
    names = []
    for dep in deps if isinstance(deps, list) else ():
        if isinstance(dep, str):
            names.append(dep)
        elif isinstance(dep, dict) and isinstance(dep.get("task"), str):
            names.append(dep["task"])
    return names


def _commands(cmds: Any, path: str, locator: LineLocator) -> list[Command]:
    items = cmds if isinstance(cmds, list) else [cmds]
    found: list[Command] = []
    for item in items:
        if isinstance(item, dict) and isinstance(item.get("task"), str):
            found.append(Command(f"task {item['task']}", path, locator.find(item["task"]), "task"))
            continue
        text = item.get("cmd") if isinstance(item, dict) else item
        if not isinstance(text, str):
            continue
        at = locator.find(text)
        first = next((i for i, line in enumerate(text.splitlines()) if line.strip()), 0)
        base = None if at is None else at - first
        found.extend(Command(t, path, n, "task") for n, t in script_lines(text, base))
    return found
