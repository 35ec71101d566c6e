"""Agent instruction files: AGENTS.md, CLAUDE.md, Cursor and Copilot rules, and their kin."""

from __future__ import annotations

import re
from collections.abc import Iterator

from auditor.facts.sources import FactSources
from auditor.index.limits import MAX_SCAN_BYTES, SCAN_CAP

INSTRUCTION_FILE = re.compile(
    r"""(?:^|/)(?:
        (?:AGENTS|AGENTS\.override|AGENT|CLAUDE|CLAUDE\.local|GEMINI)\.md
      | \.cursorrules | \.windsurfrules | \.clinerules
      | \.claude/rules/(?:[^/]+/)*[^/]+\.md
      | \.cursor/rules | \.cursor/(?:[^/]+/)*[^/]+\.mdc | \.cursor/rules/(?:[^/]+/)*[^/]+\.md
      | \.windsurf/rules/(?:[^/]+/)*[^/]+\.md
      | \.clinerules/(?:[^/]+/)*[^/]+
    )$
    | ^\.github/(?:copilot-instructions\.md | instructions/(?:[^/]+/)*[^/]+\.instructions\.md)$
    """,
    re.VERBOSE,
)
"""Names are case-sensitive, as the agents read them: `docs/agents.md` is a page, not one.

At any depth: AGENTS.md (Codex reads one per directory, AGENTS.override.md first), AGENT.md
(Amp), CLAUDE.md / CLAUDE.local.md / .claude/CLAUDE.md and .claude/rules/ (Claude Code),
GEMINI.md, .cursorrules, .cursor/rules/**/*.md(c) (Cursor nests rule directories; a stray
`.mdc` elsewhere under .cursor/ and a `.cursor/rules` file are meant as rules too),
.windsurfrules and .windsurf/rules/, .clinerules (a file, or every file of that directory).
At the root only: .github/copilot-instructions.md and .github/instructions/**/*.instructions.md
(GitHub reads nothing else). Aider's files are the ones `.aider.conf.yml` names in `read:`.
"""
AIDER_CONFIGS = (".aider.conf.yml", ".aider.conf.yaml")


def instruction_files(src: FactSources) -> tuple[str, ...]:
    """Every agent instruction file (sorted paths), nested ones included.

    A symbolic link to a file in the repository counts under its own name too (`CLAUDE.md ->
    AGENTS.md` is read by Claude Code as CLAUDE.md); its path is then in `index.symlinks`, not
    in `index.files`, and it has no text of its own.
    """
    found = {path for path in _paths(src) if INSTRUCTION_FILE.search(path)}
    found.update(_aider_reads(src))
    for path in found:
        _note_unread(src, path)
    return tuple(sorted(found))


SCANNED_ONLY = "the safety rules scan it in chunks for secrets and planted instructions"


def _note_unread(src: FactSources, path: str) -> None:
    """A diagnostic for an instruction file the index holds no text of (over the scan cap, or
    with a NUL byte): only the safety rules read it, in chunks (`RepositoryIndex.chunks`)."""
    record = src.repo.file(path)
    if record is not None and record.size > MAX_SCAN_BYTES:
        message = f"{record.size} bytes, over the {SCAN_CAP} scan cap: an instruction file,"
        src.diagnose(path, "too-large", f"{message} so {SCANNED_ONLY}; other rules do not")
    elif record is not None and not record.is_text:
        message = f"holds a NUL byte: an instruction file, so {SCANNED_ONLY} as text"
        src.diagnose(path, "binary", f"{message}; other rules do not read it")


def _paths(src: FactSources) -> Iterator[str]:
    """Indexed files, and links that stay inside the repository and reach a file."""
    yield from (record.path for record in src.repo.files)
    yield from (path for path in src.repo.links if src.repo.file(path) is None)


def _aider_reads(src: FactSources) -> set[str]:
    """The files aider's root config loads with `read:` (a path or a list of paths)."""
    known = set(_paths(src))
    found: set[str] = set()
    for config in AIDER_CONFIGS:
        if config not in known:
            continue
        data = src.yaml(config)
        read = data.get("read") if isinstance(data, dict) else None
        for entry in [read] if isinstance(read, str) else read if isinstance(read, list) else []:
            path = _repository_path(entry) if isinstance(entry, str) else None
            if path is not None and path in known:
                found.add(path)
    return found


def _repository_path(entry: str) -> str | None:
    """`entry` as a repository-relative POSIX path, or None when it points elsewhere."""
    parts: list[str] = []
    for part in entry.strip().replace("\\", "/").split("/"):
        if part in ("", "."):
            continue
        if part == ".." and parts:
            parts.pop()
        elif part == ".." or part.startswith("~"):
            return None
        else:
            parts.append(part)
    if entry.strip().startswith("/") or not parts:
        return None
    return "/".join(parts)
