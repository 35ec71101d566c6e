"""The functions the per-function navigability rules judge: parsed, hand-written, tests only
when asked."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.index import FunctionInfo
from auditor.rule import RuleContext


def has_parsed_code(ctx: RuleContext) -> bool:
    """Whether any hand-written file was parsed (the rules have nothing to judge otherwise)."""
    return any(True for _ in ctx.parsed_code())


def judged_functions(ctx: RuleContext) -> Iterator[tuple[str, FunctionInfo]]:
    """(path, function) for every parsed function, test files only with `include_tests`,
    vendored, generated, data and fixture files never."""
    with_tests = bool(ctx.option("include_tests"))
    for record, syntax in ctx.parsed_code():
        if record.is_test and not with_tests:
            continue
        for function in syntax.functions:
            yield record.path, function
