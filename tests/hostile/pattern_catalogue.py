"""Every regular expression the auditor's own source applies to text, found by reading that source.

The source of `auditor/`, `rules/` (auditor_rules) and `reports/` (auditor_reports) is parsed
with `ast`. Two kinds of pattern are collected:

- every `re.Pattern` reachable from a module's globals once it is imported (constants, tuples
  and dicts of them, frozen dataclass instances such as `Marker`, class attributes): this
  covers each `re.compile` written at module level, however its pattern is built;
- every call `re.compile/search/match/fullmatch/findall/finditer/sub/subn/split(P, ...)` inside
  a function whose pattern `P` can be evaluated from constants and the module's globals alone
  (a literal, a concatenation, an f-string of module constants).

A call whose pattern depends on a function's arguments is *dynamic*. Every dynamic call site
must be listed in `DYNAMIC` with the patterns it can build (or the reason it needs none);
`unlisted_dynamic_sites()` names those that are not, so a new one cannot slip past the test.
"""

from __future__ import annotations

import ast
import dataclasses
import importlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = {"auditor": "auditor", "rules": "auditor_rules", "reports": "auditor_reports"}
"""Source folder -> the name it is imported as."""
CALLS = frozenset(
    {"compile", "search", "match", "fullmatch", "findall", "finditer", "sub", "subn", "split"}
)


ANCHORED = frozenset({"match", "fullmatch"})


@dataclass(frozen=True)
class Found:
    """One pattern and where it was found (`module:line` or `module.NAME`).

    `anchored`: the pattern is only ever applied at the start of its text (every use in its
    module is `NAME.match(...)` or `NAME.fullmatch(...)`, or the call site is `re.match` /
    `re.fullmatch`), so it is judged by `match` and `fullmatch`, not by a search from every
    position; any other use, or a pattern handed elsewhere, is judged by `finditer` too.
    """

    where: str
    pattern: re.Pattern[Any]
    anchored: bool = False


@dataclass(frozen=True)
class Site:
    """A call into `re` whose pattern is not known until the function runs."""

    module: str
    function: str
    line: int
    source: str


def modules() -> Iterator[tuple[str, Path]]:
    """(import name, path) of every module of the three packages, sorted."""
    for folder, name in sorted(PACKAGES.items()):
        base = ROOT / folder
        for path in sorted(base.rglob("*.py")):
            parts = path.relative_to(base).with_suffix("").parts
            if parts[-1] == "__main__":
                continue  # importing it runs the command line
            if parts[-1] == "__init__":
                parts = parts[:-1]
            yield ".".join((name, *parts)), path


def patterns() -> tuple[list[Found], list[Site]]:
    """All patterns found, deduplicated by (pattern, flags), and the dynamic call sites."""
    found: dict[tuple[Any, int], Found] = {}
    dynamic: list[Site] = []
    for name, path in modules():
        module = importlib.import_module(name)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        uses = _uses(tree)
        for where, pattern in _reachable(module):
            named = uses.get(where.rpartition(".")[2], set())
            anchored = (bool(named) and named <= ANCHORED) or where in ANCHORED_ELSEWHERE
            _keep(found, Found(where, pattern, anchored))
        for line, function, call in _calls(tree):
            if function is None and call.func.attr == "compile":  # type: ignore[attr-defined]
                continue  # a module-level pattern: found above, with how it is used
            anchored = call.func.attr in ANCHORED  # type: ignore[attr-defined]
            pattern = _evaluate(call, module)
            if pattern is not None:
                _keep(found, Found(f"{name}:{line}", pattern, anchored))
            elif function is not None:
                site = f"{name}:{function}"
                dynamic.append(Site(name, function, line, ast.unparse(call.args[0])))
                listed = DYNAMIC.get(site)
                for index, bindings in enumerate(listed() if callable(listed) else ()):
                    built = _evaluate(call, module, bindings)
                    if built is not None:
                        _keep(found, Found(f"{name}:{line}#{index}", built, anchored))
    return sorted(found.values(), key=lambda f: f.where), dynamic


def _keep(found: dict[tuple[Any, int], Found], one: Found) -> None:
    """Keep `one` unless its pattern is known; a pattern used unanchored anywhere is unanchored."""
    key = (one.pattern.pattern, one.pattern.flags)
    if key not in found or (found[key].anchored and not one.anchored):
        found[key] = one


def _uses(tree: ast.Module) -> dict[str, set[str]]:
    """For each module-level name, the methods called on it, plus `"<other>"` for any use that
    is not a method call (handed to a function, put in a tuple, returned)."""
    uses: dict[str, set[str]] = {}
    called: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            uses.setdefault(node.value.id, set()).add(node.attr)
            called.add(id(node.value))
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) and id(node) not in called:
            uses.setdefault(node.id, set()).add("<other>")
    return uses


def unlisted_dynamic_sites(sites: list[Site]) -> list[Site]:
    """Dynamic call sites `DYNAMIC` does not account for."""
    return [s for s in sites if f"{s.module}:{s.function}" not in DYNAMIC]


def _reachable(module: ModuleType) -> Iterator[tuple[str, re.Pattern[Any]]]:
    seen: set[int] = set()
    for attribute, value in sorted(vars(module).items()):
        if not attribute.startswith("__"):
            yield from _walk(module.__name__, f"{module.__name__}.{attribute}", value, seen, 0)


def _walk(
    owner: str, where: str, value: Any, seen: set[int], depth: int
) -> Iterator[tuple[str, re.Pattern[Any]]]:
    """Patterns in `value`: itself, its items, its dataclass fields, a class's attributes."""
    if id(value) in seen or depth > 6:
        return
    seen.add(id(value))
    if isinstance(value, re.Pattern):
        yield where, value
        return
    items: list[tuple[str, Any]] = []
    if isinstance(value, (tuple, list, set, frozenset)):
        items = [(where, item) for item in value]
    elif isinstance(value, dict):
        items = [(where, item) for item in value.values()]
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        items = [(where, getattr(value, f.name, None)) for f in dataclasses.fields(value)]
    elif isinstance(value, type) and value.__module__ == owner:
        items = [(f"{where}.{name}", item) for name, item in vars(value).items()]
    for inner, item in items:
        yield from _walk(owner, inner, item, seen, depth + 1)


def _calls(tree: ast.Module) -> Iterator[tuple[int, str | None, ast.Call]]:
    """(line, enclosing function or None at module level, call) of each `re.X(pattern, ...)`."""

    def visit(node: ast.AST, function: str | None) -> Iterator[tuple[int, str | None, ast.Call]]:
        for child in ast.iter_child_nodes(node):
            inner = function
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                inner = getattr(child, "name", "<lambda>")
                inner = inner if function is None else f"{function}.{inner}"
            if (
                isinstance(child, ast.Call)
                and isinstance(child.func, ast.Attribute)
                and isinstance(child.func.value, ast.Name)
                and child.func.value.id == "re"
                and child.func.attr in CALLS
                and child.args
            ):
                yield child.lineno, function, child
            yield from visit(child, inner)

    yield from visit(tree, None)


def _evaluate(
    call: ast.Call, module: ModuleType, bindings: dict[str, Any] | None = None
) -> re.Pattern[Any] | None:
    """The pattern of `call` when its pattern and flags use only constants and module globals
    (and the function's locals given in `bindings`)."""
    arguments = [call.args[0]]
    flags: ast.expr | None = None
    position = {"compile": 1, "search": 2, "match": 2, "fullmatch": 2, "findall": 2}
    position |= {"finditer": 2, "split": 3, "sub": 4, "subn": 4}
    at = position[call.func.attr]  # type: ignore[attr-defined]
    if len(call.args) > at:
        flags = call.args[at]
    for keyword in call.keywords:
        if keyword.arg == "flags":
            flags = keyword.value
    if flags is not None:
        arguments.append(flags)
    names = {n.id for a in arguments for n in ast.walk(a) if isinstance(n, ast.Name)}
    namespace = dict(vars(module)) | {"re": re} | (bindings or {})
    if not names <= set(namespace):
        return None
    try:
        values = [
            eval(compile(ast.Expression(a), "<pattern>", "eval"), namespace) for a in arguments
        ]
    except Exception:
        return None
    if isinstance(values[0], re.Pattern):
        return values[0]
    if not isinstance(values[0], (str, bytes)):
        return None
    return re.compile(values[0], values[1] if len(values) > 1 else 0)


ANCHORED_ELSEWHERE = {
    "auditor.facts.ci.providers.PROVIDER_FILES": "only `pattern.fullmatch(record.path)`",
    "auditor.index.syntax.hatches.CHECKS": "`after.match(data, end)`: at one place per hit",
}
"""Patterns handed through a table, each applied only at the start of its text or at one given
place (`match(text, pos)`, `fullmatch`): reviewed by hand, with where that happens."""


def _licence_phrases() -> list[dict[str, Any]]:
    """The phrases, versions and dates each licence detector closes over."""
    from auditor.facts.docs.licenses import DETECTORS

    found: list[dict[str, Any]] = []
    for detector in DETECTORS.values():
        code, cells = detector.__code__, detector.__closure__ or ()
        bound = {n: c.cell_contents for n, c in zip(code.co_freevars, cells, strict=True)}
        for phrase in bound.get("required", ()):
            found.append({"phrase": phrase})
        found.append(
            {
                "absent": bound.get("absent") or "x",
                "version": bound.get("version", "3"),
                "date": bound.get("date", "x"),
            }
        )
    return found


def _tools() -> list[dict[str, Any]]:
    from auditor.facts.environment.runtime_pins import TOOL_NAMES

    return [{"tools": tools} for tools in TOOL_NAMES.values()]


DYNAMIC: dict[str, str | Callable[[], list[dict[str, Any]]]] = {
    "auditor.facts.docs.licenses:_phrases.find": _licence_phrases,
    "auditor.facts.docs.licenses:_gnu.find": _licence_phrases,
    "auditor.facts.environment.runtime_pins:_tool_versions": _tools,
    "auditor.facts.environment.runtime_pins:_key_line": lambda: [{"key": "python-version"}],
    "auditor.facts.testing.build_tools:_test_option": lambda: [{"name": "BUILD_TESTING"}],
    "auditor.facts.tools.configs:_configured": lambda: [{"section": "tool.mypy"}],
    "auditor.index.markers:_any_of": "run at import: the patterns are in the marker tables",
    "auditor.linear_regex:linear": "a repository's own regex RE2 refuses, compiled only without"
    " nested quantifiers and with at most two unbounded ones (test_glob_backtracking.py)",
    "auditor.index.markers:_prefixed": "run at import: the patterns are in the marker tables",
}
"""`module:function` of each call into `re` whose pattern is built from the function's locals
-> the locals to build it with (the call's own expression is evaluated with them, so the
pattern tested is the one the source builds; an escaped name stands for any), or why the
patterns it builds are found elsewhere."""
