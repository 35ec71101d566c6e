"""INS005: the block `auditor agents-md` manages in an AGENTS.md no longer matches the facts."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.agents_md.render import block_drift, managed_files
from auditor.model import Category, Evidence, Grade, Severity
from auditor.rule import Reads, Rule, RuleContext, Violation, failing, not_applicable, passing

BLOCK = "<!-- auditor:begin -->\n## Read more\n\n- Project overview: `{}`\n<!-- auditor:end -->\n"


def applies(ctx: RuleContext) -> bool:
    return bool(managed_files(ctx.subject))


def check(ctx: RuleContext) -> Iterator[Violation]:
    for drift in block_drift(ctx.subject):
        yield Violation(drift.message, drift.path, drift.line, drift.key)


RULE = Rule(
    id="INS005",
    name="stale-managed-block",
    title="Generated AGENTS.md block is out of date",
    category=Category.INSTRUCTIONS,
    severity=Severity.MEDIUM,
    level=3,
    evidence=Evidence(
        Grade.MODERATE,
        "Incorrect documentation hurts more than missing documentation (wrong docstrings cut "
        "unit-test success from 44.7% to 22.1%); OpenAI's harness-engineering report keeps "
        "AGENTS.md true with a doc-gardening agent.",
    ),
    rationale=(
        "The block between `<!-- auditor:begin -->` and `<!-- auditor:end -->` states commands, "
        "places and boundaries the auditor verified when it was written. When the repository "
        "changes (a test command, a linter, a lockfile) the block keeps telling agents the old "
        "facts, and agents follow what their instructions say."
    ),
    fix="Re-run `auditor agents-md --write`: it replaces the block and nothing else.",
    fix_prompt=(
        "The auditor-managed block of AGENTS.md no longer matches the repository. Run "
        "`auditor agents-md --write` (it rewrites only the text between the auditor markers), "
        "read the diff, and make sure the hand-written parts outside the markers still agree "
        "with it. Verify with: auditor agents-md --check"
    ),
    check=check,
    reads=frozenset({Reads.ANY}),
    applies=applies,
    examples=(
        passing({"README.md": "# x\n", "AGENTS.md": "# Agents\n\n" + BLOCK.format("README.md")}),
        failing(
            {"README.md": "# x\n", "AGENTS.md": "# Agents\n\n" + BLOCK.format("docs/README.md")},
            note="the block names a README that is not the repository's",
        ),
        not_applicable({"AGENTS.md": "# Agents\n\nRun `pytest`.\n"}),
    ),
    per_package=False,
)
