"""tox environments and their commands: tox.ini, setup.cfg, tox.toml and `[tool.tox]`."""

from __future__ import annotations

import configparser
import re
from dataclasses import dataclass
from typing import Any

from auditor.facts.commands.locate import LineLocator
from auditor.facts.model import Command
from auditor.facts.shell.script_lines import script_lines
from auditor.facts.sources import FactSources

FACTOR_CONDITION = re.compile(r"^!?[\w.{}]+(?:[-,]!?[\w.{}]+)*:\s+(?=\S)")
"""`py311,py312: pytest` -> the command after the factor condition."""
LIST_TOKEN = re.compile(r"[{}]|[,\s]++")
SUBSTITUTIONS = (
    (re.compile(r"\{envpython\}"), "python"),
    (re.compile(r"\{envbindir\}/"), ""),
    (re.compile(r"\{envsitepackagesdir\}"), "site-packages"),
    (re.compile(r"\{env:[^:{}]*(?::([^{}]*))?\}"), r"\1"),
)
"""tox substitutions that stand for a program or a path; `{env:X:default}` -> default."""
MAX_ENVS = 500
PYTHON_ENV = re.compile(r"^(?:py|pypy)\d*(?:[-.].*)?$|^\d\.\d+$")
"""Names tox accepts without a section: py, py312, pypy3, 3.12 (they use the base env)."""


@dataclass(frozen=True, slots=True)
class ToxConfig:
    """Where tox is configured, its default env list, and the commands of each env."""

    path: str
    env_list: tuple[str, ...]
    envs: dict[str, tuple[Command, ...]]
    base: tuple[Command, ...]
    """The commands of `[testenv]` (`env_run_base`), which envs without their own inherit."""

    def commands(self, env: str) -> tuple[Command, ...] | None:
        """The commands `tox -e env` runs, or None when tox knows no such env."""
        if env in self.envs:
            return self.envs[env] or self.base
        if env in self.env_list or PYTHON_ENV.match(env):
            return self.base
        return None


def tox_config(src: FactSources) -> ToxConfig | None:
    """The tox configuration tox itself would read (tox.ini first), or None."""
    pyproject = src.toml("pyproject.toml") if src.repo.file("pyproject.toml") else None
    tool = pyproject.get("tool", {}).get("tox") if isinstance(pyproject, dict) else None
    if src.repo.file("tox.ini"):
        return _from_ini(src, "tox.ini", "tox")
    if isinstance(tool, dict) and isinstance(tool.get("legacy_tox_ini"), str):
        return _from_ini_text(
            "pyproject.toml", tool["legacy_tox_ini"], "tox", src.text("pyproject.toml")
        )
    if src.repo.file("tox.toml"):
        native = src.toml("tox.toml")
        return _from_toml("tox.toml", native, src) if native is not None else None
    if isinstance(tool, dict):
        return _from_toml("pyproject.toml", tool, src)
    if src.repo.file("setup.cfg") and "[tox:tox]" in (src.text("setup.cfg") or ""):
        return _from_ini(src, "setup.cfg", "tox:tox")
    return None


def tox_envs(src: FactSources) -> dict[str, tuple[Command, ...]]:
    """Env name -> its commands, for the envs listed or defined (inheriting `[testenv]`)."""
    config = tox_config(src)
    if config is None:
        return {}
    names = dict.fromkeys([*config.env_list, *config.envs])
    return {name: config.commands(name) or () for name in names}


def expand_env_list(text: str) -> tuple[str, ...]:
    """`py{311,312}-django{4,5}, lint` -> py311-django4, py311-django5, ..., lint (at most
    `MAX_ENVS`: a hostile list cannot make the expansion explode)."""
    items = _outside_braces(text)
    found: list[str] = []
    for item in items:
        pending = [item.strip()]
        while pending and len(found) < MAX_ENVS:
            name = pending.pop(0)
            match = re.search(r"\{([^{}]*)\}", name)
            if match is None:
                found.append(name)
                continue
            head, tail = name[: match.start()], name[match.end() :]
            pending[:0] = [head + option.strip() + tail for option in match.group(1).split(",")]
            del pending[MAX_ENVS:]
    return tuple(name for name in dict.fromkeys(found) if name)


def _from_ini(src: FactSources, path: str, main: str) -> ToxConfig | None:
    text = src.text(path)
    return None if text is None else _from_ini_text(path, text, main, text)


def _from_ini_text(path: str, ini: str, main: str, full_text: str | None) -> ToxConfig | None:
    parser = configparser.RawConfigParser(strict=False, interpolation=None)
    try:
        parser.read_string(ini)
    except configparser.Error:
        return None
    locator = LineLocator(full_text)
    env_list = parser.get(main, "envlist", fallback=parser.get(main, "env_list", fallback=""))
    envs: dict[str, tuple[Command, ...]] = {}
    base: tuple[Command, ...] = ()
    for section in parser.sections():
        if section != "testenv" and not section.startswith("testenv:"):
            continue
        locator.find(f"[{section}]")
        commands = tuple(
            _ini_commands(parser.get(section, key, fallback=""), path, locator)
            for key in ("commands_pre", "commands")
        )
        joined = commands[0] + commands[1]
        if section == "testenv":
            base = joined
        for name in expand_env_list(section.partition(":")[2]) if section != "testenv" else ():
            envs[name] = joined
    return ToxConfig(path, expand_env_list(env_list), envs, base)


def _ini_commands(value: str, path: str, locator: LineLocator) -> tuple[Command, ...]:
    found = []
    for _, line in script_lines(value):
        text = FACTOR_CONDITION.sub("", line, count=1).lstrip("-!").strip()
        for pattern, replacement in SUBSTITUTIONS:
            text = pattern.sub(replacement, text).strip()
        if text:
            found.append(Command(text, path, locator.find(line), "tox"))
    return tuple(found)


def _from_toml(path: str, table: dict[str, Any], src: FactSources) -> ToxConfig:
    locator = LineLocator(src.text(path))
    prefix = "tool.tox." if path == "pyproject.toml" else ""
    env_list = table.get("env_list", table.get("envlist", []))
    names = tuple(str(n) for n in env_list) if isinstance(env_list, list) else ()
    base = _toml_commands(table.get("env_run_base"), path, locator, f"[{prefix}env_run_base]")
    envs = (
        {
            str(name): _toml_commands(env, path, locator, f"[{prefix}env.{name}]")
            for name, env in (table.get("env") or {}).items()
        }
        if isinstance(table.get("env"), dict)
        else {}
    )
    return ToxConfig(path, names, envs, base)


def _toml_commands(env: Any, path: str, locator: LineLocator, header: str) -> tuple[Command, ...]:
    """The commands of one environment table, each at its line: searched from the table's
    `header` (in a pyproject.toml, `mypy` is also a dependency named long before)."""
    if not isinstance(env, dict):
        return ()
    locator.find(header)
    found = []
    for key in ("commands_pre", "commands"):
        for argv in env.get(key) or ():
            if isinstance(argv, list):
                words = [str(w) for w in argv if isinstance(w, str | int | float)]
                if words:
                    found.append(Command(" ".join(words), path, locator.find(words[0]), "tox"))
    return tuple(found)


def _outside_braces(text: str) -> list[str]:
    """`text` split at runs of commas and blanks outside `{...}`, in one pass (a lookahead for
    the closing brace at each separator costs the text's length per separator)."""
    items: list[str] = []
    start = depth = 0
    for token in LIST_TOKEN.finditer(text):
        if token.group() == "{":
            depth += 1
        elif token.group() == "}":
            depth = max(depth - 1, 0)
        elif depth == 0:
            items.append(text[start : token.start()])
            start = token.end()
    items.append(text[start:])
    return items
