"""INS030: an instruction file that is still a generator's first draft, or holds its TODOs."""

from __future__ import annotations

import re
from collections.abc import Iterator

from auditor.agents_md.placeholders import MARK, placeholder_lines
from auditor.model import Category, Evidence, Grade, Severity
from auditor.rule import Rule, RuleContext, Violation, failing, not_applicable, passing

from .instruction_text import has_instruction_files, own_instruction_files
from .instructions_without_boundaries import NEGATIVE

CLAUDE_INIT = re.compile(
    r"This file provides guidance to Claude Code \(claude\.ai/code\) when working with code "
    r"in this repository"
)
CLAUDE_OVERVIEW = re.compile(
    r"^#+\s*(?:High[- ]Level |Code |Project )?Architecture|^#+\s*Project Overview", re.M | re.I
)
CODEX_HEADINGS = (
    "Project Structure & Module Organization",
    "Build, Test, and Development Commands",
    "Coding Style & Naming Conventions",
    "Testing Guidelines",
    "Commit & Pull Request Guidelines",
)
"""The sections Codex's /init writes under `# Repository Guidelines`."""


def generator(text: str) -> str | None:
    """Which generator's untouched draft `text` looks like, or None."""
    if NEGATIVE.search(text):
        return None  # someone wrote boundaries: edited, whatever its header
    if CLAUDE_INIT.search(text) and CLAUDE_OVERVIEW.search(text):
        return "Claude Code's /init"
    headings = sum(f"## {h}" in text for h in CODEX_HEADINGS)
    if text.lstrip().startswith("# Repository Guidelines") and headings >= 4:
        return "Codex's /init"
    return None


def check(ctx: RuleContext) -> Iterator[Violation]:
    for path, text in own_instruction_files(ctx):
        left = placeholder_lines(text)
        if left:
            yield Violation(
                f"{path} still holds the `{MARK}` placeholders of `auditor agents-md`'s draft: "
                "write what only a maintainer knows there, or delete them",
                path,
                left[0],
                key="placeholders",
            )
            continue
        found = generator(text)
        if found is not None:
            yield Violation(
                f"{path} reads like unedited {found} output: stock header and overview, no "
                "boundaries",
                path,
                1,
                key=found,
            )


CLAUDE = (
    "# CLAUDE.md\n\nThis file provides guidance to Claude Code (claude.ai/code) when working "
    "with code in this repository.\n\n## Commands\n\n- `pytest`\n\n## Architecture\n\nA CLI.\n"
)

RULE = Rule(
    id="INS030",
    name="unedited-generated-instructions",
    title="Instruction file looks like unedited generator output",
    category=Category.INSTRUCTIONS,
    severity=Severity.LOW,
    level=4,
    evidence=Evidence(
        Grade.MODERATE,
        "Gloaguen et al. 2026 (arXiv 2602.11988): LLM-generated context files lowered agent "
        "success and raised cost by over 20%; developer-written ones helped slightly. "
        "SkillsBench (arXiv 2602.12670): self-generated skills gave no benefit.",
    ),
    rationale=(
        "A draft left as written (the stock /init header and overview, or the "
        "`TODO(maintainers):` prompts `auditor agents-md` leaves) has not been read by a "
        "maintainer. Generated instruction files restate what the agent can read for itself "
        "(overview, architecture, layout) and miss what only a maintainer knows. Measured, they "
        "made "
        "agents slightly worse and more expensive; the value comes from a human cutting the "
        "draft down and adding boundaries and gotchas."
    ),
    fix=(
        "Edit the draft: delete the stock header and the overview, keep the verified commands, "
        "and replace each TODO(maintainers) line with the boundaries and gotchas only a "
        "maintainer knows (or delete it)."
    ),
    fix_prompt=(
        "The instruction file named in the finding is an unedited /init draft. Remove the "
        "stock header and architecture overview, check every command by running it, and add "
        "a Boundaries list of negative constraints true for this repository. Leave TODOs for "
        "what only a maintainer knows. Verify with: auditor audit . --select INS030"
    ),
    check=check,
    applies=has_instruction_files,
    examples=(
        passing({"CLAUDE.md": CLAUDE + "\n## Boundaries\n\n- Never edit `gen/`.\n"}),
        failing({"CLAUDE.md": CLAUDE}),
        failing(
            {
                "AGENTS.md": "# AGENTS.md\n\n- Run `pytest`.\n\n## Gotchas\n\n"
                "- TODO(maintainers): what trips people up here\n  that the files do not show.\n"
            },
            note="the placeholders of auditor agents-md's draft are still there",
        ),
        passing(
            {
                "AGENTS.md": "# AGENTS.md\n\n- Run `pytest`.\n\n## Gotchas\n\n"
                "- The suite needs a local Postgres.\n"
            }
        ),
        not_applicable({"README.md": CLAUDE}),
    ),
    per_package=False,
)
