"""DOC010: Python docstrings that document parameters the signature does not have, or miss some."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.index import FunctionInfo
from auditor.model import Category, Evidence, Grade, Severity
from auditor.rule import Option, Rule, RuleContext, Violation, failing, not_applicable, passing


def documented_functions(ctx: RuleContext) -> Iterator[tuple[str, FunctionInfo]]:
    with_tests = bool(ctx.option("include_tests"))
    for record, syntax in ctx.parsed_code():
        if syntax.language != "python" or (record.is_test and not with_tests):
            continue
        for function in syntax.functions:
            if function.docstring is not None:
                yield record.path, function


def applies(ctx: RuleContext) -> bool:
    return any(True for _ in documented_functions(ctx))


def drift(function: FunctionInfo, with_missing: bool) -> str:
    """What the docstring gets wrong about the parameters, or "" when it is right."""
    assert function.docstring is not None
    params = function.docstring.params
    real = {p.lstrip("*") for p in params}
    documented = [d.lstrip("*") for d in function.docstring.documented]
    variadic = any(p.startswith("*") for p in params)
    unknown = [] if variadic else [d for d in documented if d not in real]
    missing = [p for p in params if not p.startswith(("*", "_")) and p not in documented]
    problems = []
    if unknown:
        problems.append("documents " + _names(unknown) + " that the signature does not have")
    if missing and with_missing:
        problems.append("does not document " + _names(missing))
    return " and ".join(problems)


def _names(names: list[str]) -> str:
    return ", ".join(f"`{name}`" for name in names)


def check(ctx: RuleContext) -> Iterator[Violation]:
    with_missing = bool(ctx.option("report_missing"))
    for path, function in documented_functions(ctx):
        problem = drift(function, with_missing)
        if problem:
            yield Violation(
                f"docstring of `{function.name}` {problem}", path, function.line, key=function.name
            )


GOOD = '''def area(width, height):
    """Area of a rectangle.

    Args:
        width: Width in metres.
        height: Height in metres.
    """
    return width * height
'''

RULE = Rule(
    id="DOC010",
    name="docstring-drift",
    title="Docstring parameters do not match the signature",
    category=Category.DOCUMENTATION,
    severity=Severity.MEDIUM,
    level=3,
    evidence=Evidence(
        Grade.MODERATE,
        "Macke & Doyle, NAACL Findings 2024: with incorrect docstrings GPT-3.5's unit-test "
        "success fell from 44.7% to 22.1% (GPT-4: 78.5% to 68.1%), while missing or partial "
        "docs had no consistent effect. One study, on HumanEval.",
    ),
    rationale=(
        "Agents trust docstrings: a parameter documented under an old name, or one that was "
        "removed, sends the model to pass arguments that no longer exist, and incorrect docs "
        "measurably hurt models more than missing ones. Google (`Args:`), NumPy "
        "(`Parameters` underlined) and Sphinx (`:param x:`) sections are read; `self`/`cls` "
        "and the `*`/`/` markers are ignored, extra names are allowed when the function takes "
        "`*args` or `**kwargs`, and a missing `*args`/`**kwargs` or `_private` entry is not "
        "reported."
    ),
    fix=(
        "Make each docstring's parameter section list exactly the function's parameters, "
        "under their current names."
    ),
    fix_prompt=(
        "The findings name Python functions whose docstring parameter sections disagree with "
        "their signatures. For each, read the function, then rename, add or remove entries "
        "in its docstring so that they list exactly its parameters with correct "
        "descriptions; do not change the code. "
        "Verify with: auditor audit . --select DOC010"
    ),
    check=check,
    applies=applies,
    needs_syntax=True,
    options=(
        Option("report_missing", True, "Also report parameters the docstring leaves out."),
        Option("include_tests", False, "Also judge functions in test files."),
    ),
    examples=(
        passing({"geometry.py": GOOD}),
        failing({"geometry.py": GOOD.replace("def area(width,", "def area(w,")}, "renamed"),
        failing(
            {"geometry.py": GOOD.replace("width, height", "width, height, depth")},
            "a parameter left out",
        ),
        passing(
            {"geometry.py": GOOD.replace("width, height", "width, height, depth")},
            "unless asked",
            report_missing=False,
        ),
        passing(
            {"geometry.py": GOOD.replace("(width, height)", "(width, height, **options)")},
            "**kwargs may carry documented names",
        ),
        not_applicable({"geometry.py": "def area(w, h):\n    return w * h\n"}, "no docstrings"),
    ),
)
