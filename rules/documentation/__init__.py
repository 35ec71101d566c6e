"""Rules of the documentation category: docs an agent reads before it starts."""

from auditor.rule import Rule

from . import missing_contributing_guide, thin_readme

RULES: tuple[Rule, ...] = (thin_readme.RULE, missing_contributing_guide.RULE)
