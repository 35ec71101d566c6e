"""Rules of the environment category: a development environment an agent can reproduce."""

from auditor.rule import Rule

from . import (
    missing_dev_environment,
    missing_lockfile,
    missing_one_command_setup,
    unpinned_runtime,
)

RULES: tuple[Rule, ...] = (
    missing_lockfile.RULE,
    missing_one_command_setup.RULE,
    unpinned_runtime.RULE,
    missing_dev_environment.RULE,
)
