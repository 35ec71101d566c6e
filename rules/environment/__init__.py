"""Rules of the environment category."""

from auditor.rule import Rule

RULES: tuple[Rule, ...] = ()
