"""Rules of the feedback category."""

from auditor.rule import Rule

RULES: tuple[Rule, ...] = ()
