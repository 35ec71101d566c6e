"""Rules of the instructions category."""

from auditor.rule import Rule

RULES: tuple[Rule, ...] = ()
