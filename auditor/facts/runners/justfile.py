"""justfile recipes and their command lines, read as text (just is never run)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.facts.model import Command
from auditor.facts.shell.script_lines import script_lines
from auditor.facts.sources import FactSources

JUSTFILE_NAMES = ("justfile", "Justfile", ".justfile", "JUSTFILE")
HEADER = re.compile(
    r"^@?([A-Za-z_][\w-]*+)((?:\s++(?:[^:\s]++|\s++(?=[^:\s]))*+)?)\s*+:(?!=)\s*+(.*)$"
)
"""`name params: dependencies`; the parameters end at their last character that is not blank."""
ALIAS = re.compile(r"^alias\s+([\w-]+)\s*:=\s*([\w-]+)")
DEPENDENCY = re.compile(r"([A-Za-z_][\w-]*+)")
"""A recipe a header depends on (also inside `(name args)`)."""


@dataclass(frozen=True, slots=True)
class JustRecipe:
    """One recipe: its dependencies and the commands of its body."""

    name: str
    path: str
    line: int
    dependencies: tuple[str, ...]
    body: tuple[Command, ...]


def justfile_path(src: FactSources) -> str | None:
    return next((name for name in JUSTFILE_NAMES if src.repo.file(name)), None)


def just_recipes(src: FactSources) -> dict[str, JustRecipe]:
    """The recipes (and aliases, pointing at their recipe) of the root justfile, by name."""
    path = justfile_path(src)
    text = src.text(path) if path else None
    if path is None or text is None:
        return {}
    recipes: dict[str, JustRecipe] = {}
    aliases: dict[str, str] = {}
    lines = text.splitlines()
    number = 0
    while number < len(lines):
        line = lines[number]
        number += 1
        alias = ALIAS.match(line)
        if alias:
            aliases[alias.group(1)] = alias.group(2)
            continue
        header = _recipe_header(line)
        if header is None:
            continue
        end = _body_end(lines, number)
        recipes[header.group(1)] = _recipe(header, path, number, lines[number:end])
        number = end
    _add_aliases(recipes, aliases)
    return recipes


def _recipe_header(line: str) -> re.Match[str] | None:
    """The header a recipe starts with (`name dep1 dep2:`); None for settings and body lines."""
    if line[:1].isspace() or line.startswith(("set ", "export ", "import ", "mod ")):
        return None
    return HEADER.match(line)


def _body_end(lines: list[str], start: int) -> int:
    """The index of the first line after the recipe body starting at `start` (0-based)."""
    end = start
    while end < len(lines) and (not lines[end].strip() or lines[end][:1] in " \t"):
        end += 1
    return end


def _recipe(header: re.Match[str], path: str, line: int, body: list[str]) -> JustRecipe:
    """The recipe whose `header` is on 1-based `line`, with the `body` lines after it."""
    name = header.group(1)
    commands = _body("\n".join(body), path, line + 1)
    return JustRecipe(name, path, line, _dependencies(header.group(3)), tuple(commands))


def _add_aliases(recipes: dict[str, JustRecipe], aliases: dict[str, str]) -> None:
    """Each alias names its target's recipe, unless a recipe of that name exists."""
    for alias_name, target in aliases.items():
        if target in recipes and alias_name not in recipes:
            recipes[alias_name] = recipes[target]


def _dependencies(text: str) -> tuple[str, ...]:
    text = re.sub(r"\"[^\"]*\"|'[^']*'", "", text.split("#", 1)[0].split("&&", 1)[0])
    return tuple(match.group(1) for match in DEPENDENCY.finditer(text))


def _body(body: str, path: str, first: int) -> list[Command]:
    if body.lstrip().startswith("#!"):
        body = body.lstrip().split("\n", 1)[1] if "\n" in body.lstrip() else ""
        first += 1
    found = []
    for line, text in script_lines(body, first):
        text = text.lstrip("@-").strip()
        if text:
            found.append(Command(text, path, line, "just"))
    return found
