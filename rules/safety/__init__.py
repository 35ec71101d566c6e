"""Rules of the safety category."""

from auditor.rule import Rule

RULES: tuple[Rule, ...] = ()
