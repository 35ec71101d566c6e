"""NAV008: few public Python functions say the types of their parameters and result."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice

from auditor.index import FunctionInfo, SourceFile
from auditor.model import Category, Evidence, Grade, Severity
from auditor.rule import Option, Rule, RuleContext, Violation, failing, not_applicable, passing


def public_functions(ctx: RuleContext) -> Iterator[tuple[SourceFile, FunctionInfo]]:
    for record, syntax in ctx.parsed_code():
        if record.is_test or syntax.language != "python":
            continue
        for function in syntax.functions:
            if function.annotated is not None and function.is_public:
                yield record, function


def python_share(ctx: RuleContext) -> float:
    stats = ctx.facts.languages
    total = sum(stat.lines for stat in stats.values())
    return stats["python"].lines / total if "python" in stats and total else 0.0


def applies(ctx: RuleContext) -> bool:
    if python_share(ctx) < float(ctx.option("min_language_share")):
        return False
    enough = int(ctx.option("min_functions"))
    return sum(1 for _ in islice(public_functions(ctx), enough)) >= enough


def check(ctx: RuleContext) -> Iterator[Violation]:
    functions = list(public_functions(ctx))
    bare: dict[str, list[FunctionInfo]] = {}
    for record, function in functions:
        if function.annotated is False:
            bare.setdefault(record.path, []).append(function)
    limit = float(ctx.option("min_share"))
    share = 1 - sum(map(len, bare.values())) / len(functions)
    if share >= limit:
        return
    summary = (
        f"{share:.0%} of {len(functions)} public functions are fully annotated (need {limit:.0%})"
    )
    worst = sorted(bare.items(), key=lambda item: (-len(item[1]), item[0]))
    for path, missing in worst[: int(ctx.option("max_findings"))]:
        names = ", ".join(f"`{f.name}`" for f in missing[:3])
        more = f" and {len(missing) - 3} more" if len(missing) > 3 else ""
        yield Violation(
            f"{len(missing)} public functions lack annotations: {names}{more}; {summary}",
            path,
            missing[0].line,
            key="unannotated",
        )


TYPED = "".join(f"def f{i}(x: int, y: str = '') -> int:\n    return x\n\n" for i in range(12))
UNTYPED = "".join(f"def f{i}(x, y=''):\n    return x\n\n" for i in range(12))

RULE = Rule(
    id="NAV008",
    name="missing-type-hints",
    title="Public Python functions without type hints",
    category=Category.NAVIGABILITY,
    severity=Severity.LOW,
    level=4,
    evidence=Evidence(
        Grade.CONVENTION,
        "Mündler et al., PLDI 2025 (arXiv 2504.09246): type constraints more than halve "
        "compilation errors of generated code. No study ties annotation coverage itself to "
        "agent success; the 50% floor and 80% target are convention.",
    ),
    rationale=(
        "A signature with types tells an agent what to pass and what comes back without "
        "reading the body or its callers, and it lets a type checker catch the agent's "
        "mistakes before the tests do. Coverage alone is not proven to help; it pays when a "
        "type checker runs. Public functions are those outside tests whose names, and their "
        "class's, do not start with an underscore; closures are left out; `__init__` needs no "
        "return annotation."
    ),
    fix="Annotate the parameters and return types of public functions, then run a type checker.",
    fix_prompt=(
        "Add type annotations to the public functions listed in the findings: every parameter "
        "(except self/cls) and the return type, using precise types rather than Any. Do not "
        "change behaviour. Then run the project's type checker (mypy or pyright) and fix what "
        "it reports. Verify with: auditor audit . --select NAV008"
    ),
    check=check,
    applies=applies,
    needs_syntax=True,
    options=(
        Option("min_share", 0.5, "Share of public functions that must be fully annotated."),
        Option("max_findings", 10, "Files with the most unannotated functions reported."),
        Option("min_functions", 10, "Public functions below which the rule does not apply."),
        Option(
            "min_language_share",
            0.1,
            "Share of the source lines that must be Python (a helper script in a Rust "
            "repository is not judged).",
        ),
    ),
    examples=(
        passing({"lib.py": TYPED}),
        failing({"lib.py": UNTYPED}),
        passing(
            {"lib.py": TYPED + UNTYPED.replace("def f", "def _g")}, "private functions are left out"
        ),
        not_applicable({"main.go": "package main\n\nfunc main() {}\n"}, "no Python code"),
        not_applicable(
            {"main.go": "package main\n\nfunc main() {}\n" * 300, "bench.py": UNTYPED},
            "Python is a small part of the code",
        ),
    ),
)
