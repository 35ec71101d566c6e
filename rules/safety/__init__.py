"""Rules of the safety category: keeping secrets and stray files out of the repository."""

from auditor.rule import Rule

from . import committed_secrets, env_not_ignored, missing_gitignore

RULES: tuple[Rule, ...] = (missing_gitignore.RULE, committed_secrets.RULE, env_not_ignored.RULE)
