"""FEE007: a language that has type checkers, but none runs in CI, a hook or a task runner."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.model import Category, Evidence, Grade, Severity
from auditor.rule import (
    CODE_PROFILES,
    Reads,
    Rule,
    RuleContext,
    Violation,
    failing,
    not_applicable,
    passing,
)


def applies(ctx: RuleContext) -> bool:
    """Python and TypeScript, and JavaScript code bases that already hold some TypeScript.

    Compiled languages (Go, Rust, Java, ...) are type-checked by their compiler; plain
    JavaScript projects are not asked to adopt a type system.
    """
    facts = ctx.facts
    primary = facts.primary_language
    return primary in ("python", "typescript") or (
        primary == "javascript" and "typescript" in facts.languages
    )


def check(ctx: RuleContext) -> Iterator[Violation]:
    if not ctx.facts.type_checkers:
        yield Violation(f"no type checker runs on this {ctx.facts.primary_language} code")


RULE = Rule(
    id="FEE007",
    name="missing-type-checker",
    title="No type checker",
    category=Category.FEEDBACK,
    severity=Severity.MEDIUM,
    level=3,
    evidence=Evidence(
        Grade.MODERATE,
        "Muendler et al., Type-Constrained Code Generation (PLDI 2025, arXiv 2504.09246): "
        "enforcing types more than halved compile errors of generated code; Lee, Hassan & "
        "Hindle 2026 (arXiv 2602.17955): agents reach for `any` far more often than humans "
        "unless something checks.",
    ),
    rationale=(
        "Type errors are one of the commonest mistakes in model-written code, and a type "
        "checker finds them statically, across files, before a test is run. In Python and "
        "TypeScript nothing checks types unless the repository runs a checker (in CI, a hook "
        "or a task runner), so the feedback exists only if someone wires it in."
    ),
    fix=(
        "Configure a type checker (mypy or pyright for Python, `tsc --noEmit` for TypeScript) "
        "and run it in CI; start lenient and tighten per module."
    ),
    fix_prompt=(
        "This repository has no type checker. For Python, add mypy (or pyright) with its "
        "configuration in pyproject.toml, starting from settings under which the current code "
        "passes, and run it in CI; for TypeScript, add a `typecheck` script running `tsc "
        "--noEmit` and run it in CI. Fix the errors it reports rather than silencing them with "
        "ignores where the fix is small. Add the command to AGENTS.md. "
        "Verify with: auditor audit . --select FEE007"
    ),
    check=check,
    reads=frozenset({Reads.CONFIG, Reads.MANIFESTS, Reads.CI}),
    applies=applies,
    examples=(
        passing(
            {
                "pyproject.toml": '[project]\nname = "app"\n\n[tool.mypy]\nstrict = true\n',
                ".github/workflows/ci.yml": "on: push\njobs:\n  types:\n"
                "    runs-on: ubuntu-latest\n    steps:\n      - run: mypy src\n",
                "app.py": "x: int = 1\n",
            }
        ),
        passing(
            {
                "package.json": '{"name": "app", "scripts": {"typecheck": "tsc --noEmit"}}\n',
                "tsconfig.json": '{"compilerOptions": {"strict": true}}\n',
                "index.ts": "export const x = 1;\n",
            },
            "tsc in a package script",
        ),
        failing({"pyproject.toml": '[project]\nname = "app"\n', "app.py": "x = 1\n"}),
        not_applicable(
            {"go.mod": "module example.com/app\n\ngo 1.22\n", "main.go": "package main\n"},
            "Go's compiler checks types",
        ),
        not_applicable({"index.js": "export const x = 1;\n"}, "plain JavaScript"),
    ),
    profiles=CODE_PROFILES,
)
