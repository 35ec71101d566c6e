"""The functions the per-function navigability rules judge: parsed, hand-written, tests only
when asked."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.index import FileSyntax, FunctionInfo, SourceFile
from auditor.rule import RuleContext


def has_parsed_code(ctx: RuleContext) -> bool:
    """Whether the rules have code to judge: a parsed file they read, in a repository whose
    primary language is measured.

    Unknown is not zero: files of languages the auditor does not parse are never judged, so
    where the primary language is one of them (a Swift app with a parsed Python script), or
    nothing the rule reads was parsed, the rule is not applicable rather than a pass. (A
    repository of tests only has no primary language; its parsed tests may still be judged.)
    """
    return not primary_language_unmeasured(ctx) and any(True for _ in _judged_files(ctx))


def primary_language_unmeasured(ctx: RuleContext) -> bool:
    """Whether the repository's primary language is one the auditor does not parse."""
    primary = ctx.facts.primary_language
    return primary is not None and primary not in ctx.facts.languages_measured


def judged_functions(ctx: RuleContext) -> Iterator[tuple[str, FunctionInfo]]:
    """(path, function) for every parsed function, test files only with `include_tests`,
    vendored, generated, data and fixture files never."""
    for record, syntax in _judged_files(ctx):
        for function in syntax.functions:
            yield record.path, function


def _judged_files(ctx: RuleContext) -> Iterator[tuple[SourceFile, FileSyntax]]:
    with_tests = bool(ctx.option("include_tests"))
    for record, syntax in ctx.parsed_code():
        if with_tests or not record.is_test:
            yield record, syntax
