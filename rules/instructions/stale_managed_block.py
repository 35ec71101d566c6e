"""INS005: the block `auditor agents-md` manages in an AGENTS.md no longer matches the facts."""

from __future__ import annotations

import re
from collections.abc import Iterator

from auditor.agents_md.managed_block import find_block
from auditor.agents_md.plan import managed_plan
from auditor.model import Category, Evidence, Grade, Severity
from auditor.rule import Rule, RuleContext, Violation, failing, not_applicable, passing

CODE_SPAN = re.compile(r"`([^`\n]+)`")
BLOCK = "<!-- auditor:begin -->\n## Read more\n\n- Project overview: `{}`\n<!-- auditor:end -->\n"


def _managed(ctx: RuleContext) -> Iterator[tuple[str, str]]:
    for path in ctx.facts.instruction_files:
        if path.rpartition("/")[2] == "AGENTS.md" and ctx.index.file(path) is not None:
            text = ctx.index.text(path) or ""
            if find_block(text) is not None:
                yield path, text


def applies(ctx: RuleContext) -> bool:
    return any(True for _ in _managed(ctx))


def check(ctx: RuleContext) -> Iterator[Violation]:
    for path, text in _managed(ctx):
        block = find_block(text)
        assert block is not None
        expected = managed_plan(ctx.subject, path.rpartition("/")[0]).spans()
        written: dict[str, int] = {}
        for offset, line in enumerate(block.body.splitlines(), start=block.first_line + 1):
            for span in CODE_SPAN.findall(line):
                written.setdefault(span, offset)
        for span, where in sorted(written.items(), key=lambda item: item[1]):
            if span not in expected:
                message = f"`{span}` in the managed block is no longer true"
                yield Violation(message, path, where, span)
        for span in sorted(expected - set(written)):
            message = f"the managed block lacks `{span}`, which the facts now support"
            yield Violation(message, path, block.first_line, span)


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
