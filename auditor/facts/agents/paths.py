"""Instruction files seen from one target path: sizes, directory chains, globs and imports."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable

import pathspec

from auditor.facts.agents.frontmatter import Frontmatter, read_frontmatter
from auditor.facts.subject import Subject
from auditor.ignore_patterns import ignore_spec
from auditor.index.read_log import ReadLog, shared

IMPORT = re.compile(r"(?<![\w`/@])@((?:\.{1,2}/|\.?[\w-])[\w./-]*[\w-])")
"""`@path` imports of Claude Code and Gemini CLI (not emails, not `@scope/pkg` in code)."""
FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
INLINE_CODE = re.compile(r"`[^`\n]*`")
BRACES = re.compile(r"\{([^{}]*,[^{}]*)\}")


class InstructionTree:
    """The instruction files of a subject and the questions every agent's loader asks."""

    def __init__(self, subject: Subject) -> None:
        self.index = subject.files
        self.paths: tuple[str, ...] = subject.facts.instruction_files
        self.settings = subject.facts.agent_settings
        self._frontmatter: dict[str, tuple[Frontmatter, ReadLog]] = {}

    def is_file(self, path: str) -> bool:
        return self.index.file(path) is not None or path in self.index.links

    def size(self, path: str) -> int:
        record = self.index.file(self.index.links.get(path, path))
        return record.size if record is not None else 0

    def text(self, path: str) -> str:
        return self.index.text(path) or ""

    def line_at(self, path: str, kept: int | None) -> int | None:
        """The line where a cut after `kept` bytes falls (None for no cut or nothing kept)."""
        if not kept:
            return None
        return self.text(path).encode()[:kept].count(b"\n") + 1

    def link_target(self, path: str) -> str | None:
        return self.index.links.get(path)

    def directory_of(self, target: str) -> str:
        """The directory an agent works in for `target` (a file's parent, or the directory)."""
        target = target.strip("/")
        if self.is_file(target):
            return posixpath.dirname(target)
        return target

    def frontmatter(self, path: str) -> Frontmatter:
        return shared(self._frontmatter, path, lambda: read_frontmatter(self.text(path)))

    def matches(self, patterns: Iterable[str], target: str, base: str = "") -> bool:
        """Whether a glob (relative to `base`) matches `target`, or a file below a directory."""
        spec = glob_spec(patterns)
        if spec is None:
            return False
        prefix = base.rstrip("/") + "/" if base else ""
        target = target.strip("/")
        if self.is_file(target):
            return target.startswith(prefix) and spec.match_file(target[len(prefix) :])
        under = target or base
        return any(
            f.path.startswith(prefix) and spec.match_file(f.path[len(prefix) :])
            for f in self.index.under(under)
        )

    def matching_files(self, patterns: Iterable[str], base: str = "") -> int:
        """How many indexed files a glob list (relative to `base`) matches."""
        spec = glob_spec(patterns)
        if spec is None:
            return 0
        cut = len(base.rstrip("/") + "/") if base else 0
        return sum(1 for f in self.index.under(base) if spec.match_file(f.path[cut:]))

    def imports(self, path: str) -> tuple[tuple[int, str], ...]:
        """The `@path` imports of a file that name a repository file: (line, resolved path)."""
        found: list[tuple[int, str]] = []
        here = posixpath.dirname(path)
        fence: str | None = None
        for number, line in enumerate(self.text(path).splitlines(), start=1):
            opened = FENCE.match(line)
            if opened:
                fence = None if fence and opened.group(1).startswith(fence) else fence or opened[1]
                continue
            if fence:
                continue
            for match in IMPORT.finditer(INLINE_CODE.sub("", line)):
                resolved = self._resolve(here, match.group(1))
                if resolved is not None:
                    found.append((number, resolved))
        return tuple(found)

    def _resolve(self, here: str, written: str) -> str | None:
        """An import relative to the importing file, else to the root; None if no such file."""
        for base in (here, ""):
            resolved = posixpath.normpath(posixpath.join(base, written))
            if not resolved.startswith("../") and self.is_file(resolved):
                return resolved
        return None


def ancestors(directory: str) -> list[str]:
    """`directory` and every directory above it, root ("") first."""
    parts = directory.split("/") if directory else []
    return ["", *("/".join(parts[: i + 1]) for i in range(len(parts)))]


def joined(directory: str, name: str) -> str:
    return f"{directory}/{name}" if directory else name


def glob_spec(patterns: Iterable[str]) -> pathspec.GitIgnoreSpec | None:
    """Gitignore-style globs, with `{a,b}` alternatives expanded; None when there are none."""
    expanded = [p for pattern in patterns for p in _expand(pattern.strip()) if p]
    if not expanded:
        return None
    return ignore_spec(expanded)


def _expand(pattern: str) -> list[str]:
    match = BRACES.search(pattern)
    if match is None:
        return [pattern.removeprefix("./")]
    head, tail = pattern[: match.start()], pattern[match.end() :]
    return [p for option in match.group(1).split(",") for p in _expand(head + option + tail)]
