"""Scripts Python project managers run: hatch env scripts, pdm scripts and poethepoet tasks."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from auditor.facts.commands.locate import LineLocator
from auditor.facts.model import Command
from auditor.facts.sources import FactSources


def _table(data: Any, *keys: str) -> dict[str, Any]:
    for key in keys:
        data = data.get(key) if isinstance(data, dict) else None
    return data if isinstance(data, dict) else {}


def _pyproject(src: FactSources) -> dict[str, Any]:
    data = src.toml("pyproject.toml") if src.repo.file("pyproject.toml") else None
    return data if isinstance(data, dict) else {}


def hatch_scripts(src: FactSources) -> dict[str, tuple[Command, ...]]:
    """`env:script` (and `script` for the default env) -> its commands (origin hatch)."""
    sources = [("pyproject.toml", _table(_pyproject(src), "tool", "hatch", "envs"))]
    if src.repo.file("hatch.toml"):
        sources.append(("hatch.toml", _table(src.toml("hatch.toml"), "envs")))
    found: dict[str, tuple[Command, ...]] = {}
    for path, envs in sources:
        locator = LineLocator(src.text(path))
        for env, spec in envs.items():
            for name, body in _table(spec, "scripts").items():
                lines = body if isinstance(body, list) else [body]
                commands = tuple(
                    Command(line, path, locator.find(line), "hatch")
                    for line in lines
                    if isinstance(line, str) and line.strip()
                )
                found[f"{env}:{name}"] = commands
                if env == "default":
                    found[str(name)] = commands
    return found


def pdm_scripts(src: FactSources) -> dict[str, tuple[Command, ...]]:
    """Script name -> its commands (origin pdm); a composite step naming a script is `pdm run X`."""
    scripts = _table(_pyproject(src), "tool", "pdm", "scripts")
    locator = LineLocator(src.text("pyproject.toml"))
    found: dict[str, tuple[Command, ...]] = {}
    for name, spec in scripts.items():
        if name.startswith("_"):
            continue
        texts = _task_texts(spec, PDM, set(scripts))
        found[name] = tuple(Command(t, "pyproject.toml", locator.find(t), "pdm") for t in texts)
    return found


def poe_tasks(src: FactSources) -> dict[str, tuple[Command, ...]]:
    """Task name -> its commands (origin poe); a sequence step or `ref` reads `poe X`."""
    tasks = _table(_pyproject(src), "tool", "poe", "tasks")
    locator = LineLocator(src.text("pyproject.toml"))
    found: dict[str, tuple[Command, ...]] = {}
    for name, spec in tasks.items():
        if isinstance(spec, dict) and isinstance(spec.get("ref"), str):
            texts = [f"poe {spec['ref']}"]
        else:
            texts = _task_texts(spec, POE, set(tasks))
        found[name] = tuple(Command(t, "pyproject.toml", locator.find(t), "poe") for t in texts)
    return found


@dataclass(frozen=True, slots=True)
class _Dialect:
    """How a runner spells tasks: the keys of a command, of a sequence, and its step calls."""

    runner: str
    sequence_key: str
    refs: bool
    """Whether a bare string in a sequence names another task (poe) or may be a command (pdm)."""
    command_keys: tuple[str, ...] = ("cmd", "shell")


PDM = _Dialect("pdm run", "composite", refs=False)
POE = _Dialect("poe", "sequence", refs=True)


def _task_texts(spec: Any, dialect: _Dialect, names: set[str]) -> list[str]:
    """The command texts of a pdm script or poe task (strings, lists, or tables)."""
    if isinstance(spec, str):
        return [spec]
    if isinstance(spec, list):
        return [_step(item, dialect, names) for item in spec if isinstance(item, str)]
    return _table_texts(spec, dialect, names) if isinstance(spec, dict) else []


def _table_texts(spec: dict[str, Any], dialect: _Dialect, names: set[str]) -> list[str]:
    for key in dialect.command_keys:
        value = spec.get(key)
        if isinstance(value, str):
            return [value]
        if isinstance(value, list):
            return [" ".join(str(word) for word in value)]
    texts: list[str] = []
    steps = spec.get(dialect.sequence_key)
    for item in steps if isinstance(steps, list) else ():
        if isinstance(item, str):
            texts.append(_step(item, dialect, names))
        elif isinstance(item, dict):
            texts.extend(_table_texts(item, dialect, names))
    return texts


def _step(item: str, dialect: _Dialect, names: set[str]) -> str:
    first = item.split(maxsplit=1)[0] if item.strip() else item
    return f"{dialect.runner} {item}" if dialect.refs or first in names else item
