"""NAV005: a function whose blocks nest deeper than a reader can follow."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.model import Category, Evidence, Grade, Severity
from auditor.rule import Option, Rule, RuleContext, Violation, failing, not_applicable, passing

from .judged_functions import has_parsed_code, judged_functions


def check(ctx: RuleContext) -> Iterator[Violation]:
    limit = int(ctx.option("max_depth"))
    for path, function in judged_functions(ctx):
        if function.nesting > limit:
            yield Violation(
                f"function `{function.name}` nests blocks {function.nesting} deep (limit {limit})",
                path,
                function.line,
                key=function.name,
            )


def nested(depth: int) -> str:
    body = "".join("    " * (level + 1) + f"if x > {level}:\n" for level in range(depth))
    return f"def walk(x):\n{body}" + "    " * (depth + 1) + "return x\n    return 0\n"


RULE = Rule(
    id="NAV005",
    name="deep-nesting",
    title="Blocks nested too deeply",
    category=Category.NAVIGABILITY,
    severity=Severity.LOW,
    level=5,
    evidence=Evidence(
        Grade.CONVENTION,
        "Borg et al. 2026 (arXiv 2601.02200) count deep, nested complexity among the CodeHealth "
        "smells of code that LLM refactorings broke more often (small single-file programs). "
        "The limit is convention: pylint's max-nested-blocks is 5, the catalogue warns above 4.",
    ),
    rationale=(
        "Every nested block adds a condition that holds for the code inside it. Four levels "
        "down, an agent editing a line must keep four enclosing conditions in mind, and the "
        "lines that establish them are often off screen. Deep nesting is also where model "
        "edits most often put a statement one level off. No study ties a depth to agent "
        "success; the limit of 4 follows the usual linters."
    ),
    fix=(
        "Flatten the function: return early from guard clauses, invert conditions, and move "
        "inner loops into named helpers."
    ),
    fix_prompt=(
        "The function named in the finding nests blocks more than 4 levels deep. Without "
        "changing behaviour, flatten it: turn enclosing conditions into guard clauses that "
        "return or continue early, and extract the innermost loop or branch into a small "
        "named helper. Run the tests before and after. "
        "Verify with: auditor audit . --select NAV005"
    ),
    check=check,
    applies=has_parsed_code,
    needs_syntax=True,
    options=(
        Option("max_depth", 4, "Deepest nesting of blocks a function may have."),
        Option("include_tests", False, "Also judge functions in test files."),
    ),
    examples=(
        passing({"app.py": nested(3)}),
        failing({"app.py": nested(6)}, "six nested ifs"),
        failing({"app.py": nested(3)}, "a stricter limit", max_depth=2),
        passing({"app.py": nested(2), "tests/test_app.py": nested(6)}, "test files are left out"),
        not_applicable({"README.md": "# Notes\n"}, "no parsed source code"),
    ),
)
