"""NAV007: modules imported by a large share of the codebase (coupling hot spots)."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.index import IMPORT_LANGUAGES
from auditor.model import Category, Evidence, Grade, Severity
from auditor.rule import (
    Option,
    Reads,
    Rule,
    RuleContext,
    Violation,
    failing,
    not_applicable,
    passing,
)


def applies(ctx: RuleContext) -> bool:
    """Enough modules, in a repository whose primary language's imports are resolved."""
    if ctx.facts.primary_language not in IMPORT_LANGUAGES:
        return False
    return len(ctx.index.import_graph.modules) >= int(ctx.option("min_modules"))


def check(ctx: RuleContext) -> Iterator[Violation]:
    graph = ctx.index.import_graph
    others = len(graph.modules) - 1
    limit = float(ctx.option("max_share"))
    hot = [
        (len(importers), module)
        for module, importers in graph.importers.items()
        if len(importers) > limit * others and not ctx.facts.is_set_aside(module)
    ]
    hot.sort(key=lambda item: (-item[0], item[1]))
    for count, module in hot[: int(ctx.option("max_findings"))]:
        yield Violation(
            f"imported by {count} of {others} other modules ({count / others:.0%}, "
            f"limit {limit:.0%}): a change here ripples through the codebase",
            module,
            key="hot-spot",
        )


def modules(count: int, importing: int) -> dict[str, str]:
    files = {"app/__init__.py": "", "app/core.py": "def helper():\n    return 1\n"}
    for i in range(count):
        head = "from app import core\n" if i < importing else "import os\n"
        files[f"app/m{i}.py"] = head + f"def f{i}():\n    return {i}\n"
    return files


RULE = Rule(
    id="NAV007",
    name="coupling-hot-spot",
    title="Module imported by much of the codebase",
    category=Category.NAVIGABILITY,
    severity=Severity.LOW,
    level=5,
    evidence=Evidence(
        Grade.MODERATE,
        "Ganhotra 2025 (SWE-bench Verified): multi-file tasks resolve at about a third of the "
        "rate of single-file ones; Ehsani et al. 2026 (arXiv 2601.15195): agent PRs touching "
        "more files merge less. Moderate for the mechanism; the threshold is a judgement.",
    ),
    rationale=(
        "A module that most of the codebase imports is where a change stops being local: its "
        "callers must be found and checked, and tasks that touch it become multi-file tasks, "
        "which agents resolve far less often. Such modules deserve a small, stable interface "
        "and tests that pin it. Imports are resolved statically within the repository "
        "(Python, JS/TS relative imports, Go packages of the module, Rust `crate::` paths, "
        "Java classes); tests are left out as importers."
    ),
    fix=(
        "Keep the hot module's interface small and stable: split it by responsibility so that "
        "importers depend only on the part they use, and cover its public behaviour with tests."
    ),
    fix_prompt=(
        "The module named in the finding is imported by a large share of the codebase. List "
        "what its importers actually use, then split it into smaller modules by "
        "responsibility (keeping re-exports so imports keep working), and add tests that pin "
        "its public behaviour. Change no behaviour. "
        "Verify with: auditor audit . --select NAV007"
    ),
    check=check,
    reads=frozenset({Reads.SOURCES}),
    applies=applies,
    needs_syntax=True,
    options=(
        Option("max_share", 0.5, "Share of the other modules that may import one module."),
        Option("max_findings", 5, "Most-imported modules reported."),
        Option("min_modules", 20, "Modules below which the rule does not apply."),
    ),
    examples=(
        passing(modules(24, 6), "a quarter of the modules import app/core.py"),
        failing(modules(24, 20), "most modules import app/core.py"),
        not_applicable(modules(5, 5), "too few modules to judge"),
    ),
)
