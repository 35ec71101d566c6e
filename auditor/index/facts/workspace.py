"""Multi-package workspaces: uv, pnpm, npm, yarn, cargo, go modules, maven modules."""

from __future__ import annotations

from auditor.index.facts.model import Workspace
from auditor.index.facts.sources import FactSources


def find_workspace(src: FactSources) -> Workspace | None:
    """The workspace the repository declares, with its package directories, or None."""
    return None
