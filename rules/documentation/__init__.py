"""Rules of the documentation category: docs an agent reads before it starts."""

from auditor.rule import Rule

from . import (
    docstring_drift,
    missing_architecture_doc,
    missing_contributing_guide,
    missing_license,
    thin_readme,
    undocumented_env_vars,
)

RULES: tuple[Rule, ...] = (
    thin_readme.RULE,
    missing_contributing_guide.RULE,
    missing_architecture_doc.RULE,
    undocumented_env_vars.RULE,
    missing_license.RULE,
    docstring_drift.RULE,
)
