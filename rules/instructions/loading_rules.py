"""The rules judged from what each agent loads (INS020-INS035), in id order."""

from auditor.rule import Rule

from . import (
    agents_md_hidden,
    conflicting_commands,
    directory_tree_in_instructions,
    duplicated_instructions,
    encoded_blob_in_instructions,
    generic_advice,
    hidden_unicode,
    instructions_without_boundaries,
    invalid_rule_frontmatter,
    legacy_cursorrules,
    over_vendor_size_limit,
    planted_instructions,
    remote_script_in_instructions,
    secrets_in_agent_config,
    unedited_generated_instructions,
    unmatched_rule_globs,
)

RULES: tuple[Rule, ...] = (
    agents_md_hidden.RULE,
    legacy_cursorrules.RULE,
    invalid_rule_frontmatter.RULE,
    unmatched_rule_globs.RULE,
    over_vendor_size_limit.RULE,
    conflicting_commands.RULE,
    duplicated_instructions.RULE,
    instructions_without_boundaries.RULE,
    directory_tree_in_instructions.RULE,
    generic_advice.RULE,
    unedited_generated_instructions.RULE,
    hidden_unicode.RULE,
    planted_instructions.RULE,
    remote_script_in_instructions.RULE,
    encoded_blob_in_instructions.RULE,
    secrets_in_agent_config.RULE,
)
