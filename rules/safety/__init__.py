"""Rules of the safety category: keeping secrets and stray files out of the repository."""

from auditor.rule import Rule

from . import (
    codeowners,
    committed_secrets,
    env_not_ignored,
    large_artifacts,
    missing_agent_secret_deny,
    missing_gitignore,
    missing_secret_scanning,
    unmarked_generated_code,
)

RULES: tuple[Rule, ...] = (
    missing_gitignore.RULE,
    committed_secrets.RULE,
    env_not_ignored.RULE,
    missing_secret_scanning.RULE,
    missing_agent_secret_deny.RULE,
    unmarked_generated_code.RULE,
    large_artifacts.RULE,
    codeowners.RULE,
)
