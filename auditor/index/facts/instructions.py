"""Agent instruction files: AGENTS.md, CLAUDE.md, Cursor and Copilot rules, and their kin."""

from __future__ import annotations

from auditor.index.facts.sources import FactSources


def instruction_files(src: FactSources) -> tuple[str, ...]:
    names = {"AGENTS.md", "CLAUDE.md", "GEMINI.md", ".cursorrules", ".windsurfrules"}
    return tuple(f.path for f in src.index.files if f.path.rsplit("/", 1)[-1] in names)
