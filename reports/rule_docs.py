"""Where the project and its rule documentation live: the one place that names the URL."""

from __future__ import annotations

PROJECT_URL = "https://github.com/agent-readiness-auditor/auditor"
"""The project's home; SARIF's informationUri and every rule link derive from it."""
RULE_DOCS_URL = f"{PROJECT_URL}/blob/main/docs/rules"


def rule_doc_url(rule_id: str) -> str:
    """The page that documents `rule_id` (generated from its declaration)."""
    return f"{RULE_DOCS_URL}/{rule_id}.md"
