"""NAV004: a function with more decision points than a reader can hold in mind."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.model import Category, Evidence, Grade, Severity
from auditor.rule import Option, Rule, RuleContext, Violation, failing, not_applicable, passing

from .judged_functions import has_parsed_code, judged_functions


def check(ctx: RuleContext) -> Iterator[Violation]:
    limit = int(ctx.option("max_complexity"))
    for path, function in judged_functions(ctx):
        if function.complexity > limit:
            yield Violation(
                f"function `{function.name}` has cyclomatic complexity "
                f"{function.complexity} (limit {limit})",
                path,
                function.line,
                key=function.name,
            )


def branches(name: str, count: int) -> str:
    cases = "".join(f"    if x == {i}:\n        return {i}\n" for i in range(count))
    return f"def {name}(x):\n{cases}    return -1\n"


RULE = Rule(
    id="NAV004",
    name="complex-function",
    title="Function too complex",
    category=Category.NAVIGABILITY,
    severity=Severity.LOW,
    level=5,
    evidence=Evidence(
        Grade.MODERATE,
        "Borg et al. 2026 (arXiv 2601.02200): complex, deeply nested methods are CodeHealth "
        "smells, and healthier code broke less under LLM refactoring (small single-file "
        "programs). The cut-off is convention: McCabe and ruff C901 warn above 10, lizard "
        "above 15.",
    ),
    rationale=(
        "Each branch is a path an agent must keep in mind to change a function safely, and "
        "highly branched code is where model refactorings most often change behaviour. The "
        "evidence supports the direction more than any number: the default of 15 (lizard's) "
        "sits above the usual warning level of 10 to keep the starter rule quiet; lower it once "
        "the worst functions are fixed."
    ),
    fix=(
        "Reduce branching: return early, replace long if/elif chains with lookup tables or "
        "polymorphism, and extract sub-decisions into helpers."
    ),
    fix_prompt=(
        "The function named in the finding has a cyclomatic complexity above 15. Make sure "
        "tests cover its branches, then reduce its branching without changing behaviour: use "
        "guard clauses and early returns, replace if/elif chains with dictionaries or "
        "dispatch, and move independent decisions into small named helpers. "
        "Verify with: auditor audit . --select NAV004"
    ),
    check=check,
    applies=has_parsed_code,
    needs_syntax=True,
    options=(
        Option("max_complexity", 15, "McCabe cyclomatic complexity a function may have."),
        Option("include_tests", False, "Also judge functions in test files."),
    ),
    examples=(
        passing({"app.py": branches("route", 8)}),
        failing({"app.py": branches("route", 20)}),
        failing({"app.py": branches("route", 8)}, "a stricter limit", max_complexity=5),
        not_applicable({"README.md": "# Notes\n"}, "no parsed source code"),
    ),
)
