"""Commands the repository runs or documents: CI steps, hooks, task runners, scripts, docs."""

from __future__ import annotations

from auditor.index.facts.model import Command
from auditor.index.facts.sources import FactSources


def collect_commands(src: FactSources, instruction_files: tuple[str, ...]) -> tuple[Command, ...]:
    """Every command found, in a stable order (by path, then line)."""
    return ()
