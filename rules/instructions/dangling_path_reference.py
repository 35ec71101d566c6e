"""INS006: an instruction file, README or CONTRIBUTING names a path that does not exist."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.facts.references.dangling import checked_documents, dangling_references
from auditor.model import Category, Evidence, Grade, Severity
from auditor.rule import Reads, Rule, RuleContext, Violation, failing, not_applicable, passing


def applies(ctx: RuleContext) -> bool:
    """Only where there are agent instructions: README and CONTRIBUTING are judged with them
    (agents read them too), but alone they would make an instructions score out of nothing."""
    return bool(ctx.facts.instruction_files) and bool(checked_documents(ctx.subject))


def check(ctx: RuleContext) -> Iterator[Violation]:
    for reference in dangling_references(ctx.subject):
        if reference.kind == "path":
            yield Violation(reference.problem, reference.path, reference.line, reference.text)


RULE = Rule(
    id="INS006",
    name="dangling-path-reference",
    title="Instructions name a path that does not exist",
    category=Category.INSTRUCTIONS,
    severity=Severity.MEDIUM,
    level=2,
    evidence=Evidence(
        Grade.MODERATE,
        "Incorrect documentation hurts more than missing documentation (wrong docstrings cut "
        "GPT-3.5's unit-test success from 44.7% to 22.1%); EnConda: agents find README errors "
        "but struggle to fix them.",
    ),
    rationale=(
        "A path in code formatting or a relative link in AGENTS.md, CLAUDE.md, Cursor or "
        "Copilot rules, the README or CONTRIBUTING is an instruction to look there. When the "
        "file was renamed or deleted the agent searches for it, guesses, or edits the wrong "
        "file. Only paths that are clearly the repository's count: placeholders (`<name>`), "
        "globs, URLs, ignored or built paths and names written as examples are left alone."
    ),
    fix="Point the reference at the file's new place, or delete the line.",
    fix_prompt=(
        "Instruction files of this repository name paths that no longer exist (listed with "
        "file and line by `auditor audit . --select INS006 -v`). For each, find where the file "
        "went (`git log --follow --diff-filter=R -- PATH`) and update the reference, or remove "
        "the sentence if the file is gone. Verify with: auditor agents-md --check"
    ),
    check=check,
    reads=frozenset({Reads.TREE}),
    applies=applies,
    examples=(
        passing(
            {"AGENTS.md": "Helpers live in `src/app/util.py`.\n", "src/app/util.py": "x = 1\n"}
        ),
        failing(
            {"AGENTS.md": "Helpers live in `src/app/helpers.py`.\n", "src/app/util.py": "x = 1\n"},
            note="helpers.py was renamed to util.py",
        ),
        passing(
            {"AGENTS.md": "Put fixtures in `tests/<area>/` and see `path/to/file.py`.\n"},
            note="placeholders and examples are not references",
        ),
        not_applicable({"src/app.py": "x = 1\n"}),
        not_applicable(
            {"README.md": "Helpers live in `src/app/helpers.py`.\n"},
            note="no instruction file: the README alone is not judged here",
        ),
    ),
    per_package=False,
)
