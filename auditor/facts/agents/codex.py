"""OpenAI Codex: one AGENTS.md per directory from the root down, 32 KiB combined."""

from __future__ import annotations

from auditor.facts.agents.model import AgentLoad, LoadedFile, SkippedFile
from auditor.facts.agents.paths import InstructionTree, ancestors, joined

CODEX_NAMES = ("AGENTS.override.md", "AGENTS.md")
"""What Codex looks for in one directory, in order; it takes the first non-empty one."""
MAX_BYTES = 32 * 1024
"""`project_doc_max_bytes`: the combined cap of the chain; what follows is dropped silently."""
NOTES = (
    "Codex also reads ~/.codex/AGENTS.md (or AGENTS.override.md) before these, and "
    "`project_doc_fallback_filenames` in ~/.codex/config.toml can add names; neither is in "
    "the repository.",
)


def chosen_per_directory(tree: InstructionTree) -> dict[str, str]:
    """Per directory ("" for the root), the file Codex would load from it."""
    chosen: dict[str, str] = {}
    for path in tree.paths:
        directory, _, name = path.rpartition("/")
        if name not in CODEX_NAMES or tree.size(path) == 0:
            continue
        current = chosen.get(directory)
        if current is None or name == CODEX_NAMES[0]:
            chosen[directory] = path
    return chosen


def codex_load(tree: InstructionTree, target: str, max_bytes: int = MAX_BYTES) -> AgentLoad:
    chosen = chosen_per_directory(tree)
    chain = [chosen[d] for d in ancestors(tree.directory_of(target)) if d in chosen]
    loaded: list[LoadedFile] = []
    budget = max_bytes
    for path in chain:
        size = tree.size(path)
        kept = None if size <= budget else budget
        why = "nearest, read last" if path == chain[-1] and len(chain) > 1 else "on the path"
        limit = f"{max_bytes:,}-byte combined cap"
        loaded.append(LoadedFile(path, size, why, kept, False, limit, tree.line_at(path, kept)))
        budget = max(0, budget - size)
    skipped = [SkippedFile(path, _why_skipped(tree, path, chosen)) for path in tree.paths]
    return AgentLoad(
        "codex",
        "OpenAI Codex",
        target,
        tuple(loaded),
        tuple(s for s in skipped if s.path not in chain and s.why),
        NOTES,
    )


def _why_skipped(tree: InstructionTree, path: str, chosen: dict[str, str]) -> str:
    directory, _, name = path.rpartition("/")
    if name not in CODEX_NAMES:
        return ""
    if tree.size(path) == 0:
        return "empty (Codex skips empty files)"
    if chosen.get(directory) != path:
        return f"{chosen[directory]} takes its place (one file per directory)"
    return f"applies only under {joined(directory, '')}"
