"""GitHub Copilot: repository-wide instructions, `applyTo` path instructions, nearest AGENTS.md."""

from __future__ import annotations

from auditor.facts.agents.model import AgentLoad, LoadedFile, SkippedFile
from auditor.facts.agents.paths import InstructionTree, ancestors, joined

REPOSITORY_WIDE = ".github/copilot-instructions.md"
PATH_SPECIFIC = ".github/instructions/"
NOTES = (
    "GitHub's docs once said Copilot code review reads only the first 4,000 characters of an "
    "instruction file; the sentence was removed in 2026 (github/docs#42761).",
    "Personal and organisation instructions are added from GitHub settings; they are not in "
    "the repository.",
)


def is_path_specific(path: str) -> bool:
    return path.startswith(PATH_SPECIFIC) and path.endswith(".instructions.md")


def copilot_load(tree: InstructionTree, target: str) -> AgentLoad:
    loaded: list[LoadedFile] = []
    skipped: list[SkippedFile] = []
    if tree.is_file(REPOSITORY_WIDE):
        loaded.append(LoadedFile(REPOSITORY_WIDE, tree.size(REPOSITORY_WIDE), "repository-wide"))
    for path in tree.paths:
        if not is_path_specific(path):
            continue
        globs = tree.frontmatter(path).items("applyTo")
        if globs and tree.matches(globs, target):
            loaded.append(LoadedFile(path, tree.size(path), f"applyTo {', '.join(globs)} matches"))
        else:
            why = f"applyTo {', '.join(globs)} does not match" if globs else "no applyTo"
            skipped.append(SkippedFile(path, why))
    chain = ancestors(tree.directory_of(target))
    nearest = [joined(d, "AGENTS.md") for d in chain if tree.is_file(joined(d, "AGENTS.md"))]
    if nearest:
        loaded.append(LoadedFile(nearest[-1], tree.size(nearest[-1]), "nearest AGENTS.md"))
        skipped.extend(SkippedFile(p, f"{nearest[-1]} is nearer") for p in nearest[:-1])
    else:
        for name in ("CLAUDE.md", "GEMINI.md"):
            if tree.is_file(name):
                loaded.append(LoadedFile(name, tree.size(name), "root file, no AGENTS.md"))
                break
    return AgentLoad("copilot", "GitHub Copilot", target, tuple(loaded), tuple(skipped), NOTES)
