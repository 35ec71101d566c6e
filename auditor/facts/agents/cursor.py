"""Cursor: .cursor/rules by alwaysApply, globs and description; legacy .cursorrules; AGENTS.md."""

from __future__ import annotations

from auditor.facts.agents.model import AgentLoad, LoadedFile, SkippedFile
from auditor.facts.agents.paths import InstructionTree, ancestors, joined

RULES_DIR = ".cursor/rules/"
NOTES = ("User rules from Cursor's settings are added too; they are not in the repository.",)


def rule_base(path: str) -> str | None:
    """The directory a Cursor rule file belongs to ("" for the root), or None if not a rule."""
    marker = f"/{RULES_DIR}"
    at = f"/{path}".find(marker)
    if at < 0 or not path.endswith((".mdc", ".md")):
        return None
    return path[: max(at - 1, 0)] if at else ""


def is_cursor_rule(path: str) -> bool:
    return rule_base(path) is not None


def cursor_load(tree: InstructionTree, target: str) -> AgentLoad:
    chain = ancestors(tree.directory_of(target))
    loaded: list[LoadedFile] = []
    skipped: list[SkippedFile] = []
    if tree.is_file(".cursorrules"):
        loaded.append(LoadedFile(".cursorrules", tree.size(".cursorrules"), "legacy, always"))
    for path in tree.paths:
        base = rule_base(path)
        if base is not None:
            _judge_rule(tree, path, base, target, chain, loaded, skipped)
        elif path.rpartition("/")[2] == "AGENTS.md":
            directory = path.rpartition("/")[0]
            if directory in chain:
                loaded.append(LoadedFile(path, tree.size(path), "AGENTS.md on the path"))
            else:
                skipped.append(SkippedFile(path, f"applies only under {joined(directory, '')}"))
        elif "/.cursor/" in f"/{path}":
            skipped.append(SkippedFile(path, "not in .cursor/rules/, where Cursor looks for rules"))
    return AgentLoad("cursor", "Cursor", target, tuple(loaded), tuple(skipped), NOTES)


def _judge_rule(
    tree: InstructionTree,
    path: str,
    base: str,
    target: str,
    chain: list[str],
    loaded: list[LoadedFile],
    skipped: list[SkippedFile],
) -> None:
    front = tree.frontmatter(path)
    size = tree.size(path)
    globs = front.items("globs")
    if base not in chain:
        skipped.append(SkippedFile(path, f"nested rule, applies only under {joined(base, '')}"))
    elif (front.text("alwaysApply") or "").lower() == "true":
        loaded.append(LoadedFile(path, size, "alwaysApply"))
    elif globs and tree.matches(globs, target, base):
        loaded.append(LoadedFile(path, size, f"globs {', '.join(globs)} match"))
    elif front.text("description"):
        loaded.append(LoadedFile(path, size, "the agent decides from its description", maybe=True))
    elif globs:
        skipped.append(SkippedFile(path, f"globs {', '.join(globs)} do not match"))
    else:
        skipped.append(SkippedFile(path, "manual rule: loaded only when @-mentioned"))
