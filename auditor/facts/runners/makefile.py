"""Makefile targets and their recipes, read as text (make is never run)."""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass, field

from auditor.facts.layout.sample_dirs import is_sample_dir
from auditor.facts.model import Command
from auditor.facts.runners.make_expansion import condition, expand
from auditor.facts.sources import FactSources

MAKEFILE_NAMES = ("GNUmakefile", "makefile", "Makefile")
"""In the order GNU make looks for them."""
ASSIGNMENT = re.compile(
    r"^(?:export\s+|override\s+)?(\.?[A-Za-z_][\w.-]*)\s*(\?|:{1,3}|\+|!)?=\s*(.*)$"
)
RULE = re.compile(r"^([^\s#:=][^:=]*?)\s*::?(?!=)\s*(.*)$")
INCLUDE = re.compile(r"^-?s?include[^\S\n]++(.+)$")
REFERENCES = re.compile(r"\$[({][^)}]*[)}]")
SUBSTITUTION = re.compile(r"^\$[({][\w.-]+:[^=]*=([^)}]*)[)}]$")
"""`$(DIRS:%=test/%)` names the instances of the pattern `test/%`."""
DIRECTIVE = re.compile(r"^(?:ifn?eq|ifn?def|else|endif|define|endef|undefine|vpath|unexport)\b")
MAX_INCLUDES = 20


@dataclass(frozen=True, slots=True)
class MakeTarget:
    """One rule: its target (a `%` pattern for a pattern rule), where it is defined, what it
    depends on and the commands of its recipe (variables expanded)."""

    name: str
    path: str
    line: int
    prerequisites: tuple[str, ...]
    recipe: tuple[Command, ...]


@dataclass(frozen=True, slots=True)
class Makefile:
    """The rules of one Makefile and its includes, and the goal `make` runs without one.
    Recipes are expanded, except a pattern rule's: each target it makes expands them with its
    own `$@` and `$*`."""

    path: str
    targets: dict[str, MakeTarget] = field(default_factory=dict)
    default_goal: str | None = None
    variables: dict[str, str] = field(default_factory=dict)

    def rule_for(self, name: str) -> MakeTarget | None:
        """The rule that makes `name`: its own, else a pattern rule that matches it."""
        if name in self.targets:
            return self.targets[name]
        substitution = SUBSTITUTION.match(name)
        if substitution and substitution.group(1) in self.targets:
            return self.targets[substitution.group(1)]
        patterns = (t for n, t in self.targets.items() if "%" in n)
        return next(
            (t for t in patterns if fnmatch.fnmatchcase(name, t.name.replace("%", "*"))), None
        )

    def runs(self, name: str) -> tuple[Command, ...]:
        """The recipes `make name` runs: prerequisites' first, each target once."""
        found: list[Command] = []
        seen: set[str] = set()

        def visit(target: str) -> None:
            rule = self.rule_for(target)
            if rule is None or target in seen:
                return
            seen.add(target)
            for prerequisite in rule.prerequisites:
                visit(prerequisite)
            found.extend(self._instance(rule, target))

        visit(name)
        return tuple(found)

    def _instance(self, rule: MakeTarget, target: str) -> tuple[Command, ...]:
        """The recipe of `rule` making `target`: a pattern rule's with `$@` and `$*` set."""
        if "%" not in rule.name:
            return rule.recipe
        head, _, tail = rule.name.partition("%")
        automatic = {
            **self.variables,
            "@": target,
            "*": target[len(head) : len(target) - len(tail)],
        }
        return tuple(
            Command(expand(c.text, automatic), c.path, c.line, c.origin) for c in rule.recipe
        )


SPECIAL_TARGETS = frozenset({
    ".PHONY", ".SUFFIXES", ".DEFAULT", ".PRECIOUS", ".INTERMEDIATE", ".NOTINTERMEDIATE",
    ".SECONDARY", ".SECONDEXPANSION", ".DELETE_ON_ERROR", ".IGNORE", ".LOW_RESOLUTION_TIME",
    ".SILENT", ".EXPORT_ALL_VARIABLES", ".NOTPARALLEL", ".ONESHELL", ".POSIX", ".WAIT",
})  # fmt: skip
"""GNU make's built-in targets; other names with a dot (`.develop`, `.venv`) are rules."""


def makefile_in(src: FactSources, directory: str = "") -> str | None:
    """The Makefile `make` would read in `directory`, or None."""
    prefix = directory.strip("/") + "/" if directory.strip("/") else ""
    return next((prefix + n for n in MAKEFILE_NAMES if src.repo.file(prefix + n)), None)


def makefiles(src: FactSources) -> tuple[str, ...]:
    """Every Makefile of the repository (one per directory), sorted; none from test data,
    examples, docs or vendored code (`aside_dirs`)."""
    paths = (f.path for f in src.repo.files if f.path.rsplit("/", 1)[-1] in MAKEFILE_NAMES)
    directories = {d for d in (path.rpartition("/")[0] for path in paths) if not is_sample_dir(d)}
    found = (makefile_in(src, directory) for directory in directories)
    return tuple(sorted(path for path in found if path))


def read_makefile(src: FactSources, directory: str = "") -> Makefile | None:
    """The Makefile in `directory` with its included files, or None."""
    path = makefile_in(src, directory)
    return None if path is None else _read(src, path)


def read_configured_makefile(src: FactSources, directory: str = "") -> Makefile | None:
    """The Makefile `./configure` writes in `directory` from its `Makefile.in` (autoconf), or
    from the `Makefile.am` automake turns into it (its own rules pass through as written);
    None when the directory has neither or no configure script or `configure.ac`."""
    prefix = directory.strip("/") + "/" if directory.strip("/") else ""
    if not any(src.repo.file(prefix + name) for name in CONFIGURE_SOURCES):
        return None
    template = next((n for n in ("Makefile.in", "Makefile.am") if src.repo.file(prefix + n)), None)
    return _read(src, prefix + template) if template else None


CONFIGURE_SOURCES = ("configure", "configure.ac", "configure.in")
"""The configure script, or the autoconf input `autoreconf` or `./bootstrap` makes it from."""


def _read(src: FactSources, path: str) -> Makefile:
    parser = _Parser(src)
    parser.read(path)
    targets = parser.expanded_targets()
    goal = parser.variables.get(".DEFAULT_GOAL") or next(
        (n for n in targets if "%" not in n and not n.startswith(("$", "."))), None
    )
    return Makefile(path, targets, goal, parser.variables)


def make_rules(src: FactSources, directory: str = "") -> dict[str, MakeTarget]:
    """The rules of the Makefile in `directory`, by target (pattern rules keep their `%`)."""
    makefile = read_makefile(src, directory)
    return makefile.targets if makefile else {}


def make_targets(src: FactSources, directory: str = "") -> dict[str, list[str]]:
    """Target name -> its recipe lines, for the Makefile in `directory` (the root by default)."""
    return {name: [c.text for c in t.recipe] for name, t in make_rules(src, directory).items()}


class _Parser:
    def __init__(self, src: FactSources) -> None:
        self.src = src
        self.variables: dict[str, str] = {"MAKE": "make"}
        self.targets: dict[str, MakeTarget] = {}
        self.seen: set[str] = set()
        self.branches: list[bool | None] = []
        """The conditionals the line is in: True or False where the Makefile decides them,
        None where the environment does (both branches are read)."""

    def read(self, path: str) -> None:
        text = self.src.text(path)
        if text is None or path in self.seen or len(self.seen) >= MAX_INCLUDES:
            return
        self.seen.add(path)
        current: list[str] = []
        in_define = False
        for number, line in _logical_lines(text):
            if in_define:
                in_define = not line.strip().startswith("endef")
                continue
            if line.startswith("\t"):
                if not self._skipped():
                    self._add_recipe_line(current, path, number, line)
                continue
            stripped = line.split("#", 1)[0].strip()
            if stripped:
                current = self._statement(stripped, path, number, current)
                in_define = stripped.startswith("define")

    def _statement(self, line: str, path: str, number: int, current: list[str]) -> list[str]:
        """Reads one non-recipe line; returns the targets later recipe lines belong to."""
        include = INCLUDE.match(line)
        if include:
            for pattern in self.expand(include.group(1)).split():
                for included in self._resolve_include(path, pattern):
                    self.read(included)
            return []
        if DIRECTIVE.match(line) and not line.startswith(("define", "undefine")):
            self._conditional(line)
            return current  # a conditional inside a recipe does not end the rule
        if self._skipped():
            return current
        assignment = ASSIGNMENT.match(line)
        if assignment:
            self._assign(*assignment.groups())
            return []
        return self._rule(line, path, number)

    def _rule(self, line: str, path: str, number: int) -> list[str]:
        """Reads a rule line (`test: build ; pytest`); returns its targets."""
        rule = RULE.match(line)
        if not rule or "=" in REFERENCES.sub("", rule.group(2).split(";", 1)[0]):
            return []  # not a rule, or a target-specific variable (`test: ARGS=-race`)
        names = [n for n in self.expand(rule.group(1)).split() if n not in SPECIAL_TARGETS]
        prerequisites, _, inline = rule.group(2).partition(";")
        for name in names:
            if name not in self.targets:
                words = tuple(w for p in prerequisites.split() for w in self.expand(p).split())
                self.targets[name] = MakeTarget(name, path, number, words, ())
        if inline.strip():
            self._add_recipe_line(names, path, number, "\t" + inline)
        return names

    def _conditional(self, line: str) -> None:
        """Follows `ifeq`/`ifdef` ... `else` ... `endif` (`else ifeq ...` too)."""
        word, _, rest = line.partition(" ")
        if word == "endif":
            if self.branches:
                self.branches.pop()
        elif word == "else" and self.branches:
            taken = self.branches.pop()
            follow = condition(rest.strip(), self.variables) if rest.strip() else True
            self.branches.append(None if taken is None or follow is None else not taken and follow)
        elif word.startswith("if"):
            self.branches.append(condition(line, self.variables))

    def _skipped(self) -> bool:
        return False in self.branches

    def _assign(self, name: str, kind: str | None, value: str) -> None:
        if kind == "+" and name in self.variables:
            value = self.variables[name] + " " + value
        if kind != "?" or name not in self.variables:
            self.variables[name] = value.strip()

    def _add_recipe_line(self, targets: list[str], path: str, number: int, line: str) -> None:
        text = line.strip().lstrip("@+-").strip()
        if not text or text.startswith("#") or not targets:
            return
        command = Command(text, path, number, "make")
        for name in targets:
            target = self.targets.get(name)
            if target is not None and target.path == path:
                self.targets[name] = MakeTarget(
                    name, path, target.line, target.prerequisites, (*target.recipe, command)
                )

    def expanded_targets(self) -> dict[str, MakeTarget]:
        """The rules with variables in recipes expanded (make expands them when it runs), `$@`
        as the target; a pattern rule's recipe waits for the target it makes."""
        return {
            name: t if "%" in name else MakeTarget(name, t.path, t.line, t.prerequisites, tuple(
                Command(expand(c.text, {**self.variables, "@": name}), c.path, c.line, c.origin)
                for c in t.recipe
            ))
            for name, t in self.targets.items()
        }  # fmt: skip

    def expand(self, text: str) -> str:
        return expand(text, self.variables)

    def _resolve_include(self, path: str, pattern: str) -> list[str]:
        directory = path.rpartition("/")[0]
        full = f"{directory}/{pattern}" if directory else pattern
        if "$" in full:
            return []
        if any(char in full for char in "*?["):
            return sorted(f.path for f in self.src.repo.files if fnmatch.fnmatchcase(f.path, full))
        return [full] if self.src.repo.file(full) else []


def _logical_lines(text: str) -> list[tuple[int, str]]:
    """(1-based first line, line with backslash continuations joined)."""
    joined: list[tuple[int, str]] = []
    pending: list[str] = []
    start = 0
    for number, line in enumerate(text.splitlines(), 1):
        if not pending:
            start = number
        if line.endswith("\\"):
            pending.append(line[:-1].rstrip() if not pending else line[:-1].strip())
            continue
        joined.append((start, " ".join([*pending, line.strip() if pending else line])))
        pending = []
    if pending:
        joined.append((start, " ".join(pending)))
    return joined
