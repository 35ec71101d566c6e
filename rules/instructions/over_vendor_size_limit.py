"""INS024: an instruction file longer than its agent reads (Windsurf, Copilot code review)."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.index.line_offsets import line_at
from auditor.model import Category, Evidence, Grade, Severity
from auditor.rule import Option, Rule, RuleContext, Violation, failing, not_applicable, passing

from .instruction_text import own_instruction_files


def _limit(ctx: RuleContext, path: str) -> tuple[int, str] | None:
    """The character limit that applies to `path`, and whose it is."""
    if path == ".windsurfrules":
        return int(ctx.option("windsurf_legacy_chars")), "Windsurf reads"
    if path.startswith(".windsurf/rules/"):
        return int(ctx.option("windsurf_rule_chars")), "Windsurf reads"
    copilot = path == ".github/copilot-instructions.md" or path.startswith(".github/instructions/")
    if copilot and int(ctx.option("copilot_review_chars")) > 0:
        return int(ctx.option("copilot_review_chars")), "Copilot code review was documented to read"
    return None


def applies(ctx: RuleContext) -> bool:
    return any(_limit(ctx, path) for path in ctx.facts.instruction_files)


def check(ctx: RuleContext) -> Iterator[Violation]:
    for path, text in own_instruction_files(ctx):
        limit = _limit(ctx, path)
        if limit is not None and len(text) > limit[0]:
            line = line_at(text, limit[0])
            yield Violation(
                f"{path} is {len(text):,} characters; {limit[1]} only the first {limit[0]:,} "
                f"(cut at line {line})",
                path,
                line,
            )


RULE = Rule(
    id="INS024",
    name="over-vendor-size-limit",
    title="Instruction file longer than its agent reads",
    category=Category.INSTRUCTIONS,
    severity=Severity.MEDIUM,
    level=3,
    evidence=Evidence(
        Grade.MODERATE,
        "Windsurf docs: 6,000 characters for legacy/global rules and 12,000 per workspace "
        "rule file (figures vary by version). GitHub's docs once said Copilot code review reads "
        "only the first 4,000 characters; that sentence was removed (github/docs#42361, "
        "#42761), so that check is off unless `copilot_review_chars` is set.",
    ),
    rationale=(
        "These agents cut an instruction file at a fixed number of characters and say "
        "nothing; whatever follows the cut, often the boundaries written last, never reaches "
        "the model. Claude's 200-line advice is INS003 and Codex's 32 KiB chain cap INS002."
    ),
    fix=(
        "Shorten the file below the limit, or split it into several scoped rule files, each "
        "under the limit."
    ),
    fix_prompt=(
        "The instruction file named in the finding is longer than its agent reads. Cut it "
        "below the limit in the finding: keep exact commands and negative constraints, move "
        "reference material into docs/ with a link, or split it into scoped rule files. "
        "Verify with: auditor audit . --select INS024"
    ),
    check=check,
    applies=applies,
    options=(
        Option("windsurf_legacy_chars", 6000, "Characters Windsurf reads of .windsurfrules."),
        Option("windsurf_rule_chars", 12000, "Characters Windsurf reads of one rule file."),
        Option(
            "copilot_review_chars",
            0,
            "Characters Copilot code review reads (4000 as once documented; 0 turns it off).",
        ),
    ),
    examples=(
        passing({".windsurfrules": "Run `pytest`.\n"}),
        failing({".windsurfrules": "- Run `pytest` before you finish.\n" * 200}),
        failing(
            {".github/copilot-instructions.md": "- Use `npm test`.\n" * 300},
            "the once-documented Copilot code review limit, when asked for",
            copilot_review_chars=4000,
        ),
        not_applicable({"AGENTS.md": "Run `pytest`.\n"}),
    ),
    per_package=False,
)
