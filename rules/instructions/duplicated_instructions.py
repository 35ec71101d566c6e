"""INS026: two instruction files read together repeat the same block instead of importing it."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations

from auditor.facts.agents import LOADERS, load
from auditor.model import Category, Evidence, Grade, Severity
from auditor.rule import (
    Option,
    Reads,
    Rule,
    RuleContext,
    Violation,
    failing,
    not_applicable,
    passing,
)

from .conflicting_commands import scope_of
from .instruction_text import own_instruction_files

Loads = dict[str, list[set[str]]]
"""Per directory, the files each agent loads there (asked once per directory, not per pair)."""
MIN_LINE = 20
"""Shorter lines (headings, fences, `- pytest`) repeat by chance and are not counted."""


def substantive(text: str) -> dict[str, int]:
    """Distinct lines long enough to mean something, each with its first line number."""
    found: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        normal = " ".join(line.split())
        if len(normal) >= MIN_LINE:
            found.setdefault(normal, number)
    return found


def _read_together(ctx: RuleContext, first: str, second: str, loads: Loads) -> bool:
    """Whether some agent working beside the deeper file loads both, or one is a copy of
    AGENTS.md under a name that could import it (CLAUDE.md, GEMINI.md in the same place)."""
    names = {first.rpartition("/")[2], second.rpartition("/")[2]}
    if "AGENTS.md" in names and scope_of(first) == scope_of(second):
        return True
    deeper = max(scope_of(first), scope_of(second), key=len)
    if deeper not in loads:
        loads[deeper] = [
            {f.path for f in load(ctx.subject, deeper, agent).loaded if not f.maybe}
            for agent in LOADERS
        ]
    return any(first in loaded and second in loaded for loaded in loads[deeper])


def applies(ctx: RuleContext) -> bool:
    return len(ctx.facts.instruction_files) > 1


def check(ctx: RuleContext) -> Iterator[Violation]:
    least, share = int(ctx.option("min_lines")), float(ctx.option("min_share"))
    files = {path: substantive(text) for path, text in own_instruction_files(ctx)}
    loads: Loads = {}
    for first, second in combinations(sorted(f for f, lines in files.items() if lines), 2):
        shared = files[first].keys() & files[second].keys()
        smaller = min(len(files[first]), len(files[second]))
        enough = len(shared) >= least and len(shared) >= share * smaller
        if enough and _read_together(ctx, first, second, loads):  # the costly question last
            line = min(files[second][text] for text in shared)
            yield Violation(
                f"{second} repeats {len(shared)} lines of {first}; keep one copy and "
                f"import it (`@{first}`) or link to it",
                second,
                line,
                key=first,
            )


BLOCK = "".join(f"- Never edit generated file number {n} by hand.\n" for n in range(12))

RULE = Rule(
    id="INS026",
    name="duplicated-instructions",
    title="Instruction files copy each other",
    category=Category.INSTRUCTIONS,
    severity=Severity.LOW,
    level=4,
    evidence=Evidence(
        Grade.CONVENTION,
        "agents.md FAQ (symlink AGENTS.md under other names), Claude Code memory docs "
        "(`@path` imports), Gloaguen et al. 2026: every line of a context file costs tokens "
        "on every turn.",
    ),
    rationale=(
        "Copies of the same instructions under several names cost tokens twice for agents "
        "that read both, and drift apart as soon as one copy is edited; the next agent then "
        "gets contradicting rules. One file imported or linked by the others stays true."
    ),
    fix=(
        "Keep the shared text in AGENTS.md and make the other files import it (`@AGENTS.md`) "
        "or symbolic links to it, holding only what is specific to their agent."
    ),
    fix_prompt=(
        "Two instruction files named in the finding share a large block. Keep that block "
        "only in AGENTS.md, replace it in the other file with `@AGENTS.md` (Claude Code, "
        "Gemini CLI) or make that file a symlink, and keep only agent-specific lines there. "
        "Verify with: auditor audit . --select INS026"
    ),
    check=check,
    reads=frozenset({Reads.INSTRUCTIONS}),
    applies=applies,
    options=(
        Option("min_lines", 10, "Shared lines (of 20+ characters) that make a duplicate."),
        Option("min_share", 0.5, "Share of the smaller file's lines that must be shared."),
    ),
    examples=(
        passing({"AGENTS.md": BLOCK, "CLAUDE.md": "@AGENTS.md\n"}),
        passing(
            {"api/AGENTS.md": BLOCK, "web/AGENTS.md": BLOCK},
            "sibling packages are never read together",
        ),
        failing({"AGENTS.md": BLOCK, "CLAUDE.md": "# Claude\n" + BLOCK}),
        not_applicable({"AGENTS.md": BLOCK}),
    ),
    per_package=False,
)
