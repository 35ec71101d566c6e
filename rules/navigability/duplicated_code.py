"""NAV006: a large share of the source repeats blocks found elsewhere in it."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.model import Category, Evidence, Grade, Severity
from auditor.rule import Option, Rule, RuleContext, Violation, failing, not_applicable, passing

from .judged_functions import primary_language_unmeasured


def applies(ctx: RuleContext) -> bool:
    """Enough parsed source to compare, in a repository whose primary language is parsed."""
    if primary_language_unmeasured(ctx):
        return False
    return ctx.duplication.code_lines >= int(ctx.option("min_lines"))


def check(ctx: RuleContext) -> Iterator[Violation]:
    duplication = ctx.duplication
    limit = float(ctx.option("max_share"))
    if duplication.share <= limit:
        return
    summary = (
        f"{duplication.share:.1%} of significant source lines repeat elsewhere (limit {limit:.0%})"
    )
    smallest = int(ctx.option("min_clone_lines"))
    clones = [c for c in duplication.clones if c.significant_lines >= smallest]
    if not clones:
        yield Violation(summary)
        return
    for clone in clones[: int(ctx.option("max_findings"))]:
        yield Violation(
            f"lines {clone.line}-{clone.end_line} repeat {clone.original_path}:"
            f"{clone.original_line}-{clone.original_end_line} "
            f"({clone.significant_lines} significant lines); {summary}",
            clone.path,
            clone.line,
            key=f"copy-of:{clone.original_path}",
        )


BLOCK = "".join(f"    total = total + values[{i}] * {i + 1} - offset\n" for i in range(30))
COPY = "def score(values, offset):\n    total = 0\n" + BLOCK + "    return total\n"
OWN = "".join(f"def f{i}(x):\n    return x * {i} + {i * i}\n\n" for i in range(120))

RULE = Rule(
    id="NAV006",
    name="duplicated-code",
    title="Code duplicated across the repository",
    category=Category.NAVIGABILITY,
    severity=Severity.LOW,
    level=5,
    evidence=Evidence(
        Grade.CONVENTION,
        "Chroma, Context Rot (2025): near-duplicate distractors degrade models as context "
        "grows; multi-file changes resolve far less often on SWE-bench Verified (Ganhotra "
        "2025). The 5% threshold is convention (clone detectors, pylint R0801); no study "
        "measures duplication against agent success.",
    ),
    rationale=(
        "A copied block means a fix must be made in every copy, which turns a one-place change "
        "into a multi-file one, the kind agents resolve far less often, and agents rarely know "
        "the other copies exist. Copies that have drifted apart are also distractors in the "
        "context: the model reads the wrong one. Blocks are compared as windows of six "
        "significant lines (comments, imports and punctuation ignored) across the parsed, "
        "non-test source, leaving out examples, samples, playgrounds and templates, which are "
        "meant to be copied; one window in four is sampled, so blocks of 15 lines or more are "
        "found almost surely and the share is a slight underestimate."
    ),
    fix=(
        "Extract each repeated block into one shared function or module and call it from every "
        "place that held a copy; delete copies of deprecated modules."
    ),
    fix_prompt=(
        "The findings name blocks of code that repeat elsewhere in the repository (both "
        "locations are given). For each, make sure tests cover both copies, then extract the "
        "block into one shared, well-named function (parameterise what differs) and call it "
        "from both places. Change no behaviour and run the tests. "
        "Verify with: auditor audit . --select NAV006"
    ),
    check=check,
    applies=applies,
    needs_syntax=True,
    options=(
        Option("max_share", 0.05, "Share of significant source lines that may repeat."),
        Option("max_findings", 10, "Largest repeated blocks reported."),
        Option("min_clone_lines", 10, "Significant lines a repeated block needs to be listed."),
        Option("min_lines", 200, "Significant source lines below which the rule does not apply."),
    ),
    examples=(
        passing({"a.py": COPY, "b.py": OWN}),
        failing(
            {"a.py": COPY, "b.py": COPY.replace("score", "rate") + OWN}, "the same block twice"
        ),
        passing({"a.py": COPY + OWN, "tests/test_a.py": COPY}, "copies in tests are left out"),
        not_applicable({"a.py": "x = 1\n"}, "too little code to judge"),
    ),
)
