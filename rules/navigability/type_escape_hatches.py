"""NAV009: `Any`, `cast` and `type: ignore` (or TypeScript `any`) used densely."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.model import Category, Evidence, Grade, Severity
from auditor.rule import Option, Rule, RuleContext, Violation, failing, not_applicable, passing

TYPED_LANGUAGES = frozenset({"python", "typescript"})


def applies(ctx: RuleContext) -> bool:
    stats = ctx.facts.languages
    total = sum(stat.lines for stat in stats.values())
    typed = sum(stat.lines for name, stat in stats.items() if name in TYPED_LANGUAGES)
    if not total or typed / total < float(ctx.option("min_language_share")):
        return False
    return any(s.language in TYPED_LANGUAGES for r, s in ctx.parsed_code() if not r.is_test)


def check(ctx: RuleContext) -> Iterator[Violation]:
    with_tests = bool(ctx.option("include_tests"))
    lines = 0
    found: list[tuple[int, str, int]] = []
    for record, syntax in ctx.parsed_code():
        if syntax.language not in TYPED_LANGUAGES or (record.is_test and not with_tests):
            continue
        lines += record.lines
        if syntax.escape_hatches:
            found.append((len(syntax.escape_hatches), record.path, syntax.escape_hatches[0]))
    total = sum(count for count, _, _ in found)
    limit = float(ctx.option("max_per_kloc"))
    density = 1000 * total / max(lines, 1)
    if density <= limit:
        return
    summary = f"{density:.1f} escape hatches per 1,000 lines overall (limit {limit:g})"
    found.sort(key=lambda item: (-item[0], item[1]))
    for count, path, first in found[: int(ctx.option("max_findings"))]:
        yield Violation(
            f"{count} escape hatches (Any, cast, type: ignore, any); {summary}",
            path,
            first,
            key="escape-hatches",
        )


TYPED = "def parse(raw: str) -> dict[str, int]:\n    return {raw: 1}\n" * 20
LOOSE = (
    "from typing import Any, cast\n\n\n"
    "def parse(raw: Any) -> Any:\n    return cast(dict, raw)  # type: ignore[return-value]\n"
)

RULE = Rule(
    id="NAV009",
    name="type-escape-hatches",
    title="Type-system escape hatches used densely",
    category=Category.NAVIGABILITY,
    severity=Severity.LOW,
    level=5,
    evidence=Evidence(
        Grade.CONVENTION,
        "Lee, Hassan, Hindle 2026 (arXiv 2602.17955): agents write TypeScript `any` about 9 "
        "times as often as humans, and reviewers let it through. Harm is not measured; the "
        "threshold is convention: 10 per 1,000 lines sits between the catalogue's 5 and the "
        "15-25 measured in typed projects such as flask, pdm and requests, which it flags.",
    ),
    rationale=(
        "`Any`, `cast`, `# type: ignore` and TypeScript's `any` switch the type checker off "
        "exactly where it would tell an agent that its change is wrong. Agents already reach "
        "for them far more often than people do, and every existing one is a pattern they "
        "copy. Counted in non-test Python and TypeScript: `Any` where a type goes (not "
        "`*args: Any`/`**kwargs: Any`, which forward arguments, nor JSON-shaped `[str, Any]`), "
        "`cast(`, `# type: ignore`, "
        "`: any`, `as any`, `<any>`, `@ts-ignore` and `@ts-nocheck`."
    ),
    fix=(
        "Replace `Any`/`any` with precise types (or `object`/`unknown` and narrowing), remove "
        "casts the checker no longer needs, and fix the errors behind `type: ignore` comments."
    ),
    fix_prompt=(
        "The files in the findings use type-system escape hatches densely. For each `Any` or "
        "`any`, write the precise type (or `object`/`unknown` plus a type guard); remove "
        "`cast(...)` and `# type: ignore` / `@ts-ignore` where the checker passes without them, "
        "and fix the underlying error where it does not. Run the type checker after each file. "
        "Verify with: auditor audit . --select NAV009"
    ),
    check=check,
    applies=applies,
    needs_syntax=True,
    options=(
        Option("max_per_kloc", 10.0, "Escape hatches allowed per 1,000 lines of Python/TS."),
        Option("max_findings", 10, "Files with the most escape hatches reported."),
        Option("include_tests", False, "Also count test files."),
        Option(
            "min_language_share",
            0.1,
            "Share of the source lines that must be Python or TypeScript.",
        ),
    ),
    examples=(
        passing({"app.py": TYPED}),
        failing({"app.py": LOOSE}),
        passing({"app.py": TYPED, "tests/test_app.py": LOOSE}, "tests are left out"),
        failing({"web/app.ts": "export const f = (x: any): any => x as any;\n"}, "TypeScript"),
        not_applicable({"main.go": "package main\n\nfunc main() {}\n"}, "no Python or TypeScript"),
    ),
)
