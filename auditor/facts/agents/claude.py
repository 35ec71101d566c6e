"""Claude Code: CLAUDE.md up the tree, `@path` imports five hops deep, .claude/rules by paths."""

from __future__ import annotations

import posixpath

from auditor.facts.agents.model import AgentLoad, LoadedFile, SkippedFile
from auditor.facts.agents.paths import InstructionTree, ancestors, joined

CLAUDE_NAMES = ("CLAUDE.md", ".claude/CLAUDE.md", "CLAUDE.local.md")
MAX_IMPORT_DEPTH = 5
NOTES = (
    "Claude Code also loads ~/.claude/CLAUDE.md and any managed policy file first; neither is "
    "in the repository.",
    "It reads AGENTS.md natively only where no CLAUDE.md is present (Claude Code 2.1.277 and "
    "later, a third-party report); elsewhere AGENTS.md reaches it only through `@AGENTS.md` "
    "or a CLAUDE.md symbolic link.",
)


def claude_load(tree: InstructionTree, target: str) -> AgentLoad:
    chain = ancestors(tree.directory_of(target))
    loaded: dict[str, LoadedFile] = {}
    project_rules = _project_rules(tree)
    for directory in chain:
        why = "at start" if not directory else "when it reads files here"
        own = [joined(directory, n) for n in CLAUDE_NAMES if tree.is_file(joined(directory, n))]
        agents = joined(directory, "AGENTS.md")
        if not own[:1] and tree.is_file(agents):
            own = [agents]
            why += ", no CLAUDE.md beside it"
        for path in own:
            target_of = tree.link_target(path)
            linked = f", a symbolic link to {target_of}" if target_of else ""
            _add(tree, loaded, path, why + linked, depth=0)
        for rule in _rules_in(project_rules, directory):
            scoped = tree.frontmatter(rule).items("paths")
            if not scoped:
                _add(tree, loaded, rule, "project rule, always", depth=0)
            elif tree.matches(scoped, target):
                _add(tree, loaded, rule, "project rule, `paths` match", depth=0)
    skipped = _skipped(tree, chain, loaded)
    return AgentLoad("claude", "Claude Code", target, tuple(loaded.values()), skipped, NOTES)


def _skipped(
    tree: InstructionTree, chain: list[str], loaded: dict[str, LoadedFile]
) -> tuple[SkippedFile, ...]:
    """Each instruction file not loaded, with why (links and the chain looked up once)."""
    read_as_links = {tree.link_target(path) for path in loaded}
    on_chain = set(chain)
    return tuple(
        SkippedFile(path, why)
        for path in tree.paths
        if path not in loaded and (why := _why_skipped(path, on_chain, loaded, read_as_links))
    )


def agents_md_ignored(tree: InstructionTree, agents: str) -> str | None:
    """The CLAUDE.md that hides `agents` (an AGENTS.md) from Claude Code, or None."""
    directory = posixpath.dirname(agents)
    load = claude_load(tree, directory)
    if any(f.path == agents for f in load.loaded):
        return None
    own = [joined(directory, n) for n in CLAUDE_NAMES[:2] if tree.is_file(joined(directory, n))]
    if any(tree.link_target(path) == agents for path in own):
        return None
    return own[0] if own else None


def _add(
    tree: InstructionTree, loaded: dict[str, LoadedFile], path: str, why: str, depth: int
) -> None:
    if path in loaded:
        return
    loaded[path] = LoadedFile(path, tree.size(path), why)
    if depth >= MAX_IMPORT_DEPTH:
        return
    for _, imported in tree.imports(path):
        _add(tree, loaded, imported, f"imported by {path}", depth + 1)


def _project_rules(tree: InstructionTree) -> list[str]:
    """Every `.claude/rules/*.md` file, at any depth: found once per load, not per directory."""
    return [p for p in tree.paths if p.endswith(".md") and ".claude/rules/" in p]


def _rules_in(project_rules: list[str], directory: str) -> list[str]:
    prefix = joined(directory, ".claude/rules/")
    return [p for p in project_rules if p.startswith(prefix)]


def _why_skipped(
    path: str, chain: set[str], loaded: dict[str, LoadedFile], read_as_links: set[str | None]
) -> str:
    """Why Claude Code does not load `path`; "" when it does, under another name. Each
    question is a set lookup: a 1,100-deep chain of AGENTS.md asks it a million times."""
    directory, _, name = path.rpartition("/")
    if "/.claude/rules/" in f"/{path}":
        return "its `paths` do not match"
    if directory.endswith(".claude"):
        directory, name = directory.removesuffix(".claude").rstrip("/"), f".claude/{name}"
    if name == "AGENTS.md" and path in read_as_links:
        return ""  # read under the name of the link
    if name == "AGENTS.md" and directory in chain:
        own = (joined(directory, n) for n in CLAUDE_NAMES[:2])
        beside = next((p for p in own if p in loaded), joined(directory, "CLAUDE.md"))
        return f"{beside} neither imports it (`@AGENTS.md`) nor links to it"
    if name in CLAUDE_NAMES or name == "AGENTS.md":
        return f"loaded only when Claude reads files under {joined(directory, '')}"
    return ""
