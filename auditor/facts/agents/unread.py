"""The unreadable paths that may hold instructions an agent working on a path would load."""

from __future__ import annotations

from auditor.facts.agents.instruction_files import INSTRUCTION_FILE
from auditor.index.repository import RepositoryIndex
from auditor.model import Diagnostic


def unread_instructions(index: RepositoryIndex, target: str) -> tuple[Diagnostic, ...]:
    """The `unreadable` diagnostics (chmod 000) that leave the loading model incomplete for
    `target`: an instruction file anywhere, `target` itself, what lies below it, or a
    directory above it that could not be listed (whatever it holds is unknown). An agent
    running as the same user is refused them too; the model cannot count them."""
    return tuple(
        d
        for d in index.diagnostics
        if d.kind == "unreadable"
        and (
            INSTRUCTION_FILE.search(d.path) is not None
            or d.path == target
            or target.startswith(d.path + "/")
            or (target != "" and d.path.startswith(target + "/"))
        )
    )
