"""What one coding agent loads for one path: the files, in order, and what it cuts or skips."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class LoadedFile:
    """An instruction file an agent puts in its context, in the order it reads them."""

    path: str
    size: int
    """Bytes of the file (of its target, for a symbolic link)."""
    why: str
    """Why it is loaded: "always", "applies to the path", "imported by CLAUDE.md", ..."""
    kept: int | None = None
    """Bytes the agent keeps when it cuts the file short; None when it reads all of it."""
    maybe: bool = False
    """Loaded only if the agent decides so (a Cursor rule with a description only)."""
    limit: str = ""
    """The limit that cuts it, when `kept` is set: "32 KiB combined cap", ..."""
    cut_line: int | None = None
    """The 1-based line where the cut falls, when the file is cut part-way."""

    @property
    def read(self) -> int:
        return self.size if self.kept is None else self.kept

    @property
    def tokens(self) -> int:
        """Estimated model tokens of what is read (bytes / 4, as the index estimates)."""
        return (self.read + 3) // 4


@dataclass(frozen=True, slots=True)
class SkippedFile:
    """An instruction file present in the repository that this agent does not load here."""

    path: str
    why: str


@dataclass(frozen=True, slots=True)
class OnDemandFile:
    """A skill, custom agent, command or hook config an agent reads only when something calls
    for it, not at the start of every task."""

    path: str
    kind: str
    """skill | agent | command | hooks"""
    name: str
    when: str
    """When the agent reads it: "when the task matches its description: ...", "when the user
    types /name", ..."""
    size: int
    """Bytes of the file (of its target, for a symbolic link)."""
    linked_from: str | None = None
    """The indexed file a symbolic link (of the file or a directory above it) resolves to."""


@dataclass(frozen=True, slots=True)
class AgentLoad:
    """Everything one agent loads when it works on `target`."""

    agent: str
    """Key: codex, claude, copilot, cursor, gemini, windsurf, cline, aider."""
    title: str
    target: str
    """Repository-relative path ("" for the root) the agent works on."""
    loaded: tuple[LoadedFile, ...] = ()
    skipped: tuple[SkippedFile, ...] = ()
    notes: tuple[str, ...] = ()
    """What the repository cannot tell: user-level files, settings, unverified behaviour."""
    on_demand: tuple[OnDemandFile, ...] = ()
    """Skills, custom agents, commands and hooks that apply here, read only when called for
    (not counted in `bytes_read`)."""

    @property
    def bytes_read(self) -> int:
        return sum(f.read for f in self.loaded if not f.maybe)

    @property
    def tokens(self) -> int:
        return sum(f.tokens for f in self.loaded if not f.maybe)

    @property
    def cut(self) -> tuple[LoadedFile, ...]:
        """The loaded files the agent truncates or drops."""
        return tuple(f for f in self.loaded if f.kept is not None)
