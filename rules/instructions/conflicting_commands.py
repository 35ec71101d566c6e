"""INS025: instruction files read together disagree on the package manager or runner."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from auditor.facts import Command
from auditor.model import Category, Evidence, Grade, Severity
from auditor.rule import Reads, Rule, RuleContext, Violation, failing, not_applicable, passing

FAMILIES = {
    "npm": "node", "pnpm": "node", "yarn": "node", "bun": "node",
    "uv": "python", "poetry": "python", "pdm": "python", "hatch": "python", "pipenv": "python",
}  # fmt: skip
"""Tools that do the same job: two of one family in files read together disagree."""
PROJECT_VERBS = frozenset({"install", "i", "ci", "add", "test", "t", "run", "run-script", "sync"})
"""Subcommands that act on this project (not `npm install -g pnpm`, not `uv pip`)."""
SPLIT = re.compile(r"&&|\|\||[;|]")


def tool_of(command: str) -> str | None:
    """The package manager or runner a command line uses on the project, if any."""
    for part in SPLIT.split(command):
        words = part.split()
        if not words or words[0] not in FAMILIES:
            continue
        rest = words[1:]
        if any(w in ("-g", "--global", "global") for w in rest):
            continue
        verb = next((w for w in rest if not w.startswith("-")), "install")
        if verb in PROJECT_VERBS or (words[0] in ("pnpm", "yarn", "bun") and verb == "install"):
            return words[0]
    return None


def scope_of(path: str) -> str:
    """The directory an instruction file speaks for ("" for the root and vendor folders)."""
    for marker in (".github/", ".cursor/", ".claude/", ".windsurf/", ".clinerules"):
        at = f"/{path}".find(f"/{marker}")
        if at >= 0:
            return path[: max(at - 1, 0)] if at else ""
    return path.rpartition("/")[0]


def applies(ctx: RuleContext) -> bool:
    return len(ctx.facts.instruction_files) > 1


def check(ctx: RuleContext) -> Iterator[Violation]:
    uses: dict[tuple[str, str], dict[str, list[Command]]] = defaultdict(lambda: defaultdict(list))
    for command in ctx.facts.commands:
        tool = tool_of(command.text) if command.origin == "instructions" else None
        if tool is not None and ctx.index.file(command.path) is not None:
            uses[(scope_of(command.path), FAMILIES[tool])][command.path].append(command)
    for by_file in uses.values():
        tools = {path: {tool_of(c.text) for c in found} for path, found in by_file.items()}
        single = {path: next(iter(t)) for path, t in tools.items() if len(t) == 1}
        if len(set(single.values())) < 2:
            continue
        first, *others = sorted(single)
        for path in others:
            if single[path] != single[first]:
                mine, theirs = by_file[path][0], by_file[first][0]
                yield Violation(
                    f"`{mine.text}` here, but {theirs.path}:{theirs.line} says "
                    f"`{theirs.text}`; agents reading both get two answers",
                    path,
                    mine.line,
                    key=f"{single[path]}-{single[first]}",
                )


RULE = Rule(
    id="INS025",
    name="conflicting-instruction-commands",
    title="Instruction files disagree on the command",
    category=Category.INSTRUCTIONS,
    severity=Severity.MEDIUM,
    level=2,
    evidence=Evidence(
        Grade.MODERATE,
        "Macke & Doyle 2024 (NAACL Findings): incorrect documentation halved LLM unit-test "
        "success while missing docs had no consistent effect; Gloaguen et al. 2026: agents "
        "use the tools an instruction file names.",
    ),
    rationale=(
        "Agents follow the commands in their instruction files. When AGENTS.md says `npm "
        "test` and CLAUDE.md says `pnpm test` for the same directory, at least one is wrong; "
        "depending on which file an agent reads it installs with the wrong tool, rewrites "
        "the lockfile or runs a different suite. Wrong instructions hurt more than none."
    ),
    fix=(
        "Decide which tool the project uses, correct the other file, and keep the commands "
        "in one file that the others import (`@AGENTS.md`)."
    ),
    fix_prompt=(
        "Two instruction files for the same directory name different package managers or "
        "runners (see the finding). Check the lockfile and CI to find the one the project "
        "really uses, fix the wrong file, and replace duplicated commands with an import of "
        "AGENTS.md. Verify with: auditor audit . --select INS025"
    ),
    check=check,
    reads=frozenset({Reads.INSTRUCTIONS}),
    applies=applies,
    examples=(
        passing({"AGENTS.md": "Run `pnpm test`.\n", "CLAUDE.md": "@AGENTS.md\nRun `pnpm lint`.\n"}),
        passing(
            {"AGENTS.md": "Run `pnpm test`.\n", "docs/site/AGENTS.md": "Run `npm test`.\n"},
            "different directories may use different tools",
        ),
        failing({"AGENTS.md": "Run `pnpm test`.\n", "CLAUDE.md": "Run `npm test`.\n"}),
        failing(
            {
                "AGENTS.md": "Run `uv run pytest`.\n",
                ".github/copilot-instructions.md": ("Run `poetry run pytest`.\n"),
            },
            "two Python runners",
        ),
        not_applicable({"AGENTS.md": "Run `npm test`.\n"}),
    ),
    per_package=False,
)
