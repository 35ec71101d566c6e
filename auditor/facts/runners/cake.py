"""Cake build scripts (`build.cake`): their tasks, what each depends on, which run the tests.

Read with regular expressions, not a C# parser: `Task("Name")` starts a task, and what follows
until the next task is its definition (`.IsDependentOn("Other")`, `.Does(...)`). A task runs
the tests when its definition calls a test alias (`DotNetTest(...)`, `XUnit2(...)`, ...) or a
task it depends on does. The default target is `Argument("target", "Default")` or a literal
`RunTarget("X")`. Cake matches target names without regard to case.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from auditor.facts.sources import FactSources
from auditor.index.line_offsets import line_at

TASK = re.compile(r"\bTask\(\s*\"([^\"]+)\"\s*\)")
DEPENDS = re.compile(r"\.IsDependentOn\(\s*\"([^\"]+)\"\s*\)")
TEST_ALIAS = re.compile(r"\b(?:DotNet(?:Core)?Test|XUnit2|NUnit3|MSTest|VSTest)\s*\(")
DEFAULT = re.compile(r"\bArgument\(\s*\"target\"\s*,\s*\"([^\"]+)\"|\bRunTarget\(\s*\"([^\"]+)\"")
TARGET_OPTIONS = ("target", "t")
"""`--target=X`, `--target X`, `-Target X` (PowerShell), `-t X`."""


@dataclass(frozen=True, slots=True)
class CakeScript:
    """One Cake script's task graph: dependencies and the line where a task runs tests."""

    path: str
    default: str
    depends: Mapping[str, tuple[str, ...]]
    tests: Mapping[str, int]
    """Task (case-folded) -> the line of its test alias."""

    def testing(self, target: str | None = None) -> tuple[str, int] | None:
        """(task, line) of a test run that `target` (default: the script's default) reaches."""
        todo, seen = [(target or self.default).casefold()], set()
        while todo:
            task = todo.pop()
            if task in self.tests:
                return task, self.tests[task]
            if task not in seen:
                seen.add(task)
                todo.extend(self.depends.get(task, ()))
        return None


def cake_script(src: FactSources, path: str = "build.cake") -> CakeScript | None:
    """The Cake script at `path`, or None when there is none."""
    text = src.text(path) if src.repo.file(path) is not None else None
    if text is None:
        return None
    starts = [(m.start(), m.group(1).casefold()) for m in TASK.finditer(text)]
    depends: dict[str, tuple[str, ...]] = {}
    tests: dict[str, int] = {}
    bounds = zip(starts, [*(s for s, _ in starts[1:]), len(text)], strict=False)
    for (start, task), end in bounds:
        body = text[start:end]
        depends[task] = tuple(d.casefold() for d in DEPENDS.findall(body))
        if (alias := TEST_ALIAS.search(body)) is not None:
            tests[task] = line_at(text, start + alias.start())
    if not starts and (alias := TEST_ALIAS.search(text)) is not None:
        tests[""] = line_at(text, alias.start())  # a script of steps, no tasks
    default = next((a or b for a, b in DEFAULT.findall(text)), "default" if starts else "")
    return CakeScript(path, default, depends, tests)


def cake_targets(args: Sequence[str]) -> list[str]:
    """The targets a build-script invocation asks for (`--target=Test`, `-Target Pack`)."""
    found = []
    for i, arg in enumerate(args):
        option, equals, value = arg.lstrip("-").partition("=")
        if arg.startswith("-") and option.lower() in TARGET_OPTIONS:
            found.append(value if equals else (args[i + 1] if i + 1 < len(args) else ""))
    return found
