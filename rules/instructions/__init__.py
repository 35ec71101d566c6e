"""Rules of the instructions category: agent instruction files that exist, fit and are true."""

from auditor.rule import Rule

from . import (
    dangling_path_reference,
    instruction_chain_over_codex_cap,
    instructions_without_commands,
    loading_rules,
    long_instruction_file,
    missing_instruction_file,
    stale_managed_block,
    unresolved_command,
)

RULES: tuple[Rule, ...] = (
    missing_instruction_file.RULE,
    instruction_chain_over_codex_cap.RULE,
    long_instruction_file.RULE,
    instructions_without_commands.RULE,
    *loading_rules.RULES,
    stale_managed_block.RULE,
    dangling_path_reference.RULE,
    unresolved_command.RULE,
)
