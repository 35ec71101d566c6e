"""Rules of the navigability category."""

from auditor.rule import Rule

RULES: tuple[Rule, ...] = ()
