"""Rules of the feedback category: tests, a test command, CI and the checks that run on edits."""

from auditor.rule import Rule

from . import (
    ci_runs_no_tests,
    ci_skips_linters,
    lint_suppression_density,
    missing_commit_hooks,
    missing_formatter,
    missing_linter,
    missing_test_command,
    missing_tests,
    missing_type_checker,
    no_fast_test_subset,
    undocumented_single_test,
    undocumented_test_command,
    unjustified_suppression,
)

RULES: tuple[Rule, ...] = (
    missing_tests.RULE,
    missing_test_command.RULE,
    undocumented_test_command.RULE,
    ci_runs_no_tests.RULE,
    missing_linter.RULE,
    missing_formatter.RULE,
    missing_type_checker.RULE,
    undocumented_single_test.RULE,
    no_fast_test_subset.RULE,
    ci_skips_linters.RULE,
    missing_commit_hooks.RULE,
    lint_suppression_density.RULE,
    unjustified_suppression.RULE,
)
