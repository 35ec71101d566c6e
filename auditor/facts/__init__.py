"""Facts: what the repository is and how it is worked on, derived once from the index.

Importing this package is cheap: the detectors load when `derive.derive_facts` first runs.
"""

from auditor.facts.model import Command, Docs, Facts, FileSize, ToolUse, Workspace

__all__ = ["Command", "Docs", "Facts", "FileSize", "ToolUse", "Workspace"]
