"""INS027: no instruction file says what an agent must not do."""

from __future__ import annotations

import re
from collections.abc import Iterator

from auditor.model import Category, Evidence, Grade, Severity
from auditor.rule import Reads, Rule, RuleContext, Violation, failing, not_applicable, passing

from .instruction_text import has_instruction_files, written_instruction_files

NEGATIVE = re.compile(
    r"""\b(?:do\s+not|don['\u2019]t|never|must\s+not|mustn['\u2019]t|should\s+not|shouldn['\u2019]t|
        avoid|forbidden|prohibited|not\s+allowed|refrain|no\s+(?:need\s+to\s+)?(?:edit|touch|
        modify|commit|push|change)|boundar(?:y|ies)|off[-\s]limits|read[-\s]only|ask\s+(?:first|
        before))\b""",
    re.IGNORECASE | re.VERBOSE,
)
"""Negative constraints and boundary sections, in the words people write them."""


def check(ctx: RuleContext) -> Iterator[Violation]:
    files = list(written_instruction_files(ctx))
    if not files or any(NEGATIVE.search(text) for _, text in files):
        return
    first = min((path for path, _ in files), key=lambda path: (path.count("/"), path))
    yield Violation(
        f"no instruction file states a boundary (do not / never ...); first file: {first}", first
    )


RULE = Rule(
    id="INS027",
    name="instructions-without-boundaries",
    title="Instructions state no boundaries",
    category=Category.INSTRUCTIONS,
    severity=Severity.LOW,
    level=3,
    evidence=Evidence(
        Grade.MODERATE,
        "Zhang et al. 2026, Guardrails Beat Guidance (arXiv 2604.11088): every individually "
        "helpful rule was a negative constraint; GitHub's analysis of 2,500 agents.md files: "
        "state boundaries as always / ask first / never.",
    ),
    rationale=(
        "Negative constraints (do not edit generated files, never commit secrets, do not "
        "refactor unrelated code) were the only kind of instruction that helped agents on "
        "its own, while positive style advice tended to hurt. A file without any leaves the "
        "agent free to touch what only humans should."
    ),
    fix=(
        "Add a short Boundaries list of negative constraints: generated and vendored paths "
        "not to edit, secrets not to read or commit, commands not to run, no unrelated "
        "refactors."
    ),
    fix_prompt=(
        "Add a '## Boundaries' section to AGENTS.md with 3-8 negative constraints that are "
        "true for this repository: generated or vendored paths not to edit (check "
        ".gitattributes and build output), files holding secrets, destructive commands, "
        "public APIs not to change without asking. Verify with: auditor audit . --select INS027"
    ),
    check=check,
    reads=frozenset({Reads.INSTRUCTIONS}),
    applies=has_instruction_files,
    examples=(
        passing({"AGENTS.md": "Run `pytest`.\n\nDo not edit files under `generated/`.\n"}),
        passing({"CLAUDE.md": "## Boundaries\n\n- Ask first before adding a dependency.\n"}),
        failing({"AGENTS.md": "Run `pytest` and keep functions small.\n"}),
        failing(
            {"AGENTS.md": "Run `pytest`.\n\n- TODO(maintainers): what to ask before doing.\n"},
            note="the generator's placeholder is no boundary",
        ),
        not_applicable({"README.md": "# Project\n"}),
    ),
    per_package=False,
)
