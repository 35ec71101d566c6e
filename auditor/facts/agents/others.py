"""Gemini CLI, Windsurf, Cline and Aider: the smaller loaders."""

from __future__ import annotations

from auditor.facts.agents.model import AgentLoad, LoadedFile, SkippedFile
from auditor.facts.agents.paths import InstructionTree, ancestors, joined
from auditor.facts.agents.settings import GEMINI_SETTINGS
from auditor.structured_text import MalformedDocument, load_yaml

WINDSURF_LEGACY_CHARS = 6000
WINDSURF_RULE_CHARS = 12000
AIDER_CONFIGS = (".aider.conf.yml", ".aider.conf.yaml")
WINDSURF_RULES = ".windsurf/rules/"


def gemini_names(tree: InstructionTree) -> tuple[str, ...]:
    """The context file names Gemini CLI reads: `context.fileName` in settings, or GEMINI.md."""
    for settings in tree.settings:
        if settings.path == GEMINI_SETTINGS and settings.context_file_names:
            return settings.context_file_names
    return ("GEMINI.md",)


def gemini_load(tree: InstructionTree, target: str) -> AgentLoad:
    names = gemini_names(tree)
    loaded: dict[str, LoadedFile] = {}
    for directory in ancestors(tree.directory_of(target)):
        for name in names:
            path = joined(directory, name)
            if tree.is_file(path) and path not in loaded:
                why = "on the path" if directory else "root"
                loaded[path] = LoadedFile(path, tree.size(path), why)
                _imports(tree, loaded, path, 1)
    skipped = [
        SkippedFile(p, f"applies only under {joined(p.rpartition('/')[0], '')}")
        for p in tree.paths
        if p.rpartition("/")[2] in names and p not in loaded
    ]
    notes = ["Gemini CLI also loads ~/.gemini/GEMINI.md, and files in directories it touches."]
    if names != ("GEMINI.md",):
        notes.append(f"{GEMINI_SETTINGS} sets the context file name to {', '.join(names)}.")
    return AgentLoad(
        "gemini", "Gemini CLI", target, tuple(loaded.values()), tuple(skipped), tuple(notes)
    )


def _imports(tree: InstructionTree, loaded: dict[str, LoadedFile], path: str, depth: int) -> None:
    if depth > 5:
        return
    for _, imported in tree.imports(path):
        if imported not in loaded:
            loaded[imported] = LoadedFile(imported, tree.size(imported), f"imported by {path}")
            _imports(tree, loaded, imported, depth + 1)


def windsurf_load(tree: InstructionTree, target: str) -> AgentLoad:
    loaded: list[LoadedFile] = []
    skipped: list[SkippedFile] = []
    if tree.is_file(".windsurfrules"):
        loaded.append(_capped(tree, ".windsurfrules", "legacy, always", WINDSURF_LEGACY_CHARS))
    chain = ancestors(tree.directory_of(target))
    for path in tree.paths:
        if path.startswith(WINDSURF_RULES):
            _judge_windsurf_rule(tree, path, target, loaded, skipped)
        elif path.rpartition("/")[2] == "AGENTS.md":
            directory = path.rpartition("/")[0]
            if directory in chain:
                why = "root AGENTS.md, always" if not directory else f"glob {directory}/**"
                loaded.append(_capped(tree, path, why, WINDSURF_RULE_CHARS))
            else:
                skipped.append(SkippedFile(path, f"applies only under {directory}/"))
    notes = ("Global rules from Windsurf's settings are added too; limits vary by version.",)
    return AgentLoad("windsurf", "Windsurf", target, tuple(loaded), tuple(skipped), notes)


def _judge_windsurf_rule(
    tree: InstructionTree,
    path: str,
    target: str,
    loaded: list[LoadedFile],
    skipped: list[SkippedFile],
) -> None:
    front = tree.frontmatter(path)
    trigger = (front.text("trigger") or "always_on").strip()
    globs = front.items("globs")
    if trigger == "always_on":
        loaded.append(_capped(tree, path, "always_on", WINDSURF_RULE_CHARS))
    elif trigger == "glob" and globs and tree.matches(globs, target):
        loaded.append(_capped(tree, path, f"glob {', '.join(globs)}", WINDSURF_RULE_CHARS))
    elif trigger == "model_decision":
        loaded.append(_capped(tree, path, "model decides", WINDSURF_RULE_CHARS, maybe=True))
    else:
        skipped.append(SkippedFile(path, f"trigger {trigger} does not apply here"))


def _capped(
    tree: InstructionTree, path: str, why: str, chars: int, maybe: bool = False
) -> LoadedFile:
    text = tree.text(path)
    kept = len(text[:chars].encode()) if len(text) > chars else None
    limit = f"{chars:,}-character limit"
    return LoadedFile(path, tree.size(path), why, kept, maybe, limit, tree.line_at(path, kept))


def cline_load(tree: InstructionTree, target: str) -> AgentLoad:
    loaded: list[LoadedFile] = []
    skipped: list[SkippedFile] = []
    for path in tree.paths:
        if path != ".clinerules" and not path.startswith(".clinerules/"):
            continue
        scoped = tree.frontmatter(path).items("paths")
        if not scoped or tree.matches(scoped, target):
            loaded.append(LoadedFile(path, tree.size(path), "paths match" if scoped else "always"))
        else:
            skipped.append(SkippedFile(path, "its `paths` do not match"))
    notes = ("Cline can also be set to read .cursorrules, .windsurfrules and AGENTS.md.",)
    return AgentLoad("cline", "Cline", target, tuple(loaded), tuple(skipped), notes)


def aider_reads(tree: InstructionTree) -> tuple[str, ...]:
    """The repository files `.aider.conf.yml` names in `read:`, in order."""
    for config in AIDER_CONFIGS:
        try:
            data = load_yaml(tree.text(config) or "null")
        except MalformedDocument:
            continue
        read = data.get("read") if isinstance(data, dict) else None
        entries = [read] if isinstance(read, str) else read if isinstance(read, list) else []
        return tuple(e.strip().removeprefix("./") for e in entries if isinstance(e, str))
    return ()


def aider_load(tree: InstructionTree, target: str) -> AgentLoad:
    reads = [p for p in aider_reads(tree) if tree.is_file(p)]
    loaded = tuple(LoadedFile(p, tree.size(p), "named in read:") for p in reads)
    skipped: tuple[SkippedFile, ...] = ()
    if tree.is_file("CONVENTIONS.md") and "CONVENTIONS.md" not in reads:
        skipped = (SkippedFile("CONVENTIONS.md", "not named in .aider.conf.yml `read:`"),)
    notes = ("Aider reads only the files passed with --read or named in .aider.conf.yml.",)
    return AgentLoad("aider", "Aider", target, loaded, skipped, notes)
