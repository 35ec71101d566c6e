"""Rules of the feedback category: tests, a test command, CI and the checks that run on edits."""

from auditor.rule import Rule

from . import (
    ci_runs_no_tests,
    missing_formatter,
    missing_linter,
    missing_test_command,
    missing_tests,
    missing_type_checker,
    undocumented_test_command,
)

RULES: tuple[Rule, ...] = (
    missing_tests.RULE,
    missing_test_command.RULE,
    undocumented_test_command.RULE,
    ci_runs_no_tests.RULE,
    missing_linter.RULE,
    missing_formatter.RULE,
    missing_type_checker.RULE,
)
