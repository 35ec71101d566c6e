"""Linters, formatters and type checkers the repository configures and runs."""

from __future__ import annotations

from auditor.index.facts.model import Command, ToolUse
from auditor.index.facts.sources import FactSources


def find_tools(src: FactSources, commands: tuple[Command, ...]) -> tuple[ToolUse, ...]:
    return ()
