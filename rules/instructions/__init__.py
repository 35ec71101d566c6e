"""Rules of the instructions category: agent instruction files that exist, fit and are true."""

from auditor.rule import Rule

from . import (
    instruction_chain_over_codex_cap,
    instructions_without_commands,
    long_instruction_file,
    missing_instruction_file,
)

RULES: tuple[Rule, ...] = (
    missing_instruction_file.RULE,
    instruction_chain_over_codex_cap.RULE,
    long_instruction_file.RULE,
    instructions_without_commands.RULE,
)
