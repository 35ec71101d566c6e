"""justfile recipes and their command lines, read as text (just is never run)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.index.facts.model import Command
from auditor.index.facts.shell_scripts import script_lines
from auditor.index.facts.sources import FactSources

JUSTFILE_NAMES = ("justfile", "Justfile", ".justfile", "JUSTFILE")
HEADER = re.compile(r"^@?([A-Za-z_][\w-]*)((?:\s+[^:]*?)?)\s*:(?!=)\s*(.*)$")
ALIAS = re.compile(r"^alias\s+([\w-]+)\s*:=\s*([\w-]+)")
DEPENDENCY = re.compile(r"\(?\s*([A-Za-z_][\w-]*)")


@dataclass(frozen=True, slots=True)
class JustRecipe:
    """One recipe: its dependencies and the commands of its body."""

    name: str
    path: str
    line: int
    dependencies: tuple[str, ...]
    body: tuple[Command, ...]


def justfile_path(src: FactSources) -> str | None:
    return next((name for name in JUSTFILE_NAMES if src.index.file(name)), None)


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
        alias = ALIAS.match(line)
        header = HEADER.match(line) if not line[:1].isspace() else None
        number += 1
        if alias:
            aliases[alias.group(1)] = alias.group(2)
        if not header or alias or line.startswith(("set ", "export ", "import ", "mod ")):
            continue
        start = number
        while number < len(lines) and (not lines[number].strip() or lines[number][:1] in " \t"):
            number += 1
        body = "\n".join(lines[start:number])
        name = header.group(1)
        recipes[name] = JustRecipe(
            name, path, start, _dependencies(header.group(3)), tuple(_body(body, path, start + 1))
        )
    for alias_name, target in aliases.items():
        if target in recipes and alias_name not in recipes:
            recipes[alias_name] = recipes[target]
    return recipes


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
