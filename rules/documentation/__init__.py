"""Rules of the documentation category."""

from auditor.rule import Rule

RULES: tuple[Rule, ...] = ()
