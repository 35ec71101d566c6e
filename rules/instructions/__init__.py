"""Rules of the instructions category: agent instruction files that exist, fit and are true."""

from auditor_rules.instructions import missing_instruction_file

from auditor.rule import Rule

RULES: tuple[Rule, ...] = (missing_instruction_file.RULE,)
