"""INS028: an instruction file spends lines on a large directory tree."""

from __future__ import annotations

import re
from collections.abc import Iterator

from auditor.model import Category, Evidence, Grade, Severity
from auditor.rule import Option, Rule, RuleContext, Violation, failing, not_applicable, passing

from .instruction_text import has_instruction_files, lines_of, own_instruction_files

TREE_LINE = re.compile(r"[├└│┣┗┃]|^\s*(?:\|\s*)*(?:\||`|\+)--")
"""A line of `tree` output: box-drawing branches, or the ASCII `|--`, `` `-- ``, `+--`."""


def tree_blocks(text: str) -> Iterator[tuple[int, int]]:
    """(first line, length) of every run of tree lines inside a code block."""
    start, count = 0, 0
    for line in lines_of(text):
        if line.in_code and TREE_LINE.search(line.text):
            start, count = (start or line.number), count + 1
            continue
        if count:
            yield start, count
        start, count = 0, 0
    if count:
        yield start, count


def check(ctx: RuleContext) -> Iterator[Violation]:
    most = int(ctx.option("max_lines"))
    for path, text in own_instruction_files(ctx):
        for start, count in tree_blocks(text):
            if count > most:
                yield Violation(
                    f"a directory tree of {count} lines; agents find files faster by "
                    "searching, and the tree goes stale",
                    path,
                    start,
                    key="tree",
                )


TREE = "```\nsrc/\n" + "".join(f"├── module_{n}.py\n" for n in range(25)) + "```\n"

RULE = Rule(
    id="INS028",
    name="directory-tree-in-instructions",
    title="Large directory tree in instructions",
    category=Category.INSTRUCTIONS,
    severity=Severity.LOW,
    level=3,
    evidence=Evidence(
        Grade.MODERATE,
        "Gloaguen et al. 2026 (arXiv 2602.11988): codebase overviews and directory listings in "
        "context files did not help agents reach the relevant files sooner, yet cost tokens.",
    ),
    rationale=(
        "Directory listings were in almost every generated context file and did not help "
        "agents find the right files any sooner; agents list and search directories "
        "themselves. A tree costs tokens on every turn and is wrong after the next rename."
    ),
    fix="Replace the tree with two or three lines saying where the source and tests live.",
    fix_prompt=(
        "Delete the directory tree from the instruction file named in the finding. If the "
        "layout is not obvious, replace it with at most three lines naming where source, "
        "tests and generated code live. Verify with: auditor audit . --select INS028"
    ),
    check=check,
    applies=has_instruction_files,
    options=(Option("max_lines", 20, "Lines a directory tree may have."),),
    examples=(
        passing({"AGENTS.md": "Source is in `src/`, tests in `tests/`.\n"}),
        passing({"AGENTS.md": TREE.replace("├── ", "- ")}, "a plain list is not a tree"),
        failing({"AGENTS.md": "# Layout\n\n" + TREE}),
        not_applicable({"README.md": TREE}),
    ),
    per_package=False,
)
