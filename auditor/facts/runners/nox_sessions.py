"""nox sessions and the commands they run, read from noxfile.py's syntax tree (never imported)."""

from __future__ import annotations

import ast
import shlex
from dataclasses import dataclass

from auditor.facts.model import Command
from auditor.facts.sources import FactSources

NOXFILE = "noxfile.py"
RUN_METHODS = frozenset({"run", "run_always", "run_install"})


@dataclass(frozen=True, slots=True)
class NoxSessions:
    """The sessions of noxfile.py by name, and those `nox` runs with no `-s`."""

    sessions: dict[str, tuple[Command, ...]]
    defaults: tuple[str, ...]
    declared: bool = False
    """Whether the noxfile names its defaults (`nox.options.sessions = ["tests"]`)."""


def nox_config(src: FactSources) -> NoxSessions | None:
    """The sessions of the root noxfile.py, or None when there is none or it does not parse."""
    text = src.text(NOXFILE)
    if text is None:
        return None
    try:
        tree = ast.parse(text, NOXFILE)
    except (SyntaxError, ValueError):
        return None
    sessions: dict[str, tuple[Command, ...]] = {}
    helpers = {node.name: node for node in tree.body if isinstance(node, Function)}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            name = _session_name(node)
            if name is not None:
                sessions[name] = tuple(_commands(node, helpers))
    named = tuple(d for d in _default_sessions(tree) if d in sessions)
    return NoxSessions(sessions, named or tuple(sessions), bool(named))


def nox_sessions(src: FactSources) -> dict[str, tuple[Command, ...]]:
    """Session name -> the commands it runs (`session.run`; `session.notify` as `nox -s X`)."""
    config = nox_config(src)
    return dict(config.sessions) if config else {}


def _session_name(function: ast.FunctionDef | ast.AsyncFunctionDef) -> str | None:
    for decorator in function.decorator_list:
        call = decorator if isinstance(decorator, ast.Call) else None
        target = call.func if call else decorator
        dotted = ast.unparse(target)
        if dotted not in ("nox.session", "session"):
            continue
        for keyword in call.keywords if call else ():
            if keyword.arg == "name" and isinstance(keyword.value, ast.Constant):
                return str(keyword.value.value)
        return function.name
    return None


Function = ast.FunctionDef | ast.AsyncFunctionDef
MAX_HELPER_DEPTH = 3
"""How deep a session's calls of the noxfile's own functions (`tests_impl(session)`) are read."""


def _commands(function: Function, helpers: dict[str, Function], depth: int = 0) -> list[Command]:
    """The commands `function` runs through its session parameter, and through the noxfile's
    functions it hands the session to (`tests_impl(session, integration=True)`, `lint(session)`),
    read a few calls deep."""
    parameter = function.args.args[0].arg if function.args.args else "session"
    found = []
    for node in ast.walk(function):
        if not isinstance(node, ast.Call):
            continue
        helper = _helper_called(node, parameter, helpers) if depth < MAX_HELPER_DEPTH else None
        if helper is not None and helper is not function:
            found.extend(_commands(helper, helpers, depth + 1))
        else:
            found.extend(_session_call(node, parameter))
    return sorted(found, key=lambda c: c.line or 0) if depth == 0 else found


def _helper_called(node: ast.Call, parameter: str, helpers: dict[str, Function]) -> Function | None:
    """The noxfile function `node` calls with the session as its first argument."""
    if not isinstance(node.func, ast.Name):
        return None
    passes = any(isinstance(a, ast.Name) and a.id == parameter for a in node.args[:1])
    return helpers.get(node.func.id) if passes else None


def _session_call(node: ast.Call, parameter: str) -> list[Command]:
    """`session.run("pytest", "-m", "not slow")` as a command; `session.notify("x")` as
    `nox -s x`."""
    func = node.func
    if not (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)):
        return []
    if func.value.id != parameter:
        return []
    words = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
    if func.attr in RUN_METHODS and words:
        return [Command(shlex.join(words), NOXFILE, node.lineno, "nox")]
    if func.attr == "notify" and words:
        return [Command(f"nox -s {words[0]}", NOXFILE, node.lineno, "nox")]
    return []


def _default_sessions(tree: ast.Module) -> list[str]:
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and any(ast.unparse(target) == "nox.options.sessions" for target in node.targets)
            and isinstance(node.value, ast.List | ast.Tuple)
        ):
            return [
                e.value
                for e in node.value.elts
                if isinstance(e, ast.Constant) and isinstance(e.value, str)
            ]
    return []
