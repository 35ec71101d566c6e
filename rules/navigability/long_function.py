"""NAV003: a function longer than the window an agent views code through."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.model import Category, Evidence, Grade, MeasureValue, Severity
from auditor.rule import Option, Rule, RuleContext, Violation, failing, not_applicable, passing

from .judged_functions import has_parsed_code, judged_functions


def check(ctx: RuleContext) -> Iterator[Violation]:
    limit = int(ctx.option("max_lines"))
    for path, function in judged_functions(ctx):
        if function.lines > limit:
            yield Violation(
                f"function `{function.name}` is {function.lines:,} lines (limit {limit:,})",
                path,
                function.line,
                key=function.name,
            )


def measure(ctx: RuleContext) -> dict[str, MeasureValue]:
    """How many judged functions there are, how many are over the limit, and that share."""
    limit = int(ctx.option("max_lines"))
    lengths = [function.lines for _, function in judged_functions(ctx)]
    over = sum(1 for lines in lengths if lines > limit)
    return {
        "functions": len(lengths),
        "over_limit": over,
        "share_over_limit": round(over / len(lengths), 4) if lengths else 0.0,
        "longest_lines": max(lengths, default=0),
        "limit": limit,
    }


def function(name: str, body_lines: int) -> str:
    return f"def {name}(x):\n" + "    x += 1\n" * body_lines + "    return x\n"


RULE = Rule(
    id="NAV003",
    name="long-function",
    title="Function too long",
    category=Category.NAVIGABILITY,
    severity=Severity.MEDIUM,
    level=4,
    evidence=Evidence(
        Grade.MODERATE,
        "Yang et al., SWE-agent (NeurIPS 2024, arXiv 2405.15793): a file viewer showing about "
        "100 lines per turn worked best for agents; Borg et al. 2026 (arXiv 2601.02200): long "
        "methods are a CodeHealth smell, and healthier code broke less under LLM refactoring.",
    ),
    rationale=(
        "Agents look at code through a window of about a hundred lines. A function longer than "
        "that is never on screen at once, so an edit near its end is made without its start in "
        "view. Long functions also mix several jobs, which makes a small change risky. Test "
        "functions are left out by default: long table-driven tests are read top to bottom and "
        "rarely restructured; set `include_tests` to judge them too."
    ),
    fix="Extract the function's steps into well-named helpers so each fits in about 100 lines.",
    fix_prompt=(
        "The function named in the finding is longer than 100 lines. Extract its distinct "
        "steps into small, well-named helper functions in the same module, keeping its "
        "signature and behaviour unchanged; add or run tests that cover it before and after. "
        "Verify with: auditor audit . --select NAV003"
    ),
    check=check,
    applies=has_parsed_code,
    measure=measure,
    needs_syntax=True,
    options=(
        Option("max_lines", 100, "Lines a function may span, from its header to its last line."),
        Option("include_tests", False, "Also judge functions in test files."),
    ),
    examples=(
        passing({"app.py": function("parse", 60)}),
        failing({"app.py": function("parse", 120)}),
        passing(
            {"app.py": function("parse", 10), "tests/test_app.py": function("test_table", 150)},
            "test files are left out",
        ),
        failing(
            {"tests/test_app.py": function("test_table", 150)}, "unless asked", include_tests=True
        ),
        not_applicable({"README.md": "# Notes\n"}, "no parsed source code"),
        not_applicable(
            {
                "App.swift": "func run() {\n  print(1)\n  print(2)\n}\n",
                "build.py": function("main", 1),
            },
            "the primary language (Swift) is not parsed: its functions are not measured",
        ),
    ),
)
